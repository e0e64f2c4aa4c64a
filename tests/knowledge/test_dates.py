from datetime import date

import pytest

from knowledge.extract.dates import (
    find_dates,
    resolve_weekday,
    tense_near,
    tense_of,
    weekday_index,
)
from knowledge.models import DatePrecision

TUESDAY = date(2026, 2, 3)


def only(text: str, published: date | None = TUESDAY) -> tuple[date, date, DatePrecision, str]:
    mentions = find_dates(text, published)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    return m.date_start, m.date_end, m.precision, m.text


@pytest.mark.parametrize(
    ("weekday", "direction", "expected"),
    [
        (4, "forward", date(2026, 2, 6)),
        (4, "backward", date(2026, 1, 30)),
        (6, "backward", date(2026, 2, 1)),
        (0, "backward", date(2026, 2, 2)),
        (0, "forward", date(2026, 2, 9)),
        (1, "forward", TUESDAY),
        (1, "backward", TUESDAY),
        (4, "nearest", date(2026, 2, 6)),
        (6, "nearest", date(2026, 2, 1)),
    ],
)
def test_resolve_weekday(weekday: int, direction: str, expected: date) -> None:
    assert resolve_weekday(TUESDAY, weekday, direction) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("The two sides will meet on Friday in Geneva.", date(2026, 2, 6), id="will"),
        pytest.param("Officials are expected to meet Friday.", date(2026, 2, 6), id="expected-to"),
        pytest.param("The summit is set for Friday.", date(2026, 2, 6), id="set-for"),
        pytest.param("Both are preparing for talks on Friday.", date(2026, 2, 6), id="preparing"),
        pytest.param("Leaders meet Friday", date(2026, 2, 6), id="headline-present"),
        pytest.param("The minister said Sunday that it was over.", date(2026, 2, 1), id="said"),
        pytest.param(
            "The paper reported Monday that talks would go on.", date(2026, 2, 2), id="rep"
        ),
        pytest.param("They met on Monday in Vienna.", date(2026, 2, 2), id="met"),
        pytest.param("On Monday, the envoys held talks.", date(2026, 2, 2), id="cue-after"),
        pytest.param("The talks were postponed until Friday.", date(2026, 2, 6), id="postponed-to"),
        pytest.param(
            "It reported that the meeting would be held on Friday.", date(2026, 2, 6), id="would"
        ),
        pytest.param("No tense cue at all on Friday", date(2026, 1, 30), id="default-backward"),
    ],
)
def test_weekday_direction_follows_tense(sentence: str, expected: date) -> None:
    start, end, precision, _ = only(sentence)
    assert (start, end, precision) == (expected, expected, DatePrecision.DAY)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("on February 6", date(2026, 2, 6), date(2026, 2, 6), DatePrecision.DAY),
        ("on 6 February 2026", date(2026, 2, 6), date(2026, 2, 6), DatePrecision.DAY),
        ("on Feb. 6", date(2026, 2, 6), date(2026, 2, 6), DatePrecision.DAY),
        ("on Friday, Feb. 6, 2026", date(2026, 2, 6), date(2026, 2, 6), DatePrecision.DAY),
        ("on 2026-02-06", date(2026, 2, 6), date(2026, 2, 6), DatePrecision.DAY),
        ("from March 3-5", date(2026, 3, 3), date(2026, 3, 5), DatePrecision.DAY),
        ("in March 2019", date(2019, 3, 1), date(2019, 3, 31), DatePrecision.MONTH),
        ("since 2015", date(2015, 1, 1), date(2015, 12, 31), DatePrecision.YEAR),
        ("last week", date(2026, 1, 26), date(2026, 2, 1), DatePrecision.WEEK),
        ("this week", date(2026, 2, 2), date(2026, 2, 8), DatePrecision.WEEK),
        ("next month", date(2026, 3, 1), date(2026, 3, 31), DatePrecision.MONTH),
        ("earlier this month", date(2026, 2, 1), date(2026, 2, 3), DatePrecision.MONTH),
        ("yesterday", date(2026, 2, 2), date(2026, 2, 2), DatePrecision.DAY),
        ("today", TUESDAY, TUESDAY, DatePrecision.DAY),
        ("tomorrow", date(2026, 2, 4), date(2026, 2, 4), DatePrecision.DAY),
        ("next Tuesday", date(2026, 2, 10), date(2026, 2, 10), DatePrecision.DAY),
        ("last Friday", date(2026, 1, 30), date(2026, 1, 30), DatePrecision.DAY),
        ("two days ago", date(2026, 2, 1), date(2026, 2, 1), DatePrecision.DAY),
    ],
)
def test_explicit_and_relative_dates(
    text: str, start: date, end: date, precision: DatePrecision
) -> None:
    assert only(text)[:3] == (start, end, precision)


def test_month_without_year_follows_tense() -> None:
    assert only("The deal was signed in March.")[:2] == (date(2025, 3, 1), date(2025, 3, 31))
    assert only("The summit will take place in March.")[:2] == (date(2026, 3, 1), date(2026, 3, 31))


def test_month_day_without_year_near_new_year() -> None:
    published = date(2026, 1, 2)
    assert only("The leaders met on December 30.", published)[0] == date(2025, 12, 30)


def test_spans_are_offset_into_the_article() -> None:
    sentence = "They will meet on Friday."
    [mention] = find_dates(sentence, TUESDAY, offset=100)
    assert mention.span == (118, 124)
    assert mention.text == "Friday"


def test_numbers_that_are_not_years_are_ignored() -> None:
    assert (
        find_dates("Some 2,000 troops and 1500 people arrived in 2019.", TUESDAY)[0].text == "2019"
    )
    assert len(find_dates("Some 2,000 troops and 1500 people arrived.", TUESDAY)) == 0


def test_may_the_modal_verb_is_not_a_month() -> None:
    assert find_dates("Officials may meet again, he said.", TUESDAY) == []


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("They met on Monday.", None) == []
    assert only("They met on 6 February 2026.", None)[0] == date(2026, 2, 6)


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("The ministers will meet in Oslo.", "future"),
        ("The paper reported that the planned meeting would bring together both envoys.", "future"),
        ("The envoys met in Oslo and signed a memorandum.", "past"),
        ("Iranian officials said.", "past"),
        ("Peace in our time", None),
    ],
)
def test_tense_of(sentence: str, tense: str | None) -> None:
    assert tense_of(sentence) == tense


def test_tense_near_prefers_the_nearest_cue() -> None:
    text = "The paper reported Monday that the envoys would meet on Friday."
    assert tense_near(text, text.index("Monday")) == "past"
    assert tense_near(text, text.index("Friday")) == "future"


def test_weekday_index() -> None:
    assert weekday_index("Sunday") == 6
    assert weekday_index("Monday's") == 0
    assert weekday_index("Funday") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # published on a Wednesday: a weekday set for an event is the coming one...
        ("The governor's office on Tuesday invited two mayors to a Friday meeting.", "2025-02-28"),
        ("Critics say the last-minute invitation for a Friday meeting is a sign.", "2025-02-28"),
        ("He scheduled a meeting on Tuesday for Friday.", "2025-02-28"),
        # ...unless the clause tells of the event having happened
        ("The meeting on Friday ended without a deal.", "2025-02-21"),
        ("Friday's meeting was a disaster, he said.", "2025-02-21"),
        ("He has drawn criticism for his jovial meeting on Friday with the prince.", "2025-02-21"),
        ("Neither side mentioned tariffs in briefings of the meeting on Friday.", "2025-02-21"),
    ],
)
def test_a_weekday_set_for_an_event_looks_ahead(text: str, expected: str) -> None:
    found = [m for m in find_dates(text, date(2025, 2, 26)) if m.text == "Friday"]
    assert [m.date_start.isoformat() for m in found] == [expected]
