"""A small bounded least-recently-used memo, safe to share between worker threads.

The engine answers from ``asyncio.to_thread`` workers, so a memo shared by them takes a lock;
it is an instance owned by whoever builds it (never module state), and is dropped with it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")

_MISSING = object()


class LRU(Generic[K, V]):
    """At most ``size`` entries; the least recently used goes first."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("an LRU needs room for at least one entry")
        self._size = size
        self._data: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: K) -> tuple[bool, V | None]:
        """(True, value) when the key is held, else (False, None): a cached None is a value."""
        with self._lock:
            found = self._data.get(key, _MISSING)
            if found is _MISSING:
                return False, None
            self._data.move_to_end(key)
            return True, found  # type: ignore[return-value]

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self._size:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
