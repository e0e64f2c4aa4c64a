"""Time words in a question ('today', 'this week', 'last month', 'in 2018') as a date window.

The window is resolved against an injected "now", so tests and benchmarks fix the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))

_LATEST = re.compile(r"\b(latest|newest|most recent|recent(ly)?|lately|last few days)\b")
_MONTH_YEAR = re.compile(
    rf"\b(?:in|during|since|from|of)\s+({_MONTH_NAMES})\.?\s+((?:19|20)\d\d)\b"
)
_YEAR = re.compile(r"\b(in|during|since|from|of)\s+((?:19|20)\d\d)\b")
# A year before an occasion names the occasion's year ("the 2014 NATO summit", "the 2016
# presidential election"); before other nouns it may be a count ("the 2000 troops").
_YEAR_OF = re.compile(
    r"\b(?:the|a|an|his|her|its|their|this|that)\s+((?:19|20)\d\d)\s+(?:[a-z][\w.'’-]*\s+){0,3}?"
    r"(?:summit|election|elections|olympics|games|world cup|cup|campaign|race|war|talks|"
    r"conference|meeting|visit|trip|deal|agreement|accord|treaty|crisis|budget|attack|"
    r"attacks|referendum|protests?|primary|primaries|vote|convention|debate|tour|"
    r"championship|final|season|strike|shutdown|speech)\b"
)


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """Dates a question is restricted to; both ends inclusive, either may be open."""

    since: date | None = None
    until: date | None = None
    label: str = ""
    latest: bool = False
    relative: bool = False

    @property
    def bounded(self) -> bool:
        return self.since is not None or self.until is not None

    def contains(self, day: date | None) -> bool:
        if day is None:
            return not self.bounded
        if self.since is not None and day < self.since:
            return False
        return self.until is None or day <= self.until


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def resolve_time(normalised: str, today: date) -> TimeWindow:
    """The time window a normalised question asks about (open when it names none)."""
    latest = bool(_LATEST.search(normalised))
    match = _MONTH_YEAR.search(normalised)
    if match:
        start = date(int(match.group(2)), _MONTHS[match.group(1)], 1)
        if normalised[match.start() :].startswith("since"):
            return TimeWindow(start, None, f"since {start:%B %Y}", latest)
        return TimeWindow(start, _month_end(start), f"in {start:%B %Y}", latest)
    match = _YEAR.search(normalised)
    if match:
        year = int(match.group(2))
        if match.group(1) == "since":
            return TimeWindow(date(year, 1, 1), None, f"since {year}", latest)
        return TimeWindow(date(year, 1, 1), date(year, 12, 31), f"in {year}", latest)
    match = _YEAR_OF.search(normalised)
    if match:
        year = int(match.group(1))
        return TimeWindow(date(year, 1, 1), date(year, 12, 31), f"in {year}", latest)
    if re.search(r"\btoday\b|\btonight\b", normalised):
        return TimeWindow(today, today, "today", latest, relative=True)
    if re.search(r"\byesterday\b", normalised):
        day = today - timedelta(days=1)
        return TimeWindow(day, day, "yesterday", latest, relative=True)
    if re.search(r"\bthis week\b", normalised):
        start = today - timedelta(days=today.weekday())
        return TimeWindow(start, start + timedelta(days=6), "this week", latest, relative=True)
    if re.search(r"\blast week\b|\bpast week\b", normalised):
        if "past week" in normalised:
            return TimeWindow(
                today - timedelta(days=7), today, "in the past week", latest, relative=True
            )
        start = today - timedelta(days=today.weekday() + 7)
        return TimeWindow(start, start + timedelta(days=6), "last week", latest, relative=True)
    if re.search(r"\bnext week\b", normalised):
        start = today - timedelta(days=today.weekday()) + timedelta(days=7)
        return TimeWindow(start, start + timedelta(days=6), "next week", latest, relative=True)
    if re.search(r"\bthis month\b", normalised):
        return TimeWindow(
            _month_start(today), _month_end(today), "this month", latest, relative=True
        )
    if re.search(r"\blast month\b|\bpast month\b", normalised):
        if "past month" in normalised:
            return TimeWindow(
                today - timedelta(days=31), today, "in the past month", latest, relative=True
            )
        end = _month_start(today) - timedelta(days=1)
        return TimeWindow(_month_start(end), end, "last month", latest, relative=True)
    if re.search(r"\bthis year\b", normalised):
        return TimeWindow(
            date(today.year, 1, 1), date(today.year, 12, 31), "this year", latest, relative=True
        )
    if re.search(r"\blast year\b", normalised):
        year = today.year - 1
        return TimeWindow(date(year, 1, 1), date(year, 12, 31), "last year", latest, relative=True)
    return TimeWindow(latest=latest)
