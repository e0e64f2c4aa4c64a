"""Alerts see every article stored since the last check, however many arrived at once."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from knowledge.models import (
    Article,
    ArticleFacts,
    Entity,
    EntityKind,
    Quote,
    QuoteKind,
    entity_id,
)
from knowledge.store import Store

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)
SPEAKER = "Odile Brandt"
SAID = "The harbour will reopen on Monday."


def filler(n: int) -> ArticleFacts:
    text = f"Council notice number {n} about road works on the ring road."
    return ArticleFacts(
        article=Article(id=f"filler-{n}", title=f"Notice {n}", text=text, published=NOW)
    )


def harbour_report() -> ArticleFacts:
    text = f'"{SAID}" {SPEAKER}, the harbour master, said on Sunday.'
    start = 1
    person = Entity(
        id=entity_id(EntityKind.PERSON, SPEAKER),
        kind=EntityKind.PERSON,
        name=SPEAKER,
        aliases=("Brandt",),
    )
    quote = Quote(
        article_id="harbour",
        text=SAID,
        start=start,
        end=start + len(SAID),
        kind=QuoteKind.DIRECT,
        speaker=SPEAKER,
        speaker_id=person.id,
        speaker_mention=SPEAKER,
        cue="said",
    )
    assert text[quote.start : quote.end] == SAID
    article = Article(id="harbour", title="Harbour to reopen", text=text, published=NOW)
    return ArticleFacts(article=article, entities=(person,), quotes=(quote,))


def test_alert_finds_a_fact_beyond_the_first_page_of_a_large_ingest() -> None:
    store = Store.open(":memory:")
    engine = Engine(store, clock=lambda: NOW)
    # Someone must already be known by that name for the topic to link before the ingest.
    store.ingest(filler(0))
    before = store.last_seq()
    for n in range(1, 601):  # more than one page of Store.facts_since (500 articles)
        store.ingest(filler(n))
    store.ingest(harbour_report())
    alert = engine.alerts("Brandt", before)
    assert alert is not None
    assert [q.text for q in alert.quotes] == [SAID]
    assert engine.alerts("Brandt", store.last_seq()) is None
