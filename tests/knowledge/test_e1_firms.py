"""Businesses named like people ("bookmaker William Hill") and what "it" and "the company" mean."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowledge.extract import extract
from knowledge.extract.entities import find_entities
from knowledge.extract.sentences import split_sentences
from knowledge.models import Article, EntityKind

PUBLISHED = datetime(2031, 6, 2, 9, 0, tzinfo=UTC)


def _kinds(text: str) -> dict[str, EntityKind]:
    article = Article(id="f", text=text, published=PUBLISHED)
    index = find_entities(article, split_sentences(article.id, text))
    return {e.name: e.kind for e in index.entities}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bookmaker Thomas Grange said bets on the match had doubled.", "Thomas Grange"),
        ("Shares in the retailer Harriet Lane fell 4% on Monday.", "Harriet Lane"),
        ("The carmaker Peter Voss will cut 900 jobs, unions said.", "Peter Voss"),
        ("US drugmaker Ellen Marsh said its trial had failed.", "Ellen Marsh"),
        ("Fashion chain Oliver Brandt warned on profits.", "Oliver Brandt"),
        ("Shares in publisher Simon Reeve fell after the results.", "Simon Reeve"),
        ("The broadcaster Clara Holt, which owns six channels, was sold.", "Clara Holt"),
    ],
    ids=["bookmaker", "retailer", "carmaker", "drugmaker", "chain", "publisher-shares", "which"],
)
def test_a_name_after_a_business_noun_is_the_business(text: str, name: str) -> None:
    # a broadcaster or publisher may be read as an outlet: a body either way, not a person
    assert _kinds(text)[name] in (EntityKind.ORGANISATION, EntityKind.OUTLET)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Broadcaster Clara Holt said she would retire in May.", "Clara Holt"),
        ("Publisher Simon Reeve said he had sold the paper.", "Simon Reeve"),
        ("The company chairman Peter Voss said sales rose.", "Peter Voss"),
        ("Footballer Oliver Brandt said he was happy.", "Oliver Brandt"),
    ],
    ids=["broadcaster-person", "publisher-person", "chairman", "footballer"],
)
def test_a_person_introduced_by_a_shared_or_personal_noun_stays_a_person(
    text: str, name: str
) -> None:
    assert _kinds(text)[name] is EntityKind.PERSON


def test_it_after_a_named_business_spoke_is_the_business() -> None:
    text = (
        "Sportswear firm Kestrel Wear, which lost two sponsorship deals this year, said on "
        "Thursday it had signed a new kit agreement.\n\n"
        "It said the launch of its running range had lifted sales."
    )
    speakers = {q.text: q.speaker for q in extract(Article(id="k", text=text)).quotes}
    assert speakers["the launch of its running range had lifted sales"] == "Kestrel Wear"


def test_the_company_is_the_body_the_passage_keeps_naming() -> None:
    text = (
        "Norvik Bank said profits fell. Norvik Bank will close two branches, and Norvik Bank "
        "plans to cut its brands. Rival lender Tessa Mills closed a branch last year.\n\n"
        "Analysts had expected a smaller fall after a strong summer, when demand for loans "
        "in the northern regions rose faster than at any time in the past decade and "
        "deposits grew with it, helped by higher rates and a weaker currency.\n\n"
        "The company said the changes would speed up decisions."
    )
    speakers = {q.text: q.speaker for q in extract(Article(id="c", text=text)).quotes}
    assert speakers["the changes would speed up decisions"] == "Norvik Bank"


def test_a_firms_short_name_later_is_the_firm() -> None:
    text = (
        "Housebuilder Thomas Grange reported a 19% rise in profits. Grange said reservations "
        "were better than expected."
    )
    facts = extract(Article(id="w", text=text))
    assert [(e.kind, e.name, e.aliases) for e in facts.entities] == [
        (EntityKind.ORGANISATION, "Thomas Grange", ("Grange",))
    ]
    assert [q.speaker for q in facts.quotes] == ["Thomas Grange"]


@pytest.mark.parametrize(
    "text",
    [
        "Harlow & Finch said profits rose 4%.",
        "Shares in Dunmore & Pike fell after the results.",
        "Mortgage lender Bradwell & Stoke said lending rose.",
    ],
    ids=["speaks", "shares-in", "after-a-noun"],
)
def test_two_names_joined_by_an_ampersand_are_one_body(text: str) -> None:
    kinds = _kinds(text)
    assert [name for name, kind in kinds.items() if kind is EntityKind.ORGANISATION] == [
        next(n for n in kinds if " & " in n)
    ]


def test_people_named_in_full_are_not_joined_by_an_ampersand() -> None:
    kinds = _kinds("Ann Roe and Tom Hale debated. Roe & Hale: the rematch is set for May.")
    assert kinds == {"Ann Roe": EntityKind.PERSON, "Tom Hale": EntityKind.PERSON}
