"""A body's name runs on over 'for' and its remit ('the Ministry for Foreign Affairs')."""

from datetime import UTC, datetime

import pytest

from knowledge.extract import extract
from knowledge.models import Article, EntityKind


def _bodies(text: str) -> set[str]:
    article = Article(
        id="e3-for",
        title="Talks",
        text=text,
        published=datetime(2026, 11, 18, tzinfo=UTC),
        source="Example News",
    )
    return {e.name for e in extract(article).entities if e.kind is EntityKind.ORGANISATION}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        pytest.param(
            "Norland will host talks next Tuesday, the Ministry for Foreign Affairs announced.",
            "Ministry for Foreign Affairs",
            id="ministry",
        ),
        pytest.param(
            "The Department for Transport said trains would run.",
            "Department for Transport",
            id="department",
        ),
        pytest.param(
            "Analysts at the Vandor Institute for Public Policy Studies disagreed.",
            "Vandor Institute for Public Policy Studies",
            id="institute",
        ),
    ],
)
def test_remit_is_part_of_the_name(text: str, body: str) -> None:
    bodies = _bodies(text)
    assert body in bodies
    assert not bodies & {"Ministry", "Department", "Affairs", "Vandor Institute"}


def test_attribute_after_for_the_is_no_remit() -> None:
    bodies = _bodies("He blamed the State Department for the Benghazi attack.")
    assert "State Department" in bodies
    assert not any(" for " in b for b in bodies)
