"""Stage 4: direct and indirect quotes, in citron's vocabulary: cue, source, content.

*Content* is the span of what was said: for a direct quote the words between quote marks
(straight, curly or single; a paragraph that opens a quote without closing it ends the quote at
the paragraph's end); for an indirect quote the reported clause ("X said (that) CONTENT",
"CONTENT, X said.", "according to X, CONTENT").

The *cue* is the reporting verb ("said", "warned", "told") or "according to"; the *source* is
the noun phrase that the cue attributes the content to, found after a closing quote mark
("...,” X said", "...,” said X, the mayor"), before an opening one ("X said Sunday, “...",
"struck a defiant note, warning, “..."), or around an indirect clause. Sources are resolved by
``coref`` to canonical names; a direct quote with no cue in its sentence continues the previous
speaker when it is close.

Every ``Quote.text`` equals ``article.text[quote.start:quote.end]``. Quotes contained in another
quote, and headline or pull-quote repeats of a body quote, are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from knowledge.extract.coref import PRONOUNS, Coreference
from knowledge.extract.dates import find_dates, resolve_weekday, weekday_index
from knowledge.extract.entities import EntityIndex
from knowledge.extract.gazetteer import REPORTING_VERBS, load_gazetteer, trie_pattern, words_of
from knowledge.models import Article, Entity, EntityKind, Quote, QuoteKind, Sentence

_CUE_STEMS = REPORTING_VERBS
# Verbs that cue an indirect statement only with an explicit "that" (they also mean other things).
# Verbs that introduce a bare reported clause ("X said the talks failed"); every other cue
# needs an explicit "that" (they also take plain objects: "denied the claim", "added 3%").
_BARE_CLAUSE = frozenset(
    words_of(
        """say says said saying tell tells told telling add adds added adding warn warns warned
        warning claim claims claimed claiming argue argues argued arguing insist insists
        insisted insisting note notes noted noting explain explains explained explaining
        acknowledge acknowledges acknowledged acknowledging admit admits admitted admitting
        stress stresses stressed emphasise emphasises emphasised emphasize emphasizes
        emphasized contend contends contended assert asserts asserted maintain maintains
        maintained believe believes believed write writes wrote writing announce announces
        announced confirm confirms confirmed reveal reveals revealed predict predicts predicted
        allege alleges alleged stated declare declares declared complain
        complains complained concede concedes conceded recall recalls recalled testify
        testifies testified"""
    )
)
# Cues that can end a sentence after their content ("..., X said."); no noun homographs.
_BACKWARD_CUES = frozenset(
    words_of(
        """said says say told tells added adds wrote writes noted explained explains argued
        argues warned warns claimed claims insisted insists stated acknowledged admitted admits
        continued recalled recalls asked replied responded confirmed reported predicted
        suggested observed remarked countered conceded quipped joked tweeted posted
        cautioned stressed emphasised emphasized contended asserted maintained announced
        declared complained lamented urged"""
    )
)
# Verbs that take the hearer as object before the content ("told reporters ...").
_OBJECT_VERBS = frozenset(
    words_of("tell tells told telling advise advises advised urge urges urged")
)

_CUE = re.compile(
    r"\b(?:(?:was|were|is|are|being) quoted(?: as saying)?|(?:point|points|pointed|pointing) out|"
    + trie_pattern(set(_CUE_STEMS))
    + r")\b"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
_COLON_INTRO = re.compile(r":\s*$")
_LEADING_ACCORDING = re.compile(r"(?:[A-Z][a-z]+ )?[Aa]ccording to\b")
_RELATIVE = re.compile(r"\s+(?:that|which|who|whom|whose)\b")

_NP_BREAK = frozenset(
    words_of(
        """is are was were be been being am has have had will would can could should may might
        must shall do does did not never to that which what where when why how if whether than
        then also and or but because although though while as after before since until so
        there here this these those it's its this him them me us it"""
    )
)
_ADVERBS = frozenset(
    words_of(
        """also later previously earlier repeatedly recently once again then still simply
        flatly publicly privately separately bluntly angrily firmly frankly openly quietly
        confidently cautiously jokingly tearfully proudly has have had would will just
        reportedly initially subsequently further had long often"""
    )
)
_GENERIC_SOURCES = frozenset(
    words_of(
        """official officials analyst analysts expert experts critic critics source sources
        spokesperson spokesman spokeswoman residents resident witnesses witness observers
        observer supporters people voters police investigators researchers scientists doctors
        authorities leaders members staff statement report lawmakers legislators diplomats
        diplomat economists activists protesters organisers organizers officers agency company
        government ministry department office union city council administration campaign
        group party committee court prosecutors lawyers lawyer attorney attorneys family friends
        neighbours neighbors colleagues aides aide advisers adviser advisors advisor board
        report study statement memo letter documents decision ruling survey poll filing
        lawsuit complaint indictment release"""
    )
)
# Capitalised words that open a sentence before its subject: "Once Huawei ...", "Assuming MPs".
_SENTENCE_OPENERS = frozenset(
    words_of(
        """Once Assuming After Before When While If Although Though Because Since Until Unless
        As So But And Yet Still Meanwhile However Instead Also Then Now Earlier Later Last Next
        In On At For With From By Of To Despite Like Unlike Even Only Just Asked Told Speaking
        Early Late Yesterday Today Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday
        Sunday"""
    )
)
_DETERMINERS = frozenset(
    words_of("a an the this that these those some any each every another his her their its our my")
)
_TIME_WORDS = frozenset(
    words_of(
        """monday tuesday wednesday thursday friday saturday sunday january february march april
        may june july august september october november december today yesterday tomorrow week
        month year weekend morning afternoon evening night time day days weeks months years"""
    )
)
# Words that open an adjunct, not a reported clause: "said during an interview", "said while".
_ADJUNCT_OPENERS = frozenset(
    words_of(
        """during while in at on after before when referring as because with without from
        following speaking adding noting citing outside inside through via over under since
        until upon amid of for about by to so and or but if whether than then"""
    )
)
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee")
_NOT_PEOPLE = frozenset(
    words_of(
        """report study survey statement letter document documents website site page post
        release data poll figures numbers memo email plan bill law chart graph research paper
        article book story video film analysis review agency company firm government ministry
        department office union city council province state country board commission court
        police service network station newspaper chamber center centre paper order border
        number quarter corner chapter register water power computer monitor sector factor
        theater theatre tower river winter summer cancer poster trailer folder coalition
        alliance movement institute foundation tank government"""
    )
)
# A day named just after a cue, past a hearer or medium: "said Sunday", "told reporters on
# Monday", "said in a statement on Friday". The words in between are checked separately.
_WEEKDAY_AFTER_CUE = re.compile(
    r"^(?P<gap>(?:\s+[^\s,.;:“”\"]+){0,5}?)\s+(?:on\s+)?"
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"last night|this morning|earlier this week)\b"
)
_GAP_WORDS = frozenset(
    words_of(
        """in on at to during via through with from a an the his her their its reporters
        journalists him her them us lawmakers parliament interview statement press news
        conference briefing speech email e-mailed emailed written televised radio telephone
        phone call post posted video remarks late early"""
    )
)
_OPEN_MARKS = "“\"‘'"
_QUOTE_MARKS = "“”\"‘’'"
_WORDISH = re.compile(r"[\w’'-]+")
_AFTER_CLOSE = re.compile(r"[\s,.—–-]*")
_INTRO_END = re.compile(r"(?:[,:]|\bthat|\bas)\s*$")
_COORDINATED = re.compile(r"\b(?:and|but)(?:\s+also)?\s*$")
_THAT = re.compile(r"\bthat\b")
_HEARER = re.compile(
    r"\s+(?:him|her|them|us|me|reporters|journalists|the \w+(?: \w+)?|(?:[A-Z][\w’'.-]*\s*)+)"
)
_COLON = re.compile(r"\s*[,:]?\s+")
_LEAD = re.compile(r"\s*[,:]?\s*")
_ON_WEEKDAY = re.compile(
    r"\b[Oo]n (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*$"
)
_RELAY = re.compile(
    r"(?:according to|told|interview with|speaking to|speaking with|said to|quoted by"
    r"|cited by|reported by)\s+(?:the\s+)?$"
)
_LEADING_THE = re.compile(r"^(?:the|The)\s+")


@dataclass(slots=True)
class _Source:
    """A source noun phrase and the cue that attributes content to it."""

    np_start: int
    np_end: int
    cue: str | None
    cue_start: int
    cue_end: int
    via: str | None = None


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    kind: QuoteKind
    source: _Source | None
    paragraph: int
    continuation: bool = False
    headline_like: bool = False
    unclosed: bool = False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
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


def _word_count(text: str) -> int:
    return len(_WORDISH.findall(text))


# --------------------------------------------------------------------------- content: direct


def _quote_spans(text: str, p_start: int, p_end: int) -> list[tuple[int, int, bool]]:
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
_CLOSE_CURLY = re.compile(r"”|\"|’’|''|»")
_CLOSE_STRAIGHT = re.compile(r'"|”|\'\'')
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(—–-]))[‘'](?=\w)[^‘\n]*?\w[.,!?]?[’'](?![\w])", re.M)


def _find_any(text: str, chars: str, start: int, end: int) -> int:
    best = -1
    for ch in chars:
        k = text.find(ch, start, end)
        if k >= 0 and (best < 0 or k < best):
            best = k
    return best


# --------------------------------------------------------------------------- sources


_NAME_APPOSITION = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+")
_PARTY_CODE = re.compile(r"[DRI]-[A-Z]")
_NP_STOP_CHARS = re.compile(r'[,.;:!?()“”"—–]')
_PAREN_TAIL = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_PARTY_TAIL = re.compile(r",\s*[DRI]-[A-Z][\w.]*\s*$")
_NAME_AFTER_NP = re.compile(r",\s+((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+)\s*(?=[,.;]|$)")


def _np_before(text: str, limit: int, end: int) -> tuple[int, int] | None:
    """A plausible source noun phrase ending at ``end`` (not before ``limit``).

    Walks back over words until a clause boundary (punctuation, a conjunction, a verb); allows
    one apposition between commas ("Maria Lopez, the city's mayor, said").
    """
    segment = text[limit:end]
    party = _PARTY_TAIL.search(segment)
    if party is not None:
        # "Sen. Debbie Stabenow, D-Mich.": the party and state code is no part of the name
        segment = segment[: party.start()]
    paren = _PAREN_TAIL.search(segment)
    if paren is not None and paren.start() > 0:
        # "the London Stock Exchange (LSE) said", "Sen. X (R-Texas) said"
        segment = segment[: paren.start()]
    stripped = segment.rstrip()
    if not stripped:
        return None
    np_end = limit + len(stripped)
    # skip an adverb right before the cue ("X also said"); a source is at most ~9 words
    words = list(_WORDISH.finditer(text, max(limit, np_end - 160), np_end))
    while words and words[-1].group(0).lower() in _ADVERBS and words[-1].end() == np_end:
        np_end = words[-1].start()
        np_end = limit + len(text[limit:np_end].rstrip())
        words.pop()
    if not words:
        return None
    # an apposition: "..., the mayor, said" -> the NP before the apposition's commas
    tail = text[limit:np_end]
    if tail.endswith(","):
        inner_start = tail.rfind(",", 0, len(tail) - 1)
        if inner_start > 0:
            appos = tail[inner_start + 1 : -1]
            if _NAME_APPOSITION.fullmatch(appos.strip()) and not _PARTY_CODE.match(appos.strip()):
                # "the director of operations, Jeff Fraser, says": the name is the source
                a_start = limit + inner_start + 1 + (len(appos) - len(appos.lstrip()))
                return a_start, a_start + len(appos.strip())
            if 0 < _word_count(appos) <= 10 and not any(c in appos for c in '“”"'):
                head = _np_before(text, limit, limit + inner_start)
                if head is not None:
                    return head[0], head[1]
        return None
    start = np_end
    count = 0
    for m in reversed(words):
        between = text[m.end() : start]
        if between.startswith(".") and _ABBREV_DOT.search(
            text[max(0, m.start() - 1) : m.end() + 1]
        ):
            between = between[1:]
        if count and _NP_STOP_CHARS.search(between):
            break
        w = m.group(0)
        lw = w.lower()
        # a capitalised "May" or "Will" inside a name is a name, not a modal
        if (
            lw in _NP_BREAK
            and not (count and lw in ("of", "for", "at", "with"))
            and not w[0].isupper()
        ):
            break
        if count >= 9:
            return None
        start = m.start()
        count += 1
    if count == 0:
        return None
    # "early November the company": a time phrase fused onto the subject; restart at "the"
    inner = list(_WORDISH.finditer(text, start, np_end))
    for k in range(len(inner) - 1, 0, -1):
        if inner[k].group(0) in ("the", "a", "an") and inner[k - 1].group(0).lower() not in (
            "of",
            "for",
            "at",
            "with",
            "in",
            "on",
            "from",
            "by",
            "to",
            "and",
            "or",
        ):
            start = inner[k].start()
            break
    # trim leading prepositions/conjunctions that slipped in
    while True:
        lead = _WORDISH.match(text, start, np_end)
        if lead is None:
            return None
        word = lead.group(0)
        if word.lower() in ("of", "for", "at", "with", "in", "on", "by") or (
            lead.end() < np_end
            and word[:1].isupper()
            and (
                word in _SENTENCE_OPENERS
                or (word.endswith("ing") and len(word) >= 6)
                or (word.endswith("ly") and len(word) >= 7)
            )
        ):
            nxt = _WORDISH.search(text, lead.end(), np_end)
            if nxt is None:
                return None
            start = nxt.start()
            continue
        break
    return start, np_end


# One word of a source noun phrase: abbreviations and initials keep their full stop
# ("Dr. Matthew Bowes", "Harry J. Kazianis").
_NP_WORD = r"(?:(?:[A-Z][a-z]{0,3}|[A-Z])\.(?=\s+[A-Z])|[^\s,.;:!?“”\"()]+)"
_NP_AFTER = re.compile(
    rf"\s*(?:(?:out|up)\s+)?({_NP_WORD}(?:\s+{_NP_WORD}){{0,7}}?)"
    r"(?=[,.;:!?“”\"()]|\s+(?:in|on|at|during|who|whose|which|that|when|after|before|while|as|"
    r"because|according|adding|noting|to|and(?!\s+[A-Z])|but|for|from|with|via|about|"
    r"of\s+the\s+\w+ing)\b|$)"
)
_ABBREV_DOT = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|[A-Z])\.$")


def _np_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A source noun phrase starting at ``start`` ("said X, the mayor." -> X).

    A name in apposition wins over a description: "says Campbell's partner, Jason Louth."
    """
    m = _NP_AFTER.match(text, start, end)
    if m is None:
        return None
    s, e = m.span(1)
    named = _NAME_AFTER_NP.match(text, e, end)
    phrase = text[s:e]
    if named is not None and (not phrase[:1].isupper() or "’s " in phrase or "'s " in phrase):
        return named.span(1)  # a description or "X's partner", then the name
    e = s + len(text[s:e].rstrip())
    raw = _WORDISH.findall(text[s:e])
    words = [w.lower() for w in raw]
    if not words or any(
        w in _NP_BREAK - {"it"} and not (r[0].isupper() and i)
        for i, (w, r) in enumerate(zip(words, raw, strict=True))
    ):
        return None
    if words[0] in _ADJUNCT_OPENERS:
        return None
    return s, e


def _plausible_source(text: str, np: tuple[int, int], index: EntityIndex) -> bool:
    """A source NP must name someone: an entity, a pronoun, a role or a generic source noun."""
    s, e = np
    words = [w for w in _WORDISH.findall(text[s:e])]
    if not words or len(words) > 9:
        return False
    lower = [w.lower() for w in words]
    if lower[-1] in _DETERMINERS or any(w.endswith(("n't", "n’t")) for w in lower):
        return False
    if text[s:e].rstrip().endswith(("’s", "'s", "’")):
        return False  # "Musk's tweet ...": a possessor, not a speaker
    if len(words) == 1 and words[0] in _SENTENCE_OPENERS:
        return False  # "Later, ...": an adverb, not a source
    if len(words) == 1 and lower[0] in _TIME_WORDS:
        return False  # "Sunday", "Monday": a time, while a name like "Ms. May" passes
    if len(words) == 1 and lower[0] in PRONOUNS:
        # the narrator ("I", "we") and the reader ("you") are not sources of the story
        return lower[0] not in ("i", "we", "you")
    if index.mentions_in(s, e):
        return True
    gaz = load_gazetteer()
    if any(w in _GENERIC_SOURCES or w in gaz.titles for w in lower):
        return True
    if lower[-1].endswith("s") and lower[-1][:-1] in gaz.titles:
        return True
    if lower[0] in ("the", "a", "an") and any(
        part in gaz.titles or (part.removesuffix("s").endswith(_PERSON_SUFFIXES) and len(part) > 4)
        for w in lower[1:]
        for part in w.split("-")
    ):
        return True  # "the former sergeant-at-arms of the House", "a local organiser"
    # an unknown capitalised name ("Mai", "Secord")
    return all(w[0].isupper() for w in words if w.lower() not in ("of", "the", "for", "and"))


# --------------------------------------------------------------------------- attribution


def _attribution_after(text: str, close: int, limit: int, index: EntityIndex) -> _Source | None:
    """ "...,” X said." / "...,” said X." / "...,” according to X." after a closing mark."""
    after_end = min(limit, close + 160)
    next_open = _find_any(text, '“"', close + 1, after_end)
    if next_open > 0:
        after_end = next_open
    m = _AFTER_CLOSE.match(text, close + 1, after_end)
    pos = m.end() if m else close + 1
    acc = _ACCORDING.match(text, pos, after_end)
    if acc is not None:
        np = _np_after(text, acc.end(), after_end)
        if np is not None:
            return _Source(np[0], np[1], "according to", acc.start(), acc.end())
    appositive = _appositive_source(text, pos, min(limit, close + 320), index)
    if appositive is not None:
        return appositive
    cue = _CUE.search(text, pos, min(after_end, pos + 90))
    if cue is None:
        return None
    if cue.start() == pos:
        # inverted: "said X"
        np = _np_after(text, cue.end(), after_end)
        if np is not None and _plausible_source(text, np, index):
            return _Source(np[0], np[1], cue.group(0), cue.start(), cue.end())
        return None
    np = _np_before(text, pos, cue.start())
    if np is not None and np[0] > pos and _ADJECTIVE_LIST.fullmatch(text, pos, np[0]):
        np = (pos, np[1])  # "the lanky, bespectacled professor said"
    if np is None or np[0] != pos or not _plausible_source(text, np, index):
        return None
    return _Source(np[0], np[1], cue.group(0), cue.start(), cue.end())


_ADJECTIVE_LIST = re.compile(r"(?:the|a|an)\s+[a-z-]+(?:,\s*[a-z-]+)*,\s*")


_APPOSITION_CUE = re.compile(r",[^“”\"]{1,220}?,\s+(?:also\s+|later\s+)?")


def _appositive_source(text: str, pos: int, end: int, index: EntityIndex) -> _Source | None:
    """ "...,” Guenther Schuh, e.GO's founder and ..., said" : a person, an apposition, a cue."""
    mentions = index.mentions_in(pos, end)
    if not mentions or mentions[0].start != pos or mentions[0].kind is not EntityKind.PERSON:
        return None
    head = mentions[0]
    appos = _APPOSITION_CUE.match(text, head.end, end)
    if appos is None:
        return None
    cue = _CUE.match(text, appos.end(), end)
    if cue is None:
        return None
    return _Source(head.start, head.end, cue.group(0), cue.start(), cue.end())


def _attribution_before(
    text: str, sent_start: int, open_mark: int, index: EntityIndex
) -> _Source | None:
    """ "X said Sunday, “" / "X added: “" / "warning, “" / "according to X, “"."""
    lo = max(sent_start, open_mark - 300)
    cues = list(_CUE.finditer(text, lo, open_mark))
    accordings = list(_ACCORDING.finditer(text, lo, open_mark))
    acc = accordings[-1] if accordings else None
    if acc is not None and (not cues or acc.start() > cues[-1].start()):
        np = _np_after(text, acc.end(), open_mark)
        if np is not None:
            return _Source(np[0], np[1], "according to", acc.start(), acc.end())
    if not cues or (
        _COLON_INTRO.search(text, cues[-1].end(), open_mark)
        and _word_count(text[cues[-1].end() : open_mark]) > 4
    ):
        # "Martell is more blunt: “...”", "Musk took to Twitter with this: “...”"
        if _COLON_INTRO.search(text, max(lo, open_mark - 3), open_mark):
            subject = _sentence_subject(text, sent_start, open_mark, index, people_only=True)
            if subject is not None:
                return _Source(subject[0], subject[1], None, open_mark, open_mark)
        if not cues:
            return None
    cue = cues[-1]
    between = text[cue.end() : open_mark]
    if _word_count(between) > 7 or any(c in between for c in ".;!?”"):
        return None
    if _word_count(between) > 0 and not _INTRO_END.search(between):
        return None
    np = _np_before(text, lo, cue.start())
    if np is not None and _plausible_source(text, np, index):
        return _Source(np[0], np[1], cue.group(0), cue.start(), cue.end())
    # a participle or a clause whose subject came first: "Trump underscored ..., saying, “"
    subject = _sentence_subject(text, sent_start, cue.start(), index)
    if subject is not None:
        return _Source(subject[0], subject[1], cue.group(0), cue.start(), cue.end())
    return None


_LEADING_PRONOUN = re.compile(
    r"\s*(?:[A-Z][a-z]+ly,\s+|In [^,]{1,40},\s+|On [^,]{1,30},\s+)?(He|She|They|We|I)\b"
)


def _sentence_subject(
    text: str, sent_start: int, before: int, index: EntityIndex, *, people_only: bool = False
) -> tuple[int, int] | None:
    """The subject of a sentence: a leading pronoun, else its first person or entity mention."""
    m = _LEADING_PRONOUN.match(text, sent_start, before)
    if m is not None:
        return m.start(1), m.end(1)
    for mention in index.mentions_in(sent_start, before):
        if mention.kind is EntityKind.PERSON:
            return mention.start, mention.end
    if people_only:
        return None
    window = text[sent_start:before]
    first = _WORDISH.search(window)
    if first is not None:
        np = _np_after(text, sent_start + first.start(), before)
        if (
            np is not None
            and _plausible_source(text, np, index)
            and _word_count(text[np[0] : np[1]]) <= 5
        ):
            return np
    return None


# --------------------------------------------------------------------------- indirect


def _indirect_in_sentence(
    text: str,
    sentence: Sentence,
    index: EntityIndex,
    blocked: list[tuple[int, int]],
    used_cues: set[int],
) -> list[_Candidate]:
    s_start, s_end = sentence.start, sentence.end
    body_end = s_end
    while body_end > s_start and text[body_end - 1] in ".!?”\"’' ":
        body_end -= 1
    found: list[_Candidate] = []

    local = [(a, b) for a, b in blocked if a < s_end and b > s_start]

    def inside_quote(pos: int) -> bool:
        return any(a <= pos < b for a, b in local)

    # "According to X, CONTENT."
    acc = _LEADING_ACCORDING.match(text, s_start)
    cue_floor = s_start
    if acc is not None:
        comma = text.find(",", acc.end(), body_end)
        if comma > 0:
            np = (acc.end() + 1, comma)
            relative = _RELATIVE.search(text, np[0], comma)
            if relative is not None:
                np = (np[0], relative.start())  # "according to documents that X provided"
            # "..., but Chapman says ...": another source later in the sentence ends the claim
            later = _later_source_boundary(text, comma + 1, body_end, index)
            cs, ce = _trim(text, comma + 1, later if later is not None else body_end)
            if _word_count(text[cs:ce]) >= 4:
                src = _Source(np[0], np[1], "according to", acc.start(), acc.end())
                found.append(_Candidate(cs, ce, QuoteKind.INDIRECT, src, sentence.paragraph))
                if later is None:
                    return found
                cue_floor = later

    cues = [
        c
        for c in _CUE.finditer(text, cue_floor, body_end)
        if not inside_quote(c.start()) and c.start() not in used_cues
    ]
    k = 0
    while k < len(cues):
        cue = cues[k]
        k += 1
        forward = _forward(text, sentence, cue, body_end, index)
        if forward is not None:
            emitted, cut_at = forward
            found.extend(emitted)
            if cut_at is None:
                break
            # the clause was cut where another source speaks: go on from that clause's cue
            while k < len(cues) and cues[k].start() < cut_at:
                k += 1
            continue
        backward = _backward(text, sentence, cue, body_end, index)
        if backward:
            found.extend(backward)
            break
    return found


def _forward(
    text: str, sentence: Sentence, cue: re.Match[str], body_end: int, index: EntityIndex
) -> tuple[list[_Candidate], int | None] | None:
    """ "X said (that) CONTENT" (and "..., and added CONTENT2" as a second quote).

    Returns the quotes and, when the clause was cut because another source speaks later in
    the sentence, the offset of that cut.
    """
    s_start = sentence.start
    verb = cue.group(0)
    np_span = _np_before(text, s_start, cue.start())
    if np_span is None or not _plausible_source(text, np_span, index):
        np_span = _fallback_subject(text, s_start, cue, index)
        if np_span is None:
            return None
    # "what he said", "as X said": not a report of content
    prev = text[max(s_start, np_span[0] - 12) : np_span[0]].lower().split()
    if prev and prev[-1] in ("what", "if", "whether", "how"):
        return None
    content_start = _content_start(text, cue.end(), body_end, verb, index)
    if content_start is None:
        return None
    content_end = body_end
    split = _CLAUSE_SPLIT.search(text, content_start, body_end)
    if split is not None:
        content_end = split.start()
    later = _later_source_boundary(text, content_start, content_end, index)
    if later is not None:
        content_end = later
        split = None
    cs, ce = _trim(text, content_start, content_end)
    if _word_count(text[cs:ce]) < 3 or _is_fully_quoted(text, cs, ce):
        return None
    via = _via(text, cue.end(), content_start, index)
    src = _Source(np_span[0], np_span[1], verb, cue.start(), cue.end(), via)
    out = [_Candidate(cs, ce, QuoteKind.INDIRECT, src, sentence.paragraph)]
    if split is not None:
        # the second clause, same source: "..., and added he doesn't think ..."
        second_verb = split.group(0).split()[-1]
        rest = _content_start(text, split.end(), body_end, second_verb, index)
        if rest is not None:
            rs, re_ = _trim(text, rest, body_end)
            if _word_count(text[rs:re_]) >= 3 and not _is_fully_quoted(text, rs, re_):
                src2 = _Source(
                    np_span[0],
                    np_span[1],
                    second_verb,
                    split.end() - len(second_verb),
                    split.end(),
                    via,
                )
                out.append(_Candidate(rs, re_, QuoteKind.INDIRECT, src2, sentence.paragraph))
    return out, later


_LATER_BOUNDARY = re.compile(
    r"\s*(?:[;—–]|,\s+(?:but|and|while|whereas|although))\s+(?:but\s+|and\s+)?"
)


def _later_source_boundary(
    text: str, start: int, end: int, index: EntityIndex | None = None
) -> int | None:
    """Where a reported clause ends because another source speaks ("...; critics say ...")."""
    if index is None:
        return None
    for boundary in _LATER_BOUNDARY.finditer(text, start, end):
        cue = _CUE.search(text, boundary.end(), min(end, boundary.end() + 80))
        if cue is None:
            continue
        np = _np_before(text, boundary.end(), cue.start())
        if np is not None and np[0] == boundary.end() and _plausible_source(text, np, index):
            return boundary.start()
    return None


_AUX_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|also|later|previously|earlier|repeatedly|recently|once|again|"
    r"would|will|publicly|privately))+\s*$"
)


def _fallback_subject(
    text: str, s_start: int, cue: re.Match[str], index: EntityIndex
) -> tuple[int, int] | None:
    """The speaker when no noun phrase stands right before the cue.

    "X praised ... and said ...", "..., saying ...": the sentence's subject;
    "Rep. X, D-Calif., the incoming chairwoman of ..., said": the person before the appositions.
    """
    verb = cue.group(0)
    lead = text[max(s_start, cue.start() - 40) : cue.start()]
    lead = _AUX_TAIL.sub("", lead)
    if (verb.endswith("ing") and lead.rstrip().endswith(",")) or _COORDINATED.search(lead):
        return _sentence_subject(text, s_start, cue.start(), index)
    if lead.rstrip().endswith((",", ")")):
        for mention in index.mentions_in(s_start, cue.start()):
            if mention.kind is not EntityKind.PERSON:
                continue
            between = text[mention.end : cue.start()]
            if (
                between.lstrip().startswith(",")
                and _word_count(between) <= 30
                and not _CUE.search(between)
                and between.count("“") + between.count('"') <= 2
            ):
                return mention.start, mention.end
            break
    return None


def _backward(
    text: str, sentence: Sentence, cue: re.Match[str], body_end: int, index: EntityIndex
) -> list[_Candidate]:
    """ "CONTENT, X said." / "CONTENT, said X." / "CONTENT, X said, CONTENT." """
    s_start = sentence.start
    verb = cue.group(0)
    if verb.endswith("ing"):
        return []
    rest = text[cue.end() : body_end]
    clause_start = text.rfind(",", s_start, cue.start())
    if clause_start <= s_start or _word_count(text[clause_start : cue.start()]) > 9:
        return []
    np_span = _np_before(text, clause_start + 1, cue.start())
    inverted = None
    if np_span is None and text[clause_start + 1 : cue.start()].strip() == "":
        inverted = _np_after(text, cue.end(), body_end)
    src_np = np_span or inverted
    if verb not in _BACKWARD_CUES or src_np is None:
        return []
    tail = text[src_np[1] : body_end] if inverted is not None else rest
    # "..., said X, the city's mayor." : what follows the name is an apposition or nothing
    if inverted is not None and (
        not (_tail_is_minor(tail) or tail.lstrip().startswith(",")) or any(c in tail for c in '“"')
    ):
        return []
    parenthetical: tuple[int, int] | None = None
    if inverted is None and not _tail_is_minor(rest):
        # "The drugs have few uses, he says, and are meant for short use.": both halves
        tail_match = _PARENTHETICAL_TAIL.match(rest)
        if tail_match is None:
            return []
        ps, pe = _trim(text, cue.end() + tail_match.end(), body_end)
        if _word_count(text[ps:pe]) < 3:
            return []
        parenthetical = (ps, pe)
    if not _plausible_source(text, src_np, index):
        return []
    cs, ce = _trim(text, s_start, clause_start)
    if _word_count(text[cs:ce]) < 4 or _is_fully_quoted(text, cs, ce):
        return []
    via = _via(text, cue.end(), body_end, index)
    src = _Source(src_np[0], src_np[1], verb, cue.start(), cue.end(), via)
    out = [_Candidate(cs, ce, QuoteKind.INDIRECT, src, sentence.paragraph)]
    if parenthetical is not None:
        out.append(_Candidate(*parenthetical, QuoteKind.INDIRECT, src, sentence.paragraph))
    return out


# After a mid-sentence "..., he says," : the rest of the reported sentence.
_PARENTHETICAL_TAIL = re.compile(r"(?:\s+(?:on\s+)?\w+day)?\s*,\s+")


_MINOR_TAIL = re.compile(
    r"^(?:\s+(?:in|on|at|to|during|via|through|with|from|after|before|last|this|earlier|later|"
    r"recently|yesterday|today|on)\b[^,;]{0,60}|\s+\w+day\b[^,;]{0,30}|\s+reporters|"
    r"\s+(?:him|her|them|us|me|journalists|reporters))?\s*$"
)


def _tail_is_minor(rest: str) -> bool:
    """What follows a sentence-final cue is only a place, time or audience ("in a statement")."""
    if _MINOR_TAIL.match(rest) is not None:
        return True
    stripped = rest.strip()
    return (
        _word_count(rest) <= 5
        and "," not in rest
        and not stripped.startswith("that")
        and not any(c in rest for c in '“"')
    )


_SPEECH_NOUNS = (
    r"(?:speech|statement|interview|letter|post|tweet|tweets|email|e-mail|release|video|"
    r"conference|briefing|address|remarks|op-ed|column|blog|message|memo|report|hearing|"
    r"testimony|sermon|podcast|broadcast|appearance|meeting|rally|session|filing|ruling|"
    r"debate|news conference|press conference|phone call|call|radio|television|documents?)"
)
# What may stand between a cue and its clause: a medium ("in a statement"), a time ("Monday",
# "earlier this week"), an audience for "told" ("told reporters"), a manner ("flatly").
_CUE_ADJUNCT = re.compile(
    r"(?:\s+(?:in|on|at|during|via|through|to|after|before)\s+(?:an?|the|his|her|their|its|"
    r"this|that|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*[’']s?)\s+(?:[\w’'-]+\s+){0,3}?"
    + _SPEECH_NOUNS
    + r"\b(?:\s+(?:on|with|to)\s+[^,“”\"]{1,30}?(?=\s+that\b|,))?"
    r"|\s+(?:on\s+|earlier\s+|late\s+|early\s+|last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|yesterday|today|this week|last week|this month|last month|"
    r"this year|last year|in a statement|in an interview|on Twitter|on X|on Facebook|"
    r"in (?:early |late |mid-)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)(?: \d{4})?|"
    r"on (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s+(?:also|later|previously|earlier|repeatedly|again|recently|once|publicly|privately))*"
)
_FRONTED_ADJUNCT = re.compile(r"\w+(?:\s+[^\s,;:“”\"]+){1,6},\s+")
_THAT_SOON = re.compile(r"(?:[\s,]+[^\s,;“”\"]+){0,5}?[\s,]+that\b")


_CLAUSE_IN_GAP = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|"
    r"do|does|did|he|she|it|they|we|i|there|it[’']s|he[’']s|she[’']s)\b",
    re.IGNORECASE,
)


def _only_adjunct_words(gap: str) -> bool:
    """True when ``gap`` before a "that" is no clause of its own ("says he has seen that")."""
    return _CLAUSE_IN_GAP.search(gap) is None


def _content_start(text: str, cue_end: int, end: int, verb: str, index: EntityIndex) -> int | None:
    """Where the reported clause after a forward cue begins, or None when there is none."""
    window = text[cue_end:end]
    that = _THAT_SOON.match(window)
    if that is not None and not _only_adjunct_words(window[: that.end() - 4]):
        that = None  # "says the system is designed for that ...": "that" inside the clause
    if verb in _OBJECT_VERBS:
        if that is not None:
            return cue_end + that.end()
        that_far = _THAT.search(window, 0, 120)
        if that_far is not None and _word_count(window[: that_far.start()]) <= 8:
            return cue_end + that_far.end()
        # the hearer: a pronoun, "reporters", "the council", a name, then the content
        m = _HEARER.match(window)
        if m is None:
            return None
        adj = _CUE_ADJUNCT.match(window, m.end())
        pos = adj.end() if adj else m.end()
        colon = _COLON.match(window, pos)
        pos = colon.end() if colon else pos
        return _clause_or_none(text, cue_end, window, pos, verb)
    if verb not in _BARE_CLAUSE:
        if that is not None:
            return cue_end + that.end()
        return None
    if that is not None:
        return cue_end + that.end()
    adj = _CUE_ADJUNCT.match(window)
    pos = adj.end() if adj else 0
    lead = _LEAD.match(window, pos)
    pos = lead.end() if lead else pos
    return _clause_or_none(text, cue_end, window, pos, verb)


def _clause_or_none(
    text: str, cue_end: int, window: str, pos: int, verb: str = "said"
) -> int | None:
    nxt = window[pos:].lstrip()
    if not nxt or (pos == 0 and window[:1].isalnum()):
        return None
    first = nxt.split()[0].lower().strip(",.")
    if first in ("in", "on", "at", "for", "after", "before", "since", "by", "with", "under"):
        # "admits in this instance, there were fatalities": a fronted adjunct, then the clause
        comma = _FRONTED_ADJUNCT.match(nxt)
        if comma is not None and _looks_like_clause(nxt[comma.end() :]):
            return cue_end + pos + (len(window[pos:]) - len(nxt)) + comma.end()
    # "said to be", "said during an interview", "said while ...": not a reported clause
    if first in _ADJUNCT_OPENERS or (not first[:1].isalnum() and first[:1] not in "“\"‘'$"):
        return None
    if first in _AUXILIARIES:
        return None  # "a move the company said was needed": a relative clause, no content
    if verb not in _SAY and not _looks_like_clause(nxt, reach=7 if verb in _OBJECT_TOO else 14):
        return None
    return cue_end + pos + (len(window[pos:]) - len(nxt))


# "say" and "tell" report speech whatever follows; other cues need a clause-like content.
_SAY = frozenset(words_of("say says said saying tell tells told telling"))
# Cues that as often take a plain object as a clause: "added three goals", "noted the date".
_OBJECT_TOO = frozenset(
    words_of("add adds added adding note notes noted noting confirm confirms confirmed announce")
)


_CLAUSE_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|has|have|had|will|would|can|could|should|shall|may|"
    r"might|must|do|does|did|cannot|won[’']t|can[’']t|isn[’']t|wasn[’']t|aren[’']t|weren[’']t|"
    r"don[’']t|doesn[’']t|didn[’']t|hasn[’']t|haven[’']t|wouldn[’']t|couldn[’']t|"
    r"\w+[’'](?:s|re|ll|ve|d)|\w{2,}ed|\w{3,}s)\b",
    re.IGNORECASE,
)


def _looks_like_clause(content: str, reach: int = 14) -> bool:
    """A bare reported clause has a subject-like start and a verb-like word early on.

    ``reach`` bounds how far the verb may be: cues that also take plain objects ("added a
    premium", "added three goals") ask for a short subject.
    """
    first = content.split()[0].strip("“\"‘'(")
    if not first or first[0].isdigit() or (first.lower().endswith("ly") and len(first) > 4):
        return False
    if first.lower() in _NOT_SUBJECTS:
        return False
    if first.lower().replace("’", "'").split("'")[0] in _SUBJECT_PRONOUNS:
        return True
    head = " ".join(content.split()[1:reach])
    if _CLAUSE_VERB.search(head) is not None:
        return True
    return any(w.lower().strip(",.;") in _IRREGULAR_VERBS for w in content.split()[1:reach])


# Words that start an object or adjunct, never the subject of a reported clause.
_NOT_SUBJECTS = frozenset(words_of("yet another more even still just only also too again"))


_AUXILIARIES = frozenset(
    words_of("is are was were has have had will would could should can may might must be been")
)
_SUBJECT_PRONOUNS = frozenset(words_of("he she it they we i you there this that these those"))
_IRREGULAR_VERBS = frozenset(
    words_of(
        """saw made went got took knew thought felt gave found came left heard held kept lost met
        paid put ran sent sat set spoke stood won wrote became began brought built bought caught
        chose cut did drew drove fell fought flew forgot grew hit hung hurt led let lay meant read
        rose sold shot shut sang sank slept spent spread stole struck swore taught tore threw
        understood woke wore see make go get take know think feel give find come leave hear hold
        keep lose meet pay run send sit stand win write become begin bring build buy catch
        choose draw drive fall fight fly grow lead mean rise sell shoot sleep spend steal strike
        teach throw understand want need remain seem look plan hope expect intend like"""
    )
)


# A second cue inside a reported clause ends it: "X said A, and added B" / "..., saying B".
_CLAUSE_SPLIT = re.compile(
    r",?\s+(?:and|but)\s+(?:also\s+)?(?:added|said|noted|warned|argued|insisted|stressed|"
    r"claimed|explained|told)\b|,\s+(?:saying|adding|noting|arguing|warning|insisting|"
    r"stressing|explaining|claiming)\b"
)


def _is_fully_quoted(text: str, start: int, end: int) -> bool:
    """True when the span is (almost) entirely one direct quote: handled as a direct quote."""
    s = text[start:end].strip()
    if not s or s[0] not in '“"':
        s_inner = text[max(0, start - 1) : end]
        if not s_inner or s_inner[0] not in '“"':
            return False
    close = _find_any(text, '”"', start + 1, end + 1)
    # the quote covers the clause, or all but an attribution tail (", according to the WSJ")
    return close < 0 or close - start >= 0.6 * (end - start)


def _via(text: str, start: int, end: int, index: EntityIndex) -> str | None:
    """An outlet the statement was told to or reported by, within ``[start, end)``."""
    for mention in index.mentions_in(start, end):
        if mention.kind is EntityKind.OUTLET:
            entity = index.get(mention.entity_id)
            return entity.name if entity else None
    return None


# --------------------------------------------------------------------------- pipeline


def find_quotes(article: Article, sentences: list[Sentence], index: EntityIndex) -> list[Quote]:
    """Direct and indirect quotes of an article, in text order, with resolved speakers."""
    text = article.text
    if not sentences:
        return []
    coref = Coreference(index, text)
    published = article.published.date() if article.published else None

    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence)
    para_order = sorted(paragraphs)

    candidates: list[_Candidate] = []
    blocked: list[tuple[int, int]] = []
    used_cues: set[int] = set()
    prev_para_start = prev_sentence_start = 0
    prev_para_end: int | None = None
    for p in para_order:
        sents = paragraphs[p]
        p_start, p_end = sents[0].start, sents[-1].end
        spans = _quote_spans(text, p_start, p_end)
        prev_close = p_start
        for open_mark, close_mark, closed in spans:
            blocked.append((open_mark, close_mark + 1))
            # a two-character closer ('' or ’’) ends the content one character earlier
            content_end = (
                close_mark - 1
                if text[close_mark - 1 : close_mark + 1] in ("''", "’’")
                else close_mark
            )
            cs, ce = _trim(text, open_mark + 1, content_end)
            if ce <= cs:
                continue
            sent = next((s for s in sents if s.start <= open_mark < s.end), sents[0])
            sent_end = next((s.end for s in sents if s.start <= close_mark < s.end), p_end)
            source = None
            if closed:
                source = _attribution_after(text, close_mark, p_end, index)
            outlet = _outlet_in(source, index) if source is not None else None
            if source is None or (outlet is not None and source.cue == "according to"):
                # "X warned that “...,” according to the WSJ": X speaks, the WSJ relays
                before = _attribution_before(text, max(sent.start, prev_close), open_mark, index)
                if before is not None:
                    if outlet is not None:
                        before.via = outlet
                    source = before
            ends_sentence = text[close_mark + 1 : sent_end].strip(" .!?,") == ""
            if source is None and closed and ends_sentence and sent_end < p_end:
                # "“...” Her words came after X said." rarely; a following "X said." sentence
                nxt = _attribution_after(text, sent_end - 1, p_end, index)
                source = nxt if nxt is not None and nxt.np_start - sent_end < 3 else None
            if source is None and open_mark <= p_start + 1 and prev_para_end is not None:
                # "He told the crowd:\n\n“...”": the cue closes the paragraph before
                before_text = text[prev_para_start:prev_para_end].rstrip()
                if before_text.endswith(":"):
                    source = _attribution_before(
                        text, prev_sentence_start, prev_para_start + len(before_text), index
                    )
            if source is not None:
                used_cues.add(source.cue_start)
            n_words = _word_count(text[cs:ce])
            lead_start = max(sent.start, prev_close)
            lead = text[lead_start:open_mark].rstrip()
            # a quote opens a sentence when nothing, or a finished sentence, stands before it
            at_sentence_start = lead == "" or lead.endswith((".", "!", "?", ".”", '."', ")"))
            if source is None and not at_sentence_start:
                # a quoted fragment inside a sentence with no cue: a phrase, not a quote
                prev_close = close_mark + 1
                continue
            kind = QuoteKind.DIRECT
            if source is not None and source.np_start > close_mark and not at_sentence_start:
                # a partial quote closing a sentence the source said: 'Her time has been
                # "life-changing," she said.' The reported sentence starts before the mark.
                ls, _ = _trim(text, lead_start, open_mark)
                lead_words = _word_count(text[ls:open_mark])
                if 0 < lead_words <= 25 and not _CUE.search(text, ls, open_mark):
                    cs = ls
                    at_sentence_start = True
                    if lead_words > n_words:
                        kind = QuoteKind.INDIRECT
                    n_words += lead_words
            full_sentence = at_sentence_start and text[ce - 1 : ce] in (".", "!", "?")
            if n_words < 4 and not full_sentence and (source is None or not at_sentence_start):
                # scare quotes, titles, nicknames: "told “Fox News Sunday”", "called it “a farce”"
                prev_close = close_mark + 1
                continue
            headline_like = (
                source is None
                and open_mark <= p_start + 1
                and close_mark >= p_end - 2
                and text[ce - 1 : ce] not in (".", "!", "?", "…")
            )
            candidates.append(
                _Candidate(
                    cs,
                    ce,
                    kind,
                    source,
                    p,
                    continuation=source is None,
                    headline_like=headline_like,
                    unclosed=not closed,
                )
            )
            prev_close = close_mark + 1
        prev_para_start, prev_para_end, prev_sentence_start = p_start, p_end, sents[-1].start
    _borrow_from_next_paragraph(candidates)
    for sentence in sentences:
        candidates.extend(_indirect_in_sentence(text, sentence, index, blocked, used_cues))

    candidates = _drop_contained(candidates)
    return _resolve(article, text, candidates, coref, index, published)


def _borrow_from_next_paragraph(candidates: list[_Candidate]) -> None:
    """A quote left open at a paragraph's end goes on in the next paragraph's opening quote;
    the attribution found there (“...\n\n“...,” she said.) is the first paragraph's too."""
    for k in range(len(candidates) - 2, -1, -1):
        cand, nxt = candidates[k], candidates[k + 1]
        if (
            cand.unclosed
            and cand.source is None
            and nxt.paragraph == cand.paragraph + 1
            and nxt.kind is QuoteKind.DIRECT
            and nxt.source is not None
        ):
            cand.source = nxt.source
            cand.continuation = False
            cand.headline_like = False


def _outlet_in(source: _Source, index: EntityIndex) -> str | None:
    """The outlet a source noun phrase names, if it names one."""
    for mention in index.mentions_in(source.np_start, source.np_end):
        if mention.kind is EntityKind.OUTLET:
            entity = index.get(mention.entity_id)
            return entity.name if entity is not None else None
    return None


def _drop_contained(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the outer of nested or overlapping quotes (an indirect clause with a partial quote)."""
    ordered = sorted(candidates, key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Candidate] = []
    for cand in ordered:
        if kept and cand.start < kept[-1].end:
            outer = kept[-1]
            if cand.end <= outer.end:
                # an attributed inner direct quote lends its source to a sourceless outer one
                if outer.source is None and cand.source is not None:
                    outer.source = cand.source
                continue
            # partial overlap: keep the direct one, or the longer
            if outer.kind is QuoteKind.DIRECT and cand.kind is QuoteKind.INDIRECT:
                continue
            if cand.kind is QuoteKind.DIRECT and outer.kind is QuoteKind.INDIRECT:
                kept[-1] = cand
                continue
            continue
        kept.append(cand)
    return kept


def _said_on(text: str, source: _Source, published: date | None) -> date | None:
    """The day a statement was made, when a weekday or date stands next to its cue."""
    if published is None or source.cue is None:
        return None
    window = text[source.cue_end : source.cue_end + 60]
    m = _WEEKDAY_AFTER_CUE.match(window)
    if m is not None and any(
        w.lower() not in _GAP_WORDS and not w[:1].isupper() for w in m.group("gap").split()
    ):
        m = None  # "said the meeting on Monday": the day belongs to the content
    if m is None:
        before = text[max(0, source.np_start - 40) : source.np_start]
        m2 = _ON_WEEKDAY.search(before)
        if m2 is None:
            dates = find_dates(window[:40], published)
            for mention in dates:
                if mention.date_start == mention.date_end and mention.span[0] <= 12:
                    return mention.date_start
            return None
        day = m2.group(1)
    else:
        day = m.group("day")
    low = day.lower()
    if low in ("yesterday", "last night"):
        return published - timedelta(days=1)
    if low in ("today", "this morning"):
        return published
    if low == "earlier this week":
        return None
    wd = weekday_index(day)
    if wd is None:
        return None
    return resolve_weekday(published, wd, "backward")


def _resolve(
    article: Article,
    text: str,
    candidates: list[_Candidate],
    coref: Coreference,
    index: EntityIndex,
    published: date | None,
) -> list[Quote]:
    quotes: list[Quote] = []
    last: tuple[Entity | None, str | None, int, int, str | None] | None = (
        None  # entity, name, pos, paragraph, role
    )
    last_group: tuple[str, int] | None = None  # a non-person source and its paragraph
    for cand in candidates:
        speaker: str | None = None
        entity: Entity | None = None
        mention: str | None = None
        role: str | None = None
        cue: str | None = None
        said_on: date | None = None
        via: str | None = None
        confidence = 1.0
        if cand.source is not None:
            src = cand.source
            cue = src.cue
            mention = text[src.np_start : src.np_end]
            entity, speaker = _resolve_source(text, src, coref, index, last)
            pronoun = mention.strip().lower()
            if (
                entity is None
                and pronoun in ("they", "it")
                and last_group is not None
                and cand.paragraph - last_group[1] <= 2
            ):
                # "they"/"it" after a group or body spoke: "The union says ... They add ..."
                speaker = last_group[0]
            elif entity is None and speaker is not None and pronoun not in PRONOUNS:
                last_group = (speaker, cand.paragraph)
            said_on = _said_on(text, src, published)
            via = src.via or _via_near(text, cand, src, index)
            if via is not None and speaker == via:
                via = None
        elif cand.continuation and last is not None and cand.paragraph - last[3] <= 2:
            entity, speaker = last[0], last[1]
            confidence = 0.6
        elif cand.headline_like:
            speaker = None
            confidence = 0.3
        else:
            confidence = 0.4
        if entity is not None:
            resolution = coref.resolution(entity)
            speaker, role = resolution.name, resolution.role
        if speaker is not None:
            region_end = max(cand.end, cand.source.np_end if cand.source else cand.end)
            last = (entity, speaker, region_end, cand.paragraph, role)
        quotes.append(
            Quote(
                article_id=article.id,
                text=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                kind=cand.kind,
                speaker=speaker,
                speaker_id=entity.id if entity is not None else None,
                speaker_mention=mention,
                speaker_role=role,
                cue=cue,
                said_on=said_on,
                attributed_via=via,
                confidence=confidence,
            )
        )
    return _drop_repeats(quotes)


def _via_near(text: str, cand: _Candidate, src: _Source, index: EntityIndex) -> str | None:
    """ "..., according to the WSJ" / "told The New York Times" around a quote and its cue."""
    lo = min(cand.start, src.np_start)
    hi = max(cand.end, src.cue_end)
    # look to the end of the sentence after the quote
    stop = len(text)
    for ch in ".\n":
        k = text.find(ch, hi, hi + 200)
        if k >= 0:
            stop = min(stop, k)
    for mention in index.mentions_in(lo, min(stop + 1, hi + 200)):
        if mention.kind is not EntityKind.OUTLET:
            continue
        before = text[max(0, mention.start - 40) : mention.start].lower()
        if _RELAY.search(before):
            entity = index.get(mention.entity_id)
            return entity.name if entity else None
    return None


def _resolve_source(
    text: str,
    src: _Source,
    coref: Coreference,
    index: EntityIndex,
    last: tuple[Entity | None, str | None, int, int, str | None] | None,
) -> tuple[Entity | None, str | None]:
    surface = text[src.np_start : src.np_end].strip()
    lower = surface.lower()
    possessed = _POSSESSIVE_DOCUMENT.match(lower)
    if possessed is not None:
        # "her statement read", "his post said": the writer is the pronoun's person
        lower = "she" if possessed.group(1) == "her" else "he"
    if lower in PRONOUNS:
        last_speaker = (last[0], last[2]) if last is not None and last[0] is not None else None
        assert last_speaker is None or last_speaker[0] is not None
        entity = coref.pronoun(
            lower,
            src.np_start,
            (last_speaker[0], last_speaker[1]) if last_speaker and last_speaker[0] else None,
        )
        if entity is not None:
            return entity, entity.name
        return None, surface
    person = coref.person_at(src.np_start, src.np_end)
    if person is not None:
        return person, person.name
    role_person = coref.role_noun(surface, src.np_start)
    if role_person is not None:
        return role_person, role_person.name
    org_noun = _ORG_NOUN.fullmatch(lower)
    if org_noun is not None:
        body = coref.recent_body(src.np_start, org_noun.group(1))
        if body is not None:
            return body, body.name
    other = coref.entity_at(src.np_start, src.np_end)
    bare = _LEADING_THE.sub("", surface)
    if other is not None and (bare in (other.name, *other.aliases) or surface == other.name):
        return other, other.name
    if _is_description(surface):
        last_speaker = (last[0], last[2]) if last is not None and last[0] is not None else None
        entity = coref.topic_person(src.np_start, last_speaker)
        if entity is not None:
            return entity, entity.name
    resolved = (
        index.resolve(surface) if surface[:1].isupper() and _word_count(surface) <= 3 else None
    )
    if resolved is not None:
        return resolved, resolved.name
    return None, surface


_ORG_NOUN = re.compile(
    r"the\s+(agency|company|firm|union|group|organisation|organization|ministry|department|"
    r"government|board|council|party|association|federation|commission|committee|bank|"
    r"authority|city|province|state|network|club|team|league|court|university|hospital|"
    r"police|service|regulator|watchdog|airline|carrier|broadcaster|newspaper|charity|"
    r"security firm|tech company|tech giant|carmaker|automaker|retailer|insurer|lender)"
)
_OF_TAIL = re.compile(r"\s+(?:of|at|for|with|from|in)\s.*$")
_PARTY_MEMBERS = frozenset(
    words_of("Republican Democrat Conservative Liberal Tory Labourite Socialist Green Independent")
)
_POSSESSIVE_DOCUMENT = re.compile(
    r"(his|her)\s+(?:\w+\s+)?(?:statement|letter|post|tweet|tweets|email|e-mail|message|"
    r"remarks|speech|memo|note|op-ed|column|book|lawyer|lawyers|office|spokesman|spokeswoman|"
    r"spokesperson)$"
)


def _is_description(surface: str) -> bool:
    """ "the self-taught Cambridge resident", "the 39-year-old founder": a person described."""
    # "the 39-year-old founder of Studiocomix Press": the head comes before "of"
    surface = _OF_TAIL.sub("", surface)
    words = surface.split()
    if not words or len(words) > 6 or words[0].lower() in ("a", "an"):
        return False  # "a spokesperson": someone new and unnamed
    if words[0].lower() == "the" and words[-1] in _PARTY_MEMBERS:
        return True  # "the Kentucky Republican"
    if not words[-1].islower():
        return False  # "The Forecaddie": a name, not a description
    head = words[-1]
    if head.endswith("s") or head in _NOT_PEOPLE or not head.isalpha():
        return False
    if words[0].lower() == "the" and len(words) >= 2:
        return True
    # "bespectacled professor": no article, so ask for a noun of a person
    return all(w.islower() for w in words) and (
        head in load_gazetteer().titles or head.endswith(_PERSON_SUFFIXES)
    )


def _drop_repeats(quotes: list[Quote]) -> list[Quote]:
    """A headline or pull-quote that repeats a body quote is one quote: keep the attributed one."""
    norm = [" ".join(_WORDISH.findall(q.text.lower())) for q in quotes]
    drop: set[int] = set()
    for i, qi in enumerate(quotes):
        if qi.kind is not QuoteKind.DIRECT or not norm[i]:
            continue
        for j, qj in enumerate(quotes):
            if i == j or j in drop or not norm[j]:
                continue
            if norm[i] in norm[j] and (
                len(norm[i]) < len(norm[j])
                or (qj.speaker and not qi.speaker)
                or (len(norm[i]) == len(norm[j]) and j < i and qj.speaker)
            ):
                drop.add(i)
                break
    return [q for k, q in enumerate(quotes) if k not in drop]
