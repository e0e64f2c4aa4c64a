"""Benchmark the real bot: replies per second and latency from a user's message to the reply.

Starts the fake Bot API server (tests/bot/fakebotapi.py) on 127.0.0.1 and ``newsdesk serve
--no-rate-limit`` against it with the given fact base, then sends questions as many users:

* open loop (default): messages arrive at ``--rate`` per second for ``--duration`` seconds,
  whatever the bot's speed, as real traffic does; reports the replies/s achieved and the
  p50/p99 latency at that load. The goal: 200 replies/s with p99 <= 100 ms.
* closed loop (``--closed N``): N users each wait for their reply before asking again; reports
  the saturation throughput.

Questions cycle through a fixed list, so after the warm-up most answers are the engine's cached
ones; ``--follow-ups`` (default 5%) of the messages, spread evenly, come from users who have
had a reply, and the engine answers those against the chat's previous turn, uncached (1-70 ms
each at 10k articles). (Before this option the only such messages were the warm-up's 50 users,
all sent first in the measured window: a burst of slow answers that alone set the p99.)

Latency is measured by the server, from the moment the update is handed to getUpdates to the
moment the bot's sendMessage for that chat arrives (the first part of a split reply).

It also prints the CPU the bot process and its engine workers spent per reply, which tells
whether a shortfall is the Telegram side (bot) or answering (engine workers), and the load
average (on a shared machine other work skews every figure). The bot's environment passes
through: ``NEWSDESK_ENGINE_WORKERS=2 python bench/bot.py ...`` sets the engine processes, and
``NEWSDESK_BENCH_PROFILE=FILE`` runs the bot under cProfile (the CPU time of its event loop
thread; read with ``python -m pstats FILE``; the profiler slows the bot several times over, so
only the shares mean anything).

    python bench/bot.py --db /tmp/newsdesk-10k.db
    python bench/bot.py --db /tmp/newsdesk-10k.db --closed 16 --duration 10
    python bench/bot.py --db /tmp/newsdesk-10k.db --questions bench/questions/*.toml

The built-in list has 20 questions, so after warm-up most answers come from the engine's
answer cache (as popular questions do in a real chat); ``--questions`` asks ~400 distinct
ones instead, which measures the engine's uncached answers under load.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "bot"))

from fakebotapi import Call, FakeBotAPI  # noqa: E402

TOKEN = "555000555:AAbenchbenchbenchbenchbenchbenchben"

# Questions a reader of 2004-2005 BBC and recent US news might send; phrased as people do.
QUESTIONS = (
    "latest quotes",
    "What did the prime minister say?",
    "Who is Tony Blair?",
    "What did Gordon Brown say about the economy?",
    "who reported the election?",
    "sources",
    "What happened in Iraq?",
    "any quotes from the White House?",
    "Who is meeting where?",
    "what did the president say about taxes",
    "Who is Michael Howard?",
    "What did the chancellor announce?",
    "what topics do you know about",
    "latest on the Champions League",
    "What did Arsene Wenger say?",
    "Who won the 2026 World Cup?",
)


_PROFILED = """
import cProfile, runpy, sys, time
sys.argv = ["bot", *sys.argv[1:]]
profiler = cProfile.Profile(time.thread_time)
try:
    profiler.runcall(runpy.run_module, "bot", run_name="__main__")
except SystemExit:
    pass
finally:
    profiler.dump_stats({out})
"""


class Driver:
    """Sends messages, matches replies to them, records latencies (thread-safe).

    Most messages come from users who have not asked before (their answers are the engine's
    cached, context-free ones after warm-up); every ``follow_every``-th message comes from a
    user who has had a reply, so the engine reads it against that chat's previous turn (uncached
    when the question leans on that turn), spread evenly over the run rather than bunched
    together.
    """

    def __init__(
        self, api: FakeBotAPI, users: int, follow_every: int, questions: tuple[str, ...]
    ) -> None:
        self.api = api
        self.lock = threading.Lock()
        self.inflight: dict[int, float] = {}
        self.latencies: list[float] = []
        self.follow_up_latencies: list[float] = []
        self.follow_up_users: set[int] = set()
        self.sent = 0
        self.follow_ups = 0
        self.follow_every = follow_every
        self.fresh = collections.deque(range(2_000_000, 2_000_000 + users))
        self.returning: collections.deque[int] = collections.deque()
        self.questions = itertools.cycle(questions)
        self.closed = False
        self.done = threading.Event()

    def send(self) -> bool:
        with self.lock:
            follow_up = bool(
                self.returning
                and (
                    not self.fresh
                    or (
                        self.follow_every and self.sent % self.follow_every == self.follow_every - 1
                    )
                )
            )
            if follow_up:
                user = self.returning.popleft()
                self.follow_ups += 1
                self.follow_up_users.add(user)
            elif self.fresh:
                user = self.fresh.popleft()
            else:
                return False
            question = next(self.questions)
            self.sent += 1
            self.inflight[user] = time.perf_counter()
        self.api.send_text(question, user_id=user)
        return True

    def on_call(self, call: Call) -> None:
        if call.method != "sendMessage":
            return
        chat = int(call.params.get("chat_id", 0))
        with self.lock:
            started = self.inflight.pop(chat, None)
            if started is None:
                return  # the second part of a split reply
            self.latencies.append(call.at - started)
            if chat in self.follow_up_users:
                self.follow_up_users.discard(chat)
                self.follow_up_latencies.append(call.at - started)
            self.returning.append(chat)
        if self.closed and not self.done.is_set():
            self.send()


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux); None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child_pids(pid: int) -> list[int]:
    """The engine worker processes of the bot (Linux)."""
    pids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        pids += [int(p) for p in task.read_text().split()]
    return pids


def cpu_of_children(pid: int) -> float:
    return sum(cpu_seconds(child) or 0.0 for child in child_pids(pid))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="fact base (about 10,000 articles)")
    parser.add_argument("--rate", type=float, default=200.0, help="messages per second (open loop)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of load")
    parser.add_argument(
        "--closed", type=int, metavar="N", help="closed loop with N users in flight"
    )
    parser.add_argument("--users", type=int, default=3000, help="distinct users")
    parser.add_argument(
        "--follow-ups",
        type=float,
        default=0.05,
        help="share of messages from users who asked before (read against their previous"
        " turn; the answer cache serves them only when the question stands alone); spread"
        " evenly",
    )
    parser.add_argument("--warmup", type=int, default=50, help="messages before measuring")
    parser.add_argument(
        "--questions",
        nargs="+",
        metavar="FILE.toml",
        help="ask these question files' questions (bench/questions/*.toml: ~400 distinct, so"
        " most answers are computed, not taken from the answer cache) instead of the built-in"
        " list of 20",
    )
    args = parser.parse_args()
    questions = QUESTIONS
    if args.questions:
        asked = [
            entry["ask"]
            for name in args.questions
            for entry in tomllib.loads(Path(name).read_text("utf-8"))["question"]
        ]
        # Shuffled with a fixed seed: files grouped by article would hit one story at a time.
        random.Random(2026).shuffle(asked)
        questions = tuple(asked)
    if not Path(args.db).is_file():
        parser.error(
            f"{args.db}: no such fact base (build one with `newsdesk --db PATH ingest ...`)"
        )

    api = FakeBotAPI(token=TOKEN, keep_calls=False).start()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=api.base_url,
        NEWSDESK_LOG_LEVEL="WARNING",
    )
    ready = threading.Event()
    if not 0 <= args.follow_ups <= 1:
        parser.error("--follow-ups must be a share between 0 and 1")
    follow_every = round(1 / args.follow_ups) if args.follow_ups else 0
    driver = Driver(api, args.users, follow_every, questions)

    def on_call(call: Call) -> None:
        if call.method == "setMyCommands":
            ready.set()
        driver.on_call(call)

    api.on_call = on_call
    started = time.perf_counter()
    # NEWSDESK_BENCH_PROFILE=FILE: run the bot under cProfile, timing the CPU of its event loop
    # thread (wall time would charge it for every time the scheduler runs another process),
    # written to FILE when it stops; `python -m pstats FILE` reads it.
    profile = os.environ.get("NEWSDESK_BENCH_PROFILE")
    launcher = ["-c", _PROFILED.format(out=repr(profile))] if profile else []
    bot = subprocess.Popen(
        [sys.executable, *(launcher or ["-m", "bot"]), "--db", args.db, "serve", "--no-rate-limit"],
        env=env,
    )
    try:
        if not ready.wait(60):
            print("bench: the bot did not start within 60 s", file=sys.stderr)
            return 1
        print(f"bot ready in {time.perf_counter() - started:.2f} s")

        # Warm up (first answers load indexes and caches), then measure.
        for _ in range(args.warmup):
            driver.send()
            time.sleep(0.01)
        time.sleep(2.0)
        with driver.lock:
            driver.latencies.clear()
            driver.follow_up_latencies.clear()
            driver.follow_up_users.clear()
            driver.sent = 0
            driver.follow_ups = 0
            driver.inflight.clear()

        begin = time.perf_counter()
        cpu_before = cpu_seconds(bot.pid)
        workers_before = cpu_of_children(bot.pid)
        bench_before = time.process_time()
        if args.closed:
            driver.closed = True
            for _ in range(args.closed):
                driver.send()
            time.sleep(args.duration)
            driver.done.set()
        else:
            interval = 1.0 / args.rate
            n = 0
            while (now := time.perf_counter()) - begin < args.duration:
                target = begin + n * interval
                if now < target:
                    time.sleep(target - now)
                if not driver.send():
                    print("bench: ran out of free users; raise --users", file=sys.stderr)
                    break
                n += 1
        # Let the replies in flight arrive (they count for latency, not for the window).
        deadline = time.perf_counter() + 10
        while driver.inflight and time.perf_counter() < deadline:
            time.sleep(0.05)
        elapsed = time.perf_counter() - begin
        cpu_after = cpu_seconds(bot.pid)
        workers_after = cpu_of_children(bot.pid)
        bench_cpu = time.process_time() - bench_before
        with driver.lock:
            latencies = list(driver.latencies)
            follow_up_latencies = list(driver.follow_up_latencies)
            sent = driver.sent
            follow_ups = driver.follow_ups
            lost = len(driver.inflight)
        if not latencies:
            print("bench: no replies", file=sys.stderr)
            return 1
        mode = (
            f"closed loop, {args.closed} in flight"
            if args.closed
            else f"open loop at {args.rate:g}/s"
        )
        print(f"mode: {mode}, {args.duration:g} s")
        print(
            f"sent {sent} ({follow_ups} follow-ups), replies {len(latencies)}, unanswered {lost},"
            f" Bot API errors {len(api.errors)}"
        )
        print(f"replies/s: {len(latencies) / elapsed:.1f}")
        print(
            f"latency ms: p50 {statistics.median(latencies) * 1000:.1f}"
            f"  p90 {percentile(latencies, 0.90) * 1000:.1f}"
            f"  p99 {percentile(latencies, 0.99) * 1000:.1f}"
            f"  max {max(latencies) * 1000:.1f}"
        )
        if follow_up_latencies:
            # Which replies make the tail: the engine's uncached follow-ups, or everything?
            print(
                f"  follow-ups only: p50 {statistics.median(follow_up_latencies) * 1000:.1f}"
                f"  p90 {percentile(follow_up_latencies, 0.90) * 1000:.1f}"
                f"  max {max(follow_up_latencies) * 1000:.1f}"
            )
        if cpu_before is not None and cpu_after is not None:
            per_reply = (cpu_after - cpu_before) / len(latencies) * 1000
            print(
                f"bot CPU per reply: {per_reply:.2f} ms (bound: {1000 / per_reply:.0f} replies/s)"
            )
            engine = (workers_after - workers_before) / len(latencies) * 1000
            if engine:
                print(f"engine workers' CPU per reply: {engine:.2f} ms")
        print(
            f"this process (fake Bot API + users) CPU per reply: "
            f"{bench_cpu / len(latencies) * 1000:.2f} ms"
        )
        print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
        for method, error in api.errors[:5]:
            print(f"  error: {method}: {error}")
        return 0
    finally:
        bot.terminate()
        try:
            bot.wait(20)
        except subprocess.TimeoutExpired:
            bot.kill()
        api.stop()


if __name__ == "__main__":
    sys.exit(main())
