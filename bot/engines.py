"""What the bot needs from the answering engine, and a lock for sharing one between threads."""

from __future__ import annotations

import threading
from typing import Protocol

from knowledge.models import Answer


class AnswerEngine(Protocol):
    """What the bot needs from ``knowledge.answer.Engine``."""

    def answer(self, question: str, *, chat_id: int | str | None = None) -> Answer: ...

    def command(
        self, name: str, argument: str | None = None, *, chat_id: int | str | None = None
    ) -> Answer: ...

    def alerts(self, topic: str, since_seq: int) -> Answer | None: ...


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
