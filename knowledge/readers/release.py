"""Press releases saved as text: a letterhead instead of an outlet, a dateline instead of a date.

    MINISTRY OF FOREIGN AFFAIRS            letterhead: the issuing body (one to three lines)
    REPUBLIC OF COLOMBIA
    PRESS RELEASE No. 687                  the release label (optional when a date line follows)
    Bogotá D.C., 20 November 2026          date line: place and date of issue
    (Unofficial translation. ...)          notes in brackets
    COLOMBIA AND PERU SIGN ...             the headline
    <body paragraphs>
    Office of Press and Communications     sign-off: the issuing office (short trailing lines)
    Ministry of Foreign Affairs of Colombia

The issuing body is the article's source (who published it), the headline its title and the
date line its publication date and dateline. Every rule is about layout and the words bodies
use for themselves (ministry, department, embassy ...), never about a particular body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from knowledge.readers.normalise import parse_date

# "PRESS RELEASE No. 687", "Joint Statement", "MEDIA RELEASE 12/2026", "Communiqué"
_LABEL = re.compile(
    r"^(?:(?:joint|official)\s+)?(?:(?:press|news|media)\s+(?:release|statement|communiqu[ée])"
    r"|communiqu[ée]|statement)(?:\s*(?:no\.?|number|nº|n°|#|-)?\s*[\w/.-]{1,12})?\.?$",
    re.IGNORECASE,
)
# Words an issuing body calls itself by (its name's head).
_BODY_HEADS = re.compile(
    r"\b(?:ministry|ministerio|minist[eè]re|department|office|embassy|consulate|government|"
    r"presidency|president|prime\s+minister|cabinet|chancell?e?ry|canciller[ií]a|commission|"
    r"secretariat|agency|council|mission|municipality|city\s+hall|prefecture|parliament|"
    r"assembly|senate|court|police|army|armed\s+forces|authority|directorate|bureau|"
    r"administration|state\s+house|white\s+house|kremlin|palace)\b",
    re.IGNORECASE,
)
# "REPUBLIC OF COLOMBIA", "Kingdom of Spain", "Government of Canada": the state of a body.
_STATE_LINE = re.compile(
    r"^(?:the\s+)?(?:republic|kingdom|state|commonwealth|federation|principality|"
    r"grand\s+duchy|government|sultanate|emirate)\s+of\s+(?:the\s+)?(?P<state>.{2,40})$",
    re.IGNORECASE,
)
_DATE = (
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]{3,9}\.?,?\s+\d{4}"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}"
)
# "Bogotá D.C., 20 November 2026", "Geneva, 3 March 2031", "20 November 2026"
_DATE_LINE = re.compile(
    rf"^(?:(?P<place>[^\d,;:]{{2,40}}?),\s*)?(?:[A-Za-z]+day,?\s+)?(?P<date>{_DATE})\.?$"
)
_MAX_LETTERHEAD = 3
_MAX_HEAD_WORDS = 9
_MAX_TITLE_CHARS = 250
_MAX_SIGN_OFF = 3
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "to", "at", "de", "del", "y"})


@dataclass
class Release:
    """What a press release's furniture says, and where its body lines start and end."""

    issuer: str
    title: str
    published: datetime | None
    dateline: str | None
    body_start: int
    body_end: int


def read_release(lines: list[str]) -> Release | None:
    """The press-release layout of normalised ``lines``, or None when they have none."""
    filled = [i for i, line in enumerate(lines) if line][:12]
    if len(filled) < 3:
        return None
    k = 0
    letterhead: list[str] = []
    while k < min(len(filled), _MAX_LETTERHEAD) and _is_head_line(lines[filled[k]]):
        if _LABEL.match(lines[filled[k]]) or _DATE_LINE.match(lines[filled[k]]):
            break
        letterhead.append(lines[filled[k]])
        k += 1
    labelled = k < len(filled) and _LABEL.match(lines[filled[k]]) is not None
    if labelled:
        k += 1
    if not letterhead or not _BODY_HEADS.search(letterhead[0]):
        return None
    published: datetime | None = None
    dateline: str | None = None
    while k < len(filled):
        line = lines[filled[k]]
        dated = _DATE_LINE.match(line)
        if dated is not None and published is None:
            published = parse_date(" ".join(dated.group("date").replace(" of ", " ").split()))
            dateline = dated.group("place")
        elif not (line.startswith("(") and line.endswith(")")):
            break
        k += 1
    if not labelled and published is None:
        return None  # capital lines over a text: a headline, not a letterhead
    if k >= len(filled):
        return None
    headline = lines[filled[k]]
    if len(headline) > _MAX_TITLE_CHARS or headline.endswith((".", ",", ";")):
        title, body_start = "", filled[k]
    else:
        title, body_start = headline, filled[k] + 1
    body_end, sign_off = _sign_off(lines)
    return Release(
        issuer=_issuer(letterhead, sign_off),
        title=title,
        published=published,
        dateline=dateline,
        body_start=body_start,
        body_end=max(body_end, body_start),
    )


def _is_head_line(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _MAX_HEAD_WORDS and not line.endswith((".", ",", ";", ":"))


def _sign_off(lines: list[str]) -> tuple[int, list[str]]:
    """Short trailing lines naming the issuing office ("Office of Press and Communications")."""
    end = len(lines)
    while end > 0 and not lines[end - 1]:
        end -= 1
    found: list[str] = []
    while end > 0 and len(found) < _MAX_SIGN_OFF:
        line = lines[end - 1]
        if not line:
            end -= 1
            continue
        if not _is_head_line(line) or any(c in line for c in '“”"!?') or not line[:1].isupper():
            break
        if not _BODY_HEADS.search(line) and not line.isupper():
            break
        found.insert(0, line)
        end -= 1
    return end, found


def _issuer(letterhead: list[str], sign_off: list[str]) -> str:
    """The body's name: a sign-off line that repeats the letterhead's head (it is usually
    written in full there), else the letterhead with its state ("... of Colombia")."""
    head = _name_case(letterhead[0])
    key = head.casefold()
    for line in reversed(sign_off):
        if key in line.casefold():
            return line
    for line in letterhead[1:]:
        state = _STATE_LINE.match(line)
        if state is not None:
            return f"{head} of {_name_case(state.group('state'))}"
    return head


def _name_case(line: str) -> str:
    """ "MINISTRY OF FOREIGN AFFAIRS" -> "Ministry of Foreign Affairs"; mixed case is kept."""
    if not line.isupper():
        return line
    words = line.lower().split()
    return " ".join(
        w if (i > 0 and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )
