"""Direct quotes: content between quote marks and the attribution after, before or around it."""

from __future__ import annotations

import re

from knowledge.extract.entities import EntityIndex
from knowledge.extract.quotes.posts import post_candidates
from knowledge.extract.quotes.sources import (
    document_source,
    np_after,
    np_before,
    plausible_source,
    sentence_subject,
)
from knowledge.extract.quotes.spans import (
    Candidate,
    Source,
    find_any,
    quote_spans,
    trim_span,
    word_count,
)
from knowledge.extract.quotes.vocabulary import CUE
from knowledge.models import EntityKind, QuoteKind, Sentence

_ACCORDING = re.compile(r"\b[Aa]ccording to\b")


_COLON_INTRO = re.compile(r":\s*$")


_AFTER_CLOSE = re.compile(r"[\s,.—–-]*")


_INTRO_END = re.compile(r"(?:[,:]|\bthat|\bas)\s*$")


# A name in quote marks after "told"/"on"/"appeared on": a programme, paper or book title.
_TITLE_BEFORE = re.compile(r"\b(?:told|tells|on|in|to|wrote in|appeared on)\s*$")
_TITLE = re.compile(
    r"(?:The\s+)?(?:[A-Z][\w’'&-]*|of|the|and|with|in|on|for|a)(?:\s+(?:[A-Z][\w’'&-]*|of|the|and|with|in|on|for|a)){0,7}"
)


# '“...,” affirmed the minister.' / '“...,” expressed Minister X.': verbs that carry a quote
# only right after its closing mark; elsewhere "expressed concern", "underlined the need" are
# not speech cues, so they stay out of the general list.
_INVERTED_ONLY_CUE = re.compile(
    r"(?:affirmed|expressed|underlined|highlighted|reaffirmed|emphasi[sz]ed|stressed|noted)"
    r"(?=\s+(?:the\s+)?[A-Za-z])"
)


def _attribution_after(text: str, close: int, limit: int, index: EntityIndex) -> Source | None:
    """ "...,” X said." / "...,” said X." / "...,” according to X." after a closing mark."""
    after_end = min(limit, close + 160)
    next_open = find_any(text, '“"', close + 1, after_end)
    if next_open > 0:
        after_end = next_open
    m = _AFTER_CLOSE.match(text, close + 1, after_end)
    pos = m.end() if m else close + 1
    acc = _ACCORDING.match(text, pos, after_end)
    if acc is not None:
        np = np_after(text, acc.end(), after_end)
        if np is not None:
            return Source(np[0], np[1], "according to", acc.start(), acc.end())
    appositive = _appositive_source(text, pos, min(limit, close + 320), index)
    if appositive is not None:
        return appositive
    inverted = _INVERTED_ONLY_CUE.match(text, pos, after_end)
    if inverted is not None:
        np = np_after(text, inverted.end(), after_end)
        if np is not None and plausible_source(text, np, index):
            return Source(np[0], np[1], inverted.group(0), inverted.start(), inverted.end())
    cue = CUE.search(text, pos, min(after_end, pos + 90))
    if cue is None:
        return _unlisted_cue(text, close, pos, after_end, index)
    if cue.start() == pos:
        if _HEARER_CUE.fullmatch(cue.group(0)):
            # '“go crazy,” telling The Hollywood Reporter: “...”': who is told is the hearer
            return None
        # inverted: "said X"
        np = np_after(text, cue.end(), after_end)
        if np is not None and plausible_source(text, np, index):
            return Source(np[0], np[1], cue.group(0), cue.start(), cue.end())
        return None
    np = np_before(text, pos, cue.start())
    if np is not None and np[0] > pos and _ADJECTIVE_LIST.fullmatch(text, pos, np[0]):
        np = (pos, np[1])  # "the lanky, bespectacled professor said"
    if np is None or np[0] != pos or not plausible_source(text, np, index):
        return None
    if text[close - 1 : close] in ".!?" and text[pos : pos + 1].isupper():
        # “... as soon as possible.” He added that ...: a new sentence with its own content,
        # not this quote's attribution (that would end at the cue: “...” Tusk said.)
        rest = _SENTENCE_REST.match(text, cue.end(), min(limit, cue.end() + 120))
        said = rest.group(0) if rest is not None else ""
        first = said.split()[0].lower() if said.split() else ""
        if " that " in said or (word_count(said) > 6 and first not in _SETTING_OPENERS):
            return None
    return Source(np[0], np[1], cue.group(0), cue.start(), cue.end())


_HEARER_CUE = re.compile(r"tell|tells|told|telling|informing")


_SENTENCE_REST = re.compile(r"[^.!?;“”\"]*")
# '“Is it OK?” Kim asked through an interpreter as they walked in.': words telling how or where
# the cue was spoken, not new content
_SETTING_OPENERS = frozenset(("through", "as", "while", "via", "during", "in", "at", "from"))


# '“...,” an opposition lawmaker harrumphed.': a past-tense verb no list holds, alone between
# a source and the sentence's end right after a quote that a comma (or ! ?) leaves open.
_UNLISTED_CUE = re.compile(
    r"[^,.;:!?“”\"\n]{1,60}?\s(?P<verb>[a-z]{3,}ed)"
    r"(?:\s+(?:on|in|at|to|during|after|before|with|from|via|over)\s[^,.;:!?“”\"\n]{1,40}?)?"
    r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bSt)\s*[.!?](?:\s|$)"
)


def _unlisted_cue(text: str, close: int, pos: int, end: int, index: EntityIndex) -> Source | None:
    if text[close - 1 : close] not in (",", "!", "?"):
        return None
    m = _UNLISTED_CUE.match(text, pos, end)
    if m is None:
        return None
    np = np_before(text, pos, m.start("verb"))
    if np is None or np[0] != pos or not plausible_source(text, np, index):
        return None
    return Source(np[0], np[1], m.group("verb"), m.start("verb"), m.end("verb"))


_ADJECTIVE_LIST = re.compile(r"(?:the|a|an)\s+[a-z-]+(?:,\s*[a-z-]+)*,\s*")


_APPOSITION_CUE = re.compile(r",[^“”\"]{1,220}?,\s+(?:also\s+|later\s+)?")


def _appositive_source(text: str, pos: int, end: int, index: EntityIndex) -> Source | None:
    """ "...,” Guenther Schuh, e.GO's founder and ..., said" : a person, an apposition, a cue."""
    mentions = index.mentions_in(pos, end)
    if not mentions or mentions[0].start != pos or mentions[0].kind is not EntityKind.PERSON:
        return None
    head = mentions[0]
    appos = _APPOSITION_CUE.match(text, head.end, end)
    if appos is None:
        return None
    cue = CUE.match(text, appos.end(), end)
    if cue is None:
        return None
    return Source(head.start, head.end, cue.group(0), cue.start(), cue.end())


# A characterisation: "X blasted it as “...”", "X called the comments “surreal”", "X called
# Roe's remarks “disgusting”", "X described them as “...”". The quoted words are X's.
_CHARACTERISE = re.compile(
    r"\b(?P<cue>blasted|blasts|called|calls|described|describes|labell?ed|labels|branded|"
    r"brands|dubbed|dubs|slammed|slams|denounced|denounces|hailed|hails|derided|derides|"
    r"decried|decries|characterized|characterised|characterizes|characterises|"
    # the participle after the main clause: "X welcomed the deal, calling it “...”"
    r"calling|labell?ing|branding|dubbing|slamming|denouncing|hailing|deriding|decrying|"
    r"characteri[sz]ing)"
    r"(?:\s+(?:it|them|this|that|him|her|these|those|"
    r"(?:the|his|her|their|its)\s+[a-z-]+(?:\s+[a-z-]+)?|"
    r"(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w.-]*(?:’s|'s)\s+[a-z-]+(?:\s+[a-z-]+)?)"
    r"(?:\s+as)?|\s+as)(?:\s+(?:an?|the))?\s*$"
)


_CHARACTERISE_VERB = re.compile(r"\b(?:blast|call|describ|label|brand|dub|slam|denounc|hail|decr)")


# "was described as “...”": a passive has no speaker before the verb
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|is|are|be|been|being)(?:\s+(?:also|often|widely|\w+ly))?\s*$"
)


def _characterisation(
    text: str, sent_start: int, open_mark: int, index: EntityIndex
) -> Source | None:
    """ "X blasted it as “...”": the subject of a characterising verb right before the mark."""
    m = _CHARACTERISE.search(text, max(sent_start, open_mark - 160), open_mark)
    if m is None:
        return None
    cue = m.start("cue")
    if _PASSIVE_BEFORE.search(text, max(sent_start, cue - 12), cue):
        return None
    participle = m.group("cue").endswith("ing")
    if participle and not text[max(sent_start, cue - 3) : cue].rstrip().endswith(","):
        return None  # "(calling it a “plan” is generous)": no clause of its own
    # the subject may stand far back when page clutter was blanked between name and verb
    lo = max(sent_start, cue - 600)
    # a participle after the main clause ("A, joined by B, dissented, calling it “...”") is
    # the subject's: the name right before it may be an object
    np = None if participle else np_before(text, lo, cue)
    if np is None or not plausible_source(text, np, index):
        np = sentence_subject(text, sent_start, cue, index, people_only=True)
    if np is None:
        return None
    # a named person or a pronoun: "Critics called it a “farce”" stays a scare quote
    named = any(mention.kind is EntityKind.PERSON for mention in index.mentions_in(np[0], np[1]))
    if not named and text[np[0] : np[1]].lower() not in ("he", "she"):
        return None
    return Source(np[0], np[1], m.group("cue"), cue, m.end("cue"))


# "In the lobby display it says flatly, “”: an object speaks; "it" is the thing just named.
_THING_SPEAKS = re.compile(
    r"\b(?:[Ii]n|[Oo]n|[Aa]t)\s+(?P<np>(?:the|its|their|an?)\s+[^,.;:!?“”\"]{1,60}?)"
    r",?\s+it\s+(?:\w+ly\s+|also\s+|even\s+)?$"
)


_WHICH_BEFORE = re.compile(r"\bwhich\s+(?:also\s+)?$")


# Between "said" and "telling" in "she said on Monday, telling ...": an adjunct, then a comma.
_PARTICIPLE_JOIN = re.compile(r"[^.;:!?“”\"]{0,40}?,\s*")


def _attribution_before(
    text: str, sent_start: int, open_mark: int, index: EntityIndex, subject_from: int | None = None
) -> Source | None:
    """ "X said Sunday, “" / "X added: “" / "warning, “" / "according to X, “"."""
    lo = max(sent_start, open_mark - 300)
    cues = list(CUE.finditer(text, lo, open_mark))
    accordings = list(_ACCORDING.finditer(text, lo, open_mark))
    acc = accordings[-1] if accordings else None
    if acc is not None and (not cues or acc.start() > cues[-1].start()):
        np = np_after(text, acc.end(), open_mark)
        if np is not None:
            return Source(np[0], np[1], "according to", acc.start(), acc.end())
    if not cues or (
        _COLON_INTRO.search(text, cues[-1].end(), open_mark)
        and word_count(text[cues[-1].end() : open_mark]) > 4
    ):
        # "Martell is more blunt: “...”", "Musk took to Twitter with this: “...”"
        if _COLON_INTRO.search(text, max(lo, open_mark - 3), open_mark):
            subject = sentence_subject(text, sent_start, open_mark, index, people_only=True)
            if subject is not None:
                return Source(subject[0], subject[1], None, open_mark, open_mark)
        if not cues:
            return None
    cue = cues[-1]
    if _WHICH_BEFORE.search(text, max(sent_start, cue.start() - 8), cue.start()):
        return None  # "a statement from X, which affirmed that “...”": no subject of its own
    between = text[cue.end() : open_mark]
    if word_count(between) > 7 or any(c in between for c in ".;!?”"):
        return None
    if word_count(between) > 0 and not _INTRO_END.search(between):
        return None
    np = np_before(text, lo, cue.start())
    if np is not None and plausible_source(text, np, index):
        np = document_source(text, sent_start, np, index) or np
        return Source(np[0], np[1], cue.group(0), cue.start(), cue.end())
    place = _THING_SPEAKS.search(text, max(sent_start, cue.start() - 120), cue.start())
    if place is not None:
        # "In the war room it says, “...”": the thing the "it" stands in is the source
        return Source(place.start("np"), place.end("np"), cue.group(0), cue.start(), cue.end())
    # a participle or a clause whose subject came first: "The coach underscored ..., saying, “"
    # (the subject may stand before an earlier quoted fragment of the sentence: "X called it
    # “a binge,” telling Y: “...”")
    subject = sentence_subject(
        text, sent_start if subject_from is None else subject_from, cue.start(), index
    )
    if subject is not None:
        return Source(subject[0], subject[1], cue.group(0), cue.start(), cue.end())
    if len(cues) > 1 and cue.group(0).endswith("ing"):
        # "“...,” she said, telling CNN: “...”": the participle's subject is the earlier
        # cue's, and the addressee after it (an outlet, a person) is not the speaker
        prior = cues[-2]
        if _PARTICIPLE_JOIN.fullmatch(text, prior.end(), cue.start()):
            np = np_before(text, lo, prior.start())
            if np is not None and plausible_source(text, np, index):
                return Source(np[0], np[1], cue.group(0), cue.start(), cue.end())
    return None


def direct_candidates(
    text: str, paragraphs: dict[int, list[Sentence]], index: EntityIndex
) -> tuple[list[Candidate], list[tuple[int, int]], set[int]]:
    """Direct quotes paragraph by paragraph, with their sources.

    Returns the candidates, the spans inside quote marks (no indirect cue is read there) and
    the offsets of the cues that direct quotes used.
    """
    candidates: list[Candidate] = []
    blocked: list[tuple[int, int]] = []
    used_cues: set[int] = set()
    prev_para_start = prev_sentence_start = 0
    prev_para_end: int | None = None
    for p in sorted(paragraphs):
        sents = paragraphs[p]
        p_start, p_end = sents[0].start, sents[-1].end
        spans = quote_spans(text, p_start, p_end)
        if not spans and prev_para_end is not None:
            set_off = _set_off_quote(
                text,
                (p_start, p_end, p),
                (prev_para_start, prev_para_end),
                prev_sentence_start,
                index,
            )
            if set_off is not None:
                candidates.append(set_off)
                blocked.append((set_off.start, set_off.end))
                if set_off.source is not None:
                    used_cues.add(set_off.source.cue_start)
        prev_close = p_start
        for open_mark, close_mark, closed in spans:
            blocked.append((open_mark, close_mark + 1))
            # a two-character closer ('' or ’’) ends the content one character earlier
            content_end = (
                close_mark - 1
                if text[close_mark - 1 : close_mark + 1] in ("''", "’’")
                else close_mark
            )
            cs, ce = trim_span(text, open_mark + 1, content_end)
            if ce <= cs:
                continue
            sent = next((s for s in sents if s.start <= open_mark < s.end), sents[0])
            sent_end = next((s.end for s in sents if s.start <= close_mark < s.end), p_end)
            source = None
            if closed:
                source = _attribution_after(text, close_mark, p_end, index)
            characterised = False
            if source is None and closed:
                # before the general cue search: "called the comments “...”" has a noun cue
                source = _characterisation(text, max(sent.start, prev_close), open_mark, index)
                characterised = source is not None
            outlet = _outlet_in(source, index) if source is not None else None
            if outlet is None and source is not None and source.cue == "according to":
                outlet = _unlisted_outlet(text, source, index)
            if source is None or (outlet is not None and source.cue == "according to"):
                # "X warned that “...,” according to Reuters": X speaks, Reuters relays
                before = _attribution_before(
                    text, max(sent.start, prev_close), open_mark, index, subject_from=sent.start
                )
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
            if characterised:
                # "called it “completely unfair” for the students “to be ...”": the quoted
                # pieces of one characterising sentence are one quote
                more = find_any(text, '“"', close_mark + 1, sent_end)
                shut = find_any(text, '”"', more + 1, sent_end) if more > 0 else -1
                gap = text[close_mark + 1 : more]
                if (
                    shut > 0
                    and word_count(gap) <= 6
                    and not any(c in gap for c in ",;:.")
                    and CUE.search(gap) is None
                    and _CHARACTERISE_VERB.search(gap) is None
                ):
                    ce = trim_span(text, cs, shut)[1]
            n_words = word_count(text[cs:ce])
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
                ls, _ = trim_span(text, lead_start, open_mark)
                lead_words = word_count(text[ls:open_mark])
                # "During the debate, “...,” she said": an opening phrase set off by a comma
                # is the narrator's, not part of what was said
                introduced = text[ls:open_mark].rstrip().endswith(",")
                if 0 < lead_words <= 25 and not introduced and not CUE.search(text, ls, open_mark):
                    cs = ls
                    at_sentence_start = True
                    if lead_words > n_words:
                        kind = QuoteKind.INDIRECT
                    n_words += lead_words
            full_sentence = at_sentence_start and text[ce - 1 : ce] in (".", "!", "?")
            if (
                n_words < 4
                and not full_sentence
                and not characterised
                and (source is None or not at_sentence_start)
            ):
                # scare quotes, titles, nicknames: "told “Fox News Sunday”", "called it “a farce”"
                prev_close = close_mark + 1
                continue
            if _TITLE_BEFORE.search(text, max(0, open_mark - 20), open_mark) and _TITLE.fullmatch(
                text, cs, ce
            ):
                # "told “The Evening Hour With Ann Lee”": a programme's or book's name
                prev_close = close_mark + 1
                continue
            headline_like = (
                source is None
                and open_mark <= p_start + 1
                and close_mark >= p_end - 2
                and text[ce - 1 : ce] not in (".", "!", "?", "…")
            )
            candidates.append(
                Candidate(
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
    posts, post_spans = post_candidates(text, paragraphs, candidates)
    if posts:
        candidates.extend(posts)
        candidates.sort(key=lambda c: c.start)
        blocked.extend(post_spans)
    return candidates, blocked, used_cues


# The end of a paragraph that hands over to a set-off quote with no cue verb: "X has been on
# social media:", "X posted on Facebook:".
_MEDIUM_INTRO = re.compile(
    r"\b(?:on|to)\s+(?:social\s+media|Twitter|X|Facebook|Instagram|Telegram|Truth\s+Social|"
    r"Bluesky|Threads|LinkedIn|TikTok|YouTube)\s*:\s*$|"
    r"\bin\s+an?\s+(?:post|tweet|statement|message|letter|email|video)\b[^.;:!?]{0,40}:\s*$"
)


def _set_off_quote(
    text: str,
    paragraph: tuple[int, int, int],
    previous: tuple[int, int],
    prev_sentence_start: int,
    index: EntityIndex,
) -> Candidate | None:
    """A paragraph without quote marks that the paragraph before hands to a speaker.

    "In a statement, she said:" then the statement's words as their own paragraph (a
    ``<blockquote>`` on the page, which carries no quote marks): the whole paragraph is a direct
    quote. The paragraph before must end with a colon after a cue or a medium ("on social
    media:"); a colon after other words ("Here is a summary:") hands over nothing.
    """
    p_start, p_end, p = paragraph
    before_text = text[previous[0] : previous[1]].rstrip()
    if not before_text.endswith(":"):
        return None
    if "(@" in text[p_start:p_end]:
        return None  # a signed post: its signature names the author (posts.py)
    intro_end = previous[0] + len(before_text)
    source = _attribution_before(text, prev_sentence_start, intro_end, index)
    if source is None:
        return None
    if source.cue is None and _MEDIUM_INTRO.search(text, prev_sentence_start, intro_end) is None:
        return None
    if source.cue is not None and (
        word_count(text[source.cue_end : intro_end]) > 4
        or _BY_AFTER_CUE.match(text, source.cue_end, intro_end)
    ):
        # "A new poll says Obama's up by 13 points:" (the content came before the colon),
        # "the challenges reported by directors:" (a passive: no speaker before the cue)
        return None
    np = text[source.np_start : source.np_end]
    named = any(
        m.kind in (EntityKind.PERSON, EntityKind.ORGANISATION)
        for m in index.mentions_in(source.np_start, source.np_end)
    )
    if not named and np.lower() not in ("he", "she", "they"):
        return None  # "the main challenges", "a glimpse into my Twitter": nobody who speaks
    if any(m.kind is EntityKind.OUTLET for m in index.mentions_in(source.np_start, source.np_end)):
        return None  # an excerpt of another outlet's report: its own attributions are read
    cs, ce = trim_span(text, p_start, p_end)
    body = text[cs:ce]
    if (
        word_count(body) < 4
        or body[:2] in ("- ", "• ", "--")  # a list of points is the writer's summary
        or body[-1:] not in (".", "!", "?", "…", ")")  # a caption, a video label, an intro
        or CUE.search(body) is not None  # reported speech inside: read as its own quotes
    ):
        return None
    return Candidate(cs, ce, QuoteKind.DIRECT, source, p, set_off=True)


_BY_AFTER_CUE = re.compile(r"\s+by\b")


def _borrow_from_next_paragraph(candidates: list[Candidate]) -> None:
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


def _outlet_in(source: Source, index: EntityIndex) -> str | None:
    """The outlet a source noun phrase names, if it names one."""
    for mention in index.mentions_in(source.np_start, source.np_end):
        if mention.kind is EntityKind.OUTLET:
            entity = index.get(mention.entity_id)
            return entity.name if entity is not None else None
    return None


# "according to the Globe": a paper no table lists, named like one (no person in it)
_NAMED_RELAY = re.compile(r"(?:the|The)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}")


def _unlisted_outlet(text: str, source: Source, index: EntityIndex) -> str | None:
    if _NAMED_RELAY.fullmatch(text, source.np_start, source.np_end) is None:
        return None
    mentions = index.mentions_in(source.np_start, source.np_end)
    if any(m.kind is not EntityKind.OUTLET for m in mentions):
        return None
    return text[source.np_start : source.np_end]
