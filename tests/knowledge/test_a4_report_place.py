"""A meeting whose sentence names no place is held where its report's other meeting is:
"Holm planned to hold bilateral meetings with ..." in the report of the summit in Lisbon
answers "who is Holm planning to meet in Lisbon?". Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask, says_unknown

NOW = datetime(2031, 5, 30, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "lis-1",
        "title": "Side issues loom as leaders gather for ocean summit",
        "published": "2031-05-29",
        "source": "Example Wire",
        "url": "https://example.org/lis1",
        "text": "LISBON, Portugal (AP) - Leaders of twenty coastal nations arrived in Lisbon on "
        "Thursday for a two-day ocean summit hosted by Portugal.\n\nSenior German officials, "
        "briefing reporters in Berlin, said Chancellor Greta Holm planned to hold bilateral "
        "meetings with Pedro Alvarado, Ines Corvo and Tomas Kreel.\n\nThe summit opens on "
        "Friday with a session on fishing fleets.",
    },
    {
        "id": "ber-1",
        "title": "Holm to visit Warsaw",
        "published": "2031-05-20",
        "source": "Example Wire",
        "url": "https://example.org/ber1",
        "text": "German Chancellor Greta Holm will visit Warsaw on 10 June to meet Polish "
        "Prime Minister Adam Wrona, her office said.",
    },
]


def test_placeless_meeting_in_the_report_of_the_place(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "who is holm planning to meet in lisbon")
    assert not says_unknown(reply)
    assert "alvarado" in reply
    assert "kreel" in reply
    assert "wrona" not in reply


def test_the_meeting_elsewhere_is_still_no_answer(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "when will holm meet wrona in lisbon")
    assert "10 june" not in reply.splitlines()[0]
