"""The ingest pipeline: counts, error lines, a failing extraction skipped, idempotent re-runs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowledge.errors import ReadError
from knowledge.ingest import IngestReport, ingest_articles
from knowledge.models import (
    Article,
    ArticleFacts,
    Entity,
    EntityKind,
    Quote,
    QuoteKind,
    Sentence,
    entity_id,
)
from knowledge.store import Store


def article(n: int, text: str | None = None) -> Article:
    body = text if text is not None else f'Officials met in city {n}. "Progress," Jane Roe said.'
    return Article(
        id=f"art-{n}",
        title=f"Article {n}",
        text=body,
        published=datetime(2025, 1, n, tzinfo=UTC),
        url=f"https://example.org/{n}",
    )


def fake_extract(item: Article) -> ArticleFacts:
    """A deterministic stand-in for extraction: one sentence, one quote, one person."""
    if "EXPLODE" in item.text:
        raise ValueError("unexpected layout\nat offset 3")
    start = item.text.find('"')
    end = item.text.find('"', start + 1) + 1
    quotes = ()
    if start >= 0:
        quotes = (
            Quote(
                article_id=item.id,
                text=item.text[start:end],
                start=start,
                end=end,
                kind=QuoteKind.DIRECT,
                speaker="Jane Roe",
            ),
        )
    person = Entity(
        id=entity_id(EntityKind.PERSON, "Jane Roe"), kind=EntityKind.PERSON, name="Jane Roe"
    )
    return ArticleFacts(
        article=item,
        sentences=(
            Sentence(article_id=item.id, index=0, start=0, end=len(item.text), text=item.text),
        ),
        entities=(person,),
        quotes=quotes,
    )


def test_counts_and_seq_range(store: Store) -> None:
    report = ingest_articles(store, [article(1), article(2)], extractor=fake_extract)
    assert (report.added, report.updated, report.skipped, report.failed) == (2, 0, 0, 0)
    assert (report.quotes, report.entities, report.new_entities) == (2, 2, 1)
    assert report.seq_before == 0
    assert (report.first_seq, report.last_seq) == (1, 2)
    assert report.article_ids == ["art-1", "art-2"]
    assert report.summary_line() == (
        "2 added, 0 updated, 0 skipped; 2 quotes, 0 events, 2 entities (1 new)"
    )


def test_second_run_adds_nothing(store: Store) -> None:
    ingest_articles(store, [article(1), article(2)], extractor=fake_extract)
    again = ingest_articles(store, [article(1), article(2)], extractor=fake_extract)
    assert (again.added, again.updated, again.skipped) == (0, 0, 2)
    assert again.first_seq is None
    assert store.counts()["articles"] == 2


def test_changed_article_is_updated(store: Store) -> None:
    ingest_articles(store, [article(1)], extractor=fake_extract)
    report = ingest_articles(
        store, [article(1, 'New text. "Changed," Jane Roe said.')], extractor=fake_extract
    )
    assert (report.added, report.updated) == (0, 1)
    assert [q.text for q in store.quotes()] == ['"Changed,"']


def test_read_errors_and_failed_extraction_are_reported_and_skipped(store: Store) -> None:
    items: list[Article | ReadError] = [
        article(1),
        ReadError("feed.xml", "malformed feed"),
        article(2, "EXPLODE here"),
        ReadError("batch.jsonl", "malformed JSON", line=7),
        article(3),
    ]
    seen: list[int] = []
    report = ingest_articles(
        store, items, extractor=fake_extract, progress=lambda r: seen.append(r.processed)
    )
    assert (report.added, report.failed) == (2, 3)
    assert report.errors == [
        "feed.xml: malformed feed",
        "https://example.org/2: extraction failed: ValueError: unexpected layout at offset 3",
        "batch.jsonl:7: malformed JSON",
    ]
    assert seen == [1, 2, 3, 4, 5]
    assert store.article("art-2") is None
    assert store.article("art-3") is not None


def test_interrupt_keeps_what_was_stored(store: Store) -> None:
    def interrupting(item: Article) -> ArticleFacts:
        if item.id == "art-2":
            raise KeyboardInterrupt
        return fake_extract(item)

    with pytest.raises(KeyboardInterrupt):
        ingest_articles(store, [article(1), article(2), article(3)], extractor=interrupting)
    assert [a.id for a in store.articles()] == ["art-1"]


def test_empty_report_properties() -> None:
    report = IngestReport()
    assert (report.stored, report.processed) == (0, 0)


def test_stored_articles_are_not_extracted_again(store: Store) -> None:
    calls: list[str] = []

    def counting(item: Article) -> ArticleFacts:
        calls.append(item.id)
        return fake_extract(item)

    ingest_articles(store, [article(1), article(2)], extractor=counting)
    report = ingest_articles(store, [article(1), article(2), article(3)], extractor=counting)
    assert calls == ["art-1", "art-2", "art-3"]
    assert (report.added, report.skipped) == (1, 2)
