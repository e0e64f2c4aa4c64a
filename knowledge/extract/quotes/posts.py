"""Embedded social-media posts: a post's words followed by its signature line.

Pages embed a tweet as its text and then "— Name (@handle) November 25, 2026" (Twitter's
embed markup, which readers keep as text, often in the same paragraph as the post's words).
The words are a direct quote of the signed author: the handle in brackets is what makes the
line a signature, so no name or outlet list is needed.
"""

from __future__ import annotations

import re

from knowledge.extract.dates import find_dates
from knowledge.extract.quotes.spans import Candidate, Source, trim_span, word_count
from knowledge.models import QuoteKind, Sentence

# "— Lucia Ferrante (@EUAmbUK_Ferrante) November 25, 2026": a dash, the display name, the
# handle in brackets, and usually the date. The display name is a name-like run: no sentence
# punctuation, at most six words.
_SIGNATURE = re.compile(
    r"(?:^|(?<=\s))[—–-]\s*(?P<name>[^\s()—–.!?“”\"][^()\n—–!?“”\"]{0,60}?)\s*"
    r"\(@(?P<handle>\w{1,30})\)"
    r"(?:\s+(?:on\s+)?"
    r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8},? \d{4}))?"
)
# Links and picture links that end a post are the platform's, not the author's words.
_TRAILING_LINKS = re.compile(
    r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+|\w+\.\w{2,3}/\w+))+\s*$", re.IGNORECASE
)
# "via @someone" and "RT @someone:" relay another account; the words are not the signer's own.
_RELAYED = re.compile(r"(?:^|\s)(?:RT|MT|via)\s+@\w", re.IGNORECASE)


def post_candidates(
    text: str, paragraphs: dict[int, list[Sentence]], candidates: list[Candidate]
) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Candidates for signed posts, and the candidates they replace.

    Returns (new candidates, spans to block from indirect reading). A post whose words already
    hold an attributed quote ("Reid on Romney: “He's hiding something”") relays someone else's
    words: it is left to that quote. Unattributed quote-mark candidates inside a post give way
    to it (they are removed from ``candidates`` in place).
    """
    found: list[Candidate] = []
    blocked: list[tuple[int, int]] = []
    order = sorted(paragraphs)
    for k, p in enumerate(order):
        sents = paragraphs[p]
        p_start, p_end = sents[0].start, sents[-1].end
        if "(@" not in text[p_start:p_end]:
            continue
        begin = p_start
        for sig in _SIGNATURE.finditer(text, p_start, p_end):
            start, end = begin, sig.start()
            paragraph = p
            if not text[start:end].strip() and k > 0:
                # the signature stands alone: the post is the paragraph before it
                paragraph = order[k - 1]
                before = paragraphs[paragraph]
                start, end = before[0].start, before[-1].end
            begin = sig.end()
            post = _post_span(text, start, end)
            if post is None:
                continue
            cs, ce = post
            inside = [c for c in candidates if cs <= c.start and c.end <= ce]
            if any(c.source is not None and not c.set_off for c in inside):
                continue
            for c in inside:
                candidates.remove(c)
            handle_end = text.index(")", sig.start("handle")) + 1
            source = Source(sig.start("name"), sig.end("name"), "tweeted", sig.start(), handle_end)
            if sig.group("date"):
                dated = find_dates(sig.group("date"), None)
                if dated and dated[0].date_start == dated[0].date_end:
                    source.said_on = dated[0].date_start
            found.append(Candidate(cs, ce, QuoteKind.DIRECT, source, paragraph, post=True))
            blocked.append((cs, ce))
    return found, blocked


def _post_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The post's own words between start and end: trimmed, links dropped; None if too few."""
    words = text[start:end]
    links = _TRAILING_LINKS.search(words)
    if links is not None:
        end = start + links.start()
    cs, ce = trim_span(text, start, end)
    if word_count(text[cs:ce]) < 3 or _RELAYED.search(text, cs, ce):
        return None
    return cs, ce
