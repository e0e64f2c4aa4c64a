"""A person's role carries the body they speak or work for, wherever the article names it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowledge.extract import extract
from knowledge.models import Article, EntityKind


def _roles(text: str) -> dict[str, list[tuple[str, str | None]]]:
    facts = extract(Article(id="r", text=text, published=datetime(2026, 3, 4, tzinfo=UTC)))
    return {
        e.name: [(r.title, r.affiliation) for r in e.roles]
        for e in facts.entities
        if e.kind is EntityKind.PERSON
    }


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Lena Holt, a spokesperson for Pancake Palace, told reporters the chain was "
            "“deeply shocked” by the fire.",
            "Lena Holt",
            ("spokesperson", "Pancake Palace"),
        ),
        (
            "The Harbour Trust sued the council on Monday. “We had no choice,” said Ann Lee, "
            "the group's president.",
            "Ann Lee",
            ("president", "Harbour Trust"),
        ),
        (
            "A spokeswoman for the Nordic Rail Authority said the line would reopen. "
            "“We apologise to passengers,” spokeswoman Ewa Nowak said.",
            "Ewa Nowak",
            ("spokeswoman", "Nordic Rail Authority"),
        ),
    ],
    ids=["spokesperson-for-body", "the-groups-president", "spokesman-after-unnamed-one"],
)
def test_the_body_a_person_speaks_for(text: str, name: str, role: tuple[str, str]) -> None:
    assert role in _roles(text)[name]


def test_a_body_named_right_after_the_name_wins_over_an_earlier_spokesperson() -> None:
    text = (
        "A spokesman for the Mining Department said the permit stood. But the spokesman, "
        "Ivo Kral of the Safety Bureau, said the review went on."
    )
    assert _roles(text)["Ivo Kral"] != [("spokesman", "Mining Department")]


def test_the_groups_title_does_not_reach_a_government_body_named_in_passing() -> None:
    text = (
        "Congress passed the bill on Monday. “It is a start,” said Rita Moss, the group's founder."
    )
    assert ("founder", "Congress") not in _roles(text)["Rita Moss"]


def _aliases(text: str) -> dict[str, tuple[str, ...]]:
    facts = extract(Article(id="a", text=text, published=datetime(2026, 3, 4, tzinfo=UTC)))
    return {e.name: e.aliases for e in facts.entities if e.kind is EntityKind.ORGANISATION}


@pytest.mark.parametrize(
    ("text", "name", "letters"),
    [
        (
            "The Liberal National Committee said it would appeal.",
            "Liberal National Committee",
            "LNC",
        ),
        (
            "The Bureau of Coastal Fisheries closed the bay on Monday.",
            "Bureau of Coastal Fisheries",
            "BCF",
        ),
    ],
    ids=["three-words", "skips-of"],
)
def test_a_bodys_initials_are_an_alias(text: str, name: str, letters: str) -> None:
    assert letters in _aliases(text)[name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Harbour Trust sued on Monday.", "Harbour Trust"),
        ("The House Budget Committee met on Monday.", "House Budget Committee"),
    ],
    ids=["two-words", "chamber-committee"],
)
def test_no_initials_where_nobody_writes_them(text: str, name: str) -> None:
    assert not any(a.isupper() for a in _aliases(text).get(name, ()))


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Leaders met Ivo Dalt, then Nordoil chief executive, in 2012.",
            "Ivo Dalt",
            ("former chief executive", "Nordoil"),
        ),
        (
            "The pick, then-Nordoil CEO Ivo Dalt, met the board.",
            "Ivo Dalt",
            ("former ceo", "Nordoil"),
        ),
        (
            "Ivo Dalt, Nordoil chief executive, said sales rose.",
            "Ivo Dalt",
            ("chief executive", "Nordoil"),
        ),
        (
            "The union's delegation will be led by Tomas Berg and deputy chair Lina Roos.",
            "Lina Roos",
            ("deputy chair", None),
        ),
    ],
    ids=["then-apposition", "then-hyphen", "body-before-title", "deputy-chair"],
)
def test_roles_as_stated(text: str, name: str, role: tuple[str, str | None]) -> None:
    assert role in _roles(text)[name]


def test_a_list_after_a_name_is_no_apposition() -> None:
    text = (
        "The delegation is led by its chairman, Tomas Berg, and deputy chair Lina Roos. "
        "Berg said the talks would be long."
    )
    assert not any(t.startswith("and") for t, _ in _roles(text).get("Tomas Berg", []))


def test_a_bare_then_is_the_adverb() -> None:
    text = "Mayors spoke first, and then Senator Jo Park replied."
    assert ("senator", None) in _roles(text)["Jo Park"]


def test_an_office_the_country_does_not_have_is_not_its() -> None:
    text = (
        "Tehran seemed uninterested in a wider clash with the U.S. Foreign Minister Kamal "
        "Rostami tweeted that the strikes were over."
    )
    assert ("foreign minister", "United States") not in _roles(text)["Kamal Rostami"]


def _people_names(text: str) -> set[str]:
    facts = extract(Article(id="n", text=text, published=datetime(2026, 3, 4, tzinfo=UTC)))
    return {e.name for e in facts.entities if e.kind is EntityKind.PERSON}


def test_a_given_name_that_is_also_a_things_word_opens_a_name() -> None:
    text = "Bill Hawley spoke in Iowa. The Health Bill passed later. Hawley said it was late."
    assert "Bill Hawley" in _people_names(text)
    assert "Health Bill" not in _people_names(text)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Former Prime Minister Jo Park spoke in Lima.", ("former prime minister", None)),
        ("The speech by former President Jo Park was short.", ("former president", None)),
        ("Former Republican Senator Jo Park spoke.", ("former senator", "Republican Party")),
    ],
    ids=["capitalised-former", "lower-former", "former-party"],
)
def test_former_before_a_title_is_kept(text: str, role: tuple[str, str | None]) -> None:
    assert role in _roles(text)["Jo Park"]


def test_a_firm_spelled_out_with_and_is_one_body() -> None:
    facts = extract(
        Article(
            id="m",
            text="Sales at Procter and Gamble fell. Procter and Gamble chief executive Ann Lo "
            "said prices rose.",
            published=datetime(2026, 3, 4, tzinfo=UTC),
        )
    )
    bodies = {e.name for e in facts.entities if e.kind is EntityKind.ORGANISATION}
    assert "Procter & Gamble" in bodies
    assert not {e.name for e in facts.entities if e.kind is EntityKind.PERSON} & {
        "Procter",
        "Gamble",
    }
    assert ("chief executive", "Procter & Gamble") in _roles(
        "Procter and Gamble chief executive Ann Lo said prices rose."
    )["Ann Lo"]


def test_a_body_named_in_capitals_with_a_possessive_is_one_body() -> None:
    text = (
        "GRANIT's Fund, a farmers' charity, opened an office. Ola Berg, president of "
        "GRANIT's Fund, said it would hire."
    )
    facts = extract(Article(id="g", text=text, published=datetime(2026, 3, 4, tzinfo=UTC)))
    bodies = {e.name for e in facts.entities if e.kind is EntityKind.ORGANISATION}
    assert "GRANIT's Fund" in bodies
    assert ("president", "GRANIT's Fund") in _roles(text)["Ola Berg"]


def test_capitals_that_stand_alone_elsewhere_keep_their_possessive() -> None:
    text = "The IDF said the raid was over. IDF's Nadav Roth told reporters it was."
    facts = extract(Article(id="i", text=text, published=datetime(2026, 3, 4, tzinfo=UTC)))
    assert not any("IDF's" in e.name for e in facts.entities)


def test_a_possessive_after_of_is_in_the_bodys_name() -> None:
    text = "Ann Lo, chief economist of Harbour's Analytics Group, said rates would fall."
    assert ("chief economist", "Harbour's Analytics Group") in _roles(text)["Ann Lo"]


def test_a_title_followed_by_a_name_is_that_persons() -> None:
    text = (
        "Based on a talk between the envoy and Mara Quell, Lund’s deputy Greg Hale testified "
        "it was Quell who decided."
    )
    assert not any(t == "deputy" for t, _ in _roles(text).get("Mara Quell", []))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Norway denied the report in a statement to Reuters, and said it "firmly opposes" '
            "the sale.",
            "Norway",
        ),
        ("The World Bank cut its forecast in May and said growth would slow.", "World Bank"),
    ],
    ids=["country", "body"],
)
def test_the_body_opening_the_sentence_speaks_for_a_coordinated_cue(
    text: str, speaker: str
) -> None:
    facts = extract(Article(id="c", text=text, published=datetime(2026, 3, 4, tzinfo=UTC)))
    assert [q.speaker for q in facts.quotes] == [speaker]


def test_a_demonym_opening_the_sentence_is_not_the_speaker() -> None:
    text = "Dutch firm Brouwerij Halm saw profits drop and warned that 2027 may also slide."
    facts = extract(Article(id="d", text=text, published=datetime(2026, 3, 4, tzinfo=UTC)))
    assert "Netherlands" not in [q.speaker for q in facts.quotes]


@pytest.mark.parametrize(
    "attribution",
    ["the company's spokesman said", "a spokesman for the company said"],
    ids=["possessive", "for-the-company"],
)
def test_an_unnamed_spokesman_of_the_company_speaks_under_its_name(attribution: str) -> None:
    text = f"Nordoil Corp closed its plant in Ohio. “We regret the decision,” {attribution}."
    facts = extract(Article(id="s", text=text, published=datetime(2026, 3, 4, tzinfo=UTC)))
    (quote,) = facts.quotes
    assert quote.speaker is not None and "Nordoil Corp" in quote.speaker


def test_a_place_like_name_someone_is_spokesman_for_is_a_body() -> None:
    text = (
        "Four people died at a Pancake Palace restaurant. Ken Dray, a spokesman for Pancake "
        "Palace, said the company was saddened."
    )
    facts = extract(Article(id="p", text=text, published=datetime(2026, 3, 4, tzinfo=UTC)))
    kinds = {e.name: e.kind for e in facts.entities}
    assert kinds["Pancake Palace"] is EntityKind.ORGANISATION
