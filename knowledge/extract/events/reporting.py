"""When an event happens versus when it was reported, and which outlets reported it.

Dates that belong to a reporting verb ("reported Monday", "On Sunday, officials said") give
``reported_on``, not the event's date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from knowledge.extract.dates import DateMention
from knowledge.extract.events.parties import Named
from knowledge.models import DatePrecision, EntityKind

_REPORTING_VERB_BEFORE = re.compile(
    r"\b(?:said|says|saying|reported|reports|told|telling|announced|announces|announcing|"
    r"tweeted|wrote|added|adding|confirmed|revealed|disclosed|stated|warned|warning|insisted|"
    r"noted|claimed)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
_REPORTING_VERB_AFTER = re.compile(
    r",?\s+(?:(?:officials?|sources?|the\s+\w+)\s+)?(?:said|says|reported|told|announced)\b",
    re.IGNORECASE,
)


def reporters(
    text: str, named: Sequence[Named], dates: Sequence[DateMention]
) -> tuple[list[str], date | None]:
    outlets = list(dict.fromkeys(n.name for n in named if n.kind is EntityKind.OUTLET))
    reported_on = None
    if outlets:
        for mention in dates:
            if _REPORTING_VERB_BEFORE.search(text[max(0, mention.span[0] - 40) : mention.span[0]]):
                reported_on = mention.date_start
                break
    return outlets, reported_on


# A lower-case word after "the <date>" that is not an event noun: "the November 13 attacks".
_ATTRIBUTIVE_DATE = re.compile(
    r"\s+(?!(?:meeting|talks|summit|visit|call|conference|session|negotiations|trip)\b)[a-z]"
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_DATE_CLAUSE_BREAK = re.compile(r"[;:!?“”\"]|\.\s|\s[—–]\s|\b(?:since|after|before|when)\b")


_LIST_GLUE = frozenset(("and", "the", "of", "as", "well", "including", "also", "then", "to"))


def _list_between(text: str, start: int, end: int) -> bool:
    """Whether a long stretch between an event word and a date is a list of names ("will
    visit Japan, South Korea, the Philippines, Indonesia, Malaysia, Singapore and New
    Zealand next month"): mostly capitalised words and list glue, and not too long."""
    if end - start > 260:
        return False
    words = re.findall(r"[\w’'-]+", text[start:end])
    named = sum(1 for w in words if w[:1].isupper() or w.casefold() in _LIST_GLUE)
    return bool(words) and named >= 0.8 * len(words)


def event_date(
    text: str, dates: Sequence[DateMention], trigger: re.Match[str]
) -> DateMention | None:
    best: tuple[int, DateMention] | None = None
    for mention in dates:
        start, end = mention.span
        if _REPORTING_VERB_BEFORE.search(text[max(0, start - 40) : start]):
            continue  # "reported Monday", "said on Sunday": when it was said, not when it happens
        if start < 15 and _REPORTING_VERB_AFTER.match(text, end):
            continue  # "On Sunday, officials said ...": the day of the statement
        if _THE_BEFORE.search(text[max(0, start - 5) : start]) and (
            mention.precision is DatePrecision.YEAR or _ATTRIBUTIVE_DATE.match(text, end)
        ):
            continue  # "the 1998 peace accord", "the November 13 attacks" name another thing
        # far from the trigger or across a clause break, a date belongs to something else
        # (a date after the trigger is read from the trigger's end: "appear before the
        # committee on Tuesday" has its own "before")
        lo, hi = (trigger.end(), start) if start >= trigger.end() else (start, trigger.start())
        # past 120 characters only after the event word and across a list of names ("will
        # visit A, B, C ... and K next month"); a date long before it dates another verb
        # ("on Monday asked A, B, C and D to meet")
        far = hi - lo > 120 and not (start >= trigger.end() and _list_between(text, lo, hi))
        if far or _DATE_CLAUSE_BREAK.search(text, lo, hi):
            continue
        distance = abs(start - trigger.start()) + (15 if start < trigger.start() else 0)
        if best is None or distance < best[0]:
            best = (distance, mention)
    return best[1] if best else None
