"""Text normalisation, stable article ids and date parsing shared by every reader.

Readers store the *normalised* body as ``Article.text``, so every character span computed by
extraction points into exactly the text that is stored: normalise once, here, and never again.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from email.utils import parsedate_to_datetime

# Characters that carry no text: zero-width space, BOM, soft hyphen, word joiner. ZWNJ/ZWJ stay
# because they change how Persian, Arabic and emoji text is spelled.
_INVISIBLE = re.compile("[\u200b\ufeff\u00ad\u2060]")
# Line breaks other than "\n": vertical tab, form feed, separators, NEL, LINE/PARAGRAPH SEPARATOR.
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Horizontal whitespace other than a single plain space: tabs, non-breaking and typographic
# spaces, and runs of spaces. Matching only these keeps the common case (no match) fast.
_WS = "[ \t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]"
_ODD_SPACES = re.compile(f"{_WS}{{2,}}|[\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_BLANK_LINES = re.compile("\n{2,}")
# Control characters that are neither whitespace nor line breaks carry nothing readable.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f]")
_INVISIBLE_CHARS = "\u200b\ufeff\u00ad\u2060"
_BREAK_CHARS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_SPACE_CHARS = "\t\xa0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))


def _clean(text: str) -> str:
    """NFC, no invisible characters, "\\n" line breaks, single plain spaces, none around breaks."""
    # Substring tests run at memchr speed; the regexes only run on text that needs them, which
    # keeps a 50 MB corpus at a few seconds.
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if any(c in text for c in _INVISIBLE_CHARS):
            text = _INVISIBLE.sub("", text)
        if any(c in text for c in _BREAK_CHARS):
            text = _LINE_BREAKS.sub("\n", text)
        if "  " in text or any(c in text for c in _SPACE_CHARS):
            text = _ODD_SPACES.sub(" ", text)
    else:
        if "\r" in text or "\x0b" in text or "\x0c" in text or "\x1c" in text:
            text = _LINE_BREAKS.sub("\n", text)
        if "  " in text or "\t" in text:
            text = _ODD_SPACES.sub(" ", text)
    if _CONTROLS.search(text):
        text = _CONTROLS.sub("", text)
    if " \n" in text or "\n " in text:
        text = text.replace(" \n", "\n").replace("\n ", "\n")
    return text.strip()


def normalise_line(line: str) -> str:
    """One line of text in NFC with single plain spaces and no leading/trailing space."""
    return _clean(line).replace("\n", " ")


def normalise_text(text: str) -> str:
    """The stored form of a body: NFC, plain spaces, paragraphs separated by exactly ``"\\n\\n"``.

    Blank lines separate paragraphs; a single line break inside a paragraph is a hard wrap and
    becomes a space. Text without any blank line is taken to have one paragraph per line
    (common in exported corpora), so those line breaks become paragraph breaks.
    """
    text = _clean(text)
    if "\n" not in text:
        return text
    if "\n\n" not in text:
        return _BLANK_LINES.sub("\n\n", text.replace("\n", "\n\n"))
    blocks = _BLANK_LINES.split(text) if "\n\n\n" in text else text.split("\n\n")
    return "\n\n".join(block.replace("\n", " ") for block in blocks)


def article_id(*, url: str | None, title: str, text: str) -> str:
    """A stable id: from the url when known (a new version replaces the old), else the content."""
    key = f"url\n{url.strip()}" if url else f"text\n{title.strip()}\n{text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


# --------------------------------------------------------------------------- dates

_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,? (\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b")
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? ", re.IGNORECASE)
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|Z)?\b", re.IGNORECASE)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _checked(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None


def parse_date(value: object) -> datetime | None:
    """A timezone-aware datetime from the usual ways articles and feeds write dates.

    Accepts ISO 8601 dates and datetimes, RFC 822 (feeds), ``DD.MM.YYYY`` (and ``DD/MM/YYYY``),
    "3 February 2026" and "February 3, 2026" with an optional weekday and time. A value without
    a zone is taken as UTC. Anything else gives ``None``: a wrong date is worse than no date.
    """
    if isinstance(value, datetime):
        return _aware(value)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=UTC)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > 64:
        return None
    iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        return _aware(datetime.fromisoformat(iso))
    except ValueError:
        pass
    if match := _DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
        return _checked(year, month, day)
    if "," in text[:5] or text[:1].isalpha() or text[-5:].strip().lstrip("+-").isdigit():
        try:
            return _aware(parsedate_to_datetime(text))
        except (TypeError, ValueError, IndexError):
            pass
    return _parse_words(_WEEKDAY.sub("", text))


def _parse_words(text: str) -> datetime | None:
    """'3 February 2026', 'Feb. 3, 2026 14:05 GMT' and similar."""
    if match := _DAY_MONTH_YEAR.match(text):
        day_s, month_s, year_s = match.groups()
    elif match := _MONTH_DAY_YEAR.match(text):
        month_s, day_s, year_s = match.groups()
    else:
        return None
    month = _MONTHS.get(month_s.casefold())
    if month is None:
        return None
    result = _checked(int(year_s), month, int(day_s))
    if result is None:
        return None
    if clock := _TIME.search(text, match.end()):
        hours, minutes = int(clock.group(1)), int(clock.group(2))
        if hours < 24 and minutes < 60:
            result += timedelta(hours=hours, minutes=minutes)
    return result


# --------------------------------------------------------------------------- size limits

# One document (a text file, page, feed or JSON line) is read whole, so it is capped: larger
# inputs are rejected with a ReadError rather than truncated, because a cut article would be
# stored as if it were complete. JSON Lines files stream line by line and have no total cap.
MAX_DOCUMENT_BYTES = 8 * 1024 * 1024
# HTML costs far more per byte (trafilatura builds and scores a tree: ~2 s per MB), and a real
# news page, scripts included, stays well under this.
MAX_HTML_BYTES = 4 * 1024 * 1024
# The longest body kept: two orders of magnitude above a long feature, far below what would
# stall extraction.
MAX_TEXT_CHARS = 1_000_000
