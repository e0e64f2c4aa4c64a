"""Date expressions in news copy, resolved against the publication date.

A weekday or a relative phrase ("Friday", "last week", "next month") only names a day once we
know when the article was published and which way its clause looks: a planned meeting "on
Friday" lies ahead of a Tuesday publication date, "said Sunday" lies behind it. The direction
comes from the nearest tense cue before the expression in the same text ("are expected to meet
on Friday" -> forward, "reported Monday" -> backward), else the first cue after it ("On Monday,
the ministers met ..."), else a default per kind of expression.

Public helpers:

- ``find_dates(text, published, offset=0)`` -> ``list[DateMention]``
- ``resolve_weekday(published, weekday, direction)`` -> ``date``
- ``tense_of(sentence_text)`` -> ``"future" | "past" | None``
- ``tense_near(text, position)`` -> the tense of the clause around one position
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Literal, NamedTuple

from knowledge.extract.gazetteer import words_of
from knowledge.models import DatePrecision

Tense = Literal["future", "past"]
Direction = Literal["forward", "backward", "nearest"]


class DateMention(NamedTuple):
    """One resolved date expression; ``span`` is absolute when ``find_dates`` got an offset."""

    date_start: date
    date_end: date
    precision: DatePrecision
    text: str
    span: tuple[int, int]


WEEKDAYS: dict[str, int] = {
    name.casefold(): index for index, name in enumerate(calendar.day_name)
}  # "monday" -> 0 ... "sunday" -> 6

_MONTH_NUMBERS: dict[str, int] = {
    **{calendar.month_name[n].casefold(): n for n in range(1, 13)},
    **{calendar.month_abbr[n].casefold(): n for n in range(1, 13)},
    "sept": 9,
}

_SMALL_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a few": 3,
    "several": 3,
    "a couple of": 2,
}


def weekday_index(name: str) -> int | None:
    """0 for Monday ... 6 for Sunday; None when ``name`` is no weekday."""
    return WEEKDAYS.get(name.strip().casefold().removesuffix("'s").removesuffix("’s"))


def month_number(name: str) -> int | None:
    """1 for January/Jan./Jan ... 12 for December; None otherwise."""
    return _MONTH_NUMBERS.get(name.strip().rstrip(".").casefold())


# --------------------------------------------------------------------------- resolution


def resolve_weekday(published: date, weekday: int, direction: Direction | Tense | None) -> date:
    """The day called ``weekday`` (0=Monday) as seen from ``published``.

    "forward" (a planned event) gives the next such day, the publication day itself included
    (a Friday article's "on Friday" is that day); "backward" (a reported one) the most recent,
    the publication day included; "nearest" whichever is closer, ties going backward because
    news mostly reports what has happened. ``"future"``/``"past"``/None are accepted as
    shorthands for forward/backward/backward.
    """
    ahead = (weekday - published.weekday()) % 7
    behind = (published.weekday() - weekday) % 7
    if direction in ("forward", "future"):
        return published + timedelta(days=ahead)
    if direction == "nearest" and ahead < behind:
        return published + timedelta(days=ahead)
    return published - timedelta(days=behind)


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for_month_day(published: date, month: int, day: int, direction: Direction) -> int:
    """The year that puts ``month``/``day`` on the right side of ``published``."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate is not None:
            candidates.append(candidate)
    if not candidates:
        return published.year
    if direction == "forward":
        ahead = [c for c in candidates if c >= published]
        if ahead:
            return min(ahead).year
    elif direction == "backward":
        behind = [c for c in candidates if c <= published]
        if behind:
            return max(behind).year
    return min(candidates, key=lambda c: abs((c - published).days)).year


def _year_for_month(published: date, month: int, direction: Direction) -> int:
    if direction == "forward":
        return published.year if month >= published.month else published.year + 1
    if direction == "backward":
        return published.year if month <= published.month else published.year - 1
    # nearest: within six months either side
    diff = month - published.month
    if diff > 6:
        return published.year - 1
    if diff < -6:
        return published.year + 1
    return published.year


# --------------------------------------------------------------------------- tense cues

_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_YEAR = r"(?:19|20)\d\d"
_DAYNUM = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"

_IRREGULAR_PAST = (
    "said|told|met|held|took|made|went|came|gave|saw|began|left|spoke|wrote|sent|brought|found|"
    "struck|fell|rose|sat|flew|led|broke|chose|drove|got|knew|thought|became|did|was|were|had|"
    "kept|paid|won|lost|ran|stood|fought|sought|swept|dealt|felt|meant|taught|caught|bought|"
    "built|spent|threw|withdrew|drew|grew|shook|hung|ate|began|undertook|oversaw|foresaw|"
    "hosted|visited|announced|reported|ended|concluded|collapsed|signed|agreed|attended"
)
_NOT_PAST_ED = frozenset(
    [
        "indeed",
        "need",
        "speed",
        "proceed",
        "exceed",
        "succeed",
        "hundred",
        "sacred",
        "wicked",
        "naked",
        "kindred",
        "rugged",
        "ragged",
        "embed",
        "breed",
        "greed",
        "shed",
        "seed",
        "feed",
        "deed",
        "weed",
        "creed",
        "bed",
        "red",
        "united",
        "armed",
        "expected",
        "scheduled",
        "planned",
        "proposed",
        "slated",
        "intended",
        "anticipated",
    ]
)
_REPORTING_PRESENT = "says|tells|reports|warns|announces|claims|insists|adds|confirms|writes"
_EVENT_PRESENT = (
    "meets?|visits?|holds?|hosts?|travels?|heads?|arrives?|begins?|opens?|resumes?|starts?|"
    "votes?|attends?|signs?|gathers?|convenes?|returns?|flies|fly|leaves?|kicks? off"
)
_EVENT_INFINITIVE = (
    "meet|hold|visit|travel|host|attend|sign|resume|begin|start|discuss|convene|fly|arrive|"
    "gather|sit down|talk|speak|decide|vote|announce|release|open|launch|head|take place|unveil"
)

# Order matters: multi-word future forms are consumed before the single verbs inside them
# ("would be held" must not leave "held" to count as past).
_CUE = re.compile(
    r"(?P<future>"
    r"\b(?:will|won['’]t|shall|would|could|might)(?:\s+not)?(?:\s+(?:also|likely|probably|then|now|be|have))*\s+[a-z]+"
    r"|['’]ll\s+[a-z]+"
    r"|\b(?:is|are|was|were)\s+(?:also\s+)?(?:expected|set|due|scheduled|slated|planned|planning|poised|going|preparing|hoping)\b"
    r"|\b(?:expected|set|due|scheduled|slated|planned|planning|poised|plans?|going|preparing|prepares|prepare|hope|hopes|hoping|aims?|intends?|intended|agreed|agree|agrees|proposed|promised)\s+to\s+[a-z]+"
    r"|\b(?:set|scheduled|slated|planned|penciled|pencilled|due|proposed|postponed|delayed|moved|rescheduled|pushed\s+back|put\s+off|adjourned)\s+(?:for|until|till|to|on)\b"
    r"|\b(?:is|are|am)\s+(?:\w+ly\s+)?[a-z]+ing\b"
    r"|\b(?:upcoming|forthcoming|planned|scheduled|expected|proposed|anticipated|next|ahead\s+of|later)\b"
    rf"|\bto\s+(?:{_EVENT_INFINITIVE})\b"
    r")"
    r"|(?P<past>"
    # only the auxiliary: the participle after it may itself be a cue ("has been postponed until")
    r"\b(?:has|have|had)\b"
    rf"|\b(?:{_IRREGULAR_PAST})\b"
    r"|\b[a-z]{2,}ed\b"
    r"|\bago\b|\bearlier\b|\blast\b"
    rf"|\b(?:{_REPORTING_PRESENT})\b"
    # "saying on Sunday that ...": a reporting participle dates the statement, which is past
    r"|\b(?:saying|telling|adding|noting|insisting|warning|announcing|declaring|stating|writing)\b"
    r")"
)
# A present-tense event verb right before the date reads as a schedule in news style:
# "Leaders meet Tuesday", "the summit opens on Monday".
_SCHEDULE_RIGHT_BEFORE = re.compile(
    rf"\b(?:{_EVENT_PRESENT})(?:\s+(?:again|here|there|in\s+\w+|on|next|this))*\s*$"
)
_CLAUSE_BREAK = re.compile(r"[.;:!?\n]\s|[“”\"]")

_REPORTING_CUES = re.compile(
    rf"\b(?:said|told|reported|announced|says|according\s+to|{_REPORTING_PRESENT})\b"
)


def _cue_tense(match: re.Match[str]) -> Tense | None:
    if match.lastgroup == "future":
        return "future"
    word = match.group(0)
    if word.endswith("ed") and " " not in word and word in _NOT_PAST_ED:
        return None
    return "past"


def tense_near(text: str, position: int, end: int | None = None) -> Tense | None:
    """The tense of the clause around ``text[position:end]``.

    The nearest cue before the position within the same clause wins; failing that, the
    first cue after it; None when the clause has no cue.
    """
    end = position if end is None else end
    window_start = max(0, position - 160)
    before = text[window_start:position]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    if _SCHEDULE_RIGHT_BEFORE.search(before):
        return "future"
    last: Tense | None = None
    for match in _CUE.finditer(before):
        tense = _cue_tense(match)
        if tense is not None:
            last = tense
    if last is not None:
        return last
    after = text[end : end + 160]
    cut = _CLAUSE_BREAK.search(after)
    if cut:
        after = after[: cut.start()]
    for match in _CUE.finditer(after):
        tense = _cue_tense(match)
        if tense is not None:
            return tense
    return None


def tense_of(sentence_text: str) -> Tense | None:
    """The tense of what a sentence reports, looking through its reporting verb.

    "X reported Monday that the meeting would take place Friday" is about a future meeting;
    "X said the talks were held" about a past one. Any future cue outside the reporting frame
    makes it future; else any past cue makes it past; a bare reporting verb makes it past.
    """
    saw_past = False
    saw_reporting = False
    for match in _CUE.finditer(sentence_text):
        if match.lastgroup == "future":
            return "future"
        if _REPORTING_CUES.fullmatch(match.group(0)):
            saw_reporting = True
        elif _cue_tense(match) == "past":
            saw_past = True
    if saw_past or saw_reporting:
        return "past"
    return None


def direction_for(tense: Tense | None, default: Direction = "backward") -> Direction:
    """Forward for future, backward for past, ``default`` when the tense is unknown."""
    if tense == "future":
        return "forward"
    if tense == "past":
        return "backward"
    return default


# --------------------------------------------------------------------------- expressions

_MODIFIER = (
    r"(?i:this\s+coming|this\s+past|the\s+coming|the\s+past|the\s+previous|the\s+following"
    r"|earlier\s+this|later\s+this|early\s+this|late\s+this|last|next|this|coming)"
)
_NUMBER_WORDS = (
    r"(?i:\d{1,3}|a\s+couple\s+of|a\s+few|several|an?|one|two|three|four|five|six|seven"
    r"|eight|nine|ten)"
)

# Between the two ends of a range: "3-5", "3 to 5", "31 May and 1 June".
_RANGE_SEP = r"(?:\s*[-–]\s*|\s+(?:to|and|through|until|till)\s+)"
# After "March 3 and 5" (a worded range of days in one month), no noun the number counts:
# "on March 3 and 5 other villages" is one day.
_NOT_COUNTED = r"(?!\s+(?!(?:in|at|on|for|with|when|while|as|and|or|but|to|this|next|last)\b)[a-z])"

_DATE = re.compile(
    # 2026-02-06
    rf"(?P<iso>\b(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])\b)"
    # (from) November 30(, 2026) to December 2(, 2026): a range across months
    rf"|(?P<mdy2>\b(?P<mdy2_m>{_MONTH})\s+(?P<mdy2_d>{_DAYNUM})(?:,?\s+(?P<mdy2_y>{_YEAR}))?"
    rf"(?P<mdy2_sep>{_RANGE_SEP})(?P<mdy2_m2>{_MONTH})\s+(?P<mdy2_d2>{_DAYNUM})(?!\d)"
    rf"(?:,?\s+(?P<mdy2_y2>{_YEAR})\b)?)"
    # (on) 30 November( 2026) and 1 December( 2026): a range across months
    rf"|(?P<dmy2>\b(?P<dmy2_d>{_DAYNUM})\s+(?:of\s+)?(?P<dmy2_m>{_MONTH})(?:,?\s+(?P<dmy2_y>{_YEAR}))?"
    rf"(?P<dmy2_sep>{_RANGE_SEP})(?:the\s+)?(?P<dmy2_d2>{_DAYNUM})\s+(?:of\s+)?(?P<dmy2_m2>{_MONTH})\b"
    rf"(?:,?\s+(?P<dmy2_y2>{_YEAR})\b)?)"
    # (Friday,) February 6(-8)(, 2026), February 6 to 8, March 3 and 5
    rf"|(?P<mdy>(?:\b(?P<mdy_wd>{_WD}),?\s+)?\b(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>{_DAYNUM})(?!\d)"
    rf"(?:\s*[-–]\s*(?P<mdy_d2>{_DAYNUM})(?!\d)"
    rf"|\s+(?:to|through|and|until|till)\s+(?P<mdy_d3>{_DAYNUM})(?!\d){_NOT_COUNTED})?"
    rf"(?:,?\s+(?P<mdy_y>{_YEAR})\b)?)"
    # (Friday,) 6(-8) February( 2026), from 3 to 5 March
    rf"|(?P<dmy>(?:\b(?P<dmy_wd>{_WD}),?\s+)?(?:the\s+)?\b(?P<dmy_d>{_DAYNUM})"
    rf"(?:{_RANGE_SEP}(?:the\s+)?(?P<dmy_d2>{_DAYNUM}))?\s+(?:of\s+)?(?P<dmy_m>{_MONTH})\b"
    rf"(?:,?\s+(?P<dmy_y>{_YEAR})\b)?)"
    # March 2019
    rf"|(?P<my>\b(?P<my_m>{_MONTH}),?\s+(?P<my_y>{_YEAR})\b)"
    # last week, next month, earlier this year, this weekend
    rf"|(?P<rel>\b(?P<rel_mod>{_MODIFIER})\s+(?P<rel_unit>(?i:week|weekend|month|year))\b)"
    # last Friday, next Tuesday
    rf"|(?P<mwd>\b(?P<mwd_mod>{_MODIFIER})\s+(?P<mwd_wd>{_WD})\b)"
    # two days ago
    rf"|(?P<ago>\b(?P<ago_n>{_NUMBER_WORDS})\s+(?P<ago_u>(?i:day|week|month|year))s?\s+(?i:ago|earlier|before))"
    # in two weeks ("in 61 years" is a span, "the first visit in 61 years", so no years here)
    rf"|(?P<inn>\b(?i:in)\s+(?P<inn_n>{_NUMBER_WORDS})\s+(?P<inn_u>(?i:day|week|month))s?(?:['’]\s*time)?\b)"
    # yesterday, today, tomorrow, tonight
    r"|(?P<day>\b(?P<day_w>(?i:yesterday|today|tomorrow|tonight))\b)"
    # Friday, Friday's
    rf"|(?P<wd>\b(?P<wd_w>{_WD})\b)"
    # (in|last|next|early) March
    rf"|(?P<mo>\b(?P<mo_pre>(?i:in|since|until|till|by|during|early|late|mid|of|from|through|before|after|last|next|this)\s+|mid-)(?P<mo_m>{_MONTH_FULL})\b(?!\s+\d))"
    # in 2019, the 2015 deal
    rf"|(?P<yr>\b(?:(?i:in|since|until|till|by|during|early|late|of|from|through|before|after|the)\s+|mid-)(?P<yr_y>{_YEAR})\b(?![,.]?\d|\s*(?:%|percent|people|troops|members))"
    rf"(?:\s*(?:-|–|to)\s*(?P<yr_y2>{_YEAR})\b)?)"
)


def _number(word: str) -> int:
    word = " ".join(word.casefold().split())
    if word.isdigit():
        return int(word)
    return _SMALL_NUMBERS.get(word, 1)


# A weekday naming when an event is set: "a Friday meeting", "Friday's vote", "the meeting on
# Friday", "for Friday", "until Friday". A past tense nearby is often only the announcement
# ("invited them to a Friday meeting", "Republicans say the invitation for a Friday meeting");
# only a verb telling that the event itself happened makes the day a past one.
_EVENT_NOUNS = (
    r"(?:meeting|meetings|talks|summit|session|vote|deadline|hearing|debate|visit|call|"
    r"conference|negotiations|gathering|sit-down|rally|ceremony|deal|sitting)"
)
_WEEKDAY_EVENT_AFTER = re.compile(rf"(?:['’]s)?\s+{_EVENT_NOUNS}\b", re.IGNORECASE)
_WEEKDAY_EVENT_BEFORE = re.compile(
    rf"(?:\b{_EVENT_NOUNS}\s+(?:on|for)|\b(?:for|until|till|by))\s+(?:this\s+)?$", re.IGNORECASE
)


def _scheduled_weekday(text: str, match: re.Match[str]) -> bool:
    """A weekday set for an event, whose own clause says nothing of the event having happened."""
    start, end = match.span()
    if _WEEKDAY_EVENT_AFTER.match(text, end) is None and (
        _WEEKDAY_EVENT_BEFORE.search(text, max(0, start - 30), start) is None
    ):
        return False
    lo = max(0, start - 160)
    hi = min(len(text), end + 120)
    for stop in _CLAUSE_BREAK.finditer(text, lo, start):
        lo = stop.end()
    cut = _CLAUSE_BREAK.search(text, end, hi)
    if cut is not None:
        hi = cut.start()
    if _FOR_LATER_WEEKDAY.search(text, end, hi) is not None:
        return False  # "a meeting on Tuesday for Friday": Tuesday is when it was set
    for cue in _CUE.finditer(text, lo, hi):
        if (
            cue.lastgroup == "past"
            and _cue_tense(cue) == "past"
            and cue.group(0).casefold() not in _ANNOUNCING
            and text[cue.end() : cue.end() + 1] != "-"  # "a last-minute invitation"
        ):
            return False  # "criticism for his meeting on Tuesday has grown": it happened
    return True


# Past verbs that only announce or arrange an event: "invited them to a Friday meeting".
_ANNOUNCING = frozenset(
    words_of(
        """said says say told tells invited invites called calls summoned summons announced
        announces scheduled schedules set asked asks urged urges reported reports confirmed
        confirms proposed proposes arranged arranges agreed agrees"""
    )
)


_FOR_LATER_WEEKDAY = re.compile(
    r"\bfor\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _direction(text: str, match: re.Match[str], default: Direction) -> Direction:
    return direction_for(tense_near(text, match.start(), match.end()), default)


def _resolve(
    text: str, match: re.Match[str], published: date | None
) -> tuple[date, date, DatePrecision, int, int] | None:
    """Resolve one match of ``_DATE``: (start, end, precision, span start, span end)."""
    kind = match.lastgroup
    g = match.group
    span_start, span_end = match.span()
    day_precision = DatePrecision.DAY

    if kind == "iso":
        day = _safe_date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
        return None if day is None else (day, day, day_precision, span_start, span_end)

    if kind in ("mdy2", "dmy2"):
        return _resolve_across_months(text, match, published)

    if kind in ("mdy", "dmy"):
        month = month_number(g(f"{kind}_m"))
        first = _day_number(g(f"{kind}_d"))
        last_text = g(f"{kind}_d2") or (g("mdy_d3") if kind == "mdy" else None)
        last = _day_number(last_text) if last_text else first
        if month is None:
            return None
        if last < first:
            last = first  # "from 28 to 3 March": no range; the first day stands
        if g(f"{kind}_y"):
            year = int(g(f"{kind}_y"))
        elif published is not None:
            year = _stated_day_year(text, match, published, month, first)
        else:
            return None
        start, end = _safe_date(year, month, first), _safe_date(year, month, last)
        if start is None or end is None:
            return None
        return start, end, day_precision, span_start, span_end

    if kind == "my":
        month = month_number(g("my_m"))
        if month is None:
            return None
        start, end = _month_range(int(g("my_y")), month)
        return start, end, DatePrecision.MONTH, span_start, span_end

    if kind == "yr":
        first_year = int(g("yr_y"))
        last_year = int(g("yr_y2")) if g("yr_y2") else first_year
        if last_year < first_year:
            return None
        year_start = match.start("yr_y")
        return (
            date(first_year, 1, 1),
            date(last_year, 12, 31),
            DatePrecision.YEAR,
            year_start,
            span_end,
        )

    if published is None:
        return None

    if kind == "day":
        word = g("day_w").casefold()
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        day = published + timedelta(days=shift)
        return day, day, day_precision, span_start, span_end

    if kind == "wd":
        weekday = weekday_index(g("wd_w"))
        if weekday is None:
            return None
        direction = _direction(text, match, "backward")
        if direction == "backward" and _scheduled_weekday(text, match):
            direction = "forward"
        day = resolve_weekday(published, weekday, direction)
        return day, day, day_precision, span_start, span_end

    if kind == "mwd":
        weekday = weekday_index(g("mwd_wd"))
        if weekday is None:
            return None
        modifier = " ".join(g("mwd_mod").casefold().split())
        if modifier in ("next", "this coming", "the coming", "coming", "the following"):
            day = resolve_weekday(published, weekday, "forward")
            if day == published:
                day += timedelta(days=7)
        elif modifier == "this":
            day = resolve_weekday(published, weekday, _direction(text, match, "forward"))
        else:  # last, this past, the past, the previous
            day = resolve_weekday(published, weekday, "backward")
            if day == published:
                day -= timedelta(days=7)
        return day, day, day_precision, span_start, span_end

    if kind == "rel":
        return _resolve_relative(g("rel_mod"), g("rel_unit"), published, span_start, span_end)

    if kind in ("ago", "inn"):
        count = _number(g(f"{kind}_n"))
        unit = g(f"{kind}_u").casefold()
        sign = -1 if kind == "ago" else 1
        if unit == "day":
            day = published + timedelta(days=sign * count)
            return day, day, day_precision, span_start, span_end
        if unit == "week":
            day = published + timedelta(days=sign * 7 * count)
            monday, sunday = _week_of(day)
            return monday, sunday, DatePrecision.WEEK, span_start, span_end
        if unit == "month":
            year, month = _add_months(published.year, published.month, sign * count)
            start, end = _month_range(year, month)
            return start, end, DatePrecision.MONTH, span_start, span_end
        year = published.year + sign * count
        return date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR, span_start, span_end

    if kind == "mo":
        month = month_number(g("mo_m"))
        if month is None:
            return None
        prefix = g("mo_pre").strip().casefold()
        if prefix == "last":
            year = published.year if month < published.month else published.year - 1
        elif prefix == "next":
            year = published.year if month > published.month else published.year + 1
        elif prefix == "this":
            year = published.year
        elif prefix in ("since", "after"):
            year = _year_for_month(published, month, "backward")
        else:
            # the tense cue may end in the preposition itself ("postponed until March")
            tense = tense_near(text, match.start("mo_m"), match.end())
            year = _year_for_month(published, month, direction_for(tense, "nearest"))
        start, end = _month_range(year, month)
        return start, end, DatePrecision.MONTH, match.start("mo_m"), span_end

    return None


def _day_number(written: str) -> int:
    """A day of the month as written: "3", "03", "3rd" -> 3."""
    return int(re.sub(r"\D", "", written))


def _stated_day_year(text: str, match: re.Match[str], published: date, month: int, day: int) -> int:
    """The year of a day and month written without one.

    It is nearly always the nearest such day; only a clearly planned event pushes it forward
    (past cues such as "had been set for June 12" often describe a future day).
    """
    future = tense_near(text, match.start(), match.end()) == "future"
    return _year_for_month_day(published, month, day, "forward" if future else "nearest")


# A range across months longer than this is two dates, not one stretch ("on March 3 and
# December 5").
_LONGEST_RANGE = 31


def _resolve_across_months(
    text: str, match: re.Match[str], published: date | None
) -> tuple[date, date, DatePrecision, int, int] | None:
    """ "31 May and 1 June 2026", "May 30 to June 2": a year stated on
    either end serves both (a range over the new year moves it by one)."""
    kind = match.lastgroup
    g = match.group
    first_month, last_month = month_number(g(f"{kind}_m")), month_number(g(f"{kind}_m2"))
    if first_month is None or last_month is None:
        return None
    first = _day_number(g(f"{kind}_d"))
    last = _day_number(g(f"{kind}_d2"))
    over_new_year = last_month < first_month
    if g(f"{kind}_y"):
        first_year = int(g(f"{kind}_y"))
        last_year = int(g(f"{kind}_y2")) if g(f"{kind}_y2") else first_year + over_new_year
    elif g(f"{kind}_y2"):
        last_year = int(g(f"{kind}_y2"))
        first_year = last_year - over_new_year
    elif published is not None:
        first_year = _stated_day_year(text, match, published, first_month, first)
        last_year = first_year + over_new_year
    else:
        return None
    start = _safe_date(first_year, first_month, first)
    end = _safe_date(last_year, last_month, last)
    if start is None or end is None or not 0 <= (end - start).days <= _LONGEST_RANGE:
        return None
    return start, end, DatePrecision.DAY, match.start(), match.end()


def _resolve_relative(
    modifier_text: str, unit_text: str, published: date, span_start: int, span_end: int
) -> tuple[date, date, DatePrecision, int, int]:
    modifier = " ".join(modifier_text.casefold().split())
    unit = unit_text.casefold()
    if modifier in ("last", "the past", "the previous", "this past"):
        shift = -1
    elif modifier in ("next", "the coming", "the following", "this coming", "coming"):
        shift = 1
    else:  # this, earlier this, later this, early this, late this
        shift = 0
    if unit in ("week", "weekend"):
        monday, sunday = _week_of(published + timedelta(days=7 * shift))
        if unit == "weekend":
            saturday = monday + timedelta(days=5)
            return saturday, sunday, DatePrecision.DAY, span_start, span_end
        start, end = monday, sunday
        precision = DatePrecision.WEEK
        if modifier in ("the past", "the previous") and unit == "week":
            start, end = published - timedelta(days=7), published
    elif unit == "month":
        year, month = _add_months(published.year, published.month, shift)
        start, end = _month_range(year, month)
        precision = DatePrecision.MONTH
    else:
        year = published.year + shift
        start, end = date(year, 1, 1), date(year, 12, 31)
        precision = DatePrecision.YEAR
    if modifier in ("earlier this", "early this"):
        end = min(end, published)
    elif modifier in ("later this", "late this"):
        start = max(start, published)
    return start, end, precision, span_start, span_end


# Every date expression contains one of these; the full pattern, which is slow to try at every
# position, runs only in a window around them.
# (Plain literals and character classes: case-insensitive groups make this scan 2x slower.)
_ANCHOR = re.compile(
    r"\d+|[MTWFS][a-z]+day|Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec|[Yy]esterday"
    r"|[Tt]o(?:day|morrow|night)|[Ww]eek|[Mm]onth|[Yy]ear|days|ago\b|earlier|before"
)
_WINDOW = 48  # no expression reaches further than this from its anchor


def _date_matches(text: str) -> Iterator[re.Match[str]]:
    """``_DATE.finditer(text)``, but only trying the pattern near anchors."""
    position = 0
    length = len(text)
    while True:
        anchor = _ANCHOR.search(text, position)
        if anchor is None:
            return
        window_start = max(position, anchor.start() - _WINDOW)
        match = _DATE.search(text, window_start, min(length, anchor.end() + _WINDOW))
        if match is not None and match.start() <= anchor.start():
            yield match
            position = max(match.end(), anchor.end())
        else:
            # a match after the anchor has an anchor of its own; find it from there so that
            # the window's end cannot cut it short
            position = anchor.end()


def find_dates(text: str, published: date | None, *, offset: int = 0) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``published``, in text order.

    Weekdays and relative phrases need ``published`` and are skipped without it; explicit
    dates with a year are resolved regardless. ``offset`` is added to every span so that a
    sentence's mentions point into its article.
    """
    mentions: list[DateMention] = []
    for match in _date_matches(text):
        resolved = [_resolve(text, match, published)]
        if resolved[0] is None and match.lastgroup in ("mdy2", "dmy2"):
            # no range ("on March 3 and December 5"): two dates, each read alone
            sep = match.lastgroup + "_sep"
            parts = [
                _DATE.match(text, match.start(), match.start(sep)),
                _DATE.match(text, match.end(sep), match.end()),
            ]
            resolved = [_resolve(text, part, published) for part in parts if part is not None]
        for found in resolved:
            if found is None:
                continue
            start, end, precision, span_start, span_end = found
            mentions.append(
                DateMention(
                    start,
                    end,
                    precision,
                    text[span_start:span_end],
                    (span_start + offset, span_end + offset),
                )
            )
    return mentions
