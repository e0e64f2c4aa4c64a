"""A quote with no speech verb: "X welcomed the deal, calling it “...”" is X's direct quote."""

from datetime import UTC, datetime

import pytest

from knowledge.extract import extract
from knowledge.models import Article, Quote, QuoteKind

TUESDAY = datetime(2026, 2, 3, 9, 0, tzinfo=UTC)


def quotes_of(text: str) -> list[Quote]:
    return list(extract(Article(id="x2", title="", text=text, published=TUESDAY)).quotes)


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "The trade commissioner, Henrik Sand, welcomed the agreement in a post online, "
            "calling it “a brave step by two old rivals”.",
            "Henrik Sand",
            "a brave step by two old rivals",
        ),
        (
            'Senator Ann Moe praised the deal on Monday, calling it "the best news for farmers '
            'in a decade".',
            "Ann Moe",
            "the best news for farmers in a decade",
        ),
        (
            "Prime Minister John Smith attacked the plan, branding it “a betrayal of every "
            "voter in the north”.",
            "John Smith",
            "a betrayal of every voter in the north",
        ),
        (
            "Judge Mary Hale, in an opinion joined by Judge Tom Reed, dissented, calling the "
            "ruling “a step back for every tenant”.",
            "Mary Hale",
            "a step back for every tenant",
        ),
    ],
    ids=["calling-it", "straight-marks", "branding-it", "subject-not-the-object-before"],
)
def test_a_characterising_participle_gives_the_subject_a_direct_quote(
    text: str, speaker: str, words: str
) -> None:
    found = [q for q in quotes_of(text) if words in q.text]
    assert len(found) == 1, quotes_of(text)
    assert found[0].kind is QuoteKind.DIRECT
    assert found[0].speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Critics attacked the plan, calling it “a farce”.",
        "The tax plan (calling it a “plan” is generous) raises rates for everyone in the state.",
    ],
    ids=["unnamed-critics", "no-clause-of-its-own"],
)
def test_no_speaker_without_a_named_subject_or_a_clause(text: str) -> None:
    assert [q for q in quotes_of(text) if q.cue == "calling"] == []
