"""Stage 3: coreference inside one article, for quote sources.

A quote's source as written ("he", "Merkel", "the minister", "the chancellor", "Mr Blair")
is resolved to the canonical full name of the person meant:

- a name or surname goes through ``EntityIndex.resolve`` (aliases, surnames);
- a role noun ("the president", "the foreign minister", "the city's mayor") goes to the person
  most recently mentioned before it who holds a matching title in this article;
- a pronoun goes to the most recent compatible person: the previous quote's speaker when the
  previous quote is close, else the last person mentioned before the quote, skipping people
  whose gender (from an honorific or a common given name) contradicts the pronoun.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.extract.entities import EntityIndex
from knowledge.extract.gazetteer import CANCILLER_STATES, given_names, load_gazetteer, words_of
from knowledge.models import Entity, EntityKind

MALE_PRONOUNS = frozenset({"he", "him", "his"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we"})
PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | {"i", "it"}

# How far back (characters) a pronoun may reach for its person.
_PRONOUN_REACH = 1500


@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolved source: the entity (when one is known) and the name to show."""

    name: str
    entity: Entity | None
    role: str | None = None


def _serves(entity: Entity, country: str) -> bool:
    """Whether what the article says of a person ties them to ``country``."""
    return country in _countries_of(entity)


def _serves_elsewhere(entity: Entity, country: str) -> bool:
    """Whether what the article says of a person ties them to a country other than
    ``country`` and never to it (a person with no country stated may still be meant)."""
    tied = _countries_of(entity)
    return bool(tied) and country not in tied


def _countries_of(entity: Entity) -> set[str]:
    """The countries a person's stated country and role affiliations name."""
    gaz = load_gazetteer()
    tied = {entity.country} if entity.country else set()
    for role in entity.roles:
        if role.affiliation is None:
            continue
        words = role.affiliation.split()
        for n in (3, 2, 1):  # "Republic of Peru", "United States": its last words
            found = gaz.country_of(" ".join(words[-n:]))
            if found is not None:
                tied.add(found)
                break
    return tied


def gender_of(entity: Entity, text: str, others: Sequence[int] = ()) -> str | None:
    """'m', 'f' or None, from an honorific before a mention or the given name.

    ``others`` (sorted) are where people are named: a pronoun after the next of them is
    theirs ("X and Y will meet, her office said": "her" is no vote for X).
    """
    male, female = given_names()
    for span in entity.mentions[:6]:
        before = text[max(0, span.start - 5) : span.start]
        if before.endswith(("Mr ", "Mr. ")):
            return "m"
        if before.endswith(("Mrs ", "Mrs. ", "Ms ", "Ms. ", "Miss ")):
            return "f"
    for role in entity.roles:
        head = role.title.split(" of ")[0].split()[-1] if role.title else ""
        if head in _MALE_ROLES:
            return "m"
        if head in _FEMALE_ROLES:
            return "f"
    first = entity.name.split()[0]
    if first in male:
        return "m"
    if first in female:
        return "f"
    # the pronouns that follow the person's mentions ("Lonechild said she ...")
    votes_m = votes_f = 0
    for span in entity.mentions[:8]:
        stop = span.end + 100
        k = bisect.bisect_right(others, span.end)
        if k < len(others):
            stop = min(stop, others[k])
        window = text[span.end : stop]
        votes_m += len(_MALE_WORDS.findall(window))
        votes_f += len(_FEMALE_WORDS.findall(window))
    if votes_m > votes_f * 2 and votes_m >= 1:
        return "m"
    if votes_f > votes_m * 2 and votes_f >= 1:
        return "f"
    return None


_PREPOSITIONS = frozenset(
    words_of("from with to by of about against than for toward towards on at into over")
)
_DETERMINERS = frozenset(words_of("the a an his her their its senior former fellow"))
# Words before a name that are no verb taking it as object: "X and Y", "said Y", "than Y".
_NOT_VERBS = frozenset(
    words_of(
        """and or but nor than as said says added adds wrote writes replied answered according
        like including unlike whereas while then also"""
    )
)
_MALE_ROLES = frozenset(
    words_of(
        """father son husband brother grandfather grandson uncle nephew king prince sultan emir
        son-in-law father-in-law brother-in-law dad spokesman chairman congressman businessman
        sheikh"""
    )
)
_FEMALE_ROLES = frozenset(
    words_of(
        """mother daughter wife sister grandmother granddaughter aunt niece queen princess widow
        daughter-in-law mother-in-law sister-in-law mom mum spokeswoman chairwoman congresswoman
        businesswoman"""
    )
)
_BODY_NOUNS = frozenset(words_of("agency company firm group organisation organization"))
# Bodies of a state: "the group" or "the company" is never one ("Congress", "the Senate").
_STATE_BODIES = frozenset(
    words_of(
        """Congress Senate House Parliament Court Assembly Council Government Administration
        Ministry Department Cabinet Commission Committee Army Navy Police"""
    )
)
_TO_VERB = re.compile(r"\s+to\s+[a-z]+")
# A counterpart met, called or hosted, named after the noun (and a "from"/"of" phrase or a
# comma): the object of the meeting, never its subject.
_MET_COUNTERPART = re.compile(
    r"\b(?:met|meets|meet|meeting|with|hosted|hosts|received|receives|welcomed|welcomes|called|"
    r"calls|phoned|visited|visits|joined|joins|and)\s+(?:(?:his|her|their|its|the)\s+)?"
    r"(?:[\w’'-]+\s+){0,3}?counterparts?(?:\s+(?:from|of|in)\s+(?:the\s+)?"
    r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})?,?\s+(?:[A-Za-z][\w-]*\s+){0,3}$"
)
_MALE_WORDS = re.compile(r"\b(?:he|his|him|himself|He|His)\b")
_FEMALE_WORDS = re.compile(r"\b(?:she|her|hers|herself|She|Her)\b")


# "the elder Harlan", "the younger Mr Harlan", "Harlan Sr.", "Harlan junior": one of two
# namesakes of different generations
_GENERATION = re.compile(
    r"(?:[Tt]he\s+)?(?P<which>elder|younger|older|senior|junior)\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<surname>[A-Z][\w’'-]+)"
    r"|(?P<surname2>[A-Z][\w’'-]+)\s+(?P<which2>senior|junior|Sr\.?|Jr\.?|Snr\.?|Jnr\.?)"
)
_ELDER_WORDS = frozenset(("elder", "older", "senior", "sr", "snr"))
# "his son, President Jeb Harlan", "her father George": a kinship noun before the name
_KIN_BEFORE = re.compile(
    r"\b(son|daughter|father|mother)(?:[’']s)?\s*,?\s+(?:(?:[A-Z][\w.’'-]*|the|former)\s+){0,3}$",
    re.IGNORECASE,
)


def _bare_surname(name: str) -> str:
    """The surname of a full name, past a generational suffix ("Harlan" in "Jeb Harlan Jr.")."""
    words = name.split()
    if len(words) > 2 and words[-1].rstrip(".") in ("Jr", "Sr", "Jnr", "Snr", "II", "III"):
        return words[-2]
    return words[-1]


def _role_of(entity: Entity) -> str | None:
    for role in entity.roles:
        if role.title:
            return f"{role.title} ({role.affiliation})" if role.affiliation else role.title
    return None


class Coreference:
    """Resolves source mentions against one article's ``EntityIndex``."""

    def __init__(self, index: EntityIndex, text: str) -> None:
        self._index = index
        self._text = text
        self._person_mentions = [
            m for m in index.mentions if m.kind is EntityKind.PERSON and index.get(m.entity_id)
        ]
        self._starts = [m.start for m in self._person_mentions]
        self._genders: dict[str, str | None] = {}
        # spans inside quote marks, sorted: a name someone speaks is no antecedent of the
        # narrator's "he said" ('"I thanked Secretary Hask," he added': he is not Hask)
        self._quoted: list[tuple[int, int]] = []
        self._quoted_starts: list[int] = []

    def set_quoted(self, spans: list[tuple[int, int]]) -> None:
        """The spans inside quote marks, whose names pronouns do not reach."""
        self._quoted = sorted(spans)
        self._quoted_starts = [a for a, _ in self._quoted]

    def _inside_quote(self, position: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, position) - 1
        return k >= 0 and position < self._quoted[k][1]

    @property
    def index(self) -> EntityIndex:
        """The article's entities this coreference resolves against."""
        return self._index

    def _gender(self, entity: Entity) -> str | None:
        if entity.id not in self._genders:
            self._genders[entity.id] = gender_of(entity, self._text, self._starts)
        return self._genders[entity.id]

    def resolution(self, entity: Entity) -> Resolution:
        """The display form of a known entity."""
        return Resolution(entity.name, entity, _role_of(entity))

    def person_at(self, start: int, end: int) -> Entity | None:
        """The first person mentioned within ``[start, end)``, possessors excepted.

        In "Campbell's partner" the source is the partner, not Campbell.
        """
        for mention in self._index.mentions_in(start, end):
            if mention.kind is not EntityKind.PERSON:
                continue
            if self._text[mention.end : mention.end + 2] in ("’s", "'s"):
                continue
            return self._index.get(mention.entity_id)
        return None

    def topic_person(
        self, position: int, last_speaker: tuple[Entity, int] | None = None
    ) -> Entity | None:
        """The person a description ("the bespectacled professor") most likely means.

        Unlike a pronoun, a description often follows a sentence *about* someone ("I'm
        talking about X, who ..."), so people named after a preposition count fully.
        """
        return self._nearest(position, None, last_speaker, objects_too=True)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The first entity of any kind mentioned within ``[start, end)``."""
        for mention in self._index.mentions_in(start, end):
            return self._index.get(mention.entity_id)
        return None

    def pronoun(
        self, pronoun: str, position: int, last_speaker: tuple[Entity, int] | None = None
    ) -> Entity | None:
        """The person a pronoun at ``position`` most likely means."""
        word = pronoun.casefold()
        if word in PLURAL_PRONOUNS or word in ("it", "i"):
            return None
        wanted = "m" if word in MALE_PRONOUNS else "f"
        return self._nearest(position, wanted, last_speaker)

    def _nearest(
        self,
        position: int,
        wanted: str | None,
        last_speaker: tuple[Entity, int] | None,
        *,
        objects_too: bool = False,
    ) -> Entity | None:
        hi = bisect.bisect_left(self._starts, position)
        candidate: Entity | None = None
        candidate_at = -1
        fallback: tuple[Entity, int] | None = None
        for k in range(hi - 1, -1, -1):
            mention = self._person_mentions[k]
            if position - mention.end > _PRONOUN_REACH:
                break
            entity = self._index.get(mention.entity_id)
            if entity is None:
                continue
            gender = self._gender(entity)
            if wanted is not None and gender is not None and gender != wanted:
                continue
            if self._text[mention.end : mention.end + 2] in ("’s", "'s"):
                continue
            if not objects_too and self._quoted and self._inside_quote(mention.start):
                continue
            if not objects_too and self._text[mention.end : position].strip() == ",":
                continue  # "Schumer, he said, “knows ...”": he is not the name just before
            if not objects_too and self._is_object(mention.start):
                # "an idea from Frank Clayton": an object is a weaker antecedent than a subject
                fallback = fallback or (entity, mention.start)
                continue
            candidate, candidate_at = entity, mention.start
            if wanted == "f" and gender is None:
                # "A met B, her office said": a woman named in the same sentence (an object
                # too) means more than a person whose gender is unknown. Not for "he": most
                # people named in news copy are men, so an unknown subject stays the likelier
                # "he" ("Talbot thanked Hask. He said": Talbot)
                sure = (
                    fallback
                    if fallback is not None and self._gender(fallback[0]) == wanted
                    else self._same_sentence_gender(k, position, wanted)
                )
                if sure is not None:
                    candidate, candidate_at = sure
            break
        if candidate is None and fallback is not None:
            candidate, candidate_at = fallback
        if last_speaker is not None and last_speaker[0].kind is EntityKind.PERSON:
            speaker, at = last_speaker
            gender = self._gender(speaker)
            compatible = wanted is None or gender is None or gender == wanted
            # The previous speaker stays the topic unless someone else was named since the
            # previous quote and its attribution ended.
            if compatible and (candidate is None or candidate_at < at or candidate is speaker):
                return speaker
        return candidate

    def _same_sentence_gender(
        self, k: int, position: int, wanted: str
    ) -> tuple[Entity, int] | None:
        """The nearest person before mention ``k`` in the sentence ending at ``position``
        whose gender is ``wanted`` (possessors and names inside quotes excepted)."""
        lo = max(0, position - 300)
        for stop in ".!?\n":
            at = self._text.rfind(stop + " " if stop != "\n" else stop, lo, position)
            if at >= 0:
                lo = max(lo, at + 1)
        for j in range(k - 1, -1, -1):
            mention = self._person_mentions[j]
            if mention.start < lo:
                break
            entity = self._index.get(mention.entity_id)
            if entity is None or self._gender(entity) != wanted:
                continue
            if self._text[mention.end : mention.end + 2] in ("’s", "'s"):
                continue
            if self._quoted and self._inside_quote(mention.start):
                continue
            return entity, mention.start
        return None

    def _is_object(self, start: int) -> bool:
        """Whether a mention follows a preposition: "an idea from (researcher) Frank Clayton"."""
        if _MET_COUNTERPART.search(self._text, max(0, start - 100), start):
            # "A met her French counterpart, B, ...": B is whom A met, however the apposition
            # is punctuated; "A said" after it still means A
            return True
        words = self._text[max(0, start - 60) : start].split()
        if [w.lower() for w in words[-2:]] == ["according", "to"]:
            return False  # "according to X": X is a source, the subject of what follows
        titles = load_gazetteer().titles
        for k in range(len(words) - 1, max(-1, len(words) - 5), -1):
            word = words[k]
            if word[-1:] in ',;:.!?)”"':
                return False  # "On Wednesday, Brunn ...": the phrase ended before the name
            low = word.lower()
            if low == "by" and k > 0 and words[k - 1].lower().endswith(("ed", "en", "wn")):
                return False  # "denied by X": the agent of a passive acts, no object
            if low in _PREPOSITIONS:
                # "For Megda Bel, Friday is a day she ...": a fronted phrase names the topic
                return not (
                    word[:1].isupper() and self._text.startswith(",", self._mention_end(start))
                )
            if word[:1].isupper() or low in _DETERMINERS or low in titles:
                continue
            # "Talbot thanked Hask", "who had lobbied Rusk": the object of a verb whose
            # subject, a person, was named earlier in the same clause
            # ("leaving Vice President Ann Roe to talk with reporters" makes Roe the one who
            # acts next: an object before "to <verb>" stays a full antecedent)
            return (
                low.isalpha()
                and low not in _NOT_VERBS
                and not _TO_VERB.match(self._text, self._mention_end(start))
                and self._subject_before(self._text.rfind(word, max(0, start - 60), start))
            )
        return False

    def _mention_end(self, start: int) -> int:
        for mention in self._index.mentions_in(start, start + 200):
            return mention.end
        return start

    def _subject_before(self, position: int) -> bool:
        """Whether a person (no possessor) is named in the clause ending at ``position``."""
        lo = max(0, position - 200)
        for stop in '.!?\n“”";':
            k = self._text.rfind(stop, lo, position)
            if k >= 0:
                lo = k + 1
        for mention in self._index.mentions_in(lo, position):
            if mention.kind is EntityKind.PERSON and self._text[
                mention.end : mention.end + 2
            ] not in ("’s", "'s"):
                return True
        return False

    def recent_body(self, position: int, noun: str) -> Entity | None:
        """The organisation (or, for "city"/"province"/"state", place) named last before
        ``position``, for "the agency", "the union", "the city"."""
        wanted = (
            (EntityKind.PLACE,)
            if noun in ("city", "province", "state")
            else (EntityKind.ORGANISATION, EntityKind.OUTLET)
        )
        for mention in reversed(self._index.mentions_in(max(0, position - 2000), position)):
            if mention.kind not in wanted:
                continue
            entity = self._index.get(mention.entity_id)
            if entity is None:
                continue
            if noun in entity.name.lower():
                return entity  # "the agency" -> "... Border Services Agency"
        if noun in _BODY_NOUNS:
            # "... by TransLink. The agency told ...": the body named in the sentence before,
            # else the only body named in the last paragraphs
            recent = [
                m
                for m in self._index.mentions_in(max(0, position - 800), position)
                if m.kind is EntityKind.ORGANISATION
                and (noun == "agency" or m.surface.split()[-1] not in _STATE_BODIES)
            ]
            if recent and position - recent[-1].end <= 250:
                return self._index.get(recent[-1].entity_id)
            if len({m.entity_id for m in recent}) == 1:
                return self._index.get(recent[0].entity_id)
            # several bodies: the one the passage keeps naming ("Unilever ... Unilever ...
            # Oil giant Shell ... The company said"), when one is named more than any other
            counts = Counter(m.entity_id for m in recent).most_common(2)
            if len(counts) == 2 and counts[0][1] > counts[1][1]:
                return self._index.get(counts[0][0])
        return None  # no body of that kind named: the noun phrase stays as written

    def namesake(self, phrase: str) -> Entity | None:
        """Which of two people sharing a surname "the elder Harlan", "the younger Mr Harlan" or
        "Harlan Sr." means: the one the article makes a parent or a child of the other."""
        found = _GENERATION.fullmatch(phrase.strip())
        if found is None:
            return None
        surname = found.group("surname") or found.group("surname2")
        which = (found.group("which") or found.group("which2")).lower().rstrip(".")
        bearers = [
            e for e in self._index.persons() if " " in e.name and _bare_surname(e.name) == surname
        ]
        if len(bearers) < 2:
            return bearers[0] if bearers else None
        ages = {e.id: self._generation(e) for e in bearers}
        pick = max if which in _ELDER_WORDS else min
        best = pick(ages.values())
        chosen = [e for e in bearers if ages[e.id] == best]
        return chosen[0] if len(chosen) == 1 else None

    def _generation(self, entity: Entity) -> int:
        """+1 for a parent, -1 for a child, as the article introduces the person."""
        score = 0
        words = entity.name.split()
        if words[-1].rstrip(".") in ("Jr", "Jnr", "II"):
            score -= 1
        for alias in entity.aliases:
            if alias.split()[-1].rstrip(".") in ("Sr", "Snr", "Senior"):
                score += 1
                break
        for role in entity.roles:
            head = role.title.split()[0] if role.title else ""
            if head in ("son", "daughter"):
                score -= 1
            elif head in ("father", "mother"):
                score += 1
        for span in entity.mentions[:6]:
            kin = _KIN_BEFORE.search(self._text, max(0, span.start - 60), span.start)
            if kin is not None:
                score += 1 if kin.group(1).lower() in ("father", "mother") else -1
                break
        return score

    def role_noun(self, phrase: str, position: int) -> Entity | None:
        """The person a role noun ("the minister", "the city's mayor") at ``position`` means."""
        words = phrase.casefold().replace("’s", "'s").split()
        if not words or not (words[0] == "the" or words[0].endswith("'s")):
            return None  # "a spokesperson", "an official": someone unnamed, not a known person
        while words and (words[0] in ("the", "a", "an") or words[0].endswith("'s")):
            words = words[1:]
        if not words:
            return None
        gaz = load_gazetteer()
        owner_nation: str | None = None
        if "of" in words[1:] and words[-1] not in gaz.titles:
            # "the president of the European Council", "the former sergeant-at-arms of the
            # House of Commons": the title before "of"; the body or country after it (named,
            # not "the brother of a wounded protester") owns it
            cut = words.index("of", 1)
            owner = phrase.replace("’s", "'s").split()[-(len(words) - cut - 1) :]
            if not owner or not (owner[0] == "the" or owner[0][:1].isupper()):
                return None
            owner_nation = gaz.country_by_surface.get(" ".join(w for w in owner if w != "the"))
            words = words[:cut]
            if words[0] in ("former", "then", "outgoing", "acting") and len(words) > 1:
                words = words[1:]
        noun = " ".join(words)
        if noun not in gaz.titles and words[-1] not in gaz.titles:
            return None
        head = words[-1]
        # "the Colombian chancellor": the office of one country; a holder of that title who
        # serves another country is not meant
        original = phrase.replace("’s", "'s").split()
        nation = owner_nation or next(
            (
                country
                for w in original[:-1]
                if w[:1].isupper() and (country := gaz.country_of(w.removesuffix("'s"))) is not None
            ),
            None,
        )
        best: Entity | None = None
        best_at = -1
        for entity in self._index.persons():
            titles = [r.title.casefold() for r in entity.roles if r.title]
            if head in ("chancellor", "canciller") and any(
                r.title == "foreign minister" and r.affiliation in CANCILLER_STATES
                for r in entity.roles
            ):
                titles.append(head)  # "the chancellor": a Latin American foreign minister
            if not any(
                t == noun or t.endswith(" " + noun) or t.split()[-1] == head for t in titles
            ):
                continue
            if nation is not None and _serves_elsewhere(entity, nation):
                continue
            if owner_nation is not None and not _serves(entity, owner_nation):
                continue  # "the president of Libya": only a person the article ties to Libya
            last_before = max((s.start for s in entity.mentions if s.start < position), default=-1)
            if last_before > best_at or best is None:
                best, best_at = entity, last_before
        return best
