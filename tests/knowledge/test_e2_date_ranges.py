"""Date ranges: "on 30 November and 1 December", "from 3 to 5 March", "between March 3 and 5",
"March 3-5", "November 30 to December 2" give a first and a last day (invented sentences)."""

from datetime import UTC, date, datetime

import pytest

from knowledge.extract.dates import find_dates
from tests.knowledge.test_events import only_event

PUBLISHED = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("sentence", "first", "last", "text"),
    [
        pytest.param(
            "The forum will meet on 30 November and 1 December 2026 in Manaus.",
            date(2026, 11, 30),
            date(2026, 12, 1),
            "30 November and 1 December 2026",
            id="dmy-across-months-and",
        ),
        pytest.param(
            "Delegates gather from 3 to 5 March in Tallinn.",
            date(2027, 3, 3),
            date(2027, 3, 5),
            "3 to 5 March",
            id="dmy-to",
        ),
        pytest.param(
            "The conference runs between March 3 and 5 in Tallinn.",
            date(2027, 3, 3),
            date(2027, 3, 5),
            "March 3 and 5",
            id="mdy-and",
        ),
        pytest.param(
            "The conference runs March 3-5 in Tallinn.",
            date(2027, 3, 3),
            date(2027, 3, 5),
            "March 3-5",
            id="mdy-hyphen",
        ),
        pytest.param(
            "The fair will be held November 30 to December 2, 2026, in Osaka.",
            date(2026, 11, 30),
            date(2026, 12, 2),
            "November 30 to December 2, 2026",
            id="mdy-across-months-to",
        ),
        pytest.param(
            "The envoys will meet from 30 December to 2 January in Accra.",
            date(2026, 12, 30),
            date(2027, 1, 2),
            "30 December to 2 January",
            id="across-the-new-year",
        ),
        pytest.param(
            "The envoys will meet on 29 December 2026 - 2 January 2027 in Accra.",
            date(2026, 12, 29),
            date(2027, 1, 2),
            "29 December 2026 - 2 January 2027",
            id="both-years",
        ),
    ],
)
def test_a_range_gives_first_and_last_day(
    sentence: str, first: date, last: date, text: str
) -> None:
    mentions = find_dates(sentence, PUBLISHED)
    assert [(m.date_start, m.date_end, m.text) for m in mentions] == [(first, last, text)]


def test_a_number_after_a_day_is_no_range() -> None:
    mentions = find_dates("On March 3 and 5 other villages were flooded.", PUBLISHED)
    assert [(m.date_start.month, m.date_start.day, m.text) for m in mentions] == [(3, 3, "March 3")]
    assert mentions[0].date_end == mentions[0].date_start


def test_two_days_months_apart_are_two_dates() -> None:
    mentions = find_dates("Votes are due on 3 March and 5 December 2027.", PUBLISHED)
    assert [(m.date_start, m.date_end, m.text) for m in mentions] == [
        (date(2027, 3, 3), date(2027, 3, 3), "3 March"),
        (date(2027, 12, 5), date(2027, 12, 5), "5 December 2027"),
    ]


def test_a_backward_range_keeps_its_first_day() -> None:
    mentions = find_dates("Talks ran from 28 to 3 March, he wrote.", PUBLISHED)
    assert [m.date_start for m in mentions][:1] != []
    assert all(m.date_start <= m.date_end for m in mentions)


def test_the_event_gets_the_range() -> None:
    event = only_event(
        "Brazil's environment minister, Paulo Serrano, announced that Brazil will host, on "
        "30 November and 1 December 2026, in the city of Manaus, the meeting of the river "
        "basin ministers.",
        published=datetime(2026, 11, 20, tzinfo=UTC),
    )
    assert (event.date_start, event.date_end) == (date(2026, 11, 30), date(2026, 12, 1))
