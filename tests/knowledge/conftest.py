"""Shared fixtures for the knowledge tests."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from knowledge.answer import Engine
from knowledge.ingest import ingest_articles
from knowledge.readers import read_document
from knowledge.store import Store


@pytest.fixture(scope="module")
def mini_engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An engine over the invented articles in the test module's ``ARTICLES`` (JSON Lines
    records), read, extracted and stored for real, with the clock at the module's ``NOW``."""
    articles = request.module.ARTICLES
    now = request.module.NOW
    data = "\n".join(json.dumps(a) for a in articles).encode()
    with Store.open(":memory:") as store:
        report = ingest_articles(store, read_document("mini.jsonl", data))
        assert report.added == len(articles)
        yield Engine(store, clock=lambda: now)


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty in-memory fact base, closed after the test (modules that need one filled
    define their own ``store``)."""
    with Store.open(":memory:") as opened:
        yield opened
