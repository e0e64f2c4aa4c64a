"""Pieces of an ``Answer`` and its plain-text rendering (what ``newsdesk ask`` prints).

The text rendering is also what benchmarks judge: summary, then quotes with speaker, date and
source, then supporting facts, then the sources list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from knowledge.answering.text import words_of
from knowledge.models import (
    Answer,
    AnswerFact,
    AnswerQuote,
    Quote,
    QuoteKind,
    Role,
    SourceRef,
)

# Titles that relate a person to another person rather than to a body: "son-in-law of X".
RELATION_TITLES = frozenset(
    words_of(
        """
    son-in-law daughter-in-law father-in-law mother-in-law brother-in-law sister-in-law son
    daughter wife husband brother sister father mother widow widower nephew niece cousin uncle
    aunt grandson granddaughter partner friend ally
    """
    )
)


def neutral_day(days: Iterable[date | None]) -> date:
    """The day to rank an undated report by among these: the median of the dated ones.

    Undated articles (feeds and archives without a date) would otherwise sink below every
    dated fact however relevant they are; the median makes them neither newest nor oldest.
    """
    dated = sorted(d for d in days if d is not None and d != date.min)
    return dated[len(dated) // 2] if dated else date.min


def day_text(day: date | None) -> str:
    """'Friday 6 February 2026' (empty for None)."""
    if day is None:
        return ""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_day(day: date | None) -> str:
    """'6 February 2026' (empty for None)."""
    if day is None:
        return ""
    return f"{day.day} {day:%B %Y}"


def role_text(role: Role) -> str:
    """A role as a reader writes it: 'special envoy of the United States', 'son-in-law of
    Ann Lee'."""
    title = role.title.strip()
    affiliation = (role.affiliation or "").strip()
    if not affiliation or affiliation.casefold() in title.casefold():
        return title
    if title.casefold() in RELATION_TITLES:
        return f"{title} of {affiliation}"
    return f"{title} of {_with_article(affiliation)}"


def _with_article(name: str) -> str:
    """'United States' -> 'the United States', 'International Crisis Group' -> 'the ...'."""
    words = name.split()
    if not words or words[0].casefold() == "the" or name.isupper():
        return name
    plural_country = len(words) == 1 and name.endswith("s") and name[:1].isupper()
    body_words = {
        "united",
        "republic",
        "kingdom",
        "union",
        "nations",
        "group",
        "council",
        "ministry",
        "organisation",
        "organization",
        "agency",
        "committee",
        "party",
        "court",
        "bank",
        "fund",
        "institute",
        "department",
        "office",
        "forces",
        "army",
        "government",
        "commission",
        "alliance",
        "league",
        "foundation",
    }
    if plural_country or any(w.casefold() in body_words for w in words):
        return f"the {name}"
    return name


def unique_roles(roles: Iterable[Role], limit: int = 4) -> list[Role]:
    """Roles without repeats (same title and affiliation), newest first as given."""
    seen: set[tuple[str, str]] = set()
    out: list[Role] = []
    for role in roles:
        k = (role.title.casefold(), (role.affiliation or "").casefold())
        if k in seen or not role.title.strip():
            continue
        seen.add(k)
        out.append(role)
        if len(out) >= limit:
            break
    return out


def answer_quote(quote: Quote, source: SourceRef, speaker_role: str | None = None) -> AnswerQuote:
    """The answer's view of a stored quote; dated by when it was said, else published."""
    return AnswerQuote(
        text=quote.text,
        speaker=quote.speaker or quote.speaker_mention,
        speaker_role=speaker_role or quote.speaker_role,
        said_on=quote.said_on or source.published,
        kind=quote.kind,
        attributed_via=quote.attributed_via,
        source=source,
    )


def unique_sources(sources: Iterable[SourceRef | None]) -> tuple[SourceRef, ...]:
    """Sources without repeats, in first-seen order."""
    seen: dict[str, SourceRef] = {}
    for source in sources:
        if source is not None and source.article_id not in seen:
            seen[source.article_id] = source
    return tuple(seen.values())


def source_label(source: SourceRef) -> str:
    """'Anadolu Agency, 3 February 2026'."""
    parts = [source.outlet or source.title or source.article_id]
    if source.published:
        parts.append(short_day(source.published))
    return ", ".join(parts)


def quote_line(quote: AnswerQuote) -> str:
    """One quote as plain text: the words, then who said them, when and where reported."""
    text = quote.text.strip()
    if quote.kind is QuoteKind.DIRECT and not text.startswith(("“", '"', "‘")):
        text = f"“{text}”"
    who = quote.speaker or "unnamed speaker"
    if quote.speaker_role:
        who += f" ({quote.speaker_role})"
    detail = [who]
    if quote.said_on:
        detail.append(short_day(quote.said_on))
    where = quote.source.outlet or quote.source.title
    if quote.attributed_via and quote.attributed_via != where:
        where = f"{quote.attributed_via}, via {where}" if where else quote.attributed_via
    if where:
        detail.append(where)
    prefix = "" if quote.kind is QuoteKind.DIRECT else "(reported speech) "
    return f"{prefix}{text}\n  — {', '.join(detail)}"


def render_text(answer: Answer) -> str:
    """The plain text a user reads: summary, quotes, facts and sources."""
    blocks: list[str] = [answer.summary.strip()]
    if answer.quotes:
        blocks.append("\n".join(quote_line(q) for q in answer.quotes))
    if answer.facts:
        lines = []
        for fact in answer.facts:
            line = f"• {fact.text.strip()}"
            if fact.source is not None:
                line += f" ({source_label(fact.source)})"
            lines.append(line)
        blocks.append("\n".join(lines))
    if answer.sources:
        lines = ["Sources:"]
        for source in answer.sources:
            line = f"• {source.outlet or 'Unknown outlet'}"
            if source.title:
                line += f" — {source.title}"
            if source.published:
                line += f" ({short_day(source.published)})"
            if source.url:
                line += f" {source.url}"
            lines.append(line)
        blocks.append("\n".join(lines))
    return "\n\n".join(b for b in blocks if b)


def join_names(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def fact(text: str, source: SourceRef | None = None) -> AnswerFact:
    return AnswerFact(text=text, source=source)
