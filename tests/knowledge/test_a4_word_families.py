"""A topic word meets its family: the noun or adjective whose ending changes the verb's
("verification" / "verified" / "verifiable", "privatisation" / "privatised"). Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowledge.answer import Engine
from knowledge.answering.text import stem
from tests.knowledge.asking import ask, says_unknown

NOW = datetime(2031, 6, 10, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "arms-1",
        "title": "Velmar and Ostrica sign arms pact in Tallinn",
        "published": "2031-06-08",
        "source": "Example Wire",
        "url": "https://example.org/arms1",
        "text": "Velmar and Ostrica signed a pact on Sunday to cut their stocks of short-range "
        "missiles by half.\n\nVelmar's defence minister Tomas Kreel defended the pact. \"Every "
        'cut is verifiable: inspectors will count every launcher, twice a year," Kreel '
        'said.\n\nOn the budget, Kreel said: "We will spend the savings on hospitals."',
    },
    {
        "id": "rail-1",
        "title": "Ostrica to sell state railway",
        "published": "2031-06-09",
        "source": "Example Wire",
        "url": "https://example.org/rail1",
        "text": "Ostrica's transport minister Lena Varga said the state railway would be "
        'privatised next year.\n\n"The railway will be privatised in two parts, freight '
        'first," Varga told reporters.\n\nVarga also said the new timetable was "simply '
        'acceptable to nobody".',
    },
]


@pytest.mark.parametrize(
    ("family", "other"),
    [
        ("verification", "verified"),
        ("verifiable", "verify"),
        ("privatisation", "privatised"),
        ("privatization", "privatized"),
        ("clarification", "clarifies"),
        ("acceptable", "accepted"),
        ("sustainable", "sustained"),
    ],
)
def test_family_shares_a_stem(family: str, other: str) -> None:
    assert stem(family) == stem(other)


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("table", "tab"),  # short bases keep their ending
        ("notable", "note"),
        ("communication", "community"),  # '-ication' is left alone
        ("responsible", "response"),  # '-ible' too
    ],
)
def test_short_or_ambiguous_endings_are_kept(word: str, other: str) -> None:
    assert stem(word) != stem(other)


def test_verification_finds_the_words_on_verifying(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did kreel say about verification")
    assert not says_unknown(reply)
    assert "count every launcher" in reply
    assert "hospitals" not in reply


def test_privatisation_finds_privatised(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did varga say about privatisation")
    assert "freight first" in reply
