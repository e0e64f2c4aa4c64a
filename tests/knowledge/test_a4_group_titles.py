"""A title asked in the plural names a gathering, not the one holder stored last ("when are
the river ministers meeting?"), and "which countries are going to X" asks who takes part in
the meeting there, as "who is going" does. Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from knowledge.answering.intents import Intent, classify
from tests.knowledge.asking import ask

NOW = datetime(2031, 4, 20, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "tarn-1",
        "title": "River states to meet in Tarnowo",
        "published": "2031-04-18",
        "source": "Example Wire",
        "url": "https://example.org/tarn1",
        "text": "Slovakia will host a meeting of the river ministers of Slovakia, Hungary and "
        "Austria in Tarnowo on 3 May, the Slovak foreign ministry said on Friday.\n\nThe "
        "agenda includes dredging and flood warnings.",
    },
    {
        "id": "north-1",
        "title": "First minister opens new bridge",
        "published": "2031-04-19",
        "source": "Example Wire",
        "url": "https://example.org/north1",
        "text": "First Minister Ailsa Brodie opened a bridge in Dunmore on Saturday.\n\n"
        '"This bridge joins two towns that have waited fifty years," Brodie said.',
    },
]


def test_which_countries_are_going_asks_for_participants() -> None:
    assert classify("which countries are going to tarnowo").intent is Intent.EVENT
    assert classify("which countries signed the treaty").intent is not Intent.EVENT


def test_plural_title_is_no_single_holder(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "when are the river ministers meeting in tarnowo")
    first = reply.splitlines()[0]
    assert "3 may" in first
    assert "brodie" not in reply


def test_which_countries_are_going(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "which countries are going to tarnowo")
    first = reply.splitlines()[0]
    assert "hungary" in first
    assert "austria" in first
