"""Sentence search meets a word's other forms: the doer and the deed ("photographed" and
"photographer"), and a small number written either way ("gang of 8", "Gang of Eight").
Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from knowledge.answering.text import content_words, number_twin, stem, variants
from tests.knowledge.asking import ask

NOW = datetime(2031, 5, 2, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "gang-1",
        "title": "Senate groups split on farm bill",
        "published": "2031-04-28",
        "source": "Example Post",
        "url": "https://example.org/gang1",
        "text": "A Gang of Four senators met on Thursday to draft a farm subsidy bill for "
        "dairy farmers.\n\nSeparately, a bipartisan Gang of Eight senators met on Friday to "
        "revive an immigration plan for seasonal workers.\n\nA second Gang of Four meeting on "
        "the farm bill is set for Monday.",
    },
    {
        "id": "lake-1",
        "title": "Herons return to Lake Miravel",
        "published": "2031-04-29",
        "source": "Example Post",
        "url": "https://example.org/lake1",
        "text": "Grey herons nested on Lake Miravel this spring for the first time in a "
        "decade.\n\nA wildlife photographer, Ilse Marwoud, counted forty nests on the north "
        "shore.\n\nThe lake authority said the water was cleaner than in any year since 2019.",
    },
]


def test_doer_and_deed_share_a_stem() -> None:
    assert stem("photographer") == stem("photographed") == stem("photograph")
    assert stem("researchers") == stem("researched")
    # Short words ending so keep theirs.
    assert stem("water") != stem("wat")
    assert stem("order") == "order"
    assert stem("minister") == "minister"


def test_small_numbers_have_twins() -> None:
    assert number_twin("8") == "eight"
    assert number_twin("Eight") == "8"
    assert number_twin("one") is None
    assert number_twin("2019") is None
    assert variants("8") == ["8", "eight"]
    assert "8" in content_words("what did the gang of 8 do")


def test_digit_meets_number_word(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did the gang of 8 do?")
    assert "immigration plan" in reply
    assert "dairy farmers" not in reply.split("immigration plan")[0]


def test_photographed_meets_photographer(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "who photographed the herons on lake miravel?")
    assert "ilse marwoud" in reply
