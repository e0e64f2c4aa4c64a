"""'Sen. X, Ohio Republican, said': a state-and-party apposition is no speaker's name."""

from datetime import UTC, datetime

import pytest

from knowledge.extract import extract
from knowledge.models import Article


def _speakers(text: str) -> list[str | None]:
    article = Article(
        id="e3-p",
        title="Budget",
        text=text,
        published=datetime(2013, 2, 7, tzinfo=UTC),
        source="Example Times",
    )
    return [q.speaker for q in extract(article).quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Sen. Rob Pardee, Ohio Republican, said the deal was dead on arrival.",
            "Rob Pardee",
            id="indirect",
        ),
        pytest.param(
            "“We will not vote for it,” said Sen. Hal Rees, Nevada Democrat.",
            "Hal Rees",
            id="direct-after",
        ),
        pytest.param(
            "Rep. Tim Cole, Oklahoma Republican, told colleagues they should accept the offer.",
            "Tim Cole",
            id="told",
        ),
    ],
)
def test_state_party_apposition(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_name_apposition_still_wins() -> None:
    text = "The director of operations, Jeff Fraser, says it works well for everyone."
    assert _speakers(text) == ["Jeff Fraser"]
