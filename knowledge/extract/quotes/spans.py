"""Quote candidates and their spans: quote marks, trimming, the source record a cue yields."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from knowledge.extract.quotes.vocabulary import WORDISH
from knowledge.models import QuoteKind


@dataclass(slots=True)
class Source:
    """A source noun phrase and the cue that attributes content to it."""

    np_start: int
    np_end: int
    cue: str | None
    cue_start: int
    cue_end: int
    via: str | None = None
    # the day the words were published, when the attribution states it in full (a post's date)
    said_on: date | None = None


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    kind: QuoteKind
    source: Source | None
    paragraph: int
    continuation: bool = False
    headline_like: bool = False
    unclosed: bool = False
    # a paragraph set off as a quote with no quote marks ("she said:" then a block quote)
    set_off: bool = False
    # a signed post (posts.py): self-contained, so no later bare quote continues it
    post: bool = False


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past whitespace, outer quote marks and trailing commas."""
    while start < end and (text[start].isspace() or text[start] in '“"‘«'):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ',;:—–-”"»'):
        end -= 1
    while end > start + 1 and text[end - 2 : end] in ("’’", "''"):
        end -= 2
        while end > start and text[end - 1] in ", ":
            end -= 1
    return start, end


def word_count(text: str) -> int:
    return len(WORDISH.findall(text))


def quote_spans(text: str, p_start: int, p_end: int) -> list[tuple[int, int, bool]]:
    """(open mark, close mark or paragraph end, closed?) of the double-quoted passages."""
    spans: list[tuple[int, int, bool]] = []
    i = p_start
    paragraph = text[p_start:p_end]
    if not any(mark in paragraph for mark in '"“”«'):
        i = p_end
    while i < p_end:
        opener = _OPENER.search(text, i, p_end)
        if opener is None:
            break
        j = opener.start()
        if j > p_start and _STRAY_CLOSE.match(text, j - 1, p_end):
            # A straight mark right after a word or stop and before a space closes a quote
            # this paragraph never opened (a typo in the copy: 'needed." She echoed ... a
            # "stunt."'); taken as an opener it would pair with the next opener and quote the
            # narration between them.
            i = j + 1
            continue
        closer = (_CLOSE_STRAIGHT if text[j] == '"' else _CLOSE_CURLY).search(text, j + 1, p_end)
        if closer is None:
            spans.append((j, p_end, False))
            break
        # the close position is the closer's last character ("’’" is two characters)
        spans.append((j, closer.end() - 1, True))
        i = closer.end()
    if spans:
        return spans
    # Single quote marks as primary marks (headlines, some house styles): an opening mark after
    # a space or paragraph start, a closing one not followed by a letter (so "don’t" is safe).
    if "‘" not in paragraph and " '" not in paragraph and not paragraph.startswith("'"):
        return spans
    for m in _SINGLE.finditer(text, p_start, p_end):
        spans.append((m.start(), m.end() - 1, True))
    return spans


# An opening mark: “ or ", or a ” misused as opener at a word start after a space.
_OPENER = re.compile(r'“|"|«|(?:^|(?<=\s))”(?=\w)', re.M)


# An opening mark typed where a closing one belongs ("delayed,“ he said"): after a word or
# punctuation and before a space it can only close.
_MISUSED_CLOSE = r"(?<=[\w,.!?])“(?=\s|$)"


# A straight mark that can only close: after a word or stop, before a space.
_STRAY_CLOSE = re.compile(r'[\w.,!?]"(?=\s)')


_CLOSE_CURLY = re.compile(rf"”|\"|’’|''|»|{_MISUSED_CLOSE}")


_CLOSE_STRAIGHT = re.compile(rf'"|”|\'\'|{_MISUSED_CLOSE}')


_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(—–-]))[‘'](?=\w)[^‘\n]*?\w[.,!?]?[’'](?![\w])", re.M)


def find_any(text: str, chars: str, start: int, end: int) -> int:
    best = -1
    for ch in chars:
        k = text.find(ch, start, end)
        if k >= 0 and (best < 0 or k < best):
            best = k
    return best


def is_fully_quoted(text: str, start: int, end: int) -> bool:
    """True when the span is (almost) entirely one direct quote: handled as a direct quote."""
    s = text[start:end].strip()
    if not s or s[0] not in '“"':
        s_inner = text[max(0, start - 1) : end]
        if not s_inner or s_inner[0] not in '“"':
            return False
    close = find_any(text, '”"', start + 1, end + 1)
    # the quote covers the clause, or all but an attribution tail (", according to Reuters")
    return close < 0 or close - start >= 0.6 * (end - start)
