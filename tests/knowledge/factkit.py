"""Hand-built facts for tests that store them directly, without extraction, and the one-call
entity stage the extraction tests share.

Shared so that each test module states only what its articles say, not how a sentence, a
person or a quote is put together (those blocks were copied from module to module).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from knowledge.extract.entities import EntityIndex, find_entities
from knowledge.extract.sentences import split_sentences
from knowledge.models import (
    Article,
    ArticleFacts,
    Entity,
    EntityKind,
    Participant,
    Quote,
    QuoteKind,
    Role,
    Sentence,
    Span,
    entity_id,
)


def entity_index(text: str) -> EntityIndex:
    """Extraction's entity stage over ``text`` as an article published on 3 February 2026."""
    article = Article(id="t", text=text, published=datetime(2026, 2, 3, tzinfo=UTC))
    return find_entities(article, split_sentences(article.id, text))


def numbered_article(n: int, text: str, *, year: int = 2030, month: int = 1) -> Article:
    """Article ``art-<n>`` published on day ``n`` of the month, from one invented outlet."""
    return Article(
        id=f"art-{n}",
        title=f"Article {n}",
        text=text,
        published=datetime(year, month, n, tzinfo=UTC),
        source="Example News",
        url=f"https://example.org/{n}",
    )


def sentences(article_id: str, text: str) -> tuple[Sentence, ...]:
    """The text cut at every full stop, each sentence's spaces trimmed."""
    out = []
    for index, match in enumerate(re.finditer(r"[^.]+(?:\.|$)\s*", text)):
        raw = match.group(0)
        start = match.start() + (len(raw) - len(raw.lstrip()))
        end = match.end() - (len(raw) - len(raw.rstrip()))
        if end > start:
            out.append(
                Sentence(
                    article_id=article_id, index=index, start=start, end=end, text=text[start:end]
                )
            )
    return tuple(out)


def person(name: str, alias: str, title: str, affiliation: str, article_id: str) -> Entity:
    """A person with one alias and one role, mentioned once in the article."""
    return Entity(
        id=entity_id(EntityKind.PERSON, name),
        kind=EntityKind.PERSON,
        name=name,
        aliases=(alias,),
        roles=(Role(title=title, affiliation=affiliation, as_of=None, article_id=article_id),),
        mentions=(Span(article_id=article_id, start=0, end=1),),
    )


def place(kind: EntityKind, name: str, article_id: str) -> Entity:
    """A place or country mentioned once in the article."""
    return Entity(
        id=entity_id(kind, name),
        kind=kind,
        name=name,
        mentions=(Span(article_id=article_id, start=0, end=1),),
    )


def quote(
    article_id: str,
    text: str,
    fragment: str,
    speaker: str,
    kind: QuoteKind,
    said_on: date | None,
) -> Quote:
    """``fragment`` of ``text`` as a quote said by ``speaker`` (cue 'said')."""
    start = text.index(fragment)
    return Quote(
        article_id=article_id,
        text=fragment,
        start=start,
        end=start + len(fragment),
        kind=kind,
        speaker=speaker,
        speaker_id=entity_id(EntityKind.PERSON, speaker),
        speaker_mention=speaker.split()[-1],
        cue="said",
        said_on=said_on,
    )


def country_party(name: str) -> Participant:
    """A country taking part in an event as a party."""
    return Participant(
        name=name, kind=EntityKind.COUNTRY, entity_id=entity_id(EntityKind.COUNTRY, name)
    )


def report(
    article_id: str,
    title: str,
    text: str,
    *,
    published: datetime,
    source: str,
    url: str | None = None,
    **facts: Any,
) -> ArticleFacts:
    """An article and its facts, cut into sentences by ``sentences``; ``facts`` are the other
    ``ArticleFacts`` fields (summary, entities, quotes, events...)."""
    article = Article(
        id=article_id, title=title, text=text, published=published, source=source, url=url
    )
    return ArticleFacts(article=article, sentences=sentences(article_id, text), **facts)
