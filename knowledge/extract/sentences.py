"""Stage 1: paragraphs and sentences over character spans, with page clutter kept out.

``split_sentences`` walks the article text paragraph by paragraph (a paragraph is a run of
text between newlines) and cuts each paragraph at sentence-final punctuation that is followed by
a capitalised word, unless the full stop ends an abbreviation ("Dr.", "Jan.", "U.S.") or an
initial, or stands inside a quotation that closes later in the same paragraph: a quoted passage
with its attribution ("“A. B,” she said.") stays one sentence, which is what quote attribution
and evidence display want. A dateline opening the first paragraph ("HANOI — ", "WASHINGTON
(Reuters) - ") is left out of the sentence span. Paragraphs that are page furniture
(``is_clutter``) give no sentences at all.

Every ``Sentence`` satisfies ``sentence.text == text[sentence.start:sentence.end]``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from knowledge.extract.gazetteer import words_of as _words
from knowledge.models import Sentence

# Abbreviations after which a full stop does not end a sentence (compared case-sensitively
# without the dot). Months and titles are the common ones in news copy.
_ABBREVIATIONS = frozenset(
    _words(
        """
        Mr Mrs Ms Mssrs Messrs Dr Drs Prof Sen Sens Rep Reps Gov Govs Lt Gen Col Maj Capt Sgt Adm
        Cmdr Cpl Pvt Rev Fr Sr Jr St Ste Mt Ft Hon Pres Supt Atty Insp Det Amb Sec Asst Assoc Dept
        Univ Inc Corp Ltd Co Bros Plc LLC Cos vs Vs No Nos Nr Vol Fig Ave Blvd Rd Hwy Sq Ariz Calif
        Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa
        Tenn Tex Va Vt Wash Wis Wyo Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues
        Wed Thu Thur Thurs Fri Sat Sun approx Approx est Est dept al cf eg ie Gens Cmdrs Mme Mlle
        Msgr
        """
    )
)

# After a dotted acronym ("U.S.", "U.K.") a capitalised word usually continues the sentence
# ("U.S. President ..."); only these common sentence openers start a new one.
_SENTENCE_OPENERS = frozenset(
    _words(
        """
        The A An He She It They We I You His Her Its Their Our But And Or So Yet In On At For This
        That These Those There Then When While After Before Since As If Although Though Still
        However Meanwhile Moreover Instead Now Last Earlier Later Some Many Most Officials
        """
    )
)

_PARAGRAPH = re.compile(r"[^\n]+")
_INLINE_CREDIT = re.compile(r"\(\s*[^()/]{2,60}/[^()]{2,60}\)")

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace,
# then something that can open a sentence (capital, digit, opening quote or bracket).
_BOUNDARY = re.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?\s?[A-Z0-9À-Ý])")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}$")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]?([\w'’-]+)")

_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3})"
    r"(?:\s*,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?"
    r"(?:\s*\([^)]{1,40}\))?\s*[—–-]{1,2}\s+"
)

_CLUTTER_PATTERNS = [
    r"^advertisement:?$",
    r"^ad$",
    r"^story continued below$",
    r"^continue reading(?: below| the main story)?$",
    r"^advertisement continue reading the main story$",
    r"sign(?:ing)? up\b.*\b(?:newsletter|inbox|alerts?|here)",
    r"\bnewsletters?\b.*\bsign[- ]?up\b",
    r"^newsletter sign-up$",
    r"^manage newsletters$",
    r"delivered (?:daily |weekday mornings )?to your inbox",
    r"^listen to (?:this )?article\b",
    r"^share this (?:article|story)\b",
    r"^read (?:or share )?(?:this story|more)\b:?",
    r"^read more:?$",
    r"\bread more$",
    r"^play video\b",
    r"\s[-–—]\s*(?:video|audio|podcast)$",
    r"^more:?$",
    r"^more on this\.*",
    r"^related:?$",
    r"^(?:watch|latest|urgent|photos?|videos?|images?|slideshow|twitter|youtube|close)"
    r"(?:\s*\(\d+ images?\))?:?$",
    r"^(?:photos?|watch|video|read more|related|see also):",
    r"enlarge this image",
    r"toggle caption",
    r"^image (?:copyright|caption)\b",
    r"^(?:photo|image|picture)s?(?: credit)?:",
    r"\((?:photo|image|picture)[^)]*\)$",
    r"^copyright ©",
    r"copyright \d{4}",
    r"click here\b",
    r"^follow (?:@\w+|\w+ on twitter|us\b)",
    r"follow (?:the \w+ )?on twitter",
    r"^(?:share|tweet|email|print|comment)(?: (?:share|tweet|post|email|print|comment))+$",
    r"(?:^|\s)share (?:on )?(?:facebook|twitter)\b",
    r"\bcontributed to this report\.?$",
    r"^contributing:",
    r"^this article is more than \d+ (?:year|month)s? old$",
    r"your browser does(?:n[’']t| not) support",
    r"^(?:prev|next) image \d+ of \d+$",
    r"^loading\.*$",
    r"^\[?(?:pullquote|embedtweet|music)\b",
    r"privacy policy",
    r"terms of (?:use|service)",
    r"all rights reserved",
    r"^(?:updated|published|posted):? (?:at )?\d",
    r"^\d{1,2}:\d{2} ?[ap]\.?m\.?\b.{0,10}$",
    r"^[-_*•—. ]+$",
    r"^\(\s*[^()]{2,80}/[^()]{2,80}\)$",
    r"\bget the .{0,30}\bapp\b",
    r"contains only a portion of the news stories",
    r"please contact us for subscription",
    r"^send letters to\b",
    r"^contact us at\b",
    r"\bsubscribe (?:now|today|to (?:our|the))\b",
    r"the opinions expressed by columnists are their own",
    r"^editor[’']s note:?$",
    r"^\S+ \| \d{2}\.\d{2}\.\d{4}\b",
    r"\bupdate ?: ?\d{2}\.\d{2}\.\d{4}\b",
    r"^(?:getty images|reuters|ap|afp)(?: photo)?$",
    r"/(?:ap|afp|getty images|reuters)$",
]
# Anchored patterns are tried only at the start (cheap); the rest are searched, and only when
# the lower-cased text holds one of the hint words that every unanchored pattern contains.
_CLUTTER_START = re.compile(
    "|".join(f"(?:{p[1:]})" for p in _CLUTTER_PATTERNS if p.startswith("^")), re.IGNORECASE
)
_CLUTTER_ANY = re.compile("|".join(f"(?:{p})" for p in _CLUTTER_PATTERNS if not p.startswith("^")))
_CLUTTER_HINTS = (
    "sign",
    "newsletter",
    "inbox",
    "caption",
    "image",
    "photo",
    "picture",
    "copyright",
    "click",
    "follow",
    "share",
    "contributed",
    "browser",
    "privacy",
    "terms",
    "reserved",
    "app",
    "portion",
    "subscri",
    "opinions",
    "update",
    "/a",
    "/r",
    "/g",
    "read more",
    "video",
    "audio",
    "podcast",
)
_CLUTTER_HINT = re.compile("|".join(re.escape(h) for h in _CLUTTER_HINTS))


def is_clutter(text: str) -> bool:
    """True when a paragraph or sentence is page furniture, not reporting."""
    stripped = text.strip()
    if not stripped:
        return True
    if len(stripped) > 300:
        # Furniture is short; a long paragraph that mentions a newsletter is still reporting.
        return False
    words = stripped.split()
    # One bare word ("World", "Video") or a short all-capitals line ("USA TODAY", a dateline on
    # its own line) is a section label, byline or dateline, never a statement.
    if len(words) == 1 and stripped[-1] not in '.!?"”':
        return True
    if len(words) <= 4 and stripped.isupper():
        return True
    if _CLUTTER_START.match(stripped) is not None:
        return True
    lower = stripped.lower()
    if _CLUTTER_HINT.search(lower) is None:
        return False
    return _CLUTTER_ANY.search(lower) is not None


def find_dateline(text: str) -> tuple[int, int] | None:
    """The span of a dateline prefix at the start of ``text`` ("HANOI — "), if any."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    head = match.group(0)
    # A dateline is upper case place words: require most letters upper case.
    letters = [c for c in head.split("(")[0] if c.isalpha()]
    if len(letters) < 3 or sum(c.isupper() for c in letters) < 0.7 * len(letters):
        return None
    return match.start(), match.end()


_DOUBLE_MARK = re.compile(r'[“”"]|’’')
# an opening mark typed for a closing one: after a word or punctuation, before a space
_MISUSED_CLOSE = re.compile(r"[\w,.!?]“(?=\s|$)")


def _quote_closing_positions(paragraph: str) -> list[tuple[int, int]]:
    """Spans [open, close) of double-quoted passages that close within the paragraph."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for mark in _DOUBLE_MARK.finditer(paragraph):
        ch, i = mark.group(0), mark.start()
        if ch == "“":
            if open_at is None:
                open_at = i
            elif _MISUSED_CLOSE.match(paragraph, max(0, i - 1)) and i > 0:
                # "delayed,“ he said": an opening mark typed for a closing one
                spans.append((open_at, i))
                open_at = None
        elif ch in ("”", "’’"):
            if open_at is not None:
                spans.append((open_at, i))
                open_at = None
        elif open_at is None:
            open_at = i
        else:
            spans.append((open_at, i))
            open_at = None
    return spans


def _is_abbreviation(before: str, after: str) -> bool:
    match = _WORD_BEFORE.search(before)
    if match is None:
        return False
    word = match.group(1)
    if _DOTTED_ACRONYM.search(word + "."):
        nxt = _NEXT_WORD.match(after)
        return not (nxt and nxt.group(1) in _SENTENCE_OPENERS)
    bare = word.rsplit(".", 1)[-1] if "." in word else word
    bare = bare.lstrip("'’-")
    if bare in _ABBREVIATIONS:
        return True
    # A single capital letter before a full stop is an initial: "John F. Kennedy".
    return len(bare) == 1 and bare.isupper()


def _glued_cuts(paragraph: str, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence ends at quote marks with no space around them (some sites drop it).

    'He said."We won' ends a sentence before the opening mark; 'we won.""Now' ends one after
    the closing mark. The quote pairing says which a mark is, so 'all."I' is read either way.
    """
    cuts: list[tuple[int, int]] = []
    for q_open, q_close in quoted:
        if (
            q_open > 0
            and paragraph[q_open - 1] in ".!?"
            and paragraph[q_open + 1 : q_open + 2].isalnum()
            and not any(o < q_open < c for o, c in quoted)
            and not _is_abbreviation(paragraph[max(0, q_open - 41) : q_open - 1], "")
        ):
            cuts.append((q_open, q_open))
        after = paragraph[q_close + 1 : q_close + 2]
        if (
            paragraph[q_close - 1 : q_close] in (".", "!", "?")
            and after
            and (after in '"“' or after.isupper())
        ):
            cuts.append((q_close + 1, q_close + 1))
    return cuts


def _split_paragraph(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans inside one paragraph, relative to the paragraph."""
    quoted = _quote_closing_positions(paragraph) if ('"' in paragraph or "“" in paragraph) else []
    cuts: list[tuple[int, int]] = []  # (this sentence's end, the next one's start)
    for match in _BOUNDARY.finditer(paragraph):
        cut = match.end(2)
        punct = match.group(1)
        if punct == "." and _is_abbreviation(
            paragraph[max(0, match.start(1) - 40) : match.start(1)],
            paragraph[match.end() : match.end() + 40],
        ):
            continue
        if any(q_open < match.start(1) and cut <= q_close for q_open, q_close in quoted):
            continue
        cuts.append((cut, match.end()))
    cuts.extend(_glued_cuts(paragraph, quoted))
    spans: list[tuple[int, int]] = []
    start = 0
    for cut, nxt in sorted(set(cuts)):
        if cut <= start:
            continue
        spans.append((start, cut))
        start = nxt
    spans.append((start, len(paragraph)))
    if "/" in paragraph:
        # an inline photo credit "( Richard Lautens / Toronto Star )" stands on its own
        for credit in _INLINE_CREDIT.finditer(paragraph):
            split: list[tuple[int, int]] = []
            for s, e in spans:
                if s < credit.start() < e or s < credit.end() < e:
                    pieces = sorted({s, max(s, credit.start()), min(e, credit.end()), e})
                    split.extend(pairwise(pieces))
                else:
                    split.append((s, e))
            spans = split
    trimmed = []
    for s, e in spans:
        piece = paragraph[s:e]
        if piece.strip():
            trimmed.append(
                (s + len(piece) - len(piece.lstrip()), e - len(piece) + len(piece.rstrip()))
            )
    return trimmed


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text``, each one paragraph, whitespace trimmed."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        line = match.group(0)
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        spans.append((match.start() + lead, match.start() + lead + len(stripped)))
    return spans


def split_sentences(article_id: str, text: str) -> list[Sentence]:
    """Sentences of an article body with their paragraph index; clutter paragraphs are skipped."""
    sentences: list[Sentence] = []
    for paragraph_index, (p_start, p_end) in enumerate(split_paragraphs(text)):
        paragraph = text[p_start:p_end]
        if is_clutter(paragraph):
            continue
        offset = p_start
        if paragraph_index < 3:
            dateline = find_dateline(paragraph)
            if dateline is not None and dateline[1] < len(paragraph):
                offset += dateline[1]
                paragraph = paragraph[dateline[1] :]
        for s, e in _split_paragraph(paragraph):
            sentence_text = paragraph[s:e]
            # a short sentence inside a reporting paragraph can still be a prompt or credit
            if len(sentence_text) < 120 and is_clutter(sentence_text):
                continue
            sentences.append(
                # offsets come from this function's own arithmetic: skip re-validation
                Sentence.model_construct(
                    article_id=article_id,
                    index=len(sentences),
                    start=offset + s,
                    end=offset + e,
                    text=sentence_text,
                    paragraph=paragraph_index,
                )
            )
    return sentences


# Inline biography links of US political sites: a person's name, then the same person's full
# name glued to headline teasers, ending in "MORE" ("Sen. Ann Moe Ann Marie MoeFarm bill
# passes Senate Budget talks stall MORE (D-Ore.) said"). The repeated surname glued to the next
# word and the closing "MORE" together mark it; the teaser span runs from the repeated full
# name to "MORE".
_BIO_TEASER = re.compile(
    r"(?P<surname>[A-Z][\w’'-]+)[ \t]+"
    r"(?P<clutter>(?:\(?[A-Z][\w.’'-]*\)?[ \t]+){0,4}(?P=surname)"
    r"(?=[A-Z0-9“‘\"'(])[^\n]{0,700}?[ \t]MORE)(?=[\s,.;:)]|[’']s\b|$)"
)


# The same with a space before the teaser ("Paul Ryan Paul Davis Ryan Retirees should ...
# MORE"): then the given name must repeat too, or "Ann" in "Ann Moe Ann Marie" would pass.
_BIO_TEASER_SPACED = re.compile(
    r"(?P<given>[A-Z][\w’'-]+)[ \t]+(?P<surname>[A-Z][\w’'-]+)[ \t]+"
    r"(?P<clutter>(?P=given)[ \t]+(?:\(?[A-Z][\w.’'-]*\)?[ \t]+){0,3}(?P=surname)[ \t]+"
    r"(?=[A-Z0-9“‘\"'(])[^\n]{0,700}?[ \t]MORE)(?=[\s,.;:)]|[’']s\b|$)"
)


def teaser_spans(text: str) -> list[tuple[int, int]]:
    """Spans of inline bio-link teasers ("<Full Name><Headline> ... MORE") in ``text``."""
    if "MORE" not in text:
        return []
    spans = [m.span("clutter") for m in _BIO_TEASER.finditer(text)]
    for m in _BIO_TEASER_SPACED.finditer(text):
        s, e = m.span("clutter")
        if not any(s < e2 and s2 < e for s2, e2 in spans):
            spans.append((s, e))
    return sorted(spans)


def blank_teasers(text: str) -> str:
    """``text`` with inline bio-link teasers replaced by spaces: same length, so every span
    found in the result is a valid span of ``text``."""
    spans = teaser_spans(text)
    if not spans:
        return text
    parts: list[str] = []
    at = 0
    for s, e in spans:
        parts.append(text[at:s])
        parts.append(" " * (e - s))
        at = e
    parts.append(text[at:])
    return "".join(parts)


def sentences_containing(
    text: str, sentences: Sequence[Sentence], keywords: Iterable[str]
) -> list[Sentence]:
    """The sentences, in text order, in which any of the lower-case ``keywords`` occurs.

    A cheap pre-filter (one ``str.find`` scan per keyword) so that the costly patterns of a
    stage run only over the few sentences that can match.
    """
    lowered = text.lower()
    hits: set[int] = set()
    for keyword in keywords:
        position = lowered.find(keyword)
        while position >= 0:
            hits.add(position)
            position = lowered.find(keyword, position + len(keyword))
    if not hits:
        return []
    starts = [s.start for s in sentences]
    chosen: dict[int, Sentence] = {}
    for hit in hits:
        index = bisect.bisect_right(starts, hit) - 1
        if index >= 0 and hit < sentences[index].end:
            chosen.setdefault(index, sentences[index])
    return [chosen[i] for i in sorted(chosen)]
