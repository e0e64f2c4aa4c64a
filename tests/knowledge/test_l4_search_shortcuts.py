"""Shortcuts of restricted full-text searches (knowledge.store) and of the namesake affinity
(knowledge.answering.linking): each must give exactly what the full ranking gives."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from knowledge.answering import linking, search
from knowledge.answering.text import stem
from knowledge.ingest import ingest_articles
from knowledge.models import Article, EntityKind
from knowledge.store import Store, _held_split
from tests.knowledge.test_store import make_facts

# Forty articles, two sentences each; "grain" is in every one (the common word), the others
# rotate, so that searches have both few and many matches.
WORDS = ("ports", "harbour", "ferries", "strike", "tariffs", "wheat", "storm", "envoys")


def text_of(number: int) -> str:
    first = f"The {WORDS[number % 8]} report mentions {WORDS[(number * 3) % 8]} and grain again."
    second = f"Officials discussed {WORDS[(number + 5) % 8]} and grain with delegates {number}."
    return f"{first} {second}"


@pytest.fixture
def filled() -> Iterator[tuple[Store, list[str]]]:
    with Store.open(":memory:") as store:
        ids = [f"n{number:02d}" for number in range(40)]
        for number, article_id in enumerate(ids):
            store.ingest(
                make_facts(article_id, url=f"https://e.org/{article_id}", text=text_of(number))
            )
        store.warm_searches()
        yield store, ids


QUERIES = ("grain", "harbour strike", "wheat tariffs storm", "grain ports", "nothing here")
SETS = {
    "few": lambda ids: ids[::3][:6],
    "nineteen": lambda ids: ids[::2][:19],
    "many": lambda ids: ids[:30],
    "all": lambda ids: ids,
}


@pytest.mark.parametrize("limit", [3, 12, 300])
@pytest.mark.parametrize("articles", sorted(SETS))
@pytest.mark.parametrize("query", QUERIES)
def test_sentence_sets_are_the_newest_and_article_sets_those_of_the_ranking(
    filled: tuple[Store, list[str]], query: str, articles: str, limit: int
) -> None:
    store, ids = filled
    chosen = SETS[articles](ids)
    # A sentence set is the newest matches (see test_l8_newest_sentence_sets), searched
    # (before) or read from the kept matches (after the ranked search).
    searched = store.search_sentence_set(query, limit=limit, article_ids=chosen)
    every = store.search_sentences(query, limit=10_000, article_ids=chosen)
    newest = sorted(((s.article_id, s.index) for s, _ in every), reverse=True)[:limit]
    kept = store.search_sentence_set(query, limit=limit, article_ids=chosen)
    for as_set in (searched, kept):
        assert sorted(((s.article_id, s.index) for s in as_set), reverse=True) == newest
    assert store.search_article_set(query, limit=limit, article_ids=chosen) == set(
        store.search_articles(query, limit=limit, article_ids=chosen)
    )


def test_a_set_of_fewer_matches_than_the_limit_is_every_match(
    filled: tuple[Store, list[str]],
) -> None:
    store, ids = filled
    # "harbour" is the first word of articles 1, 9, 17, ... and the second of 3, 11, 19, ...
    found = store.search_sentence_set("harbour", limit=100, article_ids=ids)
    assert {s.article_id for s in found} == {
        f"n{n:02d}" for n in range(40) if "harbour" in text_of(n)
    }
    assert all("harbour" in s.text for s in found)


def test_word_rows_count_the_sentences_holding_each_word(
    filled: tuple[Store, list[str]],
) -> None:
    store, _ = filled
    counts = store.word_rows("the grain of the harbour, and nothing")
    assert counts["grain"] == 80  # both sentences of every article
    assert counts["harbour"] == sum(
        text_of(n).count("harbour") for n in range(40)
    )  # at most once a sentence here
    assert counts["nothing"] == 0
    assert "the" not in counts  # not a content word
    assert store.sentence_rows_bound() >= 80


@pytest.mark.parametrize("holding", ["harbour", "wheat storm", "ports", "harbour wheat"])
@pytest.mark.parametrize(
    "query",
    [
        "grain harbour",
        "grain wheat storm",
        "ports grain strike",
        "harbour wheat grain",  # the held words last in the query's order
        "envoys ferries grain harbour",  # ... first, or mixed
        "storm wheat",  # the held words are the whole query
        "harbour strike grain wheat",
    ],
)
def test_matches_holding_a_word_are_the_full_rankings_own(
    filled: tuple[Store, list[str]], query: str, holding: str
) -> None:
    store, ids = filled
    chosen = ids[:30]
    strong = store.search_hits_holding(query, holding, article_ids=chosen)
    assert strong is not None
    held = holding.split()
    full = store.search_hits(query, limit=10_000, article_ids=chosen)
    texts = store.sentence_texts([rowid for rowid, _ in full])
    wanted = [
        (rowid, article_id)
        for rowid, article_id in full
        if any(word in texts[rowid].split() for word in held)
    ]
    assert [(rowid, article_id) for rowid, article_id, _ in strong] == wanted
    scores = [score for _, _, score in strong]
    assert scores == sorted(scores, reverse=True)
    # The same scores, to the last bit, as the full ranking gives these sentences.
    by_id = {
        (s.article_id, s.index): score
        for s, score in store.search_sentences(query, limit=10_000, article_ids=chosen)
    }
    rows = store._sentences_by_id(store._db, [rowid for rowid, _, _ in strong])
    assert [by_id[(rows[r].article_id, rows[r].index)] for r, _, _ in strong] == scores
    # Too few articles for a kept set: the caller searches them whole.
    assert store.search_hits_holding(query, holding, article_ids=chosen[:5]) is None


def test_the_held_words_are_searched_apart_only_where_the_scores_stay_exact() -> None:
    # (Sorted query words; BM25 adds their parts in that order.)
    assert _held_split(["grain", "harbour"], ["harbour"]) == (
        '"harbour"',
        '("harbour") AND ("grain")',  # two parts at most: either order adds the same
    )
    assert _held_split(["envoys", "ferries", "grain"], ["ferries", "envoys"]) == (
        '"envoys" OR "ferries"',
        '("envoys" OR "ferries") AND ("grain")',
    )
    assert _held_split(["grain", "storm", "wheat"], ["wheat", "storm"]) == (
        '"storm" OR "wheat"',
        '("grain") AND ("storm" OR "wheat")',
    )
    assert _held_split(["storm", "wheat"], ["wheat", "storm"]) == ('"storm" OR "wheat"', None)
    # A held word between two others ("ports" in grain, ports, strike) would be added out of
    # order; a held word the query lacks holds sentences the query's words do not name.
    assert _held_split(["grain", "ports", "strike"], ["ports"]) is None
    assert _held_split(["grain", "tariffs"], ["wheat"]) is None


# Bearers of one surname, each written about in articles of their own words; "Nolan" is in
# every article (the common word of these tests).
BEARERS = {
    "Rebecca Nolan": "fisheries quota",
    "Thomas Nolan": "railway strike",
    "Gareth Nolan": "fisheries budget",
}


@pytest.fixture
def bearers() -> Iterator[Store]:
    with Store.open(":memory:") as store:
        articles = []
        for number in range(36):
            name = list(BEARERS)[number % 3]
            topic = BEARERS[name]
            text = (
                f"{name} spoke about the {topic} on Monday. Nolan said the {topic} needed work."
                f" Reporters asked Nolan again about the plan number {number}."
            )
            articles.append(
                Article(
                    id=f"b{number:02d}",
                    title=f"{name} on the {topic}",
                    text=text,
                    published=datetime(2026, 1, 1 + number % 28, tzinfo=UTC),
                    source="Example Wire",
                )
            )
        ingest_articles(store, articles)
        store.warm_searches()
        yield store


@pytest.mark.parametrize(
    "terms",
    [["fisheries", "nolan"], ["railway", "nolan"], ["quota", "nolan"], ["budget", "strike"]],
)
def test_a_bearer_shown_to_write_every_term_is_scored_so_by_the_full_ranking(
    bearers: Store, terms: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(linking, "_COMMON_ROWS", 100)  # "nolan": every sentence here
    monkeypatch.setattr(linking, "_RARE_SHARE", 1)  # the topic words are in a third of them
    candidates = [
        e.id for e in bearers.entities() if e.id.startswith("person:") and "-nolan" in e.id
    ]
    assert len(candidates) == 3
    full = linking._affinities(bearers, candidates, terms)
    shown = {c: linking._writes_every_term(bearers, candidates, terms, c) for c in candidates}
    for candidate, every in shown.items():
        if every:
            assert full[candidate] == len(terms)
    if terms[0] in ("fisheries", "railway", "quota"):
        # Someone writes both words, and the strong matches show it.
        assert any(shown.values())
    if terms == ["budget", "strike"]:
        assert not any(shown.values())  # no common word: nothing to shortcut
    if terms[0] == "fisheries":
        # In 48 of the 108 sentences: over a quarter as common as "nolan", so the full
        # ranking decides.
        monkeypatch.setattr(linking, "_RARE_SHARE", 4)
        assert not any(
            linking._writes_every_term(bearers, candidates, terms, c) for c in candidates
        )


def test_prefer_gives_the_same_link_with_and_without_the_shortcut(
    bearers: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(linking, "_COMMON_ROWS", 100)
    monkeypatch.setattr(linking, "_RARE_SHARE", 1)
    candidates = [
        e.id for e in bearers.entities() if e.id.startswith("person:") and "-nolan" in e.id
    ]
    names = [(c, bearers.entity(c).name, EntityKind.PERSON) for c in candidates]  # type: ignore[union-attr]
    # Equally prominent: no bearer dominates, so the affinity decides.
    linker = linking.EntityLinker(names, prominence=dict.fromkeys(candidates, 10))
    link = linking.Link(tuple(candidates), "Nolan", EntityKind.PERSON, "nolan", 0, 0, 100.0)
    chosen = {}
    fired = 0
    for terms in (["fisheries", "nolan"], ["railway", "nolan"], ["budget"], ["strike", "nolan"]):
        plain = linker.prefer(link, linking._Affinity(bearers, candidates, terms))
        affinity = linking._Affinity(bearers, candidates, terms)
        quick = linker.prefer(link, affinity, affinity.unbeatable)
        assert quick == plain
        chosen[terms[0]] = quick.entity_ids[0]
        fired += affinity.unbeatable(link.entity_ids[0])
    # The words asked tell the bearers apart, and the shortcut decided some of them.
    assert chosen["railway"] == chosen["strike"] == "person:thomas-nolan"
    assert chosen["budget"] == "person:gareth-nolan"
    assert fired > 0


SENTENCES = (
    "The ministers held talks in Geneva and a deal was reached.",
    "Officials said the U.S. would hold a meeting with the G-20 in 2019.",
    "I told them: we went to the harbour, then we won the vote 8 to 1.",
    "Holders of the bonds met; a holding company was formed.",
)


@pytest.mark.parametrize(
    "word", ["hold", "meeting", "go", "tell", "win", "a", "i", "deal", "harbour", "bond"]
)
def test_a_word_concept_covers_the_sentences_its_first_letters_and_stem_say(word: str) -> None:
    concept = search._concept("word", [word])
    assert concept.prefixed is not None
    for text in SENTENCES:
        words = search.plain_words(text)
        tokens = words.split()
        by_tokens = any(t[:2] in concept.prefixes and stem(t) in concept.keys for t in tokens)
        assert search._covered(words, tokens, concept) is by_tokens


def test_irregular_forms_and_one_letter_words_are_covered() -> None:
    words = search.plain_words(SENTENCES[0])
    assert search._covered(words, words.split(), search._concept("word", ["hold"]))
    words = search.plain_words(SENTENCES[2])
    assert search._covered(words, words.split(), search._concept("word", ["go"]))  # went
    assert not search._covered(words, words.split(), search._concept("word", ["deal"]))
