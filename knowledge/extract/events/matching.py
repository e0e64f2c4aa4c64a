"""Across articles: whether two reports describe the same event."""

from __future__ import annotations

from datetime import date

from knowledge.models import DatePrecision, Event, EventKind, EventStatus

_DATE_TOLERANCE_DAYS = {
    DatePrecision.DAY: 2,
    DatePrecision.WEEK: 7,
    DatePrecision.MONTH: 31,
    DatePrecision.YEAR: 366,
}


def _participant_keys(event: Event) -> set[str]:
    return {p.entity_id or p.name.casefold() for p in event.participants if p.role != "mediator"}


def _precise(event: Event) -> bool:
    return event.date_start is not None and event.date_precision in (
        DatePrecision.DAY,
        DatePrecision.WEEK,
    )


# Two articles about one event are seldom published further apart than this.
_REPORT_WINDOW_DAYS = 21
# A postponement may move an event by weeks.
_MOVED_WINDOW_DAYS = 62


def same_event(
    a: Event,
    b: Event,
    *,
    a_published: date | None = None,
    b_published: date | None = None,
) -> bool:
    """Whether two reports (usually from different articles) describe the same event.

    Conservative, because the same countries meet again and again: the reports must be close
    in time (their event dates within the dates' precision, else their report or publication
    dates within three weeks; a postponement or cancellation widens both), and share people
    (two; or one with the same city, day or a third party) or, failing people, two parties
    with the same city or day. A different city is allowed only when the parties match and a
    report says the event moved (postponed/cancelled) or two people are shared: a newer report
    may change the venue.

    Args:
        a, b: the two events.
        a_published, b_published: the publication days of their articles, when known; they
            date undated events.
    """
    if a.id == b.id:
        return True
    if (a.kind is EventKind.CALL) != (b.kind is EventKind.CALL):
        return False
    if {a.status, b.status} == {EventStatus.HELD, EventStatus.CANCELLED}:
        return False  # a cancelled event never took place: the held one is another meeting
    shared = _participant_keys(a) & _participant_keys(b)
    if not shared:
        return False
    shared_people = {k for k in shared if k.startswith("person:")}
    moved = bool({a.status, b.status} & {EventStatus.POSTPONED, EventStatus.CANCELLED})

    if a.date_start is not None and b.date_start is not None and _precise(a) and _precise(b):
        tolerance = max(
            _DATE_TOLERANCE_DAYS[a.date_precision or DatePrecision.DAY],
            _DATE_TOLERANCE_DAYS[b.date_precision or DatePrecision.DAY],
        )
        if moved:
            tolerance = max(tolerance, _MOVED_WINDOW_DAYS)
        if abs((a.date_start - b.date_start).days) > tolerance:
            return False
    else:
        # a month or a year is too coarse to tell events apart: when the articles were
        # written says more
        anchor_a = (a.date_start if _precise(a) else None) or a.reported_on or a_published
        anchor_b = (b.date_start if _precise(b) else None) or b.reported_on or b_published
        anchor_a = anchor_a or a.date_start
        anchor_b = anchor_b or b.date_start
        if anchor_a is None or anchor_b is None:
            return False  # undated: nothing tells two meetings of the same parties apart
        window = _MOVED_WINDOW_DAYS if moved else _REPORT_WINDOW_DAYS
        if abs((anchor_a - anchor_b).days) > window:
            return False

    city_a = a.location.city if a.location else None
    city_b = b.location.city if b.location else None
    same_city = city_a is not None and city_a == city_b
    if city_a and city_b and city_a != city_b:
        return len(shared) >= 2 and (moved or len(shared_people) >= 2)
    same_day = (
        a.date_start is not None
        and a.date_start == b.date_start
        and a.date_precision is DatePrecision.DAY
        and b.date_precision is DatePrecision.DAY
    )
    if len(shared_people) >= 2:
        return True
    if shared_people and (same_city or same_day or len(shared) >= 3):
        return True
    return len(shared) >= 2 and (same_city or same_day or moved)
