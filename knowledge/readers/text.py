"""Plain-text articles, including the layout news sites give when a page is saved as text.

The layout is recognised by general rules, each optional:

    World                                  section line (short kicker above the headline)
    <headline>
    <standfirst>                           any lines between headline and byline
    Name Surname | 03.02.2026 - Update : 03.02.2026     byline (or "By Name", or a date line)
    <headline>                             the headline repeated
    ISTANBUL                               dateline: a short all-caps line, or "CITY (Agency) -"
    <body paragraphs>                      pull-quote subheads (a short line in quote marks) dropped
    <agency footer>                        subscription/copyright furniture dropped

Text with none of that is read as: the first non-empty line is the title when it is short, the
rest is the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from knowledge.errors import ReadError
from knowledge.models import Article
from knowledge.readers.layout import NOT_DATELINES, fallback_title, is_furniture, tidy_paragraphs
from knowledge.readers.normalise import article_id, normalise_line, parse_date
from knowledge.readers.outlets import outlet_by_name
from knowledge.readers.release import Release, read_release

# The byline and header may sit below a few lines of kicker, headline and standfirst.
_HEADER_LINES = 12
_MAX_TITLE_CHARS = 200
_MAX_SECTION_WORDS = 4
# The headline is the first, second or third line (under a section line or a label).
_MAX_HEADLINE_POSITION = 2

_DATE = (
    r"\d{1,2}[./]\d{1,2}[./]\d{4}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8}\.?,? \d{4}"
    r"|[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}"
)
_DATE_RE = re.compile(_DATE)
_NAME = r"[A-Z][\w'’.\-]*(?: (?:[A-Z][\w'’.\-]*|de|da|van|von|bin|al|el|la|le|del|der|di))*"
_NAME_WORDS = r"[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3}?"
_NAMES = rf"{_NAME}(?:(?:,| and| &) {_NAME})*"
# "Name Surname | 03.02.2026 - Update : 03.02.2026", "Name | Reuters | 3 Feb 2026"
_PIPE_BYLINE = re.compile(rf"^(?:By )?(?P<who>[^|]{{2,150}}?) ?\| ?(?P<when>.*(?:{_DATE}).*)$")
# "By Name Surname and Other Name" optionally followed by ", Agency" or " | date"
_BY_BYLINE = re.compile(rf"^By:? (?P<who>{_NAMES})(?P<rest>(?:,| \||;| -| —) .*)?$")
# What may stand beside the dates on a date line: labels, weekdays, times and zones.
_DATE_LINE_WORDS = re.compile(
    r"\b(?:published|posted|updated?|last|modified|first|date|on|at|and|[ap]\.?m\.?"
    r"|gmt|utc|bst|cet|cest|eet|et|est|edt|ct|cst|cdt|pt|pst|pdt|ist|trt|msk"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b\.?",
    re.IGNORECASE,
)
_DATE_LINE_REST = re.compile(r"[\s,|:;\-–—()+0-9.]+")
# A line that is only a person's name: two to four capitalised words.
_NAME_LINE = re.compile(r"^[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3}$")
# An author line without "By": names, optionally with a newsroom role ("Diplomatic editor").
_AUTHOR_LINE = re.compile(
    rf"^(?P<name>{_NAME_WORDS}(?:(?:,| and| &) {_NAME_WORDS})*?)"
    r"(?:,? (?:[A-Za-z]+ ){0,3}(?:editor|correspondent|reporter|writer|columnist|analyst"
    r"|producer|chief|contributor|staff))?$"
)
# How many paragraphs under the headline may still be header (bylines, outlet, dates).
_HEADER_RESIDUE = 6
# Hard-wrapped text wraps near 70-80 columns; a block of lines all shorter than this is a list.
_MAX_LIST_LINE = 50
_ALL_CAPS_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .,'’/\-]{1,40}$")
_SPLIT_NAMES = re.compile(r",? and |, | & |; ")
# The last word of a newspaper's or news site's name.
_PAPER_NOUNS = frozenset(
    re.findall(
        r"\w+",
        """times post herald dispatch journal gazette tribune chronicle observer courier express
    mail monitor review star sun telegraph record standard register inquirer bulletin report
    wire today weekly daily news press guardian independent examiner mirror echo argus
    advertiser sentinel leader citizen voice nation""",
    )
)


@dataclass
class _Header:
    title: str = ""
    section: str | None = None
    standfirst: list[str] = field(default_factory=list)
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    updated: datetime | None = None
    source: str | None = None
    dateline: str | None = None
    body_start: int = 0


def read_text(name: str, text: str, *, url: str | None = None) -> Article:
    """Read one plain-text article; raises ``ReadError`` when it holds no text."""
    lines = [normalise_line(line) for line in text.splitlines()]
    release = read_release(lines)
    if release is not None:
        return _read_release(name, lines, release, url)
    header = _read_header(lines)
    paragraphs = _paragraphs(lines[header.body_start :])
    paragraphs = _header_residue(paragraphs, header)
    layout = tidy_paragraphs(paragraphs, title=header.title, find_dateline=header.dateline is None)
    if not layout.paragraphs:
        raise ReadError(name, "no article text found")
    paragraphs = layout.paragraphs
    source = header.source or layout.credit or layout.footer_outlet
    body = "\n\n".join(paragraphs)
    title = header.title or fallback_title(paragraphs[0])
    return Article(
        id=article_id(url=url, title=title, text=body),
        title=title,
        standfirst=" ".join(header.standfirst) or None,
        text=body,
        published=header.published,
        updated=header.updated,
        source=source,
        url=url,
        authors=header.authors,
        dateline=header.dateline or layout.dateline,
    )


def _read_release(name: str, lines: list[str], release: Release, url: str | None) -> Article:
    """A press release: its issuer is the source, its date line the date and dateline."""
    paragraphs = _paragraphs(lines[release.body_start : release.body_end])
    layout = tidy_paragraphs(paragraphs, title=release.title, find_dateline=not release.dateline)
    if not layout.paragraphs:
        raise ReadError(name, "no article text found")
    body = "\n\n".join(layout.paragraphs)
    title = release.title or fallback_title(layout.paragraphs[0])
    return Article(
        id=article_id(url=url, title=title, text=body),
        title=title,
        text=body,
        published=release.published,
        source=release.issuer,
        url=url,
        dateline=release.dateline or layout.dateline,
    )


def _read_header(lines: list[str]) -> _Header:
    filled = [i for i, line in enumerate(lines) if line][:_HEADER_LINES]
    header = _Header()
    if not filled:
        return header
    byline = next((k for k, i in enumerate(filled) if _read_byline(lines[i], header)), None)
    repeat = _repeated_line(lines, filled)
    if repeat is not None:
        first, second = repeat
        header.title = lines[filled[first]]
        if first > 0:
            header.section = lines[filled[0]]
        end = max(second, byline if byline is not None else second)
        header.standfirst = [
            lines[filled[k]] for k in range(first + 1, end) if k != byline and k != second
        ]
    elif byline is not None and byline > 0:
        before = [lines[i] for i in filled[:byline]]
        if len(before) > 2 and (masthead := _masthead(before[0], _text_of(lines))) is not None:
            # "THE HARBOUR COURIER" over a section label and the headline: the outlet
            header.source = masthead
            before.pop(0)
        if len(before) > 1 and _is_section(before[0]):
            header.section = before.pop(0)
        if len(before) > 1 and not header.authors and (named := _AUTHOR_LINE.match(before[-1])):
            # "Patrick Wintour Diplomatic editor" over a date line: the byline, not standfirst.
            header.authors = _split_authors(named.group("name"))
            before.pop()
        header.title = before[0]
        header.standfirst = before[1:]
        end = byline
        # Further byline or date lines under the first ("By A", "March 3, 2025") are header too.
        while end + 1 < len(filled) and _read_byline(lines[filled[end + 1]], header):
            end += 1
    else:
        # No byline under a headline: a plain text, maybe opened by a byline or date line.
        offset = 1 if byline == 0 else 0
        header.title = _plain_title(lines, filled[offset:])
        end = offset if header.title else offset - 1
    if header.section and header.source is None:
        header.source = outlet_by_name(header.section)
    header.body_start = filled[end] + 1 if end >= 0 else 0
    _read_dateline(lines, header)
    return header


def _text_of(lines: list[str]) -> str:
    """The lines as one text, to look a header line up in the body."""
    return "\n".join(lines)


def _masthead(line: str, text: str) -> str | None:
    """The outlet a page's top line names in capitals ("THE HARBOUR COURIER"), or None.

    A shouted line is a masthead only when it is a known outlet, ends in a newspaper's noun
    ("... DISPATCH", "... HERALD") or the body names the outlet in ordinary case; otherwise it
    may be a shouted headline or a kicker.
    """
    words = line.split()
    if not (1 <= len(words) <= 6) or not line.isupper() or line in NOT_DATELINES:
        return None
    if _DATE_RE.search(line) or not all(w.strip("'’.&-").isalpha() for w in words):
        return None
    known = outlet_by_name(line)
    if known is not None:
        return known
    body = re.search(re.escape(line), text[text.find(line) + len(line) :], re.IGNORECASE)
    if body is not None and not body.group(0).isupper():
        return body.group(0)
    if words[-1].strip(".").casefold() in _PAPER_NOUNS:
        small = {"of", "and", "the", "on", "for"}
        return " ".join(
            w.lower() if k and w.lower() in small else w.capitalize() for k, w in enumerate(words)
        )
    return None


def _read_byline(line: str, header: _Header) -> bool:
    """Fill authors, dates and source from a byline-like line; say whether it was one."""
    if len(line) > 200:
        return False
    if match := _PIPE_BYLINE.match(line):
        parts = [p.strip() for p in match.group("who").split("|")]
        dates = _DATE_RE.findall(match.group("when"))
        names: list[str] = []
        for part in parts:
            outlet = outlet_by_name(part)
            if outlet:
                header.source = header.source or outlet
            elif not _DATE_RE.search(part):
                names.append(part)
        for piece in match.group("when").split("|"):
            outlet = outlet_by_name(piece.strip())
            if outlet:
                header.source = header.source or outlet
        header.authors = _split_authors(" and ".join(names))
        _set_dates(header, dates, match.group("when"))
        return True
    if (match := _BY_BYLINE.match(line)) and _is_byline_tail(match.group("rest")):
        header.authors = _split_authors(match.group("who"))
        rest = match.group("rest") or ""
        for piece in re.split(r"[,|;]| - | — ", rest):
            outlet = outlet_by_name(piece.strip())
            if outlet:
                header.source = header.source or outlet
        _set_dates(header, _DATE_RE.findall(rest), rest)
        return True
    if len(line) <= 100 and (dates := _DATE_RE.findall(line)) and _is_date_line(line):
        _set_dates(header, dates, line)
        return header.published is not None
    return False


def _header_residue(paragraphs: list[str], header: _Header) -> list[str]:
    """Drop what is left of a page header above the body: outlet, author, date, share links."""
    for index, paragraph in enumerate(paragraphs[:_HEADER_RESIDUE]):
        if is_furniture(paragraph):
            continue
        outlet = outlet_by_name(paragraph)
        if outlet:
            header.source = header.source or outlet
            continue
        if _read_byline(paragraph, header):
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        if (
            not header.authors
            and _NAME_LINE.match(paragraph)
            and outlet_by_name(following) is not None
        ):
            # "Paul Kirby" over "BBC News": the author, credited to the outlet.
            header.authors = (paragraph,)
            continue
        return paragraphs[index:]
    return paragraphs[_HEADER_RESIDUE:] if len(paragraphs) > _HEADER_RESIDUE else []


def _is_date_line(line: str) -> bool:
    """A line of nothing but dates, times, zones and labels: "Updated 3:18 PM EST, Feb. 3, 2026"."""
    rest = _DATE_LINE_WORDS.sub(" ", _DATE_RE.sub(" ", line))
    return not _DATE_LINE_REST.sub("", rest)


def _is_byline_tail(rest: str | None) -> bool:
    """What follows "By Name" on a byline: nothing, an outlet, a date or a short role."""
    if not rest:
        return True
    tail = rest.strip(" ,|;-—")
    return (
        outlet_by_name(tail) is not None
        or _DATE_RE.search(tail) is not None
        or (len(tail) <= 40 and not tail.endswith((".", "!", "?")))
    )


def _set_dates(header: _Header, dates: list[str], context: str) -> None:
    parsed = [d for d in (parse_date(text) for text in dates) if d is not None]
    if not parsed:
        return
    if header.published is None:
        header.published = parsed[0]
    if len(parsed) > 1 and re.search(r"updat", context, re.IGNORECASE):
        header.updated = parsed[-1]


def _split_authors(names: str) -> tuple[str, ...]:
    names = re.sub(r"^By:? ", "", names.strip())
    authors = [n.strip(" ,;") for n in _SPLIT_NAMES.split(names)]
    # Wire bylines shout ("By ZEKE MILLER"); store names the way the body writes them.
    authors = [a.title() if a.isupper() and len(a) > 3 else a for a in authors]
    return tuple(dict.fromkeys(a for a in authors if a and len(a) <= 80))


def _repeated_line(lines: list[str], filled: list[int]) -> tuple[int, int] | None:
    """The header positions of a headline printed twice (above and below the byline)."""
    seen: dict[str, int] = {}
    for k, i in enumerate(filled):
        line = lines[i]
        # A headline: near the top, headline-sized, not a sentence, not a repeated ad slot.
        if len(line) < 15 or len(line) > _MAX_TITLE_CHARS or line.endswith("."):
            continue
        if line in seen:
            return seen[line], k
        if k <= _MAX_HEADLINE_POSITION and not is_furniture(line):
            seen[line] = k
    return None


def _is_section(line: str) -> bool:
    words = line.split()
    return (
        len(words) <= _MAX_SECTION_WORDS
        and len(line) <= 40
        and not line.endswith((".", "?", "!", ":", ",", '"', "”"))
    )


def _plain_title(lines: list[str], filled: list[int]) -> str:
    if not filled:
        return ""
    # A Markdown heading ("# Title") is a title with its markup.
    first = (
        lines[filled[0]].lstrip("#").strip()
        if lines[filled[0]].startswith("#")
        else lines[filled[0]]
    )
    if len(filled) < 2 or len(first) > _MAX_TITLE_CHARS or first.endswith((".", ",", ";", ":")):
        return ""
    return first


def _read_dateline(lines: list[str], header: _Header) -> None:
    """A short all-caps line (ISTANBUL, WASHINGTON, D.C.) that opens the body is its dateline."""
    for i in range(header.body_start, min(len(lines), header.body_start + 3)):
        line = lines[i]
        if not line:
            continue
        if (
            _ALL_CAPS_DATELINE.match(line)
            and len(line.split()) <= 4
            and sum(c.isalpha() for c in line) >= 3
            and line.rstrip(" ,.-") not in NOT_DATELINES
        ):
            header.dateline = line.rstrip(" ,-")
            header.body_start = i + 1
        return


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank lines separate paragraphs; without any blank line, each line is a paragraph.

    Inside a paragraph, lines are joined (a hard wrap), except in a block of short lines, which
    is a list (page furniture such as "Share", "Save", an author and outlet) and stays one
    paragraph a line.
    """
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return []
    lines = lines[filled[0] : filled[-1] + 1]
    if "" not in lines:
        return lines
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            if len(current) > 1 and all(len(c) <= _MAX_LIST_LINE for c in current):
                paragraphs.extend(current)
            else:
                paragraphs.append(" ".join(current))
            current = []
    return paragraphs
