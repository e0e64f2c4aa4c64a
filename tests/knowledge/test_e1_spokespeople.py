"""Spokespeople whose body stands inside their title, and given names that are also cities."""

from __future__ import annotations

import pytest

from knowledge.extract.entities import find_entities
from knowledge.extract.sentences import split_sentences
from knowledge.models import Article, Entity, EntityKind


def _people(text: str) -> dict[str, Entity]:
    article = Article(id="s", text=text)
    index = find_entities(article, split_sentences(article.id, text))
    return {e.name: e for e in index.entities if e.kind is EntityKind.PERSON}


@pytest.mark.parametrize(
    ("text", "name", "title", "body"),
    [
        (
            "Hana Roth, United States Deputy Treasury Department spokeswoman, said the "
            "sanctions stood.",
            "Hana Roth",
            "deputy spokeswoman",
            "Treasury Department",
        ),
        (
            "Omar Field, a senior Interior Ministry spokesman, said the border was shut.",
            "Omar Field",
            "senior spokesman",
            "Interior Ministry",
        ),
        (
            "Lena Marsh, the Foreign Office press secretary, said the envoy had left.",
            "Lena Marsh",
            "press secretary",
            "Foreign Office",
        ),
    ],
    ids=["country-rank-body", "rank-body", "body-press-secretary"],
)
def test_the_body_inside_a_spokespersons_apposition_is_their_affiliation(
    text: str, name: str, title: str, body: str
) -> None:
    role = _people(text)[name].roles[0]
    assert (role.title, role.affiliation) == (title, body)


def test_a_given_name_that_is_also_a_city_opens_a_persons_name() -> None:
    people = _people("Ministry spokeswoman Victoria Hallam said the talks would resume.")
    assert "Victoria Hallam" in people


@pytest.mark.parametrize(
    "text",
    ["Victoria Station was closed on Monday.", "The delegation flew to Victoria on Monday."],
    ids=["venue", "city"],
)
def test_the_city_stays_a_place_where_no_surname_follows(text: str) -> None:
    assert _people(text) == {}
