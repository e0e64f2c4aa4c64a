"""Source noun phrases: the words before or after a cue that say who spoke, and whether they can."""

from __future__ import annotations

import re

from knowledge.extract.coref import PRONOUNS
from knowledge.extract.entities import EntityIndex
from knowledge.extract.gazetteer import load_gazetteer, words_of
from knowledge.extract.quotes.spans import word_count
from knowledge.extract.quotes.vocabulary import ADJUNCT_OPENERS, CUE, WORDISH
from knowledge.models import EntityKind

_FINITE_CUES = frozenset(
    words_of(
        """said says told tells added adds warned warns wrote writes suggests suggested finds
        insists insisted believes believed thinks"""
    )
)
_NP_BREAK = frozenset(
    words_of(
        """is are was were be been being am has have had will would can could should may might
        must shall do does did not never to that which what where when why how if whether than
        then also and or but because although though while as after before since until so
        there here this it's its this him them me us it"""
    )
)


_ADVERBS = frozenset(
    words_of(
        """also later previously earlier repeatedly recently once again then still simply
        flatly publicly privately separately bluntly angrily firmly frankly openly quietly
        confidently cautiously jokingly tearfully proudly has have had would will just
        reportedly initially subsequently further had long often meanwhile however too
        instead likewise nonetheless all both jointly together"""
    )
)


# Heads of a description that the copy uses for someone it will not name.
_ANONYMOUS = frozenset(("source", "insider", "whistleblower", "informant"))


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
        lawsuit complaint indictment release organisation organization association federation
        commission authority regulator watchdog charity firm"""
    )
)


# Capitalised words that open a sentence before its subject: "Once Huawei ...", "Assuming MPs".
_SENTENCE_OPENERS = frozenset(
    words_of(
        """Once Assuming Speaking Citing Noting Adding Following Including Regarding Given
        After Before When While If Although Though Because Since Until Unless
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
        alliance movement institute foundation tank government display exhibit exhibition
        museum plaque sign label panel caption inscription placard brochure gallery"""
    )
)


_COORDINATED = re.compile(r"\b(?:and|but)(?:\s+also)?\s*$")


_NAME_APPOSITION = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+")


_PARTY_CODE = re.compile(r"[DRI]-[A-Z]")
_PARTY_LABELS = frozenset(("Republican", "Democrat", "Independent", "Democratic"))


_NP_STOP_CHARS = re.compile(r'[,.;:!?()“”"—–]')


_PAREN_TAIL = re.compile(r"\s*\([^()]{1,40}\)\s*$")


_PARTY_TAIL = re.compile(r",\s*[DRI]-[A-Z][\w.]*\s*$")


# "Sen. Ted Roe (R) of Texas", "Rep. Jo Park (D-N.Y.) of Queens": party code then home state.
_PARTY_STATE_TAIL = re.compile(
    r"\s*\((?:[DRI]|[DRI]-[A-Z][\w. ]{0,12})\)\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*$"
)


_TIME_TAIL = re.compile(
    r"\s+(?:on\s+|last\s+|this\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|yesterday|today|week|night|morning|afternoon|evening)$"
)


_NAME_AFTER_NP = re.compile(r",\s+((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+)\s*(?=[,.;]|$)")


def np_before(text: str, limit: int, end: int) -> tuple[int, int] | None:
    """A plausible source noun phrase ending at ``end`` (not before ``limit``).

    Walks back over words until a clause boundary (punctuation, a conjunction, a verb); allows
    one apposition between commas ("Maria Lopez, the city's mayor, said").
    """
    segment = text[limit:end]
    party = _PARTY_TAIL.search(segment)
    if party is not None:
        # "Sen. Debbie Stabenow, D-Mich.": the party and state code is no part of the name
        segment = segment[: party.start()]
    party_state = _PARTY_STATE_TAIL.search(segment) if ") of " in segment else None
    if party_state is not None and party_state.start() > 0:
        segment = segment[: party_state.start()]
    paren = _PAREN_TAIL.search(segment)
    if paren is not None and paren.start() > 0:
        # "the London Stock Exchange (LSE) said", "Sen. X (R-Texas) said"
        segment = segment[: paren.start()]
    stripped = segment.rstrip()
    when = _TIME_TAIL.search(stripped)
    if when is not None and when.start() > 0:
        # "The Electoral Commission on Thursday said": the day is no part of the source
        stripped = stripped[: when.start()].rstrip()
    if not stripped:
        return None
    np_end = limit + len(stripped)
    # skip an adverb right before the cue ("X also said"); a source is at most ~9 words
    words = list(WORDISH.finditer(text, max(limit, np_end - 160), np_end))
    while words and words[-1].group(0).lower() in _ADVERBS and words[-1].end() == np_end:
        np_end = words[-1].start()
        np_end = limit + len(text[limit:np_end].rstrip())
        words.pop()
    if not words:
        return None
    if text[np_end - 1 : np_end] == ")":
        # "... and the Energy Agency (IAEA) all said": the bracket before a dropped adverb
        paren = _PAREN_TAIL.search(text, max(limit, np_end - 60), np_end)
        if paren is not None and paren.start() > limit:
            np_end = paren.start()
            words = list(WORDISH.finditer(text, max(limit, np_end - 160), np_end))
            if not words:
                return None
    # an apposition: "..., the mayor, said" -> the NP before the apposition's commas
    tail = text[limit:np_end]
    if tail.endswith(","):
        inner_start = tail.rfind(",", 0, len(tail) - 1)
        if inner_start > 0:
            appos = tail[inner_start + 1 : -1]
            if (
                _NAME_APPOSITION.fullmatch(appos.strip())
                and not _PARTY_CODE.match(appos.strip())
                # "Sen. Rob Portman, Ohio Republican, said": a state and party, no name
                and appos.strip().rsplit(" ", 1)[-1] not in _PARTY_LABELS
            ):
                # "the director of operations, Jeff Fraser, says": the name is the source
                a_start = limit + inner_start + 1 + (len(appos) - len(appos.lstrip()))
                return a_start, a_start + len(appos.strip())
            if 0 < word_count(appos) <= 10 and not any(c in appos for c in '“”"'):
                head = np_before(text, limit, limit + inner_start)
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
        ) or lw in _FINITE_CUES:
            break  # "the President said in remarks": a source ends before another cue
        if count >= 9:
            return None
        start = m.start()
        count += 1
    if count == 0:
        return None
    # "early November the company": a time phrase fused onto the subject; restart at "the"
    inner = list(WORDISH.finditer(text, start, np_end))
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
        lead = WORDISH.match(text, start, np_end)
        if lead is None:
            return None
        word = lead.group(0)
        # "Assuming MPs ...", "Reportedly, officials ...": an opener; but "Downing Street" and
        # "Beverly Hills" are names, so an -ing/-ly word before a capitalised word stays
        after = text[lead.end() : lead.end() + 2].strip()
        name_follows = after[:1].isupper()
        if word.lower() in ("of", "for", "at", "with", "in", "on", "by") or (
            lead.end() < np_end
            and word[:1].isupper()
            and (
                word in _SENTENCE_OPENERS
                or (word.endswith("ing") and len(word) >= 6 and not name_follows)
                or (word.endswith("ly") and len(word) >= 7 and not name_follows)
            )
        ):
            nxt = WORDISH.search(text, lead.end(), np_end)
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


_TITLES_AND_NAME = re.compile(
    r"(?P<titles>[a-z-]+(?: [a-z-]+)? and [a-z-]+(?: [a-z-]+)?) "
    r"(?P<name>[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3})"
)


_ABBREV_DOT = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|[A-Z])\.$")


def np_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A source noun phrase starting at ``start`` ("said X, the mayor." -> X).

    A name in apposition wins over a description: "says Campbell's partner, Jason Louth."
    """
    m = _NP_AFTER.match(text, start, end)
    if m is None:
        return None
    s, e = m.span(1)
    titled = _TITLES_AND_NAME.match(text, s, end)
    if titled is not None and all(
        w in load_gazetteer().titles for w in titled.group("titles").replace(" and ", " ").split()
    ):
        return titled.span("name")  # "said comedian and author Ben Thurlow"
    named = _NAME_AFTER_NP.match(text, e, end)
    phrase = text[s:e]
    if named is not None and (not phrase[:1].isupper() or "’s " in phrase or "'s " in phrase):
        return named.span(1)  # a description or "X's partner", then the name
    e = s + len(text[s:e].rstrip())
    raw = WORDISH.findall(text[s:e])
    words = [w.lower() for w in raw]
    if not words or any(
        w in _NP_BREAK - {"it"} and not (r[0].isupper() and (i or (r.isupper() and len(r) > 1)))
        for i, (w, r) in enumerate(zip(words, raw, strict=True))
    ):
        return None
    if words[0] in ADJUNCT_OPENERS:
        return None
    return s, e


def plausible_source(text: str, np: tuple[int, int], index: EntityIndex) -> bool:
    """A source NP must name someone: an entity, a pronoun, a role or a generic source noun."""
    s, e = np
    words = [w for w in WORDISH.findall(text[s:e])]
    if not words or len(words) > 9:
        return False
    lower = [w.lower() for w in words]
    if lower[-1] in _DETERMINERS or any(w.endswith(("n't", "n’t")) for w in lower):
        return False
    phrase = text[s:e].rstrip()
    if phrase.endswith(("’s", "'s", "’")):
        return False  # "Musk's tweet ...": a possessor, not a speaker
    if phrase.endswith(("”", '"')) or (s > 0 and text[s - 1] in '“"'):
        return False  # 'on “Face the Week,” adding that': a programme's title, not a speaker
    if len(words) == 1 and words[0] in _SENTENCE_OPENERS:
        return False  # "Later, ...": an adverb, not a source
    if len(words) == 1 and lower[0] in _TIME_WORDS:
        return False  # "Sunday", "Monday": a time, while a name like "Ms. May" passes
    if len(words) == 1 and lower[0] in PRONOUNS:
        # the narrator ("I", "we") and the reader ("you") are not sources of the story
        return lower[0] not in ("i", "we", "you")
    if index.mentions_in(s, e):
        return True
    if lower[0] in _GROUP_QUANTIFIERS and len(words) <= 5:
        return True  # "All those involved", "Some residents", "Others", "Many"
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


_LEADING_PRONOUN = re.compile(
    r"\s*(?:[A-Z][a-z]+ly,\s+|In [^,]{1,40},\s+|On [^,]{1,30},\s+)?(He|She|They|We|I)\b"
)


def sentence_subject(
    text: str, sent_start: int, before: int, index: EntityIndex, *, people_only: bool = False
) -> tuple[int, int] | None:
    """The subject of a sentence: a leading pronoun, else its first person or entity mention."""
    m = _LEADING_PRONOUN.match(text, sent_start, before)
    if m is not None:
        return m.start(1), m.end(1)
    for mention in index.mentions_in(sent_start, before):
        if mention.kind is EntityKind.PERSON:
            if text.startswith(("’s ", "'s "), mention.end):
                # "Prime Minister X's spokesman made it clear: “...”": the spokesman speaks
                owned = _POSSESSED.match(text, mention.end + 3, before)
                if owned is not None:
                    titles = load_gazetteer().titles
                    if owned.group(2) and f"{owned.group(1)} {owned.group(2)}" in titles:
                        return mention.start, owned.end(2)  # "X's press secretary"
                    word = owned.group(1)
                    if word not in _DOCUMENTS and (word in titles or word in _GENERIC_SOURCES):
                        return mention.start, owned.end(1)  # not "Ann Roe's letter": she wrote
            return mention.start, mention.end
    if people_only:
        return None
    opening = index.mentions_in(sent_start, before)
    if (
        opening
        and opening[0].kind in (EntityKind.COUNTRY, EntityKind.ORGANISATION)
        and text[sent_start : opening[0].start].strip() in ("", "The", "the")
        # "Dutch brewer Gelderbrau warned ...": a demonym describes the subject, it is not it
        and opening[0].surface not in load_gazetteer().demonym_to_country
    ):
        # "Norway rejected the claim ..., and said it ...": the body that opens the sentence,
        # not the clause that follows its name
        return opening[0].start, opening[0].end
    window = text[sent_start:before]
    first = WORDISH.search(window)
    if first is not None:
        np = np_after(text, sent_start + first.start(), before)
        if (
            np is not None
            and plausible_source(text, np, index)
            and word_count(text[np[0] : np[1]]) <= 5
        ):
            return np
    return None


_POSSESSED = re.compile(r"([a-z-]+)\b(?: ([a-z-]+)\b)?")


_LATER_BOUNDARY = re.compile(
    r"\s*(?:[;—–]|,\s+(?:but|and|while|whereas|although)|\s(?=but\s|while\s))\s*"
    r"(?:but\s+|and\s+|while\s+)?"
)


def later_source_boundary(
    text: str, start: int, end: int, index: EntityIndex | None = None
) -> int | None:
    """Where a reported clause ends because another source speaks ("...; critics say ...")."""
    if index is None:
        return None
    for boundary in _LATER_BOUNDARY.finditer(text, start, end):
        cue = CUE.search(text, boundary.end(), min(end, boundary.end() + 80))
        if cue is None:
            continue
        np = np_before(text, boundary.end(), cue.start())
        if np is not None and np[0] == boundary.end() and plausible_source(text, np, index):
            return boundary.start()
    return None


_AUX_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|also|later|previously|earlier|repeatedly|recently|once|again|"
    r"would|will|publicly|privately))+\s*$"
)


def fallback_subject(
    text: str, s_start: int, cue: re.Match[str], index: EntityIndex
) -> tuple[int, int] | None:
    """The speaker when no noun phrase stands right before the cue.

    "X praised ... and said ...", "..., saying ...": the sentence's subject;
    "Rep. X, D-Calif., the incoming chairwoman of ..., said": the person before the appositions.
    """
    verb = cue.group(0)
    lead = text[max(s_start, cue.start() - 40) : cue.start()]
    lead = _AUX_TAIL.sub("", lead)
    if verb.endswith("ing") and lead.rstrip().endswith((",”", ',"')):
        # '“...,” said aide X during an appearance on “Some Show,” adding that ...': the
        # person named right after the earlier cue
        for mention in reversed(index.mentions_in(s_start, cue.start())):
            if mention.kind is EntityKind.PERSON and _SAID_THEN_NAME.search(
                text, max(s_start, mention.start - 50), mention.start
            ):
                return mention.start, mention.end
    if verb.endswith("ing") and lead.rstrip().endswith(","):
        # "“...,” she said, noting that ...": the subject of the cue just before
        said = _CUE_THEN_COMMA.search(text, max(s_start, cue.start() - 120), cue.start())
        if said is not None:
            np = np_before(text, max(s_start, said.start() - 80), said.start())
            if np is not None and plausible_source(text, np, index):
                return np
    if (verb.endswith("ing") and lead.rstrip().endswith(",")) or _COORDINATED.search(lead):
        return sentence_subject(text, s_start, cue.start(), index)
    if lead.rstrip().endswith((",", ")")):
        for mention in index.mentions_in(s_start, cue.start()):
            if mention.kind is not EntityKind.PERSON:
                continue
            between = text[mention.end : cue.start()]
            if (
                between.lstrip().startswith(",")
                and word_count(between) <= 30
                and not any(
                    # "the woman who Republicans denied a chance to testify": a cue inside
                    # the apposition's relative clause, or an infinitive, reports nothing
                    not between.endswith("to ", 0, c.start())
                    and _RELATIVE_WORD.search(between, 0, c.start()) is None
                    for c in CUE.finditer(between)
                )
                and between.count("“") + between.count('"') <= 2
            ):
                return mention.start, mention.end
            break
    return None


_RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|which)\b")


# "said former aide ", "said White House Senior Adviser " right before a name: the cue, then
# at most a few title words with no punctuation
_SAID_THEN_NAME = re.compile(r"\b(?:said|says|added|told)\s+(?:[\w’'.-]+\s+){0,5}$")


_GROUP_QUANTIFIERS = frozenset(
    words_of("all those some many most several both few others critics supporters opponents")
)
_CUE_THEN_COMMA = re.compile(
    r"\b(?:said|says|told|tells|added|adds|wrote|writes)\b[^,“”\"]{0,40},\s*$"
)
_OF_TAIL = re.compile(r"\s+(?:of|at|for|with|from|in)\s.*$")


_PARTY_MEMBERS = frozenset(
    words_of("Republican Democrat Conservative Liberal Tory Labourite Socialist Green Independent")
)


def is_description(surface: str) -> bool:
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
    if head in _ANONYMOUS:
        return False  # "the intelligence source": someone the article does not name
    if words[0].lower() == "the" and len(words) >= 2:
        return True
    # "bespectacled professor": no article, so ask for a noun of a person
    return all(w.islower() for w in words) and (
        head in load_gazetteer().titles or head.endswith(_PERSON_SUFFIXES)
    )


# "released a statement saying", "issued a letter that said": the paper speaks for whoever
# put it out, the subject of the issuing verb.
_ISSUING_VERBS = frozenset(
    words_of(
        """released releases issued issues posted posts published publishes sent sends put
        out shared shares tweeted tweets wrote writes read reads delivered delivers filed files
        gave gives made makes"""
    )
)
_DOCUMENTS = frozenset(
    words_of(
        """statement statements letter post tweet tweets message release video note memo
        report email e-mail response remarks op-ed editorial"""
    )
)


def document_source(
    text: str, sent_start: int, np: tuple[int, int], index: EntityIndex
) -> tuple[int, int] | None:
    """The one who issued a document named as the source ("X released a statement saying")."""
    words = WORDISH.findall(text[np[0] : np[1]])
    if not (2 <= len(words) <= 4) or words[-1].lower() not in _DOCUMENTS:
        return None
    if words[0].lower() not in ("a", "an", "the", "his", "her", "its", "their"):
        return None
    before = text[max(sent_start, np[0] - 20) : np[0]].split()
    if not before or before[-1].lower() not in _ISSUING_VERBS:
        return None
    verb_at = text.rfind(before[-1], sent_start, np[0])
    return sentence_subject(text, sent_start, verb_at, index)
