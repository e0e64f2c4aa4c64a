"""A body named "A and B" right before a title and name is one body, the holder's affiliation."""

from datetime import UTC, datetime

from knowledge.extract import extract
from knowledge.models import Article, ArticleFacts


def _extract(text: str) -> ArticleFacts:
    article = Article(
        id="e3-and",
        title="Report",
        text=text,
        published=datetime(2013, 4, 7, tzinfo=UTC),
        source="Example News",
    )
    return extract(article)


def _roles(facts: ArticleFacts) -> dict[str, list[tuple[str, str | None]]]:
    return {e.name: [(r.title, r.affiliation) for r in e.roles] for e in facts.entities}


def test_department_with_and_before_a_title() -> None:
    facts = _extract(
        "Health and Human Services Secretary Lena Marsh said health coverage would grow."
    )
    assert ("secretary", "Health and Human Services") in _roles(facts)["Lena Marsh"]
    assert "Human Services" not in _roles(facts)


def test_minister_for_two_portfolios() -> None:
    facts = _extract("Economic and Fiscal Policy Minister Kenji Oda said economic growth was slow.")
    assert ("minister", "Economic and Fiscal Policy") in _roles(facts)["Kenji Oda"]


def test_a_surname_before_and_stays_a_person() -> None:
    facts = _extract("Spokesmen for Dorne and House Majority Leader Al Penn declined to comment.")
    roles = _roles(facts)
    assert ("majority leader", "House") in roles["Al Penn"]
    assert not any(" and " in name for name in roles)


def test_chamber_and_known_body_stay_apart() -> None:
    facts = _extract(
        "The memo went to Congress and United Nations Ambassador Rae Colt, officials said."
    )
    roles = _roles(facts)
    assert ("ambassador", "United Nations") in roles["Rae Colt"]
    assert "Congress and United Nations" not in roles


def test_two_countries_stay_two() -> None:
    facts = _extract("Britain and France Foreign Ministers met in Paris.")
    names = {e.name for e in facts.entities}
    assert {"United Kingdom", "France"} <= names
