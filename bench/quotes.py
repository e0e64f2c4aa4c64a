"""Score quote extraction against a hand-annotated gold file.

Usage:
    python bench/quotes.py GOLD.jsonl [--show N] [--json]

GOLD.jsonl has one article per line (id, title, text, published, gold_quotes with quote,
speaker, reference, verb), as ``../shared/datasets/ggt-quotes-dev.jsonl``.

Scoring rule (shared by everyone who reports a figure on this data):

- a predicted quote matches a gold quote when their word overlap is at least 0.3: words are
  lower-cased word lists (``--tokens whitespace`` splits on whitespace instead of taking
  words without punctuation), matched in order by difflib's SequenceMatcher; the overlap is the sum
  of the matching blocks' sizes divided by the longer list's length;
- pairs are matched one to one, best overlap first;
- the speaker is right when the predicted full name and the gold ``reference`` share their last
  word, or one's words contain the other's.

Reported: precision, recall, F1 over quotes, and speaker accuracy over matched pairs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from knowledge.extract import extract
from knowledge.models import Article, Quote

_WORD = re.compile(r"\w+(?:['’]\w+)*")
THRESHOLD = 0.3


def words(text: str) -> list[str]:
    """The lower-cased words of a text (punctuation and quote marks are not words)."""
    return _WORD.findall(text.lower())


def whitespace_words(text: str) -> list[str]:
    """The lower-cased whitespace-separated tokens of a text (punctuation kept on them)."""
    return text.lower().split()


def overlap(a: list[str], b: list[str]) -> float:
    """Matched words (in order) divided by the longer side's length."""
    if not a or not b:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / max(len(a), len(b))


def speaker_matches(predicted: str | None, reference: str) -> bool:
    """Same last word, or one name's words contain the other's."""
    if not predicted:
        return False
    p, r = words(predicted), words(reference)
    if not p or not r:
        return False
    if p[-1] == r[-1]:
        return True
    return set(p) <= set(r) or set(r) <= set(p)


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    speaker_right: int = 0


def match_article(
    predicted: list[Quote],
    gold: list[dict[str, str]],
    tokens: Callable[[str], list[str]] = words,
) -> list[tuple[int, int, float]]:
    """One-to-one pairs (predicted index, gold index, overlap), best overlap first."""
    pred_words = [tokens(q.text) for q in predicted]
    gold_words = [tokens(g["quote"]) for g in gold]
    pairs: list[tuple[float, int, int]] = []
    for i, pw in enumerate(pred_words):
        for j, gw in enumerate(gold_words):
            score = overlap(pw, gw)
            if score >= THRESHOLD:
                pairs.append((score, i, j))
    pairs.sort(key=lambda p: -p[0])
    used_p: set[int] = set()
    used_g: set[int] = set()
    result: list[tuple[int, int, float]] = []
    for score, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        result.append((i, j, score))
    return result


def _article(row: dict[str, object]) -> Article:
    published = None
    raw = row.get("published")
    if isinstance(raw, str) and raw:
        published = datetime.fromisoformat(raw[:10]).replace(tzinfo=UTC)
    return Article(
        id=str(row["id"]),
        title=str(row.get("title") or ""),
        text=str(row["text"]),
        published=published,
        source=str(row["source"]) if row.get("source") else None,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print misses/false positives")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--tokens",
        choices=("words", "whitespace"),
        default="words",
        help="word lists for the overlap: words without punctuation (default) or raw tokens",
    )
    args = parser.parse_args(argv)
    tokens = whitespace_words if args.tokens == "whitespace" else words
    try:
        lines = args.gold.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        print(f"error: cannot read {args.gold}: {exc.strerror}", file=sys.stderr)
        return 2
    counts = Counts()
    shown = 0
    started = time.perf_counter()
    for line in lines:
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            article = _article(row)
        except (ValueError, KeyError, TypeError) as exc:
            print(f"error: {args.gold}: a line is not a gold article: {exc}", file=sys.stderr)
            return 2
        gold: list[dict[str, str]] = row.get("gold_quotes") or []
        predicted = list(extract(article).quotes)
        for q in predicted:
            assert article.text[q.start : q.end] == q.text, "quote text is not a substring"
        pairs = match_article(predicted, gold, tokens)
        counts.predicted += len(predicted)
        counts.gold += len(gold)
        counts.matched += len(pairs)
        right = [speaker_matches(predicted[i].speaker, gold[j]["reference"]) for i, j, _ in pairs]
        counts.speaker_right += sum(right)
        if shown < args.show:
            shown += 1
            _show(article, predicted, gold, pairs, right)
    elapsed = time.perf_counter() - started
    precision = counts.matched / counts.predicted if counts.predicted else 0.0
    recall = counts.matched / counts.gold if counts.gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    speaker = counts.speaker_right / counts.matched if counts.matched else 0.0
    figures = {
        "articles": len([x for x in lines if x.strip()]),
        "gold": counts.gold,
        "predicted": counts.predicted,
        "matched": counts.matched,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "speaker_accuracy": round(speaker, 4),
        "seconds": round(elapsed, 3),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"articles {figures['articles']}  gold {counts.gold}  predicted {counts.predicted}"
            f"  matched {counts.matched}\nprecision {precision:.3f}  recall {recall:.3f}"
            f"  F1 {f1:.3f}  speaker accuracy {speaker:.3f}  ({elapsed:.2f}s)"
        )
    return 0


def _show(
    article: Article,
    predicted: list[Quote],
    gold: list[dict[str, str]],
    pairs: list[tuple[int, int, float]],
    right: list[bool],
) -> None:
    print(f"=== {article.id}")
    matched_p = {i for i, _, _ in pairs}
    matched_g = {j for _, j, _ in pairs}
    for (i, j, score), ok in zip(pairs, right, strict=True):
        if not ok:
            print(
                f"  SPEAKER {predicted[i].speaker!r} ({predicted[i].speaker_mention!r})"
                f" vs {gold[j]['reference']!r} [{score:.2f}]: {gold[j]['quote'][:90]!r}"
            )
    for j, g in enumerate(gold):
        if j not in matched_g:
            print(f"  MISS [{g['reference']} / {g['verb']}] {g['quote'][:140]!r}")
    for i, q in enumerate(predicted):
        if i not in matched_p:
            print(f"  FP   [{q.speaker} / {q.cue} / {q.kind.value}] {q.text[:140]!r}")


if __name__ == "__main__":
    sys.exit(main())
