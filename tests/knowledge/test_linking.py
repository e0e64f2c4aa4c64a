"""Entity linking: memoised fuzzy matching, exact-only linking of article text, and surnames
shared by several people told apart by the other words of the question.

The people here are invented, so the tests exercise general behaviour.
"""

from __future__ import annotations

import pytest

from knowledge.answering.cache import LRU
from knowledge.answering.linking import EntityLinker, prefer_in_context
from knowledge.ingest import ingest_articles
from knowledge.models import EntityKind
from knowledge.store import Store
from tests.knowledge.factkit import numbered_article

NAMES = [
    ("person:oren-halvard", "Oren Halvard", EntityKind.PERSON),
    ("person:oren-halvard", "Halvard", EntityKind.PERSON),
    ("person:petra-halvard", "Petra Halvard", EntityKind.PERSON),
    ("person:petra-halvard", "Halvard", EntityKind.PERSON),
    ("person:mirela-kostova", "Mirela Kostova", EntityKind.PERSON),
    ("person:mirela-kostova", "Kostova", EntityKind.PERSON),
    ("place:valparaiso", "Valparaiso", EntityKind.PLACE),
]
PROMINENCE = {"person:oren-halvard": 6, "person:petra-halvard": 2, "person:mirela-kostova": 5}


@pytest.fixture
def linker() -> EntityLinker:
    return EntityLinker(NAMES, common_words=["quotes", "meeting"], prominence=PROMINENCE)


def first_ids(linker: EntityLinker, question: str) -> list[str]:
    return [link.entity_ids[0] for link in linker.link(question) if link.entity_ids]


def test_fuzzy_result_is_the_same_when_memoised(linker: EntityLinker) -> None:
    first = linker.link("what did kostva say")
    again = linker.link("what did kostva say")
    assert [link.entity_ids[0] for link in first] == ["person:mirela-kostova"]
    assert again == first


def test_fuzzy_memo_remembers_misses_too(linker: EntityLinker) -> None:
    assert first_ids(linker, "what did zebulon say") == []
    assert first_ids(linker, "what did zebulon say") == []


def test_exact_only_linking_skips_typos(linker: EntityLinker) -> None:
    assert first_ids(linker, "Reporters asked Kostva again.") == ["person:mirela-kostova"]
    assert linker.link("Reporters asked Kostva again.", fuzzy=False) == []
    # Names spelt right are still found.
    assert first_ids(linker, "Mirela Kostova spoke in Valparaiso") == [
        "person:mirela-kostova",
        "place:valparaiso",
    ]
    exact = linker.link("Mirela Kostova spoke in Valparaiso", fuzzy=False)
    assert [link.entity_ids[0] for link in exact] == ["person:mirela-kostova", "place:valparaiso"]


def test_shared_surname_goes_to_the_most_mentioned_without_context(linker: EntityLinker) -> None:
    (link,) = linker.link("what did halvard say")
    assert link.entity_ids[0] == "person:oren-halvard"
    assert set(link.entity_ids) == {"person:oren-halvard", "person:petra-halvard"}


def test_prefer_puts_the_best_scored_bearer_first(linker: EntityLinker) -> None:
    (link,) = linker.link("what did halvrd say")
    scores = {"person:petra-halvard": 2, "person:oren-halvard": 0}
    preferred = linker.prefer(link, lambda entity_id: scores.get(entity_id, 0))
    assert preferred.entity_ids[0] == "person:petra-halvard"
    assert preferred.name == "Petra Halvard"
    # A tie keeps the prominence order.
    assert linker.prefer(link, lambda _entity_id: 1) == link


BUDGET = (
    "Finance Minister Oren Halvard presented the budget in Leeds on Monday. "
    '"Taxes will fall next year," Halvard said.'
)
STRIKE = (
    "The dock workers' strike in Valparaiso entered its third week. "
    '"The port strike must end now," said union leader Petra Halvard.'
)


def test_ambiguous_surname_is_told_apart_by_the_other_words() -> None:
    store = Store.open(":memory:")
    ingest_articles(
        store,
        [
            numbered_article(1, BUDGET),
            numbered_article(2, BUDGET.replace("Leeds", "York")),
            numbered_article(3, STRIKE),
        ],
    )
    names = store.entity_names()
    assert {"person:oren-halvard", "person:petra-halvard"} <= {n[0] for n in names}
    linker = EntityLinker(names, prominence=store.entity_article_counts())
    links = linker.link("what did halvrd say about the port strike")
    assert links[0].entity_ids[0] == "person:oren-halvard"  # the most mentioned, alone
    (preferred,) = prefer_in_context(linker, links, ["port", "strike"], store)
    assert preferred.entity_ids[0] == "person:petra-halvard"
    # Nothing in the question tells them apart: the order stays.
    (kept,) = prefer_in_context(linker, links, ["weather"], store)
    assert kept.entity_ids[0] == "person:oren-halvard"
    store.close()


def test_lru_is_bounded_and_keeps_recent_entries() -> None:
    memo: LRU[str, int | None] = LRU(2)
    memo.put("a", 1)
    memo.put("b", None)
    assert memo.get("a") == (True, 1)  # "a" is now the most recent
    memo.put("c", 3)
    assert len(memo) == 2
    assert memo.get("b") == (False, None)
    assert memo.get("a") == (True, 1)
    assert memo.get("c") == (True, 3)
    with pytest.raises(ValueError, match="at least one"):
        LRU(0)


def test_a_dominant_bearer_keeps_the_surname() -> None:
    linker = EntityLinker(NAMES, prominence={"person:oren-halvard": 50, "person:petra-halvard": 2})
    (link,) = linker.link("what did halvard say about the port strike")
    assert linker.prefer(link, lambda entity_id: entity_id == "person:petra-halvard") == link


def test_exact_only_links_are_remembered_per_sentence(linker: EntityLinker) -> None:
    sentence = "Mirela Kostova spoke in Valparaiso"
    first = linker.link(sentence, fuzzy=False)
    first.clear()  # the caller's list is its own: the memo is not emptied
    again = linker.link(sentence, fuzzy=False)
    assert [link.entity_ids[0] for link in again] == ["person:mirela-kostova", "place:valparaiso"]


def test_dominant_bearer_never_named_with_the_other_person_gives_way() -> None:
    rolf = "Finance Minister Rolf Danner opened a bridge in Leeds. Danner said it was late."
    greta = (
        "Senator Greta Danner debated Victor Osk in Dayton on Monday. "
        '"You are wrong," Osk told Danner.'
    )
    store = Store.open(":memory:")
    ingest_articles(
        store,
        [numbered_article(n, rolf.replace("Leeds", f"Leeds {n}")) for n in range(1, 11)]
        + [numbered_article(11, greta), numbered_article(12, greta.replace("Dayton", "Akron"))],
    )
    linker = EntityLinker(store.entity_names(), prominence=store.entity_article_counts())
    links = linker.link("what did osk say to danner in the debate")
    danner = next(link for link in links if link.surface == "danner")
    assert danner.entity_ids[0] == "person:rolf-danner"  # the most mentioned, alone
    preferred = prefer_in_context(linker, links, ["weather"], store)
    assert [link.entity_ids[0] for link in preferred if link.surface == "danner"] == [
        "person:greta-danner"
    ]
    # Without the other person, the dominant bearer keeps the name.
    alone = linker.link("what did danner say")
    assert prefer_in_context(linker, alone, ["weather"], store)[0].entity_ids[0] == (
        "person:rolf-danner"
    )
    store.close()
