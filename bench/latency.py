"""First-asking latency over many question files, pooled: the figure issue 4's goal is about.

    python bench/latency.py --db 10k.db [--now ISO] [--cpu] [--skip PREFIX] FILE.toml...

Runs ``bench/qa.py --repeat 3 --no-cache --slowest 5`` once per question file, each in its own
process (a fresh start-up, as a bot that has just started), against an existing base. A
question's first asking is the time of its first round: nothing of it is cached yet. The
script prints each file's first-round p50/p99 and score, then the p50, p99 and maximum of all
first askings pooled, and how many took more than 50 ms.

Why pooled: a file holds 20 to 60 questions, so a file's "p99" is its slowest question, and it
moves by ±10 ms from run to run. The p99 of all first askings together (about 600) is what a
user asking new questions meets 99 times in 100.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from qa import percentile  # the same nearest rank as each file's figures (bench/ is on sys.path)

_QUESTION = re.compile(r"^(?:PASS|FAIL)\s+\d+ \[\s*([\d.]+) ms\]")
_FIRST_ROUND = re.compile(r"^first round p50 ([\d.]+) ms p99 ([\d.]+) ms", re.MULTILINE)
_SCORE = re.compile(r"^score (\d+)/(\d+)", re.MULTILINE)
_STARTUP = re.compile(r"start-up ([\d.]+) s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, metavar="PATH", help="an existing fact base")
    parser.add_argument("--now", default="2026-11-27T12:00:00", help="the engine's clock")
    parser.add_argument("--cpu", action="store_true", help="CPU time instead of wall clock")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="PREFIX",
        help="skip files whose name starts so (repeatable)",
    )
    parser.add_argument("files", nargs="+", metavar="FILE.toml")
    args = parser.parse_args(argv)
    if not Path(args.db).is_file():
        print(f"latency: no fact base at {args.db}", file=sys.stderr)
        return 2
    qa = Path(__file__).resolve().with_name("qa.py")
    pooled: list[float] = []
    for name in args.files:
        path = Path(name)
        if any(path.name.startswith(prefix) for prefix in args.skip):
            continue
        command = [sys.executable, str(qa), "--db", args.db, "--questions", str(path)]
        command += ["--repeat", "3", "--no-cache", "--now", args.now, "--slowest", "5"]
        command += ["--cpu"] if args.cpu else []
        output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
        firsts = [float(m.group(1)) for m in map(_QUESTION.match, output.splitlines()) if m]
        first_round = _FIRST_ROUND.search(output)
        score = _SCORE.search(output)
        startup = _STARTUP.search(output)
        if not firsts or first_round is None or score is None:
            print(f"latency: {path.name}: bench/qa.py gave no timings", file=sys.stderr)
            return 1
        pooled += firsts
        print(
            f"{path.stem:24s} first asking p50 {float(first_round.group(1)):5.1f} ms"
            f" p99 {float(first_round.group(2)):5.1f} ms  score {score.group(1)}/{score.group(2)}"
            f"  start-up {startup.group(1) if startup else '?'} s"
        )
    over = sum(value > 50 for value in pooled)
    print(
        f"\npooled over {len(pooled)} first askings: p50 {percentile(pooled, 0.5):.1f} ms"
        f"  p99 {percentile(pooled, 0.99):.1f} ms  max {max(pooled, default=0):.1f} ms"
        f"  over 50 ms: {over}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
