"""Alerts: which newly ingested quotes and events concern a followed topic."""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.answering.compose import answer_quote, fact
from knowledge.answering.events import event_key
from knowledge.answering.facts import FactBase
from knowledge.answering.query import Query, Reply
from knowledge.answering.quotes import quote_key
from knowledge.answering.reports import describe_group, group_reports
from knowledge.answering.text import fold
from knowledge.models import Event, Quote


def _topic_surfaces(facts: FactBase, query: Query, topic: str) -> list[str]:
    surfaces = [topic]
    for link in query.links:
        surfaces += facts.name_forms(link)
    return [fold(s) for s in surfaces if len(s.strip()) > 1]


def matching_facts(
    facts: FactBase,
    query: Query,
    topic: str,
    quotes: Sequence[Quote],
    events: Sequence[Event],
) -> Reply | None:
    """A reply listing the new quotes and events that mention the topic, or None."""
    ids = set(query.entity_ids())
    surfaces = _topic_surfaces(facts, query, topic)

    def mentions(text: str) -> bool:
        folded = fold(text)
        return any(s in folded for s in surfaces)

    new_quotes = [
        q
        for q in quotes
        if (q.speaker_id in ids) or mentions(" ".join(filter(None, (q.text, q.speaker))))
    ]
    new_events = [
        e
        for e in events
        if ids & {p.entity_id for p in e.participants if p.entity_id}
        or mentions(" ".join([p.name for p in e.participants] + list(e.agenda)))
        or (e.location is not None and mentions(f"{e.location.city} {e.location.country}"))
    ]
    if not new_quotes and not new_events:
        return None
    lines = []
    for group in group_reports(facts, new_events)[:5]:
        text, _, _ = describe_group(facts, query, group)
        lines.append(fact(text, facts.source(group[0].article_id)))
    answer_quotes = [
        answer_quote(q, facts.source(q.article_id), facts.quote_role(q)) for q in new_quotes[:5]
    ]
    return Reply(
        summary=f"New on {topic}:",
        quotes=answer_quotes,
        facts=lines,
        confidence=0.8,
        event_ids=tuple(event_key(e) for e in new_events),
        quote_keys=tuple(quote_key(q) for q in new_quotes[:5]),
    )
