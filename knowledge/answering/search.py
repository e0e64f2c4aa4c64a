"""Sentence-level answers: the full-text fallback, topic summaries, outcomes, 'who said X'.

Candidates come from the store's FTS5 (BM25) search and are re-ranked here by how many of the
question's concepts (each name, each topic word) a sentence covers, then by date, then BM25.
A sentence that covers too little is not an answer: the caller says it does not know.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from knowledge.answering.asked import (
    asked_act,
    asked_person_forms,
    asks_when,
    asks_where,
    names_as_subject,
    newest_telling,
    tells_act,
    tells_when,
    tells_where,
)
from knowledge.answering.compose import fact, join_names, neutral_day
from knowledge.answering.facts import FactBase
from knowledge.answering.intents import EVENT_WORDS
from knowledge.answering.linking import Link
from knowledge.answering.query import Query, Reply
from knowledge.answering.text import (
    SYNONYM_STEMS,
    fold,
    has_phrase,
    is_generic_topic,
    number_twin,
    plain,
    prefixed_words,
    stem,
    stem_prefixes,
    variants,
    words_of,
)
from knowledge.answering.timewords import TimeWindow, resolve_time
from knowledge.models import AnswerFact, EntityKind, Sentence

MIN_COVERAGE = 0.6

# A dotted abbreviation ("W.M.D.", "U.N", "J.K."): matched as the undotted one ("WMD", "UN"),
# whichever way the question and the article write it.
_DOTTED = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\.?(?!\w)")


# A letter-number name written with a hyphen ("G-20", "P-5"): matched as the closed-up one
# ("G20", "P5"), whichever way the question and the article write it.
_LETTER_NUMBER = re.compile(r"\b([A-Za-z]{1,2})-(\d{1,3})\b")
# A closed-up letter-number word of a question ("g20"): searched letter and number apart too,
# as the full-text index holds "G-20".
_CLOSED_LETTER_NUMBER = re.compile(r"([a-z]{1,2})(\d{1,3})")


# Every candidate sentence and headline is made plain words here, most more than once an
# answer (each ranking, the focus articles' headlines, the fallbacks): pure, so memoised,
# bounded (see text.fold).
@lru_cache(maxsize=8192)
def plain_words(text: str) -> str:
    """The text as plain words, dotted abbreviations and letter-number names closed up:
    'the U.N. said' -> 'the un said', 'the G-20 summit' -> 'the g20 summit'."""
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    if "-" in text:
        text = _LETTER_NUMBER.sub(r"\1\2", text)
    return plain(text)


@dataclass
class _Hit:
    sentence: Sentence
    coverage: float
    bm25: float
    day: date
    # Whether the sentence, its headline or its report names one of the question's names
    # (True when the question names none).
    named: bool = True


@dataclass(frozen=True)
class Concept:
    """Something a sentence should cover: a name (any of its spellings) or a topic word.

    ``keys`` are the name's spellings as plain words, or the word's stem.
    """

    kind: str
    forms: tuple[str, ...]
    entity_ids: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    prefixes: frozenset[str] = frozenset()  # first two letters of the word keys
    # The words of a plain text that begin with those letters, found by one scan in C: a
    # test per word in Python was most of the cost of covering (~60,000 tests an answer).
    prefixed: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    # A phrase of the question that names nothing stored ("Senate reform"): said whole it
    # counts fully; its words close together ("reform of the Senate") count nearly as much.
    phrase: bool = False
    # A stored name the question gives firmly (in full, by surname, in several words): a
    # sentence whose report never names it is about something else (see ``_named_only``).
    firm: bool = False
    # A person read from the first word of their name where, with the question's next word,
    # it is a name the found sentences give ("ruby point" read as a person Ruby X, while the
    # reports write "Ruby Point"): those two words (see ``_loosened``), and whether they are
    # such a name, when a sentence that never names the person is no less an answer.
    opening: str = ""
    loose: bool = False


def _concept(kind: str, forms: list[str], entity_ids: tuple[str, ...] = ()) -> Concept:
    keys: tuple[str, ...]
    if kind == "word":
        word = forms[0]
        base = stem(word)
        # A small number meets its other spelling ("8" and "eight").
        twin = number_twin(word)
        if word.isdigit():
            keys = (word,) if twin is None else (word, twin)
        else:
            keys = (base, *SYNONYM_STEMS.get(base, ()), *((twin,) if twin else ()))
    else:
        keys = tuple(dict.fromkeys(k for k in (plain_words(f) for f in forms) if k))
    # A word's irregular forms start otherwise ("held" for hold): their first letters too.
    prefixes = (
        frozenset(k[:2] for k in keys) | stem_prefixes(forms[0]) if kind == "word" else frozenset()
    )
    return Concept(
        kind,
        tuple(dict.fromkeys(forms)),
        entity_ids,
        keys,
        prefixes,
        prefixed_words(prefixes) if kind == "word" else None,
    )


def concepts_of(facts: FactBase, query: Query) -> list[Concept]:
    """What a sentence must cover: each name (with its other spellings) and each topic word."""
    concepts: list[Concept] = []
    by_name: dict[str, list[str]] = {}
    for pid, name in query.people:
        by_name.setdefault(name, []).append(pid)
    for name, ids in by_name.items():
        surfaces = [name, name.split()[-1]]
        for entity in facts.entities(ids).values():
            surfaces.extend(a for a in entity.aliases if len(a) > 3)
        linked = [link for link in query.links if set(ids) & set(link.entity_ids)]
        firm = any(is_firm(link) for link in linked)
        openings = {_opening(query, link) for link in linked}
        opening = openings.pop() if len(openings) == 1 else ""
        concepts.append(replace(_concept("name", surfaces, tuple(ids)), firm=firm, opening=opening))
    people = set(query.person_ids)
    for link in query.links:
        if link.kind is EntityKind.PERSON and people & set(link.entity_ids):
            continue  # already a concept above, with all the person's ids
        concepts.append(
            replace(
                _concept("name", facts.name_forms(link), link.entity_ids[:1]),
                firm=bool(link.entity_ids) and is_firm(link),
                opening=_opening(query, link) if link.entity_ids else "",
            )
        )
    concepts.extend(replace(_concept("name", [phrase]), phrase=True) for phrase in query.phrases)
    terms = query.terms
    if concepts or len(terms) > 1:
        # "How much profit did X make?": "make" frames the question; the answer says
        # "profits rose to ...". Said alone, it is the topic. "How much money did X raise?"
        # is answered by "$30m", seldom by the word "money".
        framing = _LIGHT_VERBS | (_MONEY_WORDS if _HOW_MUCH_MONEY.search(query.text) else set())
        terms = tuple(t for t in terms if t not in framing) or terms
    concepts.extend(_concept("word", [term]) for term in terms)
    return concepts


# Verbs that frame a question rather than say its topic.
_LIGHT_VERBS = frozenset({"make", "makes", "made", "making"})
_MONEY_WORDS = frozenset({"money", "cash", "funds"})
_HOW_MUCH_MONEY = re.compile(r"\bhow much (?:money|cash|in funds)\b")


def _opening(query: Query, link: Link) -> str:
    """For a person read from the first word of their name alone, that word and the
    question's next one ("ruby point" of "... at ruby point" read as Ruby X), else ""."""
    name = plain(link.name).split()
    surface = plain(link.surface)
    if link.kind is not EntityKind.PERSON or len(name) < 2 or [surface] != name[:1]:
        return ""
    after = re.search(rf"\b{re.escape(surface)} (\w+)", plain(query.text))
    return f"{surface} {after.group(1)}" if after else ""


def _loosened(concepts: list[Concept], hits: list[tuple[Sentence, float]]) -> list[Concept]:
    """The concepts with a person read from a first word marked loose where the found
    sentences write that word and the next one as a name ("Ruby Point"), none of them
    naming the person."""
    if not any(c.opening for c in concepts):
        return concepts
    out = []
    for concept in concepts:
        if concept.opening:
            # Written as a name: the next word capitalised ("Ruby Point", not "Lee agree").
            first, second = concept.opening.split()
            as_name = re.compile(
                rf"\b(?i:{re.escape(first)})\s+{re.escape(second[:1].upper())}"
                rf"(?i:{re.escape(second[1:])})\b"
            )
            writing = [f" {plain_words(s.text)} " for s, _ in hits if as_name.search(s.text)]
            named = any(f" {k} " in t for t in writing for k in concept.keys if " " in k)
            concept = replace(concept, loose=bool(writing) and not named)
        out.append(concept)
    return out


def is_firm(link: Link) -> bool:
    """Whether the question names the entity unmistakably: in several words, or by the last
    word of its name (a surname, "Holmbrook" of Holmbrook Bank is not: a first word alone,
    "ruby" read as a person Ruby X, may be an ordinary word)."""
    words = link.surface.split()
    name = plain(link.name).split()
    return len(words) > 1 or len(name) == 1 or name[-1:] == [plain(link.surface)]


def says_any(facts: FactBase, concepts: list[Concept], sentence: Sentence) -> bool:
    """Whether a sentence or its report's headline says one of the concepts."""
    for text in (sentence.text, facts.source(sentence.article_id).title):
        words = plain_words(text)
        tokens = words.split()
        if any(_covered(words, tokens, c) for c in concepts):
            return True
    return False


def names_every(facts: FactBase, query: Query) -> Callable[[str], bool]:
    """A test that a text names every person, country and place the question names."""
    names = [c for c in concepts_of(facts, query) if c.kind == "name"]

    def test(text: str) -> bool:
        words = plain_words(text)
        tokens = words.split()
        return all(_covered(words, tokens, c) for c in names)

    return test


def _covered(words: str, tokens: list[str], concept: Concept) -> bool:
    """Does a text (as plain words, and those words split) cover the concept?"""
    # Plain loops, not any() over generators: called for every concept of every candidate
    # sentence and headline (~60,000 times for 100 questions), where a generator's frames
    # cost more than the tests themselves (half the time measured).
    keys = concept.keys
    if concept.kind == "word":
        if keys[0].isdigit():
            for k in keys:  # noqa: SIM110 (see above)
                if k in tokens:
                    return True
            return False
        # Only words sharing the first letters can share the stem: stem just those.
        prefixed = concept.prefixed
        if prefixed is not None:
            for token in prefixed.findall(f" {words} "):  # noqa: SIM110 (see above)
                if stem(token) in keys:
                    return True
            return False
        prefixes = concept.prefixes
        for token in tokens:  # noqa: SIM110 (see above)
            if token[:2] in prefixes and stem(token) in keys:
                return True
        return False
    padded = f" {words} "
    for k in keys:  # noqa: SIM110 (see above)
        if f" {k} " in padded:
            return True
    return False


def _term_queries(terms: list[str]) -> list[str]:
    """Queries of the topic words: one with the words as asked, one more per irregular form."""
    queries = [" ".join(terms)]
    for index, term in enumerate(terms):
        for form in variants(term)[1:2]:
            queries.append(" ".join([*terms[:index], form, *terms[index + 1 :]]))
    return queries


def _search_words(concepts: list[Concept]) -> list[str]:
    """Full-text query words: each name's canonical spelling (not the question's, which may
    be misspelt), each topic word."""
    # A name with no spelling longer than a letter ("R" linked from "where r the talks")
    # has nothing to search for.
    return list(dict.fromkeys(concept.forms[0] for concept in concepts if concept.forms))


def _articles_naming(facts: FactBase, concepts: list[Concept]) -> dict[str, frozenset[int]]:
    """Articles that mention the question's stored names: which names each one mentions."""
    # Up to 2000 articles a name: a bit per name and article, and one shared set per
    # combination, instead of a new set and a Python call per article (~3 ms a question).
    masks: dict[str, int] = {}
    for index, concept in enumerate(concepts):
        if concept.kind != "name" or not concept.entity_ids:
            continue
        found = facts.store.articles_mentioning(list(concept.entity_ids), limit=2000)
        bit = 1 << index
        if not masks:
            masks = dict.fromkeys(found, bit)
            continue
        get = masks.get
        for article_id in found:
            masks[article_id] = get(article_id, 0) | bit
    sets = {
        mask: frozenset(i for i in range(mask.bit_length()) if mask >> i & 1)
        for mask in set(masks.values())
    }
    return {article_id: sets[mask] for article_id, mask in masks.items()}


Pool = tuple[list[Concept], list[_Hit]]


@dataclass(frozen=True)
class _Found:
    """What the searches for a question found, before any filter or ranking: callers that
    rank the same question's sentences under two filters search once."""

    concepts: list[Concept]
    hits: list[tuple[Sentence, float]]
    naming: dict[str, frozenset[int]]
    # The sentences of the articles most about the question's names that the search missed.
    more: list[tuple[Sentence, float]]
    # Each sentence's plain words and its cover of the concepts (see ``_cover``), found by
    # the first ranking: a second ranking under another filter reuses them.
    scored: dict[tuple[str, int], tuple[str, tuple[float, int, bool, int] | None]] = field(
        default_factory=dict
    )


def ranked_sentences(
    facts: FactBase,
    query: Query,
    *,
    extra: str = "",
    must: re.Pattern[str] | None = None,
    accept: Callable[[str], bool] | None = None,
    limit: int = 3,
    min_coverage: float = MIN_COVERAGE,
    prefer: frozenset[str] = frozenset(),
    pool: Pool | None = None,
    found: _Found | None = None,
) -> list[_Hit]:
    """The question's best verbatim sentences, each covering enough of its concepts.

    A concept counts fully when the sentence says it, 0.8 when the article's headline does,
    0.5 when the article mentions that name elsewhere: "Why was the meeting postponed?" is
    answered by a sentence that never repeats the leaders' names the headline gives. A number
    in the question (a year, an amount) must be in the sentence or the headline.

    ``pool``: what ``candidate_sentences`` found for the same question and the same
    ``extra``, ``must`` and ``accept``, when a caller ranks it twice (it is not changed).
    ``found``: what ``find_sentences`` found for the same question and ``extra``, when a
    caller ranks it under two filters.
    """
    if pool is None:
        pool = candidate_sentences(facts, query, extra=extra, must=must, accept=accept, found=found)
    concepts, candidates = pool
    # Questions of many parts need more of them covered: 2 of 3, 3 of 4, 4 of 5.
    # Names read from a given name alone (see ``Concept.loose``) make the question no longer.
    parts = sum(1 for c in concepts if not c.loose)
    needed = min_coverage if parts <= 3 else max(min_coverage, 0.7 if parts == 4 else 0.75)
    # Copies: a hit's day is set below, and the pool may be ranked again. A sentence whose
    # report never names a name the question gives firmly is about something else (see
    # ``is_firm``): "where did Ferrand meet the union leaders?" is not answered by a report
    # on the European Union's leaders.
    ranked = [replace(h) for h in candidates if h.coverage >= needed and h.named]
    if query.story and ranked:
        # A follow-up ("when do the members vote on it?") is about the story just told: the
        # sentences of its reports (and of reports whose headline shares a specific word with
        # theirs: the next item of the same story) first; another story's only where they
        # say more of it (a report on a central bank's vote says "members" and "vote" too),
        # or never when the follow-up names nothing of its own.
        related = _story_reports(facts, query.story, [h.sentence.article_id for h in ranked])
        if related:
            told = max(h.coverage for h in ranked if h.sentence.article_id in related)
            ranked = [
                h
                for h in ranked
                if h.sentence.article_id in related
                or (not query.story_only and h.coverage > told + 0.05)
            ]
            prefer = prefer | related
        elif query.story_only:
            ranked = []
    # An undated report ranks as of the middle of the others, not below all of them.
    undated = neutral_day(h.day for h in ranked)
    for hit in ranked:
        if hit.day == date.min:
            hit.day = undated
    ranked.sort(
        key=lambda h: (h.sentence.article_id in prefer, round(h.coverage, 1), h.day, h.bm25),
        reverse=True,
    )
    unique: list[_Hit] = []
    seen_text: set[str] = set()
    for hit in ranked:
        words_of_hit = plain(hit.sentence.text)
        if words_of_hit not in seen_text:
            seen_text.add(words_of_hit)
            unique.append(hit)
        if len(unique) >= limit:
            break
    return unique


_CALENDAR = re.compile(
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"june|july|august|september|october|november|december"
)


def _story_reports(facts: FactBase, story: frozenset[str], article_ids: list[str]) -> set[str]:
    """Of the articles, those of the story: in it, or headlined with a name one of its
    headlines gives (a place, a company, a person: "... talks in Lugano"): a stored name, or
    a capitalised word inside a headline written in sentence case."""
    names: set[str] = set()
    for source in facts.sources(list(story)).values():
        for link in facts.linker.link(source.title, fuzzy=False):
            if link.kind is not EntityKind.OUTLET:
                names.update(n for n in (plain(link.name), plain(link.surface)) if len(n) > 2)
        words = source.title.split()[1:]
        if any(w.isalpha() and w.islower() and len(w) > 3 for w in words):
            names.update(
                plain(w)
                for w in words
                if w[:1].isupper() and len(plain(w)) > 3 and not _CALENDAR.fullmatch(plain(w))
            )
    out = {a for a in article_ids if a in story}
    others = [a for a in dict.fromkeys(article_ids) if a not in story]
    for article_id, source in facts.sources(others).items():
        title = f" {plain_words(source.title)} "
        if any(f" {name} " in title for name in names):
            out.add(article_id)
    return out


def candidate_sentences(
    facts: FactBase,
    query: Query,
    *,
    extra: str = "",
    must: re.Pattern[str] | None = None,
    accept: Callable[[str], bool] | None = None,
    found: _Found | None = None,
) -> Pool:
    """The question's concepts and every candidate sentence with its coverage, unranked
    (see ``ranked_sentences``; ``found``: see there)."""
    if found is None:
        found = find_sentences(facts, query, extra=extra)
    concepts = found.concepts
    ranked = _rank(facts, query, concepts, found.hits, found.naming, must, accept, found.scored)
    if found.more:
        # A sentence of the search that the filters dropped would be dropped again: the
        # filters and the coverage depend on the sentence and its article alone.
        ranked += _rank(
            facts, query, concepts, found.more, found.naming, must, accept, found.scored
        )
    return concepts, ranked


def find_sentences(facts: FactBase, query: Query, *, extra: str = "") -> _Found:
    """The searches behind ``candidate_sentences``: full-text matches of the question's
    names and words (plus ``extra``), and the sentences of the articles most about its names."""
    concepts = concepts_of(facts, query)
    text = " ".join([*_search_words(concepts), extra])
    if not text.strip():
        return _Found(concepts, [], {}, [])
    naming = _articles_naming(facts, concepts)
    hits = facts.store.search_sentences(text, limit=80)
    concepts = _loosened(concepts, hits)
    # The store ranks sentences holding every word first: a query of the topic words alone
    # (each irregular form apart: "spend war", "spent war") finds the sentence that says
    # them but spells the names differently ("U.S." for United States).
    terms = [c.forms[0] for c in concepts if c.kind == "word"]
    seen = {(s.article_id, s.index) for s, _ in hits}
    searches = _term_queries(terms) if terms and len(terms) < len(concepts) else []
    # "WMD" is indexed letter by letter where a report writes "W.M.D.": search so too.
    searches += [" ".join(acronym) for acronym in _acronyms(query, terms)]
    # "g20" is indexed as "g 20" where a report writes "G-20": search so too.
    searches += [
        f"{m.group(1)} {m.group(2)}"
        for m in map(_CLOSED_LETTER_NUMBER.fullmatch, [*terms, *_search_words(concepts)])
        if m is not None
    ]
    for form in searches:
        for sentence, score in facts.store.search_sentences(form, limit=40):
            if (sentence.article_id, sentence.index) not in seen:
                seen.add((sentence.article_id, sentence.index))
                hits.append((sentence, score))
    more: list[tuple[Sentence, float]] = []
    found_in = list(dict.fromkeys(s.article_id for s, _ in hits))
    focus = _focus_articles(facts, concepts, naming, found_in) if naming else []
    # An article whose headline says the topic words asked ("the harbour museum" in
    # "Harbour Museum Lets Visitors Judge") is about them: its sentences answer without
    # repeating them.
    focus += [a for a in _titled_articles(facts, concepts, hits) if a not in focus]
    if focus:
        # The best sentence may sit in an article about the names that the search over all
        # articles missed (it need not repeat the names): read the few articles most about
        # them whole. Cheaper and steadier than a restricted full-text search.
        more = [
            (sentence, 0.0)
            for article_id in focus
            for sentence in facts.store.sentences(article_id)
            if (sentence.article_id, sentence.index) not in seen
        ]
    return _Found(concepts, hits, naming, more)


_VOWELS = frozenset("aeiouy")


def _acronyms(query: Query, terms: list[str]) -> list[str]:
    """Topic words that are acronyms: written in capitals in the question ("WMD", "NHS"), or
    short with no vowel ("wmd")."""
    capitals = {w.casefold() for w in re.findall(r"\b[A-Z]{2,5}\b", query.question)}
    return [
        t
        for t in terms
        if 2 <= len(t) <= 5 and t.isalpha() and (t in capitals or not _VOWELS & set(t))
    ]


def _titled_articles(
    facts: FactBase, concepts: list[Concept], hits: list[tuple[Sentence, float]], count: int = 2
) -> list[str]:
    """The found articles whose headline says two or more of the topic words asked, and at
    least half of them ("Harbour Museum" of "the harbour museum ... the flood"), or every
    name and word asked ("Holmbrook profits hit record" of "how much profit did Holmbrook
    make?", whose answer "Profits rose to ..." the search for both words misses)."""
    words = [c for c in concepts if c.kind == "word"]
    if not words or len(concepts) < 2:
        return []
    out: list[str] = []
    ids = list(dict.fromkeys(s.article_id for s, _ in hits))
    for article_id, source in facts.sources(ids).items():
        title = plain_words(source.title)
        tokens = title.split()
        said = sum(1 for c in words if _covered(title, tokens, c))
        if (said >= 2 and 2 * said >= len(words)) or (
            said == len(words) and all(_covered(title, tokens, c) for c in concepts)
        ):
            out.append(article_id)
            if len(out) >= count:
                break
    return out


def _focus_articles(
    facts: FactBase,
    concepts: list[Concept],
    naming: dict[str, frozenset[int]],
    found_in: list[str],
    count: int = 4,
) -> list[str]:
    """The articles most about the question: those mentioning most of its names, then those
    whose headline says most of it, then the newest."""
    most = max(len(v) for v in naming.values())
    # Capped: one very common name alone ("the US") is in thousands of articles. With two
    # names or more, a report the search found mentioning all but one may still be the one
    # most about the question, its headline saying the rest ("Ann Ruiz: Mayor Holt to face
    # a 2030 primary challenge" stored as mentioning Holt only): a name missed counts as a
    # headline word.
    candidates = [a for a, names in naming.items() if len(names) == most][:400]
    if most >= 2:
        candidates += [a for a in found_in if len(naming.get(a, ())) == most - 1]
    sources = facts.sources(candidates)

    def rank(article_id: str) -> tuple[int, date]:
        source = sources.get(article_id)
        if source is None:
            return (0, date.min)
        title = plain_words(source.title)
        tokens = title.split()  # once, not once a concept
        said = sum(1 for c in concepts if _covered(title, tokens, c))
        return (len(naming[article_id]) + said, source.published or date.min)

    return sorted(candidates, key=rank, reverse=True)[:count]


def _rank(
    facts: FactBase,
    query: Query,
    concepts: list[Concept],
    hits: list[tuple[Sentence, float]],
    naming: dict[str, frozenset[int]],
    must: re.Pattern[str] | None,
    accept: Callable[[str], bool] | None,
    scored: dict[tuple[str, int], tuple[str, tuple[float, int, bool, int] | None]] | None = None,
) -> list[_Hit]:
    """Candidate sentences with their coverage of the question (0 for those filtered out).

    ``scored``: each sentence's plain words and cover, kept from an earlier ranking of the
    same search (and filled here)."""
    if scored is None:
        scored = {}
    if not hits:
        return []
    sources = facts.sources([s.article_id for s, _ in hits])
    # Which concepts each article's headline says, tested once an article rather than
    # once a sentence (~7 sentences an article, each testing the concepts it lacks).
    titles: dict[str, tuple[bool, ...]] = {}
    out: list[_Hit] = []
    window = query.window
    for sentence, bm25 in hits:
        if must is not None and not must.search(fold(sentence.text)):
            continue
        if accept is not None and not accept(sentence.text):
            continue
        key = (sentence.article_id, sentence.index)
        known = scored.get(key)
        words = known[0] if known is not None else plain_words(sentence.text)
        if len(words) < 20:
            continue
        source = sources.get(sentence.article_id)
        if (
            window.bounded
            and not window.contains(source.published if source else None)
            and not _tells_same_time(window, sentence.text, source.published if source else None)
        ):
            continue
        coverage = 1.0
        if concepts:
            if known is None:
                in_title = titles.get(sentence.article_id)
                if in_title is None:
                    in_title = titles[sentence.article_id] = _title_covers(
                        concepts, plain_words(source.title) if source else ""
                    )
                known = scored[key] = (
                    words,
                    _cover(concepts, words, sentence, in_title, naming),
                )
            coverage = _coverage(known[1], len(concepts), accept is not None)
            if coverage <= 0:
                continue
        day = source.published if source and source.published else date.min
        named = known is None or known[1] is None or known[1][2]
        out.append(_Hit(sentence, coverage, bm25, day, named))
    return out


def _tells_same_time(window: TimeWindow, text: str, published: date | None) -> bool:
    """Whether a sentence dated outside a relative window says the same time words, counted
    from its own report's date, for the same dates: "exchanged 12 detainees last month" in a
    report of this month tells of last month, whatever the clock says."""
    if not window.relative or published is None or not window.label:
        return False
    if published < (window.since or date.min) or not has_phrase(text, window.label):
        return False
    told = resolve_time(window.label, published)
    return (told.since or date.min) <= (window.until or date.max) and (
        window.since or date.min
    ) <= (told.until or date.max)


def _coverage(
    cover: tuple[float, int, bool, int] | None, concepts: int, title_suffices: bool
) -> float:
    """How much of the question a sentence answers, 0..1, from its ``_cover`` (0 when a
    number asked is missing)."""
    if cover is None:
        return 0.0
    score, in_sentence, _, unsaid = cover
    # A loosely read name the sentence's report never names is left out of the count.
    concepts = max(1, concepts - unsaid)
    if in_sentence == 0:
        # Only a sentence giving a detail asked for ("in the capital of Hanoi") may lean on
        # its headline for every name.
        return 0.8 if title_suffices and score >= 0.8 * concepts else 0.0
    if concepts >= 3 and in_sentence < 2 and score < 2.5:
        return 0.0
    return score / concepts


def _title_covers(concepts: list[Concept], title: str) -> tuple[bool, ...]:
    """Which of the concepts a headline (as plain words) says."""
    if not title:
        return (False,) * len(concepts)
    tokens = title.split()
    return tuple(_covered(title, tokens, concept) for concept in concepts)


def _cover(
    concepts: list[Concept],
    words: str,
    sentence: Sentence,
    in_title: tuple[bool, ...],
    naming: dict[str, frozenset[int]],
) -> tuple[float, int, bool, int] | None:
    """A sentence's score over the concepts, how many it says itself, whether it (its
    headline, its report) names any of the stored names asked, and how many loosely read
    names it, its headline and its report never name (None when a number asked is missing),
    whatever filter it is ranked under. ``in_title``: which concepts the article's headline
    says (``_title_covers``)."""
    tokens = words.split()
    mentioned = naming.get(sentence.article_id, frozenset())
    score = 0.0
    in_sentence = 0
    names = named = unsaid = 0
    for index, concept in enumerate(concepts):
        stored_name = concept.firm
        names += stored_name
        if _covered(words, tokens, concept):
            score += 1.0
            in_sentence += 1
            named += stored_name
        elif concept.phrase and _near(tokens, concept.keys[0]):
            score += 0.9
            in_sentence += 1
        elif in_title[index]:
            score += 0.8
            named += stored_name
        elif concept.kind == "word" and concept.keys[0].isdigit():
            return None
        elif concept.phrase:
            # A name the question gives that nothing stored is called ("the Davis Cup"):
            # a sentence not saying it, nor its headline, is about something else.
            return None
        elif index in mentioned:
            score += 0.5
            named += stored_name
        elif concept.loose:
            unsaid += 1
    return score, in_sentence, names == 0 or named > 0, unsaid


_NEAR = 4  # words apart, at most, for a phrase's words to count as saying it


def _near(tokens: list[str], phrase: str) -> bool:
    """Are all the phrase's words (by stem) in the text within a few words of each other?"""
    wanted = {stem(w) for w in phrase.split()}
    if len(wanted) < 2:
        return False
    places = [(i, stem(t)) for i, t in enumerate(tokens) if t[:2] in {w[:2] for w in wanted}]
    places = [(i, s) for i, s in places if s in wanted]
    for start, _ in places:
        if {s for i, s in places if start <= i <= start + _NEAR + len(wanted)} == wanted:
            return True
    return False


_CAUSE = re.compile(
    r"\b(because|since|after|due to|owing to|as a result|in response|over|amid|insisted|"
    r"demanded|refused|blamed|so that|reason|caused|led to|in protest)\b",
    re.IGNORECASE,
)


def _reasons(facts: FactBase, query: Query, hits: list[_Hit], limit: int = 2) -> list[_Hit]:
    """For "why" questions: sentences of the best hit's article that give a cause and either
    share a word with the question or stand close to the best hit: the reason is often a
    few sentences after the event."""
    best = hits[0].sentence
    concepts = concepts_of(facts, query)
    shown = {(h.sentence.article_id, h.sentence.index) for h in hits}
    found: list[_Hit] = []
    for sentence in facts.store.sentences(best.article_id):
        if (sentence.article_id, sentence.index) in shown or not _CAUSE.search(sentence.text):
            continue
        words = plain_words(sentence.text)
        tokens = words.split()
        covered = sum(1 for c in concepts if _covered(words, tokens, c))
        near = abs(sentence.index - best.index) <= 3
        if covered or near:
            # Close to the event's sentence, a cause needs no words of the question.
            score = covered / max(len(concepts), 1) + (0.5 if near else 0.0)
            found.append(_Hit(sentence, score, 0.0, hits[0].day))
    found.sort(key=lambda h: h.coverage, reverse=True)
    return found[:limit]


_HOW_MANY = re.compile(r"\bhow (many|much)\b")
_AMOUNT = re.compile(
    r"\d|\b(dozens?|hundreds?|thousands?|millions?|billions?|trillions?|percent|half|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty)\b",
    re.IGNORECASE,
)
# The same test in two steps (a "how many" answer tests ~500 sentences; the one pattern
# tried the whole alternation case-blind at every letter, ~12 us a sentence): a digit, then
# the number words in an ASCII text lower-cased, which case-blind matching equals there.
# (Not ASCII: the case-blind pattern, as some letters match another case's ASCII letter.)
_DIGIT = re.compile(r"\d")
_AMOUNT_WORD = re.compile(_AMOUNT.pattern.split("|", 1)[1])


def _has_amount(text: str) -> bool:
    if _DIGIT.search(text):
        return True
    if text.isascii():
        return bool(_AMOUNT_WORD.search(text.lower()))
    return bool(_AMOUNT.search(text))


# A figure that counts something: not a year ("in 2019"), which any sentence may have.
_FIGURE = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,.]*\b")


def _figure_rank(text: str) -> int:
    """2 for a sentence with a figure ("240"), 1 for a number word ("dozens"), else 0."""
    if _FIGURE.search(text):
        return 2
    return 1 if _has_amount(text) else 0


def _amount_hits(
    facts: FactBase, query: Query, limit: int = 3, found: _Found | None = None
) -> list[_Hit]:
    """ "How many ...?": the sentences with an amount, figures first. The figure is often
    in a sentence just after the one matching the question ("... a new second chamber.
    Its members would be called X. There would be 240 X."): those count too, a little below
    the sentence they follow."""
    # Both rankings below are of the same search.
    if found is None:
        found = find_sentences(facts, query)
    hits = ranked_sentences(facts, query, accept=_has_amount, limit=10, found=found)
    # "How many members": a figure counting the members, not "60% of members" or a year.
    counted = _counted_noun(query.text)

    def counts(text: str) -> bool:
        return counted is not None and _counts(text, counted)

    # Another search only when no sentence found gives a figure (counting what is asked).
    has_figure = any(_FIGURE.search(h.sentence.text) for h in hits)
    done = has_figure and (counted is None or any(counts(h.sentence.text) for h in hits))
    topical = [] if done else ranked_sentences(facts, query, limit=3, found=found)
    seen = {(h.sentence.article_id, h.sentence.index) for h in (*hits, *topical)}
    for anchor in [h for h in topical if not _FIGURE.search(h.sentence.text)]:
        after = range(anchor.sentence.index + 1, anchor.sentence.index + 3)
        for sentence in facts.store.sentences(anchor.sentence.article_id):
            key = (sentence.article_id, sentence.index)
            if sentence.index in after and key not in seen and _FIGURE.search(sentence.text):
                seen.add(key)
                hits.append(_Hit(sentence, anchor.coverage - 0.1, 0.0, anchor.day, anchor.named))
    if counted is not None and not any(counts(h.sentence.text) for h in hits):
        hits += _counting_in_focus(facts, query, counted, seen)
    priced = bool(_PRICE_ASKED.search(query.text))
    if priced and not any(_MONEY.search(h.sentence.text) for h in hits):
        # "How much did the report cost?": a sum of money in the reports the question is
        # about, though the sentence saying it calls the report "the document".
        topical = topical or ranked_sentences(facts, query, limit=3, found=found)
        hits += _priced_in_focus(facts, topical, seen)
    # "How much profit ...": a figure in a sentence saying profits, before one of shares.
    much = _MUCH.search(query.text)
    amounted = stem(much.group("noun")) if much and much.group("noun") not in _NOT_AMOUNTS else ""

    def says_amounted(text: str) -> bool:
        return bool(amounted) and amounted in {stem(t) for t in plain_words(text).split()}

    hits.sort(
        key=lambda h: (
            counts(h.sentence.text),
            priced and bool(_MONEY.search(h.sentence.text)),
            _figure_rank(h.sentence.text),
            says_amounted(h.sentence.text) and _figure_rank(h.sentence.text) == 2,
            round(h.coverage, 1),
        ),
        reverse=True,
    )
    return hits[:limit]


_MUCH = re.compile(r"\bhow much (?P<noun>[a-z]+)\b")
# Words after "how much" that are no amount's noun: "how much did", "how much money" (any
# sum of money answers, whatever the sentence calls it).
_NOT_AMOUNTS = frozenset(
    words_of(
        """
        is are was were did does do has have had will would can could should may might
        money cash more less longer further of the a an in
        """
    )
)


# "How much ... cost / spend / pay / worth": a sum of money is asked for.
_PRICE_ASKED = re.compile(
    r"\bhow much\b.*\b(cost|costs|costing|spend|spent|spending|pay|paid|price|priced|worth|"
    r"charge|charged|fund|funding|budget|fee|fine|fined|sold|sell|bought|buy|raise|raised)\b"
)
_MONEY = re.compile(
    r"[£$€¥₹₽₩₺₴]\s?\d|\b\d[\d,.]*\s?(?:bn|m|k|billion|million|trillion|thousand)?\s?"
    r"(?:pounds|dollars|euros|yen|francs|rupees|pence|cents|zloty|zlotys|zlotych|roubles|"
    r"rubles|yuan|renminbi|won|lira|liras|kronor|krona|kroner|krone|pesos|rand|dinars?|"
    r"dirhams?|riyals?|shekels?|naira|baht|ringgit|forints?|koruna|hryvnias?|lei|tenge|"
    r"rupiah|crowns?)\b|\b(?:US|A|C|NZ|HK)\$\s?\d",
    re.IGNORECASE,
)


def _priced_in_focus(
    facts: FactBase, topical: list[_Hit], seen: set[tuple[str, int]]
) -> list[_Hit]:
    """The sentences with a sum of money in the (two) reports best matching the question."""
    return _telling_in_reports(facts, topical, seen, _MONEY.search, 2)


def _telling_in_reports(
    facts: FactBase,
    anchors: list[_Hit],
    seen: set[tuple[str, int]],
    tells: Callable[[str], object],
    count: int,
) -> list[_Hit]:
    """The sentences not yet ``seen`` for which ``tells`` holds, in the first ``count``
    reports of the ranked ``anchors``: each ranks a little below its report's best hit."""
    out: list[_Hit] = []
    for article_id in list(dict.fromkeys(h.sentence.article_id for h in anchors))[:count]:
        anchor = next(h for h in anchors if h.sentence.article_id == article_id)
        for sentence in facts.store.sentences(article_id):
            key = (sentence.article_id, sentence.index)
            if key not in seen and tells(sentence.text):
                seen.add(key)
                out.append(_Hit(sentence, anchor.coverage - 0.1, 0.0, anchor.day, anchor.named))
    return out


def _counting_in_focus(
    facts: FactBase, query: Query, counted: str, seen: set[tuple[str, int]]
) -> list[_Hit]:
    """ "How many aldermen would sit in the new assembly?": the sentences counting the noun
    ("... and 6 aldermen") in the reports best matching the rest of the question, which
    need not say "aldermen" with the rest ("the new assembly") in one sentence."""
    rest = tuple(t for t in query.terms if stem(t) != counted)
    if rest == query.terms or not (rest or query.links or query.people):
        return []
    # Half the rest suffices: the sentence must then count the noun as well.
    focus = ranked_sentences(facts, replace(query, terms=rest), limit=5, min_coverage=0.5)
    return _telling_in_reports(facts, focus, seen, lambda text: _counts(text, counted), 3)


_COUNTED = re.compile(r"\bhow many (?P<noun>\w+)")
_COUNT = re.compile(
    r"\b(?!(?:19|20)\d\d\b)\d[\d,.]*\b(?!\s*(?:%|per ?cent))(?P<rest>(?:\s+[\w-]+){1,3})"
)


def _counted_noun(text: str) -> str | None:
    """The stem of what "how many" counts: "how many members" -> member."""
    match = _COUNTED.search(text)
    return stem(match.group("noun")) if match else None


def _counts(text: str, noun: str) -> bool:
    """Does a figure count the noun, within three words ("90 elected members")?"""
    return any(
        noun in (stem(w) for w in plain(match.group("rest")).split())
        for match in _COUNT.finditer(text)
    )


_NUMBER = (
    r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|several|few|couple of)"
)
_UNIT = r"(minute|hour|day|week|fortnight|month|year|decade)s?"
_DURATION = re.compile(
    rf"\b{_NUMBER}[- ]{_UNIT}\b|\b{_UNIT} long\b|\bfor (the )?(next |past )?{_NUMBER}? ?{_UNIT}\b"
    r"|\b(overnight|all day|all week)\b",
    re.IGNORECASE,
)


_NOT_LENGTH_AFTER = re.compile(
    r"(\s+|-)(ago|old|later|earlier|before|after|since|from now)\b", re.I
)
_OCCASION = re.compile(r"\b(" + "|".join(sorted(set(EVENT_WORDS))) + r")\b", re.I)
_NOT_LENGTH_BEFORE = re.compile(r"\b(in|within|first in|last in)\s+$", re.I)


def has_duration(text: str) -> bool:
    """Does a text give a length of time ("three-day trip", "for two weeks")? Not a point in
    time ("15 months ago", "the first in 88 years")."""
    for match in _DURATION.finditer(text):
        if _NOT_LENGTH_AFTER.match(text, match.end()):
            continue
        if _NOT_LENGTH_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
            continue
        return True
    return False


def answer_duration(facts: FactBase, query: Query) -> Reply | None:
    """ "How long is the trip?": the sentences about it that give a length of time."""
    accept = has_duration
    if _OCCASION.search(query.text):
        # "How long is the trip?": the length of an occasion (a trip, talks, a visit), not
        # any length the sentences about the place give.
        def accept(text: str) -> bool:
            return has_duration(text) and bool(_OCCASION.search(text))

    hits = ranked_sentences(facts, query, accept=accept, limit=2)
    if not hits:
        return None
    hits = [h for h in hits if h.coverage >= hits[0].coverage]
    sources = facts.sources([h.sentence.article_id for h in hits])
    return Reply(
        summary="Here is how long the articles say it lasts:",
        facts=[fact(f"“{h.sentence.text}”", sources.get(h.sentence.article_id)) for h in hits],
        sources=list(sources.values()),
        confidence=round(0.3 + 0.5 * hits[0].coverage, 2),
        follow_ups=["Who reported it?"],
    )


def answer_search(facts: FactBase, query: Query, *, intro: str = "") -> Reply | None:
    """The most relevant verbatim sentences with their sources, or None."""
    found = find_sentences(facts, query)
    respelt = _respelt(facts, query, found)
    if respelt is not None:
        query = respelt
        found = find_sentences(facts, query)
    if _HOW_MANY.search(query.text):
        hits = _named_only(_amount_hits(facts, query, limit=6, found=found))[:3]
    else:
        person = asked_person_forms(facts, query)
        act = asked_act(query)
        who_did = bool(act) and bool(_WHO_ASKED.match(query.text))
        # "Who could challenge X?": the sentence naming the challengers may rank below others
        # saying as much of the question; more are read, those naming someone go first.
        limit = 40 if person else 9 if who_did else 6
        hits = _named_only(ranked_sentences(facts, query, limit=limit, found=found))
        if person:
            # "Does X want a deal?": X's own words and acts before sentences that say the
            # words of the question of someone else.
            told = [h for h in hits if names_as_subject(person, h.sentence.text)]
            told.sort(key=lambda h: newest_telling(query, h.coverage, h.day), reverse=True)
            hits = told + [h for h in hits if h not in told]
        if who_did:
            # "Who could challenge X?": the sentences telling the act that name someone
            # besides those asked first ("A and B are mentioned as potential challengers").
            asked = set(query.person_ids)
            hits.sort(
                key=lambda h: (
                    tells_act(act, h.sentence.text)
                    and _names_someone_else(facts, asked, h.sentence.text)
                ),
                reverse=True,
            )
        answered = _asked_in_report(facts, query, hits)
        if answered is not None:
            # The report's answer to its own question first.
            hits = [answered, *(h for h in hits if h.sentence is not answered.sentence)]
        elif query.kind_words and not query.story and not person:
            # "Which bases did X hit?": of equally good sentences, one naming a base first.
            kinds = {stem(k) for k in query.kind_words}
            hits.sort(
                key=lambda h: (
                    round(h.coverage, 1),
                    bool(kinds & {stem(t) for t in plain_words(h.sentence.text).split()}),
                ),
                reverse=True,
            )
        hits = hits[:3]
    named = named_payer(facts, query)
    if named is not None:
        # "How much is A offering?" is not answered by B's offer: the payer named must be
        # in the sentence, or the engine does not know.
        hits = [h for h in hits if named(plain_words(h.sentence.text))]
    if not hits:
        return None
    act = asked_act(query)
    telling = [h for h in hits if tells_act(act, h.sentence.text)] if act else hits
    if telling and asks_where(query) and not any(tells_where(h.sentence.text) for h in hits):
        telling = []  # "Where did X go?" met by sentences that name no place
    if telling and asks_when(query) and not any(tells_when(h.sentence.text) for h in hits):
        # "When does the ban take effect?" met by sentences about the ban that say no time.
        telling = []
    if not telling:
        # "Who won the regatta?" met only by sentences naming the regatta: not an answer.
        sources = facts.sources([h.sentence.article_id for h in hits])
        return Reply(
            summary="I don't know: no article I have says that. Related:",
            known=False,
            facts=[fact(f"“{h.sentence.text}”", sources.get(h.sentence.article_id)) for h in hits],
            sources=list(sources.values()),
            confidence=0.15,
        )
    hits = telling + [h for h in hits if h not in telling]
    if asks_where(query):
        # The sentence naming a place first (stable: the ranking stays within each).
        hits.sort(key=lambda h: tells_where(h.sentence.text), reverse=True)
    elif asks_when(query):
        hits.sort(key=lambda h: tells_when(h.sentence.text), reverse=True)
    if "why" in query.parsed.aspects:
        hits = hits[:2] + _reasons(facts, query, hits) + hits[2:3]
    sources = facts.sources([h.sentence.article_id for h in hits])
    lines = [fact(f"“{h.sentence.text}”", sources.get(h.sentence.article_id)) for h in hits]
    best = hits[0].coverage
    return Reply(
        summary=intro or "Here is what the articles say, most relevant first:",
        facts=lines,
        sources=list(sources.values()),
        confidence=round(0.3 + 0.5 * best, 2),
        follow_ups=["Who reported it?", "Latest quotes"],
    )


def _respelt(facts: FactBase, query: Query, found: _Found) -> Query | None:
    """The question with a misspelt name word put right ("how much profit did holmbrok
    make" -> "holmbrook"), or None. A topic word no candidate sentence says, that the
    articles never write, one typo from a word of a stored name, is that word misspelt; the
    name then must be said (in the sentence or its headline), as a phrase asked is."""
    fixed: dict[str, str] = {}
    for concept in found.concepts:
        word = concept.forms[0]
        if concept.kind != "word" or not word.isalpha():
            continue
        # Cheapest test first: most words are one typo from no stored name's word.
        right = facts.name_word_like(word)
        if right is None:
            continue
        said = False
        for sentence, _ in (*found.hits, *found.more):
            words = plain_words(sentence.text)
            if _covered(words, words.split(), concept):
                said = True
                break
        if not said and not facts.store.word_rows(word).get(word):
            fixed[word] = right
    if not fixed:
        return None
    return replace(
        query,
        terms=tuple(t for t in query.terms if t not in fixed),
        phrases=(*query.phrases, *fixed.values()),
    )


_WH = re.compile(r"^(?:and |so )?(who|what|which|where|when|why|how)\b", re.IGNORECASE)


def _asked_in_report(facts: FactBase, query: Query, hits: list[_Hit]) -> _Hit | None:
    """The sentence after a report's own question that asks what the question asks ("Who's
    in the Harbour Group? The list includes ..."), as a hit, or None. The report's question
    must open with the same question word, say every topic word asked (names may be left
    to its report: "the council's Harbour Group") and cover nearly as much as the best
    sentence: "What did the attack do?" is not "what did the attack target?"."""
    wh = _WH.match(query.text)
    if wh is None or not hits or not query.terms:
        return None
    words = [_concept("word", [t]) for t in query.terms]
    best = hits[0].coverage
    for hit in hits:
        text = hit.sentence.text.strip()
        if not text.endswith("?") or hit.coverage < best - 0.2:
            continue
        theirs = _WH.match(text)
        if theirs is None or theirs.group(1).casefold() != wh.group(1):
            continue
        said = plain_words(text)
        if not all(_covered(said, said.split(), c) for c in words):
            continue
        after = [
            s
            for s in facts.store.sentences(hit.sentence.article_id)
            if s.index == hit.sentence.index + 1
        ]
        if after and not after[0].text.strip().endswith("?"):
            return _Hit(after[0], hit.coverage, hit.bm25, hit.day, hit.named)
    return None


_WHO_ASKED = re.compile(r"^(?:and |so )?who\b")
_FULL_NAME = re.compile(r"(?<!^)\b[A-Z][a-z'’-]+ (?:[A-Z]\. )?[A-Z][a-z'’-]+")


def _names_someone_else(facts: FactBase, asked: set[str], text: str) -> bool:
    """Whether a sentence names a stored person other than those asked about."""
    if not _FULL_NAME.search(text):
        return False  # no two capitalised words in a row: no one named in full
    # Names as written in the sentence: no test of lower-case words against the articles
    # (a full-text search per word).
    for link in facts.linker.link(text, fuzzy=False):
        if link.kind is EntityKind.PERSON and not asked & set(link.entity_ids):
            return True
    return False


def _named_only(hits: list[_Hit]) -> list[_Hit]:
    """The hits whose sentence, headline or report names a name the question gives firmly
    (see ``is_firm``): "how much profit did Holmbrook Bank make?" is not answered by another
    company's profit in a report that never names Holmbrook Bank."""
    return [h for h in hits if h.named]


# "How much is X offering / paying / bidding for ...": X is who pays.
_PAYER = re.compile(
    r"^(and )?(how much( money| cash)?|how many \w+|what( price| sum| amount)?) "
    r"(is|are|was|were|has|have|had|did|does|do|will|would) (?P<payer>[\w' .&-]+?) "
    r"(offering|offered|offer|paying|paid|pay|bidding|bid|spending|spent|spend|putting up|"
    r"put up|investing|invested|invest|raising|raised|raise)\b"
)
# Payers named by a pronoun or a generic noun: whoever the sentences say.
_PRONOUN_PAYERS = frozenset(
    {"it", "they", "he", "she", "we", "you", "i", "the company", "the firm", "the group"}
    | {"the bidder", "the government", "the country"}
)


def named_payer(facts: FactBase, query: Query) -> Callable[[str], bool] | None:
    """A test of a sentence's plain words for the payer the question names ("how much is
    Norvale offering"), or None when it names none (a pronoun, nothing matched)."""
    match = _PAYER.search(query.text)
    if match is None:
        return None
    payer = match.group("payer").strip()
    if payer in _PRONOUN_PAYERS:
        return None
    forms: list[str] = []
    for link in query.links:
        if f" {link.surface} " in f" {payer} ":
            forms.extend(plain_words(form) for form in facts.name_forms(link))
    if not forms:
        words = [w for w in payer.split() if w not in ("the", "a", "an")]
        if not words:
            return None
        # As plain words, as the sentences are tested: "okafor's campaign" is "okafor s
        # campaign" there.
        forms = [plain_words(" ".join(words))]
    padded = [f" {form} " for form in forms if form]

    def names(plain_words: str) -> bool:
        text = f" {plain_words} "
        return any(form in text for form in padded)

    return names


def _details(
    facts: FactBase,
    query: Query,
    article_ids: list[str],
    shown: set[str],
    limit: int = 3,
    pool: Pool | None = None,
) -> list[AnswerFact]:
    """The sentences of the chosen articles that cover the topic best, those with a figure
    (an amount, a date, a percentage) first."""
    prefer = frozenset(article_ids)
    hits = [
        h
        for h in ranked_sentences(
            facts, query, limit=12, prefer=prefer, min_coverage=0.5, pool=pool
        )
        if h.sentence.article_id in prefer and plain(h.sentence.text) not in shown
    ]
    # Stable: within "has a figure", the ranking by coverage and date stays.
    hits.sort(key=lambda h: _has_amount(h.sentence.text), reverse=True)
    sources = facts.sources([h.sentence.article_id for h in hits[:limit]])
    return [fact(f"“{h.sentence.text}”", sources.get(h.sentence.article_id)) for h in hits[:limit]]


def answer_summary(
    facts: FactBase, query: Query, *, limit: int = 3, details: bool = False
) -> Reply | None:
    """Summaries of the newest articles on the topic (or of the newest articles overall).

    With ``details``, "what's the latest on X" also gets the sentences of those articles
    that say most about X, figures first: a one-line lead is too thin an update.
    """
    store = facts.store
    scores: dict[str, float] = {}
    ids = query.entity_ids()
    for entity_id in ids:
        for rank, article_id in enumerate(store.articles_mentioning([entity_id], limit=60)):
            scores[article_id] = scores.get(article_id, 0.0) + 10.0 - rank * 0.01
    # The details below rank the same candidate sentences again: find them once.
    worded = bool(query.terms or query.links or query.phrases)
    pool = candidate_sentences(facts, query) if worded else None
    if pool is not None:
        # A sentence saying only "talks" is not about the Iran talks: with other concepts
        # asked, it must say one of those.
        telling = [c for c in pool[0] if not (c.kind == "word" and is_generic_topic(c.forms[0]))]
        for hit in ranked_sentences(facts, query, limit=30, min_coverage=0.5, pool=pool):
            words = plain_words(hit.sentence.text)
            tokens = words.split()
            if telling and not any(
                _covered(words, tokens, c) or (c.phrase and _near(tokens, c.keys[0]))
                for c in telling
            ):
                continue
            scores[hit.sentence.article_id] = (
                scores.get(hit.sentence.article_id, 0.0) + 5 * hit.coverage
            )
    topical = bool(ids or worded)
    if topical and not scores:
        return None
    if topical:
        # An article whose headline names the topic is about it, not merely touching it.
        concepts = pool[0] if pool is not None else concepts_of(facts, query)
        generic = [c.kind == "word" and is_generic_topic(c.forms[0]) for c in concepts]
        for article_id, source in facts.sources(list(scores)[:300]).items():
            title = plain_words(source.title)
            tokens = title.split()
            said = [i for i, c in enumerate(concepts) if _covered(title, tokens, c)]
            if all(generic[i] for i in said) and not all(generic):
                said = []  # a headline naming only "talks" is not about the Iran talks
            scores[article_id] += 8.0 * len(said)
    window = query.window
    # Only ids: titles and outlets come from the source references, and validating an
    # article's JSON (its whole text) costs ~30-40 us each, for up to 200 candidates.
    if topical:
        candidates = store.article_ids(
            ids=list(scores)[:200], since=window.since, until=window.until
        )
    else:
        candidates = store.article_ids(limit=limit, since=window.since, until=window.until)
    if not candidates:
        return None
    if topical:
        best = max(scores.values())
        # The articles most about the whole topic (headline first), newest first among
        # equals: candidates come newest first and the sort is stable.
        candidates = [a for a in candidates if scores.get(a, 0) >= best * 0.6]
        candidates.sort(key=lambda a: round(scores.get(a, 0) / 5), reverse=True)
    chosen = candidates[:limit]
    sources = facts.sources(chosen)
    lines = []
    for article_id in chosen:
        text = store.summary(article_id) or facts.source(article_id).title
        lines.append(fact(text, sources.get(article_id)))
    if details and topical:
        shown = {plain(f.text) for f in lines}
        lines += _details(facts, query, chosen, shown, pool=pool)
    about = join_names(
        [*query.names(), *query.phrases, " ".join(query.terms)]
        if query.terms
        else [*query.names(), *query.phrases]
    )
    summary = f"The latest on {about}:" if about else "The latest news I have:"
    if window.label:
        summary = summary[:-1] + f" ({window.label}):"
    return Reply(
        summary=summary,
        facts=lines,
        sources=list(sources.values()),
        confidence=0.7 if topical else 0.5,
        follow_ups=["Latest quotes", "Who reported it?"],
    )
