"""Hearings: a sentence naming a past and a planned appearance gives two hearings, each with
its own status, date and committee; "testified on Tuesday before", "testify in front of
Congress" (invented articles)."""

from datetime import date

from knowledge.models import EventStatus
from tests.knowledge.test_events import events_of, names


def test_a_held_and_a_planned_hearing_in_one_sentence() -> None:
    events = events_of(
        "Mark Ellison, who testified before the Senate Armed Services Committee on Tuesday, "
        "will testify before the House Armed Services Committee on Thursday."
    )
    summary = [(e.status, e.date_start, names(e)) for e in events]
    assert summary == [
        (EventStatus.HELD, date(2026, 2, 3), {"Mark Ellison", "Senate Armed Services Committee"}),
        (
            EventStatus.PLANNED,
            date(2026, 2, 5),
            {"Mark Ellison", "House Armed Services Committee"},
        ),
    ]


def test_testified_that_he_will_testify_again() -> None:
    events = events_of(
        "Defence Secretary Mark Ellison testified before the Senate Armed Services Committee "
        "on Tuesday that he would testify again before the House Armed Services Committee next "
        "month."
    )
    assert [(e.status, e.date_text) for e in events] == [
        (EventStatus.HELD, "Tuesday"),
        (EventStatus.PLANNED, "next month"),
    ]
    assert "House Armed Services Committee" not in names(events[0])


def test_words_between_testified_and_before() -> None:
    [event] = events_of(
        "Mark Ellison, the defence secretary, testified on Tuesday before the Senate Armed "
        "Services Committee."
    )
    assert event.status is EventStatus.HELD
    assert "Mark Ellison" in names(event)


def test_testify_in_front_of_congress() -> None:
    [event] = events_of(
        "Defence Secretary Mark Ellison will testify in front of Congress on Thursday."
    )
    assert (event.status, event.date_start) == (EventStatus.PLANNED, date(2026, 2, 5))


def test_a_refused_appearance_is_no_hearing() -> None:
    assert events_of("The envoy Mark Ellison refused on Tuesday to testify to Congress.") == []
    assert events_of("It was not clear whether Mark Ellison would testify to Congress.") == []
