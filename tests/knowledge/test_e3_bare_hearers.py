"""'X told court she ...', 'told investigators he ...': a hearer written without an article."""

from datetime import UTC, datetime

import pytest

from knowledge.extract import extract
from knowledge.models import Article


def _quotes(text: str) -> list[tuple[str | None, str]]:
    article = Article(
        id="e3-h",
        title="Trial",
        text=text,
        published=datetime(2019, 2, 7, tzinfo=UTC),
        source="Example News",
    )
    return [(q.speaker, q.text) for q in extract(article).quotes]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        pytest.param(
            "Vance told court she is a trained nurse who lost her job.",
            "she is a trained nurse who lost her job",
            id="court",
        ),
        pytest.param(
            "Vance told investigators the fire was set on purpose.",
            "the fire was set on purpose",
            id="investigators",
        ),
        pytest.param(
            "Vance told jurors he met the accountant every week.",
            "he met the accountant every week",
            id="jurors",
        ),
    ],
)
def test_told_a_bare_hearer(sentence: str, content: str) -> None:
    quotes = _quotes(f"Rita Vance testified on Monday. {sentence}")
    assert ("Rita Vance", content) in quotes


def test_police_officers_is_no_hearer() -> None:
    quotes = _quotes("Rita Vance testified on Monday. Vance told police officers were late.")
    assert not any(text.startswith("officers") for _, text in quotes)
