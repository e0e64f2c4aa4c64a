"""The owner's seed questions, answered from the sample article through real reading and
extraction, judged by the seed file's own rule (the full plain-text reply, case-insensitive:
each inner ``must`` list matched by one of its strings, no ``must_not`` string present)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from knowledge.answer import Engine, render_text
from knowledge.ingest import ingest_articles
from knowledge.readers import read_document
from knowledge.store import Store

QUESTIONS: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "questions" / "seed-dev.toml").read_text("utf-8")
)["question"]
# The article is dated Tuesday 3 February 2026; the bot is asked the next day.
NOW = datetime(2026, 2, 4, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    sample = resources.files("knowledge").joinpath(
        "samples", "aa-2026-02-03-us-iran-istanbul-talks.txt"
    )
    with Store.open(":memory:") as store:
        report = ingest_articles(store, read_document(sample.name, sample.read_bytes()))
        assert report.added == 1
        yield Engine(store, clock=lambda: NOW)


@pytest.mark.parametrize("question", QUESTIONS, ids=[q["ask"] for q in QUESTIONS])
def test_seed_question(engine: Engine, question: dict[str, Any]) -> None:
    reply = render_text(engine.answer(question["ask"])).casefold()
    for options in question.get("must", []):
        assert any(option.casefold() in reply for option in options), (options, reply)
    for forbidden in question.get("must_not", []):
        assert forbidden.casefold() not in reply, (forbidden, reply)
