"""The engine's answer cache: a repeated context-free question is answered the same, and
new articles or a conversation's previous turn are never answered from the cache."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine, render_text
from knowledge.ingest import ingest_articles
from knowledge.models import Article
from knowledge.store import Store

NOW = datetime(2030, 3, 7, 12, 0, tzinfo=UTC)


def article(n: int, text: str) -> Article:
    return Article(
        id=f"art-{n}",
        title=f"Article {n}",
        text=text,
        published=datetime(2030, 3, n, tzinfo=UTC),
        source="Example News",
        url=f"https://example.org/{n}",
    )


FIRST = (
    "Finance Minister Oren Halvard presented the budget in Leeds on Monday. "
    '"Taxes will fall next year," Halvard said.'
)
SECOND = (
    "Finance Minister Oren Halvard spoke in York on Wednesday. "
    '"Pensions will rise in the autumn," Halvard said.'
)


def test_repeated_question_same_answer_and_new_articles_seen() -> None:
    store = Store.open(":memory:")
    ingest_articles(store, [article(1, FIRST)])
    engine = Engine(store, clock=lambda: NOW)
    uncached = Engine(store, clock=lambda: NOW, answer_cache=0)
    first = render_text(engine.answer("What did Halvard say?"))
    assert "Taxes will fall" in first
    assert render_text(engine.answer("What did Halvard say?")) == first
    assert render_text(uncached.answer("What did Halvard say?")) == first
    ingest_articles(store, [article(2, SECOND)])
    assert "Pensions will rise" in render_text(engine.answer("What did Halvard say?"))
    store.close()


def test_a_follow_up_is_not_answered_from_the_cache() -> None:
    store = Store.open(":memory:")
    ingest_articles(store, [article(1, FIRST)])
    engine = Engine(store, clock=lambda: NOW)
    alone = render_text(engine.answer("who is he?"))
    engine.answer("What did Halvard say?", chat_id=7)
    follow_up = render_text(engine.answer("who is he?", chat_id=7))
    assert "Halvard" in follow_up
    assert follow_up != alone
    store.close()
