"""The events of one article: analyse each sentence with a trigger, then merge the mentions."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from datetime import date

from knowledge.extract.coref import Coreference, gender_of
from knowledge.extract.dates import DateMention, find_dates
from knowledge.extract.entities import EntityIndex
from knowledge.extract.events.agenda import agenda_items
from knowledge.extract.events.drafts import (
    CLASHING_STATUS,
    Draft,
    Mention,
    absorb,
    happened_at_dateline,
    latest_draft,
    new_draft,
    target_draft,
    worth_keeping,
)
from knowledge.extract.events.parties import (
    DELEGATION,
    MEDIATOR_CUE,
    Named,
    arrivals,
    attendees,
    clause_bounds,
    clause_participants,
    delegates,
    find_mediators,
    format_role,
    in_clause,
    listed_attendees,
    named_in,
    named_participant,
    person_participant,
    pronoun_arrival,
    subject_of,
)
from knowledge.extract.events.places import (
    dateline_place,
    event_host,
    event_place,
    resolve_place_name,
    stated_host,
)
from knowledge.extract.events.reporting import event_date, reporters
from knowledge.extract.events.status import event_status, firm_status
from knowledge.extract.events.timing import clock_time, duration, lasted
from knowledge.extract.events.triggers import (
    KINDS,
    candidate_sentences,
    first_trigger,
    hosting_trigger,
    introduces,
    kind_group,
    more_hearings,
    refers_back,
)
from knowledge.extract.gazetteer import is_venue, load_gazetteer, words_of
from knowledge.extract.quotes.spans import quote_spans
from knowledge.models import (
    Article,
    Entity,
    EntityKind,
    Event,
    EventKind,
    EventStatus,
    Participant,
    Quote,
    QuoteKind,
    Sentence,
    entity_id,
)

# a direct quote's span and the day it was said, when the article says
_Spoken = tuple[int, int, date | None]

# A date expression that names a month or a year is absolute wherever it stands; anything else
# ("today", "tomorrow", "on Tuesday", "next week") is relative to when it was uttered.
_ABSOLUTE_DATE = re.compile(
    r"\b(?:(?:19|20)\d\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.IGNORECASE
)


def _quoted_spans(text: str, quotes: Sequence[Quote] | None) -> list[_Spoken]:
    """The direct-quote passages of an article with the day each was said, if known.

    The extracted quotes are preferred (their pairing copes with odd typography); without them
    the raw quote-mark pairs of each paragraph are used.
    """
    if quotes is not None:
        return [
            (q.start, q.end, q.said_on)
            for q in quotes
            if q.kind is QuoteKind.DIRECT and (q.end - q.start) < 2000
        ]
    spans: list[_Spoken] = []
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        spans.extend((s, e, None) for s, e, closed in quote_spans(text, start, end) if closed)
        start = end + 1
    return spans


def _outside_quotes(
    text: str, dates: Sequence[DateMention], sentence_start: int, spoken: Sequence[_Spoken]
) -> list[DateMention]:
    """Dates as the speaker meant them: relative dates inside a direct quote are resolved
    against the day the quote was said, or dropped when that day is unknown.

    "Today's meeting" in a quote is today for the speaker, not for the article: resolving it
    against the publication date would date the event wrongly (and split it in two).
    """
    kept: list[DateMention] = []
    for mention in dates:
        start, end = mention.span[0] + sentence_start, mention.span[1] + sentence_start
        quote = next((q for q in spoken if q[0] <= start and end <= q[1]), None)
        if quote is None or _ABSOLUTE_DATE.search(mention.text) is not None:
            kept.append(mention)
        elif quote[2] is not None:
            again = find_dates(text, quote[2])
            kept.extend(m for m in again if m.span == mention.span)
    return kept


class _Subjects:
    """Resolves the subject of a verb trigger; the coreference tables are built on first use."""

    def __init__(self, index: EntityIndex, text: str) -> None:
        self._index = index
        self._text = text
        self._coref: Coreference | None = None
        # the last resolved subject and its sentence: "X said he met A. He will then go to
        # Cairo ...": the traveller stays the topic, the people he met are objects
        self._last: tuple[Entity, int] | None = None

    def _resolver(self) -> Coreference:
        if self._coref is None:
            self._coref = Coreference(self._index, self._text)
        return self._coref

    def _person(self, entity: Entity, sentence: Sentence, *, expected: bool = False) -> Participant:
        """A person a pronoun was resolved to, as a party; they stay the topic for a while."""
        self._last = (entity, sentence.index)
        role = format_role(entity.roles[0] if entity.roles else None)
        return person_participant(entity.name, entity.id, role, expected=expected)

    def participant(
        self, sentence: Sentence, trigger: re.Match[str], named: Sequence[Named]
    ) -> Participant | None:
        subject = subject_of(sentence.text, trigger, named)
        if subject is None:
            return None
        if isinstance(subject, Named):
            known = self._index.get(subject.entity_id)
            if known is not None:
                self._last = (known, sentence.index)
            return named_participant(subject, subject.role)
        word, offset = subject
        return self._pronoun_person(word, sentence.start + offset, sentence)

    def resolved(self, word: str, sentence: Sentence) -> Participant | None:
        """The person "he", "she", "his" or "her" opening a sentence means, as a party."""
        subject = "he" if word.casefold() in ("he", "his") else "she"
        return self._pronoun_person(subject, sentence.start, sentence)

    def _pronoun_person(self, word: str, at: int, sentence: Sentence) -> Participant | None:
        """The person the pronoun ``word`` at offset ``at`` means, as a party: the subject of
        the last three sentences when their gender fits ("he" a man, else a woman), else
        whom the coreference tables give."""
        entity = self._resolver().pronoun(word, at)
        if self._last is not None and sentence.index - self._last[1] <= 3:
            wanted = "m" if word.casefold() == "he" else "f"
            if gender_of(self._last[0], self._text) in (None, wanted):
                entity = self._last[0]
        if entity is None or entity.kind is not EntityKind.PERSON:
            return None
        return self._person(entity, sentence)

    def arriving(self, sentence: Sentence) -> list[tuple[Participant, str]]:
        """ "He is expected to arrive in Geneva": the person the pronoun means, and where."""
        found = pronoun_arrival(sentence.text)
        if found is None:
            return []
        word, where, expected = found
        entity = self._resolver().pronoun(word, sentence.start)
        if entity is None or entity.kind is not EntityKind.PERSON:
            return []
        return [(self._person(entity, sentence, expected=expected), where)]


_WITHIN = re.compile(
    r"\b(?:at|on\s+the\s+(?:sidelines|margins)\s+of|during)\s+(?:the|a|this\s+year['’]s)\s+"
    r"(?:[\w’'-]+\s+){0,4}?(?P<kind>summit|conference)\b",
    re.IGNORECASE,
)


def _within(text: str, trigger: re.Match[str], clause: tuple[int, int]) -> EventKind | None:
    """The larger event a meeting took place at: "met ... at the G7 summit"."""
    if KINDS[trigger.lastgroup or "meeting"] not in (EventKind.MEETING, EventKind.TALKS):
        return None
    found = _WITHIN.search(text, trigger.end(), clause[1])
    if found is None:
        return None
    return EventKind.SUMMIT if found.group("kind").casefold() == "summit" else EventKind.CONFERENCE


def _analyse(
    sentence: Sentence,
    trigger: re.Match[str],
    published: date | None,
    named: Sequence[Named],
    index: EntityIndex,
    subjects: _Subjects,
    quoted: Sequence[_Spoken],
    stretch: tuple[int, int] | None = None,
) -> Mention:
    """What one sentence says about the event its trigger names; ``stretch`` is the part of
    the sentence that is the trigger's when the sentence names several events."""
    text = sentence.text
    kind = KINDS[trigger.lastgroup or "meeting"]
    clause = clause_bounds(text, trigger)
    if stretch is not None:
        clause = (max(clause[0], stretch[0]), min(clause[1], stretch[1]))
    city, country = event_place(text, trigger, kind, clause)
    agenda, topic_spans = agenda_items(text)
    host = event_host(text, named, index)
    if city is not None and country is None and host in load_gazetteer().countries:
        country = host  # "Montenegro will host the summit in the coastal town of X"
    dates = _outside_quotes(text, find_dates(text, published), sentence.start, quoted)
    if stretch is not None:
        dates = [d for d in dates if stretch[0] <= d.span[0] < stretch[1]]
    reported_by, reported_on = reporters(text, named, dates)
    status = event_status(text, trigger)
    participants = clause_participants(text, in_clause(named, clause), country, host, topic_spans)
    if stretch is not None and stretch[0] > 0:
        # a later hearing of the sentence: its witness is the sentence's first person ("X,
        # who testified before A, will testify before B"; "X testified that he will ...")
        first = next((n for n in named if n.kind is EntityKind.PERSON), None)
        subject = None if first is None else named_participant(first, first.role)
    else:
        subject = subjects.participant(sentence, trigger, named)
    if subject is None and kind is EventKind.HEARING:
        # "X, who testified before the committee": the relative clause's witness
        subject = next(
            (
                named_participant(n, n.role)
                for n in named
                if n.kind is EntityKind.PERSON and _WHO_GAP.fullmatch(text, n.end, trigger.start())
            ),
            None,
        )
    if subject is not None and subject.name != host:
        known = {p.entity_id for p in participants}
        if subject.entity_id not in known:
            participants.insert(0, subject)
    participants = _without_announcer(text, trigger, named, participants)
    return Mention(
        here=city is None and _HERE.search(text, *clause) is not None,
        elsewhere=city is None and country is None and _unknown_place(sentence, clause, index),
        kind=kind,
        trigger=(sentence.start + trigger.start(), sentence.start + trigger.end()),
        anaphoric=refers_back(text, trigger),
        indefinite=introduces(text, trigger),
        within=_within(text, trigger, clause),
        objects=frozenset(
            n.name
            for n in in_clause(named, clause)
            if n.kind is EntityKind.PERSON and n.start >= trigger.end()
        ),
        participants=participants,
        city=city,
        country=country,
        host=host,
        when=event_date(text, dates, trigger),
        status=status,
        firm_status=firm_status(text, trigger, status),
        agenda=agenda,
        reported_by=reported_by,
        reported_on=reported_on,
        time_text=clock_time(text, clause[0], _subordinate_end(text, trigger.end(), clause[1])),
        duration=duration(text, *clause),
    )


# A clause of its own after the trigger: "a meeting on Friday when the cuts hit at midnight"
_SUBORDINATE = re.compile(
    r"\b(?:when|while|because|as|since|although|though|whereas|but|until|unless)\b"
)


def _subordinate_end(text: str, start: int, end: int) -> int:
    """Where the trigger's own clause gives way to a subordinate one (its times are not the
    event's)."""
    found = _SUBORDINATE.search(text, start, end)
    return end if found is None else found.start()


# "The ministry announced (on Tuesday) that talks between A and B ...": who tells of the event
_ANNOUNCED_THAT = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:announced|said|says|confirmed|stated|revealed|disclosed|"
    r"reported)\s+(?:(?:on|late|early)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|today|yesterday)\s+)?that\b"
)


def _without_announcer(
    text: str, trigger: re.Match[str], named: Sequence[Named], participants: list[Participant]
) -> list[Participant]:
    """Leave out who announced the event when two others are its parties: "The Foreign
    Ministry announced that talks between Chile and Peru will be held in Lima" (a party
    that announces talks with one other stays: "Chile announced that talks with Peru ...")."""
    for entity in named:
        said = _ANNOUNCED_THAT.match(text, entity.end)
        if said is None or said.end() > trigger.start() or entity.kind is EntityKind.PERSON:
            continue
        others = [p for p in participants if p.entity_id != entity.entity_id]
        if len(others) >= 2:
            return others
    return participants


# "will meet here", "talks here on Friday": at the place the reporter files from
_HERE = re.compile(r"\bhere\b(?![’'])")
# "met in Puerto Maldonado": a capitalised name after "in"/"at" that is no month, day or body
_IN_NAMED = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|The|This|That|His|Her|Their|Its)\b)(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)"
)


# "in the Senate", "at Parliament": a body's seat, in whatever city the report is from
_INSTITUTIONS = frozenset(
    words_of(
        """Senate Congress Parliament House Assembly Capitol Chamber Council Court Commons
        Lords Office Ministry Building Hall Palace Embassy Hotel Cabinet Kremlin Bundestag
        Knesset Duma Majlis Diet"""
    )
)


def _unknown_place(sentence: Sentence, clause: tuple[int, int], index: EntityIndex) -> bool:
    """Whether the trigger's clause names a place the gazetteer does not know ("met in
    Puerto Maldonado"): a body ("in Congress", "at the White House"), person or country
    named there is none, nor a venue ("in the Oval Office"), which may lie in any city."""
    for found in _IN_NAMED.finditer(sentence.text, *clause):
        start, end = found.span("name")
        words = found.group("name").split()
        if is_venue(words) or words[-1] in _INSTITUTIONS:
            continue
        known = index.mentions_in(sentence.start + start, sentence.start + end + 1)
        if not any(
            (entity := index.get(m.entity_id)) is not None and entity.kind is not EntityKind.PLACE
            for m in known
        ):
            return True
    return False


# "the talks continue on Thursday", "negotiations resume": another session of talks already
# under way, in the same place unless the sentence says otherwise.
_CONTINUES = re.compile(
    r"\b(?:continu(?:e|es|ed|ing)|resum(?:e|es|ed|ing)|reconven(?:e|es|ed|ing)|second\s+day|"
    r"third\s+day|another\s+round|next\s+round)\b",
    re.IGNORECASE,
)


def _inherit_place(drafts: Sequence[Draft], mention: Mention) -> None:
    group = kind_group(mention.kind)
    for draft in sorted(drafts, key=lambda d: d.sentence_index, reverse=True):
        if kind_group(draft.kind) == group and draft.country is not None:
            mention.city, mention.country = draft.city, draft.country
            return


# "the ministers will discuss A, B and C": an agenda with no event word, for the event just named
_WILL_DISCUSS = re.compile(
    r"\b(?:will|would|are\s+(?:due|set|expected)\s+to|plan\s+to|are\s+to)\s+"
    r"(?:also\s+)?discuss\b"
)
_ATTEND_WORD = re.compile(r"\b(?:attend|take\s+part|participate|join)\b")
_LISTED_WORD = re.compile(
    r"\b(?:attend|take\s+part|participat|expected\s+(?:in|at)|due\s+(?:in|at)|be\s+present|"
    r"be\s+represented|presence)"
)
# A mediation verb with an object of its own ("brokered a prisoner swap", "mediated the
# release"), in a sentence with no event word: a deal, not the article's event.
_MEDIATED_OTHER = re.compile(
    r"\b(?:mediated|brokered|facilitated)\s+(?:a|an|the|last\s+\w+['’]s|its|their)\s+"
)


# "He was joined by A, B and C", "She will be joined there by X": more parties of the event
# just named; the list ends at a relative clause ("C, who replaced D as leader").
_JOINED_BY = re.compile(
    r"\b(?P<tense>was|were|is|are|will\s+be|would\s+be|had\s+been|has\s+been|have\s+been)"
    r"\s+(?:also\s+)?joined\s+(?:there\s+|(?:at|on|for)\s+the\s+[\w-]+\s+)?by\b"
)
_JOINED_LIST_END = re.compile(r",\s+(?:who|which|whose|where|when)\b|[;:(]|\s[—–-]\s")


def _joined_by(text: str, named: Sequence[Named]) -> list[Participant]:
    """The people a sentence names after "was joined by", up to a relative clause."""
    joined = _JOINED_BY.search(text)
    if joined is None:
        return []
    end = _JOINED_LIST_END.search(text, joined.end())
    stop = end.start() if end else len(text)
    expected = joined.group("tense").startswith(("will", "would"))
    return [
        named_participant(n, n.role, expected=expected)
        for n in named
        if n.kind is EntityKind.PERSON and joined.end() <= n.start < stop
    ]


_MEDIATOR_NOUN = re.compile(r"\b[Mm]ediators?\b")
# "X will chair the talks", "X, a retired diplomat, chaired the negotiations"
_CHAIRS_AFTER = re.compile(
    r"(?:,[^,]{1,120},)?\s+(?:(?:will|would|is\s+to|is\s+due\s+to|has|had)\s+)?"
    r"(?:chair|chairs|chaired|chairing)\s+(?:the|these|this|today['’]s|\w+['’]s)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:talks|negotiations|meeting|session|mediation)\b"
)
# "talks chaired by the independent mediator, X", "chaired by X"
_CHAIRED_BY = re.compile(r"\bchaired\s+by\s+(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?)?(?=[A-Z])")
_CHAIRED_BY_TITLED = re.compile(
    r"\bchaired\s+by\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?[\w-]+,\s+(?=[A-Z])"
)


def _chairs(text: str, named: Sequence[Named], *, mediated: bool) -> list[Participant]:
    """The person chairing the talks a sentence names, as their mediator when the report
    speaks of one (or calls the chair so: "chaired by the mediator, X"); else nobody: a chair
    of a summit is its host's business, not a go-between."""
    found: list[Participant] = []
    for by in (*_CHAIRED_BY.finditer(text), *_CHAIRED_BY_TITLED.finditer(text)):
        person = next(
            (n for n in named if n.kind is EntityKind.PERSON and n.start == by.end()), None
        )
        if person is not None and (mediated or "mediat" in by.group(0)):
            found.append(named_participant(person, "mediator"))
    if not mediated:
        return found
    for entity in named:
        if entity.kind is EntityKind.PERSON and _CHAIRS_AFTER.match(text, entity.end):
            found.append(named_participant(entity, "mediator"))
            break
    return found


_ONWARD_CUE = re.compile(
    r"scheduled to|due to|set to|expected to|slated to|planning to|poised to|"
    r" on to |next stop|next destination|port of call"
)
_PLACE_NAME = r"(?:the\s+)?(?P<place>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})"
# After the traveller: a journey still to come, in a sentence that may name another event
# first ("... hours before X is scheduled to make a trip to Moscow"), or that names none
# ("He will go on to Cairo", "X's next stop is Riyadh").
_ONWARD = re.compile(
    r"\s+(?:(?:is|was|are|were|will\s+be)\s+(?:also\s+)?(?:scheduled|due|set|expected|slated|"
    r"planning|poised)\s+to\s+(?:make\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:trip|visit|journey)\s+to|(?:travel|fly|go|head|move)\s+(?:on\s+)?to|visit)"
    r"|will\s+(?:then\s+|later\s+|next\s+)?(?:go|travel|fly|head|move|continue)\s+on\s+to"
    r"|(?:then\s+)?(?:goes|travels|flies|heads|moves)\s+on\s+to)\s+" + _PLACE_NAME
)
_NEXT_STOP = re.compile(
    r"\b(?:(?P<pron>[Hh]is|[Hh]er)\s+|['’]s\s+)next\s+(?:stop|destination|port\s+of\s+call)\s+"
    r"(?:is|will\s+be|was)\s+(?:to\s+be\s+)?" + _PLACE_NAME
)
_ONWARD_PRONOUN = re.compile(r"\b(?P<pron>[Hh]e|[Ss]he)(?=\s)")


def _onward_trips(
    sentence: Sentence, named: Sequence[Named], subjects: _Subjects, after: int = 0
) -> list[tuple[Participant, str | None, str]]:
    """The people a sentence says will travel on somewhere, with the city and country; only
    after ``after`` (a journey before the event word is the way to that event: "X is set to
    travel to China for negotiations")."""
    text = sentence.text
    found: list[tuple[Participant, str | None, str]] = []

    def add(participant: Participant | None, place: str) -> None:
        city, country = resolve_place_name(place)
        if participant is not None and country is not None:
            found.append((participant, city, country))

    for entity in named:
        if entity.kind is not EntityKind.PERSON or entity.end < after:
            continue
        trip = _ONWARD.match(text, entity.end)
        if trip is None and text.startswith(("'s", "’s"), entity.end):
            trip = _NEXT_STOP.match(text, entity.end)
        if trip is not None:
            add(named_participant(entity, entity.role, expected=False), trip.group("place"))
    if found:
        return found
    for pronoun in _ONWARD_PRONOUN.finditer(text, after):
        trip = _ONWARD.match(text, pronoun.end())
        if trip is not None:
            add(subjects.resolved(pronoun.group("pron"), sentence), trip.group("place"))
    for trip in _NEXT_STOP.finditer(text, after):
        if trip.group("pron"):
            add(subjects.resolved(trip.group("pron"), sentence), trip.group("place"))
    return found


def _add_trips(
    drafts: list[Draft], trips: Sequence[tuple[Participant, str | None, str]], sentence: Sentence
) -> None:
    """A planned visit per onward journey, unless the article already has it."""
    for participant, city, country in trips:
        known = next(
            (
                d
                for d in drafts
                if d.kind is EventKind.VISIT
                and d.country == country
                and (city is None or d.city in (None, city))
            ),
            None,
        )
        if known is None:
            known = Draft(
                kind=EventKind.VISIT,
                sentence_index=sentence.index,
                first_paragraph=sentence.paragraph,
                city=city,
                country=country,
                status=EventStatus.PLANNED,
            )
            drafts.append(known)
        known.add_participant(participant)
        known.add_evidence(sentence)


def _join_latest(
    drafts: Sequence[Draft], participants: Sequence[Participant], sentence: Sentence
) -> bool:
    """Make the people a sentence with no event word names parties of the latest of these
    drafts, the sentence its evidence; False when there are no people or no drafts."""
    if not participants or not drafts:
        return False
    latest = latest_draft(drafts)
    for participant in participants:
        latest.add_participant(participant)
    latest.add_evidence(sentence)
    return True


def _add_agenda(draft: Draft, items: Sequence[str], sentence: Sentence) -> None:
    draft.add_agenda(items)
    draft.add_evidence(sentence)


# "will also cover", "also centred on", "Also on the table": an agenda continued ("also"
# must go with the agenda verb: "he also denied ... negotiations over its terms" adds nothing)
_ALSO_AGENDA = re.compile(
    r"\balso\s+(?:be\s+)?(?:cover|discuss|address|tackl|examin|focus|cent|includ|"
    r"touch|on\s+the\s+(?:agenda|table))",
    re.IGNORECASE,
)


def _more_agenda(text: str, mention: Mention, latest: Draft) -> bool:
    """ "Talks will also cover X": more of the agenda of the event just named, in a sentence
    whose event word stands alone (no people, place or date of its own) and whose tense fits
    it ("talks also centred on X" is no agenda for a summit still to come)."""
    return (
        bool(mention.agenda)
        and not mention.participants
        and mention.country is None
        and mention.when is None
        and frozenset({mention.status, latest.status}) not in CLASHING_STATUS
        and _ALSO_AGENDA.search(text) is not None
    )


def _same_place(draft: Draft, name: str) -> bool:
    """Whether a place named in an arrival is where the draft event takes place."""
    if draft.city is not None and name == draft.city:
        return True  # a town the gazetteer lacks, named as the event's ("the city of X")
    city, country = resolve_place_name(name)
    if draft.city is not None and city is not None:
        return city == draft.city
    return country is not None and country == draft.country and (city is None or not draft.city)


_WHO_GAP = re.compile(r",?\s+who\s+(?:[a-z]+\s+){0,3}")
_STRETCH_BREAK = re.compile(r"[,;]|\s(?:that|and|but|while)\s")


def _place_mention(
    drafts: list[Draft], mention: Mention, sentence: Sentence, trigger: re.Match[str]
) -> None:
    """Merge a sentence's mention into the event it adds to, or start an event with it."""
    text = sentence.text
    if mention.country is None and _CONTINUES.search(
        text, max(0, trigger.start() - 40), min(len(text), trigger.end() + 40)
    ):
        _inherit_place(drafts, mention)
    target = target_draft(drafts, mention)
    if target is not None:
        absorb(target, mention, sentence)
    elif worth_keeping(mention):
        drafts.append(new_draft(mention, sentence))
    elif drafts:
        latest = latest_draft(drafts)
        if _more_agenda(text, mention, latest):
            _add_agenda(latest, mention.agenda, sentence)


def find_events(
    article: Article,
    sentences: Sequence[Sentence],
    index: EntityIndex,
    quotes: Sequence[Quote] | None = None,
) -> list[Event]:
    """The events an article reports, one per distinct meeting/talks/summit/visit/call.

    ``quotes`` (the article's extracted quotes) tell which day words were spoken by someone.
    """
    published = article.published.date() if article.published else None
    drafts: list[Draft] = []
    subjects = _Subjects(index, article.text)
    quoted = _quoted_spans(article.text, quotes)
    # "The mediator has called both sides to talks ... X will chair the talks": in a report
    # that speaks of a mediator, the one chairing the talks between the sides is that mediator
    mediated = _MEDIATOR_NOUN.search(article.text) is not None
    for sentence in candidate_sentences(article.text, sentences):
        text = sentence.text
        trigger = first_trigger(text)
        if trigger is None and "host" in text:
            trigger = hosting_trigger(text, named_in(index, sentence))
        mediation = MEDIATOR_CUE.search(text) is not None
        if (
            trigger is None
            and drafts
            and ("agenda" in text or _WILL_DISCUSS.search(text) or _ALSO_AGENDA.search(text))
        ):
            # "He said their agenda would include A, B and C": the event just named
            items, _ = agenda_items(text)
            if items:
                _add_agenda(latest_draft(drafts), items, sentence)
        if trigger is None and drafts and _LISTED_WORD.search(text):
            # "Ministers from A, B and C are expected in X": parties of the latest event,
            # of the latest one held there when a place is named
            listed, where = listed_attendees(text, named_in(index, sentence))
            there = drafts if where is None else [d for d in drafts if _same_place(d, where)]
            if _join_latest(there, listed, sentence):
                continue
        if (
            trigger is None
            and drafts
            and _ATTEND_WORD.search(text)
            # "The EU envoy, X, will also attend": a party of the event just named
            and _join_latest(drafts, attendees(text, named_in(index, sentence)), sentence)
        ):
            continue
        if (
            trigger is None
            and drafts
            and "joined" in text
            and _join_latest(drafts, _joined_by(text, named_in(index, sentence)), sentence)
        ):
            continue
        if trigger is None and drafts and "host" in text.casefold():
            # "The host, X, has invited ...": the host of the event just named
            host = stated_host(text, named_in(index, sentence), index)
            latest = latest_draft(drafts)
            if host is not None and latest.host is None:
                latest.host = host
                latest.participants.pop(entity_id(EntityKind.COUNTRY, host), None)
                latest.add_evidence(sentence)
                continue
        if trigger is None and drafts and "arriv" in text:
            # "X is expected to arrive in Geneva on Tuesday": a party of the latest event
            # named there; an arrival anywhere else is another journey
            arrived = False
            arriving = arrivals(text, named_in(index, sentence))
            if not arriving:
                arriving = subjects.arriving(sentence)
            for participant, where in arriving:
                there = [d for d in drafts if _same_place(d, where)]
                arrived = _join_latest(there, [participant], sentence) or arrived
            if arrived:
                continue
        if trigger is None and drafts:
            length = lasted(text)
            if length is not None:
                # "The meeting lasted roughly two hours.": the event just named
                latest = latest_draft(drafts)
                if latest.duration is None:
                    latest.duration = length
                    latest.add_evidence(sentence)
                continue
            if (DELEGATION.search(text) or "delegation" in text) and _join_latest(
                drafts, delegates(text, named_in(index, sentence)), sentence
            ):
                # "The drivers' delegation will be led by A. The operator will be represented
                # by B and C.": the sides' people are parties of the event just named
                continue
        if trigger is None and _ONWARD_CUE.search(text):
            trips = _onward_trips(sentence, named_in(index, sentence), subjects)
            if trips:
                _add_trips(drafts, trips, sentence)
                continue
        if trigger is None and mediation and _MEDIATED_OTHER.search(text):
            mediation = False  # "X mediated a prisoner swap last month": another deal
        if trigger is None and not mediation:
            continue
        named = named_in(index, sentence)
        if trigger is not None:
            # "X, who testified before A on Tuesday, will testify before B on Thursday": two
            # hearings, each read in its own stretch of the sentence
            triggers = [trigger, *more_hearings(text, trigger)]
            # where one trigger's stretch ends and the next begins: the last clause break
            # between them ("..., will testify", "... that he will testify")
            cuts = [0]
            for before, after in itertools.pairwise(triggers):
                breaks = list(_STRETCH_BREAK.finditer(text, before.end(), after.start()))
                cuts.append(breaks[-1].start() if breaks else after.start())
            cuts.append(len(text))
            journey = False
            chairs = _chairs(text, named, mediated=mediated) if "chair" in text else []
            for number, current in enumerate(triggers):
                stretch = (cuts[number], cuts[number + 1])
                mention = _analyse(
                    sentence, current, published, named, index, subjects, quoted, stretch
                )
                if number == 0 and chairs:
                    # the chair of the talks the sentence names is of them: "X, who
                    # brokered last year's pay deal, will chair the talks at Y on Monday"
                    chaired = {c.entity_id for c in chairs}
                    mention.participants = [
                        *chairs,
                        *[p for p in mention.participants if p.entity_id not in chaired],
                    ]
                if (
                    current.lastgroup == "conference"
                    and "onvention" in current.group(0)
                    and (mention.country is None or mention.when is None)
                ):
                    continue  # a party convention is news here with its place and its date
                if current.lastgroup == "travel" and not any(
                    p.kind is EntityKind.PERSON for p in mention.participants
                ):
                    journey = True  # "the team travel to Dublin": news when a person travels
                    break
                _place_mention(drafts, mention, sentence, current)
            if journey:
                continue
            if _ONWARD_CUE.search(text):
                trips = _onward_trips(sentence, named, subjects, after=triggers[-1].end())
                _add_trips(drafts, trips, sentence)
        if mediation:
            mediators = find_mediators(text, named)
            if not mediators:
                continue
            target = latest_draft(drafts) if drafts else None
            if target is None:
                target = Draft(
                    kind=EventKind.NEGOTIATION,
                    sentence_index=sentence.index,
                    first_paragraph=sentence.paragraph,
                )
                drafts.append(target)
            for participant in mediators:
                target.add_participant(participant)
            target.add_evidence(sentence)
            outlets, _ = reporters(text, named, ())
            target.add_reporters(outlets)
    place = dateline_place(article.dateline)
    for draft in drafts:
        draft.settle(published)
        if place is not None and draft.country is None and happened_at_dateline(draft, published):
            if draft.city is None:
                draft.city, draft.country = place
            else:
                draft.country = place[1]  # "in Union Square" under a NEW YORK dateline
    return [draft.to_event(article.id, number) for number, draft in enumerate(drafts, 1)]
