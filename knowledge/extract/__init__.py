"""Extraction: an ``Article`` in, its ``ArticleFacts`` out, as named stages over character spans.

Contract (used by ingest and ``newsdesk extract``):

    extract(article: Article) -> ArticleFacts

Stages, each usable alone:

1. ``sentences.split_sentences``: paragraphs and sentences, page clutter left out.
2. ``entities.find_entities``: people (with titles and appositions), organisations, countries,
   places and outlets, as an ``EntityIndex``.
3. ``coref``: surnames, role nouns and pronouns resolved to the full name meant.
4. ``quotes.find_quotes``: direct and indirect quotes with cue, speaker, date and relaying outlet.
5. ``events``, ``summary``, ``claims``: events, a short extractive summary, reported claims.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from typing import Any

from knowledge.extract.entities import EntityIndex, find_entities
from knowledge.extract.sentences import split_sentences
from knowledge.models import Article, ArticleFacts, Claim, Event, Quote, Sentence

__all__ = ["extract"]

# Articles longer than this are cut for extraction: a pathological multi-megabyte "article"
# must not stall ingest, and no real story needs more.
_MAX_CHARS = 200_000


@cache
def _optional_stage(module: str, name: str) -> Callable[..., Any] | None:
    """A later stage's entry point, or None while that stage is not written yet (looked up once)."""
    try:
        mod = importlib.import_module(f"knowledge.extract.{module}")
    except ImportError:
        return None
    stage = getattr(mod, name, None)
    return stage if callable(stage) else None


def extract(article: Article) -> ArticleFacts:
    """All facts of one article; never raises on odd input (empty, huge, no sentences)."""
    text = article.text
    if len(text) > _MAX_CHARS:
        text = text[:_MAX_CHARS]
    sentences: list[Sentence] = split_sentences(article.id, text)
    if text is not article.text:
        article_view = article.model_copy(update={"text": text})
    else:
        article_view = article
    index: EntityIndex = find_entities(article_view, sentences)

    quotes: list[Quote] = []
    find_quotes = _optional_stage("quotes", "find_quotes")
    if find_quotes is not None:
        quotes = list(find_quotes(article_view, sentences, index))

    events: list[Event] = []
    find_events = _optional_stage("events", "find_events")
    if find_events is not None:
        events = list(find_events(article_view, sentences, index))

    summary = ""
    summarise = _optional_stage("summary", "summarise")
    if summarise is not None:
        summary = str(summarise(article_view, sentences))

    claims: list[Claim] = []
    find_claims = _optional_stage("claims", "find_claims")
    if find_claims is not None:
        claims = list(find_claims(article_view, sentences, index))

    return ArticleFacts(
        article=article,
        summary=summary,
        sentences=tuple(sentences),
        entities=tuple(index.entities),
        quotes=tuple(quotes),
        events=tuple(events),
        claims=tuple(claims),
    )
