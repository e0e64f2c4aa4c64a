"""Quote answers: what a person, a country or body said, about a topic, or the latest overall."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from knowledge.answering.compose import answer_quote, join_names, role_text, unique_roles
from knowledge.answering.facts import FactBase
from knowledge.answering.query import Query, Reply
from knowledge.answering.text import fold, stem, stems
from knowledge.models import AnswerFact, EntityKind, Quote, QuoteKind

PAGE = 5
LATEST = 6


def quote_key(quote: Quote) -> tuple[str, int]:
    return (quote.article_id, quote.start)


def quote_day(quote: Quote, facts: FactBase) -> date:
    return quote.said_on or facts.source(quote.article_id).published or date.min


def _mentions(text: str, surfaces: Iterable[str], terms: Iterable[str]) -> bool:
    """Does a quote talk about the topic: a name of it, or one of its words' stems?"""
    folded = fold(text)
    if any(s and fold(s) in folded for s in surfaces):
        return True
    term_stems = {stem(t) for t in terms}
    return bool(term_stems) and bool(term_stems & stems(text))


def _topic_surfaces(facts: FactBase, query: Query) -> list[str]:
    surfaces: list[str] = []
    for link in query.topic_links:
        surfaces.append(link.name)
        surfaces.append(link.surface)
        country = facts.gazetteer.countries.get(link.name)
        if country is not None:
            surfaces.extend(country.aliases)
            surfaces.extend(country.demonyms)
        for entity in facts.entities(link.entity_ids[:1]).values():
            surfaces.extend(entity.aliases)
    return [s for s in surfaces if len(s) > 1]


def speaker_role(facts: FactBase, speaker_id: str | None) -> str | None:
    if not speaker_id:
        return None
    entity = facts.entity(speaker_id)
    if entity is None or entity.kind is not EntityKind.PERSON:
        return None
    roles = unique_roles(entity.roles, limit=1)
    return role_text(roles[0]) if roles else None


def group_speakers(facts: FactBase, query: Query) -> tuple[list[str], list[str]]:
    """Speaker ids for the countries and bodies a question names: the body itself and the
    people affiliated with it; and the names of those groups."""
    ids: list[str] = []
    names: list[str] = []
    for link in query.groups:
        names.append(link.name)
        ids.extend(link.entity_ids)
        ids.extend(sorted(facts.roles().affiliated(link.name)))
    return list(dict.fromkeys(ids)), names


def _unnamed_group_quotes(facts: FactBase, query: Query, names: list[str]) -> list[Quote]:
    """Quotes whose speaker is the group described, not a named person ('Iranian officials')."""
    words = {fold(n) for n in names}
    for link in query.groups:
        country = facts.gazetteer.countries.get(link.name)
        if country is not None:
            words.update(fold(d) for d in country.demonyms)
            words.update(fold(a) for a in country.aliases if len(a) > 2)
    if not words:
        return []
    hits = facts.store.search_sentences(" ".join(names), limit=60)
    article_ids = list(dict.fromkeys(s.article_id for s, _ in hits))[:30]
    if not article_ids:
        return []
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(words)) + r")\b")
    out = []
    for quote in facts.store.quotes(article_ids=article_ids, limit=300):
        described = " ".join(
            filter(None, (quote.speaker, quote.speaker_mention, quote.speaker_role))
        )
        if pattern.search(fold(described)):
            out.append(quote)
    return out


def answer_quotes(facts: FactBase, query: Query) -> Reply:
    """Quotes by the people or groups named, about the topic named, newest first."""
    store = facts.store
    window = query.window
    since, until = window.since, window.until
    who = join_names([name for _, name in query.people])
    if query.people:
        candidates = store.quotes(speaker_ids=list(query.person_ids), limit=200)
    elif query.groups:
        ids, names = group_speakers(facts, query)
        who = join_names(names)
        candidates = store.quotes(speaker_ids=ids[:900], limit=200) if ids else []
        candidates += _unnamed_group_quotes(facts, query, names)
    elif query.topic_links or query.terms:
        topic_query = " ".join([*(link.surface for link in query.topic_links), *query.terms])
        hits = store.search_sentences(topic_query, limit=60)
        article_ids = list(dict.fromkeys(s.article_id for s, _ in hits))[:30]
        candidates = store.quotes(article_ids=article_ids, limit=200) if article_ids else []
    else:
        candidates = store.quotes(limit=200, since=since, until=until)
    if window.bounded:
        candidates = [q for q in candidates if window.contains(quote_day(q, facts))]
    about_speaker = bool(query.people or query.groups)
    topic_terms = list(query.topic_terms) if about_speaker else list(query.terms)
    if query.topic_links or topic_terms:
        surfaces = _topic_surfaces(facts, query)
        candidates = [q for q in candidates if _mentions(q.text, surfaces, topic_terms)]
    unique = {quote_key(q): q for q in candidates if quote_key(q) not in query.exclude_quotes}
    candidates = list(unique.values())
    if not (query.people or query.groups or query.topic_links or query.terms):
        direct = [q for q in candidates if q.kind is QuoteKind.DIRECT]
        if len(direct) >= 3:
            candidates = direct
    # Newest reports first; within one report, the exact words before paraphrase.
    candidates.sort(
        key=lambda q: (
            facts.source(q.article_id).published or quote_day(q, facts),
            q.kind is QuoteKind.DIRECT,
            quote_day(q, facts),
            -q.start,
        ),
        reverse=True,
    )
    limit = PAGE if (query.people or query.groups) else LATEST
    chosen = candidates[:limit]
    topic = join_names([link.name for link in query.topic_links]) or " ".join(topic_terms)
    if not chosen:
        return _no_quotes(facts, query, who, topic)
    sources = facts.sources([q.article_id for q in chosen])
    quotes = [
        answer_quote(q, facts.source(q.article_id), speaker_role(facts, q.speaker_id))
        for q in chosen
    ]
    more = "more " if query.exclude_quotes else ""
    if who:
        summary = f"Here is {'more of ' if more else ''}what {who} said"
    else:
        summary = f"The {more}latest quotes"
    if topic and (who or query.topic_links):
        summary += f" about {topic}"
    if window.label:
        summary += f" ({window.label})"
    summary += ", newest first:"
    speakers = {q.speaker_id for q in chosen if q.speaker_id}
    person = query.people[0] if len(query.people) == 1 else None
    if person is None and len(speakers) == 1:
        only = chosen[0]
        if only.speaker_id:
            person = (only.speaker_id, only.speaker or facts.name(only.speaker_id))
    follow_ups = []
    if person is not None:
        follow_ups += [f"What else did {person[1]} say?", f"Who is {person[1]}?"]
    follow_ups.append("Who reported it?")
    return Reply(
        summary=summary,
        quotes=quotes,
        sources=list(sources.values()),
        confidence=0.9 if (query.people or query.groups) else 0.75,
        follow_ups=follow_ups,
        person=person,
        entity_ids=query.entity_ids(),
        entity_names=tuple(query.names()),
        quote_keys=tuple(quote_key(q) for q in chosen) + tuple(query.exclude_quotes),
    )


def _no_quotes(facts: FactBase, query: Query, who: str, topic: str) -> Reply:
    subject = who or "anyone"
    if query.exclude_quotes:
        summary = f"I couldn't find any more quotes by {subject}"
    else:
        summary = f"I couldn't find any quotes by {subject}"
    if topic:
        summary += f" about {topic}"
    if query.window.label:
        summary += f" {query.window.label}"
    summary += "."
    facts_out: list[AnswerFact] = []
    if query.people:
        entity = facts.entity(query.people[0][0])
        if entity is not None:
            roles = unique_roles(entity.roles, limit=2)
            if roles:
                summary += f" I know {entity.name} as {', '.join(role_text(r) for r in roles)}."
    elif not who and not topic:
        summary = "I don't know of any quotes yet: the fact base has none."
    return Reply(
        summary=summary,
        known=False,
        confidence=0.2,
        facts=facts_out,
        person=query.people[0] if query.people else None,
        entity_ids=query.entity_ids(),
        entity_names=tuple(query.names()),
    )
