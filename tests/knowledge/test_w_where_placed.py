"""A where-question prefers, among events matching alike, one whose record gives a place;
a when-question one whose record gives a date. Invented articles, read, extracted and
stored for real."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask

NOW = datetime(2030, 3, 20, 12, tzinfo=UTC)

ARTICLES = [
    # The newer report of each group tells of an event that lacks what is asked: the summit
    # has no place, the talks no day; the older report's event gives it.
    {
        # The newer report tells of a planned summit of the group with no place and no day.
        "id": "quill-plan",
        "title": "Lawmakers question plans for Quillon Group summit",
        "published": "2030-03-12",
        "source": "Example Post",
        "url": "https://example.org/q2",
        "text": "The Senate Ethics Panel announced on Monday it will investigate plans to "
        "host next year's Quillon Group summit at a private golf resort.\n\nThe panel did "
        "not say when it would report.",
    },
    {
        # The older one tells of a summit held in a named city on a named day.
        "id": "quill-held",
        "title": "Quillon Group leaders wrap up summit",
        "published": "2030-02-10",
        "source": "Example Post",
        "url": "https://example.org/q1",
        "text": "The Quillon Group held its annual summit in Tromsø, Norway, on Saturday, "
        "9 February 2030.\n\nThe leaders discussed fishing rights and trade.",
    },
    {
        "id": "marrow-plan",
        "title": "Marrow Council to meet over river dispute",
        "published": "2030-03-14",
        "source": "Example Post",
        "url": "https://example.org/m2",
        "text": "The Marrow Council will hold talks in Lisbon, Portugal, on the river "
        "dispute, officials said.\n\nNo agenda has been published.",
    },
    {
        "id": "marrow-held",
        "title": "Marrow Council talks end without deal",
        "published": "2030-03-06",
        "source": "Example Post",
        "url": "https://example.org/m1",
        "text": "The Marrow Council held talks on Tuesday, 5 March 2030, on the river "
        "dispute.\n\nThe talks ended without a deal.",
    },
]


def test_where_question_heads_with_the_placed_event(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "where is the Quillon Group summit being held")
    head = reply.splitlines()[0]
    assert "tromsø" in head


def test_when_question_heads_with_the_dated_event(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "when are the Marrow Council talks")
    head = reply.splitlines()[0]
    assert "5 march 2030" in head
