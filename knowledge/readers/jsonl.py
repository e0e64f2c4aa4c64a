"""JSON Lines in the corpus format: one article object per line.

    {"id": ..., "title": ..., "text": ..., "published": "YYYY-MM-DD" | null,
     "source": ..., "url": ..., "author": "A, B" | ["A", "B"] | null}

Other exporters name the same fields differently (a wire service's ``headline``/``body``, a
news API's ``content``/``publishedAt``/``source: {"name": ...}``, ``byline``); the common
spellings in ``_FIELDS`` are read too, the corpus name first.

Lines are read one at a time, so a file of any size streams in constant memory. A line that is
not a JSON object, or has no text, is one ``ReadError`` naming the line; the others go on.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import ValidationError

from knowledge.errors import ReadError
from knowledge.models import Article
from knowledge.readers.html import split_authors
from knowledge.readers.layout import fallback_title, tidy_paragraphs
from knowledge.readers.normalise import (
    MAX_DOCUMENT_BYTES,
    MAX_TEXT_CHARS,
    article_id,
    normalise_line,
    normalise_text,
    parse_date,
)
from knowledge.readers.outlets import outlet_by_name


def read_jsonl(
    name: str, lines: Iterable[bytes], *, first_line: int = 1
) -> Iterator[Article | ReadError]:
    """Yield one article (or error) per non-blank line of ``lines``."""
    for number, line in enumerate(lines, start=first_line):
        # Without its line break, so a string left open is reported as such.
        raw = line.rstrip(b"\r\n")
        if not raw.strip():
            continue
        if len(raw) > MAX_DOCUMENT_BYTES:
            yield ReadError(name, f"line too long ({len(raw):,} bytes)", line=number)
            continue
        try:
            record = json.loads(raw)
        except UnicodeDecodeError:
            record = _loads_legacy(raw)
            if record is None:
                yield ReadError(name, "malformed JSON", line=number)
                continue
        except json.JSONDecodeError as exc:
            # json's messages end in "starting at" or name the problem: either way add the column.
            at = "" if exc.msg.endswith(" at") else " at"
            yield ReadError(name, f"malformed JSON ({exc.msg}{at} column {exc.colno})", line=number)
            continue
        try:
            yield record_article(record)
        except ValueError as exc:
            yield ReadError(name, str(exc), line=number)


def read_json(name: str, data: bytes) -> Iterator[Article | ReadError]:
    """A whole ``.json`` document: one article object, or a list of them."""
    try:
        document = json.loads(data)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            # One object a line saved as ``.json``: read it as the JSON Lines it is.
            yield from read_jsonl(name, io.BytesIO(data))
        else:
            yield ReadError(name, f"malformed JSON ({exc.msg} at line {exc.lineno})")
        return
    except UnicodeDecodeError:
        yield ReadError(name, "malformed JSON (not UTF-8)")
        return
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        try:
            yield record_article(record)
        except ValueError as exc:
            where = f"item {number}: " if isinstance(document, list) else ""
            yield ReadError(name, f"{where}{exc}")


def _loads_legacy(raw: bytes) -> Any:
    """A line in a legacy 8-bit encoding: decode it as Windows-1252 rather than give up."""
    try:
        return json.loads(raw.decode("cp1252", errors="replace"))
    except json.JSONDecodeError:
        return None


# The corpus field, then the names other exporters give it (checked in this order).
_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article_text", "full_text", "story"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "publishedAt", "pubDate", "dateTime"),
    "source": ("source", "outlet", "publisher", "agency", "site_name"),
    "url": ("url", "link"),
    "author": ("authors", "author", "byline", "creator"),
}


def _field(record: dict[str, Any], name: str) -> Any:
    """The first present, non-empty value of the field under any of its names."""
    for key in _FIELDS[name]:
        value = record.get(key)
        if isinstance(value, dict):  # a news API's {"name": "Outlet", "id": ...}
            value = value.get("name") or value.get("title")
        if value not in (None, "", []):
            return value
    return None


def record_article(record: object) -> Article:
    """One corpus record as an article; ``ValueError`` with a one-line reason when it is not."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    raw_text = _field(record, "text")
    if raw_text is None or (isinstance(raw_text, str) and not raw_text.strip()):
        raise ValueError("no text")
    if not isinstance(raw_text, str):
        raise ValueError(f"text must be a string, got {type(raw_text).__name__}")
    if len(raw_text) > MAX_TEXT_CHARS:
        raise ValueError(
            f"text too long ({len(raw_text):,} characters; the limit is {MAX_TEXT_CHARS:,})"
        )
    raw_title = _field(record, "title")
    title = normalise_line(raw_title) if isinstance(raw_title, str) else ""
    dateline = _string(record, "dateline")
    layout = tidy_paragraphs(
        normalise_text(raw_text).split("\n\n"), title=title, find_dateline=dateline is None
    )
    if not layout.paragraphs:
        raise ValueError("no text")
    text = "\n\n".join(layout.paragraphs)
    title = title or fallback_title(layout.paragraphs[0])
    raw_url = _field(record, "url")
    url = normalise_line(raw_url) or None if isinstance(raw_url, str) else None
    given_id = record.get("id")
    if isinstance(given_id, bool) or not isinstance(given_id, (str, int)) or given_id == "":
        given_id = article_id(url=url, title=title, text=text)
    raw_source = _field(record, "source")
    source = normalise_line(raw_source) or None if isinstance(raw_source, str) else None
    try:
        return Article(
            id=str(given_id),
            title=title,
            standfirst=_string(record, "standfirst") or _string(record, "description"),
            text=text,
            published=parse_date(_field(record, "published")),
            updated=parse_date(record.get("updated")),
            source=(outlet_by_name(source) or source) if source else layout.credit,
            url=url,
            authors=_authors(_field(record, "author")),
            dateline=dateline or layout.dateline,
            language=_string(record, "language") or "en",
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"invalid {field}: {first['msg']}") from None


def _string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if isinstance(value, str):
        value = normalise_line(value)
        return value or None
    return None


def _authors(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return split_authors(value)
    if isinstance(value, list):  # names, or objects with a name ({"name": "A. Writer"})
        names = [v.get("name") if isinstance(v, dict) else v for v in value]
        return split_authors("; ".join(v for v in names if isinstance(v, str)))
    return ()
