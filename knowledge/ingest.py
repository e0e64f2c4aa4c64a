"""The ingest pipeline: readers' output in, facts extracted and stored, a report out.

One bad input never stops a batch: a ``ReadError`` from a reader, or an article whose
extraction fails, becomes one line in ``IngestReport.errors`` and the rest goes on. A
``StoreError`` does stop it (the database itself is unusable); everything stored before it
stays stored, because each article is its own transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from knowledge.errors import NewsdeskError, ReadError
from knowledge.models import Article, ArticleFacts
from knowledge.store import IngestStatus, Store

Extractor = Callable[[Article], ArticleFacts]

# What a failing extraction of one article may raise: programming errors in a rule meeting
# text it did not expect. Anything else (MemoryError, KeyboardInterrupt, StoreError) stops the
# batch as it should.
EXTRACTION_FAILURES: tuple[type[BaseException], ...] = (
    ArithmeticError,
    AttributeError,
    LookupError,
    NewsdeskError,
    RecursionError,
    TypeError,
    ValueError,
    re.error,
)


@dataclass
class IngestReport:
    """What one ingest run did. Updated in place while it runs (progress callbacks see it)."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    quotes: int = 0
    events: int = 0
    claims: int = 0
    entities: int = 0
    new_entities: int = 0
    errors: list[str] = field(default_factory=list)
    seq_before: int = 0
    """The store's last sequence number before this run: alerts ask for facts since it."""
    first_seq: int | None = None
    last_seq: int | None = None
    article_ids: list[str] = field(default_factory=list)
    """Ids of the articles added or updated, in order."""

    @property
    def stored(self) -> int:
        """Articles added or updated."""
        return self.added + self.updated

    @property
    def processed(self) -> int:
        """Inputs handled so far, failed ones included."""
        return self.added + self.updated + self.skipped + self.failed

    def summary_line(self) -> str:
        """One line for people: what was added, updated and skipped, and the facts stored."""
        line = (
            f"{self.added} added, {self.updated} updated, {self.skipped} skipped"
            f"; {self.quotes} quotes, {self.events} events, {self.entities} entities"
            f" ({self.new_entities} new)"
        )
        if self.failed:
            line += f"; {self.failed} failed"
        return line


def _one_line(text: str) -> str:
    return " ".join(text.split())


def ingest_articles(
    store: Store,
    items: Iterable[Article | ReadError],
    *,
    progress: Callable[[IngestReport], None] | None = None,
    extractor: Extractor | None = None,
) -> IngestReport:
    """Extract and store every article of ``items``; report read and extraction errors.

    Args:
        store: where the facts go.
        items: what a reader yields: articles, and ``ReadError`` for inputs it could not read.
        progress: called with the running report after each item.
        extractor: ``Article -> ArticleFacts``; default ``knowledge.extract.extract``.

    Raises:
        StoreError: the fact base could not be written; articles stored before it remain.
    """
    if extractor is None:
        # Imported here so that importing the pipeline does not load the gazetteers.
        from knowledge.extract import extract

        extractor = extract
    report = IngestReport(seq_before=store.last_seq())
    for item in items:
        if isinstance(item, ReadError):
            report.failed += 1
            report.errors.append(_one_line(str(item)))
        else:
            _ingest_one(store, item, extractor, report)
        if progress is not None:
            progress(report)
    return report


def _ingest_one(store: Store, article: Article, extractor: Extractor, report: IngestReport) -> None:
    if store.already_stored(article) is not None:
        report.skipped += 1
        return
    try:
        facts = extractor(article)
    except EXTRACTION_FAILURES as error:
        report.failed += 1
        where = article.url or article.id
        reason = _one_line(str(error)) or type(error).__name__
        report.errors.append(f"{where}: extraction failed: {type(error).__name__}: {reason}")
        return
    result = store.ingest(facts)
    if result.status is IngestStatus.SKIPPED:
        report.skipped += 1
        return
    if result.status is IngestStatus.ADDED:
        report.added += 1
    else:
        report.updated += 1
    report.quotes += result.quotes
    report.events += result.events
    report.claims += result.claims
    report.entities += result.entities
    report.new_entities += result.new_entities
    report.article_ids.append(result.article_id)
    if report.first_seq is None:
        report.first_seq = result.seq
    report.last_seq = result.seq
