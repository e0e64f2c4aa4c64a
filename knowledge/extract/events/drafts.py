"""Events under construction, and how one sentence's mention merges into them.

A sentence that refers back ("the meeting", "the talks") or repeats an event's place, date
or people adds to that event; a mention with enough detail of its own starts a new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from knowledge.extract.dates import DateMention
from knowledge.extract.events.status import STATUS_RANK
from knowledge.extract.events.triggers import kind_group
from knowledge.models import (
    DatePrecision,
    EntityKind,
    Event,
    EventKind,
    EventStatus,
    Participant,
    Place,
    Sentence,
    Span,
)


@dataclass
class Draft:
    kind: EventKind
    sentence_index: int
    participants: dict[str, Participant] = field(default_factory=dict)
    city: str | None = None
    country: str | None = None
    host: str | None = None
    when: DateMention | None = None
    status: EventStatus = EventStatus.UNKNOWN
    agenda: list[str] = field(default_factory=list)
    reported_by: list[str] = field(default_factory=list)
    reported_on: date | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    first_paragraph: int = 0
    # "a meeting ... at the G7 summit": the larger event it took place at, which a later
    # "the summit" means instead of this meeting
    within: EventKind | None = None
    # "will meet here": at the dateline's city; "met in <a town the gazetteer lacks>":
    # somewhere named, so not the dateline's city
    here: bool = False
    elsewhere: bool = False
    time_text: str | None = None
    duration: str | None = None

    def add_participant(self, participant: Participant) -> None:
        key = participant.entity_id or participant.name.casefold()
        existing = self.participants.get(key)
        if existing is None:
            self.participants[key] = participant
            return
        updates: dict[str, object] = {}
        if participant.role and (existing.role is None or participant.role == "mediator"):
            updates["role"] = participant.role
        if existing.expected and not participant.expected and participant.role != "mediator":
            updates["expected"] = False
        if updates:
            self.participants[key] = existing.model_copy(update=updates)

    def add_agenda(self, items: Sequence[str]) -> None:
        for item in items:
            if item.casefold() not in (i.casefold() for i in self.agenda):
                self.agenda.append(item)

    def add_reporters(self, outlets: list[str]) -> None:
        for outlet in outlets:
            if outlet not in self.reported_by:
                self.reported_by.append(outlet)

    def add_evidence(self, sentence: Sentence) -> None:
        if (sentence.start, sentence.end) not in self.evidence:
            self.evidence.append((sentence.start, sentence.end))

    def add_status(self, status: EventStatus) -> None:
        if STATUS_RANK[status] > STATUS_RANK[self.status]:
            self.status = status

    def add_date(self, mention: DateMention | None) -> None:
        if mention is None:
            return
        order = [DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.WEEK, DatePrecision.DAY]
        if self.when is None or order.index(mention.precision) > order.index(self.when.precision):
            self.when = mention

    def settle(self, published: date | None) -> None:
        """Make status and date agree: an event dated after publication has not happened yet."""
        if (
            self.status is EventStatus.HELD
            and published is not None
            and self.when is not None
            and self.when.date_start > published
        ):
            self.status = EventStatus.PLANNED

    def to_event(self, article_id: str, number: int) -> Event:
        location = (
            Place(city=self.city, country=self.country) if self.country or self.city else None
        )
        participants = tuple(self.participants.values())
        return Event(
            id=f"{article_id}#event-{number}",
            article_id=article_id,
            kind=self.kind,
            participants=participants,
            location=location,
            host=self.host,
            date_start=self.when.date_start if self.when else None,
            date_end=self.when.date_end if self.when else None,
            date_precision=self.when.precision if self.when else None,
            date_text=self.when.text if self.when else None,
            time_text=self.time_text,
            duration=self.duration,
            status=self.status,
            agenda=tuple(self.agenda[:8]),
            reported_by=tuple(self.reported_by),
            reported_on=self.reported_on,
            evidence=tuple(Span(article_id=article_id, start=s, end=e) for s, e in self.evidence),
        )


@dataclass
class Mention:
    """What one sentence says about an event."""

    kind: EventKind
    trigger: tuple[int, int]
    anaphoric: bool
    participants: list[Participant]
    city: str | None
    country: str | None
    host: str | None
    when: DateMention | None
    status: EventStatus
    agenda: list[str]
    reported_by: list[str]
    reported_on: date | None
    within: EventKind | None = None
    indefinite: bool = False  # "a summit", "an hour-long meeting": a new event, not a reference
    firm_status: bool = False  # stated ("were held", "was cancelled"), not read off the tense
    here: bool = False
    elsewhere: bool = False
    # the people named after the trigger ("meeting with A"): who the event is with
    objects: frozenset[str] = frozenset()
    time_text: str | None = None  # "from 9.30am"
    duration: str | None = None  # "roughly two hours"


def _compatible_place(draft: Draft, mention: Mention) -> bool:
    if mention.country is None or draft.country is None:
        return True
    if mention.city and draft.city:
        return mention.city == draft.city
    return mention.country == draft.country


def _compatible_date(draft: Draft, mention: Mention) -> bool:
    if mention.when is None or draft.when is None:
        return True
    return not (
        mention.when.date_end < draft.when.date_start
        or mention.when.date_start > draft.when.date_end
    )


# A held meeting and a planned, cancelled or postponed one are two events, even with the same
# people: "X met A on Monday ... X will meet A again in May", "the leaders met in the border
# area ... the summit scheduled in Y was cancelled".
CLASHING_STATUS = frozenset(
    {
        frozenset({EventStatus.HELD, EventStatus.PLANNED}),
        frozenset({EventStatus.HELD, EventStatus.CANCELLED}),
        frozenset({EventStatus.HELD, EventStatus.POSTPONED}),
    }
)


def _compatible_status(draft: Draft, mention: Mention) -> bool:
    return frozenset({draft.status, mention.status}) not in CLASHING_STATUS


def target_draft(drafts: list[Draft], mention: Mention) -> Draft | None:
    """The existing event a sentence's mention adds to, if any."""
    # most recently mentioned first: "the meeting" refers to the event last talked about
    candidates = sorted(
        (
            d
            for d in drafts
            if kind_group(d.kind) == kind_group(mention.kind)
            and not (d.within is mention.kind and d.kind is not mention.kind)
        ),
        key=lambda d: d.sentence_index,
        reverse=True,
    )
    if not candidates:
        return None
    if mention.anaphoric:
        fitting = [
            d for d in candidates if _compatible_place(d, mention) and _compatible_date(d, mention)
        ]
        # "the meeting began at noon" after a cancelled summit: the held meeting named
        # earlier, if there is one; else the latest ("the visit had been meant to ...")
        # a "held" read off a past-tense sentence is too weak to pass over the latest event
        weak = mention.status is EventStatus.HELD and not mention.firm_status
        for draft in () if weak else fitting:
            if _compatible_status(draft, mention):
                return draft
        if fitting:
            return fitting[0]
        if mention.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
            return candidates[0]  # "the meeting has been postponed to May": a new date, same event
    candidates = [d for d in candidates if _compatible_status(d, mention)]
    for draft in candidates:
        same_place = mention.city is not None and mention.city == draft.city
        same_date = (
            mention.when is not None
            and draft.when is not None
            and mention.when.precision is DatePrecision.DAY
            and mention.when.date_start == draft.when.date_start
        )
        if (same_place and _compatible_date(draft, mention)) or (
            same_date and _compatible_place(draft, mention)
        ):
            return draft
    names = {p.name for p in mention.participants}
    people = {p.name for p in mention.participants if p.kind is EntityKind.PERSON}

    # the event that shares the most people first, then the most recent: "after his meeting
    # with A" in a paragraph about a later meeting with B means the meeting with A
    def overlap(draft: Draft) -> tuple[int, int]:
        known_names = {p.name for p in draft.participants.values()}
        return len(mention.objects & known_names), len(people & known_names)

    candidates.sort(key=overlap, reverse=True)
    for draft in candidates:
        if not (_compatible_place(draft, mention) and _compatible_date(draft, mention)):
            continue
        known = set(draft.participants)
        known_names = {p.name for p in draft.participants.values()}
        shared = names & known_names
        # a mention that names nobody continues the last event of its kind, unless it
        # introduces one: "a historic summit", "held a meeting in April"
        unnamed = known and not names and draft.kind is mention.kind and not mention.indefinite
        # one shared traveller meeting someone new somewhere new is the next leg of a trip:
        # "X met A. ... Later X flew to Seoul to meet B."
        next_leg = (
            len(shared) < 2
            and mention.country is not None
            and draft.country is None
            and bool(people - known_names)
        )
        if len(shared) >= 2 or (people & shared and not next_leg) or unnamed:
            return draft
    return None


def absorb(draft: Draft, mention: Mention, sentence: Sentence) -> None:
    if draft.kind is EventKind.MEETING and mention.kind in (
        EventKind.TALKS,
        EventKind.SUMMIT,
        EventKind.NEGOTIATION,
    ):
        draft.kind = mention.kind
    for participant in mention.participants:
        draft.add_participant(participant)
    if mention.country and draft.country is None:
        draft.city, draft.country = mention.city, mention.country
    elif mention.city and draft.city is None and mention.country == draft.country:
        draft.city = mention.city
    elif mention.country and mention.status in (EventStatus.POSTPONED, EventStatus.CANCELLED):
        draft.city, draft.country = mention.city, mention.country
    if mention.host and draft.host is None:
        draft.host = mention.host
    draft.add_date(mention.when)
    draft.add_status(mention.status)
    draft.add_agenda(mention.agenda)
    draft.add_reporters(mention.reported_by)
    if draft.reported_on is None:
        draft.reported_on = mention.reported_on
    draft.add_evidence(sentence)
    draft.sentence_index = sentence.index
    draft.within = draft.within or mention.within
    draft.here = draft.here or mention.here
    draft.elsewhere = draft.elsewhere or mention.elsewhere
    draft.time_text = draft.time_text or mention.time_text
    draft.duration = draft.duration or mention.duration


def latest_draft(drafts: Sequence[Draft]) -> Draft:
    """The event last talked about: the one a sentence with no event word adds to."""
    return max(drafts, key=lambda d: d.sentence_index)


def new_draft(mention: Mention, sentence: Sentence) -> Draft:
    draft = Draft(
        kind=mention.kind, sentence_index=sentence.index, first_paragraph=sentence.paragraph
    )
    absorb(draft, mention, sentence)
    return draft


def worth_keeping(mention: Mention) -> bool:
    """Enough to be an event of its own: two parties, or a party with a place or date, or a host.

    A lone "visit" or "meeting" with one country and nothing else is too weak to stand alone.
    """
    parties = len(mention.participants)
    anchored = mention.country is not None or mention.when is not None
    changed = mention.status in (
        EventStatus.CANCELLED,
        EventStatus.POSTPONED,
        EventStatus.COLLAPSED,
    )
    # "Talks, which were due to resume in Doha on Sunday, have been delayed": no named
    # parties, but a place, a day and a change of status make it news
    both = mention.country is not None and mention.when is not None
    return (
        parties >= 2
        or (parties >= 1 and anchored)
        or mention.host is not None
        or (anchored and changed)
        or both
    )


def happened_at_dateline(draft: Draft, published: date | None) -> bool:
    """A lead event that happened around publication took place where the reporter filed from.

    Planned events are left alone (a reporter in one capital often writes about talks to come
    elsewhere) unless they happen "here" or today.
    """
    if draft.elsewhere:
        return False  # "met in <a town the gazetteer lacks>": a place is named, not this one
    if draft.here:
        return True  # "will meet here on Friday"
    today = draft.when is not None and draft.when.date_start == published
    if draft.first_paragraph > 2 or (
        draft.status not in (EventStatus.HELD, EventStatus.UNKNOWN) and not today
    ):
        return False
    if draft.when is None or published is None:
        return draft.when is None
    return abs((draft.when.date_start - published).days) <= 2
