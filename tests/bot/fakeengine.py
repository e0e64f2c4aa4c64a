"""Test doubles for the bot: a small fake answering engine and hand-built article facts.

Tests only: product code always talks to ``knowledge.answer.Engine``.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from typing import Any

from knowledge.models import (
    Answer,
    AnswerFact,
    AnswerQuote,
    Article,
    ArticleFacts,
    Quote,
    QuoteKind,
    SourceRef,
)
from knowledge.store import Store

TOKEN = "123456789:AAHfakefakefakefakefakefakefakefake1"
ADMIN = 4242

SOURCE = SourceRef(
    article_id="a1",
    outlet="Example <News> & Co",
    title="Talks set for Friday",
    published=date(2026, 2, 3),
    url="https://example.com/talks?a=1&b=2",
)


class FakeEngine:
    """Just enough of ``knowledge.answer.Engine`` to drive the handlers; records every call."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store
        self.calls: list[tuple[str, Any, Any]] = []
        self.fail = False
        self.quote_count = 1
        self.delay = 0.0

    def answer(self, question: str, *, chat_id: int | str | None = None) -> Answer:
        self.calls.append(("answer", question, chat_id))
        time.sleep(self.delay)
        if self.fail:
            raise RuntimeError("engine exploded")
        if "world cup" in question.lower():
            return Answer(
                question=question,
                intent="unknown",
                known=False,
                summary="I don't know: I have no information about that.",
                confidence=0.0,
            )
        quotes = tuple(
            AnswerQuote(
                text=f"We <will> talk & see #{n}",
                speaker="Ana <b>Smith</b>",
                speaker_role="foreign minister",
                said_on=date(2026, 2, 1),
                source=SOURCE,
            )
            for n in range(self.quote_count)
        )
        return Answer(
            question=question,
            intent="quotes",
            known=True,
            summary=f"Answer to <{question}>",
            quotes=quotes,
            facts=(AnswerFact(text="Talks in Istanbul on Friday", source=SOURCE),),
            sources=(SOURCE,),
            confidence=0.9,
            follow_ups=("What else did she say?",),
        )

    def command(
        self, name: str, argument: str | None = None, *, chat_id: int | str | None = None
    ) -> Answer:
        self.calls.append((name, argument, chat_id))
        if self.fail:
            raise RuntimeError("engine exploded")
        return Answer(
            question=f"/{name} {argument or ''}".strip(),
            intent=name,
            known=True,
            summary=f"command {name} about {argument}",
            sources=(SOURCE,),
            confidence=0.8,
        )

    def alerts(self, topic: str, since_seq: int) -> Answer | None:
        self.calls.append(("alerts", topic, since_seq))
        assert self.store is not None
        new = self.store.facts_since(since_seq)
        quotes = [q for q in new.quotes if topic.lower() in (q.speaker or "").lower()]
        if not quotes:
            return None
        return Answer(
            question=topic,
            intent="alert",
            known=True,
            summary=f"New on {topic}",
            quotes=tuple(
                AnswerQuote(text=q.text, speaker=q.speaker, source=SOURCE) for q in quotes
            ),
            confidence=1.0,
        )


def article_facts(article_id: str, speaker: str, words: str) -> ArticleFacts:
    """A stored article with one direct quote, built by hand (no extraction involved)."""
    text = f'{speaker} said: "{words}"'
    start = text.index(words)
    article = Article(
        id=article_id,
        title=f"{speaker} speaks",
        text=text,
        published=datetime(2026, 2, 4, tzinfo=UTC),
        source="Example News",
        url=f"https://example.com/{article_id}",
    )
    quote = Quote(
        article_id=article_id,
        text=words,
        start=start,
        end=start + len(words),
        kind=QuoteKind.DIRECT,
        speaker=speaker,
    )
    return ArticleFacts(article=article, quotes=(quote,))
