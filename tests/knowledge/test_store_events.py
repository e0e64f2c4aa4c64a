"""Events by participant and place (knowledge.store): the same rows whichever way the store
reads them (a common name or place walks the date index, a rare one is looked up), and the
version-4 migration that adds the place indexes to an existing fact base."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from knowledge.models import EntityKind, Place, entity_id
from knowledge.store import SCHEMA_VERSION, Store
from tests.knowledge.test_store import ARAGHCHI, WITKOFF, make_facts

CITIES = ("Istanbul", "Geneva", "Oslo")


def fill(store: Store, count: int = 60) -> None:
    """Events on many days: most in Istanbul, a few in Geneva and Oslo; every third
    without Araghchi."""
    for number in range(count):
        facts = make_facts(f"e{number:02d}", url=f"https://e.org/e{number:02d}")
        city = CITIES[0] if number % 10 else CITIES[1 + (number // 10) % 2]
        event = facts.events[0].model_copy(
            update={
                "date_start": date(2026, 1, 1) + timedelta(days=(number * 7) % 45),
                "location": Place(city=city, country="Türkiye" if city == "Istanbul" else None),
                "participants": facts.events[0].participants[: 1 if number % 3 == 0 else 2],
            }
        )
        store.ingest(facts.model_copy(update={"events": (event,)}))


def ordered(store: Store, *, ascending: bool = False, **filters: object) -> list[str]:
    """Every event passing the filters, sorted as ``Store.events`` sorts them."""
    every = store.events(limit=10_000, ascending=ascending)
    by_id = {e.article_id: e for e in every}
    wanted = {e.article_id for e in store.events(limit=10_000, **filters)}  # type: ignore[arg-type]
    return [a for a in by_id if a in wanted]


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as opened:
        fill(opened)
        yield opened


@pytest.mark.parametrize("limit", [1, 5, 20, 100])
@pytest.mark.parametrize(
    "filters",
    [
        {"participant_ids": [WITKOFF]},
        {"participant_ids": [ARAGHCHI]},
        {"participant_ids": [entity_id(EntityKind.PERSON, "Nobody Here")]},
        {"place": "istanbul"},
        {"place": "Geneva"},
        {"place": "Türkiye"},
        {"place": "Lima"},
        {"participant_ids": [WITKOFF], "place": "Oslo"},
        {"participant_ids": [WITKOFF, ARAGHCHI], "place": "Istanbul"},
        {"participant_ids": [ARAGHCHI], "since": date(2026, 1, 20)},
    ],
    ids=lambda f: "-".join(f"{k}={v}" for k, v in f.items()),
)
def test_events_are_the_newest_passing_whichever_plan(
    store: Store, filters: dict[str, object], limit: int
) -> None:
    for ascending in (False, True):
        got = [
            e.article_id
            for e in store.events(limit=limit, ascending=ascending, **filters)  # type: ignore[arg-type]
        ]
        assert got == ordered(store, ascending=ascending, **filters)[:limit]


def test_common_place_reads_newest_first(store: Store) -> None:
    newest = store.events(place="Istanbul", limit=3)
    days = [e.date_start or date.min for e in newest]
    assert days == sorted(days, reverse=True)
    assert all(e.location is not None and e.location.city == "Istanbul" for e in newest)


def test_version_3_base_gains_the_place_indexes_and_keeps_its_facts(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    with Store.open(path, schema_version=3) as old:
        fill(old, count=12)
        before = [e.model_dump_json() for e in old.events(place="Geneva", limit=50)]
        counts = old.counts()
    assert SCHEMA_VERSION >= 4
    with Store.open(path) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION
        assert migrated.counts() == counts
        assert [e.model_dump_json() for e in migrated.events(place="Geneva", limit=50)] == before
        assert migrated.search_sentences("Witkoff", limit=1)
    with sqlite3.connect(path) as db:
        indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"events_city", "events_country"} <= indexes
