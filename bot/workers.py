"""The answering engine in worker processes, so that answers use more than one core.

Answering is CPU-bound Python: in threads it shares one core (the GIL) with the event loop that
talks to Telegram. ``EngineWorkers`` runs N engines in N processes, each with its own store
connection (SQLite WAL allows concurrent readers).

Any worker answers any chat, and each call goes to the worker with the least work in hand:
with chats pinned to workers, one slow answer (a follow-up, which the engine cannot take from
its cache: up to ~70 ms at 10k articles) held up every chat behind it on that worker while the
others idled. For follow-ups to work anywhere, the conversation memory travels with the calls:
a chat's last turn (pickled, opaque to the bot) goes to the worker with the question and comes
back with the answer (``CarriedMemory``), and the bot keeps the last turn of recent chats
(bounded). A chat's updates are handled one at a time (``bot.app.ChatOrderedProcessor``), so a
turn is back before the chat's next call leaves.

A worker that dies (a crash in the engine, a kill) is started again on the next call; the call
that found it dead fails with ``EngineWorkerError``, which the bot's error handler reports to
the user as "something went wrong".
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import multiprocessing
import pickle
import signal
import threading
import time
from concurrent.futures import Future
from datetime import datetime
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnProcess
from typing import Any, NamedTuple

from bot.chatstate import LRU
from knowledge.answering.memory import ConversationMemory, Turn
from knowledge.errors import NewsdeskError
from knowledge.models import Answer

logger = logging.getLogger(__name__)

_START_TIMEOUT = 120.0  # seconds: opening a large fact base and warming its indexes
CHATS_REMEMBERED = 20_000
"""Chats whose last turn the bot keeps for follow-ups (a turn is ~1-3 KB pickled); the engine
forgets a turn after 30 minutes anyway (ConversationMemory.max_age)."""


class EngineWorkerError(NewsdeskError):
    """An engine worker process died or could not start."""


class Reply(NamedTuple):
    """A worker's reply to one call."""

    value: Any
    turn: bytes | None
    """The chat's last turn after the call (pickled), None for chat-less calls."""
    seconds: float
    """How long the engine took (not counting the wait in the worker's queue)."""


class CarriedMemory(ConversationMemory):
    """The engine's conversation memory in a worker: only the turn that came with the call.

    The engine asks for a chat's last turn and records the new one; both go through here, and
    the worker sends the new turn back to the bot with the answer. ``recent`` offers only the
    last turn (the engine reads no more).
    """

    def __init__(self) -> None:
        super().__init__(max_chats=1, max_turns=1)
        self._carried: dict[int | str, Turn] = {}

    def carry(self, chat_id: int | str | None, turn: Turn | None) -> None:
        """The chat's last turn as the bot knows it (None: no turn), for the call to come."""
        self._carried = {} if chat_id is None or turn is None else {chat_id: turn}

    def turn(self, chat_id: int | str | None) -> Turn | None:
        """The chat's turn after the call (to send back)."""
        return None if chat_id is None else self._carried.get(chat_id)

    def __len__(self) -> int:
        return len(self._carried)

    def __bool__(self) -> bool:
        # Engine(memory=...) falls back to a memory of its own when given a falsy one, and an
        # empty memory has len() 0.
        return True

    def last(self, chat_id: int | str | None, now: datetime) -> Turn | None:
        turn = self.turn(chat_id)
        if turn is None or now - turn.at > self.max_age:
            return None
        return turn

    def recent(self, chat_id: int | str | None, now: datetime) -> list[Turn]:
        turn = self.last(chat_id, now)
        return [] if turn is None else [turn]

    def remember(self, chat_id: int | str | None, turn: Turn) -> None:
        if chat_id is not None:
            self._carried[chat_id] = turn


def _serve(db_path: str, conn: Connection) -> None:
    """A worker's life: open the store and the engine, then answer requests until told to stop.

    Requests carry an id and are answered in the order they arrive (so a chat's turns stay in
    order); the bot keeps many in flight instead of waiting for each reply before the next.
    """
    # Ctrl-C in a terminal reaches the whole process group; the parent decides when we stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from knowledge.answer import Engine
    from knowledge.store import Store

    with Store.open(db_path) as store:
        memory = CarriedMemory()
        engine = Engine(store, memory=memory)
        conn.send(("ready", None))
        while True:
            try:
                request = conn.recv()
            except (EOFError, ConnectionResetError):
                return
            if request is None:
                return
            number, method, args, kwargs, carried = request
            chat_id = kwargs.get("chat_id")
            started = time.perf_counter()
            memory.carry(chat_id, pickle.loads(carried) if carried is not None else None)
            result = getattr(engine, method)(*args, **kwargs)
            turn = memory.turn(chat_id)
            # Pickled here, so that the bot keeps and returns bytes without reading them.
            back = pickle.dumps(turn, pickle.HIGHEST_PROTOCOL) if turn is not None else None
            try:
                conn.send((number, result, back, time.perf_counter() - started))
            except (BrokenPipeError, ConnectionResetError):
                return  # the bot is gone (stopped or killed): nobody is waiting for the answer


_AnyFuture = Future[Reply] | asyncio.Future[Reply]


class _Worker:
    """One engine process, with requests pipelined to it and replies matched by id.

    The first version held a lock across each round trip from a pool thread. Measured at
    200 messages/s, that was where the latency tail came from: every call queued behind the
    one in flight, and each round trip waited for the GIL twice in a bot process whose event
    loop keeps it busy (pool queue wait p90 0.5 s, although answers take ~0.1 ms). Now a
    caller only sends (under the lock) and waits on a future. In the bot the event loop itself
    reads the replies (``add_reader`` on the pipe: no thread to wake, no hand-over of the GIL,
    no wake-up of the loop from another thread per reply); used without a running loop (the
    CLI, tests) a reader thread per worker does.
    """

    def __init__(self, context: multiprocessing.context.SpawnContext, db_path: str, n: int):
        self.context = context
        self.db_path = db_path
        self.name = f"newsdesk-engine-{n}"
        self.lock = threading.Lock()
        self.process: SpawnProcess | None = None
        self.conn: Connection | None = None
        self.loop: asyncio.AbstractEventLoop | None = None  # reads the replies, when set
        self._pending: dict[int, tuple[_AnyFuture, float]] = {}
        self._backlog = 0.0  # seconds of work the pending calls are expected to take
        self._gone = threading.Event()  # set by the reader when the process's pipe closes
        self._numbers = itertools.count()

    def start(self) -> None:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=_serve, args=(self.db_path, child), name=self.name, daemon=True
        )
        process.start()
        child.close()
        self.process, self.conn = process, parent
        # A fresh table per process: the reader of a dead one fails only its own callers.
        self._pending = {}
        self._backlog = 0.0
        self._gone = threading.Event()

    def wait_ready(self) -> None:
        assert self.conn is not None
        try:
            if not self.conn.poll(_START_TIMEOUT):
                raise EngineWorkerError(f"{self.name} did not start within {_START_TIMEOUT:g} s")
            kind, _ = self.conn.recv()
        except (EOFError, OSError) as error:
            raise EngineWorkerError(f"{self.name} failed to start (see the log above)") from error
        if kind != "ready":
            raise EngineWorkerError(f"{self.name} sent {kind!r} instead of 'ready'")
        loop = self.loop
        if loop is not None and not loop.is_closed():
            # wait_ready runs in a thread (start-up, restarts): the loop registers the reader.
            loop.call_soon_threadsafe(self._attach, loop, self.conn, self._pending, self._gone)
            return
        threading.Thread(
            target=self._read,
            args=(self.conn, self._pending, self._gone),
            name=f"{self.name}-reader",
            daemon=True,
        ).start()

    def _read(
        self,
        conn: Connection,
        pending: dict[int, tuple[_AnyFuture, float]],
        gone: threading.Event,
    ) -> None:
        """Hand each reply to its caller; when the process goes, fail whoever still waits."""
        while self._receive(conn, pending):
            pass
        self._lost(pending, gone)

    def _lost(self, pending: dict[int, tuple[_AnyFuture, float]], gone: threading.Event) -> None:
        """The process's pipe closed: fail whoever still waits."""
        # Known dead even if the kernel has not reaped it yet: the next call starts another.
        gone.set()
        with self.lock:
            if pending is self._pending:
                self._backlog = 0.0
        _fail(pending, self.lock, self.name)

    def _attach(
        self,
        loop: asyncio.AbstractEventLoop,
        conn: Connection,
        pending: dict[int, tuple[_AnyFuture, float]],
        gone: threading.Event,
    ) -> None:
        """(On the loop.) Read the worker's replies whenever its pipe is readable."""
        try:
            fd = conn.fileno()
        except OSError:
            return  # discarded meanwhile

        def readable() -> None:
            # One reply per call: the loop calls again while the pipe holds more.
            if not self._receive(conn, pending):
                loop.remove_reader(fd)
                self._lost(pending, gone)

        loop.add_reader(fd, readable)

    def _receive(self, conn: Connection, pending: dict[int, tuple[_AnyFuture, float]]) -> bool:
        """Read one reply and hand it to its caller; False when the pipe has closed."""
        try:
            number, value, turn, seconds = conn.recv()
        except (EOFError, OSError, ValueError, TypeError):
            return False
        with self.lock:
            entry = pending.pop(number, None)
            if entry is not None and pending is self._pending:
                # Nothing pending: exactly 0, whatever rounding has gathered.
                self._backlog = max(0.0, self._backlog - entry[1]) if pending else 0.0
        if entry is not None:
            _settle(entry[0], Reply(value, turn, seconds))
        return True

    def alive(self) -> bool:
        return (
            self.conn is not None
            and self.process is not None
            and not self._gone.is_set()
            and self.process.is_alive()
        )

    def load(self) -> float:
        """Seconds of work the calls sent and not yet answered are expected to take."""
        return self._backlog

    def submit(
        self,
        method: str,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        turn: bytes | None = None,
        cost: float = 0.0,
        future: _AnyFuture | None = None,
    ) -> _AnyFuture:
        """Send a request (starting the process again if it died) with the chat's last turn;
        the future (a new ``concurrent.futures.Future`` unless given) gets the reply and the
        chat's new turn. ``cost``: the seconds it is expected to take, for ``load``."""
        with self.lock:
            if not self.alive():
                self._restart()
            assert self.conn is not None
            if future is None:
                future = Future()
            number = next(self._numbers)
            self._pending[number] = (future, cost)
            self._backlog += cost
            try:
                self.conn.send((number, method, args, kwargs, turn))
            except (EOFError, OSError) as error:
                self._pending.pop(number, None)
                self._discard()
                raise EngineWorkerError(f"{self.name} died while answering") from error
            return future

    async def submit_async(
        self,
        method: str,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        turn: bytes | None,
        cost: float = 0.0,
    ) -> Reply:
        if self.alive():
            # Only a send: fine on the loop. An asyncio future, settled by the loop itself.
            future: asyncio.Future[Reply] = asyncio.get_running_loop().create_future()
            self.submit(method, args, kwargs, turn, cost, future)
            return await future
        # Starting a process and opening the store takes seconds: not on the event loop.
        # submit makes a concurrent.futures.Future when given none.
        started = await asyncio.to_thread(self.submit, method, args, kwargs, turn, cost)
        return await asyncio.wrap_future(started)

    def _restart(self) -> None:
        self._discard()
        logger.warning("starting %s again", self.name)
        self.start()
        self.wait_ready()

    def _discard(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        if self.conn is not None:
            self._close(self.conn)
        # The reader fails these too when it sees the pipe close; whoever comes first wins.
        for future, _ in self._pending.values():
            _settle(future, error=EngineWorkerError(f"{self.name} died while answering"))
        self._pending = {}
        self._backlog = 0.0
        self.conn = None
        self.process = None

    def _close(self, conn: Connection) -> None:
        """Close the pipe, after the loop (if it reads it) has stopped watching it."""
        loop = self.loop
        if loop is None or loop.is_closed():
            conn.close()
            return

        def detach() -> None:
            with contextlib.suppress(OSError, ValueError):  # never attached, or closed
                loop.remove_reader(conn.fileno())
            conn.close()

        if _running_loop() is loop:
            detach()
        else:
            # Not this thread's to touch the loop's selector; the fd stays open (so its number
            # is not reused by a new pipe) until the loop has let go of it.
            try:
                loop.call_soon_threadsafe(detach)
            except RuntimeError:  # the loop closed meanwhile
                conn.close()

    def stop(self) -> None:
        with self.lock:
            if self.conn is not None:
                with contextlib.suppress(OSError):  # already gone: nothing to tell it
                    self.conn.send(None)
            if self.process is not None:
                self.process.join(5)
            self._discard()


def _fail(pending: dict[int, tuple[_AnyFuture, float]], lock: threading.Lock, name: str) -> None:
    with lock:
        futures = [future for future, _ in pending.values()]
        pending.clear()
    for future in futures:
        _settle(future, error=EngineWorkerError(f"{name} died while answering"))


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _settle(
    future: _AnyFuture, reply: Reply | None = None, error: BaseException | None = None
) -> None:
    """Give a caller its reply or error, from any thread (an asyncio future only on its loop)."""
    if isinstance(future, asyncio.Future):
        loop = future.get_loop()
        if _running_loop() is not loop:
            if not loop.is_closed():
                with contextlib.suppress(RuntimeError):  # closed meanwhile: nobody waits
                    loop.call_soon_threadsafe(_settle_here, future, reply, error)
            return
    _settle_here(future, reply, error)


def _settle_here(future: _AnyFuture, reply: Reply | None, error: BaseException | None) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(reply)  # type: ignore[arg-type]


class EngineWorkers:
    """Engines in ``count`` processes, with the engine's interface; each call goes to the
    least busy worker, with the chat's last turn.

    "Least busy" is the least expected work in hand, not the fewest calls: a call with a
    previous turn (a follow-up, never from the engine's cache) takes ~100 times longer than one
    without, so the expected cost of each kind of call (method, with or without a turn) is
    learnt from the times the workers report (a moving average).
    """

    def __init__(self, db_path: str, count: int) -> None:
        if count < 1:
            raise ValueError("EngineWorkers needs at least one worker")
        context = multiprocessing.get_context("spawn")
        self._workers = [_Worker(context, db_path, n) for n in range(count)]
        self._turns: LRU[int | str, bytes] = LRU(CHATS_REMEMBERED)
        self._turns_lock = threading.Lock()  # sync calls come from threads
        self._costs: dict[tuple[str, bool], float] = {}

    def __enter__(self) -> EngineWorkers:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Start every worker and wait until each has opened the store (in parallel)."""
        for worker in self._workers:
            worker.start()
        try:
            for worker in self._workers:
                worker.wait_ready()
        except EngineWorkerError:
            self.close()
            raise

    async def start_async(self) -> None:
        """``start`` without blocking the event loop (for the bot's start-up hook); the loop
        then reads the workers' replies itself."""
        loop = asyncio.get_running_loop()
        for worker in self._workers:
            worker.loop = loop
        await asyncio.to_thread(self.start)

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()

    def pick(self) -> int:
        """The worker with the least work in hand (the first of equals: its caches are warm)."""
        loads = [worker.load() for worker in self._workers]
        return loads.index(min(loads))

    def expected_cost(self, method: str, with_turn: bool) -> float:
        """Seconds a call of this kind is expected to take (1 ms until one has been seen)."""
        return self._costs.get((method, with_turn), 0.001)

    def _learn(self, method: str, with_turn: bool, seconds: float) -> None:
        kind = (method, with_turn)
        # A lost update between threads only delays learning: no lock.
        old = self._costs.get(kind)
        self._costs[kind] = seconds if old is None else old + 0.05 * (seconds - old)

    def _turn(self, chat_id: int | str | None) -> bytes | None:
        if chat_id is None:
            return None
        with self._turns_lock:
            return self._turns.get(chat_id)

    def _keep_turn(self, chat_id: int | str | None, turn: bytes | None) -> None:
        if chat_id is not None and turn is not None:
            with self._turns_lock:
                self._turns.put(chat_id, turn)

    def _route(self, method: str, chat_id: int | str | None) -> tuple[_Worker, bytes | None, float]:
        """The worker for a call, the chat's last turn to carry and the call's expected cost."""
        turn = self._turn(chat_id)
        return self._workers[self.pick()], turn, self.expected_cost(method, turn is not None)

    def _settled(
        self, method: str, chat_id: int | str | None, carried: bytes | None, reply: Reply
    ) -> Any:
        """Learn from a reply and keep the chat's new turn; the engine's return value."""
        self._learn(method, carried is not None, reply.seconds)
        # Kept before the caller goes on, so the chat's next call (never sent before this one
        # is answered: ChatOrderedProcessor) carries it.
        self._keep_turn(chat_id, reply.turn)
        return reply.value

    def _call(self, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        chat_id = kwargs.get("chat_id")
        worker, turn, cost = self._route(method, chat_id)
        loop = _running_loop()
        if loop is not None and loop is worker.loop:
            # The loop reads the replies: blocking it on one would wait forever.
            raise RuntimeError("EngineWorkers: from the event loop, use the *_async methods")
        reply = worker.submit(method, args, kwargs, turn, cost).result()
        return self._settled(method, chat_id, turn, reply)

    async def _call_async(self, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        chat_id = kwargs.get("chat_id")
        worker, turn, cost = self._route(method, chat_id)
        reply = await worker.submit_async(method, args, kwargs, turn, cost)
        return self._settled(method, chat_id, turn, reply)

    def answer(self, question: str, *, chat_id: int | str | None = None) -> Answer:
        result: Answer = self._call("answer", (question,), {"chat_id": chat_id})
        return result

    def command(
        self, name: str, argument: str | None = None, *, chat_id: int | str | None = None
    ) -> Answer:
        result: Answer = self._call("command", (name, argument), {"chat_id": chat_id})
        return result

    async def answer_async(self, question: str, *, chat_id: int | str | None = None) -> Answer:
        """``answer`` awaited on the event loop, holding no thread while the worker answers."""
        result: Answer = await self._call_async("answer", (question,), {"chat_id": chat_id})
        return result

    async def command_async(
        self, name: str, argument: str | None = None, *, chat_id: int | str | None = None
    ) -> Answer:
        """``command`` awaited on the event loop, holding no thread while the worker answers."""
        result: Answer = await self._call_async("command", (name, argument), {"chat_id": chat_id})
        return result

    def alerts(self, topic: str, since_seq: int) -> Answer | None:
        result: Answer | None = self._call("alerts", (topic, since_seq), {})
        return result

    def pids(self) -> list[int | None]:
        """The workers' process ids (for tests and operators)."""
        return [w.process.pid if w.process is not None else None for w in self._workers]
