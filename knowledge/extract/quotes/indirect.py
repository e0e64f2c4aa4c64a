"""Indirect quotes: "X said (that) CONTENT", "CONTENT, X said.", "according to X, CONTENT"."""

from __future__ import annotations

import re

from knowledge.extract.entities import EntityIndex
from knowledge.extract.gazetteer import load_gazetteer, words_of
from knowledge.extract.quotes.sources import (
    document_source,
    fallback_subject,
    later_source_boundary,
    np_after,
    np_before,
    plausible_source,
)
from knowledge.extract.quotes.spans import Candidate, Source, is_fully_quoted, trim_span, word_count
from knowledge.extract.quotes.vocabulary import ADJUNCT_OPENERS, CUE
from knowledge.models import EntityKind, QuoteKind, Sentence

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
        declared complained lamented urged sniped scoffed retorted exclaimed muttered
        grumbled deadpanned opined interjected gushed sneered"""
    )
)


# Verbs that take the hearer as object before the content ("told reporters ...").
_OBJECT_VERBS = frozenset(
    words_of("tell tells told telling advise advises advised urge urges urged")
)


_LEADING_ACCORDING = re.compile(r"(?:[A-Z][a-z]+ )?[Aa]ccording to\b")


_RELATIVE = re.compile(r"\s+(?:that|which|who|whom|whose)\b")


_THAT = re.compile(r"\bthat\b")


_HEARER_NOUNS = (
    r"(?:government|committee|council|parliament|assembly|senate|panel|board|court|jury|"
    r"audience|crowd|conference|convention|rally|summit|forum|meeting|gathering|hearing|"
    r"delegation|newspaper|paper|network|channel|station|broadcaster|agency|chamber|"
    r"legislature|lawmakers|members|delegates|press|media)"
)
_HEARER = re.compile(
    r"\s+(?:him|her|them|us|me|reporters|journalists"
    # "the Financial Times", "the Marlboro Township Board of Education", "the British
    # government", "the city council", "the convention": a name, or a common noun that can
    # be told something; not "told the convention Mr. Romney ..." (the clause's subject) nor
    # "told the Miami Herald the long lines ..."
    rf"|the [A-Z][\w’'.-]*(?:(?:\s+of(?:\s+the)?)?\s+[A-Z][\w’'.-]*)*(?:\s+{_HEARER_NOUNS})?"
    rf"|the (?:[a-z][\w-]*\s+)?{_HEARER_NOUNS}|the [a-z][\w-]*"
    # "told court she is ...", "told psychologists mass shooters were ...": a hearer written
    # without an article
    r"|(?:court|investigators|detectives|psychologists|psychiatrists|doctors|jurors|lawmakers|"
    r"legislators|supporters|delegates|listeners|viewers|colleagues|parliament|police)\b"
    r"(?!\s+(?:officers?|officials?|chiefs?|that|who|which)\b)"
    r"|(?:[A-Z][\w’'.-]*\s*)+)"
)


_COLON = re.compile(r"\s*[,:]?\s+")


_LEAD = re.compile(r"\s*[,:]?\s*")


def indirect_in_sentence(
    text: str,
    sentence: Sentence,
    index: EntityIndex,
    blocked: list[tuple[int, int]],
    used_cues: set[int],
) -> list[Candidate]:
    s_start, s_end = sentence.start, sentence.end
    body_end = s_end
    while body_end > s_start and text[body_end - 1] in ".!?”\"’' ":
        body_end -= 1
    found: list[Candidate] = []

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
            later = later_source_boundary(text, comma + 1, body_end, index)
            cs, ce = trim_span(text, comma + 1, later if later is not None else body_end)
            if word_count(text[cs:ce]) >= 4:
                src = Source(np[0], np[1], "according to", acc.start(), acc.end())
                found.append(Candidate(cs, ce, QuoteKind.INDIRECT, src, sentence.paragraph))
                if later is None:
                    return found
                cue_floor = later

    # "CONTENT, according to X." at the end of the sentence
    trailing = _TRAILING_ACCORDING.search(text, cue_floor, body_end)
    if trailing is not None and trailing.end() >= body_end - 1 and not found:
        source_np = np_after(text, trailing.end("cue"), body_end)
        cs, ce = trim_span(text, s_start, trailing.start())
        if (
            source_np is not None
            and plausible_source(text, source_np, index)
            and word_count(text[cs:ce]) >= 4
            and not is_fully_quoted(text, cs, ce)
            and not inside_quote(trailing.start())
            and not _SPEAKER_BEFORE_ACCORDING.search(text, max(cs, ce - 60), ce)
        ):
            src = Source(
                source_np[0],
                source_np[1],
                "according to",
                trailing.start("cue"),
                trailing.end("cue"),
            )
            found.append(Candidate(cs, ce, QuoteKind.INDIRECT, src, sentence.paragraph))
            return found

    cues = [
        c
        for c in CUE.finditer(text, cue_floor, body_end)
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


_TRAILING_ACCORDING = re.compile(r",\s+(?P<cue>according to)\s+[^,;:“”\"]{2,80}$")
# "CONTENT, he said, according to the agency X": the speaker is "he"; the agency only relays
# (the reporting-verb path reads it, and names the agency as the relay)
_SPEAKER_BEFORE_ACCORDING = re.compile(
    r",\s+(?:he|she|they|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s+"
    r"(?:said|says|added|stated|told\s+\w+|warned|noted|insisted|stressed|declared)$"
)


def _forward(
    text: str, sentence: Sentence, cue: re.Match[str], body_end: int, index: EntityIndex
) -> tuple[list[Candidate], int | None] | None:
    """ "X said (that) CONTENT" (and "..., and added CONTENT2" as a second quote).

    Returns the quotes and, when the clause was cut because another source speaks later in
    the sentence, the offset of that cut.
    """
    s_start = sentence.start
    verb = cue.group(0)
    if _WHICH_BEFORE.search(text, max(s_start, cue.start() - 8), cue.start()):
        # "a statement from X and Y, which affirmed that ...": the statement's authors are
        # the object of another clause; the sentence's subject did not say it
        return None
    np_span = np_before(text, s_start, cue.start())
    if verb.endswith("ing") and text[s_start : cue.start()].rstrip().endswith(","):
        # "X, who ..., struck a conciliatory tone in a speech, saying ...": the subject of
        # the clause the participle hangs on, not the last noun before the comma
        np_span = fallback_subject(text, s_start, cue, index) or np_span
    if np_span is None or not plausible_source(text, np_span, index):
        np_span = fallback_subject(text, s_start, cue, index)
        if np_span is None:
            return None
    elif _bare_title(text, np_span, index):
        # "Ann Roe, Minister of Innovation, Science and Trade, said": a title with commas
        # of its own is an apposition of the person named before it
        np_span = fallback_subject(text, s_start, cue, index) or np_span
    np_span = document_source(text, s_start, np_span, index) or np_span
    np_span = _coordinated(text, np_span, index)
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
    later = later_source_boundary(text, content_start, content_end, index)
    if later is not None:
        content_end = later
        split = None
    cs, ce = trim_span(text, content_start, content_end)
    if word_count(text[cs:ce]) < 3 or is_fully_quoted(text, cs, ce):
        return None
    via = _via(text, cue.end(), content_start, index)
    src = Source(np_span[0], np_span[1], verb, cue.start(), cue.end(), via)
    out = [Candidate(cs, ce, QuoteKind.INDIRECT, src, sentence.paragraph)]
    if split is not None:
        # the second clause, same source: "..., and added he doesn't think ..."
        second_verb = split.group(0).split()[-1]
        rest = _content_start(text, split.end(), body_end, second_verb, index)
        if rest is not None:
            rs, re_ = trim_span(text, rest, body_end)
            if word_count(text[rs:re_]) >= 3 and not is_fully_quoted(text, rs, re_):
                src2 = Source(
                    np_span[0],
                    np_span[1],
                    second_verb,
                    split.end() - len(second_verb),
                    split.end(),
                    via,
                )
                out.append(Candidate(rs, re_, QuoteKind.INDIRECT, src2, sentence.paragraph))
    return out, later


_WHICH_BEFORE = re.compile(r"\bwhich\s+(?:also\s+)?$")


def _bare_title(text: str, np: tuple[int, int], index: EntityIndex) -> bool:
    """A source phrase that is only a title ("Minister of Innovation"), naming nobody."""
    words = text[np[0] : np[1]].split()
    titles = load_gazetteer().titles
    if words and words[0].lower() in ("a", "an"):
        # "Joe Roe, a 1989 graduate and a county commissioner in X, said": an apposition
        # opened by "a" and holding a title describes the person named before it
        if not any(w.lower().strip(",") in titles for w in words[1:8]):
            return False
    elif not words or words[0].lower() not in titles:
        return False
    return not any(m.kind is EntityKind.PERSON for m in index.mentions_in(np[0], np[1]))


def _coordinated(text: str, np: tuple[int, int], index: EntityIndex) -> tuple[int, int]:
    """Widen "The Associated Press" to "Reuters and The Associated Press" when two
    named sources of one kind report together."""
    head = index.mentions_in(np[0], np[1])
    if not head or (head[0].start != np[0] and text[np[0] : head[0].start].strip() != "the"):
        return np
    joint = _AND_BEFORE.search(text, max(0, np[0] - 8), np[0])
    if joint is None:
        return np
    for mention in index.mentions_in(max(0, joint.start() - 60), joint.start()):
        if mention.end == joint.start() and mention.kind is head[0].kind:
            return mention.start, np[1]
    return np


_AND_BEFORE = re.compile(r"\s+and\s+$")


def _backward(
    text: str, sentence: Sentence, cue: re.Match[str], body_end: int, index: EntityIndex
) -> list[Candidate]:
    """ "CONTENT, X said." / "CONTENT, said X." / "CONTENT, X said, CONTENT." """
    s_start = sentence.start
    verb = cue.group(0)
    if verb.endswith("ing"):
        return []
    rest = text[cue.end() : body_end]
    clause_start = text.rfind(",", s_start, cue.start())
    if clause_start <= s_start or word_count(text[clause_start : cue.start()]) > 9:
        return []
    np_span = np_before(text, clause_start + 1, cue.start())
    inverted = None
    if (
        np_span is None
        and text[clause_start + 1 : cue.start()].strip() == ""
        and verb not in _OBJECT_VERBS
    ):
        # "..., said X." inverts; "..., urged X to ...", "..., told X ..." name the hearer
        inverted = np_after(text, cue.end(), body_end)
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
    if inverted is None and not _tail_is_minor(rest) and not _RELAY_TAIL.match(rest):
        # "The drugs have few uses, he says, and are meant for short use.": both halves
        tail_match = _PARENTHETICAL_TAIL.match(rest)
        if tail_match is None:
            return []
        ps, pe = trim_span(text, cue.end() + tail_match.end(), body_end)
        if word_count(text[ps:pe]) < 3:
            return []
        parenthetical = (ps, pe)
    if not plausible_source(text, src_np, index):
        return []
    cs, ce = trim_span(text, s_start, clause_start)
    if word_count(text[cs:ce]) < 4 or is_fully_quoted(text, cs, ce):
        return []
    via = _via(text, cue.end(), body_end, index)
    src = Source(src_np[0], src_np[1], verb, cue.start(), cue.end(), via)
    out = [Candidate(cs, ce, QuoteKind.INDIRECT, src, sentence.paragraph)]
    if parenthetical is not None:
        out.append(Candidate(*parenthetical, QuoteKind.INDIRECT, src, sentence.paragraph))
    return out


# "..., he said, according to the agency X": the rest names the relay, not more content.
_RELAY_TAIL = re.compile(r"\s*,\s+according\s+to\s+[^,;“”\"]{2,80}$")


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
        word_count(rest) <= 5
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


_AUX_AFTER = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must)\b"
)
_THAT_SOON = re.compile(r"(?:[\s,]+[^\s,;“”\"]+){0,5}?[\s,]+that\b(?![’'])")


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
    if that is not None and _AUX_AFTER.match(window, that.end()):
        that = None  # "says that is not what ...": "that" is the clause's subject
    if that is not None and not _only_adjunct_words(window[: that.end() - 4]):
        that = None  # "says the system is designed for that ...": "that" inside the clause
    if verb in _OBJECT_VERBS:
        if that is not None:
            return cue_end + that.end()
        that_far = _THAT.search(window, 0, 120)
        if that_far is not None and word_count(window[: that_far.start()]) <= 8:
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
    if first in ADJUNCT_OPENERS or (not first[:1].isalnum() and first[:1] not in "“\"‘'$"):
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
    r"claimed|explained|told|announced|confirmed|affirmed|declared|stated|revealed)\b|,[”\"]?\s+(?:saying|adding|noting|arguing|warning|insisting|"
    r"stressing|explaining|claiming)\b"
)


def _via(text: str, start: int, end: int, index: EntityIndex) -> str | None:
    """An outlet the statement was told to or reported by, within ``[start, end)``."""
    for mention in index.mentions_in(start, end):
        if mention.kind is EntityKind.OUTLET:
            entity = index.get(mention.entity_id)
            return entity.name if entity else None
    return None
