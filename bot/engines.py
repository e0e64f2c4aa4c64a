"""What the bot needs from the answering engine, and a lock for sharing one between threads."""

from __future__ import annotations

import asyncio
import threading
from typing import Protocol, runtime_checkable

from knowledge.models import Answer


class AnswerEngine(Protocol):
    """What the bot needs from ``knowledge.answer.Engine``."""

    def answer(self, question: str, *, chat_id: int | str | None = None) -> Answer: ...

    def command(
        self, name: str, argument: str | None = None, *, chat_id: int | str | None = None
    ) -> Answer: ...

    def alerts(self, topic: str, since_seq: int) -> Answer | None: ...


@runtime_checkable
class AsyncAnswerEngine(Protocol):
    """An engine that can be awaited without a thread (``bot.workers.EngineWorkers``)."""

    async def answer_async(self, question: str, *, chat_id: int | str | None = None) -> Answer: ...

    async def command_async(
        self, name: str, argument: str | None = None, *, chat_id: int | str | None = None
    ) -> Answer: ...


async def answer_async(
    engine: AnswerEngine, question: str, *, chat_id: int | str | None = None
) -> Answer:
    """``engine.answer`` from the event loop: awaited directly when the engine allows it.

    A pool thread per call is what made the latency tail under load (the default pool has
    a handful of threads, each holding the GIL-contended round trip), so engines in worker
    processes are awaited without one; an in-process engine still runs in a thread.
    """
    if isinstance(engine, AsyncAnswerEngine):
        return await engine.answer_async(question, chat_id=chat_id)
    return await asyncio.to_thread(engine.answer, question, chat_id=chat_id)


async def command_async(
    engine: AnswerEngine,
    name: str,
    argument: str | None = None,
    *,
    chat_id: int | str | None = None,
) -> Answer:
    """``engine.command`` from the event loop (see ``answer_async``)."""
    if isinstance(engine, AsyncAnswerEngine):
        return await engine.command_async(name, argument, chat_id=chat_id)
    return await asyncio.to_thread(engine.command, name, argument, chat_id=chat_id)


class SerialEngine:
    """The engine behind a lock: worker threads take turns.

    The engine keeps per-chat conversation memory and refreshes its indexes when the store
    changes; neither is promised to be thread-safe. Answering is CPU-bound Python, so under
    the GIL taking turns costs no throughput, while the event loop stays free.
    """

    def __init__(self, engine: AnswerEngine) -> None:
        self._engine = engine
        self._lock = threading.Lock()

    def answer(self, question: str, *, chat_id: int | str | None = None) -> Answer:
        with self._lock:
            return self._engine.answer(question, chat_id=chat_id)

    def command(
        self, name: str, argument: str | None = None, *, chat_id: int | str | None = None
    ) -> Answer:
        with self._lock:
            return self._engine.command(name, argument, chat_id=chat_id)

    def alerts(self, topic: str, since_seq: int) -> Answer | None:
        with self._lock:
            return self._engine.alerts(topic, since_seq)
