"""Answer -> Telegram HTML: pure functions, no I/O, no handler state.

Everything that comes from an article or a user passes through ``html.escape`` exactly once,
here. Messages are split between paragraphs so that no tag is ever cut in half, and every
message stays under Telegram's 4096 UTF-16 code units (measured on the HTML source, which is
never shorter than the text Telegram counts after parsing).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import date

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
)
from telegram.constants import ParseMode

from knowledge.models import Answer, AnswerFact, AnswerQuote, SourceRef

MESSAGE_LIMIT = 4096
"""Telegram's limit on one message's text, in UTF-16 code units."""
CALLBACK_DATA_LIMIT = 64
"""Telegram's limit on a button's callback data, in bytes."""
INLINE_RESULTS_LIMIT = 50
"""Telegram's limit on results in one answer to an inline query."""

# One article field may be long (a pasted paragraph quoted in full); cap it so that any single
# paragraph fits one message with room for its markup.
_FIELD_LIMIT = 2500
_URL_LIMIT = 1000
_MAX_QUOTES = 8
_MAX_FACTS = 10
_MAX_SOURCES = 10
_MAX_FOLLOW_UPS = 3

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)

# Button actions; the callback data is "<action>|<payload>".
MORE_QUOTES = "mq"
SOURCES = "src"
RELATED = "rel"
ASK = "ask"
ACTIONS = frozenset({MORE_QUOTES, SOURCES, RELATED, ASK})


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (emoji and rare scripts count twice)."""
    return len(text.encode("utf-16-le")) // 2


def escape(text: str) -> str:
    """Escape article or user text for Telegram HTML."""
    return html.escape(text, quote=True)


def clip(text: str, limit: int) -> str:
    """Shorten plain text to ``limit`` characters at a word boundary, marking the cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip() + "…"


def field(text: str, budget: int = _FIELD_LIMIT) -> str:
    """Escaped ``text``, clipped so that the escaped form fits ``budget`` UTF-16 units.

    Escaping can grow text sixfold (``"`` -> ``&quot;``), so the cap applies after escaping.
    """
    clipped = clip(text, budget)
    escaped = escape(clipped)
    while utf16_len(escaped) > budget and clipped:
        clipped = clip(clipped, max(1, len(clipped) * 4 // 5))
        escaped = escape(clipped)
    return escaped


def format_date(day: date | None) -> str:
    """'6 February 2026': unambiguous for readers on both sides of the Atlantic."""
    if day is None:
        return ""
    return f"{day.day} {day:%B %Y}"


def _safe_url(url: str | None) -> str | None:
    # Telegram rejects some schemes and a javascript: link should never be clickable anyway.
    if url and len(url) <= _URL_LIMIT and url.lower().startswith(("http://", "https://")):
        return url
    return None


def link(text: str, url: str | None) -> str:
    """Escaped ``text`` (clipped to 300 units), linked to ``url`` when it is a web address."""
    label = field(text, 300)
    safe = _safe_url(url)
    if safe is None:
        return label
    return f'<a href="{escape(safe)}">{label}</a>'


def source_label(source: SourceRef) -> str:
    """The outlet's name, else the title, else the article id: what a reader recognises."""
    return source.outlet or source.title or source.article_id


def render_source_line(source: SourceRef) -> str:
    """'<a>Title</a> — Outlet, 3 February 2026' for a sources list."""
    parts = [link(source.title or source_label(source), source.url)]
    details = [
        d for d in (source.outlet if source.title else None, format_date(source.published)) if d
    ]
    if details:
        parts.append(" — " + field(", ".join(details), 300))
    return "".join(parts)


def render_quote(quote: AnswerQuote) -> str:
    """A blockquote with the verbatim words, then who said them, when, and where it was reported."""
    speaker = quote.speaker or "Unattributed"
    attribution = f"<b>{field(speaker, 200)}</b>"
    if quote.speaker_role:
        attribution += f", {field(quote.speaker_role, 200)}"
    details = []
    if quote.said_on:
        details.append(escape(format_date(quote.said_on)))
    details.append(link(source_label(quote.source), quote.source.url))
    if quote.attributed_via and quote.attributed_via != quote.source.outlet:
        details.append(f"via {field(quote.attributed_via, 200)}")
    # Direct quotes get quotation marks; indirect (reported) speech is shown as reported.
    words = f"“{field(quote.text)}”" if quote.kind == "direct" else field(quote.text)
    return f"<blockquote>{words}\n— {attribution} · {' · '.join(details)}</blockquote>"


def render_fact(fact: AnswerFact) -> str:
    """'• fact (Outlet)'."""
    line = f"• {field(fact.text, 1500)}"
    if fact.source is not None:
        line += f" ({link(source_label(fact.source), fact.source.url)})"
    return line


def answer_paragraphs(answer: Answer) -> list[str]:
    """The answer as HTML paragraphs, each well-formed on its own."""
    paragraphs: list[str] = []
    if answer.summary.strip():
        paragraphs.append(field(answer.summary))
    paragraphs.extend(render_quote(q) for q in answer.quotes[:_MAX_QUOTES])
    facts = [render_fact(f) for f in answer.facts[:_MAX_FACTS]]
    if facts:
        paragraphs.append("\n".join(facts))
    if answer.sources:
        lines = [
            f"{n}. {render_source_line(s)}" for n, s in enumerate(answer.sources[:_MAX_SOURCES], 1)
        ]
        paragraphs.append("<b>Sources</b>\n" + "\n".join(lines))
    if not paragraphs:
        paragraphs.append(escape("I don't know: I have no information about that yet."))
    return paragraphs


def split_messages(paragraphs: Iterable[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Pack paragraphs into as few messages as fit under ``limit`` UTF-16 units.

    A paragraph is never cut, so tags stay balanced; one that alone exceeds the limit (which the
    renderers' field caps prevent) is cut at a line break, else hard-cut as a last resort.
    """
    messages: list[str] = []
    current = ""
    for paragraph in paragraphs:
        for piece in _fit(paragraph, limit):
            candidate = f"{current}\n\n{piece}" if current else piece
            if utf16_len(candidate) <= limit:
                current = candidate
            else:
                if current:
                    messages.append(current)
                current = piece
    if current:
        messages.append(current)
    return messages


def _fit(paragraph: str, limit: int) -> list[str]:
    if utf16_len(paragraph) <= limit:
        return [paragraph]
    pieces: list[str] = []
    current = ""
    for line in paragraph.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if utf16_len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        while utf16_len(line) > limit:
            # Unreachable with the field caps above (every line with markup is far shorter);
            # kept so that a future renderer bug yields a cut message, not a lost reply.
            pieces.append(line[: limit // 2])
            line = line[limit // 2 :]
        current = line
    if current:
        pieces.append(current)
    return pieces


def render_answer(answer: Answer, limit: int = MESSAGE_LIMIT) -> list[str]:
    """The answer as one or more Telegram HTML messages."""
    return split_messages(answer_paragraphs(answer), limit)


def render_alert(
    topic_answers: Sequence[tuple[str, Answer]], limit: int = MESSAGE_LIMIT
) -> list[str]:
    """One alert for one follower: a heading, then what is new on each followed topic."""
    paragraphs = ["🔔 <b>New on what you follow</b>"]
    for topic, answer in topic_answers:
        paragraphs.append(f"<b>{field(topic, 100)}</b>")
        paragraphs.extend(answer_paragraphs(answer))
    return split_messages(paragraphs, limit)


def callback_data(action: str, payload: str) -> str | None:
    """``action|payload`` if it fits Telegram's 64 bytes, else None."""
    data = f"{action}|{payload}"
    return data if len(data.encode("utf-8")) <= CALLBACK_DATA_LIMIT else None


def parse_callback_data(data: str | None) -> tuple[str, str] | None:
    """The (action, payload) of a button press, or None for data this bot never sent."""
    if not data or "|" not in data:
        return None
    action, payload = data.split("|", 1)
    if action not in ACTIONS or not payload:
        return None
    return action, payload


def answer_keyboard(
    answer: Answer, ref: str | None, follow_up_refs: Sequence[tuple[str, str]] = ()
) -> InlineKeyboardMarkup | None:
    """Buttons under an answer.

    Args:
        answer: the answer the buttons belong to.
        ref: a payload (at most 60 bytes) that lets the button handler find the question
            again; None for no action buttons.
        follow_up_refs: (label, payload) pairs for suggested questions.
    """
    rows: list[list[InlineKeyboardButton]] = []
    if ref is not None and answer.known:
        row = []
        for label, action in (
            ("More quotes", MORE_QUOTES),
            ("Sources", SOURCES),
            ("Related", RELATED),
        ):
            data = callback_data(action, ref)
            if data is not None:
                row.append(InlineKeyboardButton(label, callback_data=data))
        if row:
            rows.append(row)
    for label, payload in follow_up_refs[:_MAX_FOLLOW_UPS]:
        data = callback_data(ASK, payload)
        if data is not None:
            rows.append([InlineKeyboardButton(clip(label, 60), callback_data=data)])
    return InlineKeyboardMarkup(rows) if rows else None


def question_keyboard(
    questions: Sequence[tuple[str, str]], *, share: bool = False
) -> InlineKeyboardMarkup | None:
    """One button per example question: (label, payload); ``share`` adds a button that opens
    inline mode in another chat, so people find out that they can ask from anywhere."""
    rows = []
    for label, payload in questions:
        data = callback_data(ASK, payload)
        if data is not None:
            rows.append([InlineKeyboardButton(clip(label, 60), callback_data=data)])
    if share:
        rows.append([InlineKeyboardButton("Ask from another chat", switch_inline_query="")])
    return InlineKeyboardMarkup(rows) if rows else None


def inline_results(answer: Answer) -> list[InlineQueryResultArticle]:
    """Answer cards for inline mode: the short answer first, then one card per quote (<= 50)."""
    results: list[InlineQueryResultArticle] = []
    if answer.summary.strip():
        first = render_answer(answer)[0]
        results.append(
            InlineQueryResultArticle(
                id="answer",
                title=clip(answer.summary, 120),
                description=", ".join(source_label(s) for s in answer.sources[:3]) or None,
                input_message_content=InputTextMessageContent(
                    first, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
                ),
            )
        )
    for n, quote in enumerate(answer.quotes[: INLINE_RESULTS_LIMIT - len(results)]):
        speaker = quote.speaker or "Unattributed"
        results.append(
            InlineQueryResultArticle(
                id=f"quote-{n}",
                title=f"{clip(speaker, 60)}: “{clip(quote.text, 80)}”",
                description=" · ".join(
                    d for d in (format_date(quote.said_on), source_label(quote.source)) if d
                ),
                input_message_content=InputTextMessageContent(
                    render_quote(quote), parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
                ),
            )
        )
    return results[:INLINE_RESULTS_LIMIT]


def plain_text(messages: Sequence[str]) -> str:
    """What a reader sees of rendered messages: tags dropped, entities decoded (for tests, logs)."""
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", "\n\n".join(messages)))
