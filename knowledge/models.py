"""The fact base's vocabulary: articles, the facts derived from them, and the answers built on them.

Every model is frozen with ``extra="forbid"``. Datetimes are timezone-aware; calendar days
(``said_on``, event dates) are plain ``date`` values. Every fact carries its provenance: the id
of the article it comes from and the character span ``[start, end)`` in that article's ``text``.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    """Base for every fact-base model: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- articles


class Article(Frozen):
    """One news article as read from a file, page, feed entry or JSON line."""

    id: str = Field(description="stable id: the input's id, else derived from url or content")
    title: str = ""
    standfirst: str | None = Field(default=None, description="the summary line under the headline")
    text: str = Field(description="normalised body text; every span points into it")
    published: AwareDatetime | None = None
    updated: AwareDatetime | None = None
    source: str | None = Field(default=None, description="the outlet, e.g. 'Anadolu Agency'")
    url: str | None = None
    authors: tuple[str, ...] = ()
    dateline: str | None = Field(default=None, description="e.g. 'ISTANBUL'")
    language: str = "en"


class Span(Frozen):
    """Where a fact stands in its article's text."""

    article_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Sentence(Frozen):
    """A sentence of an article body, the unit of full-text search and evidence."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


# --------------------------------------------------------------------------- entities


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    COUNTRY = "country"
    PLACE = "place"
    OUTLET = "outlet"


class Role(Frozen):
    """A title a person holds, as an article states it: 'special envoy' of 'US'."""

    title: str
    affiliation: str | None = None
    as_of: date | None = None
    article_id: str | None = None
    start: int | None = None
    end: int | None = None


class Entity(Frozen):
    """A person, organisation, country, place or news outlet.

    ``id`` is derived from kind and canonical name (see ``entity_id``) so that the same
    person found in several articles is one entity.
    """

    id: str
    kind: EntityKind
    name: str = Field(description="canonical full name, e.g. 'Angela Merkel'")
    aliases: tuple[str, ...] = Field(default=(), description="other surface forms: 'Merkel'")
    roles: tuple[Role, ...] = ()
    country: str | None = Field(default=None, description="for places and people: the country")
    mentions: tuple[Span, ...] = ()


# --------------------------------------------------------------------------- quotes and claims


class QuoteKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"


class Quote(Frozen):
    """Something a person or body said: ``text`` is always ``article.text[start:end]``."""

    article_id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = Field(default=None, description="canonical full name of the speaker")
    speaker_id: str | None = None
    speaker_mention: str | None = Field(default=None, description="the surface form: 'he', 'Trump'")
    speaker_role: str | None = None
    cue: str | None = Field(default=None, description="the reporting verb: said, warned, told")
    said_on: date | None = None
    attributed_via: str | None = Field(
        default=None, description="the outlet or person that relayed it: 'The Wall Street Journal'"
    )
    confidence: float = 1.0
    place: str | None = Field(
        default=None,
        description="where it was said, when the attribution says so: 'told reporters in Vienna'",
    )


class Claim(Frozen):
    """A reported statement that is not a quote: 'X reported that ...', 'officials said ...'."""

    article_id: str
    text: str
    start: int
    end: int
    attributed_to: str | None = None
    attributed_via: str | None = None
    cue: str | None = None
    said_on: date | None = None


# --------------------------------------------------------------------------- events


class EventKind(StrEnum):
    MEETING = "meeting"
    TALKS = "talks"
    SUMMIT = "summit"
    VISIT = "visit"
    CALL = "call"
    NEGOTIATION = "negotiation"
    CONFERENCE = "conference"
    AGREEMENT = "agreement"
    # a scheduled appearance before a court or a committee: "is due back in court on Nov. 8"
    HEARING = "hearing"
    OTHER = "other"


class EventStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"
    COLLAPSED = "collapsed"
    UNKNOWN = "unknown"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Participant(Frozen):
    name: str
    kind: EntityKind = EntityKind.PERSON
    entity_id: str | None = None
    role: str | None = Field(default=None, description="e.g. 'US special envoy'")
    expected: bool = Field(default=False, description="expected to take part, not confirmed")


class Place(Frozen):
    city: str | None = None
    country: str | None = None


class Event(Frozen):
    """A meeting, talks, summit, visit, call or negotiation as one article reports it."""

    id: str
    article_id: str
    kind: EventKind
    participants: tuple[Participant, ...] = ()
    location: Place | None = None
    host: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_precision: DatePrecision | None = None
    date_text: str | None = Field(
        default=None, description="the words that gave the date: 'Friday'"
    )
    time_text: str | None = Field(
        default=None, description="the clock time as written: 'from 10am', 'at 14:00 local time'"
    )
    duration: str | None = Field(
        default=None, description="how long it lasted, as written: 'about an hour', 'two-hour'"
    )
    status: EventStatus = EventStatus.UNKNOWN
    agenda: tuple[str, ...] = ()
    reported_by: tuple[str, ...] = Field(default=(), description="outlets that reported it")
    reported_on: date | None = None
    evidence: tuple[Span, ...] = ()


# --------------------------------------------------------------------------- one article's facts


class ArticleFacts(Frozen):
    """Everything extraction derives from one article; the unit the store ingests."""

    article: Article
    summary: str = ""
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()


# --------------------------------------------------------------------------- answers


class SourceRef(Frozen):
    """Where a fact was reported: the article and, if relayed, the outlet it cites."""

    article_id: str
    outlet: str | None = None
    title: str = ""
    published: date | None = None
    url: str | None = None


class AnswerQuote(Frozen):
    text: str
    speaker: str | None = None
    speaker_role: str | None = None
    said_on: date | None = None
    kind: QuoteKind = QuoteKind.DIRECT
    attributed_via: str | None = None
    source: SourceRef


class AnswerFact(Frozen):
    text: str
    source: SourceRef | None = None


class Answer(Frozen):
    """The engine's reply to one question, independent of any rendering."""

    question: str
    intent: str
    known: bool = Field(description="False when the fact base does not answer the question")
    summary: str
    quotes: tuple[AnswerQuote, ...] = ()
    facts: tuple[AnswerFact, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    confidence: float = Field(ge=0.0, le=1.0)
    follow_ups: tuple[str, ...] = ()
    generated_at: datetime | None = None


def entity_id(kind: EntityKind | str, name: str) -> str:
    """The stable id of an entity: kind and a folded form of its canonical name."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    slug = "-".join("".join(c if c.isalnum() else " " for c in folded).split())
    return f"{EntityKind(kind).value}:{slug}"
