"""The events of one article: analyse each sentence with a trigger, then merge the mentions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from knowledge.extract.dates import find_dates
from knowledge.extract.entities import EntityIndex
from knowledge.extract.events.agenda import agenda_items
from knowledge.extract.events.drafts import (
    Draft,
    Mention,
    absorb,
    happened_at_dateline,
    new_draft,
    target_draft,
    worth_keeping,
)
from knowledge.extract.events.parties import (
    MEDIATOR_CUE,
    Named,
    clause_bounds,
    clause_participants,
    find_mediators,
    in_clause,
    named_in,
)
from knowledge.extract.events.places import dateline_place, event_host, event_place
from knowledge.extract.events.reporting import event_date, reporters
from knowledge.extract.events.status import event_status
from knowledge.extract.events.triggers import KINDS, candidate_sentences, first_trigger, refers_back
from knowledge.models import Article, Event, EventKind, Sentence


def _analyse(
    sentence: Sentence,
    trigger: re.Match[str],
    published: date | None,
    named: Sequence[Named],
    index: EntityIndex,
) -> Mention:
    text = sentence.text
    kind = KINDS[trigger.lastgroup or "meeting"]
    clause = clause_bounds(text, trigger)
    city, country = event_place(text, trigger, kind, clause)
    agenda, topic_spans = agenda_items(text)
    host = event_host(text, named, index)
    dates = find_dates(text, published)
    reported_by, reported_on = reporters(text, named, dates)
    return Mention(
        kind=kind,
        trigger=(sentence.start + trigger.start(), sentence.start + trigger.end()),
        anaphoric=refers_back(text, trigger),
        participants=clause_participants(
            text, in_clause(named, clause), country, host, topic_spans
        ),
        city=city,
        country=country,
        host=host,
        when=event_date(text, dates, trigger),
        status=event_status(text, trigger),
        agenda=agenda,
        reported_by=reported_by,
        reported_on=reported_on,
    )


def find_events(article: Article, sentences: Sequence[Sentence], index: EntityIndex) -> list[Event]:
    """The events an article reports, one per distinct meeting/talks/summit/visit/call."""
    published = article.published.date() if article.published else None
    drafts: list[Draft] = []
    for sentence in candidate_sentences(article.text, sentences):
        text = sentence.text
        trigger = first_trigger(text)
        mediation = MEDIATOR_CUE.search(text) is not None
        if trigger is None and not mediation:
            continue
        named = named_in(index, sentence)
        if trigger is not None:
            mention = _analyse(sentence, trigger, published, named, index)
            target = target_draft(drafts, mention)
            if target is not None:
                absorb(target, mention, sentence)
            elif worth_keeping(mention):
                drafts.append(new_draft(mention, sentence))
        if mediation:
            mediators = find_mediators(text, named)
            if not mediators:
                continue
            target = max(drafts, key=lambda d: d.sentence_index) if drafts else None
            if target is None:
                target = Draft(
                    kind=EventKind.NEGOTIATION,
                    sentence_index=sentence.index,
                    first_paragraph=sentence.paragraph,
                )
                drafts.append(target)
            for participant in mediators:
                target.add_participant(participant)
            target.add_evidence(sentence)
            outlets, _ = reporters(text, named, ())
            target.add_reporters(outlets)
    place = dateline_place(article.dateline)
    for draft in drafts:
        draft.settle(published)
        if place is not None and draft.country is None and happened_at_dateline(draft, published):
            draft.city, draft.country = place
    return [draft.to_event(article.id, number) for number, draft in enumerate(drafts, 1)]
