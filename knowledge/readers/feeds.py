"""RSS and Atom feeds (via feedparser): one article per entry."""

from __future__ import annotations

import calendar
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from knowledge.errors import ReadError
from knowledge.models import Article
from knowledge.readers.html import html_to_text, split_authors
from knowledge.readers.layout import tidy_paragraphs
from knowledge.readers.normalise import article_id, normalise_line, parse_date
from knowledge.readers.outlets import outlet_of_site


def read_feed(name: str, data: bytes) -> Iterator[Article | ReadError]:
    """Yield each distinct entry of a feed; a feed that cannot be parsed is one ``ReadError``."""
    try:
        parsed: Any = feedparser.parse(data)
    except (ValueError, LookupError, TypeError) as exc:
        # feedparser trusts the XML declaration: a corrupt encoding name there escapes it.
        detail = str(exc).strip().splitlines()
        yield ReadError(
            name, f"malformed feed ({detail[0][:200] if detail else type(exc).__name__})"
        )
        return
    entries = list(parsed.get("entries") or [])
    if not entries:
        if parsed.get("bozo"):
            yield ReadError(name, f"malformed feed ({_reason(parsed)})")
        else:
            yield ReadError(name, "feed has no entries")
        return
    feed_title = normalise_line(str(parsed.get("feed", {}).get("title") or ""))
    source = outlet_of_site(feed_title)
    seen: set[str] = set()
    results: list[Article | ReadError] = []
    for number, entry in enumerate(entries, start=1):
        key = str(entry.get("id") or entry.get("guid") or entry.get("link") or "")
        if key:
            if key in seen:
                continue
            seen.add(key)
        try:
            results.append(_entry_article(name, number, entry, source))
        except ReadError as error:
            results.append(error)
    if parsed.get("bozo") and not any(isinstance(r, Article) for r in results):
        # A broken feed whose parser salvaged only empty fragments: report the feed, not them.
        yield ReadError(name, f"malformed feed ({_reason(parsed)})")
        return
    yield from results


def _reason(parsed: Any) -> str:
    reason = parsed.get("bozo_exception")
    lines = str(reason).strip().splitlines() if reason else []
    return lines[0][:200] if lines else "unreadable"


def _entry_article(name: str, number: int, entry: Any, source: str | None) -> Article:
    title = html_to_text(str(entry.get("title") or "")).replace("\n\n", " ")
    # Full content (content:encoded, atom:content) beats the summary whenever the feed has it.
    contents = [str(c.get("value") or "") for c in entry.get("content") or []]
    markup = max(contents, key=len) if contents else str(entry.get("summary") or "")
    text = html_to_text(markup)
    if not text:
        raise ReadError(name, f"entry {number} ({title[:60] or 'untitled'}) has no text")
    layout = tidy_paragraphs(text.split("\n\n"))
    body = "\n\n".join(layout.paragraphs)
    if not body:
        raise ReadError(name, f"entry {number} ({title[:60] or 'untitled'}) has no text")
    link = str(entry.get("link") or "") or None
    names = [str(a.get("name") or "") for a in entry.get("authors") or [] if a.get("name")]
    authors = split_authors("; ".join(names) or str(entry.get("author") or ""))
    return Article(
        id=article_id(url=link, title=title, text=body),
        title=title,
        text=body,
        published=_entry_date(entry, "published") or _entry_date(entry, "updated"),
        updated=_entry_date(entry, "updated"),
        source=source or layout.credit,
        url=link,
        authors=authors,
        dateline=layout.dateline,
    )


def _entry_date(entry: Any, key: str) -> datetime | None:
    """feedparser gives dates as UTC ``struct_time``; fall back to the raw string."""
    # Plain dict access: feedparser's own lookup maps a missing "updated" to "published" with a
    # DeprecationWarning, and we want to know which of the two the feed really gave.
    parsed = dict.get(entry, f"{key}_parsed")
    if isinstance(parsed, time.struct_time):
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    return parse_date(dict.get(entry, key))
