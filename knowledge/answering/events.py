"""Event answers: who meets whom, where, when, hosted by whom, about what, and whether it holds.

Events are found through the people, countries and places a question names, and through the
sentences that match its words; reports of the same event from several articles are grouped,
and where they disagree (a venue moved, a meeting called off) the answer says so, naming both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from knowledge.answering.compose import fact, join_names, unique_sources
from knowledge.answering.facts import FactBase
from knowledge.answering.intents import EVENT_WORDS, Intent, Parsed, names_event
from knowledge.answering.linking import Link
from knowledge.answering.query import Query, Reply
from knowledge.answering.reports import describe_group, event_headline, group_reports
from knowledge.answering.search import names_every, ranked_sentences
from knowledge.answering.text import (
    SYNONYM_STEMS,
    fold,
    has_phrase,
    plain,
    stem,
    stems,
    words,
)
from knowledge.extract.gazetteer import given_names
from knowledge.models import (
    AnswerFact,
    EntityKind,
    Event,
    EventKind,
    EventStatus,
    Sentence,
)

# Words that ask for one kind of event. "Meeting" and "talks" are left out: people use them
# for any sit-down, whatever kind the report gave it.
_KIND_WORDS = {
    EventKind.SUMMIT: ("summit",),
    EventKind.VISIT: ("visit", "trip"),
    EventKind.CALL: ("call", "phone"),
    EventKind.CONFERENCE: ("conference",),
    EventKind.NEGOTIATION: ("negotiate", "negotiation"),
    EventKind.AGREEMENT: ("agreement", "deal", "accord", "treaty"),
}


# How many of the reports best matching a question's words have all their events considered.
_BEST_REPORTS = 3
# A round after another: "the next round", "a second round", "follow-up talks".
_LATER_ROUND = re.compile(
    r"\b(next|second|third|another|new|further|later|follow-up|following) (round|session)s?\b|"
    r"\bround (two|2|three|3)\b|\bfollow-up (talks|meeting|summit)\b"
)
# How many of the best candidates are checked for who gathers ("the foreign ministers").
_QUALIFIED = 12

# An empty reading, for describing events outside any question (the /events listing).
_NO_QUESTION = Parsed(text="", intent=Intent.EVENT)


_WAS_TO = re.compile(r"\b(supposed to|was to|were to|was meant to|had been (scheduled|planned))\b")
_UNREALISED = (EventStatus.CANCELLED, EventStatus.POSTPONED, EventStatus.PLANNED)

# The tense a question asks in: "where was the summit held" wants the one that took place,
# "when will they meet" the one still to come (an article's next summit and the one it
# reports are both stored).
_PAST_ASKED = re.compile(
    r"\b(was|were|did|had|held|took place|happened|met|visited|hosted|attended)\b"
)
_FUTURE_ASKED = re.compile(
    r"\b(will|next|upcoming|coming|going to|due to|set to|scheduled|planned|plans? to|"
    r"expected to|(?:is|are) (?:\w+ ){0,3}?(?:meeting|holding|gathering|visiting|travell?ing))\b"
)
_DONE = (EventStatus.HELD, EventStatus.COLLAPSED)
_TO_COME = (EventStatus.PLANNED, EventStatus.POSTPONED)

# Who gathers, as a question qualifies the event: "the G7 foreign ministers", "the leaders'
# summit". A ministry's field, or heads of state and government.
_MINISTERS_ASKED = re.compile(
    r"\b(foreign|defen[cs]e|finance|trade|economy|economic|energy|health|interior|"
    r"agriculture|environment|justice|education|transport) minister"
)
_LEADERS_ASKED = re.compile(r"\bleader|\bheads? of (state|government)")
# Titles of heads of state and government: a gathering of two or more is a leaders' one.
_HEAD_ROLE = re.compile(
    r"\b(president|prime minister|premier|chancellor|king|queen|emir|sultan|leader)\b"
)
_LEADERS_SAID = re.compile(r"\bleaders\b|\bleaders['’]|\bheads of (state|government)\b")
_MINISTERS_SAID = re.compile(r"\bministers\b")


def event_key(event: Event) -> str:
    """How the conversation memory names an event: its article and id."""
    return f"{event.article_id}|{event.id}"


@dataclass
class _Scored:
    event: Event
    matched: int
    score: float


def _blob(event: Event, facts: FactBase) -> str:
    return fold(" ".join([*_record_parts(event), facts.source(event.article_id).title]))


def _record_parts(event: Event) -> list[str]:
    """The words of an event's own record: kind, participants, place, host, day, agenda."""
    parts: list[str] = [event.kind.value]
    for p in event.participants:
        parts.extend(filter(None, (p.name, p.role)))
    if event.location:
        parts.extend(filter(None, (event.location.city, event.location.country)))
    parts.extend(filter(None, (event.host, event.date_text)))
    parts.extend(event.agenda)
    return parts


def find_events(
    facts: FactBase, query: Query, *, limit: int = 40, wording: _Wording | None = None
) -> list[_Scored]:
    """Candidate events for the question, best first (only those that match every name the
    question gives, if any do; else those matching most).

    ``wording``: the question's ``_wording``, when the caller has read it already.
    """
    store = facts.store
    if wording is None:
        wording = _wording(query.text)
    found: dict[str, Event] = {}

    def add(events: Sequence[Event]) -> None:
        for event in events:
            found.setdefault(event_key(event), event)

    if query.event_ids:
        article_ids = list(dict.fromkeys(k.split("|", 1)[0] for k in query.event_ids))
        add(
            [
                e
                for e in store.events(article_ids=article_ids, limit=limit)
                if event_key(e) in query.event_ids
            ]
        )
    ids = list(query.entity_ids())
    if ids:
        add(store.events(participant_ids=ids, limit=limit))
    people = people_asked(query)
    if len(people) > 1:
        # "When will Vale meet Dorn": the newest events of either fill the limit with the more
        # often named one's (hundreds in a big base); each person's own newest events hold
        # their meetings with the other.
        for person_ids in people.values():
            add(store.events(participant_ids=sorted(person_ids), limit=limit))
    for link in (*query.places, *query.groups):
        add(store.events(place=link.name, limit=limit))
    qualifier = wording.qualifier
    words = [link.surface for link in query.links] + list(query.terms)
    if words and qualifier:
        # "The G7 foreign ministers": the reports saying so, though the question's words
        # hold nothing but the group's name (titles are no topic words).
        words.append(f"{qualifier}s")
    if words and "mediators" in query.parsed.aspects:
        # "who is mediating the bus strike?": the reports that speak of a mediator among
        # those on the strike (in a big base a bus strike's reports are many)
        words.append("mediator")
    hits: list[tuple[Sentence, float]] = []
    if words:
        hits = store.search_sentences(" ".join(words), limit=40)
        article_ids = list(dict.fromkeys(s.article_id for s, _ in hits))[:20]
        if article_ids:
            # The best-matching reports' events apart first: the newest events of twenty
            # reports fill the limit, and an older report saying every word asked
            # ("Vale", "farmers") would lose its events to them.
            add(store.events(article_ids=article_ids[:_BEST_REPORTS], limit=limit))
            add(store.events(article_ids=article_ids, limit=limit))
    if (
        _ASKS_HOUR.search(query.text)
        and not query.links
        and not query.people
        and not any(e.time_text for e in found.values())
    ):
        # "what time does the summit begin?": the hour is asked of an event coming up or just
        # held that the question does not name; when no event its words found ("begin")
        # has an hour, the newest events are candidates too
        add(store.events(limit=limit))
    if not found and not query.links and not query.people and not query.terms:
        # Nothing named ("Who is meeting where?"): the next and the latest events.
        add(store.events(limit=20))
    asked = _asked(facts, query, people, wording) if found else None
    scored = [_score(facts, query, event, asked) for event in found.values() if asked]
    scored = [s for s in scored if query.window.contains(_event_day(s.event))]
    if not scored:
        return []
    needed = len({link.name for link in query.links}) + len({n for _, n in query.people})
    if needed and hits:
        scored = _organisers_named(facts, query, scored, hits)
    if needed and query.places and max(s.matched for s in scored) < needed:
        scored = _placed_by_report(facts, query, scored)
    best = max(s.matched for s in scored)
    if needed and best == 0 and not query.event_ids:
        return []
    scored = [s for s in scored if s.matched == best]
    # The weights below are on _score's scale: a name asked 10 (2 more as a party), a place
    # held in 5, the kind asked 3, a topic word 2. The candidates left match the same names,
    # so these decide among events of the same people, each worth about a place.
    if wording.tense:
        _by_tense(scored, wording.tense)
    if _LATER_ROUND.search(query.text):
        # "When is the next round of talks?": a round after another the reports tell of
        # (the report of Thursday's talks names the second round in January). +6: more than
        # the kind and a topic word the first round's record may say besides.
        days = [d for d in (_event_day(s.event) for s in scored) if d is not None]
        first = min(days, default=None)
        for s in scored:
            day = _event_day(s.event)
            if first is not None and day is not None and day > first:
                s.score += 6
    if qualifier:
        # Read only for the best few: a report's sentences are one more read each. +/-5, as
        # a place: who gathers tells two meetings of one group apart as a venue would.
        scored.sort(key=lambda s: s.score, reverse=True)
        read: dict[str, list[Sentence]] = {}
        for s in scored[:_QUALIFIED]:
            texts = _event_texts(facts, s.event, read)
            s.score += 5 * qualifier_fit(s.event, qualifier, texts)
    if query.links or query.people or query.terms or query.event_ids:
        together: dict[int, int] = {}
        parties: dict[int, int]
        if len(people) > 1:
            # "When will Vale meet Dorn at the palace": an event of both people comes before
            # one of Dorn at the palace, though each matches two names.
            together = {
                id(s): sum(_names_person(facts, s.event, n, i) for n, i in people.items())
                for s in scored
            }
            # A party to the event outranks a name its record merely mentions ("Dorn
            # will meet Vessberg" names Vale in passing).
            parties = {
                id(s): sum(
                    bool(i & {p.entity_id for p in s.event.participants if p.entity_id})
                    for i in people.values()
                )
                for s in scored
            }
        else:
            parties = {}
        scored.sort(
            key=lambda s: (
                together.get(id(s), 0),
                parties.get(id(s), 0),
                s.score,
                # An event whose report gives it no day is dated by the report (sorted
                # after every dated one, a 2019 report's meeting had lost to 2016 ones).
                _event_day(s.event) or facts.source(s.event.article_id).published or date.min,
            ),
            reverse=True,
        )
        return scored
    # Nothing named ("Who is meeting where?"): what comes next, soonest first, then what
    # happened last.
    today = query.today or date.max

    def is_upcoming(scored_event: _Scored) -> bool:
        day = _event_day(scored_event.event)
        return day is not None and day >= today

    upcoming = sorted(
        (s for s in scored if is_upcoming(s)),
        key=lambda s: (_event_day(s.event) or date.min, -s.score),
    )
    past = sorted(
        (s for s in scored if not is_upcoming(s)),
        key=lambda s: (_event_day(s.event) or date.min, s.score),
        reverse=True,
    )
    return upcoming + past


def _by_tense(scored: Sequence[_Scored], tense: str) -> None:
    """Of a report telling events that differ in the tense asked, rank those not fitting it
    lower: "where was the summit held?" of a report telling it and the next one. Across
    reports a status says nothing of the tense asked: each is as of its report (a 2019
    report's "planned" talks are long past), and a status read wrong would outweigh the
    words asked."""
    fit = [_tense_fit(s.event, tense) for s in scored]
    fits: dict[str, set[float]] = {}
    for s, f in zip(scored, fit, strict=True):
        fits.setdefault(s.event.article_id, set()).add(f)
    for s, f in zip(scored, fit, strict=True):
        # Only the misfit loses: reports telling one event alone are not outranked by those
        # telling two. -5, as a place: one report's events share its headline's words, so
        # little else tells them apart.
        if f < 0 and {1.0, -1.0} <= fits[s.event.article_id]:
            s.score -= 5


# How many of the best groups are looked through for one speaking to the question's words.
_SPEAKING_LOOKS = 3


def _told_of_the_event(
    facts: FactBase, query: Query, group: Sequence[Event], uncovered: Sequence[str]
) -> list[Sentence]:
    """The sentences of a follow-up's event reports that say the words of the question its
    record does not ("who's paying for it?" -> "Austria will cover the cost of the
    meeting"): every such word (or a word news copy uses for it) in one sentence, at most
    two sentences, in the report's order. Only for a follow-up about the event of the last
    answer, whose names come from that answer: the sentence need not repeat them. Who
    else comes, and the words of meeting and attending, are the record's to answer."""
    if not query.event_ids or not query.from_context or query.parsed.wants_more:
        return []
    words = [w for w in uncovered if w not in EVENT_WORDS and w not in _ATTENDING]
    if not words:
        return []
    wanted = [{stem(w), *SYNONYM_STEMS.get(stem(w), ())} for w in words]
    found: list[Sentence] = []
    for article_id in dict.fromkeys(e.article_id for e in group):
        for sentence in facts.store.sentences(article_id):
            said = stems(sentence.text)
            if all(keys & said for keys in wanted):
                found.append(sentence)
                if len(found) == 2:
                    return found
    return found


# Verbs of coming to an event: "who else is coming?" asks the record's participants.
_ATTENDING = frozenset(
    {"coming", "come", "going", "joining", "join", "taking", "part", "expected", "invited"}
)


def _organisers_named(
    facts: FactBase, query: Query, scored: list[_Scored], hits: Sequence[tuple[Sentence, float]]
) -> list[_Scored]:
    """Events matched also by a body their own report names with them: "the Danube River
    Commission summit" is the summit a sentence of its evidence calls "the summit of the
    Danube River Commission", though the body is no participant. An event whose record
    names the body is scored so already; one whose report names it only in the headline
    ("Commission names new secretary", a meeting told further down) counts it once, and
    the evidence outranks it. Only the sentences the question's search found are read."""
    bodies = [
        (set(link.entity_ids), [plain(form) for form in facts.name_forms(link)])
        for link in query.links
        if link.kind is EntityKind.ORGANISATION
    ]
    if not bodies:
        return scored
    saying: list[tuple[Sentence, int]] = []
    for sentence, _ in hits:
        padded = f" {plain(sentence.text)} "
        told = sum(1 for _, forms in bodies if any(f" {f} " in padded for f in forms if f))
        if told:
            saying.append((sentence, told))
    if not saying:
        return scored
    out: list[_Scored] = []
    for item in scored:
        event = item.event
        participant_ids = {p.entity_id for p in event.participants if p.entity_id}
        record = f" {plain(' '.join(_record_parts(event)))} "
        if any(
            ids & participant_ids or any(f" {f} " in record for f in forms if f)
            for ids, forms in bodies
        ):
            out.append(item)  # the record names a body asked: scored as such already
            continue
        title = f" {plain(facts.source(event.article_id).title)} "
        headlined = sum(1 for _, forms in bodies if any(f" {f} " in title for f in forms if f))
        told = max(
            (
                n
                for sentence, n in saying
                if sentence.article_id == event.article_id
                and any(
                    sentence.start < span.end and span.start < sentence.end
                    for span in event.evidence
                )
            ),
            default=0,
        )
        # The headline's mention counted already. A name asked weighs 10, as in _score; +1
        # over a headline's mention, less than a party's +2: a body taking part in another
        # meeting ("Group of Seven" among its participants) still ranks first.
        added = max(0, told - headlined)
        score = item.score + 10 * added + 1
        out.append(_Scored(event, item.matched + added, score) if told else item)
    return out


def _placed_by_report(facts: FactBase, query: Query, scored: list[_Scored]) -> list[_Scored]:
    """Placeless events at the place asked when another event of their report is held
    there: "The chancellor planned bilateral meetings with A, B, C ..." in a report of the
    trade summit in Valletta is a meeting in Valletta, though its sentence does not
    say so. Counts the place as matched (10, as a name asked), less than an event whose own
    record is held there (which also has the place's +5)."""
    there: dict[str, set[str]] = {}  # article id -> the places asked its events are held in
    for item in scored:
        location = item.event.location
        if location is None:
            continue
        held = {fold(p) for p in (location.city, location.country) if p}
        for link in query.places:
            if fold(link.name) in held:
                there.setdefault(item.event.article_id, set()).add(link.name)
    if not there:
        return scored
    out: list[_Scored] = []
    for item in scored:
        event = item.event
        placed = event.location is not None and (event.location.city or event.location.country)
        places = set() if placed else there.get(event.article_id, set())
        # Only places its record (or headline) does not name already: those count as such.
        count = sum(
            1
            for link in query.places
            if link.name in places and not _names_link(facts, event, link)
        )
        out.append(_Scored(event, item.matched + count, item.score + 10 * count) if count else item)
    return out


def _uncovered(facts: FactBase, query: Query, group: Sequence[Event]) -> list[str]:
    """The question's topic words that the group's records do not say."""
    said = stems(" ".join(_blob(e, facts) for e in group))
    return [t for t in query.terms if stem(t) not in said]


def _speaking_first(facts: FactBase, query: Query, groups: list[list[Event]]) -> list[list[Event]]:
    """The best group first that speaks to most of the question's topic words: "where will
    the two sides sign the peace deal?" asks after the signing, not after talks of theirs
    whose record says none of "sign", "peace", "deal". Only the first few groups are looked
    through: those further down rank lower on the names and parties asked, which the topic
    words alone should not overturn."""
    if len(query.terms) < 2 or query.event_ids:
        return groups

    def mute(group: Sequence[Event]) -> bool:
        if any(_gives_detail(query, event) for event in group):
            # "who is mediating the bus strike?": talks whose record names the mediator
            # answer, though their report never writes "bus"
            return False
        uncovered = _uncovered(facts, query, group)
        return len(uncovered) >= 2 and 2 * len(uncovered) > len(query.terms)

    if not mute(groups[0]):
        return groups
    for at, group in enumerate(groups[1:_SPEAKING_LOOKS], start=1):
        if not mute(group):
            return [group, *groups[:at], *groups[at + 1 :]]
    return groups


def _gives_detail(query: Query, event: Event) -> bool:
    """Whether the event's record holds a detail the question asks for that few records
    hold: its mediators, how long it lasted, the hour it starts."""
    aspects = query.parsed.aspects
    return bool(
        ("duration" in aspects and event.duration)
        or ("mediators" in aspects and any(p.role == "mediator" for p in event.participants))
        or (event.time_text and _ASKS_HOUR.search(query.text))
    )


# "What time does the summit begin?", "at what hour": the clock time, not the day
_ASKS_HOUR = re.compile(r"\b(?:what|which)\s+(?:time|hour)\b|\bhow early\b|\bwhat o'?clock\b")


def _event_day(event: Event) -> date | None:
    return event.date_start or event.reported_on


@dataclass(frozen=True)
class _Asked:
    """What every candidate event is scored against, worked out once per question: the
    names as plain words, the places folded, the stems of the topic words, the kinds of
    event the question's words ask for."""

    people: list[tuple[set[str], tuple[str, str]]]
    links: list[tuple[set[str], list[str]]]
    places: list[str]
    term_stems: list[str]
    was_to: bool
    tense: str
    kinds: frozenset[EventKind]


def _asked(facts: FactBase, query: Query, people: dict[str, set[str]], wording: _Wording) -> _Asked:
    asked_stems = stems(query.text)
    return _Asked(
        people=[(ids, (plain(name), plain(name.split()[-1]))) for name, ids in people.items()],
        links=[
            (set(link.entity_ids), [plain(form) for form in facts.name_forms(link)])
            for link in query.links
            if link.kind is not EntityKind.PERSON
        ],
        places=[fold(link.name) for link in (*query.places, *_travelled_to(query))],
        term_stems=[stem(t) for t in query.terms],
        was_to=wording.was_to,
        tense=wording.tense,
        kinds=frozenset(
            kind
            for kind, kind_words in _KIND_WORDS.items()
            if any(stem(w) in asked_stems for w in kind_words)
        ),
    )


def _travelled_to(query: Query) -> list[Link]:
    """Countries the question sends someone to ("who is going to Brazil for the climate
    talks?"): an event held in a city of the country is then held where asked, as one in a
    city asked is. Only after a verb of travel: "meet in Chile" or "the talks with Brazil"
    name a party as often as a venue."""
    return [
        link
        for link in query.links
        if link.kind is EntityKind.COUNTRY
        and re.search(rf"\b{_TRAVEL} to {re.escape(link.surface)}\b", query.text)
    ]


_TRAVEL = r"(?:go|goes|going|went|travel\w*|head\w*|fly|flies|flying|flew|come|coming|came)"


@dataclass(frozen=True)
class _Wording:
    """How the question words the event it means, read once per question: after a plan
    that did not happen ("was supposed to"), in a tense ("past", "future" or ""), gathering
    whom ("foreign minister", "leader" or "")."""

    was_to: bool
    tense: str
    qualifier: str


def _wording(text: str) -> _Wording:
    was_to = bool(_WAS_TO.search(text))
    return _Wording(
        was_to=was_to, tense=asked_tense(text, was_to=was_to), qualifier=asked_qualifier(text)
    )


def asked_tense(text: str, *, was_to: bool = False) -> str:
    """ "past" for "where was it held", "future" for "when will they meet", else "".

    "Where was the summit supposed to be" asks after a plan, not a past event: no tense.
    """
    if was_to:
        return ""
    future = _FUTURE_ASKED.search(text)
    past = _PAST_ASKED.search(text)
    if future and not past:
        return "future"
    if past and not future:
        return "past"
    return ""


def asked_qualifier(text: str) -> str:
    """Who the question says gathers: "foreign minister" for "the G7 foreign ministers",
    "leader" for "the leaders' summit", else ""."""
    match = _MINISTERS_ASKED.search(text)
    if match:
        return f"{match.group(1)} minister"
    if _LEADERS_ASKED.search(text):
        return "leader"
    return ""


def _tense_fit(event: Event, tense: str) -> float:
    """How well the event's status fits the tense asked: 1 fits, -1 goes against, 0 unknown."""
    if not tense or event.status is EventStatus.UNKNOWN:
        return 0.0
    if tense == "past":
        return 1.0 if event.status in _DONE else -1.0
    return 1.0 if event.status in _TO_COME else -1.0


def qualifier_fit(event: Event, qualifier: str, texts: Sequence[str]) -> float:
    """Does the event gather those the question names ("foreign ministers", "leaders")?

    Said by the sentences reporting it ("a G7 foreign ministers' meeting", "leaders of the
    four countries"), or shown by two or more parties holding such a title. One party's
    title is not enough: a leaders' summit has a foreign minister among its guests. 1 when
    it does, -1 when it gathers the other kind (ministers asked, leaders said), else 0.
    """
    if not qualifier:
        return 0.0
    said = fold(" ".join(texts))
    roles = [fold(p.role or "") for p in event.participants]
    heads = sum(
        1
        for r in roles
        if _HEAD_ROLE.search(r) and "minister" not in r.replace("prime minister", "")
    )
    leaders = bool(_LEADERS_SAID.search(said)) or heads >= 2
    if qualifier == "leader":
        if leaders:
            return 1.0
        return -1.0 if _MINISTERS_SAID.search(said) else 0.0
    field = qualifier.split()[0]
    if field.startswith("defen"):
        field = "defen[cs]e"
    plural = re.compile(rf"\b{field} ministers\b|\bministers of {field}\b")
    if plural.search(said) or sum(1 for r in roles if re.search(rf"\b{field} minister", r)) >= 2:
        return 1.0
    return -1.0 if leaders else 0.0


def _event_texts(facts: FactBase, event: Event, cache: dict[str, list[Sentence]]) -> list[str]:
    """The sentences the event was read from, and its report's headline."""
    sentences = cache.get(event.article_id)
    if sentences is None:
        sentences = cache[event.article_id] = facts.store.sentences(event.article_id)
    texts = [facts.source(event.article_id).title]
    for span in event.evidence:
        texts.extend(s.text for s in sentences if s.start < span.end and span.start < s.end)
    return texts


def _score(facts: FactBase, query: Query, event: Event, asked: _Asked) -> _Scored:
    blob = _blob(event, facts)
    padded = f" {plain(blob)} "

    def says(plain_name: str) -> bool:
        return f" {plain_name} " in padded

    participant_ids = {p.entity_id for p in event.participants if p.entity_id}
    matched = 0
    # Names that are parties to the event, not merely in its record (a headline naming
    # both sides is shared by every event of the report: the second round's too).
    parties = 0
    for ids, (name, surname) in asked.people:
        if ids & participant_ids or says(name) or says(surname):
            matched += 1
            parties += bool(ids & participant_ids)
    for link_ids, forms in asked.links:
        if link_ids & participant_ids or any(says(form) for form in forms):
            matched += 1
            parties += bool(link_ids & participant_ids)
    score = float(matched * 10 + 2 * parties)
    if event.location is not None:
        # Held in the place named, not merely mentioning it.
        place = {fold(p) for p in (event.location.city, event.location.country) if p}
        score += 5 * sum(1 for name in asked.places if name in place)
    aspects = query.parsed.aspects
    if (
        ("agenda" in aspects and event.agenda)
        or ("host" in aspects and event.host)
        or (_gives_detail(query, event))
    ):
        # the record gives the detail asked for: "who is mediating", "how long did it last"
        score += 2
    if event.time_text and _ASKS_HOUR.search(query.text):
        # "what time does the summit begin?": few records hold an hour; one that does answers
        # better than talks of the kind named without one (+2 more: above the kind's 3)
        score += 2
    gives = ("where" in aspects and _placed(event)) or (
        "when" in aspects and bool(event.date_start or event.date_text)
    )
    if gives and (event.status is not EventStatus.CANCELLED or asked.was_to):
        # "Where is the summit held?": of events matching alike, one whose record gives a
        # place answers; a placeless one heads the reply with no answer. +1: more than a
        # planned status, less than a topic word, so a clearly better match still wins.
        # A called-off meeting's venue or day is not where or when they meet.
        score += 1
    if asked.was_to and event.status in _UNREALISED:
        score += 2  # "where was the summit supposed to be": one that did not happen as planned
    if asked.term_stems:
        blob_stems = stems(blob)
        score += 2 * sum(1 for t in asked.term_stems if t in blob_stems)
    if event.kind in asked.kinds:
        score += 3  # "visiting" asks for a visit
    if event.status is EventStatus.PLANNED and asked.tense != "past":
        # Of events matching alike, one still to come first; not when the question asks
        # what happened ("where did they meet?"): at 10k articles the same people's old
        # plans (as of their reports) had outranked the meetings they held.
        score += 0.5
    return _Scored(event, matched, score)


def answer_event(facts: FactBase, query: Query) -> Reply | None:
    """The event the question is about, or None when no stored event matches."""
    if "when" in query.parsed.aspects and _DEADLINE_ASKED.search(query.text):
        # "When does X have to decide on Y?" asks for a deadline, not a meeting: the
        # sentence giving one answers, whatever event shares the names.
        deadline = _deadline(facts, query)
        if deadline is not None:
            return deadline
    wording = _wording(query.text)
    scored = find_events(facts, query, wording=wording)
    if not scored:
        return None
    people = people_asked(query)
    # Only the best candidates are grouped: grouping compares every pair.
    groups = group_reports(facts, [s.event for s in scored[:15]])
    groups = _speaking_first(facts, query, groups)
    first = groups[0]
    elsewhere = [
        link.name
        for link in query.places
        if not any(
            _names_link(facts, event, link) or _report_held_at(facts, event, link)
            for event in first
        )
    ]
    absent = [
        name
        for name, ids in people.items()
        if not any(_names_person(facts, event, name, ids) for event in first)
    ]
    if absent and len(people) >= 2:
        # "Where did A meet B?" answered by a meeting of B alone: no. Sentences naming
        # both may answer; else say so rather than pad.
        return _not_together(facts, query)
    if query.places and absent and not elsewhere:
        # "When will Vale visit Lima?" answered by a visit to Lima without Vale: no.
        elsewhere = [link.name for link in query.places]
    if elsewhere:
        # "When will X visit Quito?" with X's only event elsewhere: that event is not the
        # answer. Sentences naming both may be; else say so rather than pad.
        return _not_there(facts, query, elsewhere)
    summary, lines, named = describe_group(facts, query, first)
    tense = wording.tense
    if tense and len(people) >= 2 and all(_tense_fit(e, tense) < 0 for e in first):
        # "When will A meet B?" with their only stored meeting long held: a sentence naming
        # them both with what is still to come answers; the held meeting follows it. (One
        # name is too little to tell such a sentence: "the G7" is in many.)
        told = _told_instead(facts, query, tense)
        if told is not None:
            told.facts.append(fact(f"Earlier: {summary}", facts.source(first[0].article_id)))
            return told
    sources = [facts.source(e.article_id) for e in first]
    # A place asked about is specific too: "who is meeting in Lisbon on Friday?" lists no
    # talks elsewhere. So is a name the tables do not know ("Quellovar"): a word the
    # articles mostly write capitalised (no event word: "summit" is no name).
    specific = bool(
        query.links
        or query.people
        or query.event_ids
        or query.places
        or any(not facts.is_common_word(t) for t in query.terms if t not in EVENT_WORDS)
    )
    if not specific and len(groups) > 1:
        others = []
        # Others that say what the first does of the question's words: "who is meeting in
        # Quellovar on Friday?" lists no Friday talks elsewhere.
        asked = {stem(t) for t in query.terms}
        said = asked & stems(" ".join(_blob(e, facts) for e in first))
        alike: list[list[Event]] = []
        for group in groups[1:]:
            # Up to three, read in order: each group read is its records' words stemmed.
            if said <= stems(" ".join(_blob(e, facts) for e in group)):
                alike.append(group)
                if len(alike) == 3:
                    break
        for group in alike:
            other_summary, _, _ = describe_group(facts, query, group)
            others.append(fact(other_summary, facts.source(group[0].article_id)))
            sources.append(facts.source(group[0].article_id))
        lines = lines + others
    if specific and not query.event_ids and len(groups) > 1:
        # "Where did A and B meet?" when the reports tell of their meetings in several
        # places (a summit in one city, the next in another a year later): the others
        # follow the first, so the one the user means is there whichever is newest.
        for other in _held_elsewhere(facts, query, scored, groups, people):
            source = facts.source(other.article_id)
            lines.append(fact(f"Also: {event_headline(other)}.", source))
            sources.append(source)
    needed = len({link.name for link in query.links}) + len({n for _, n in query.people})
    missing = _missing_aspects(query, first)
    # Words of the question the event does not speak to ("who hosted a *lunch*"): the
    # sentences may answer what the event record cannot.
    uncovered = _uncovered(facts, query, first)
    stranger = _unlinked_person(query, [t for t in uncovered if not facts.is_common_word(t)])
    if stranger is not None and not query.event_ids:
        # "When will Alana May visit Lima?" with nobody of that name stored: the event at
        # Lima is someone else's; the sentences naming both may answer, else say so.
        return _not_there(facts, query, [link.name for link in query.places], stranger)
    if (
        len(uncovered) >= 2
        and 2 * len(uncovered) > len(query.terms)
        and not query.event_ids
        and not names_event(query.text)
        and not any(_gives_detail(query, event) for event in first)
    ):
        # "Where would the country send its spent fuel?" asks where, but of no meeting: the event
        # shares a name and none of the rest; the sentences answer (the caller searches).
        return None
    detail = _told_of_the_event(facts, query, first, uncovered)
    if detail:
        # "Who's paying for it?" after a meeting: the record has no such field, its report
        # may say it ("Austria will cover the cost of the meeting"). The sentence answers,
        # the meeting follows it.
        for sentence in reversed(detail):
            lines.insert(0, fact(f"“{sentence.text}”", facts.source(sentence.article_id)))
        summary = f"The report says: “{detail[0].text}” " + summary
        return Reply(
            summary=summary,
            facts=lines,
            sources=list(unique_sources([facts.source(s.article_id) for s in detail] + sources)),
            confidence=0.7,
            follow_ups=["Who is taking part?", "When is it?", "Who reported it?"],
            event_ids=tuple(event_key(e) for e in first),
            people_named=tuple(named),
        )
    # Where and when are checked against the sentences too: a place or date the
    # extraction got wrong is then contradicted in the reply, not repeated alone.
    checked = missing | (query.parsed.aspects & {"where", "when"})
    if scored[0].matched < needed or checked or uncovered:
        # The event misses some of the names or the detail asked about: add what the
        # sentences say, those giving the missing detail (a place, a date) first.
        accept = _fitting(_aspect_filter(facts, query, checked, first), wording)
        where = "where" in checked
        hits = ranked_sentences(
            facts,
            query,
            accept=accept,
            limit=4 if where else 2,
            min_coverage=0.5,
            # The event's own article first, unless the event may not be the one meant.
            prefer=frozenset() if uncovered else frozenset(e.article_id for e in first),
        )
        if where:
            # A venue is a city more often than a country: "signed an agreement in Muscat,
            # Oman" answers "where will they sign?" before "driven from power in
            # Yemen" (the country of the story, not of the signing).
            hits = sorted(hits, key=lambda h: not _names_city(facts, h.sentence.text))[:2]
        for hit in reversed(hits):
            source = facts.source(hit.sentence.article_id)
            lines.insert(0, fact(f"“{hit.sentence.text}”", source))
            sources.append(source)
    if "mediators" in query.parsed.aspects and not any(
        fold(p.role or "") == "mediator" for e in first for p in e.participants
    ):
        # "Who is passing messages between them?" of an event with no mediators stored: the
        # sentences that speak of go-betweens, if any, come before the event card.
        for hit in reversed(ranked_sentences(facts, query, must=_MEDIATION, limit=2)):
            source = facts.source(hit.sentence.article_id)
            lines.insert(0, fact(f"“{hit.sentence.text}”", source))
            sources.append(source)
    # A sentence both checked and given as the event's evidence is shown once.
    unique: dict[str, AnswerFact] = {}
    for line in lines:
        unique.setdefault(line.text, line)
    lines = list(unique.values())
    return Reply(
        summary=summary,
        facts=lines,
        sources=list(unique_sources(sources)),
        confidence=0.85 if specific else 0.6,
        follow_ups=["Who is taking part?", "When is it?", "Who reported it?"],
        event_ids=tuple(event_key(e) for e in first),
        people_named=tuple(named),
    )


def answer_event_duration(facts: FactBase, query: Query) -> Reply | None:
    """ "How long did the meeting last?" answered by the event's record when it keeps how
    long it lasted ("The meeting lasted roughly two hours" in its report); None otherwise, so
    the sentences giving a length of time are searched instead."""
    scored = find_events(facts, query, limit=20)
    if not scored or not scored[0].event.duration or scored[0].score <= 0:
        return None
    event = scored[0].event
    duration = event.duration
    report = facts.store.sentences(event.article_id)
    said = stems(" ".join([_blob(event, facts), *(s.text for s in report)]))
    if not duration or any(stem(t) not in said for t in query.terms):
        # "How long did they meet *alone*?": a word the event's report does not say asks
        # about something else; the sentence that says it answers
        return None
    summary, _, named = describe_group(facts, query, [event])
    source = facts.source(event.article_id)
    # The sentence saying it, not the rest of the event's evidence ("He last visited
    # twelve years ago" is no length of this visit).
    told = [s for s in report if duration in s.text][:1]
    return Reply(
        summary=summary,
        facts=[
            fact(f"How long: {duration}.", source),
            *(fact(f"“{s.text}”", source) for s in told),
        ],
        sources=[source],
        confidence=0.8,
        follow_ups=["Who is taking part?", "When is it?", "Who reported it?"],
        event_ids=(event_key(event),),
        people_named=tuple(named),
    )


# "When does X have to decide", "when is the deadline", "when is X due back in court": a
# time something must be done by, not when people meet (no meeting word follows).
_MEETING_VERB = r"(?! (?:to )?(?:meet|visit|hold|attend|talk|host|travel|sit down|gather|sign)\b)"
_DEADLINE_ASKED = re.compile(
    rf"\b(?:ha(?:ve|s|d)|needs?|is|are) (?:\w+ )?(?:to|due)\b{_MEETING_VERB}|"
    rf"\bmust\b{_MEETING_VERB}|\bdeadline\b|\bdue\b{_MEETING_VERB}"
)
# A sentence giving such a time: a deadline, an expiry, what is due, or "by/until" a day.
_DEADLINE_SAID = re.compile(
    r"\bdeadlines?\b|\bexpir\w*|\bdue\b|\b(?:by|until|no later than|before) (?:the end of )?"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:by|until|no later than) (?:the )?"
    r"(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
_DAY_SAID = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? \d|"
    r"\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|"
    r"sun)day\b|\b(?:19|20)\d\d\b|\b(?:next|this) (?:week|month|year)\b|\bend of\b",
    re.IGNORECASE,
)


def _fitting(
    accept: Callable[[str], bool] | None, wording: _Wording
) -> Callable[[str], bool] | None:
    """The sentence test, narrowed to sentences telling of the event asked about: not of
    the next one when the one held is asked ("the next summit will be held in ..."), not
    of the leaders when their ministers are asked."""
    tense, qualifier = wording.tense, wording.qualifier
    if accept is None or not (tense == "past" or qualifier):
        return accept
    test = accept

    def fits(sentence: str) -> bool:
        if not test(sentence):
            return False
        if tense == "past" and _TO_COME_SAID.search(sentence):
            return False
        folded = fold(sentence)
        if qualifier == "leader":
            return not _MINISTERS_SAID.search(folded) or bool(_LEADERS_SAID.search(folded))
        if qualifier:
            return "minister" in folded or not _LEADERS_SAID.search(folded)
        return True

    return fits


def _gives_day(text: str) -> bool:
    return bool(_DAY_SAID.search(text))


def _deadline(facts: FactBase, query: Query) -> Reply | None:
    """The sentences giving a deadline (or a day something is due) for what is asked."""
    hits = ranked_sentences(
        facts, query, must=_DEADLINE_SAID, accept=_gives_day, limit=2, min_coverage=0.5
    )
    if not hits:
        return None
    return _sentences_reply(
        facts, [h.sentence for h in hits], hits[0].coverage, "Here is what the articles say:"
    )


# A sentence telling of something still to come, or that took place.
_TO_COME_SAID = re.compile(
    r"\b(will|would|expect\w*|due to|plans? to|planned|set to|scheduled|next|upcoming|"
    r"is to|are to)\b",
    re.IGNORECASE,
)


def _told_instead(facts: FactBase, query: Query, tense: str) -> Reply | None:
    """The sentences naming everyone asked about that tell what the question asks in its
    tense (something still to come for "will", else something done), when no stored event
    of theirs fits it."""
    every = names_every(facts, query)
    checked = _aspect_filter(facts, query, set(query.parsed.aspects & {"where", "when"}))

    def accept(text: str) -> bool:
        if not every(text) or (checked is not None and not checked(text)):
            return False
        return bool(_TO_COME_SAID.search(text)) == (tense == "future")

    hits = ranked_sentences(facts, query, limit=2, accept=accept)
    if not hits:
        return None
    return _sentences_reply(
        facts, [h.sentence for h in hits], hits[0].coverage, "Here is what the articles say:"
    )


def _sentences_reply(
    facts: FactBase,
    sentences: Sequence[Sentence],
    coverage: float,
    summary: str,
    *,
    known: bool = True,
) -> Reply:
    """The sentences found in place of an event, quoted with their sources.

    ``coverage``: how much of the question the best sentence covers. Confidence stays below
    an event's own (0.6-0.85) even at full coverage, and lower still when the reply says
    the engine does not know (the sentences are then only what comes nearest).
    """
    sources = [facts.source(s.article_id) for s in sentences]
    return Reply(
        summary=summary,
        facts=[fact(f"“{s.text}”", src) for s, src in zip(sentences, sources, strict=True)],
        sources=sources,
        known=known,
        confidence=round((0.3 if known else 0.2) + 0.4 * coverage, 2),
        follow_ups=["Who reported it?"],
    )


_MEDIATION = re.compile(
    r"\b(mediat\w*|intermediar\w*|go-betweens?|back ?channels?|(shuttl|pass|relay|carr|convey)"
    r"\w* (\w+ )?messages?|brokered|brokering)\b",
    re.IGNORECASE,
)


def people_asked(query: Query) -> dict[str, set[str]]:
    """The people the question names, each name with every stored id it was linked to (a
    name may stand for namesakes), in the order asked."""
    names: dict[str, set[str]] = {}
    for pid, name in query.people:
        names.setdefault(name, set()).add(pid)
    return names


def _names_person(facts: FactBase, event: Event, name: str, ids: set[str]) -> bool:
    """Is the person asked about a party to the event (or named in its record)?"""
    if ids & {p.entity_id for p in event.participants if p.entity_id}:
        return True
    padded = f" {plain(_blob(event, facts))} "
    return any(f" {plain(n)} " in padded for n in (name, name.split()[-1]) if plain(n))


def _names_link(facts: FactBase, event: Event, link: Link) -> bool:
    """Does the event (its parties, place, host, agenda or headline) name the link?"""
    if set(link.entity_ids) & {p.entity_id for p in event.participants if p.entity_id}:
        return True
    padded = f" {plain(_blob(event, facts))} "
    return any(f" {plain(form)} " in padded for form in facts.name_forms(link) if plain(form))


def _report_held_at(facts: FactBase, event: Event, link: Link) -> bool:
    """A placeless event whose report holds another event at the place (see
    ``_placed_by_report``)."""
    if event.location is not None and (event.location.city or event.location.country):
        return False
    wanted = fold(link.name)
    for other in facts.store.events(article_ids=[event.article_id], limit=50):
        where = other.location
        if where is not None and wanted in {fold(p) for p in (where.city, where.country) if p}:
            return True
    return False


def _unlinked_person(query: Query, uncovered: Sequence[str]) -> str | None:
    """A person's name the question gives that links to nobody stored: a given name among
    the words the event does not speak to (not ordinary vocabulary: "mark" is a word), with
    the word after it ("alana may" -> Alana May)."""
    male, female = given_names()
    tokens = [w.text for w in words(query.text)]
    for term in uncovered:
        if term.title() not in male and term.title() not in female:
            continue
        at = tokens.index(term) if term in tokens else -1
        after = tokens[at + 1] if 0 <= at < len(tokens) - 1 else ""
        surname = after and after not in EVENT_WORDS and after not in _NOT_SURNAMES
        return f"{term.title()} {after.title()}" if surname else term.title()
    return None


# Words after a given name that are no surname: "will X visit", "is X going".
_NOT_SURNAMES = frozenset({"to", "in", "at", "and", "with", "go", "going", "travel", "be"})


def _not_there(
    facts: FactBase, query: Query, places: Sequence[str], stranger: str | None = None
) -> Reply:
    """No stored event at the place asked: the sentences that name it all, or "couldn't find"."""
    # Every name in the sentence itself: the person and the place together were asked.
    every = names_every(facts, query)
    written = _written_as_names(facts, query)
    first = stranger.split()[0] if stranger else None

    def accept(text: str) -> bool:
        return every(text) and written(text) and (first is None or has_phrase(text, first))

    hits = ranked_sentences(facts, query, limit=2, accept=accept)
    if hits:
        return _sentences_reply(
            facts,
            [h.sentence for h in hits],
            hits[0].coverage,
            "Here is what the articles say, most relevant first:",
        )
    who = stranger or (
        join_names(list(dict.fromkeys(name for _, name in query.people)))
        or join_names([link.name for link in query.groups])
    )
    summary = f"I couldn't find a meeting or visit{f' of {who}' if who else ''}"
    summary += f" in {join_names(list(places))}." if places else "."
    return Reply(
        summary=summary, known=False, confidence=0.2, follow_ups=["What events do you know?"]
    )


def _written_as_names(facts: FactBase, query: Query) -> Callable[[str], bool]:
    """A test that a text writes, as a name, each surname asked that is also an ordinary
    word ("Price", "Rice", "May"): capitalised, or with the given name before it. At 10k
    articles "the price of rice" and "Pyongyang may agree" otherwise passed for sentences
    naming the person with the place."""
    wanted: list[tuple[str, re.Pattern[str]]] = []
    for _, name in query.people:
        parts = name.split()
        surname = parts[-1]
        if len(parts) < 2 or not facts.is_common_word(surname.casefold()):
            continue
        # Capitalised where the sentence does not start: "May" opening it is no name.
        wanted.append(
            (name, re.compile(rf"(?<![.!?]\s)(?<!^)\b{re.escape(surname.capitalize())}\b"))
        )
    if not wanted:
        return lambda text: True

    def test(text: str) -> bool:
        return all(has_phrase(text, name) or pattern.search(text) for name, pattern in wanted)

    return test


def _not_together(facts: FactBase, query: Query) -> Reply:
    """No stored event has every person asked about: the sentences naming them all, or
    "couldn't find"."""
    every = names_every(facts, query)
    written = _written_as_names(facts, query)
    hits = ranked_sentences(
        facts, query, limit=2, accept=lambda text: every(text) and written(text)
    )
    if hits:
        return _sentences_reply(
            facts,
            [h.sentence for h in hits],
            hits[0].coverage,
            "I don't know of a meeting between them; here is what the articles say:",
            known=False,
        )
    who = join_names(list(people_asked(query)))
    return Reply(
        summary=f"I couldn't find a meeting between {who}.",
        known=False,
        confidence=0.2,
        follow_ups=["What events do you know?"],
    )


_VENUE = re.compile(
    r"\b(?:in|at|to|capital of|city of|town of)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
    r"(?:,\s+(?P<country>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?))?"
)
_PLACE_KINDS = {EntityKind.PLACE, EntityKind.COUNTRY}
_WHEN_WORDS = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|today|tomorrow|"
    r"tonight|next week|next month|later this|(19|20)\d\d)\b",
    re.IGNORECASE,
)
_ASPECT_WORDS = {
    "host": re.compile(r"\bhost", re.IGNORECASE),
    "agenda": re.compile(
        r"\b(discuss|agenda|cover|focus|expected to (explore|address|raise)|include)",
        re.IGNORECASE,
    ),
}


# How many meetings of the same names held elsewhere follow the first (see _held_elsewhere).
_ELSEWHERE = 2


def _held_elsewhere(
    facts: FactBase,
    query: Query,
    scored: Sequence[_Scored],
    groups: Sequence[Sequence[Event]],
    people: dict[str, set[str]],
) -> list[Event]:
    """Other events of the names asked, matching them as well as the first does, held in
    places other than the first's and each other's; at most ``_ELSEWHERE``.

    Only for "where" and "when" questions of a place not named (a place asked is a place
    matched already), and only events that did happen or are to (not called off).
    """
    if not query.parsed.aspects & {"where", "when"} or query.places or _travelled_to(query):
        return []
    matched = {event_key(s.event): s.matched for s in scored}
    best = scored[0].matched
    seen = [_place_of(e) for e in groups[0] if _placed(e)]
    if not seen:
        return []
    others: list[Event] = []
    for group in groups[1:]:
        # The group's first report placing it (another may tell it without a place).
        head = next(
            (e for e in group if _placed(e) and e.status is not EventStatus.CANCELLED), None
        )
        if head is None:
            continue
        place = _place_of(head)
        if (
            matched.get(event_key(head), 0) < best
            or any(_same_place(place, other) for other in seen)
            or not all(_names_person(facts, head, n, i) for n, i in people.items())
        ):
            continue
        seen.append(place)
        others.append(head)
        if len(others) == _ELSEWHERE:
            break
    return others


def _place_of(event: Event) -> tuple[str, str]:
    location = event.location
    if location is None:
        return ("", "")
    return (fold(location.city or ""), fold(location.country or ""))


def _same_place(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One place, or one inside the other ("Vietnam" and "Hanoi, Vietnam")."""
    if a[1] and b[1] and a[1] != b[1]:
        return False
    if a[0] and b[0]:
        return a[0] == b[0]
    return bool((a[1] and a[1] == b[1]) or a[0] == b[1] or a[1] == b[0])


def _placed(event: Event) -> bool:
    """Whether the event's record gives where it is held (a city or a country)."""
    return bool(event.location and (event.location.city or event.location.country))


def _missing_aspects(query: Query, group: Sequence[Event]) -> set[str]:
    """The details the question asks for that no report of the event gives."""
    missing: set[str] = set()
    asked = query.parsed.aspects
    if "where" in asked and not any(_placed(e) for e in group):
        missing.add("where")
    if "when" in asked and not any(e.date_start or e.date_text for e in group):
        missing.add("when")
    if "host" in asked and not any(e.host for e in group):
        missing.add("host")
    if "agenda" in asked and not any(e.agenda for e in group):
        missing.add("agenda")
    return missing


def _aspect_filter(
    facts: FactBase, query: Query, missing: set[str], group: Sequence[Event] = ()
) -> Callable[[str], bool] | None:
    """A test that a sentence gives one of the missing details (a place, a date ...).

    A place counts only if neither the question nor the event record names it already: for
    "Where will the US and the rebels sign?" a sentence naming the United States gives no
    venue, and a sentence repeating the recorded venue adds nothing to check it by.
    """
    if not missing:
        return None
    gazetteer = facts.gazetteer
    # The capital counts as a venue here: "talks in Washington" answers "US-Canada talks".
    asked = {plain(form) for link in query.links for form in facts.name_forms(link, metonyms=False)}
    for event in group:
        if event.location is not None:
            asked.update(plain(p) for p in (event.location.city, event.location.country) if p)

    def names_place(text: str) -> bool:
        # A venue is written after "in", "at", "to" ("in Porto", "at Orvak Castle", "the
        # Ecuadorean capital of Quito"); a country named as an actor ("the United States
        # said") is not.
        for match in _VENUE.finditer(text):
            phrase = match.group("place")
            country = match.group("country")
            if country and country in gazetteer.countries and plain(phrase) not in asked:
                return True  # "in Orvak, France": a town the tables need not know
            for candidate in (phrase, phrase.split()[0]):
                known = (
                    candidate in gazetteer.city_to_country
                    or candidate in gazetteer.countries
                    or bool(facts.linker.kinds_of(candidate) & _PLACE_KINDS)
                )
                if known and plain(candidate) not in asked:
                    return True
        return False

    def gives(text: str) -> bool:
        if "where" in missing and names_place(text):
            return True
        if "when" in missing and _WHEN_WORDS.search(text):
            return True
        return any(a in missing and p.search(text) for a, p in _ASPECT_WORDS.items())

    return gives


def _names_city(facts: FactBase, text: str) -> bool:
    """Whether the text names a city the gazetteer knows after "in", "at" or "to"."""
    cities = facts.gazetteer.city_to_country
    for match in _VENUE.finditer(text):
        phrase = match.group("place")
        if phrase in cities or phrase.split()[0] in cities:
            return True
    return False


def upcoming_and_recent(facts: FactBase, today: date, limit: int = 5) -> Reply:
    """The /events listing: what is planned next, and what happened most recently."""
    store = facts.store
    upcoming = store.events(since=today, ascending=True, limit=limit * 3)
    upcoming = [e for e in upcoming if e.status in (EventStatus.PLANNED, EventStatus.UNKNOWN)]
    recent = store.events(limit=limit * 3)
    lines: list[AnswerFact] = []
    keys: list[str] = []
    for title, events in (("Upcoming", upcoming), ("Recent", recent)):
        groups = [g for g in group_reports(facts, events) if event_key(g[0]) not in keys][:limit]
        for group in groups:
            keys.append(event_key(group[0]))
            text, _, _ = describe_group(
                facts, Query(question="", text="", parsed=_NO_QUESTION), group
            )
            lines.append(fact(f"{title}: {text}", facts.source(group[0].article_id)))
    if not lines:
        return Reply(
            summary="I don't know of any meetings or talks yet.", known=False, confidence=0.2
        )
    return Reply(
        summary="Meetings, talks and visits I know about:",
        facts=lines,
        confidence=0.7,
        event_ids=tuple(keys),
    )
