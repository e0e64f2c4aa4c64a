"""Typos of the asking vocabulary are corrected only when the first letter matches: typos
rarely hit it, and a real word one letter from an asking word ("paying", "saying") must stay
itself even when a small fact base has never seen it."""

from __future__ import annotations

import pytest

from knowledge.answering.intents import Intent, classify, correct_typos


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who is meting whom in geneva", "who is meeting whom in geneva"),
        ("latest qoutes from iran", "latest quotes from iran"),
        ("who is paying for it", "who is paying for it"),
        ("who is laying the wreath", "who is laying the wreath"),
        ("the head of the state company", "the head of the state company"),
        ("what was the sumary", "what was the summary"),
    ],
    ids=["meting", "qoutes", "paying-stays", "laying-stays", "state-stays", "sumary"],
)
def test_only_typos_sharing_the_first_letter_are_corrected(question: str, expected: str) -> None:
    assert correct_typos(question) == expected


def test_a_question_about_paying_is_not_read_as_one_about_saying() -> None:
    assert classify(correct_typos("who is paying for it")).intent is not Intent.QUOTES
