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
