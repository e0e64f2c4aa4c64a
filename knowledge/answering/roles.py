"""Role references: 'the president', 'the supreme leader', "Iran's foreign minister".

A role index maps each title the fact base has seen to the people who held it, with the
country or body they held it for, so a question that names a role instead of a person can be
answered about the person. It is built lazily (only role questions pay for it) from the stored
people and their roles.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from knowledge.answering.linking import Link
from knowledge.answering.text import fold, key, plain
from knowledge.extract.gazetteer import Gazetteer
from knowledge.models import EntityKind, Sentence

if TYPE_CHECKING:
    from knowledge.answering.facts import FactBase


@dataclass(frozen=True, slots=True)
class Holder:
    """A person known to hold a title, for a country or body, as of a date."""

    entity_id: str
    name: str
    title: str
    affiliation: str
    as_of: date | None


def affiliation_key(text: str, gazetteer: Gazetteer) -> str:
    """The key of what a role is held for: a country's canonical name when it names one."""
    cleaned = re.sub(r"^(the)\s+", "", text.strip(), flags=re.IGNORECASE)
    country = gazetteer.country_of(cleaned) or gazetteer.country_of(cleaned.title())
    return key(country or cleaned)


class RoleIndex:
    """Who holds which title, for whom; and who is affiliated with which country or body."""

    def __init__(
        self,
        rows: Iterable[tuple[str, str, str, str | None, date | None, str | None]],
        gazetteer: Gazetteer,
        prominence: Mapping[str, int],
    ) -> None:
        """Build from ``Store.person_roles()`` rows: (id, name, title, affiliation, as_of,
        country); a row with an empty title only says which country the person is from."""
        self._gazetteer = gazetteer
        self._prominence = prominence
        self._by_title: dict[str, list[Holder]] = defaultdict(list)
        self._by_affiliation: dict[str, set[str]] = defaultdict(set)
        # Titles and affiliations repeat across thousands of rows: normalise each once.
        affiliations: dict[str, str] = {}
        titles: dict[tuple[str, str], tuple[str, str]] = {}

        def affiliation_of(text: str) -> str:
            found = affiliations.get(text)
            if found is None:
                found = affiliations[text] = affiliation_key(text, gazetteer)
            return found

        def title_of(raw_title: str, raw_affiliation: str) -> tuple[str, str]:
            found = titles.get((raw_title, raw_affiliation))
            if found is None:
                title = key(raw_title)
                affiliation = affiliation_of(raw_affiliation)
                # A title that carries its country ("Iranian foreign minister") counts for it.
                for word in raw_title.split():
                    country = gazetteer.country_by_surface.get(word.strip(",."))
                    if country:
                        affiliation = affiliation or key(country)
                        title = key(raw_title.replace(word, ""))
                found = titles[(raw_title, raw_affiliation)] = (title, affiliation)
            return found

        for person_id, name, raw_title, raw_affiliation, as_of, country_of in rows:
            if country_of:
                self._by_affiliation[affiliation_of(country_of)].add(person_id)
            if not raw_title:
                continue
            title, affiliation = title_of(raw_title, raw_affiliation or "")
            self._by_title[title].append(Holder(person_id, name, title, affiliation, as_of))
            if affiliation:
                self._by_affiliation[affiliation].add(person_id)

    def holders(self, title: str, affiliation: str | None = None) -> list[Holder]:
        """People who held ``title`` (for ``affiliation``): the newest holder first (titles
        change hands), then the most mentioned."""
        found = list(self._by_title.get(key(title), ()))
        if affiliation:
            wanted = affiliation_key(affiliation, self._gazetteer)
            found = [h for h in found if h.affiliation == wanted]
        best: dict[str, Holder] = {}
        for holder in found:
            kept = best.get(holder.entity_id)
            if kept is None or (holder.as_of or date.min) > (kept.as_of or date.min):
                best[holder.entity_id] = holder
        return sorted(
            best.values(),
            key=lambda h: (h.as_of or date.min, self._prominence.get(h.entity_id, 0)),
            reverse=True,
        )

    def affiliated(self, name: str) -> set[str]:
        """Ids of the people affiliated with a country or body."""
        return set(self._by_affiliation.get(affiliation_key(name, self._gazetteer), ()))


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A title named in a question, with the words it spans."""

    title: str
    first_word: int
    last_word: int


def title_index(titles: Iterable[str]) -> dict[str, str]:
    """Folded title -> title, for ``find_titles`` (built once per engine)."""
    return {" ".join(fold(t).replace("-", " ").split()): t for t in titles}


def find_titles(question_words: list[str], folded_titles: Mapping[str, str]) -> list[RoleMention]:
    """Titles in the question's words, longest first, without overlaps."""
    longest = max((len(t.split()) for t in folded_titles), default=1)
    taken = [False] * len(question_words)
    found: list[RoleMention] = []
    for n in range(min(longest, len(question_words)), 0, -1):
        for i in range(len(question_words) - n + 1):
            if any(taken[i : i + n]):
                continue
            phrase = " ".join(question_words[i : i + n])
            if phrase in folded_titles:
                found.append(RoleMention(folded_titles[phrase], i, i + n - 1))
                taken[i : i + n] = [True] * n
    return sorted(found, key=lambda m: m.first_word)


def _always(_word: str) -> bool:
    return True


def role_holders_in_sentences(
    facts: FactBase, title: str, affiliation: Link | None, limit: int = 30
) -> list[tuple[date, str, str]]:
    """People the articles call by the title ("Brigitte Zypries, Germany's economy minister"):
    (article date, entity id, name) for the person named nearest the title in each sentence
    that gives the title (and the country or body, when one is asked for)."""
    wanted = plain(title)
    forms: list[str] = []
    if affiliation is not None:
        forms = facts.name_forms(affiliation)
    query = " ".join([title, *(forms[:1])])
    out: list[tuple[date, str, str]] = []
    hits = facts.store.search_sentences(query, limit=limit)
    sources = facts.sources([s.article_id for s, _ in hits])
    for sentence, _ in hits:
        text = plain(sentence.text)
        at = f" {text} ".find(f" {wanted} ")
        if at < 0:
            continue
        if forms:
            # The country or body must be written next to the title ("Germany's economy
            # minister", "the CEO of X"), not anywhere in the sentence.
            places = [f" {text} ".find(f" {plain(f)} ") for f in forms if plain(f)]
            if not any(p >= 0 and abs(p - at) <= 30 for p in places):
                continue
        # Names in articles are spelt right and capitalised: every lower-case word counts as
        # ordinary vocabulary, so nothing is matched fuzzily or from a common word.
        # The qualifying person ("Jackson" in "Jackson's mother") is not the relative.
        qualifier = set(affiliation.entity_ids) if affiliation is not None else set()
        people = [
            link
            for link in facts.linker.link(sentence.text, is_common_word=_always, fuzzy=False)
            if link.kind is EntityKind.PERSON
            and link.entity_ids
            and not qualifier & set(link.entity_ids)
            # "Boeing CEO" stored as a person is a title, not a name.
            and wanted not in plain(link.name).split()
        ]
        named = appositive_holder(sentence.text, title)
        if named is not None:
            # "the director of X, Kai Lindqvist," names the holder: the person linked
            # there, or nobody stored (never the person named just before, "Ola Brandt,
            # and the director of X").
            people = [link for link in people if plain(link.surface) in plain(named)]
        if not people:
            continue
        nearest = min(people, key=lambda link: abs(text.find(link.surface) - at))
        if abs(text.find(nearest.surface) - at) > 60:
            continue  # too far from the title to be the one holding it
        source = sources.get(sentence.article_id)
        day = source.published if source and source.published else date.min
        out.append((day, nearest.entity_ids[0], nearest.name))
    return out


_NAME = r"[A-Z][\w'’.-]+(?: (?:[A-Z][\w'’.-]+|de|da|van|von|bin|al|el)){1,3}"


def appositive_holder(text: str, title: str) -> str | None:
    """The name set beside the title in a sentence: "the director of Finland's Office for
    Ferries, Kai Lindqvist," or "Kai Lindqvist, the director of ..." (None if none)."""
    escaped = r"\s+".join(re.escape(w) for w in title.split())
    after = re.search(
        rf"(?i:\b{escaped}\b)(?: (?:of|for|at) [^,;]{{0,80}}?)?, (?P<name>{_NAME})"
        r"(?=,|\s+(?:said|says|told|who|and)\b)",
        text,
    )
    if after:
        return after.group("name")
    before = re.search(
        rf"(?P<name>{_NAME}), (?:the |a |an )?(?:[\w'’-]+ ){{0,3}}(?i:{escaped})\b", text
    )
    if before:
        return before.group("name")
    return None


# The title's qualifier as a question writes it: "the head of Veltgas", "Veltgas's chief".
_QUALIFIER_STOP = (
    r"(?= (?:say|said|says|tell|told|think|thinks|thought|comment|commented|warn|warned|"
    r"claim|claimed|react|reacted|respond|responded|about|on|regarding)\b|[\s?!.]*$)"
)
# The leading titles a report may use for "the head" of a body.
_HEAD_TITLES = (
    "head",
    "chief",
    "boss",
    "leader",
    "chief executive",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "director",
    "director general",
    "managing director",
    "secretary general",
)
_HEADS = frozenset({"head", "chief", "boss", "leader"})


def qualifier_of(text: str, title: str) -> str | None:
    """What a title in the question is held for: "the head of veltgas" -> "veltgas",
    "veltgas's chief" -> "veltgas" (None when the question gives none)."""
    escaped = re.escape(title)
    after = re.search(
        rf"\b{escaped} (?:of|for|at) (?:the )?(?P<what>[\w'’. -]+?){_QUALIFIER_STOP}", text
    )
    if after:
        return after.group("what").strip() or None
    before = re.search(rf"(?P<what>[\w.-]+)(?:'s|’s) {escaped}\b", text)
    if before:
        return before.group("what").strip() or None
    return None


@dataclass(frozen=True, slots=True)
class TitledSpeaker:
    """Who a report calls by the title asked ("The head of the state-owned Veltgas company,
    Anatol Brumaru, said ..."), and the report saying so."""

    name: str
    entity_id: str | None
    article_id: str


def speakers_by_title(
    facts: FactBase, title: str, qualifier: str, limit: int = 20
) -> list[TitledSpeaker]:
    """The speakers of the stored quotes whose sentence gives them the title for the body
    asked about: the holder of a title whom no stored role names (the report names them
    once, after a long job description). Newest report first."""
    # A quote's speaker called by the bare title ("the chief said") names nobody.
    bare_titles = {plain(t) for t in _titles_for(title)}
    found: dict[tuple[str, str], TitledSpeaker] = {}
    for sentence, text, near in _titled_sentences(facts, title, qualifier, limit):
        # The name set beside the title ("the head of X, Anatol Brumaru,") is the holder: only
        # their words count, wherever in the report (not a quote of someone else named in
        # the same sentence).
        named = next((n for t in near if (n := appositive_holder(sentence.text, t))), None)
        holder = plain(named) if named else None
        for quote in facts.store.quotes(article_ids=[sentence.article_id], limit=200):
            mention = quote.speaker_mention or quote.speaker or ""
            if holder is not None:
                speaker = plain(quote.speaker or mention)
                if not speaker or not (
                    speaker in holder
                    or holder in speaker
                    or (speaker.split()[-1] == holder.split()[-1])
                ):
                    continue
            else:
                inside = sentence.start <= quote.start < sentence.end
                if not (inside or (mention and f" {plain(mention)} " in text)):
                    continue
            name = quote.speaker or mention
            if not name or plain(name) in bare_titles:
                continue
            found.setdefault(
                (sentence.article_id, name),
                TitledSpeaker(name, quote.speaker_id, sentence.article_id),
            )
    return list(found.values())


_QUALIFIER_FILLER = frozenset({"the", "a", "an", "of", "s"})


def _qualifier_at(text: str, wanted: str) -> int:
    """Where a padded plain text says the body asked about: the phrase as asked, or its
    words close together with a few others between ("the Ukrainian state-owned Veltgas
    company" for "the ukrainian state-owned company"); -1 when it does not."""
    at = text.find(f" {wanted} ")
    if at >= 0:
        return at
    words = [w for w in wanted.split() if w not in _QUALIFIER_FILLER]
    tokens = text.split()
    if len(words) < 2:
        return -1
    span = len(words) + 3
    for start, token in enumerate(tokens):
        if token != words[0]:
            continue
        window = tokens[start : start + span]
        if all(w in window for w in words):
            # The padded text's space before the token: one per earlier token.
            return len(" ".join(tokens[:start])) + (1 if start else 0)
    return -1


def holder_by_title(
    facts: FactBase, title: str, qualifier: str, limit: int = 20
) -> tuple[str, Sentence] | None:
    """The name a report sets beside the title held for the body asked about ("the director
    of Finland's Office for Ferries, Kai Lindqvist,"), with the sentence saying so: the
    holder whom no stored role names. None when no sentence gives one."""
    for sentence, _, near in _titled_sentences(facts, title, qualifier, limit):
        for said in near:
            name = appositive_holder(sentence.text, said)
            if name is not None:
                return name, sentence
    return None


def _titles_for(title: str) -> tuple[str, ...]:
    """The titles a report may write for the one asked: any leading title for "the head"."""
    return _HEAD_TITLES if title in _HEADS else (title,)


# How far (in characters, some ten words) a title may stand from the body to be its title:
# "the head of the state-owned energy company" but not a title further on in the sentence.
_TITLE_REACH = 60


def _titled_sentences(
    facts: FactBase, title: str, qualifier: str, limit: int
) -> Iterator[tuple[Sentence, str, list[str]]]:
    """The sentences found for the title and body asked about that say the body with a
    title near it: each with its padded plain text and the titles said near the body."""
    wanted = plain(qualifier)
    if not wanted:
        return
    for sentence, _ in facts.store.search_sentences(f"{title} {qualifier}", limit=limit):
        text = f" {plain(sentence.text)} "
        at = _qualifier_at(text, wanted)
        if at < 0:
            continue
        near = [
            t
            for t in _titles_for(title)
            if (w := text.find(f" {plain(t)} ")) >= 0 and abs(w - at) <= _TITLE_REACH
        ]
        if near:  # else the body is named, but no title of it near
            yield sentence, text, near
