"""A follow-up that names nothing of its own ("when do the members vote on it?") is read in the
story just told: sentences of another story sharing its words (a bank committee's members
voting) are left out. Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask

NOW = datetime(2031, 9, 12, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "kel-1",
        "title": "Mediator calls dockers to talks in Varnholt",
        "published": "2031-09-09",
        "source": "Harbour Herald",
        "url": "https://example.org/kel1",
        "text": "The government mediator has called the striking dockers of Kelden port and "
        "the terminal's managers to talks in Varnholt on Thursday.\n\nThe strike is in its "
        "second week.",
    },
    {
        "id": "kel-2",
        "title": "Tentative deal ends dock strike after talks in Varnholt",
        "published": "2031-09-11",
        "source": "Harbour Herald",
        "url": "https://example.org/kel2",
        "text": "Dockers and the terminal's managers reached a tentative deal in Varnholt on "
        "Thursday night.\n\nThe union's 900 members will vote on the agreement in a ballot on "
        "Friday, 18 September.",
    },
    {
        "id": "bank-3",
        "title": "Central bank holds rates",
        "published": "2031-09-11",
        "source": "Money Weekly",
        "url": "https://example.org/bank3",
        "text": "The central bank kept its main rate at 2% on Thursday.\n\nTwo members of the "
        "rate committee voted for a cut, and the members will vote again in October.",
    },
]


def test_follow_up_keeps_to_the_story(mini_engine: Engine) -> None:
    ask(mini_engine, "why did the mediator call the dockers to varnholt", chat_id=1)
    reply = ask(mini_engine, "when do the members vote on it?", chat_id=1)
    assert "18 september" in reply
    assert "rate committee" not in reply


def test_a_fresh_question_leaves_the_story(mini_engine: Engine) -> None:
    ask(mini_engine, "why did the mediator call the dockers to varnholt", chat_id=2)
    reply = ask(mini_engine, "when will the rate committee vote again?", chat_id=2)
    assert "october" in reply
