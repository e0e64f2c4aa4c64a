"""Sentence-level answers: the full-text fallback, topic summaries, outcomes, 'who said X'.

Candidates come from the store's FTS5 (BM25) search and are re-ranked here by how many of the
question's concepts (each name, each topic word) a sentence covers, then by date, then BM25.
A sentence that covers too little is not an answer: the caller says it does not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from knowledge.answering.compose import answer_quote, fact, join_names
from knowledge.answering.facts import FactBase
from knowledge.answering.query import Query, Reply
from knowledge.answering.quotes import quote_key, speaker_role
from knowledge.answering.text import content_words, fold, stem, stems
from knowledge.models import EntityKind, Quote, Sentence, SourceRef

_OUTCOME_FORMS = {
    "agreed": r"agree[sd]?|agreeing|agreements?|deal|accord|consensus|truce|ceasefire",
    "offered": r"offer(s|ed|ing)?",
    "demanded": r"demand(s|ed|ing)?|insist(s|ed)?|call(s|ed)? for",
    "announced": r"announc(e|es|ed|ing|ement)",
    "decided": r"decid(e|es|ed|ing)|decision",
    "signed": r"sign(s|ed|ing)?",
    "promised": r"promis(e|es|ed|ing)",
    "pledged": r"pledg(e|es|ed|ing)",
    "proposed": r"propos(e|es|ed|ing|al|als)",
    "committed": r"commit(s|ted|ting|ment)?",
    "accepted": r"accept(s|ed|ing)?",
    "rejected": r"reject(s|ed|ing)?",
    "threatened": r"threat(s|en|ens|ened|ening)?",
}
_OUTCOME_QUERY_WORDS = {
    "agreed": "agreed agreement deal",
    "offered": "offered offer",
    "demanded": "demanded demands demand",
    "announced": "announced announcement",
}

MIN_COVERAGE = 0.6
_NON_WORD = re.compile(r"[^\w]+")


@dataclass
class _Hit:
    sentence: Sentence
    coverage: float
    bm25: float
    day: date


def _concepts(facts: FactBase, query: Query) -> list[tuple[str, list[str]]]:
    """What a sentence must cover: each name (with its other spellings) and each topic word."""
    concepts: list[tuple[str, list[str]]] = []
    for pid, name in query.people:
        entity = facts.entity(pid)
        surfaces = [name, name.split()[-1]]
        if entity is not None:
            surfaces.extend(a for a in entity.aliases if len(a) > 3)
        concepts.append(("name", surfaces))
    for link in query.links:
        if link.kind is EntityKind.PERSON:
            continue
        surfaces = [link.name, link.surface]
        country = facts.gazetteer.countries.get(link.name)
        if country is not None:
            surfaces.extend(country.aliases)
            surfaces.extend(country.demonyms)
        concepts.append(("name", surfaces))
    concepts.extend(("word", [term]) for term in query.terms)
    return concepts


def _plain(text: str) -> str:
    """Folded words separated by single spaces, for whole-word containment tests."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


def _covered(text: str, text_stems: set[str], concept: tuple[str, list[str]]) -> bool:
    kind, forms = concept
    if kind == "word":
        return stem(forms[0]) in text_stems
    folded = f" {_plain(text)} "
    for form in forms:
        form_words = _plain(form)
        if form_words and f" {form_words} " in folded:
            return True
    return False


def ranked_sentences(
    facts: FactBase,
    query: Query,
    *,
    extra: str = "",
    must: re.Pattern[str] | None = None,
    limit: int = 3,
    min_coverage: float = MIN_COVERAGE,
) -> list[_Hit]:
    """The question's best verbatim sentences, each covering enough of its concepts."""
    concepts = _concepts(facts, query)
    search_words = [s for _, forms in concepts for s in forms[:2]] + [extra]
    text = " ".join(w for w in search_words if w)
    if not text.strip():
        return []
    hits = facts.store.search_sentences(text, limit=120)
    if not hits:
        return []
    sources = facts.sources([s.article_id for s, _ in hits])
    ranked: list[_Hit] = []
    seen_text: set[str] = set()
    for sentence, bm25 in hits:
        if must is not None and not must.search(fold(sentence.text)):
            continue
        folded = " ".join(fold(sentence.text).split())
        if folded in seen_text or len(folded) < 20:
            continue
        sentence_stems = stems(sentence.text)
        if concepts:
            covered = sum(1 for c in concepts if _covered(sentence.text, sentence_stems, c))
            coverage = covered / len(concepts)
            if coverage < min_coverage or (len(concepts) >= 3 and covered < 2):
                continue
        else:
            coverage = 1.0
        seen_text.add(folded)
        source = sources.get(sentence.article_id)
        day = source.published if source and source.published else date.min
        ranked.append(_Hit(sentence, coverage, bm25, day))
    ranked.sort(key=lambda h: (round(h.coverage, 2), h.day, h.bm25), reverse=True)
    return ranked[:limit]


def answer_search(facts: FactBase, query: Query, *, intro: str = "") -> Reply | None:
    """The most relevant verbatim sentences with their sources, or None."""
    hits = ranked_sentences(facts, query)
    if not hits:
        return None
    sources = facts.sources([h.sentence.article_id for h in hits])
    lines = [fact(f"“{h.sentence.text}”", sources.get(h.sentence.article_id)) for h in hits]
    best = hits[0].coverage
    return Reply(
        summary=intro or "Here is what the articles say, most relevant first:",
        facts=lines,
        sources=list(sources.values()),
        confidence=round(0.3 + 0.5 * best, 2),
        follow_ups=["Who reported it?", "Latest quotes"],
        entity_ids=query.entity_ids(),
        entity_names=tuple(query.names()),
    )


def answer_outcome(facts: FactBase, query: Query) -> Reply | None:
    """What was agreed, offered, demanded or announced: sentences with that verb."""
    outcome = query.parsed.outcome or "agreed"
    forms = _OUTCOME_FORMS.get(outcome, _OUTCOME_FORMS["agreed"])
    must = re.compile(rf"\b({forms})\b")
    extra = _OUTCOME_QUERY_WORDS.get(outcome, outcome)
    hits = ranked_sentences(facts, query, extra=extra, must=must, limit=4, min_coverage=0.5)
    if not hits:
        return None
    sources = facts.sources([h.sentence.article_id for h in hits])
    lines = [fact(f"“{h.sentence.text}”", sources.get(h.sentence.article_id)) for h in hits]
    about = join_names(query.names())
    summary = f"What was {outcome}" + (f" ({about})" if about else "") + ", newest first:"
    return Reply(
        summary=summary,
        facts=lines,
        sources=list(sources.values()),
        confidence=0.7,
        entity_ids=query.entity_ids(),
        entity_names=tuple(query.names()),
    )


def answer_summary(facts: FactBase, query: Query, *, limit: int = 3) -> Reply | None:
    """Summaries of the newest articles on the topic (or of the newest articles overall)."""
    store = facts.store
    scores: dict[str, float] = {}
    ids = query.entity_ids()
    for entity_id in ids:
        for rank, article_id in enumerate(store.articles_mentioning([entity_id], limit=60)):
            scores[article_id] = scores.get(article_id, 0.0) + 10.0 - rank * 0.01
    if query.terms or query.links:
        for hit in ranked_sentences(facts, query, limit=30, min_coverage=0.5):
            scores[hit.sentence.article_id] = (
                scores.get(hit.sentence.article_id, 0.0) + 5 * hit.coverage
            )
    topical = bool(ids or query.terms or query.links)
    if topical and not scores:
        return None
    window = query.window
    if topical:
        candidates = store.articles(ids=list(scores)[:200], since=window.since, until=window.until)
    else:
        candidates = store.articles(limit=limit, since=window.since, until=window.until)
    if not candidates:
        return None
    if topical:
        best = max(scores.values())
        # Keep the articles about the whole topic, newest first.
        candidates = [a for a in candidates if scores.get(a.id, 0) >= best * 0.6]
    chosen = candidates[:limit]
    sources = facts.sources([a.id for a in chosen])
    lines = []
    for article in chosen:
        text = store.summary(article.id) or article.title
        lines.append(fact(text, sources.get(article.id)))
    about = join_names(query.names()) or " ".join(query.terms)
    summary = f"The latest on {about}:" if about else "The latest news I have:"
    if window.label:
        summary = summary[:-1] + f" ({window.label}):"
    return Reply(
        summary=summary,
        facts=lines,
        sources=list(sources.values()),
        confidence=0.7 if topical else 0.5,
        follow_ups=["Latest quotes", "Who reported it?"],
        entity_ids=ids,
        entity_names=tuple(query.names()),
    )


def answer_quote_search(facts: FactBase, query: Query) -> Reply | None:
    """'Who said the talks would fail?': the quote whose words match, with its speaker."""
    match = re.search(
        r"\bwho (said|says|warned|claimed|stated|declared|tweeted|wrote)\b(.*)$", query.text
    )
    phrase = match.group(2) if match else query.text
    phrase_words = [w for w in content_words(phrase) if len(w) > 2]
    if not phrase_words:
        return None
    wanted = {stem(w) for w in phrase_words}
    hits = facts.store.search_sentences(" ".join(phrase_words), limit=40)
    article_ids = list(dict.fromkeys(s.article_id for s, _ in hits))[:20]
    if not article_ids:
        return None
    best: list[tuple[float, Quote]] = []
    for quote in facts.store.quotes(article_ids=article_ids, limit=300):
        overlap = len(wanted & stems(quote.text)) / len(wanted)
        if overlap >= 0.6:
            best.append((overlap, quote))
    if not best:
        return None
    best.sort(key=lambda pair: pair[0], reverse=True)
    quotes = [pair[1] for pair in best[:3]]
    answer_quotes = []
    sources: list[SourceRef] = []
    for quote in quotes:
        source = facts.source(quote.article_id)
        sources.append(source)
        answer_quotes.append(answer_quote(quote, source, speaker_role(facts, quote.speaker_id)))
    speaker = answer_quotes[0].speaker or "An unnamed speaker"
    return Reply(
        summary=f"{speaker} said it:",
        quotes=answer_quotes,
        sources=sources,
        confidence=0.8,
        quote_keys=tuple(quote_key(q) for q in quotes),
    )
