"""Claims: who reported or stated what, when the source is an outlet, a body or unnamed people.

Named people's statements are quotes (``quotes.py``); this stage records the attributions
readers ask about with "who reported it?" and "sources?":

- "Reuters and Bloomberg reported Monday that CONTENT"
  -> one claim per outlet, ``said_on`` Monday;
- "CONTENT, according to state media" / "According to X, CONTENT";
- "CONTENT, officials told the BBC" -> attributed to "officials", via the outlet;
- "CONTENT, French officials said" / "French officials said CONTENT";
- "X said/warned CONTENT ..., according to Reuters": a person's statement relayed by an
  outlet, attributed to the person via the outlet.

Every claim's ``text`` is ``article.text[start:end]``: the reported content, verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.extract.dates import find_dates
from knowledge.extract.entities import OUTLET_NOUN_BEFORE, EntityIndex
from knowledge.extract.events import Named, named_in, subject_names
from knowledge.extract.gazetteer import words_of
from knowledge.extract.positions import find_positions
from knowledge.extract.sentences import sentences_containing
from knowledge.models import Article, Claim, DatePrecision, EntityKind, Sentence

# Lower-case keywords that any cue contains; str.find picks the sentences worth a look.
_KEYWORDS = (
    "said", "say", "report", "according to", "told", "tells", "reveal", "disclos", "wrote",
    "writes", "announc", "confirm", "claim", "added", "adds",
)  # fmt: skip

_CUE = re.compile(
    r"\b(?:(?P<according>[Aa]ccording\s+to)|(?P<told>told|tells)"
    r"|(?P<verb>(?:first\s+)?reported|reports|said|says|say|revealed|disclosed|wrote|writes|"
    r"announced|announces|confirmed|confirms|claimed|claims|added|adds))\b"
)
# Unnamed or collective sources: "French officials", "two people familiar with the talks",
# "state media", "local media outlets", "a government spokesman", "the ministry".
_SOURCE_HEAD = (
    r"(?i:officials?|sources?|diplomats?|analysts?|experts?|observers?|spokes(?:man|men|woman|"
    r"women|person|persons|people)|ministry|government|authorities|police|military|army|"
    r"media(?:\s+outlets|\s+reports)?|outlets|reports?|news\s+agency|agency|television|"
    r"broadcaster|newspaper|residents|witnesses|aides?|insiders|lawmakers|negotiators|"
    r"mediators|office|embassy|presidency|department|council|committee|statement|bank|"
    r"prosecutors?|"
    r"people\s+familiar\s+with\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?|"
    r"(?:a\s+)?person\s+familiar\s+with\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)"
)
_HEAD_WORDS = frozenset(
    words_of(
        """official officials source sources diplomat diplomats analyst analysts expert experts
    observer observers spokesman spokesmen spokeswoman spokeswomen spokesperson spokespersons
    spokespeople ministry government authorities police military army media outlets report
    reports agency television broadcaster newspaper residents witnesses aide aides insiders
    lawmakers negotiators mediators office embassy presidency department council committee
    statement bank prosecutor prosecutors"""
    )
)
_SOURCE_MODIFIER = (
    r"(?:the|a|an|two|three|four|several|some|many|other|senior|top|unnamed|anonymous|western|"
    r"regional|local|foreign|government|administration|military|security|intelligence|state|"
    r"official|defence|defense|foreign|ministry|health|presidential|prime|minister['’]s|news|"
    r"finance|interior|justice|trade|economy|energy|education|central|national|federal|city|"
    r"provincial|opposition|party|palace|police|army|court|"
    # "the president's office", "the governor's spokesman": whose office, not "office" alone
    r"[a-z]+['’]s|"
    r"U\.S\.|[A-Z][\w.’'-]*)"
)
_SOURCE_NP = rf"(?:{_SOURCE_MODIFIER}\s+){{0,4}}{_SOURCE_HEAD}"
_SOURCE_BEFORE = re.compile(rf"(?P<np>{_SOURCE_NP})\s*,?\s*$")
_SOURCE_AFTER = re.compile(rf"\s*(?P<np>{_SOURCE_NP})\b")
_AFTER_CUE = re.compile(
    r"\s*(?:on\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|"
    r"today|last\s+week|earlier|later|late|early|(?:this|last)\s+(?:week|month)|on)\b\s*)*,?\s*"
    r"(?:that\s+)?"
)
_END_OF_SENTENCE = re.compile(r"\s*(?:on\s+\w+\s*)?[.!?”\"’]*\s*$")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|which|that|whose)\s+$")
_PERSONAL_START = re.compile(r"(?:he|she|his|her|him)\b")
# "Near the border (CNN) -- ", "WASHINGTON (Reuters) - ": a dateline is not part of the claim
_DATELINE_PREFIX = re.compile(r"[^()]{0,60}\((?:[A-Z][\w .&-]{0,30})\)\s*[-–—]{0,2}\s*")
_PRONOUN = re.compile(r"^(?:he|she|it|they|we|i|you|who|which|that)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Source:
    name: str
    kind: EntityKind | None  # None for an unnamed source ("officials")
    start: int
    end: int


def _named_source_before(named: Sequence[Named], text: str, cue_start: int) -> list[_Source]:
    """Entities forming the subject that ends right before the cue: "X and Y reported"."""
    sources: list[_Source] = []
    for position, entity in enumerate(reversed(subject_names(named, text, cue_start))):
        # a country is no named source; before another name it ends the list ("US
        # officials": the demonym qualifies the source, handled as a noun phrase)
        if entity.kind is EntityKind.COUNTRY:
            if position:
                break
            continue
        sources.append(_Source(entity.name, entity.kind, entity.start, entity.end))
    sources.reverse()
    return sources


def _named_end_before(text: str, cue_start: int, offset: int, ends: set[int]) -> bool:
    """Whether an entity mention may end right before the cue, across the gaps that
    ``_named_source_before`` allows (spaces, a comma, "and")."""
    head = text[:cue_start].rstrip()
    while True:
        if offset + len(head) in ends:
            return True
        if head.endswith(","):
            head = head[:-1].rstrip()
        elif head.endswith(" and"):
            head = head[:-4].rstrip()
        else:
            return False


def _generic_source_before(text: str, cue_start: int) -> _Source | None:
    window_start = max(0, cue_start - 80)
    # cheap test first: the word before the cue must be able to end a source noun phrase
    before = text[window_start:cue_start].rstrip(" ,")
    last_word = before[before.rfind(" ") + 1 :].casefold()
    if last_word not in _HEAD_WORDS and "familiar with" not in before:
        return None
    match = _SOURCE_BEFORE.search(text, window_start, cue_start)
    if match is None:
        return None
    np = match.group("np")
    # trim a leading determiner and a sentence-initial capital on a common noun
    start = match.start("np")
    return _Source(_tidy(np), None, start, match.end("np"))


def _source_after(named: Sequence[Named], text: str, position: int) -> _Source | None:
    """The source right after "according to" or the hearer after "told"."""
    stripped = len(text) - len(text[position:].lstrip())
    for entity in named:
        if (
            entity.kind is EntityKind.OUTLET
            and stripped < entity.start < stripped + 60
            and OUTLET_NOUN_BEFORE.fullmatch(text, stripped, entity.start)
        ):
            # "according to the newspaper Le Monde": the outlet after its noun, not the noun
            return _Source(entity.name, entity.kind, entity.start, entity.end)
    # "Chinese state media", "UK officials": a noun phrase headed by a source noun, even
    # when it starts with a country's name
    match = _SOURCE_AFTER.match(text, position)
    if match is not None:
        return _Source(_tidy(match.group("np")), None, match.start("np"), match.end("np"))
    at = stripped + 4 if text.startswith(("the ", "The "), stripped) else stripped
    for entity in named:
        if entity.start in (stripped, at):
            return _Source(entity.name, entity.kind, entity.start, entity.end)
    return None


_OPENERS = frozenset(
    words_of(
        """Although Though But And However Meanwhile While When If As Because Since After Before
        Yet So Still Also Now Then"""
    )
)


def _tidy(noun_phrase: str) -> str:
    words = noun_phrase.split()
    # "Although the ministry's statement": a capitalised opener is no part of the source
    while len(words) > 1 and words[0] in _OPENERS and words[1][:1].islower():
        words = words[1:]
    if words and words[0].casefold() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _outlet(source: _Source | None) -> str | None:
    if source is not None and source.kind is EntityKind.OUTLET:
        return source.name
    return None


def _content_after(text: str, position: int, *, needs_that: bool = False) -> tuple[int, int] | None:
    match = _AFTER_CUE.match(text, position)
    start = match.end() if match else position
    if needs_that and not re.search(r"\bthat\s+$", text[position:start]):
        return None  # "told CNN ahead of the visit": no reported clause
    end = len(text.rstrip())
    while end > start and text[end - 1] in ".!?":
        end -= 1
    if start >= end:
        return None
    first = text[start:end].split(maxsplit=1)[0].casefold().strip(",:")
    if first in _NOT_A_CLAUSE or first.endswith("ing"):
        return None  # "said in an editorial ...", "said, adding ...": an adjunct, not content
    return start, end


# Words that open an adjunct rather than a reported clause.
_NOT_A_CLAUSE = frozenset(
    ["in", "on", "at", "during", "after", "before", "ahead", "while", "when", "with", "without",
     "to", "for", "from", "by", "as", "via", "through", "of", "earlier", "later", "last", "this"]
)  # fmt: skip


def _mostly_quoted(content: str) -> bool:
    """A direct quote (straight or curly marks) is the quote stage's, not a claim."""
    marks = [i for i, c in enumerate(content) if c in '“”"']
    if len(marks) < 2:
        return content[:1] in '“"‘'
    return (marks[-1] - marks[0]) > len(content) / 2


def _content_before(text: str, source_start: int, opening: int = 0) -> tuple[int, int] | None:
    end = source_start
    while end > opening and text[end - 1] in " ,—–-":
        end -= 1
    start = opening
    while start < end and text[start] in " ,":
        start += 1
    if start >= end:
        return None
    return start, end


def _words(text: str) -> int:
    return text.count(" ") + 1


def find_claims(article: Article, sentences: Sequence[Sentence], index: EntityIndex) -> list[Claim]:
    """Reported statements whose source is an outlet, a body or unnamed people."""
    published = article.published.date() if article.published else None
    claims: list[Claim] = []
    seen: set[tuple[int, int, str]] = set()

    def add(
        sentence: Sentence,
        content: tuple[int, int] | None,
        source: str,
        via: str | None,
        cue: str,
        cue_span: tuple[int, int],
    ) -> None:
        if content is None or not source or _PRONOUN.match(source):
            return
        start, end = content
        dateline = _DATELINE_PREFIX.match(sentence.text, start, end)
        if dateline is not None and start == 0:
            start = dateline.end()
        if _words(sentence.text[start:end]) < 4 or _mostly_quoted(sentence.text[start:end]):
            return
        key = (sentence.start + start, sentence.start + end, source)
        if key in seen:
            return
        seen.add(key)
        said_on = None
        if published is not None:
            # only a day right next to the cue dates the statement: "reported Monday",
            # "said on Sunday", "officials on Friday said"
            window_start = max(0, cue_span[0] - 16)
            window = sentence.text[window_start : cue_span[1] + 16]
            for mention in find_dates(window, published, offset=window_start):
                near_after = 0 <= mention.span[0] - cue_span[1] <= 4
                near_before = 0 <= cue_span[0] - mention.span[1] <= 2
                if mention.precision is DatePrecision.DAY and (near_after or near_before):
                    said_on = mention.date_start
                    break
        claims.append(
            Claim(
                article_id=article.id,
                text=sentence.text[start:end],
                start=sentence.start + start,
                end=sentence.start + end,
                attributed_to=source,
                attributed_via=via if via != source else None,
                cue=" ".join(cue.split()).lower(),
                said_on=said_on,
            )
        )

    # where entity mentions end: a "said" with none right before it has no named subject, and
    # the sentence's entities need not be looked up (most cues are people's "said")
    mention_ends = {m.end for m in index.mentions}
    for sentence in sentences_containing(article.text, sentences, _KEYWORDS):
        text = sentence.text
        named: list[Named] | None = None
        for cue in _CUE.finditer(text):
            kind = cue.lastgroup
            if named is None and (
                kind != "verb" or _named_end_before(text, cue.start(), sentence.start, mention_ends)
            ):
                named = named_in(index, sentence)
            found: Sequence[Named] = named or ()
            cue_span = cue.span()
            if kind == "according":
                source = _source_after(found, text, cue.end())
                if source is None or (
                    source.kind is EntityKind.COUNTRY
                    and re.match(r"\s+[A-Z]", text[source.end : source.end + 2])
                ):
                    continue  # "according to U.S. Rep. X": the country starts a longer name
                if cue.start() > 0:
                    content = _content_before(text, cue.start())
                else:
                    comma = text.find(",", source.end)
                    content = _content_after(text, comma + 1) if comma > 0 else None
                via = _outlet(source)
                relayed = _relayed_speaker(found, text, content) if via else None
                if relayed is not None:
                    add(sentence, content, relayed, via, "according to", cue_span)
                elif source.kind is not EntityKind.PERSON:
                    add(sentence, content, source.name, None, "according to", cue_span)
                continue

            subject = _named_source_before(found, text, cue.start())
            generic = None if subject else _generic_source_before(text, cue.start())
            hearer = _source_after(found, text, cue.end()) if kind == "told" else None
            via = _outlet(hearer)
            sources = subject or ([generic] if generic else [])
            sources = [s for s in sources if s.kind is not EntityKind.PERSON]
            if not sources or _RELATIVE_BEFORE.search(
                text, max(0, sources[0].start - 8), sources[0].start
            ):
                continue  # "X, who police say was ...": a parenthesis, not a report
            rest_start = hearer.end if hearer is not None else cue.end()
            if _END_OF_SENTENCE.fullmatch(text, rest_start):
                # "CONTENT, officials told the BBC."
                content = _content_before(text, sources[0].start)
            else:
                content = _content_after(text, rest_start, needs_that=kind == "told")
                if (
                    content is not None
                    and sources[0].kind is EntityKind.ORGANISATION
                    and _PERSONAL_START.match(text, content[0])
                ):
                    # "X, a Democrat, said he ...": a person spoke; the organisation is their
                    # affiliation
                    continue
            for source in sources:
                add(sentence, content, source.name, via, cue.group(0), cue_span)
    # a person's demands and the parties' agreements (with their terms) are claims too
    claims.extend(find_positions(article, sentences, index))
    return claims


def _relayed_speaker(
    named: Sequence[Named], text: str, content: tuple[int, int] | None
) -> str | None:
    """The person whose statement an outlet relays: "X warned that ..., according to Reuters"."""
    if content is None:
        return None
    start, end = content
    for entity in named:
        if entity.kind is EntityKind.PERSON and start <= entity.start < end:
            after = text[entity.end : min(end, entity.end + 60)]
            if _CUE.search(after) or re.search(r"\b(?:warned|argued|wrote|noted)\b", after):
                return entity.name
    return None
