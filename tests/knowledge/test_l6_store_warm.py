"""A start-up's warming of the store (knowledge.store.Store.warm_searches) parses the newest
events and quotes once, so that the first answers listing what is newest read them kept."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from knowledge.ingest import ingest_articles
from knowledge.models import Event, Quote
from knowledge.readers import read_document
from knowledge.store import Store

ARTICLES = [
    {
        "id": f"warm-{number}",
        "title": f"Envoys meet in Tallinn, round {number}",
        "published": f"2032-04-{number + 1:02d}",
        "source": "Baltic Wire",
        "text": (
            f"Foreign Minister Kaja Lind met envoy Marek Tamm in Tallinn on Monday for round "
            f"{number} of the talks.\n\n"
            f'"We made progress on the border, step {number}," Lind told reporters.'
        ),
    }
    for number in range(6)
]


@pytest.fixture
def store() -> Iterator[Store]:
    data = "\n".join(json.dumps(a) for a in ARTICLES).encode()
    with Store.open(":memory:") as opened:
        report = ingest_articles(opened, read_document("warm.jsonl", data))
        assert report.added == len(ARTICLES)
        yield opened


def test_the_newest_events_and_quotes_are_read_kept_after_warming(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = store.events(limit=300)
    quotes = store.quotes(limit=300)
    assert events and quotes
    # A fresh store over the same facts: warmed, then asked with parsing made impossible.
    store._forget_reads()
    store.warm_searches()

    def no_parsing(data: str | bytes) -> None:
        raise AssertionError("parsed again after warming")

    monkeypatch.setattr(Event, "model_validate_json", no_parsing)
    monkeypatch.setattr(Quote, "model_validate_json", no_parsing)
    assert store.events(limit=300) == events
    assert store.quotes(limit=300) == quotes
    assert store.quotes(limit=2) == quotes[:2]


def test_entities_read_kept_are_those_stored_in_id_order(store: Store) -> None:
    store.warm_searches()
    every = [entity.id for entity in store.entities()]
    asked = [*reversed(every), "person:nobody-stored", every[0]]
    # Kept (the most mentioned, warmed) and read alike; as read with their mentions.
    found = store.entities_by_ids(asked)
    assert list(found) == sorted(every)
    full = store.entities_by_ids(asked, with_mentions=True)
    assert found == {i: e.model_copy(update={"mentions": ()}) for i, e in full.items()}
    assert store.entities_by_ids(asked) == found


def test_a_write_forgets_the_kept_entities(store: Store) -> None:
    store.warm_searches()
    lind = next(e for e in store.entities() if e.name == "Kaja Lind")
    assert not any(role.title.casefold() == "prime minister" for role in lind.roles)
    article = {
        "id": "warm-new",
        "title": "Lind named prime minister",
        "published": "2032-05-01",
        "source": "Baltic Wire",
        "text": "Prime Minister Kaja Lind met envoy Marek Tamm in Tallinn on Monday.",
    }
    ingest_articles(store, read_document("new.jsonl", json.dumps(article).encode()))
    again = store.entities_by_ids([lind.id])[lind.id]
    assert any(role.title.casefold() == "prime minister" for role in again.roles)
