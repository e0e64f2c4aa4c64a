"""Direct quotes introduced by a verb and an addressee ("she said, telling CNN: “...”") and
inverted after verbs that carry a quote only right after its closing mark ("“...,” affirmed
the minister")."""

from datetime import UTC, datetime

import pytest

from knowledge.extract import extract
from knowledge.models import Article, Quote, QuoteKind

MONDAY = datetime(2031, 5, 12, 9, 0, tzinfo=UTC)


def quotes_of(text: str) -> list[Quote]:
    return list(extract(Article(id="qx", title="", text=text, published=MONDAY)).quotes)


def spoken_by(text: str, words: str) -> str | None:
    found = [q for q in quotes_of(text) if words in q.text]
    assert found, [q.text for q in quotes_of(text)]
    assert found[0].kind is QuoteKind.DIRECT
    return found[0].speaker


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "Senator Julia Marsh spoke on Wednesday. “We are calm,” she said, telling the "
            "Daily Courier: “Nothing will change our view on the harbour.”",
            "Julia Marsh",
            "Nothing will change our view on the harbour.",
        ),
        (
            'Senator Julia Marsh spoke on Wednesday. "We are ready," she said on Monday, '
            'telling CNN: "We need a vote on this before the recess."',
            "Julia Marsh",
            "We need a vote on this before the recess.",
        ),
        (
            "Mayor Dana Price was asked about the bridge. “We are fine,” she said, telling "
            "reporters: “The bridge will reopen next month after repairs.”",
            "Dana Price",
            "The bridge will reopen next month after repairs.",
        ),
        (
            "Former adviser Stefan Brandt criticised the studio. Brandt said, telling the "
            "Film Gazette: “The film is a disaster and everyone knows it.”",
            "Stefan Brandt",
            "The film is a disaster and everyone knows it.",
        ),
        (
            "In the chamber, Mr Tom Thorpe told Sir Edward Lyle: “You must resign before "
            "the end of the week.”",
            "Tom Thorpe",
            "You must resign before the end of the week.",
        ),
    ],
    ids=["pronoun-telling-outlet", "straight-marks-adjunct", "telling-reporters", "name", "told"],
)
def test_the_teller_not_the_addressee_speaks(text: str, speaker: str, words: str) -> None:
    assert spoken_by(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "Colonel Abel Varga opened the session. “Our cooperation with the harbour "
            "authority is stronger than ever,” expressed Minister Tomas Ruel.",
            "Tomas Ruel",
            "Our cooperation with the harbour authority is stronger than ever",
        ),
        (
            "Colonel Abel Varga opened the session with Minister Tomas Ruel. “The agreement "
            "is a step forward for both nations,” affirmed the minister.",
            "Tomas Ruel",
            "The agreement is a step forward for both nations",
        ),
        (
            "Colonel Abel Varga opened the session. “The fisheries need protection for "
            "future generations,” underlined Deputy Minister Ana Liss.",
            "Ana Liss",
            "The fisheries need protection for future generations",
        ),
    ],
    ids=["expressed", "affirmed-the-minister", "underlined"],
)
def test_inverted_verbs_beyond_said(text: str, speaker: str, words: str) -> None:
    assert spoken_by(text, words) == speaker


def test_a_noun_cue_before_a_participle_is_not_the_speaker() -> None:
    # "struck a defiant note, warning, “...”": the subject speaks, not "a defiant note"
    text = (
        "Chancellor Rolf Adler struck a defiant note, warning, “If they start a trade war, "
        "this time it will hurt everyone.”"
    )
    assert spoken_by(text, "this time it will hurt everyone") == "Rolf Adler"


def test_expressed_without_a_quote_is_no_quote() -> None:
    text = "Minister Tomas Ruel expressed concern about the harbour and underlined the risks."
    assert quotes_of(text) == []
