"""'Who reported that?' after a quote relayed by another outlet ("..., he said, according to
the state news agency Ostrinpress"): the relaying source first, then the article's outlet.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine

NOW = datetime(2038, 7, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-relayed-minister",
        "title": "Ostrin minister wants concrete steps",
        "published": "2038-07-18",
        "source": "Coast Wire",
        "text": (
            "Ostrin's foreign minister Ilse Varga arrived in Tarnbridge on Friday for talks.\n\n"
            "Ostrin expected concrete steps on the border, Varga said, according to the "
            "state news agency Ostrinpress.\n\n"
            "The talks are due to last two days."
        ),
    },
    {
        "id": "mini-talks-moved",
        "title": "Border talks moved",
        "published": "2038-07-19",
        "source": "Coast Wire",
        "text": (
            "The next round of border talks was moved to Dunmere at short notice, according "
            "to the daily Morgenpost Ostrin.\n\n"
            "Neither government commented on the change."
        ),
    },
]


def test_who_reported_that_names_the_relaying_agency(mini_engine: Engine) -> None:
    first = mini_engine.answer("what did varga say about the border", chat_id=7)
    assert "concrete steps" in first.summary + " ".join(q.text for q in first.quotes) + " ".join(
        f.text for f in first.facts
    )
    answer = mini_engine.answer("who reported that?", chat_id=7)
    assert "Ostrinpress" in answer.summary
    assert "Coast Wire" in answer.summary


def test_an_unknown_outlet_named_as_a_daily_is_the_reporting_source(mini_engine: Engine) -> None:
    answer = mini_engine.answer("who reported that the talks were moved to Dunmere?")
    assert "Morgenpost Ostrin" in answer.summary
