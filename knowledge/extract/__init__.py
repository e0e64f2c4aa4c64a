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
from knowledge.extract.sentences import blank_teasers, split_sentences
from knowledge.extract.summary import summarise
from knowledge.models import Article, ArticleFacts, Sentence

__all__ = ["extract"]

# Articles longer than this are cut for extraction: a pathological multi-megabyte "article"
# must not stall ingest, and no real story needs more. Spans stay valid: the cut keeps a prefix.
_MAX_CHARS = 200_000


def extract(article: Article) -> ArticleFacts:
    """All facts of one article; never raises on odd input (empty, huge, no sentences)."""
    text = article.text[:_MAX_CHARS]
    # Stages read a view with inline bio-link teasers blanked out (same length, so spans hold):
    # "Sen. Ann Moe Ann Marie MoeFarm bill passes MORE (D-Ore.) said" reads as "Sen. Ann Moe
    # ... (D-Ore.) said". Texts shown to users are cut from the original afterwards.
    seen = blank_teasers(text)
    view = article if seen is article.text else article.model_copy(update={"text": seen})
    sentences: list[Sentence] = split_sentences(view.id, view.text)
    index: EntityIndex = find_entities(view, sentences)
    quotes = find_quotes(view, sentences, index)
    claims = find_claims(view, sentences, index)
    summary = summarise(view, sentences)
    events = find_events(view, sentences, index, quotes)
    if seen is not text:
        sentences = [s.model_copy(update={"text": text[s.start : s.end]}) for s in sentences]
        quotes = [q.model_copy(update={"text": text[q.start : q.end]}) for q in quotes]
        claims = [c.model_copy(update={"text": text[c.start : c.end]}) for c in claims]
        summary = " ".join(summary.split())
    return ArticleFacts(
        article=article,
        summary=summary,
        sentences=tuple(sentences),
        entities=tuple(index.entities),
        quotes=tuple(quotes),
        events=tuple(events),
        claims=tuple(claims),
    )
