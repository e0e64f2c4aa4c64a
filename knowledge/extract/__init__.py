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

from knowledge.extract.claims import find_claims
from knowledge.extract.entities import EntityIndex, find_entities
from knowledge.extract.events import find_events
from knowledge.extract.quotes import find_quotes
from knowledge.extract.sentences import split_sentences
from knowledge.extract.summary import summarise
from knowledge.models import Article, ArticleFacts, Sentence

__all__ = ["extract"]

# Articles longer than this are cut for extraction: a pathological multi-megabyte "article"
# must not stall ingest, and no real story needs more. Spans stay valid: the cut keeps a prefix.
_MAX_CHARS = 200_000


def extract(article: Article) -> ArticleFacts:
    """All facts of one article; never raises on odd input (empty, huge, no sentences)."""
    text = article.text
    view = (
        article
        if len(text) <= _MAX_CHARS
        else article.model_copy(update={"text": text[:_MAX_CHARS]})
    )
    sentences: list[Sentence] = split_sentences(view.id, view.text)
    index: EntityIndex = find_entities(view, sentences)
    return ArticleFacts(
        article=article,
        summary=summarise(view, sentences),
        sentences=tuple(sentences),
        entities=tuple(index.entities),
        quotes=tuple(find_quotes(view, sentences, index)),
        events=tuple(find_events(view, sentences, index)),
        claims=tuple(find_claims(view, sentences, index)),
    )
