"""Entity linking: which stored people, countries, organisations and places a question names.

The index holds every (entity id, surface form, kind) the store knows, plus general-knowledge
aliases (country names, demonyms, outlet spellings) supplied by the caller. A question's word
n-grams are looked up exactly first; words left over are matched fuzzily with rapidfuzz against
names of the same first letter, with explicit cut-offs scaled to the word's length, so that
"trmup" finds "Trump" but an unrelated name finds nothing and "I don't know" stays reachable.

Speed: fuzzy candidates are normalised once when the index is built (not per question), and
fuzzy results are memoised per word or bigram (bounded), so a question costs a few dictionary
lookups plus at most a handful of C-level scans; linking an article sentence (``fuzzy=False``)
never scans at all.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Prefix
from rapidfuzz.utils import default_process

from knowledge.answering.cache import LRU
from knowledge.answering.text import (
    STOPWORDS,
    Word,
    collapse_acronyms,
    fold,
    key,
    word_texts,
    words,
    words_of,
)
from knowledge.models import EntityKind

if TYPE_CHECKING:
    from knowledge.store import Store

_BODIES = (EntityKind.COUNTRY, EntityKind.ORGANISATION)
# Words that end many bodies' names: a tail made of these alone names no body in particular.
_GENERIC_BODY_WORDS = frozenset(
    words_of(
        """
    ministry office department party council committee house national state government news
    agency union bank court federal senate security defence defense health foreign affairs
    international association group organisation organization institute commission service
    services board authority centre center foundation company corporation society league
    assembly parliament congress army force forces police times post press journal daily
    """
    )
)
# Longest name looked up as one n-gram ("Islamic Revolutionary Guard Corps").
MAX_NGRAM = 5
# Fuzzy matching only for words at least this long: shorter ones are too easily another word.
MIN_FUZZY_LENGTH = 5
# A surname's most mentioned bearer this many times more mentioned than the next is the one
# meant ("Trump", "Obama"); below that the question's other words choose ("Campbell").
DOMINANT = 5
# Middle words of person names of this many words are linkable surnames ("Yucuna" in a
# three-word "Efraín Yucuna Matapí"); at least this long (not "de", "bin", initials).
MIDDLE_NAME_WORDS = (3, 4)
MIN_MIDDLE_LENGTH = 4
# Name particles that are no surname of their own however long.
_NAME_PARTICLES = frozenset({"dela", "della", "dello", "degli", "bint", "ibn", "abu", "van", "von"})
# Exact-only links remembered per sentence (role questions link the same article sentences).
SENTENCE_MEMO_SIZE = 4096
# Fuzzy results remembered per linker (questions repeat words: names, typos of the vocabulary).
FUZZY_MEMO_SIZE = 4096


@dataclass(frozen=True, slots=True)
class Link:
    """One name found in a question.

    ``entity_id`` is None when the name is known only from general knowledge (a country the
    fact base never mentions): the engine can still say it knows nothing about it.
    """

    entity_ids: tuple[str, ...]
    name: str
    kind: EntityKind
    surface: str
    first_word: int
    last_word: int
    score: float

    @property
    def exact(self) -> bool:
        return self.score >= 100.0


@dataclass(frozen=True, slots=True)
class _Target:
    entity_id: str | None
    name: str
    kind: EntityKind
    alias: bool


def fuzzy_cutoff(length: int) -> float:
    """Minimum rapidfuzz ``ratio`` for a word of this many characters."""
    if length <= 9:
        return 80.0
    return 85.0


# Endings of inflected English words ("putting", "wanted", "quickly").
_INFLECTIONS = ("ing", "ed", "ly")


def _looks_inflected(word: str, name: str) -> bool:
    """Whether a lower-case word looks like an inflected English word rather than a typo
    of ``name``: it has an inflection the name lacks and is more than one edit away."""
    ending = next((e for e in _INFLECTIONS if word.endswith(e) and len(word) > len(e) + 2), None)
    if ending is None or name.endswith(ending):
        return False
    return OSA.distance(word, name) > 1


# Words left out of an acronym: "London School of Economics" is LSE.
_ACRONYM_SKIPPED = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "la", "le", "&"})


def _acronym_partners(canonical: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Organisation ids paired with those of the same body under its acronym: a stored
    organisation named in capitals ("TSE") and one whose capitalised words' initials spell
    it ("Tarnbridge Stock Exchange")."""
    acronyms: dict[str, list[str]] = defaultdict(list)
    long_names: list[tuple[str, str]] = []
    for entity_id, surface in canonical.items():
        if not entity_id.startswith("organisation:"):
            continue
        if surface.isupper() and surface.isalpha() and 2 <= len(surface) <= 6:
            acronyms[surface].append(entity_id)
            continue
        parts = [w for w in surface.replace("-", " ").split() if w.lower() not in _ACRONYM_SKIPPED]
        if 2 <= len(parts) <= 6 and all(w[:1].isupper() for w in parts):
            long_names.append(("".join(w[0] for w in parts), entity_id))
    partners: dict[str, list[str]] = defaultdict(list)
    for initials, entity_id in long_names:
        for short_id in acronyms.get(initials, ()):
            partners[entity_id].append(short_id)
            partners[short_id].append(entity_id)
    return {entity_id: tuple(ids) for entity_id, ids in partners.items()}


def _max_edits(length: int) -> int:
    """Typos allowed (optimal string alignment distance) in a word of this length."""
    return 1 if length <= 6 else 2


# Last words that leave a name unfinished (see EntityLinker.__init__).
_DANGLING = (" and", " or", " of", " the", " to", " for", " with")


class EntityLinker:
    """Finds entity mentions in questions; built once from the store's name index.

    Args:
        names: (entity_id, surface, kind) for every canonical name and alias in the store.
        aliases: (surface, canonical name, kind) general-knowledge aliases such as
            ("iranian", "Iran", COUNTRY); they link to the stored entity of that canonical
            name when there is one.
        common_words: words never matched fuzzily (the vocabulary of asking), nor exactly
            as a one-word name unless capitalised in the question.
        prominence: how many articles mention each entity: when one surface names several
            entities ("Trump"), the most mentioned comes first.
    """

    def __init__(
        self,
        names: Iterable[tuple[str, str, EntityKind]],
        aliases: Iterable[tuple[str, str, EntityKind]] = (),
        *,
        common_words: Iterable[str] = (),
        prominence: Mapping[str, int] | None = None,
    ) -> None:
        self._prominence: Mapping[str, int] = prominence or {}
        self._exact: dict[str, list[_Target]] = defaultdict(list)
        self._canonical: dict[str, str] = {}
        by_name: dict[tuple[EntityKind, str], str] = {}
        for entity_id, surface, kind in names:
            surface_key = key(surface)
            if not surface_key or surface_key.endswith(_DANGLING):
                # No name ends in "and" or "of": such a stored name is a clipped phrase
                # ("U.S. AND" of "U.S. AND ..."), and "the US and Japan" linked to it.
                continue
            canonical = entity_id.split(":", 1)[-1].replace("-", " ")
            is_alias = surface_key != canonical
            self._exact[surface_key].append(_Target(entity_id, surface, kind, is_alias))
            if not is_alias:
                by_name[(kind, surface_key)] = entity_id
                self._canonical[entity_id] = surface
        for surface, canonical, kind in aliases:
            surface_key = key(surface)
            if not surface_key:
                continue
            stored = by_name.get((kind, key(canonical)))
            if stored is None and kind is EntityKind.COUNTRY:
                stored = by_name.get((EntityKind.PLACE, key(canonical)))
            target = _Target(stored, canonical, kind, True)
            if all(t.entity_id != stored or t.name != canonical for t in self._exact[surface_key]):
                self._exact[surface_key].append(target)
        # Long organisation names shortened: "the crisis group" (its last words), "the
        # harbour institute" (first and last), when one such body is clearly the one meant.
        self._org_tails: dict[str, list[str]] = defaultdict(list)
        for entity_id, surface in self._canonical.items():
            if not entity_id.startswith("organisation:"):
                continue  # (tested first: a key for each of ~50k names cost ~40 ms a rebuild)
            parts = key(surface).split()
            if len(parts) < 3:
                continue
            shortened = [parts[start:] for start in range(1, len(parts) - 1)]
            # "the harbour institute" for the Harbour Policy Institute: first and last word.
            shortened.append([parts[0], parts[-1]])
            for tail in shortened:
                if tail[0] in STOPWORDS or set(tail) <= _GENERIC_BODY_WORDS:
                    continue
                self._org_tails[" ".join(tail)].append(entity_id)
        # A body and its acronym ("London Stock Exchange" and "LSE") are one body: each
        # link to one carries the other's id after its own.
        self._acronym_partners = _acronym_partners(self._canonical)
        # First names of full-named people: "Ivanka's remarks" names the one person so called.
        self._first_names: dict[str, list[str]] = defaultdict(list)
        middles: dict[str, list[str]] = defaultdict(list)
        for entity_id, surface in self._canonical.items():
            if not entity_id.startswith("person:"):
                continue
            parts = key(surface).split()
            if len(parts) >= 2:
                self._first_names[parts[0]].append(entity_id)
            if MIDDLE_NAME_WORDS[0] <= len(parts) <= MIDDLE_NAME_WORDS[1]:
                for part in parts[1:-1]:
                    if len(part) >= MIN_MIDDLE_LENGTH and part.isalpha():
                        middles[part].append(entity_id)
        self._common = frozenset(common_words) | STOPWORDS
        # Fuzzy candidates: surface keys of at least MIN_FUZZY_LENGTH - 1 characters, bucketed
        # by first letter (typos rarely hit the first letter, and it keeps each scan small).
        # Each bucket keeps the keys and, in the same order, their normalised forms: rapidfuzz
        # then compares without calling the processor on thousands of choices per question.
        self._buckets: dict[str, list[str]] = defaultdict(list)
        for surface_key in self._exact:
            if len(surface_key) >= MIN_FUZZY_LENGTH - 1:
                self._buckets[surface_key[0]].append(surface_key)
        self._processed: dict[str, list[str]] = {
            letter: [default_process(k) for k in bucket] for letter, bucket in self._buckets.items()
        }
        # Spanish and Portuguese names carry two surnames, and the first is the one used alone
        # ("Andrés López Obrador" is "López"): a middle word of a three- or four-word name is
        # that person's alias when one person alone has it there and nothing else (entity,
        # alias, first name, asking word) is so called. Exact matches only: it is added after
        # the fuzzy buckets, so a near miss of a middle word links nobody.
        for part, people in middles.items():
            if (
                len(people) == 1
                and part not in self._exact
                and part not in self._first_names
                and part not in self._common
                and part not in _NAME_PARTICLES
            ):
                person = people[0]
                self._exact[part].append(
                    _Target(person, self._canonical[person], EntityKind.PERSON, True)
                )
        self._common_list = sorted(w for w in self._common if len(w) >= MIN_FUZZY_LENGTH - 1)
        self._max_len = MAX_NGRAM
        # Article sentences linked exact-only repeat across role questions: remembered whole.
        self._sentence_memo: LRU[tuple[str, Callable[[str], bool] | None], list[Link]] = LRU(
            SENTENCE_MEMO_SIZE
        )
        self._fuzzy_memo: LRU[str, tuple[str, float] | None] = LRU(FUZZY_MEMO_SIZE)
        self._typo_memo: LRU[str, bool] = LRU(FUZZY_MEMO_SIZE)

    def __len__(self) -> int:
        return len(self._exact)

    def kinds_of(self, surface: str) -> set[EntityKind]:
        """The kinds of stored entity a surface form exactly names (empty if none)."""
        return {t.kind for t in self._exact.get(key(surface), ()) if t.entity_id}

    def link(
        self,
        question: str,
        *,
        is_common_word: Callable[[str], bool] | None = None,
        fuzzy: bool = True,
    ) -> list[Link]:
        """Names in the question, longest and best first, without overlaps.

        ``is_common_word`` tells whether a word is ordinary vocabulary (it occurs in lower case
        in the articles): such a word is never matched fuzzily, so that "spend" does not
        become a person called Speed. ``fuzzy=False`` links exact names only: for article
        text, where names are spelt right and a near miss is another word; those results are
        remembered per (text, ``is_common_word``), so the word test must be a fixed function.
        """
        if fuzzy:
            return self._link(question, is_common_word, fuzzy=True)
        # Without fuzzy matching the result depends only on the text and the word test (fixed
        # functions for article text), so it is remembered per sentence.
        memo_key = (question, is_common_word)
        known, links = self._sentence_memo.get(memo_key)
        if known and links is not None:
            return list(links)
        found = self._link(question, is_common_word, fuzzy=False)
        self._sentence_memo.put(memo_key, found)
        return list(found)

    def _link(
        self, question: str, is_common_word: Callable[[str], bool] | None, *, fuzzy: bool
    ) -> list[Link]:
        question = collapse_acronyms(question)
        folded = fold(question)
        qwords = words(folded)
        caps, titled = _capitalised_words(question, qwords)
        found: list[Link] = []
        taken = [False] * len(qwords)
        # Exact n-grams, longest first.
        for n in range(min(self._max_len, len(qwords)), 0, -1):
            for i in range(len(qwords) - n + 1):
                if any(taken[i : i + n]):
                    continue
                gram = " ".join(w.text for w in qwords[i : i + n])
                targets = self._exact.get(gram)
                if not targets:
                    continue
                # "the us", "the uk" typed in lower case still name a country (short
                # abbreviations only: "the capital" is not the body called Capital).
                the_body = (
                    n == 1
                    and len(gram) <= 3
                    and i > 0
                    and qwords[i - 1].text == "the"
                    and any(t.kind in _BODIES for t in targets)
                )
                if n == 1 and gram in self._common and i not in caps and not the_body:
                    continue
                if (
                    n == 1
                    and i not in titled
                    and not the_body
                    and is_common_word is not None
                    and is_common_word(gram)
                ):
                    continue  # "wall", "speed" typed in lower case are words, not names
                found.append(self._make_link(targets, qwords, i, i + n - 1, 100.0))
                taken[i : i + n] = [True] * n
        if fuzzy:
            self._link_org_tails(qwords, taken, found)
            for i, word in enumerate(qwords):
                if taken[i] or i not in titled or word.text in self._common:
                    continue
                if question[word.end : word.end + 2] not in ("'s", "’s"):
                    continue
                person = self._first_name_bearer(word.text)
                if person is not None:
                    target = _Target(person, self._canonical[person], EntityKind.PERSON, False)
                    found.append(self._make_link([target], qwords, i, i, 100.0))
                    taken[i] = True
            self._link_first_names(qwords, taken, titled, found, is_common_word)
        # A surname linked alone ("king", "brown", also a title or a word) after a word
        # left over may be a full name with a misspelt first name ("mervin king"): the
        # bigram is tried before the surname alone is kept.
        single = {link.first_word: link for link in found if link.first_word == link.last_word}
        # Fuzzy: bigrams then single words among what is left.
        for n in (2, 1) if fuzzy else ():
            for i in range(len(qwords) - n + 1):
                surname = single.get(i + 1) if n == 2 else None
                # Likewise a first name linked alone ("gordon", also a surname) before a
                # word left over: "gordon brwn" is a full name with a misspelt surname.
                first = single.get(i) if n == 2 and not taken[i + 1] else None
                if (taken[i] and first is None) or (taken[i + n - 1] and surname is None):
                    continue
                grams = qwords[i : i + n]
                if any(w.text in self._common or w.text.isdigit() for w in grams[:1]):
                    continue
                if n == 2 and surname is None and grams[1].text in self._common:
                    continue
                gram = " ".join(w.text for w in grams)
                if len(gram) < MIN_FUZZY_LENGTH or self._is_common_typo(gram):
                    continue
                match = self._fuzzy(gram)
                # Over a surname linked alone, only that surname with another first name.
                same_surname = (
                    match is not None and n == 2 and match[0].split()[-1] == grams[1].text
                )
                if surname is not None and not same_surname:
                    match = None
                # Over a first name linked alone, only that first name with another surname.
                if first is not None and (match is None or match[0].split()[0] != grams[0].text):
                    match = None
                # Checked only for a near miss: the check may cost a full-text query.
                if (
                    match is not None
                    and is_common_word is not None
                    and any(is_common_word(w.text) for w in (grams[:1] if same_surname else grams))
                ):
                    match = None
                # An inflected English word typed in lower case ("putting", "sitting") is
                # no typo of a name two edits away that lacks its ending ("Putin").
                if (
                    match is not None
                    and n == 1
                    and i not in titled
                    and _looks_inflected(gram, match[0])
                ):
                    match = None
                if match is not None and surname is not None:
                    found.remove(surname)
                if match is not None and first is not None:
                    found.remove(first)
                if match is not None:
                    surface_key, score = match
                    found.append(
                        self._make_link(self._exact[surface_key], qwords, i, i + n - 1, score)
                    )
                    taken[i : i + n] = [True] * n
        found.sort(key=lambda link: link.first_word)
        return found

    def _link_org_tails(self, qwords: Sequence[Word], taken: list[bool], found: list[Link]) -> None:
        """Words left over that end a long organisation's name ("crisis group")."""
        for n in range(min(MAX_NGRAM - 1, len(qwords)), 1, -1):
            for i in range(len(qwords) - n + 1):
                if any(taken[i : i + n]):
                    continue
                bodies = self._org_tails.get(" ".join(w.text for w in qwords[i : i + n]))
                if not bodies:
                    continue
                ranked = sorted(bodies, key=lambda b: self._prominence.get(b, 0), reverse=True)
                if len(ranked) > 1 and self._prominence.get(ranked[0], 0) < DOMINANT * max(
                    1, self._prominence.get(ranked[1], 0)
                ):
                    continue  # "national party": several bodies, none clearly meant
                target = _Target(
                    ranked[0], self._canonical[ranked[0]], EntityKind.ORGANISATION, True
                )
                found.append(self._make_link([target], qwords, i, i + n - 1, 100.0))
                taken[i : i + n] = [True] * n

    def _link_first_names(
        self,
        qwords: Sequence[Word],
        taken: list[bool],
        titled: set[int],
        found: list[Link],
        is_common_word: Callable[[str], bool] | None,
    ) -> None:
        """A first name typed alone ("hillary") that names no entity exactly: the full-named
        people so called, the most mentioned first; before fuzzy matching, which would
        otherwise take a namesake one letter away ("Hilary")."""
        for i, word in enumerate(qwords):
            text = word.text
            if taken[i] or text in self._common or len(text) < 3 or not text.isalpha():
                continue
            bearers = self._first_names.get(text)
            if not bearers:
                continue
            if i not in titled and is_common_word is not None and is_common_word(text):
                continue  # "will", "mark" typed in lower case are words
            after = qwords[i + 1].text if i + 1 < len(qwords) else ""
            if (
                after
                and not taken[i + 1]
                and after not in self._common
                and after.isalpha()
                and i + 1 in titled
            ):
                # "Marisol Valdez": another person's full name, left to fuzzy matching (a
                # lower-case word after it is more often a verb the articles lack: "criticise").
                continue
            targets = [
                _Target(person, self._canonical[person], EntityKind.PERSON, False)
                for person in bearers
            ]
            found.append(self._make_link(targets, qwords, i, i, 100.0))
            taken[i] = True

    def _first_name_bearer(self, first: str) -> str | None:
        """The person a capitalised possessive first name stands for: its only bearer, or
        one mentioned DOMINANT times more than the next."""
        bearers = sorted(
            self._first_names.get(first, ()),
            key=lambda i: self._prominence.get(i, 0),
            reverse=True,
        )
        if not bearers:
            return None
        if len(bearers) > 1:
            top, second = (self._prominence.get(i, 0) for i in bearers[:2])
            if top < DOMINANT * max(second, 1):
                return None
        return bearers[0]

    def _is_common_typo(self, gram: str) -> bool:
        """A misspelt word of the asking vocabulary ('meting', 'qoutes') is not a name."""
        known, memo = self._typo_memo.get(gram)
        if known and memo is not None:
            return memo
        hit = process.extractOne(
            gram,
            self._common_list,
            scorer=OSA.distance,
            score_cutoff=1,
        )
        self._typo_memo.put(gram, hit is not None)
        return hit is not None

    def _fuzzy(self, gram: str) -> tuple[str, float] | None:
        """The stored name the gram is a typo of (memoised: the index never changes)."""
        known, memo = self._fuzzy_memo.get(gram)
        if known:
            return memo
        found = self._fuzzy_scan(gram)
        self._fuzzy_memo.put(gram, found)
        return found

    def _fuzzy_scan(self, gram: str) -> tuple[str, float] | None:
        bucket = self._buckets.get(gram[0])
        if not bucket:
            return None
        cutoff = fuzzy_cutoff(len(gram))
        # The choices were normalised with default_process when the index was built; the
        # query is normalised the same way here, so scores equal processor=default_process.
        hits = process.extract(
            default_process(gram),
            self._processed[gram[0]],
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=cutoff,
            limit=5,
        )
        best: tuple[str, float] | None = None
        best_rank: tuple[float, int] = (-1.0, -1)
        for _, score, index in hits:
            candidate = bucket[index]
            if OSA.distance(gram, candidate) > _max_edits(len(gram)):
                continue
            # Ties on the edit ratio go to the name sharing the longer beginning: typos fall
            # more often at the end of a word ("mckenzy" is McKenzie, not McKendry).
            rank = (float(score), Prefix.similarity(gram, candidate))
            if rank > best_rank:
                best, best_rank = (candidate, float(score)), rank
        return best

    def prefer(
        self,
        link: Link,
        affinity: Callable[[str], int],
        unbeatable: Callable[[str], bool] | None = None,
    ) -> Link:
        """The link with the person ``affinity`` scores highest first, when one scores strictly
        higher than the current first; otherwise the link unchanged.

        ``unbeatable``: whether a person is known, cheaply, to score the most any can: then
        no other scores strictly higher than the current first, and none is scored."""
        people = self._bearers(link)
        if not people:
            return link
        first = link.entity_ids[0]
        if unbeatable is not None and first in people and unbeatable(first):
            return link
        scores = {i: affinity(i) for i in people}
        best = max(people, key=lambda i: scores[i])
        if best == link.entity_ids[0] or scores[best] <= scores.get(link.entity_ids[0], 0):
            return link
        ids = (best, *(i for i in link.entity_ids if i != best))
        return replace(link, entity_ids=ids, name=self._canonical.get(best, link.name))

    def full_named(self, link: Link) -> list[str]:
        """The full-named people a one-word name may stand for, the most mentioned first,
        whatever their prominence."""
        return [
            i for i in link.entity_ids if i.startswith("person:") and "-" in i.split(":", 1)[1]
        ][:_MAX_CANDIDATES]

    def put_first(self, link: Link, entity_id: str) -> Link:
        """The link with ``entity_id`` first and named after it."""
        ids = (entity_id, *(i for i in link.entity_ids if i != entity_id))
        return replace(link, entity_ids=ids, name=self._canonical.get(entity_id, link.name))

    def _bearers(self, link: Link) -> list[str]:
        """The full-named people a one-word name may stand for, when none dominates: empty
        when one bearer is mentioned DOMINANT times more than the next ("Trump" is Donald
        Trump, whatever else is asked). The bare-surname entity is nobody in particular."""
        people = self.full_named(link)
        if len(people) < 2:
            return []
        top, second = (self._prominence.get(i, 0) for i in people[:2])
        if top >= DOMINANT * max(second, 1):
            return []
        return people

    def _make_link(
        self,
        targets: Sequence[_Target],
        qwords: Sequence[Word],
        first: int,
        last: int,
        score: float,
    ) -> Link:
        """One link for all the entities a surface names, the most mentioned first."""
        stored = [t for t in targets if t.entity_id]
        chosen = stored or list(targets)

        full_name = first != last

        def weight(t: _Target) -> tuple[bool, int, bool]:
            # A full name typed out is the entity of that name before any entity that merely
            # has it as an alias; a bare surname goes to the most mentioned bearer.
            return (
                full_name and not t.alias,
                self._prominence.get(t.entity_id or "", 0),
                not t.alias,
            )

        chosen.sort(key=weight, reverse=True)
        kind = chosen[0].kind
        ids = tuple(dict.fromkeys(t.entity_id for t in chosen if t.entity_id and t.kind is kind))
        if kind in (EntityKind.PERSON, EntityKind.ORGANISATION):
            # Extraction sometimes files a person under an organisation of the same name, or
            # the reverse: keep those ids too, after the main kind's.
            other = EntityKind.ORGANISATION if kind is EntityKind.PERSON else EntityKind.PERSON
            ids += tuple(
                dict.fromkeys(
                    t.entity_id
                    for t in chosen
                    if t.entity_id and t.kind is other and not t.alias and t.entity_id not in ids
                )
            )
        if kind is EntityKind.ORGANISATION:
            ids += tuple(
                dict.fromkeys(
                    p for i in ids for p in self._acronym_partners.get(i, ()) if p not in ids
                )
            )
        top = chosen[0]
        name = self._canonical.get(top.entity_id or "", top.name)
        surface = " ".join(w.text for w in qwords[first : last + 1])
        return Link(ids, name, kind, surface, first, last, score)


def prefer_in_context(
    linker: EntityLinker, links: Sequence[Link], terms: Sequence[str], store: Store
) -> list[Link]:
    """Among the people a one-word name stands for ("campbel" when two Campbells are stored),
    put first the one whose articles also speak of the question's other words ("north
    korea"); with nothing to tell them apart the prominence order stays.

    Costs store queries only for an ambiguous one-word person name with other words asked.
    """
    out: list[Link] = []
    for link in links:
        if link.kind is EntityKind.PERSON and " " not in link.surface and len(link.entity_ids) > 1:
            # The other names asked ("north korea") tell bearers apart as well as words do.
            others = [other.surface for other in links if other is not link]
            wanted = [t for t in dict.fromkeys(fold(t) for t in (*terms, *others)) if t]
            before = link
            if wanted:
                candidates = [i for i in link.entity_ids if i.startswith("person:")]
                affinity = _Affinity(store, candidates[:_MAX_CANDIDATES], wanted)
                link = linker.prefer(link, affinity, affinity.unbeatable)
            if link is before:
                link = _prefer_by_company(linker, link, links, store)
        out.append(link)
    return out


# Articles that must name a bearer together with the other person asked about, when the
# most mentioned bearer is never named with them, for that bearer to be meant instead.
_COMPANY = 1


def _prefer_by_company(
    linker: EntityLinker, link: Link, links: Sequence[Link], store: Store
) -> Link:
    """ "What did Stone say to Clinton?": when the most mentioned bearer of a surname is never
    written in the same article as the other person asked about, and another bearer often
    is, that other bearer is the one meant, however much more the first is mentioned.

    Costs store queries only for an ambiguous one-word name asked with another person.
    """
    company = {
        other.entity_ids[0]
        for other in links
        if other is not link and other.kind is EntityKind.PERSON and other.entity_ids
    }
    people = [p for p in linker.full_named(link) if p not in company]
    if not company or len(people) < 2:
        return link
    theirs = set(store.articles_mentioning(sorted(company), limit=_ARTICLES_PER_CANDIDATE))

    def together(person: str) -> int:
        return len(theirs & set(store.articles_mentioning([person], limit=_ARTICLES_PER_CANDIDATE)))

    if together(link.entity_ids[0]) > 0:
        return link
    scores = {p: together(p) for p in people if p != link.entity_ids[0]}
    best = max(scores, key=lambda p: scores[p], default=None)
    if best is None or scores[best] < _COMPANY:
        return link
    return linker.put_first(link, best)


# Candidates compared per ambiguous name, and articles read per candidate: a bound on cost.
_MAX_CANDIDATES = 12
_ARTICLES_PER_CANDIDATE = 200
# Sentences read in the one search for all candidates, and counted per candidate.
_HITS_READ = 400
_HITS_PER_CANDIDATE = 10


class _Affinity:
    """``_affinities`` of the candidates, searched on the first score asked for: ``prefer``
    asks none when one bearer dominates ("trump"), and that search over their articles cost
    10-20 ms on 10,000 articles for nothing."""

    def __init__(self, store: Store, candidates: Sequence[str], terms: Sequence[str]) -> None:
        self._store = store
        self._candidates = candidates
        self._terms = terms
        self._scores: dict[str, int] | None = None

    def __call__(self, entity_id: str) -> int:
        if self._scores is None:
            self._scores = _affinities(self._store, self._candidates, self._terms)
        return self._scores.get(entity_id, 0)

    def unbeatable(self, entity_id: str) -> bool:
        """Whether the candidate is shown to score every term (the most any can), from the
        strongest matches alone (see ``_writes_every_term``)."""
        if entity_id not in self._candidates or not self._terms:
            return False
        return _writes_every_term(self._store, self._candidates, self._terms, entity_id)


def _affinities(store: Store, candidates: Sequence[str], terms: Sequence[str]) -> dict[str, int]:
    """For each candidate, how many of the terms its articles write in a sentence that
    matches them (its ten best-ranked such sentences).

    One full-text search over all the candidates' articles together: the search's cost is
    matching the terms across the base, so asking once per candidate multiplied it (a common
    word such as a president's name cost ~16 ms a candidate on 10,000 articles).
    """
    articles = {
        c: store.articles_mentioning([c], limit=_ARTICLES_PER_CANDIDATE) for c in candidates
    }
    union = list(dict.fromkeys(a for found in articles.values() for a in found))
    if not union:
        return {}
    # Where the best sentences are; only the few counted for a candidate are read (reading
    # all _HITS_READ cost ~2 ms) and folded (folding is the costly part).
    hits = store.search_hits(" ".join(terms), limit=_HITS_READ, article_ids=union)
    best: dict[str, list[int]] = {}
    for candidate, found in articles.items():
        mine = set(found)
        best[candidate] = [rowid for rowid, article_id in hits if article_id in mine][
            :_HITS_PER_CANDIDATE
        ]
    texts = store.sentence_texts([rowid for rowids in best.values() for rowid in rowids])
    folded = {rowid: f" {' '.join(word_texts(fold(text)))} " for rowid, text in texts.items()}
    return {
        candidate: sum(
            1 for t in terms if any(f" {t} " in folded.get(rowid, "") for rowid in rowids)
        )
        for candidate, rowids in best.items()
    }


# A query word in at least this many sentences is common: the sentences that hold only such
# words are many, and each scores little (see ``_writes_every_term``).
_COMMON_ROWS = 10000
# The shortcut is tried when the other words are at most a quarter as frequent as the
# common ones together.
_RARE_SHARE = 4
# BM25's most a word can add to a sentence's score, as a multiple of the word's IDF: its
# term-frequency part, f (k1 + 1) / (f + k1 (1 - b + b D / avgdl)), is below k1 + 1 = 2.2
# for any frequency f and length D. (With a margin for rounding.)
_MOST_PER_IDF = 2.2 * (1 + 1e-6)


def _writes_every_term(
    store: Store, candidates: Sequence[str], terms: Sequence[str], entity_id: str
) -> bool:
    """Whether ``_affinities`` gives the candidate every term, shown from the matches that
    hold a word that is not common, without ranking the thousands that hold only common
    words ("trump" in the articles of the Clintons).

    Exact: a sentence holding only common words scores below the sum of their most
    (``_MOST_PER_IDF`` times each IDF), so a match scoring above it ranks above all of
    those; such matches, ranked among themselves, are the head of the whole ranking
    ``_affinities`` reads (the first ``_HITS_READ``). When the candidate's first of them
    (at most ``_HITS_PER_CANDIDATE``) write every term, so do its first hits there, whatever
    follows. False when that is not shown (the full ranking then decides)."""
    counts = store.word_rows(" ".join(terms))
    words = list(counts)
    common = [word for word in words if counts[word] >= _COMMON_ROWS]
    rare = [word for word in words if word not in common]
    if not common or not rare:
        return False
    if _RARE_SHARE * sum(counts[word] for word in rare) > sum(counts[word] for word in common):
        # The other words are nearly as common: ranking their matches costs about what the
        # full ranking does ("republican party"), and the full ranking decides anyway.
        return False
    documents = store.sentence_rows_bound()
    bound = 0.0
    for word in common:
        # The IDF BM25 gives the word, from above: more documents, a larger IDF.
        hits = counts[word]
        bound += _MOST_PER_IDF * max(math.log((documents - hits + 0.5) / (hits + 0.5)), 1e-6)
    articles = {
        c: store.articles_mentioning([c], limit=_ARTICLES_PER_CANDIDATE) for c in candidates
    }
    union = list(dict.fromkeys(a for found in articles.values() for a in found))
    strong = store.search_hits_holding(" ".join(terms), " ".join(rare), article_ids=union)
    if strong is None:
        return False
    head = [(rowid, article_id) for rowid, article_id, score in strong if score > bound]
    mine = set(articles.get(entity_id, ()))
    first = [rowid for rowid, article_id in head[:_HITS_READ] if article_id in mine][
        :_HITS_PER_CANDIDATE
    ]
    if not first:
        return False
    texts = store.sentence_texts(first)
    folded = [f" {' '.join(word_texts(fold(text)))} " for text in texts.values()]
    return all(any(f" {t} " in text for text in folded) for t in terms)


def _capitalised_words(question: str, qwords: Sequence[Word]) -> tuple[set[int], set[int]]:
    """Indices of words written in capitals ('US' but not 'us'), and of words written with a
    capital initial other than the question's first word."""
    caps: set[int] = set()
    titled: set[int] = set()
    if len(fold(question)) != len(question):
        return caps, titled  # offsets differ after folding; be conservative
    for index, word in enumerate(qwords):
        original = question[word.start : word.end].replace(".", "")
        if len(original) >= 2 and original.isupper():
            caps.add(index)
        if original[:1].isupper() and index > 0:
            titled.add(index)
    return caps, titled
