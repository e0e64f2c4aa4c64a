"""A restricted sentence set (Store.search_sentence_set) is bounded as the whole-base search
is: past its limit it keeps the newest matches (the most recently stored), not the best
ranked, so that a common word's thousands of matches in a person's reports are not ranked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from knowledge.models import Sentence
from knowledge.store import Store
from tests.knowledge.test_store import make_facts

# Older reports say the topic three times a sentence (BM25 ranks them best), newer ones once.
# (One matching sentence an article: the second says neither word asked.)
OLD = "The canal canal canal levy was debated by the board. Nothing else happened."
NEW = "A ferry crossed the canal at dawn. Nothing else happened."


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as store:
        for number in range(30):
            text = OLD if number < 15 else NEW
            store.ingest(
                make_facts(f"r{number:02d}", url=f"https://e.org/r{number:02d}", text=text)
            )
        store.warm_searches()
        yield store


def _articles(found: list[Sentence]) -> set[str]:
    return {s.article_id for s in found}


@pytest.mark.parametrize("count", [6, 25])  # the few-articles path and the article-set path
def test_past_the_limit_the_newest_matches_are_kept(store: Store, count: int) -> None:
    # The oldest of the chosen reports say the word thrice, the newest once.
    chosen = [f"r{number:02d}" for number in range(15 - count // 2, 15 - count // 2 + count)]
    ranked = store.search_sentences("canal", limit=3, article_ids=chosen)
    # The best ranked are old reports that say it thrice; the set keeps the newest.
    assert {s.article_id for s, _ in ranked} <= {f"r{n:02d}" for n in range(15)}
    found = store.search_sentence_set("canal", limit=3, article_ids=chosen)
    assert _articles(found) == set(sorted(chosen)[-3:])
    assert len(found) == 3
    assert all("canal" in s.text for s in found)


def test_no_more_matches_than_the_limit_are_all_of_them(store: Store) -> None:
    chosen = ["r01", "r16", "r29"]
    found = store.search_sentence_set("canal levy", limit=50, article_ids=chosen)
    assert _articles(found) == set(chosen)
    assert store.search_sentence_set("absent", limit=50, article_ids=chosen) == []
    assert store.search_sentence_set("canal", limit=50, article_ids=[]) == []


def test_the_kept_matches_give_the_same_newest(store: Store) -> None:
    chosen = [f"r{number:02d}" for number in range(30)]
    searched = store.search_sentence_set("canal board", limit=4, article_ids=chosen)
    store.search_sentences("canal board", limit=500, article_ids=chosen)  # keeps every match
    kept = store.search_sentence_set("canal board", limit=4, article_ids=chosen)
    assert sorted((s.article_id, s.index) for s in searched) == sorted(
        (s.article_id, s.index) for s in kept
    )
    assert _articles(kept) == {"r26", "r27", "r28", "r29"}
