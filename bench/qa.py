"""Question-answering benchmark: build a fact base, ask a question file, judge every reply.

    python bench/qa.py --articles ARTICLES... --questions FILE.toml [--db PATH] [--now ISO]

Builds a fresh fact base from the articles (readers + ingest) in memory, or in ``--db PATH``
(an existing, non-empty database there is reused as it is: build a 10,000-article base once
and time questions against it many times). Then asks every question, prints PASS or FAIL with
the latency, and at the end the score, p50/p99 answer latency and the start-up time (opening
the store and building the engine's indexes).

Judging rule (from the question files' header): the full reply as plain text
(``render_text``), compared case-insensitively; every inner list of ``must`` matched by at
least one of its strings; none of ``must_not`` present.

Question files may give a question a ``chat`` name: questions with the same ``chat`` are asked
in file order in one conversation (follow-ups); questions without one each start afresh.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.answer import Engine, render_text
from knowledge.ingest import ingest_articles
from knowledge.readers import read_paths
from knowledge.store import Store


def judge(reply: str, must: list[list[str]], must_not: list[str]) -> tuple[bool, list[str]]:
    """Whether a reply passes, and what it lacks or wrongly contains."""
    text = reply.casefold()
    problems = [
        "missing one of " + " | ".join(group)
        for group in must
        if not any(option.casefold() in text for option in group)
    ]
    problems += [f"must not contain {bad!r}" for bad in must_not if bad.casefold() in text]
    return not problems, problems


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles", nargs="*", default=[], metavar="PATH", help="articles to ingest first"
    )
    parser.add_argument(
        "--questions", required=True, metavar="FILE.toml", help="questions (seed-dev format)"
    )
    parser.add_argument("--db", metavar="PATH", help="build into / reuse this SQLite file")
    parser.add_argument("--now", help="the engine's clock, ISO date or datetime (default: now)")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every reply")
    parser.add_argument("--repeat", type=int, default=1, help="ask the whole file N times")
    parser.add_argument(
        "--no-cache", action="store_true", help="turn the engine's answer cache off (cold)"
    )
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time answers by this process's CPU time, not the wall clock (steadier when other"
        " programs share the cores; blind to waiting on the disk)",
    )
    parser.add_argument(
        "--slowest",
        type=int,
        default=5,
        metavar="N",
        help="list the N questions with the highest median latency over the rounds (0: none)",
    )
    args = parser.parse_args(argv)

    questions: list[dict[str, Any]] = tomllib.loads(Path(args.questions).read_text("utf-8"))[
        "question"
    ]
    db_path = args.db or ":memory:"
    store = Store.open(db_path)
    if store.counts()["articles"] == 0 or db_path == ":memory:":
        started = time.perf_counter()
        report = ingest_articles(store, read_paths(args.articles))
        print(
            f"ingested {report.stored} articles ({report.skipped} skipped, {report.failed} failed)"
            f" in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    else:
        print(f"reusing {db_path}: {store.counts()}", file=sys.stderr)
    if db_path != ":memory:":
        store.close()
        started = time.perf_counter()
        store = Store.open(db_path)
    else:
        started = time.perf_counter()
    now = datetime.now(UTC)
    if args.now:
        parsed = datetime.fromisoformat(args.now)
        now = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    if args.no_cache:
        engine = Engine(store, clock=lambda: now, answer_cache=0)
    else:
        engine = Engine(store, clock=lambda: now)
    startup = time.perf_counter() - started

    clock = time.process_time if args.cpu else time.perf_counter
    latencies: list[float] = []
    # Per question, its latency in every round: p99 over a few dozen questions is set by the
    # slowest two or three, so the bench names them.
    per_question: list[list[float]] = [[] for _ in questions]
    cold = 0  # answers of the first round: questions not asked before (answer cache cold)
    passed = 0
    for round_number in range(args.repeat):
        if round_number == 1:
            cold = len(latencies)
        passed = 0
        for number, question in enumerate(questions, 1):
            chat = question.get("chat")
            chat_id = f"{round_number}:{chat}" if chat else None
            began = clock()
            answer = engine.answer(question["ask"], chat_id=chat_id)
            latencies.append((clock() - began) * 1000)
            per_question[number - 1].append(latencies[-1])
            reply = render_text(answer)
            ok, problems = judge(reply, question.get("must", []), question.get("must_not", []))
            passed += ok
            if round_number == 0:
                status = "PASS" if ok else "FAIL"
                print(f"{status} {number:3d} [{latencies[-1]:6.1f} ms] {question['ask']}")
                if not ok or args.verbose:
                    for problem in problems:
                        print(f"       - {problem}")
                    print("       | " + reply.replace("\n", "\n       | "))
    total = len(questions)
    if args.repeat > 1:
        first, again = latencies[:cold], latencies[cold:]
        print(
            f"first round p50 {percentile(first, 0.5):.1f} ms p99 {percentile(first, 0.99):.1f} ms;"
            f" repeats p50 {percentile(again, 0.5):.1f} ms p99 {percentile(again, 0.99):.1f} ms"
            f" (answer cache {'off' if args.no_cache else 'on'})"
        )
    if args.slowest > 0 and latencies:
        ranked = sorted(
            range(len(questions)), key=lambda i: statistics.median(per_question[i]), reverse=True
        )
        print(f"\nslowest (median of {args.repeat} round(s), max):")
        for index in ranked[: args.slowest]:
            times = per_question[index]
            print(
                f"  {statistics.median(times):6.1f} ms {max(times):6.1f} ms"
                f"  Q{index + 1} {questions[index]['ask']}"
            )
    print(
        f"\nscore {passed}/{total} ({100 * passed / max(total, 1):.0f}%)"
        f"  p50 {percentile(latencies, 0.5):.1f} ms  p99 {percentile(latencies, 0.99):.1f} ms"
        f"  mean {statistics.fmean(latencies) if latencies else 0:.1f} ms"
        f"  start-up {startup:.2f} s  ({len(latencies)} answers{', CPU time' if args.cpu else ''})"
    )
    store.close()
    return 0 if passed == total else 1


if __name__ == "__main__":
    sys.exit(main())
