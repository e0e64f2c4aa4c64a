"""The engine's answer cache: a repeated context-free question is answered the same, and
new articles or a conversation's previous turn are never answered from the cache."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine, render_text
from knowledge.answering.memory import Turn
from knowledge.answering.query import Query, Reply
from knowledge.ingest import ingest_articles
from knowledge.models import Article
from knowledge.store import Store
from tests.knowledge.factkit import numbered_article

NOW = datetime(2030, 3, 7, 12, 0, tzinfo=UTC)


def article(n: int, text: str) -> Article:
    return numbered_article(n, text, month=3)


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


def test_a_self_contained_question_after_an_unrelated_turn_uses_the_cache() -> None:
    """A question naming what it asks about, with no pronoun or ellipsis, is answered the
    same after an unrelated turn as in a new chat, from the cache, and the chat still
    remembers it as its last turn."""
    store = Store.open(":memory:")
    ingest_articles(store, [article(1, FIRST), article(2, SECOND)])
    engine = Engine(store, clock=lambda: NOW)
    uncached = Engine(store, clock=lambda: NOW, answer_cache=0)
    fresh = render_text(uncached.answer("What did Halvard say about pensions?"))
    assert "Pensions will rise" in fresh
    assert render_text(engine.answer("What did Halvard say about pensions?")) == fresh
    engine.answer("Where was the budget presented?", chat_id=3)
    calls = 0
    real = engine._respond

    def counted(query: Query, previous: Turn | None) -> Reply:
        nonlocal calls
        calls += 1
        return real(query, previous)

    engine._respond = counted  # type: ignore[method-assign]
    after = render_text(engine.answer("What did Halvard say about pensions?", chat_id=3))
    assert after == fresh
    assert calls == 0  # answered from the cache
    # Asked first after an unrelated turn (not cached yet): the same answer, and cached.
    other = Engine(store, clock=lambda: NOW)
    other.answer("Where was the budget presented?", chat_id=4)
    assert render_text(other.answer("What did Halvard say about pensions?", chat_id=4)) == fresh
    assert render_text(other.answer("What did Halvard say about pensions?")) == fresh
    # The memory holds the new turn: a follow-up reads it, not the unrelated one.
    follow_up = render_text(engine.answer("what else did he say?", chat_id=3))
    assert "Halvard" in follow_up
    assert "Taxes will fall" in follow_up
    store.close()


def test_sources_after_a_turn_are_not_answered_from_the_cache() -> None:
    """'sources' names nothing, and after an answer it means that answer's sources: the
    reply cached for a new chat is not used in a chat with a previous turn."""
    store = Store.open(":memory:")
    ingest_articles(store, [article(1, FIRST), article(2, SECOND)])
    engine = Engine(store, clock=lambda: NOW)
    engine.answer("sources")
    engine.answer("What did Halvard say?", chat_id=5)
    in_chat = render_text(engine.answer("sources", chat_id=5))
    # The sources of the previous answer, not the cached new-chat reply.
    uncached = Engine(store, clock=lambda: NOW, answer_cache=0)
    uncached.answer("What did Halvard say?", chat_id=5)
    assert in_chat == render_text(uncached.answer("sources", chat_id=5))
    store.close()
