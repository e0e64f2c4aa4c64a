"""'What was agreed between the crews and the operator?', 'what did the operator offer before
the talks?': the offer and the deal's terms, stored as claims credited to the parties, answer
though the question's other words ('between', 'before the talks') lead the sentence search
elsewhere, the operator is named shorter than stored and its first word ('ruby') also
reads as a person's first name. Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask

NOW = datetime(2031, 3, 14, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "singer-1",
        "title": "Ruby Okafor sells out Lyon",
        "published": "2031-03-12",
        "source": "Rhone Arts",
        "url": "https://example.org/singer1",
        "text": "The singer Ruby Okafor sold out two nights in Lyon.\n\nRuby Okafor said "
        "the tour would end in May.",
    },
    {
        "id": "ferry-1",
        "title": "Ferry crews walk out at Ruby Line in Brest",
        "published": "2031-03-02",
        "source": "Brittany Coast Post",
        "url": "https://example.org/ferry1",
        "text": "About 600 ferry crews at Ruby Line Ferries walked off the job on Monday "
        "after talks on a new collective agreement broke down between the two sides.\n\n"
        "The Ferry Crews Guild wants a 12% rise.",
    },
    {
        "id": "ferry-2",
        "title": "Mediator calls crews and Ruby Line to talks in Quimper",
        "published": "2031-03-10",
        "source": "Brittany Coast Post",
        "url": "https://example.org/ferry2",
        "text": "The government's mediator has called the striking crews and the management "
        "of Ruby Line Ferries to talks in Quimper on Thursday.\n\n"
        "Ruby Line raised its pay offer from 3% to 5.5% overnight, according to a "
        "memo seen by the Post.\n\nThe guild said the offer was not enough.",
    },
    {
        "id": "ferry-3",
        "title": "Tentative deal ends ferry strike after night of talks",
        "published": "2031-03-13",
        "source": "Brittany Coast Post",
        "url": "https://example.org/ferry3",
        "text": "The Deckhands' Guild and the management of Ruby Line Ferries reached a "
        "tentative agreement shortly before midnight on Thursday, ending a ten-day strike.\n\n"
        "Under the agreement, deckhands will get an 8% pay rise in two stages and a one-off "
        "payment of 900 euros per worker.\n\nCrews will vote on the deal next week.",
    },
]


def test_what_was_agreed_between_the_parties(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what was agreed between the crews and ruby line")
    assert "8% pay rise" in reply


def test_what_the_operator_offered_before_the_talks(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did ruby line offer before the quimper talks")
    assert "5.5%" in reply
    assert "what was offered" in reply
