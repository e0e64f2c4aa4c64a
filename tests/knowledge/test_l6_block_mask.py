"""Restricted full-text searches over articles scattered through the base
(knowledge.store): the block mask that lets most matches between them go must keep every
match in them, ranked as the whole base ranks it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from knowledge.store import _BLOCK_SHIFT, Store, _block_mask
from tests.knowledge.test_store import make_facts

WORDS = ("harbour", "tariffs", "ferries", "storm")


def text_of(number: int) -> str:
    # "grain" everywhere (the common word); the others in turn.
    return (
        f"The {WORDS[number % 4]} report mentions grain again. Officials discussed "
        f"{WORDS[(number + 1) % 4]} and grain with delegates {number}."
    )


@pytest.fixture
def filled() -> Iterator[tuple[Store, list[str]]]:
    # 500 articles of two sentences: 1,000 sentence ids, 16 blocks of 64.
    with Store.open(":memory:") as store:
        ids = [f"m{number:03d}" for number in range(500)]
        for number, article_id in enumerate(ids):
            store.ingest(
                make_facts(article_id, url=f"https://e.org/{article_id}", text=text_of(number))
            )
        store.warm_searches()
        yield store, ids


def test_a_block_mask_marks_the_blocks_holding_the_ranges() -> None:
    block = 1 << _BLOCK_SHIFT
    mask = _block_mask([(3, 5), (2 * block + 1, 2 * block + 9)], 2 * block + 9)
    assert mask == b"\x01\x00\x01"
    # A range over a block boundary marks both blocks.
    assert _block_mask([(block - 1, block)], block) == b"\x01\x01"


@pytest.mark.parametrize("query", ["grain", "harbour grain", "storm ferries"])
@pytest.mark.parametrize("spread", ["ends", "every 25th"])
def test_scattered_articles_keep_every_match_ranked_as_in_the_whole_base(
    filled: tuple[Store, list[str]], query: str, spread: str
) -> None:
    store, ids = filled
    # The oldest, two in the middle and the newest: most blocks between them unmarked.
    chosen = ids[:9] + ids[250:252] + ids[-9:] if spread == "ends" else ids[3::25]
    assert len(chosen) == 20  # a kept set, tested through its ranges and block mask
    everything = store.search_sentences(query, limit=10_000)  # every match: < 1,000 here
    wanted = [((s.article_id, s.index), score) for s, score in everything if s.article_id in chosen]
    found = store.search_sentences(query, limit=10_000, article_ids=chosen)
    assert [((s.article_id, s.index), score) for s, score in found] == wanted
    assert sorted(
        (s.article_id, s.index)
        for s in store.search_sentence_set(query, limit=10_000, article_ids=chosen)
    ) == sorted(key for key, _ in wanted)
