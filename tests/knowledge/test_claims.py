from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from knowledge.extract.claims import find_claims
from knowledge.extract.entities import find_entities
from knowledge.extract.sentences import split_sentences
from knowledge.models import Article, Claim

SAMPLE = Path(__file__).parents[2] / "knowledge/samples/aa-2026-02-03-us-iran-istanbul-talks.txt"
TUESDAY = datetime(2026, 2, 3, 9, 0, tzinfo=UTC)


def claims_of(text: str) -> list[Claim]:
    article = Article(id="a1", title="", text=text, published=TUESDAY)
    sentences = split_sentences(article.id, article.text)
    claims = find_claims(article, sentences, find_entities(article, sentences))
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    return claims


def summary(claims: list[Claim]) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.attributed_to, c.attributed_via, c.cue) for c in claims]


@pytest.fixture(scope="module")
def sample_claims() -> list[Claim]:
    return claims_of(SAMPLE.read_text(encoding="utf-8"))


def test_sample_outlets_reported_monday(sample_claims: list[Claim]) -> None:
    reported = [c for c in sample_claims if c.cue == "reported"]
    assert [c.attributed_to for c in reported] == ["The Wall Street Journal", "The New York Times"]
    assert all(c.said_on == date(2026, 2, 2) for c in reported)
    assert all(c.text.startswith("the planned meeting would bring together") for c in reported)


def test_sample_unnamed_sources_and_relays(sample_claims: list[Claim]) -> None:
    by_source = {c.attributed_to: c for c in sample_claims}
    assert by_source["US media outlets"].cue == "according to"
    assert by_source["US media outlets"].text.startswith("Senior officials from the US and Iran")
    told = by_source["officials"]
    assert (told.cue, told.attributed_via) == ("told", "The New York Times")
    assert "shuttling messages" in told.text
    assert "The New York Times" not in told.text
    said = by_source["Iranian officials"]
    assert said.cue == "said"
    assert said.text.startswith("Iran has signaled readiness to curb or suspend")
    assert by_source["Analysts"].text.startswith("the coordinated regional push")


def test_outlet_reported_with_day() -> None:
    [claim] = claims_of("Reuters reported on Monday that the two companies were in merger talks.")
    assert summary([claim]) == [("Reuters", None, "reported")]
    assert claim.said_on == date(2026, 2, 2)
    assert claim.text == "the two companies were in merger talks"


def test_according_to_a_body_at_the_end() -> None:
    [claim] = claims_of(
        "The ceasefire will hold until the end of the month, according to the Kenyan foreign "
        "ministry."
    )
    assert summary([claim]) == [("Kenyan foreign ministry", None, "according to")]
    assert claim.text == "The ceasefire will hold until the end of the month"


def test_according_to_an_outlet_at_the_start() -> None:
    [claim] = claims_of("According to Bloomberg, the bank will cut 2,000 jobs by the end of May.")
    assert summary([claim]) == [("Bloomberg", None, "according to")]
    assert claim.text == "the bank will cut 2,000 jobs by the end of May"


def test_people_familiar_told_an_outlet() -> None:
    [claim] = claims_of(
        "Two people familiar with the negotiations told Bloomberg that a deal was close."
    )
    assert claim.attributed_via == "Bloomberg"
    assert claim.attributed_to == "Two people familiar with the negotiations"
    assert claim.text == "a deal was close"


def test_trailing_attribution_to_a_ministry() -> None:
    [claim] = claims_of("Fuel prices will rise by ten percent next year, the finance ministry said")
    assert summary([claim]) == [("finance ministry", None, "said")]
    assert claim.text == "Fuel prices will rise by ten percent next year"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Maria Lopez said the plan would fail.", id="named-person-is-a-quote"),
        pytest.param("“We will not give in,” officials said.", id="direct-quote"),
        pytest.param("He said the talks went well.", id="pronoun"),
        pytest.param("Officials told CNN ahead of the delegation's visit.", id="no-clause"),
        pytest.param(
            "The suspect, who police say was a key organiser of the attacks, is still at large.",
            id="relative-clause",
        ),
    ],
)
def test_not_claims(text: str) -> None:
    assert claims_of(text) == []


def test_according_to_an_outlet_noun_and_a_name_credits_the_outlet() -> None:
    claims = claims_of(
        "The talks were moved to Oslo at the last minute, according to the daily Korppi "
        "Uutiset. The venue costs little, according to the newspaper Le Monde."
    )
    assert summary(claims) == [
        ("Korppi Uutiset", None, "according to"),
        ("Le Monde", None, "according to"),
    ]
