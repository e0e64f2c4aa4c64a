"""Roles read from the right place: list items, party names and Latin American chancellors."""

from datetime import UTC, datetime

import pytest

from knowledge.extract import extract
from knowledge.models import Article, ArticleFacts, EntityKind


def _extract(text: str) -> ArticleFacts:
    article = Article(
        id="e3-r",
        title="Report",
        text=text,
        published=datetime(2024, 4, 7, tzinfo=UTC),
        source="Example News",
    )
    return extract(article)


def _roles(facts: ArticleFacts) -> dict[str, list[tuple[str, str | None]]]:
    return {e.name: [(r.title, r.affiliation) for r in e.roles] for e in facts.entities}


def test_description_after_a_comma_belongs_before_it_in_a_list() -> None:
    facts = _extract(
        "Senator Vera Lusk denied it. Aides called Tom Reed of Hollow Media Inc., the "
        "publisher of the Daily Lantern, Lusk, and Ida Fenn, her campaign manager."
    )
    assert ("senator", None) in _roles(facts)["Vera Lusk"]
    assert all(title != "publisher" for title, _ in _roles(facts)["Vera Lusk"])


def test_description_before_a_name_still_gives_the_role() -> None:
    facts = _extract("Officials said the head of the state-owned Acme company, Jo Park, resigned.")
    assert ("head", "state-owned Acme company") in _roles(facts)["Jo Park"]


@pytest.mark.parametrize(
    ("text", "party", "leader"),
    [
        pytest.param(
            "Sinn Féin leader Orla Keane said the vote was lost.",
            "Sinn Féin",
            "Orla Keane",
            id="sinn-fein",
        ),
        pytest.param(
            "Likud leader Avi Tamar said the coalition would hold.",
            "Likud",
            "Avi Tamar",
            id="likud",
        ),
        pytest.param(
            "Plaid Cymru leader Rhun Bevan said Wales would vote.",
            "Plaid Cymru",
            "Rhun Bevan",
            id="plaid",
        ),
    ],
)
def test_party_without_party_word_is_an_organisation(text: str, party: str, leader: str) -> None:
    facts = _extract(text)
    kinds = {e.name: e.kind for e in facts.entities}
    assert kinds[party] is EntityKind.ORGANISATION
    assert ("leader", party) in _roles(facts)[leader]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param(
            "The Colombian Chancellor Ana Ruiz met Peruvian officials in Lima.",
            "Ana Ruiz",
            ("foreign minister", "Colombia"),
            id="demonym",
        ),
        pytest.param(
            "Peru's chancellor, Elmo Sora, said the talks went well.",
            "Elmo Sora",
            ("foreign minister", "Peru"),
            id="possessive",
        ),
        pytest.param(
            "German Chancellor Olaf Brandt met the president.",
            "Olaf Brandt",
            ("chancellor", "Germany"),
            id="german-stays",
        ),
    ],
)
def test_latin_american_chancellor_is_the_foreign_minister(
    text: str, name: str, role: tuple[str, str | None]
) -> None:
    assert role in _roles(_extract(text))[name]


def test_the_chancellor_still_finds_the_foreign_minister() -> None:
    facts = _extract(
        "The Colombian Chancellor Ana Ruiz met Peruvian officials in Lima on Monday.\n\n"
        '"We have reached an agreement on the border," the chancellor said.'
    )
    assert [q.speaker for q in facts.quotes] == ["Ana Ruiz"]
