"""The bot's small in-memory state: flood guard, button references, caches. All bounded.

Nothing here survives a restart, on purpose: subscriptions and alert progress live in the
store; a button whose reference was forgotten is answered as expired.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from typing import Generic, TypeVar


class FloodGuard:
    """At most ``limit`` updates per user in a sliding ``window`` of seconds."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic):
        self._limit = limit
        self._window = window
        self._clock = clock
        self._seen: dict[int, deque[float]] = {}

    def allow(self, user_id: int) -> tuple[bool, bool]:
        """(allowed, first refusal in this burst): warn a flooder once, then stay quiet."""
        now = self._clock()
        times = self._seen.setdefault(user_id, deque())
        while times and now - times[0] > self._window:
            times.popleft()
        if len(times) >= self._limit:
            first = len(times) == self._limit
            if first:
                times.append(now)  # one marker, so the warning is sent once per burst
            return False, first
        times.append(now)
        if len(self._seen) > 10_000:
            self._forget_idle(now)
        return True, False

    def _forget_idle(self, now: float) -> None:
        for user_id in [u for u, t in self._seen.items() if not t or now - t[-1] > self._window]:
            del self._seen[user_id]


K = TypeVar("K")
V = TypeVar("V")


class LRU(Generic[K, V]):
    """A small bounded mapping that forgets the least recently used entry."""

    def __init__(self, capacity: int) -> None:
        self._items: OrderedDict[K, V] = OrderedDict()
        self._capacity = capacity

    def get(self, key: K) -> V | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self._capacity:
            self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


class QuestionRefs:
    """Short references to questions, for buttons: the text itself when it fits in callback
    data, else a hash kept in a bounded in-memory table (a restart makes those buttons stale)."""

    _INLINE_LIMIT = 58  # 64 bytes - "ask|" - "="

    def __init__(self, capacity: int = 5000) -> None:
        self._table: OrderedDict[str, str] = OrderedDict()
        self._capacity = capacity

    def ref(self, question: str) -> str:
        if len(question.encode("utf-8")) <= self._INLINE_LIMIT:
            return "=" + question
        key = "#" + hashlib.blake2s(question.encode("utf-8"), digest_size=8).hexdigest()
        self._table[key] = question
        self._table.move_to_end(key)
        while len(self._table) > self._capacity:
            self._table.popitem(last=False)
        return key

    def resolve(self, ref: str) -> str | None:
        if ref.startswith("="):
            return ref[1:] or None
        return self._table.get(ref)
