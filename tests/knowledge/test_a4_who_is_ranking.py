"""'Who is X' for a much-reported person names the offices many reports give (and a new one
among the newest), not one-off titles a single report gives; a person few reports describe
keeps every title, newest first. Invented people and reports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from knowledge.answering.facts import FactBase
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.models import Role
from knowledge.store import Store


@pytest.fixture(scope="module")
def facts() -> Iterator[FactBase]:
    with Store.open(":memory:") as store:
        yield FactBase(store, load_gazetteer())


def _role(title: str, affiliation: str | None, day: int | None, article: str) -> Role:
    when = date(2031, 1, 1).replace(day=day) if day else None
    return Role(title=title, affiliation=affiliation, as_of=when, article_id=article)


def _titles(roles: list[Role]) -> list[str]:
    return [r.title + (f" of {r.affiliation}" if r.affiliation else "") for r in roles]


def test_one_off_titles_of_a_much_reported_person_are_left_out(facts: FactBase) -> None:
    roles = [
        _role("deputy campaign manager", None, 30, "a9"),  # a report's misreading, newest
        _role("foreign minister", "Ostmark", 28, "a8"),
        _role("foreign minister", None, 25, "a7"),
        _role("judge", None, 20, "a6"),
        _role("foreign minister", "Ostmark", 18, "a5"),
        _role("mayor", "Kellberg", 10, "a4"),
        _role("mayor", None, 8, "a3"),
        _role("most admired mayor", None, 5, "a2"),
        _role("senator", None, 2, "a1"),
    ]
    ranked = _titles(facts.ranked_roles(roles))
    assert ranked == ["foreign minister of Ostmark", "mayor of Kellberg"]


def test_a_new_office_among_the_newest_leads(facts: FactBase) -> None:
    roles = [
        _role("prime minister", "Ostmark", 29, "b9"),
        _role("prime minister", None, 28, "b8"),
        _role("former foreign minister", None, 27, "b7"),
        _role("foreign minister", "Ostmark", 20, "b6"),
        _role("foreign minister", None, 15, "b5"),
        _role("foreign minister", "Ostmark", 12, "b4"),
        _role("then foreign minister", None, 10, "b3"),
        _role("novelist", None, None, "b2"),
    ]
    ranked = _titles(facts.ranked_roles(roles))
    assert ranked[0] == "prime minister of Ostmark"
    assert "foreign minister of Ostmark" in ranked
    assert "novelist" not in ranked


def test_few_reports_keep_every_title_newest_first(facts: FactBase) -> None:
    roles = [
        _role("special envoy", "Ostmark", 20, "c2"),
        _role("ambassador", "Ostmark", 10, "c1"),
        _role("novelist", None, 5, "c1"),
    ]
    ranked = _titles(facts.ranked_roles(roles))
    assert ranked == ["special envoy of Ostmark", "ambassador of Ostmark", "novelist"]


def test_past_titles_get_no_bonus_for_being_new(facts: FactBase) -> None:
    roles = [
        _role("then police chief", None, 30, "d9"),
        _role("governor", "Kellberg", 29, "d8"),
        _role("governor", None, 26, "d7"),
        _role("police chief", None, 20, "d6"),
        _role("police chief", "Kellberg", 3, "d5"),
        _role("governor", "Kellberg", 2, "d4"),
        _role("poet", None, 1, "d3"),
        _role("poet", None, 1, "d2"),
    ]
    ranked = _titles(facts.ranked_roles(roles))
    assert ranked[0] == "governor of Kellberg"
