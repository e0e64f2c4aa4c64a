"""'Where will they sign?' when the event record has no place: of the sentences naming a place,
one naming a city ("in Muscat, Oman") is the venue before one naming the country of the
story ("the rebels it fought in Yemen"). Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask

NOW = datetime(2032, 3, 20, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "accord-1",
        "title": "Accord to be signed on Saturday",
        "published": "2032-02-27",
        "source": "Example Wire",
        "url": "https://example.org/accord1",
        "text": "Norland and the rebels it fought for a decade in Yemen are poised to sign "
        "a peace accord on Saturday, ending the war.\n\nThe peace accord is expected to "
        "be signed by both sides' negotiators.",
    },
    {
        "id": "accord-2",
        "title": "After the accord, an uneasy calm",
        "published": "2032-03-05",
        "source": "Daily Courier",
        "url": "https://example.org/accord2",
        "text": "Weeks after Norland and the rebels signed the peace accord on 29 February "
        "in Muscat, Oman, fighting has not resumed.",
    },
    {
        "id": "accord-3",
        "title": "Norland and rebels sign peace accord",
        "published": "2032-02-29",
        "source": "Example Wire",
        "url": "https://example.org/accord3",
        "text": "Norland and the rebels signed a peace accord on Saturday, ending the war "
        "in Yemen, the rebels' leader said.",
    },
]


def test_the_city_named_is_the_venue(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "where will norland and the rebels sign the peace accord")
    assert "muscat" in reply
