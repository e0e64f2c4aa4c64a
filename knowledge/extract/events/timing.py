"""The hour an event starts at and how long it lasted, as the report words them.

A clock time ("talks begin at 10am", "at 14:00 local time") is part of when; a length of time
said of the event ("the meeting lasted roughly two hours", "after five hours of talks", "a
three-hour meeting", "met for 90 minutes") is its duration. Both are kept as the article wrote
them: a reader asking "what time?" or "how long?" wants the words, not a conversion.
"""

from __future__ import annotations

import re

_HOUR = r"(?:[01]?\d|2[0-3])"
_MERIDIEM = r"(?:\s?[ap]\.?m\b\.?)"
_ZONE = r"(?:\s+(?:local\s+time|GMT|UTC|CET|CEST|BST|EST|EDT|ET|PST|PT)\b)"
# "10am", "10.30 p.m.", "14:00 local time", "at 9:15": an hour with am/pm, or hour:minutes
# after a word that sets a time (a bare "10:30" is as often a score or a Bible verse).
_CLOCK = re.compile(
    rf"\b(?:{_HOUR}(?:[:.][0-5]\d)?{_MERIDIEM}{_ZONE}?"
    rf"|(?<=at\s){_HOUR}:[0-5]\d{_ZONE}?"
    rf"|(?<=from\s){_HOUR}:[0-5]\d{_ZONE}?"
    rf"|{_HOUR}:[0-5]\d{_ZONE}"
    r"|(?<=at\s)(?:noon|midday|midnight))",
    re.IGNORECASE,
)
# The word before the time that says how it bears on the event: "from 9.30am", "shortly
# after 9pm". Kept with the time ("from 9.30am" tells a start).
_CLOCK_LEAD = re.compile(
    r"(?:(?:shortly|just|soon)\s+)?(?:at|from|by|until|till|before|after|around|about)\s+$",
    re.IGNORECASE,
)

_COUNT = (
    r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|ninety|several|a\s+few|a\s+couple\s+of|half\s+an)"
)
_UNIT = r"(?:minutes?|hours?|days?|weeks?|months?)"
_UNIT_ONE = r"(?:minute|hour|day|week|month)"  # in a compound: "two-hour", "hour-long"
_HEDGE = (
    r"(?:(?:about|around|roughly|nearly|almost|some|more\s+than|less\s+than|over|under|just"
    r"(?:\s+over|\s+under)?|barely|only|at\s+least|close\s+to|an?\s+extra)\s+)?"
)
_EVENT_NOUN = (
    r"(?:talks|meetings?|session|summit|negotiations|discussions?|conversation|call|"
    r"phone\s+call|visit|trip|consultations|hearing|conference|encounter|sit-down)"
)
_LENGTH = rf"{_HEDGE}{_COUNT}(?:\s+and\s+a\s+half)?[\s-]+{_UNIT}(?:\s+and\s+a\s+half)?"
# "lasted roughly two hours", "ran for more than three hours", "went on for 11 hours"
_LASTED = re.compile(
    rf"\b(?:lasted|lasting|last(?:s)?|ran|went\s+on|dragged\s+on|continued)\s+"
    rf"(?:for\s+)?(?P<length>{_LENGTH})\b",
    re.IGNORECASE,
)
# "after nine hours of talks", "three days of negotiations"
_OF_TALKS = re.compile(
    rf"\b(?P<length>{_LENGTH})\s+of\s+(?:(?:intense|intensive|tough|marathon|closed-door|"
    rf"face-to-face|direct|difficult|fresh|further|high-level)\s+)?{_EVENT_NOUN}\b",
    re.IGNORECASE,
)
# "a three-hour meeting", "a 90-minute phone call", "an hour-long session"
_LONG_EVENT = re.compile(
    rf"\b(?P<length>{_COUNT}[\s-]+(?:and-a-half-)?{_UNIT_ONE}(?:-long)?|{_UNIT_ONE}-long)"
    rf"(?:[\s-]+(?:long|closed-door|private|face-to-face))?\s+{_EVENT_NOUN}\b",
    re.IGNORECASE,
)
# "met for two hours", "spoke for 45 minutes", "talked for about an hour"
_FOR_LENGTH = re.compile(
    rf"\b(?:met|meet|meeting|talked|talking|spoke|speaking|held\s+talks|conferred)\s+"
    rf"(?:[\w’'-]+\s+){{0,8}}?for\s+(?P<length>{_LENGTH})\b",
    re.IGNORECASE,
)
# Not a length of the event: "two hours later", "three days after the summit"
_NOT_LENGTH_AFTER = re.compile(r"[\s-]+(?:ago|later|earlier|before|after|since|old)\b", re.I)
# A sentence with no event word that says how long the event just named took: "The meeting
# lasted roughly two hours.", "It went on for three hours." Only an event noun or "it" as subject.
_LASTED_SUBJECT = re.compile(
    rf"^(?:(?:The|That|This|Their|Its)\s+(?:\w+\s+){{0,2}}?{_EVENT_NOUN}|It)\s+"
    rf"(?:had\s+|has\s+)?(?=lasted|ran|went\s+on|dragged\s+on|continued)",
    re.IGNORECASE,
)


def clock_time(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The first clock time in ``text[start:end]``, with the word that places it: "from
    9.30am", "at 14:00 local time", "shortly after 9pm"."""
    found = _CLOCK.search(text, start, len(text) if end is None else end)
    if found is None:
        return None
    lead = _CLOCK_LEAD.search(text[max(0, found.start() - 20) : found.start()])
    words = (lead.group(0) if lead else "") + found.group(0)
    return " ".join(words.split())


def duration(text: str, start: int = 0, end: int | None = None) -> str | None:
    """How long the event of a sentence lasted, in the sentence's words: "roughly two hours"."""
    stop = len(text) if end is None else end
    for pattern in (_LASTED, _OF_TALKS, _LONG_EVENT, _FOR_LENGTH):
        for found in pattern.finditer(text, start, stop):
            if _NOT_LENGTH_AFTER.match(text, found.end("length")):
                continue
            # as written: "roughly two hours", "two-hour", "hour-long"
            return " ".join(found.group("length").split())
    return None


def lasted(text: str) -> str | None:
    """ "The meeting lasted roughly two hours.": the length a sentence without an event word
    gives for the event just named, when its subject is an event noun or "it"."""
    if _LASTED_SUBJECT.search(text) is None:
        return None
    found = _LASTED.search(text)
    if found is None or _NOT_LENGTH_AFTER.match(text, found.end("length")):
        return None
    return " ".join(found.group("length").split())
