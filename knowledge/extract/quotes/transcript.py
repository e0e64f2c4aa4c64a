"""Question-and-answer transcripts: the interviewee's answers are quotes with no quote marks.

An interview printed as a transcript labels each paragraph with who speaks, in one of the
common house styles::

    Q: Why now?                       Q. / Question: / Interviewer: / the outlet / the author
    Telvik: Because ...               a surname, a full name, a name in capitals, **bold**
    A: Because ...                    A. / Answer: (the interviewee the introduction names)

A run of labelled paragraphs is a transcript only when an answering label recurs and the other
side asks (a question label, or a second speaker); then every answer paragraph, and the
unlabelled paragraphs that continue it up to the next label, is a direct quote of the person
its label names, resolved to the article's full name. Question paragraphs are not the
interviewee's words and yield nothing here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.entities import EntityIndex
from knowledge.extract.gazetteer import words_of
from knowledge.models import Article, Entity, EntityKind

__all__ = ["TranscriptAnswer", "find_transcript"]

# A label opening a paragraph: "Q:", "Q.", "**Telvik:**", "**Telvik**:", "ILSE
# TELVIK:", "Mr Telvik:". One to four name words; a full stop only after Q or A.
_LABEL = re.compile(
    r"(?m)^[ \t]*(?P<mark>\*\*|__)?"
    r"(?:(?P<qa>Q|A|Question|Answer)(?P=mark)?\s*[:.]|"
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-ZÀ-Þ][\w’'.\-]*(?:\s+[A-ZÀ-Þ][\w’'.\-]*){0,3})"
    r"(?P=mark)?\s*:)"
    r"(?:\*\*|__)?[ \t]+(?=\S)"
)
_QUESTION_WORDS = frozenset({"q", "question", "interviewer", "int"})
_ANSWER_WORDS = frozenset({"a", "answer"})
# Labels that open ordinary paragraphs of news copy, never a speaker's turn.
_NOT_SPEAKERS = frozenset(
    words_of(
        """update note editor's editor’s photo photos video watch read related correction
    clarification disclosure source sources credit warning spoiler transcript background
    context analysis opinion breaking exclusive live caption image pictured above below
    bottom top left right first second third finally also"""
    )
)
# How the introduction names the interviewee: "spoke to Ilse Telvik", "an interview
# with ...", "sat down with ...".
_INTRODUCES = re.compile(
    r"\b(?:spoke|talked|speaks|talks)\s+(?:to|with)\s+|\binterview(?:ed|s)?\s+(?:with\s+)?"
    r"|\bsat\s+down\s+with\s+|\bconversation\s+with\s+|\bquestions?\s+(?:to|for)\s+"
)
# A video player's furniture between a transcript's paragraphs.
_VIDEO_WIDGET = re.compile(r"\b(?:JUST WATCHED|MUST WATCH|Replay More Videos)\b")
# Answers needed before a run of labels counts as an interview.
_MIN_ANSWERS = 2
# Unlabelled paragraphs an answer may run on over before the next label.
_MAX_CONTINUED = 3


@dataclass(frozen=True, slots=True)
class TranscriptAnswer:
    """One answer paragraph: its span (past the label) and who gives it."""

    start: int
    end: int
    speaker: str
    entity: Entity | None
    label: str


@dataclass(frozen=True, slots=True)
class _Turn:
    label_start: int
    start: int  # where the words begin, past the label
    end: int  # the paragraph's end
    label: str
    question: bool


def find_transcript(article: Article, index: EntityIndex) -> list[TranscriptAnswer]:
    """The answers of a Q&A transcript in ``article`` (empty when it is none)."""
    text = article.text
    if ":" not in text and "Q." not in text:
        return []
    asking = _asking_labels(article)
    turns: list[_Turn] = []
    for match in _LABEL.finditer(text):
        label = (match.group("qa") or match.group("name") or "").strip()
        key = label.casefold().rstrip(".")
        question = key in _QUESTION_WORDS or key in asking
        if not question and (
            key in _NOT_SPEAKERS or (match.group("name") and not _names_someone(label, index))
        ):
            continue
        stop = text.find("\n", match.end())
        end = len(text) if stop < 0 else stop
        turns.append(_Turn(match.start(), match.end(), end, label, question))
    answers = [t for t in turns if not t.question]
    if not answers:
        return []
    counts: dict[str, int] = {}
    for turn in answers:
        counts[turn.label.casefold()] = counts.get(turn.label.casefold(), 0) + 1
    # someone asks: a question label on a paragraph that asks something. Name labels alone
    # ("Roe: Would raise ...", "Lane: Would cut ...") are as often a policy comparison.
    asks = any(t.question and "?" in text[t.start : t.end] for t in turns)
    if max(counts.values()) < _MIN_ANSWERS or not asks:
        return []
    first = next(k for k, t in enumerate(turns) if t.question)
    interviewee = _interviewee(article, index, turns[first].label_start)
    labels = [(t.label_start, t.start) for t in turns]
    found: list[TranscriptAnswer] = []
    for k, turn in enumerate(turns):
        if turn.question or k < first:
            continue  # a labelled line above the first question is a caption or a headline
        if turn.label.casefold().rstrip(".") in _ANSWER_WORDS:
            entity = interviewee
            if entity is None:
                continue  # "A." of an explainer or a reader's-questions column: no interviewee
        else:
            entity = index.resolve(_bare(turn.label))
            if entity is not None and (
                entity.kind is not EntityKind.PERSON or not _named_outside(entity, index, labels)
            ):
                continue  # "Senate Seat Forecast:": a label the entity stage took for a name
        speaker = entity.name if entity is not None else _display(turn.label)
        if not speaker:
            continue
        spans = [(turn.start, turn.end)]
        if k + 1 < len(turns):
            # unlabelled paragraphs up to the next label go on with the same answer; more
            # than a few mean the labels are sparse and the text between is the article's own
            more = _paragraphs(text, turn.end, turns[k + 1].label_start)
            if len(more) <= _MAX_CONTINUED:
                spans.extend(more)
        for start, end in spans:
            start, end = _trim(text, start, end)
            if end > start and not _VIDEO_WIDGET.search(text, start, end):
                found.append(TranscriptAnswer(start, end, speaker, entity, turn.label))
    return found


def _asking_labels(article: Article) -> set[str]:
    """Labels that ask: the outlet ("The Harbour Courier:") and the authors, in full or by
    surname."""
    asking: set[str] = set()
    for name in (article.source or "", *article.authors):
        if name:
            asking.add(name.casefold())
            asking.add(name.split()[-1].casefold())
    return asking


def _names_someone(label: str, index: EntityIndex) -> bool:
    """A name label: a person of the article (in any case: "TELVIK", "Telvik")."""
    # only a person the article knows: "In Brief:" or "School funding:" open a list's items
    entity = index.resolve(_bare(label))
    return entity is not None and entity.kind is EntityKind.PERSON


def _named_outside(entity: Entity, index: EntityIndex, labels: list[tuple[int, int]]) -> bool:
    """Whether the article names the person somewhere other than in a speaker label."""
    return any(
        m.entity_id == entity.id and not any(a <= m.start < b for a, b in labels)
        for m in index.mentions
    )


def _bare(label: str) -> str:
    return re.sub(r"^(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+", "", label).strip()


def _display(label: str) -> str:
    bare = _bare(label)
    return bare.title() if bare.isupper() else bare


def _interviewee(article: Article, index: EntityIndex, first_label: int) -> Entity | None:
    """The person the "A:" answers are from: the one person named in the title, or the one the
    introduction presents ("spoke to X", "an interview with X"); None when neither does."""
    people = [e for e in index.entities if e.kind is EntityKind.PERSON]
    titled = [e for e in people if e.name in article.title]
    if len(titled) == 1:
        return titled[0]
    intro = article.text[:first_label]
    for cue in _INTRODUCES.finditer(intro):
        for mention in index.mentions_in(cue.end(), cue.end() + 80):
            if mention.kind is EntityKind.PERSON and mention.start - cue.end() < 40:
                return index.get(mention.entity_id)
    return None


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    at = start
    while at < end:
        stop = text.find("\n", at, end)
        stop = end if stop < 0 else stop
        if text[at:stop].strip():
            spans.append((at, stop))
        at = stop + 1
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] == "*"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "*"):
        end -= 1
    return start, end
