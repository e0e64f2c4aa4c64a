"""``newsdesk ingest``, ``newsdesk facts`` and ``newsdesk extract``: thin layers over ``knowledge``.

Exit codes of ``ingest`` and ``extract``:

    0  every input was read (articles skipped as already stored count as read)
    1  some inputs failed (one line each on stderr), the others were ingested or extracted
    2  nothing could be done: every input failed, none was given or found, or the fact base
       could not be opened or written
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from itertools import chain
from typing import TextIO

from knowledge.config import resolve_db_path
from knowledge.errors import ReadError, StoreError
from knowledge.ingest import EXTRACTION_FAILURES, IngestReport, ingest_articles
from knowledge.models import Article, ArticleFacts, Entity, Event, Quote
from knowledge.store import Store

OK, PARTIAL, FAILED = 0, 1, 2


def run(args: argparse.Namespace) -> int:
    """Dispatch ``ingest``, ``facts`` or ``extract``; returns the exit code."""
    if args.command == "ingest":
        return ingest(args)
    if args.command == "facts":
        return facts(args)
    return extract(args)


# --------------------------------------------------------------------------- inputs


def sample_articles() -> Iterator[Article | ReadError]:
    """The sample articles shipped inside the ``knowledge`` package."""
    from knowledge.readers import read_document

    samples = resources.files("knowledge").joinpath("samples")
    for entry in sorted(samples.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            yield from read_document(f"samples/{entry.name}", entry.read_bytes())


def _inputs(paths: list[str], samples: bool) -> Iterable[Article | ReadError]:
    from knowledge.readers import read_paths

    stdin = getattr(sys.stdin, "buffer", None)
    read = read_paths(paths, stdin=stdin) if paths else iter(())
    return chain(sample_articles(), read) if samples else read


def _error(message: str, stream: TextIO | None = None) -> None:
    print(f"newsdesk: error: {' '.join(message.split())}", file=stream or sys.stderr)


# --------------------------------------------------------------------------- ingest


class Progress:
    """A one-line progress display on stderr, plus each error line as it happens.

    The counter line appears only on a terminal and only once a run has lasted ``delay``
    seconds, so short runs and redirected output stay clean.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        enabled: bool,
        delay: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.enabled = enabled
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.last_drawn = 0.0
        self.width = 0
        self.errors_shown = 0
        self.report = IngestReport()

    def __call__(self, report: IngestReport) -> None:
        self.report = report
        for message in report.errors[self.errors_shown :]:
            self.clear()
            _error(message, self.stream)
        self.errors_shown = len(report.errors)
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < self.delay or now - self.last_drawn < 0.2:
            return
        self.last_drawn = now
        rate = report.processed / max(now - self.started, 1e-9)
        line = (
            f"ingesting: {report.processed} read, {report.added} added, {report.updated} updated,"
            f" {report.skipped} skipped, {report.failed} failed ({rate:.0f}/s)"
        )
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def clear(self) -> None:
        """Erase the progress line, if one is shown."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def ingest(args: argparse.Namespace) -> int:
    """Read, extract and store; print what was done."""
    paths: list[str] = list(args.paths)
    if not paths and not args.samples:
        _error("nothing to ingest: give one or more PATHs, '-' for stdin, or --samples")
        return FAILED
    db_path = resolve_db_path(args.db)
    store = Store.open(db_path)
    progress = Progress(sys.stderr, enabled=sys.stderr.isatty() and not args.quiet)
    report = IngestReport()
    try:
        report = ingest_articles(store, _inputs(paths, args.samples), progress=progress)
    except StoreError as error:
        progress.clear()
        _error(str(error))
        return FAILED
    except KeyboardInterrupt:
        # Each article is its own transaction: whatever was reported stored is stored.
        progress.clear()
        print(
            f"ingest interrupted; kept what was stored: {progress.report.summary_line()}",
            file=sys.stderr,
        )
        raise
    finally:
        store.close()
    progress.clear()
    if not args.quiet:
        print(f"{db_path}: {report.summary_line()}")
    return _exit_code(done=report.added + report.updated + report.skipped, failed=report.failed)


def _exit_code(*, done: int, failed: int) -> int:
    if done == 0:
        if failed == 0:
            _error("no articles found in the given inputs")
        return FAILED
    return PARTIAL if failed else OK


# --------------------------------------------------------------------------- facts


def facts(args: argparse.Namespace) -> int:
    """List what the fact base holds."""
    limit = max(int(args.limit), 0)
    with Store.open(resolve_db_path(args.db)) as store:
        if args.kind == "entities":
            entities = store.entities(limit=limit)
            lines = [_entity_json(e) if args.json else _entity_line(e) for e in entities]
        elif args.kind == "quotes":
            quotes = store.quotes(limit=limit)
            lines = [q.model_dump_json() if args.json else _quote_line(q) for q in quotes]
        elif args.kind == "events":
            events = store.events(limit=limit)
            lines = [e.model_dump_json() if args.json else _event_line(e) for e in events]
        else:
            lines = []
            for article in store.articles(limit=limit):
                if args.json:
                    record = article.model_dump(mode="json")
                    record["summary"] = store.summary(article.id)
                    lines.append(json.dumps(record, ensure_ascii=False))
                else:
                    lines.append(_article_line(article))
        if not lines and not args.json:
            print(f"no {args.kind} in {store.path}", file=sys.stderr)
    for line in lines:
        print(line)
    return OK


def _article_line(article: Article) -> str:
    day = article.published.date().isoformat() if article.published else "undated   "
    return f"{day}  {article.source or '-'}  {article.title or '(untitled)'}  [{article.id}]"


def _entity_line(entity: Entity) -> str:
    line = f"{entity.kind.value:<12} {entity.name}"
    if entity.aliases:
        line += f" (also: {', '.join(entity.aliases)})"
    if entity.roles:
        role = entity.roles[0]
        line += f"; {role.title}" + (f", {role.affiliation}" if role.affiliation else "")
    return line


def _entity_json(entity: Entity) -> str:
    return entity.model_dump_json(exclude={"mentions"})


def _quote_line(quote: Quote) -> str:
    day = quote.said_on.isoformat() if quote.said_on else "undated   "
    via = f" (via {quote.attributed_via})" if quote.attributed_via else ""
    text = " ".join(quote.text.split())
    return f"{day}  {quote.speaker or 'unknown speaker'}{via}: {text}  [{quote.article_id}]"


def _event_line(event: Event) -> str:
    day = event.date_start.isoformat() if event.date_start else "undated   "
    who = ", ".join(p.name for p in event.participants) or "participants unknown"
    line = f"{day}  {event.kind.value} ({event.status.value}): {who}"
    if event.location and (event.location.city or event.location.country):
        line += " in " + ", ".join(x for x in (event.location.city, event.location.country) if x)
    return f"{line}  [{event.article_id}]"


# --------------------------------------------------------------------------- extract


def extract(args: argparse.Namespace) -> int:
    """Run extraction without storing; one JSON object a line per article."""
    from knowledge.extract import extract as extract_facts

    done = failed = 0
    for item in _inputs(list(args.paths), samples=False):
        if isinstance(item, ReadError):
            failed += 1
            _error(str(item))
            continue
        try:
            article_facts = extract_facts(item)
        except EXTRACTION_FAILURES as error:
            failed += 1
            _error(f"{item.url or item.id}: extraction failed: {type(error).__name__}: {error}")
            continue
        done += 1
        print(json.dumps(extraction_record(article_facts), ensure_ascii=False), flush=True)
    return _exit_code(done=done, failed=failed)


def extraction_record(article_facts: ArticleFacts) -> dict[str, object]:
    """The ``extract --json`` record of one article."""
    article = article_facts.article
    return {
        "id": article.id,
        "title": article.title,
        # The day, as JSON Lines inputs give it; the full timestamp is in published_at.
        "published": article.published.date().isoformat() if article.published else None,
        "published_at": article.published.isoformat() if article.published else None,
        "source": article.source,
        "url": article.url,
        "authors": list(article.authors),
        "dateline": article.dateline,
        "quotes": [
            quote.model_dump(mode="json", exclude={"article_id"}) for quote in article_facts.quotes
        ],
        "entities": [
            entity.model_dump(mode="json", exclude={"mentions"})
            for entity in article_facts.entities
        ],
        "events": [
            event.model_dump(mode="json", exclude={"article_id"}) for event in article_facts.events
        ],
        "claims": [
            claim.model_dump(mode="json", exclude={"article_id"}) for claim in article_facts.claims
        ],
        "summary": article_facts.summary,
    }
