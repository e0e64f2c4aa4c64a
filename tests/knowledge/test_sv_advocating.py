""" "What is X proposing / suggesting / calling for?" asks for X's own statements, like "what
does X want": not a who-is question about X, not a text search for the verb. Invented article."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowledge.answer import Engine
from knowledge.answering.intents import Intent, classify
from tests.knowledge.asking import ask

NOW = datetime(2031, 3, 20, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "brel-1",
        "title": "Harbour mayor sets out flood plan",
        "published": "2031-03-12",
        "source": "Example Post",
        "url": "https://example.org/brel1",
        "text": "Mayor Odile Brelanque said on Wednesday that the harbour wall must be raised "
        "by two metres before the winter storms.\n\n“Every family on the quay deserves a dry "
        "home,” Brelanque told reporters in Portvert.\n\nThe council met for three hours.",
    },
]


@pytest.mark.parametrize(
    "question",
    [
        "what is brelanque proposing",
        "what is brelanque suggesting?",
        "what is brelanque calling for",
        "what are they pushing for",
        "What is the mayor urging?",
    ],
)
def test_proposing_asks_for_statements(question: str) -> None:
    assert classify(question.lower()).intent is Intent.QUOTES


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("what did brelanque propose", Intent.OUTCOME),  # a past outcome stays one
        ("what is the proposal", Intent.OUTCOME),
        ("who is brelanque", Intent.WHO_IS),
    ],
)
def test_other_shapes_unchanged(question: str, intent: Intent) -> None:
    assert classify(question).intent is intent


def test_proposing_answers_with_the_persons_words(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what is brelanque proposing?")
    assert "dry home" in reply
    assert "harbour wall" in reply
