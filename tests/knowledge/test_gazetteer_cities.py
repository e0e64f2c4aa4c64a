"""City abbreviations in the gazetteer and their use by the entity stage."""

from __future__ import annotations

import pytest

from knowledge.extract.gazetteer import load_gazetteer
from knowledge.models import EntityKind
from tests.knowledge.factkit import entity_index


@pytest.mark.parametrize(
    ("alias", "city"),
    [
        ("D.C.", "Washington"),
        ("DC", "Washington"),
        ("Washington D.C.", "Washington"),
        ("L.A.", "Los Angeles"),
        ("NYC", "New York City"),
    ],
)
def test_common_city_abbreviations_name_the_city(alias: str, city: str) -> None:
    gaz = load_gazetteer()
    assert gaz.city_aliases[alias] == city
    assert city in gaz.city_to_country


def test_ambiguous_abbreviations_are_left_out() -> None:
    # "LA" is Louisiana in datelines, "N.Y." the state
    aliases = load_gazetteer().city_aliases
    assert "LA" not in aliases
    assert "N.Y." not in aliases


def test_an_abbreviated_city_is_the_city_entity_with_the_alias() -> None:
    text = (
        "Thousands marched in Washington, D.C. on Saturday. Officials in DC said the rally "
        "was calm, and another was held in L.A. later."
    )
    index = entity_index(text)
    places = {e.name: e for e in index.entities if e.kind is EntityKind.PLACE}
    assert {"D.C.", "DC"} <= set(places["Washington"].aliases)
    assert places["Washington"].country == "United States"
    assert "L.A." in places["Los Angeles"].aliases
    assert not any(e.name in ("DC", "D.C.") for e in index.entities)


def test_advocacy_and_rating_bodies_are_organisations_not_people() -> None:
    text = (
        "Fitch Ratings cut the grade on Monday. Mike Short of Heritage Action said the plan "
        "was weak, and the Center for Reproductive Rights objected."
    )
    index = entity_index(text)
    kinds = {e.name: e.kind for e in index.entities}
    assert kinds["Fitch Ratings"] is EntityKind.ORGANISATION
    assert kinds["Heritage Action"] is EntityKind.ORGANISATION
    assert kinds["Mike Short"] is EntityKind.PERSON
    assert not any(k is EntityKind.PERSON and "Rights" in n for n, k in kinds.items())


def test_the_us_house_is_one_body_with_or_without_the_country() -> None:
    text = "The U.S. House of Representatives voted on Monday. The House of Representatives met."
    index = entity_index(text)
    bodies = [e for e in index.entities if e.kind is EntityKind.ORGANISATION]
    assert [e.name for e in bodies] == ["House of Representatives"]


def test_chief_officer_titles_are_whole_titles_not_a_body_and_a_title() -> None:
    text = (
        "Chief Medical Officer Ann Wu agreed on Monday. The firm's chief investment officer, "
        "Mark Dorrit, said so."
    )
    index = entity_index(text)
    roles = {e.name: [(r.title, r.affiliation) for r in e.roles] for e in index.persons()}
    assert roles["Ann Wu"] == [("chief medical officer", None)]
    assert roles["Mark Dorrit"][0][0] == "chief investment officer"
    assert not any(e.name in ("Medical", "Investment") for e in index.entities)


def test_compound_military_and_legal_titles_are_whole_titles() -> None:
    text = (
        "Rear Adm. John Kirby spoke on Monday. Solicitor General Ann Wu argued. Associate "
        "Justice Clara Benn wrote. Presidential candidate Ruth Calder spoke."
    )
    index = entity_index(text)
    roles = {e.name: [(r.title, r.affiliation) for r in e.roles] for e in index.persons()}
    assert roles["John Kirby"] == [("rear admiral", None)]
    assert roles["Ann Wu"] == [("solicitor general", None)]
    assert roles["Clara Benn"] == [("associate justice", None)]
    assert roles["Ruth Calder"] == [("presidential candidate", None)]
    names = {e.name for e in index.entities}
    assert not names & {"Rear", "Solicitor", "Associate", "Presidential"}
