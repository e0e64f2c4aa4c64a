"""A short extractive summary of one article: its standfirst and/or lead sentences.

News copy front-loads what matters (the inverted pyramid), so the summary is the standfirst
when there is one, then the first body sentences that carry information, skipping what
readers skip: page clutter, the headline repeated, bylines, datelines, captions and headings.
At most three sentences and about 400 characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.extract.sentences import is_clutter
from knowledge.models import Article, Sentence

MAX_CHARS = 400
MAX_SENTENCES = 3
# A summary that already says this much is enough; a third sentence would dilute it.
ENOUGH_CHARS = 250
# Only the lead counts: sentences far down the body are detail, not summary.
LEAD_SENTENCES = 10

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_END_PUNCTUATION = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# "WASHINGTON (Reuters) -", "LONDON —", "(CNN)", "Beirut, Lebanon (AP) —": a dateline is not news.
_DATELINE_PREFIX = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.\-']*(?:[ ,]+[A-Z][A-Za-z.\-']*){0,3}\s*)?"
    r"(?:\((?:[A-Z][\w .&-]{0,30})\)\s*[-–—:]?\s+|[-–—:]\s+)"
    r"|^\s*\((?:[A-Z][\w .&-]{0,30})\)\s*[-–—:]?\s*"
)
_BYLINE = re.compile(
    r"^\s*(?:By|Written by|Reporting by|Editing by)\s+[A-Z]"
    r"|\|\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    r"|\b(?:Updated?|Published|Posted)\s*:?\s*\d",
)
# Captions and calls to action addressed to the reader ("We'd like to hear from you").
_FURNITURE = re.compile(
    r"^\s*(?:Photo|Image|Picture|Video|Caption|File photo|Enlarge this image)\b|\bcaption\b"
    r"|\b(?:Getty Images|AFP via Getty|/ ?(?:AP|AFP|Reuters)\b)"
    r"|\b(?:we['’]d (?:like|love) to hear|hear from you|upload your|share your|tell us|click|"
    r"follow us|subscribe|sign up|download|watch the (?:full )?video|read more|tap here)\b|#\w",
    re.IGNORECASE,
)
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "it",
        "its",
        "his",
        "her",
        "their",
        "they",
        "he",
        "she",
        "we",
        "said",
        "says",
        "will",
        "would",
    ]
)


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)} - _STOPWORDS


def _strip_dateline(text: str) -> str:
    match = _DATELINE_PREFIX.match(text)
    if match and match.end() < len(text) - 20:
        # Only a real dateline: the prefix must be short and mostly capitals or a (Source).
        prefix = match.group(0)
        if len(prefix) <= 45 and ("(" in prefix or prefix.upper() == prefix):
            return text[match.end() :].lstrip()
    return text


def _similar(a: set[str], b: set[str], threshold: float) -> bool:
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= threshold


def _acceptable(text: str, *, is_standfirst: bool) -> bool:
    if text.count(" ") < 5:  # fewer than six words
        return False
    # body sentences were cleared of clutter by the splitter; the standfirst was not
    if is_standfirst and is_clutter(text):
        return False
    if _BYLINE.search(text) or _FURNITURE.search(text):
        return False
    if text.upper() == text:  # headings and datelines in capitals
        return False
    if text.rstrip().endswith("?"):  # a question heads a section; it does not summarise
        return False
    return is_standfirst or _END_PUNCTUATION.search(text) is not None


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:-–—") + "…"


def summarise(article: Article, sentences: Sequence[Sentence]) -> str:
    """One to three lead sentences (or the standfirst), clutter-free, about 400 chars at most."""
    title_words = _words(article.title)
    chosen: list[str] = []
    chosen_words: list[set[str]] = []
    candidates: list[tuple[str, bool]] = []
    if article.standfirst and article.standfirst.strip():
        candidates.append((article.standfirst, True))
    candidates.extend((s.text, False) for s in sentences[:LEAD_SENTENCES])

    for raw, is_standfirst in candidates:
        raw = " ".join(raw.split())
        text = _strip_dateline(raw)
        if not _acceptable(text, is_standfirst=is_standfirst):
            continue
        words = _words(text)
        # the headline repeated in the body, or the standfirst repeated as the first sentence
        if _similar(words, title_words, 0.9) and len(words) <= len(title_words) + 3:
            continue
        if any(_similar(words, earlier, 0.7) for earlier in chosen_words):
            continue
        if not _END_PUNCTUATION.search(text):
            text = text.rstrip(" ,;:-–—") + "."
        if not chosen:
            chosen.append(_truncate(text, MAX_CHARS))
        elif len(" ".join(chosen)) + 1 + len(text) <= MAX_CHARS:
            chosen.append(text)
        else:
            break
        chosen_words.append(words)
        if len(chosen) >= MAX_SENTENCES or len(" ".join(chosen)) >= ENOUGH_CHARS:
            break

    if chosen:
        return " ".join(chosen)
    return _truncate(" ".join(article.title.split()), MAX_CHARS)
