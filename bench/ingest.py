"""Ingest speed: build a fresh fact base from a corpus and report articles per second.

    python bench/ingest.py ../shared/corpus/bbc-2004-2005.jsonl [--db PATH] [--limit N]

Reports, for the same articles:
  * read alone                   (readers: bytes -> Article)
  * extract alone                (extraction on articles already in memory)
  * read + extract + store       (the whole ``newsdesk ingest`` path, into a fresh database)
and peak memory (the process's maximum resident set size), the counts stored and the
database size. Rates are given per wall-clock second and per CPU second of this process.

Goal (issue 2): at least 200 articles/s on one core for the BBC set with extraction on.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import resource
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.errors import ReadError
from knowledge.extract import extract
from knowledge.ingest import ingest_articles
from knowledge.models import Article
from knowledge.readers import read_paths
from knowledge.store import Store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--db", help="database to build (default: a fresh temporary file)")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    args = parser.parse_args()

    # Warm up (lazy gazetteers, regex compilation) so that no pass pays for it.
    for item in islice(read_paths(args.paths), 1):
        if isinstance(item, Article):
            extract(item)

    # The whole ingest path first, streaming as ``newsdesk ingest`` does, so that the peak
    # resident memory measured after it is the pipeline's, not the in-memory passes' below.
    # Rates are given per wall-clock second and per CPU second of this process: on a shared
    # machine the CPU figure is the fair "one core" number.
    with tempfile.TemporaryDirectory() as scratch:
        db_path = args.db or str(Path(scratch) / "bench.db")
        if Path(db_path).exists():
            print(f"{db_path}: exists; the bench builds a fresh fact base", file=sys.stderr)
            return 2
        profiler = cProfile.Profile() if args.profile else None
        started, cpu_started = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        with Store.open(db_path) as store:
            report = ingest_articles(store, islice(read_paths(args.paths), args.limit))
            full_seconds = time.perf_counter() - started
            full_cpu = time.process_time() - cpu_started
            if profiler:
                profiler.disable()
            counts = store.counts()
        db_bytes = sum(
            p.stat().st_size for p in Path(db_path).parent.glob(Path(db_path).name + "*")
        )
    ingest_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    started, cpu_started = time.perf_counter(), time.process_time()
    items = list(islice(read_paths(args.paths), args.limit))
    read_seconds = time.perf_counter() - started
    read_cpu = time.process_time() - cpu_started
    articles = [i for i in items if isinstance(i, Article)]
    read_errors = [i for i in items if isinstance(i, ReadError)]
    n = len(articles)
    if n == 0:
        print("no articles read", file=sys.stderr)
        return 2
    chars = sum(len(a.text) for a in articles)

    started, cpu_started = time.perf_counter(), time.process_time()
    extracted = [extract(a) for a in articles]
    extract_seconds = time.perf_counter() - started
    extract_cpu = time.process_time() - cpu_started
    quotes = sum(len(f.quotes) for f in extracted)
    del extracted

    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stored = report.added + report.updated + report.skipped
    print(f"corpus: {', '.join(args.paths)}")
    print(f"articles: {n} read ({len(read_errors)} read errors), {chars / n:.0f} chars on average")
    print("                         per wall second     per CPU second")
    _rate("read + extract + store", stored, full_seconds, full_cpu)
    _rate("read alone", n, read_seconds, read_cpu)
    _rate("extract alone", n, extract_seconds, extract_cpu, f"{quotes} quotes")
    store_cpu = max(full_cpu - read_cpu - extract_cpu, 0.0)
    print(
        f"store alone (difference): ~{store_cpu:.2f} CPU s, {1000 * store_cpu / n:.2f} ms/article"
    )
    print(f"ingest: {report.summary_line()}")
    print(f"stored: {counts}")
    print(f"database: {db_bytes / 2**20:.1f} MB")
    # tracemalloc would slow the timed run several times over; the kernel's high-water mark
    # of resident memory costs nothing.
    print(
        f"peak memory: {ingest_rss_mb:.0f} MB max RSS after the streaming ingest,"
        f" {maxrss_mb:.0f} MB after holding every article and its facts in memory"
    )
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
        print(out.getvalue())
    return 0


def _rate(label: str, count: int, wall: float, cpu: float, note: str = "") -> None:
    print(
        f"{label:<24} {count / wall:8.1f} articles/s  {count / cpu:8.1f} articles/s"
        f"   ({wall:.2f} s wall, {cpu:.2f} s CPU{'; ' + note if note else ''})"
    )


if __name__ == "__main__":
    sys.exit(main())
