"""Positions: what a person demanded and what parties agreed, as claims attributed to them.

- "X demanded that CONTENT", "He also demanded CONTENT", "The president demanded that ..."
  -> a claim attributed to the person (a pronoun or a title resolved through coreference);
- "A and B agreed on/to CONTENT", "The foreign ministers of A and B agreed ..." -> a claim
  attributed to the parties;
- "Under the roadmap/deal/agreement, CONTENT" in the sentences after an agreement -> a claim
  linked to it: same parties, cue "agreed", so the terms are found with the agreement.

Every claim's ``text`` is ``article.text[start:end]``, verbatim.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from knowledge.extract.coref import Coreference
from knowledge.extract.entities import EntityIndex
from knowledge.extract.events import Named, named_in, subject_names
from knowledge.extract.gazetteer import words_of
from knowledge.extract.sentences import sentences_containing
from knowledge.models import Article, Claim, EntityKind, Sentence

# Case-sensitive keywords (the cues are lower case): two scans of the text as written, with
# no lower-cased copy, keep this stage cheap; an agreement's terms are looked for only in the
# sentences after it.
_KEYWORDS = ("demand", "agreed", "reached", "struck", "signed", "sealed", "clinched", " offer")

# The cue, after adverbs and auxiliaries that may stand between subject and verb.
_CUE = re.compile(r"\b(?:demanded|demands(?=\s+that\b)|agreed)\b")
# Words that may stand between the subject and the cue: "He also demanded", "A and B have
# agreed", "X on Monday demanded".
_BETWEEN = frozenset(
    words_of(
        """also then later again further repeatedly have has had finally formally jointly
    quickly eventually all both on monday tuesday wednesday thursday friday saturday
    sunday"""
    )
)


def _subject_end(text: str, cue_start: int) -> int:
    """Where the subject ends: before the adverbs and auxiliaries in front of the cue."""
    end = cue_start
    while True:
        head = text[:end].rstrip(" ,")
        space = head.rfind(" ")
        if space < 0 or head[space + 1 :].casefold() not in _BETWEEN:
            return len(text[:end].rstrip())
        end = space


# What may stand between the cue and its content: a day, a place, "that".
_LEAD_IN = re.compile(
    r"(?:\s*,?\s*(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"yesterday|today|late\s+\w+|earlier|last\s+\w+|this\s+week)\b,?"
    r"|\s+in\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?,?)*\s*"
)
# "agreed to meet again", "demanded to know": no position is stated.
_NO_CONTENT = re.compile(
    r"(?:to\s+(?:meet|talk|speak|know|see|hold\s+(?:talks|a\s+meeting)|resume\s+talks)\b|"
    r"with\s+(?:him|her|them|it|this|that)\b)"
)
_OTHER_CLAUSE = re.compile(r",\s+(?:but|while|although|though|even\s+as|whereas)\b|;\s")
# After the cue, words that open an adjunct, not what was demanded or agreed: "agreed when
# asked", "demanded in their budgets"; "agreed with X" is assent to someone, not a deal.
_ADJUNCT = re.compile(
    r"(?:when|while|as|after|before|because|if|though|although|during|in|at|but|and|with|"
    r"by|for|so|too|as\s+well)\b"
)
_INSIDE_PHRASE = re.compile(r"\b(?:of|for|from|by|per|among)\s+(?:the\s+)?$", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"(?:He|She)$")
_TITLE_SUBJECT = re.compile(r"The\s+(?:[a-z]+\s+){0,2}[a-z]+")
_UNDER_TERMS = re.compile(
    r"^(?P<lead>Under\s+(?:the|this|that|a|an)\s+(?:[\w’'-]+\s+){0,5}?(?:roadmap|road\s+map|"
    r"deal|agreement|accord|plan|declaration|deal['’]s\s+terms|terms|treaty|pact|"
    r"memorandum|framework|compromise|arrangement|ceasefire|truce)(?:\s+[^,]{0,60})?),\s+"
)
# How many sentences after an agreement its terms may follow.
_TERMS_WITHIN = 6
# "A and B reached a provisional deal", "the two sides struck an accord": an agreement whose
# terms the next sentences give ("Under the agreement, ..."), though nobody "agreed".
_REACHED = re.compile(
    r"\b(?:reached|struck|signed|sealed|clinched|concluded|hammered\s+out)\s+(?:a|an|the)\s+"
    r"(?:[\w’'-]+\s+){0,3}?(?:deal|agreement|accord|settlement|compromise|pact|truce|ceasefire)\b"
)
# "X raised its wage offer from 3% to 4.5%", "X improved its offer to 2%": an offer's terms.
_OFFER = re.compile(
    r"\b(?:raised|increased|improved|sweetened|lowered|cut|revised|tabled|made|put\s+forward)\s+"
    r"(?:its|their|his|her|a|an|the)\s+(?:[\w’'-]+\s+){0,2}?offers?\b"
)
# A subject that opens the sentence and is no name the entity stage knows: "The Northern
# Ferrymen's Union and the management of the Harbourline Ferry Company", "Harbourline".
_PLAIN_SUBJECT = re.compile(
    r"(?:The\s+)?(?P<who>[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|the|and|de|for))*"
    r"(?:\s+(?:and|&)\s+(?:the\s+)?(?:[a-z]+\s+of\s+(?:the\s+)?)?[A-Z][\w’'.&-]*"
    r"(?:\s+(?:[A-Z][\w’'.&-]*|of|the|and|de|for))*)?)"
)
_DASH_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .’'-]{1,40}\s+[–—-]+\s+")


def _parties_before(named: Sequence[Named], text: str, end: int) -> list[Named]:
    """The named entities forming the subject that ends at ``end``: "A and B", "X"."""
    parties = subject_names(named, text, end, the=True)
    if parties and _INSIDE_PHRASE.search(text, max(0, parties[0].start - 12), parties[0].start):
        # "thirty per cent of voters agreed", "the denuclearization of X, demands": the
        # names end a longer subject, which is not theirs
        return []
    return parties


# "CITY, Country (Agency) — ": a dateline opening the lead sentence
_DATELINE = re.compile(r"^[^()]{0,60}\([A-Z][\w .&-]{0,30}\)\s*[-–—]+\s*")
_PARTIES_PHRASE = re.compile(
    r"(?:The\s+)?(?:[A-Za-z-]+\s+){0,2}?(?i:leaders|ministers|heads\s+of\s+state|presidents|"
    r"prime\s+ministers|governments|delegations|negotiators|envoys|officials)\s+of\s+"
    r"(?:the\s+)?[^,;]+"
)


def _subject_phrase(named: Sequence[Named], text: str, end: int) -> str | None:
    """ "The foreign ministers of A and B agreed": the parties named in a short subject that
    opens the sentence (or the phrase itself when it names none: "Leaders of the four
    river states")."""
    dateline = _DATELINE.match(text, 0, end)
    begin = dateline.end() if dateline else 0
    phrase = text[begin:end].strip()
    if phrase.count(" ") > 11 or not _PARTIES_PHRASE.fullmatch(phrase):
        return None
    parties = [
        n.name
        for n in named
        if begin <= n.start and n.end <= end and n.kind is not EntityKind.OUTLET
    ]
    if parties:
        return _join(parties)
    return phrase[4:] if phrase.startswith("The ") else phrase


def _content(text: str, position: int) -> tuple[int, int] | None:
    lead = _LEAD_IN.match(text, position)
    start = lead.end() if lead else position
    if text.startswith(": ", start):
        start += 2
    if _NO_CONTENT.match(text, start) or _ADJUNCT.match(text, start):
        return None
    end = len(text.rstrip())
    other = _OTHER_CLAUSE.search(text, start)
    if other is not None:
        end = other.start()  # "agreed to X, but the summit ended without Y": X alone
    while end > start and text[end - 1] in ".!?":
        end -= 1
    if text.startswith("that ", start):
        start += 5  # "demanded that X": the content is X
    if text[start:end].count(" ") < 2:
        return None
    return start, end


def _quoted_at(text: str, position: int) -> bool:
    """Whether ``position`` lies inside quote marks opened earlier in the sentence."""
    before = text[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


class _Speakers:
    """Resolves a pronoun or title subject; the coreference tables are built on first use.

    A wrong name is worse than none: a pronoun resolves only to a person named in the last
    few sentences (a name the entity stage missed may sit in between), and a title only to
    the holder of that very title ("the president" is not the vice president).
    """

    def __init__(self, index: EntityIndex, text: str) -> None:
        self._index = index
        self._text = text
        self._coref: Coreference | None = None

    def _resolver(self) -> Coreference:
        if self._coref is None:
            self._coref = Coreference(self._index, self._text)
        return self._coref

    def pronoun(self, word: str, position: int, reach: int) -> str | None:
        entity = self._resolver().pronoun(word, position)
        if entity is None or entity.kind is not EntityKind.PERSON:
            return None
        if not any(reach <= m.start < position for m in entity.mentions):
            return None
        return entity.name

    def title(self, phrase: str, position: int) -> str | None:
        noun = " ".join(phrase.casefold().split()[1:])
        best: tuple[int, str] | None = None
        for entity in self._index.persons():
            if not any(
                r.title
                and re.fullmatch(rf"(?:[\w-]+\s+)?{re.escape(noun)}", r.title.casefold())
                and not _LESSER_TITLE.match(r.title.casefold())
                for r in entity.roles
            ):
                continue
            last = max((m.start for m in entity.mentions if m.start < position), default=-1)
            if last >= 0 and (best is None or last > best[0]):
                best = (last, entity.name)
        return best[1] if best is not None else None


# "vice president", "deputy prime minister", "former president": not "the president".
_LESSER_TITLE = re.compile(r"(?:vice|deputy|assistant|under|former|ex-|acting|first\s+lady)")
# How many sentences back a pronoun's person must have been named.
_PRONOUN_REACH = 2


def find_positions(
    article: Article, sentences: Sequence[Sentence], index: EntityIndex
) -> list[Claim]:
    """Demands and agreements attributed to who made them, with an agreement's terms."""
    claims: list[Claim] = []
    speakers = _Speakers(index, article.text)

    def add(sentence: Sentence, span: tuple[int, int], who: str, cue: str) -> None:
        start, end = span
        claims.append(_claim(article, sentence.start + start, sentence.start + end, who, cue))

    candidates = sentences_containing(article.text, sentences, _KEYWORDS)
    for number, sentence in enumerate(candidates):
        text = sentence.text
        claims.extend(_reached_or_offered(article, sentences, candidates, number, index))
        cue = _CUE.search(text)
        if cue is None or _quoted_at(text, cue.start()):
            continue  # a demand inside someone's quoted words is theirs to report
        subject_end = _subject_end(text, cue.start())
        named = named_in(index, sentence)
        who: str | None = None
        parties = _parties_before(named, text, subject_end)
        if parties and parties[-1].kind is EntityKind.OUTLET:
            parties = []
        if parties:
            who = _join([p.name for p in parties])
        elif cue.group(0) == "agreed":
            who = _subject_phrase(named, text, subject_end)
        elif _PRONOUN_SUBJECT.fullmatch(text[:subject_end].strip()):
            earlier = sentences[max(0, sentence.index - _PRONOUN_REACH)]
            reach = earlier.start if earlier.start <= sentence.start else sentence.start
            who = speakers.pronoun(text[:subject_end].strip(), sentence.start, reach)
        elif _TITLE_SUBJECT.fullmatch(text[:subject_end].strip()):
            who = speakers.title(text[:subject_end].strip(), sentence.start)
        if who is None or _BEFORE_LIST.match(text, cue.end()):
            continue  # "agreed to: (1) ...; (2) ...": the points are the terms (_listed_terms)
        span = _content(text, cue.end())
        if span is None:
            continue
        word = cue.group(0)
        add(sentence, span, who, "demanded" if word.startswith("demand") else "agreed")
        if word == "agreed":
            # its terms: "Under the roadmap, ..." in the sentences that follow, up to the next
            # sentence that may state another agreement
            upto = sentence.index + 1 + _TERMS_WITHIN
            if number + 1 < len(candidates):
                upto = min(upto, candidates[number + 1].index)
            for later in sentences[sentence.index + 1 : upto]:
                terms = _UNDER_TERMS.match(later.text)
                span = _content(later.text, terms.end()) if terms is not None else None
                if span is not None:
                    add(later, span, who, "agreed")
    if _LIST_OPENS.search(article.text) is not None:
        claims.extend(_listed_terms(article, sentences, index))
    return sorted(claims, key=lambda c: c.start)


def _opening_subject(named: Sequence[Named], text: str, end: int) -> str | None:
    """Who acts in a sentence whose subject opens it and ends at ``end``: the names there
    ("A and B"), else the subject as written when it is a short run of capitalised names
    ("The X Union and the management of the Y Company", "Harbourline")."""
    dateline = _DASH_DATELINE.match(text) or _DATELINE.match(text)
    begin = dateline.end() if dateline else 0
    parties = _parties_before(named, text, end)
    if parties and parties[-1].kind is not EntityKind.OUTLET:
        # "Peruvian President A and Chilean President B signed": the titles between
        # break the run of names, yet both are of the subject
        within = [
            n for n in named if begin <= n.start and n.end <= end and n.kind is parties[0].kind
        ]
        if len(within) > len(parties) and " and " in text[begin:end] and "," not in text[begin:end]:
            parties = within
        return _join([p.name for p in parties])
    subject = _PLAIN_SUBJECT.fullmatch(text, begin, end)
    if (
        subject is None
        or subject.group("who").count(" ") > 14
        or _PRONOUN_WORD.match(subject.group("who"))
    ):
        return None
    return subject.group("who")


_PRONOUN_WORD = re.compile(r"(?:He|She|It|They|We|I|You|This|That|These|Those|There)$")


def _reached_or_offered(
    article: Article,
    sentences: Sequence[Sentence],
    candidates: Sequence[Sentence],
    number: int,
    index: EntityIndex,
) -> list[Claim]:
    """ "A and B reached an agreement." with "Under the agreement, TERMS" after it: the terms,
    credited to A and B (cue "agreed"); "X raised its wage offer from 3% to 4.5%": the offer,
    credited to X (cue "offered")."""
    sentence = candidates[number]
    text = sentence.text
    found: list[Claim] = []
    offer = _OFFER.search(text)
    if offer is not None and not _quoted_at(text, offer.start()):
        who = _opening_subject(named_in(index, sentence), text, _subject_end(text, offer.start()))
        # up to the attribution or the next clause: "..., according to a memo sent to staff"
        comma = text.find(", ", offer.end())
        end = comma if comma > 0 else len(text.rstrip().rstrip(".!?"))
        offered = text[offer.start() : end]
        # an offer with its terms: "from 3% to 4.5%", "of $2bn", not "made the offer in a speech"
        if who is not None and offered.count(" ") >= 3 and re.search(r"\d", offered):
            found.append(
                _claim(
                    article, sentence.start + offer.start(), sentence.start + end, who, "offered"
                )
            )
    reached = _REACHED.search(text)
    if reached is None or _quoted_at(text, reached.start()) or "agreed" in text:
        return found  # an "agreed" sentence finds its terms itself
    who = _opening_subject(named_in(index, sentence), text, _subject_end(text, reached.start()))
    if who is None:
        return found
    for later in sentences[sentence.index + 1 : sentence.index + 1 + _TERMS_WITHIN]:
        if _REACHED.search(later.text) or _CUE.search(later.text):
            break  # another agreement (or a demand) from here on
        terms = _UNDER_TERMS.match(later.text)
        span = _content(later.text, terms.end()) if terms is not None else None
        if span is not None:
            start, end = span
            found.append(_claim(article, later.start + start, later.start + end, who, "agreed"))
    return found


# "agreed:", "agreed to:", "agreed on the following:": a list of terms follows.
_BEFORE_LIST = re.compile(r"(?:\s+(?:to|on|that|the\s+following))*\s*:")
# A list opening after a colon: "... agree:\n1. ...", "commits both countries to: (1) ...".
_LIST_OPENS = re.compile(r":[ \t]*(?:\n|\(1\)|1[.)]\s|[-•*–]\s)")
# What the sentence before the colon must end with: an agreement's verb ("the two Governments
# agree:", "Kenya and Uganda agreed to:", "commits both countries to:", "pledged to:").
_TERMS_INTRO = re.compile(
    r"\b(?:agree[sd]?|agreeing|commit(?:s|ted)?\s+(?:[\w’'-]+\s+){0,3}?to|undert(?:ake|akes|ook)"
    r"\s+to|pledge[sd]?\s+to|resolve[sd]?\s+to|decided\s+to)(?:\s+(?:to|on|that|the\s+following))?"
    r"\s*$"
)
# One point of the list: a line or bracket opening "1.", "2)", "(3)", "a)", "- ", "• ".
_POINT = re.compile(
    r"(?:^|(?<=\n)|(?<=[;:,]\s)|(?<=\s))[ \t]*(?:\d{1,2}[.)]|\(\d{1,2}\)|[a-h]\)|\([a-h]\)|"
    r"[-•*–])[ \t]+"
)
# Who "the two Governments", "both countries", "both sides" are: the countries last named.
_COLLECTIVE = re.compile(
    r"\b(?:both|the\s+(?P<count>two|three|four))\s+(?:[A-Za-z]+\s+)?(?i:countries|governments|"
    r"sides|nations|states|parties|leaders|ministers|chancellors|delegations|presidents|capitals)\b"
)
_COUNTS = {"two": 2, "three": 3, "four": 4}
# How many sentences back the countries of "both countries" may have been named.
_COLLECTIVE_REACH = 3


def _listed_terms(
    article: Article, sentences: Sequence[Sentence], index: EntityIndex
) -> list[Claim]:
    """The numbered or bulleted points after "the two Governments agree:", each a claim
    credited to the parties, cue "agreed"."""
    text = article.text
    claims: list[Claim] = []
    starts = [s.start for s in sentences]
    for opening in _LIST_OPENS.finditer(text):
        at = bisect.bisect_right(starts, opening.start()) - 1
        if at < 0:
            continue
        sentence = sentences[at]
        intro = text[sentence.start : opening.start()]
        cue = _TERMS_INTRO.search(intro)
        if cue is None:
            continue
        who = _agreeing_parties(sentences, at, intro, cue.start(), index)
        if who is None:
            continue
        for start, end in _points(text, opening.start() + 1):
            claims.append(_claim(article, start, end, who, "agreed"))
    return claims


def _agreeing_parties(
    sentences: Sequence[Sentence], at: int, intro: str, cue: int, index: EntityIndex
) -> str | None:
    """The parties of a list's agreement: named before the cue ("Kenya and Uganda agreed
    to:"), or the countries a collective noun stands for ("the two Governments agree:")."""
    sentence = sentences[at]
    named = [n for n in named_in(index, sentence) if n.end <= len(intro)]
    parties = _parties_before(named, intro, _subject_end(intro, cue))
    if parties and parties[-1].kind is not EntityKind.OUTLET:
        return _join([p.name for p in parties])
    collective = _COLLECTIVE.search(intro)
    if collective is None:
        return None
    wanted = _COUNTS.get((collective.group("count") or "two").casefold(), 2)
    countries: list[str] = []
    for earlier in reversed(sentences[max(0, at - _COLLECTIVE_REACH) : at + 1]):
        found = [n.name for n in named_in(index, earlier) if n.kind is EntityKind.COUNTRY]
        if earlier is sentence:
            found = [n.name for n in named if n.kind is EntityKind.COUNTRY]
        for name in reversed(found):
            if name not in countries:
                countries.insert(0, name)
        if len(countries) >= wanted:
            break
    if len(countries) < wanted:
        return None
    return _join(countries[-wanted:])


def _points(text: str, position: int) -> list[tuple[int, int]]:
    """The spans of the list's points from ``position`` on: "1. To X.\n\n2. To Y." or
    "(1) X; (2) Y", each without its marker and closing punctuation."""
    line_end = text.find("\n", position)
    inline = text[position : len(text) if line_end < 0 else line_end]
    if inline.strip():
        # "agreed to: (1) X; (2) Y": the points share the colon's line
        markers = list(_POINT.finditer(text, position, position + len(inline)))
        if len(markers) < 2:
            return []
        bounds = [m.end() for m in markers] + [position + len(inline)]
        ends = [m.start() for m in markers[1:]] + [position + len(inline)]
        return [_trimmed(text, b, e) for b, e in zip(bounds, ends, strict=False)]
    spans: list[tuple[int, int]] = []
    cursor = line_end + 1
    while cursor < len(text):
        end = text.find("\n", cursor)
        end = len(text) if end < 0 else end
        line = text[cursor:end]
        if line.strip():
            marker = _POINT.match(text, cursor, end)
            if marker is None:
                break  # the first line without a marker ends the list
            spans.append(_trimmed(text, marker.end(), end))
        cursor = end + 1
    return [s for s in spans if s[1] - s[0] > 3]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A point's span without its closing "; and", ";", "." or spaces."""
    piece = text[start:end]
    stripped = re.sub(r"(?:[\s;,.]+(?:and|or)?)+$", "", piece)
    return start, start + len(stripped)


def _claim(article: Article, start: int, end: int, who: str, cue: str) -> Claim:
    """The claim that ``article.text[start:end]`` is ``who``'s position."""
    return Claim(
        article_id=article.id,
        text=article.text[start:end],
        start=start,
        end=end,
        attributed_to=who,
        cue=cue,
    )


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
