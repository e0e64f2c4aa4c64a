"""'Last month' in a question about what a report says happened 'last month': the report's
own time words count from its date, so a report from this month telling of last month's
swap answers, whatever the clock says.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine

NOW = datetime(2038, 6, 27, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-prisoner-talks",
        "title": "Valdoria and Ostrin resume border talks",
        "published": "2038-06-23",
        "source": "Coast Wire",
        "text": (
            "Valdoria and Ostrin resumed border talks in Tarnbridge on Monday.\n\n"
            "The two sides exchanged 12 detainees last month in a deal brokered by neighbours.\n\n"
            "Foreign minister Ilse Varga said the talks were constructive."
        ),
    },
]


def test_last_month_told_by_a_report_of_this_month(mini_engine: Engine) -> None:
    answer = mini_engine.answer("how many detainees did they swap last month")
    assert "12 detainees" in answer.summary + " ".join(f.text for f in answer.facts)
    assert answer.known


def test_without_the_time_words(mini_engine: Engine) -> None:
    answer = mini_engine.answer("how many detainees did they swap")
    assert "12 detainees" in answer.summary + " ".join(f.text for f in answer.facts)
