"""Faster forms of per-sentence tests agree with the forms they replace: the amount tests of
'how many' answers (two steps, not one pattern) and the words with a stem's first letters
(a matched space, not a look-behind)."""

from __future__ import annotations

import re

import pytest

from knowledge.answering import fallback, search
from knowledge.answering.text import prefixed_words, stem_prefixes

TEXTS = [
    "Three people were hurt.",
    "THIRTY cases were reported in 2003.",
    "The fraud was reported in 2003.",
    "In 1999 the office opened.",
    "It cost $5m, officials said.",
    "It cost £ 12,500.",
    "Half of the members voted.",
    "Someone's phone rang.",
    "The tent was pitched near the stone wall.",
    "One's own view.",
    "Dozens gathered; hundreds more watched.",
    "The 20th anniversary.",
    "Twentyfold growth.",
    "a ten_year plan",
    "ﬁfty ﬁrms",  # a ligature: case-blind matching is not ASCII lower-casing here
    "ſix months",  # long s: matches 's' case-blind
    "The Kelvin sign: \u212aelvin, and ONE more.",
    "Café owners, thirty of them.",
    "Côte d'Ivoire sent troops.",
    "Fifty-fifty.",
    "٣ (an Arabic-Indic digit)",
    "percent of voters",
    "no amount here at all",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_says_amount_agrees_with_the_pattern(text: str) -> None:
    assert fallback.says_amount(text) == bool(fallback._AMOUNT_SAID.search(text))


@pytest.mark.parametrize("text", TEXTS)
def test_has_amount_agrees_with_the_pattern(text: str) -> None:
    assert search._has_amount(text) == bool(search._AMOUNT.search(text))


def test_amounts_found_and_not() -> None:
    assert fallback.says_amount("Thirty cases were reported.")
    assert not fallback.says_amount("The fraud was reported in 2003.")
    assert not fallback.says_amount("Someone's stone tent.")
    assert search._has_amount("percent of voters")
    assert not search._has_amount("no amount here")


def _looking_behind(prefixes: frozenset[str]) -> re.Pattern[str]:
    """prefixed_words as it was: a look-behind for the space before each word."""
    longer = sorted(p for p in prefixes if len(p) == 2)
    single = sorted(p for p in prefixes if len(p) == 1)
    branches = []
    if longer:
        branches.append(f"(?<= )(?:{'|'.join(map(re.escape, longer))})[^ ]*")
    if single:
        branches.append(f"(?<= )(?:{'|'.join(map(re.escape, single))})(?= )")
    return re.compile("|".join(branches) or "(?!)")


@pytest.mark.parametrize(
    "prefixes",
    [
        frozenset({"a", "me"}),
        frozenset({"me"}),
        frozenset({"i"}),
        frozenset({"go", "we", "x"}),
        stem_prefixes("meeting"),
        frozenset(),
    ],
)
@pytest.mark.parametrize(
    "text",
    [
        " a man met an ally a ",
        " meet  me  a  metre ",
        " i went to go west x ",
        "a me at the start and end me",
        " x ",
        " ",
        "",
        "  ",
        " we-went me,met ",
    ],
)
def test_prefixed_words_find_the_words_the_look_behind_found(
    prefixes: frozenset[str], text: str
) -> None:
    assert prefixed_words(prefixes).findall(text) == _looking_behind(prefixes).findall(text)
