"""A quotes question whose topic is loosened ("letting Ostrica back into the Northern Pact":
no quote says "letting") is still answered from the story asked, not from the speaker's words
in another report that shares the names. Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask, says_unknown

NOW = datetime(2031, 11, 20, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "pact-fish",
        "title": "Northern Pact ministers split on herring quotas",
        "published": "2031-11-18",
        "source": "Coastal Herald",
        "url": "https://example.org/fish",
        "text": "Ministers of the Northern Pact failed on Tuesday to agree herring quotas.\n\n"
        '"Ostrica and the Northern Pact must share the herring fairly," Velmar\'s foreign '
        "minister Mara Lind said.\n\nThe talks resume in January.",
    },
    {
        "id": "pact-return",
        "title": "Velmar wants Ostrica readmitted to regional bloc",
        "published": "2031-10-02",
        "source": "Coastal Herald",
        "url": "https://example.org/return",
        "text": "Velmar's foreign minister Mara Lind said on Monday she would like to see "
        'Ostrica back in the Northern Pact, five years after it was suspended.\n\n"We want '
        'Ostrica back at the table. It is a work in progress," Lind told reporters.\n\nOther '
        "members were cool on the idea.",
    },
    {
        "id": "pact-dam",
        "title": "Dam dispute on the Ostrica border",
        "published": "2031-09-01",
        "source": "Coastal Herald",
        "url": "https://example.org/dam",
        "text": "Engineers inspected the Ostrica dam on Sunday.\n\nThe regional water "
        "authority said the Northern Pact had not been asked for money.",
    },
]


def test_loosened_topic_keeps_to_the_story(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did lind say about letting ostrica back into the northern pact")
    assert not says_unknown(reply)
    assert "work in progress" in reply
    assert "herring" not in reply


def test_a_topic_said_whole_is_unchanged(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did lind say about the herring quotas")
    assert "share the herring fairly" in reply
