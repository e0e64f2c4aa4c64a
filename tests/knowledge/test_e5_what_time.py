"""'What time do the talks start?' with no name: the talks whose record gives an hour, though
their report never says 'start' and another report does."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine

NOW = datetime(2039, 5, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-ferry-talks",
        "title": "Ferry crews and Nordline to meet",
        "published": "2039-05-18",
        "source": "Coast Herald",
        "text": (
            "Union leader Maja Holm and Nordline chief executive Per Lind will hold talks at "
            "the harbour office in Bergen from 10am on Thursday."
        ),
    },
    {
        "id": "mini-water-talks",
        "title": "River talks to start in Vienna",
        "published": "2039-05-19",
        "source": "Danube Post",
        "text": (
            "Talks between Austria and Hungary on the river start in Vienna next month, "
            "Foreign Minister Eva Gruber said."
        ),
    },
]


def test_what_time_finds_the_talks_with_an_hour(mini_engine: Engine) -> None:
    answer = mini_engine.answer("what time do the talks start?")
    assert "10am" in answer.summary
