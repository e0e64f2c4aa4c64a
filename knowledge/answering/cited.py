"""'Says who?': the source a previous answer's sentence cites, not the outlet that printed it.

A figure or claim in a report is often someone else's: "..., according to the Chamber of
Commerce", "The IMF estimates that ...", "..., the ministry said." Asked "says who?",
"according to whom?" or "who said that?" right after such an answer, the reader wants that
body or person named, with the sentence, and then the outlet that carried it. An answer of
quotes is answered by its speakers. When the sentences cite nobody, None: the caller falls back
to the outlets of the last answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.answering.compose import fact, join_names, short_day
from knowledge.answering.memory import Turn
from knowledge.answering.query import Reply
from knowledge.models import AnswerFact, AnswerQuote, SourceRef

# The follow-ups that ask whose claim the last answer was (the question normalised: folded,
# contractions expanded).
WHO_SAYS = re.compile(
    r"^(?:and |but |so |ok |okay )?(?:"
    r"says? who|said who|says whom|according to (?:whom|who|what|which \w+)"
    r"|who (?:says|said|claims|claimed|estimates|estimated|reckons|thinks|reported|is saying|"
    r"was saying) (?:so|that|this|it)"
    r"|(?:what|which) is (?:the|your|their|its|his|her) source(?: (?:for|of) (?:that|this|it))?"
    r"|source|(?:the |your |a )?source (?:for|of) (?:that|this|it)|who is the source"
    r"|based on what|on what basis|who told you(?: that| so)?"
    r"|where (?:is|does) (?:that|this|it) (?:from|come from)"
    r"|where does (?:that|this|the) (?:figure|number|estimate|claim) come from"
    r"|whose (?:figures?|estimates?|numbers?|data|claim|words)(?: (?:is|are) (?:that|this|those))?"
    r")[\s?!.]*$"
)

# A name as a report writes it: capitalised words, with the small words inside long names
# ("Council of Inland Waterways", "Bank for International Settlements").
_NAME = (
    r"(?:[Tt]he )?(?:[A-Z][\w'’&.-]*(?:\s+(?:of|for|and|on|de|du|the|&)\s+|\s+))*"
    r"[A-Z][\w'’&-]*\.?"
)
_SAYS = (
    r"(?:estimates?|estimated|says?|said|reports?|reported|found|finds|calculates?|calculated|"
    r"projects?|projected|forecasts?|forecast|predicts?|predicted|believes?|believed|warns?|"
    r"warned|claims?|claimed|suggests?|suggested|shows?|showed|puts?|put|expects?|expected|"
    r"told|tells|announced|announces|confirmed|confirms|insists?|insisted|argues?|argued|"
    r"thinks?|reckons?|stated|states|noted|notes)"
)
_CITES = (
    # "..., according to the Flemish Chamber of Trade", "according to figures from X".
    re.compile(
        r"\b(?i:according to (?:(?:a |an |the |new |latest |official )*(?:figures|data|"
        r"statistics|estimates?|report|study|survey|research|analysis|poll|calculations?|count|"
        r"tally) (?:from|by|of) )?)(?P<src>" + _NAME + r")"
    ),
    # "..., the ministry said.", ", X said on Tuesday."
    re.compile(
        r",\s*(?P<src>" + _NAME + r"|the [a-z]+(?: [a-z]+)?) (?:said|says|added|reported|"
        r"estimated|told [\w ]+)(?: (?:on|in|last|this) [\w ]+)?[.!]?\s*$"
    ),
    # ", said the Institute", ", said Anna Kowalska of the union."
    re.compile(r",\s*(?:said|says|according to) (?P<src>" + _NAME + r")"),
    # "figures from X show", "a study by X".
    re.compile(
        r"\b(?i:(?:figures|data|statistics|estimates?|report|study|survey|research|analysis|poll)"
        r" (?:from|by|of|published by|released by) )(?P<src>" + _NAME + r")"
    ),
    # "The IMF estimates that ...": the subject opening the sentence (after a
    # dateline "CITY –") says it.
    re.compile(
        r"^(?:[A-ZĄĆĘŁŃÓŚŹŻ\w' -]+ [–—-] )?(?P<src>"
        + _NAME
        + r"),?(?: [\w' ,-]+,)? "
        + _SAYS
        + r"\b"
    ),
)
# Opening words that are no source: "He said", "The strike cost", "It estimates".
_NOT_SOURCES = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "there",
        "the",
        "a",
        "an",
        "but",
        "and",
        "in",
        "on",
        "at",
        "on monday",
    }
)
# The leading small words of a cited name kept as written ("the Bank of Canada"), the rest of a
# sentence's capital ("On Monday the ...") cut.
_LEADING = re.compile(
    r"^(?:(?:On|In|At|But|And|Last|This|Yesterday|Today|Meanwhile|However|Also)\b[\w ]*?,?\s+)"
)
_WEEKDAYS = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b"
)


def cited_in(sentence: str) -> str | None:
    """The body or person a sentence says its claim comes from, as written, or None."""
    for pattern in _CITES:
        match = pattern.search(sentence)
        if match is None:
            continue
        source = _LEADING.sub("", match.group("src")).strip(" ,.")
        if source.casefold() in _NOT_SOURCES or len(source) < 2:
            continue
        if _WEEKDAYS.fullmatch(source) or source.split()[-1] in {"On", "In", "At"}:
            continue
        return source
    return None


def answer_cited(previous: Turn) -> Reply | None:
    """Whose claim the previous answer's sentences (or quotes) were, or None when they cite
    nobody."""
    cited: list[tuple[str, AnswerFact]] = []
    for line in previous.facts[:_SENTENCES]:
        text = _sentence_of(line.text)
        if text is None:
            continue
        source = cited_in(text)
        if source is not None:
            cited.append((source, line))
    if cited:
        first, line = cited[0]
        summary = f"According to {_lead(first)}"
        summary += f" (reported by {_carried_by(line.source)})." if line.source else "."
        others = [_lead(s) for s, _ in cited[1:] if s.casefold() != first.casefold()]
        if others:
            summary += f" The other sentences cite {join_names(list(dict.fromkeys(others)))}."
        lines = [fact(f"{source}: {row.text}", row.source) for source, row in cited]
        return Reply(
            summary=summary,
            facts=lines,
            sources=[row.source for _, row in cited if row.source is not None],
            confidence=0.85,
            follow_ups=[f"Who is {_bare(first)}?", "Sources"],
        )
    if previous.quotes:
        return _speakers(previous.quotes)
    return None


# How many of the last answer's sentences are read for a cited source: the first answers.
_SENTENCES = 3


def _speakers(quotes: Sequence[AnswerQuote]) -> Reply:
    """ "Who said that?" after an answer of quotes: the speaker of the first, with it."""
    first = quotes[0]
    who = first.speaker or "An unnamed speaker"
    if first.speaker and first.speaker_role:
        who += f" ({first.speaker_role})"
    summary = f"{who} said it"
    if first.attributed_via:
        summary += f", according to {first.attributed_via}"
    outlet = _carried_by(first.source)
    summary += f" (reported by {outlet})." if outlet else "."
    return Reply(
        summary=summary,
        quotes=[first],
        sources=[first.source],
        confidence=0.8,
        follow_ups=[f"Who is {first.speaker}?"] if first.speaker else [],
    )


def _sentence_of(text: str) -> str | None:
    """The verbatim sentence of a fact line (“...”), or None for a structured fact."""
    if text.startswith("“") and text.endswith("”"):
        return text[1:-1]
    return None


def _carried_by(source: SourceRef | None) -> str:
    """'Harbour Gazette, 3 March 2031', or the title when no outlet is named."""
    if source is None:
        return ""
    name = source.outlet or (f"“{source.title}”" if source.title else "the report")
    day = short_day(source.published)
    return f"{name}, {day}" if day else name


def _lead(source: str) -> str:
    """The source as a sentence continues with it: "the Bank of Canada", "Anna Nowak"."""
    if source[:4] == "The " and len(source) > 4:
        return "the " + source[4:]
    return source


def _bare(source: str) -> str:
    return source[4:] if source[:4].casefold() == "the " else source
