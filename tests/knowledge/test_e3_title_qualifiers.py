"""Capitalised words before a title that qualify it are no body, and video labels no name."""

from datetime import UTC, datetime

import pytest

from knowledge.extract import extract
from knowledge.models import Article, EntityKind


def _facts(text: str) -> dict[str, list[tuple[str, str | None]]]:
    article = Article(
        id="e3-q",
        title="Budget talks",
        text=text,
        published=datetime(2013, 4, 7, tzinfo=UTC),
        source="Example News",
    )
    facts = extract(article)
    return {e.name: [(r.title, r.affiliation) for r in e.roles] for e in facts.entities}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param(
            "Presumptive Democratic presidential nominee Ann Vole said taxes must rise.",
            "Ann Vole",
            ("presidential nominee", "Democratic Party"),
            id="presumptive-party",
        ),
        pytest.param(
            "Retiring Sen. Tom Birch said the bill would fail.",
            "Tom Birch",
            ("senator", None),
            id="retiring",
        ),
        pytest.param(
            "Embattled Attorney General Eli Hark said he would stay.",
            "Eli Hark",
            ("attorney general", None),
            id="embattled",
        ),
        pytest.param(
            "The network's Chief National Correspondent Jo Quill said it was over.",
            "Jo Quill",
            ("correspondent", None),
            id="chief-national",
        ),
        pytest.param(
            "House Republican leader Cal Dorn said the vote would wait.",
            "Cal Dorn",
            ("leader", "House Republicans"),
            id="caucus-lower-title",
        ),
        pytest.param(
            "Senate Democratic Leader Ola Brisk warned on Thursday.",
            "Ola Brisk",
            ("leader", "Senate Democrats"),
            id="caucus-capital-title",
        ),
        pytest.param(
            "Ferrolink CEO Dan Pelt said sales rose.",
            "Dan Pelt",
            ("ceo", "Ferrolink"),
            id="company-stays",
        ),
    ],
)
def test_qualifier_before_title_is_no_body(
    text: str, name: str, role: tuple[str, str | None]
) -> None:
    facts = _facts(text)
    assert role in facts[name]
    assert not any(
        n.startswith(("Presumptive", "Retiring", "Embattled", "National")) for n in facts
    )


def test_video_label_is_not_part_of_a_name() -> None:
    text = (
        "JUST WATCHED Pardo: bill will pass Replay More Videos ... MUST WATCH Quell on guns\n\n"
        "Sen. Rina Pardo said the bill would pass. Sen. Amos Quell agreed."
    )
    names = set(_facts(text))
    assert {"Rina Pardo", "Amos Quell"} <= names
    assert not any("WATCH" in n for n in names)


def test_caucus_is_an_organisation() -> None:
    article = Article(
        id="e3-c",
        title="Vote",
        text="House Democratic leader Cal Dorn said the vote would wait.",
        published=datetime(2013, 4, 7, tzinfo=UTC),
        source="Example News",
    )
    kinds = {e.name: e.kind for e in extract(article).entities}
    assert kinds.get("House Democrats") is EntityKind.ORGANISATION
