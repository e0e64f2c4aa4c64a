"""One event as its reports tell it: grouped, described, and where reports disagree.

``group_reports`` puts the reports of one event together (the extraction's ``same_event``);
``describe_group`` turns a group into a summary line and the facts of an answer, naming both
sides wherever reports differ on the status, place or date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from knowledge.answering.compose import day_text, fact, join_names, short_day
from knowledge.answering.facts import FactBase
from knowledge.answering.intents import Intent
from knowledge.answering.query import Query
from knowledge.answering.text import fold, has_phrase, stem, stems
from knowledge.extract.events import same_event
from knowledge.models import (
    AnswerFact,
    EntityKind,
    Event,
    EventKind,
    EventStatus,
    Participant,
    Sentence,
    SourceRef,
)

_STATUS_TEXT = {
    EventStatus.PLANNED: "planned",
    EventStatus.HELD: "held",
    EventStatus.CANCELLED: "cancelled",
    EventStatus.POSTPONED: "postponed",
    EventStatus.COLLAPSED: "collapsed",
    EventStatus.UNKNOWN: "",
}


def group_reports(facts: FactBase, events: Sequence[Event]) -> list[list[Event]]:
    """Reports of the same event together (the extraction's rule of sameness), in order;
    never two events of one article."""
    published = {
        article_id: source.published
        for article_id, source in facts.sources([e.article_id for e in events]).items()
    }
    groups: list[list[Event]] = []
    for event in events:
        for group in groups:
            if any(other.article_id == event.article_id for other in group):
                # One article's events are distinct: the extraction has already merged its
                # mentions of one event ("the ministers' meeting in one capital" and
                # "the talks in another" next are two events, not two reports differing).
                continue
            if any(
                same_event(
                    event,
                    other,
                    a_published=published.get(event.article_id),
                    b_published=published.get(other.article_id),
                )
                for other in group
            ):
                group.append(event)
                break
        else:
            groups.append([event])
    return groups


def _participant_text(participant: Participant) -> str:
    name = participant.name
    if participant.kind is EntityKind.COUNTRY and not participant.role:
        return name
    if participant.role and fold(participant.role) not in fold(name):
        return f"{name} ({participant.role})"
    return name


def _mediates(participant: Participant) -> bool:
    return fold(participant.role or "") == "mediator"


def _mediator_line(confirmed: Sequence[str], expected: Sequence[str]) -> str:
    """'Mediators: Norway and Chile; expected: Ghana.' (empty when there are none)."""
    if not confirmed and not expected:
        return ""
    if not confirmed:
        return f"Mediators expected: {join_names(list(expected))}."
    line = f"Mediators: {join_names(list(confirmed))}"
    if expected:
        line += f"; expected: {join_names(list(expected))}"
    return line + "."


def _place_text(event: Event) -> str:
    if event.location is None:
        return ""
    return ", ".join(p for p in (event.location.city, event.location.country) if p)


def _when_text(event: Event) -> str:
    if event.date_start is None:
        text = event.date_text or ""
    else:
        text = day_text(event.date_start)
        if event.date_end and event.date_end != event.date_start:
            text += f" to {day_text(event.date_end)}"
    if event.time_text:
        # "when does the summit open?": the hour the report gives ("from 9.30am")
        text = f"{text}, {event.time_text}" if text else event.time_text
    return text


def event_headline(event: Event) -> str:
    """The event's kind, place, day and status: "Summit in Hanoi, Vietnam on ... (held)"."""
    head = event.kind.value.capitalize() if event.kind is not EventKind.OTHER else "Event"
    place = _place_text(event)
    when = _when_text(event)
    status = _STATUS_TEXT[event.status]
    if place:
        head += f" in {place}"
    if when:
        head += f" on {when}" if event.date_start else f" ({when})"
    if status:
        head += f" ({status})"
    return head


def _evidence(facts: FactBase, event: Event, limit: int = 2) -> list[tuple[Sentence, SourceRef]]:
    if not event.evidence:
        return []
    sentences = facts.store.sentences(event.article_id)
    out: list[tuple[Sentence, SourceRef]] = []
    source = facts.source(event.article_id)
    for span in event.evidence:
        for sentence in sentences:
            if sentence.start < span.end and span.start < sentence.end:
                if all(s.index != sentence.index for s, _ in out):
                    out.append((sentence, source))
                break
        if len(out) >= limit:
            break
    return out


def describe_group(
    facts: FactBase, query: Query, group: Sequence[Event]
) -> tuple[str, list[AnswerFact], list[str]]:
    """A summary line, supporting facts and the people named, for one event's reports."""
    newest = max(group, key=lambda e: facts.source(e.article_id).published or date.min)
    participants: dict[str, Participant] = {}
    for event in sorted(group, key=lambda e: e is not newest):
        for p in event.participants:
            participants.setdefault(p.entity_id or fold(p.name), p)
    excluded = {fold(n) for n in query.exclude_people}
    # Mediators are not parties: they get a line of their own, not a "(mediator)" mark.
    mediators = [p for p in participants.values() if _mediates(p)]
    parties = [p for p in participants.values() if not _mediates(p)]
    confirmed = [p for p in parties if not p.expected]
    expected = [p for p in parties if p.expected]
    names = [_participant_text(p) for p in confirmed if fold(p.name) not in excluded]
    expected_names = [_participant_text(p) for p in expected if fold(p.name) not in excluded]
    besides: list[str] = []
    if excluded and not names and not expected_names and parties:
        # "And who else is coming?" when the last answers listed everyone: the user means
        # besides the sides they asked about ("Ethiopia-Eritrea talks" -> the two countries
        # and their ministers), so those others are the answer, not "no one else".
        besides, kept = _besides_asked(facts, query, parties)
        names = [_participant_text(p) for p in kept if not p.expected]
        expected_names = [_participant_text(p) for p in kept if p.expected]
    mediator_line = _mediator_line(
        [p.name for p in mediators if not p.expected],
        [p.name for p in mediators if p.expected],
    )
    place = _place_text(newest)
    when = _when_text(newest)
    status = _STATUS_TEXT[newest.status]
    head = event_headline(newest)
    lines: dict[str, AnswerFact] = {}
    source = facts.source(newest.article_id)
    if query.exclude_people:
        also = f"Besides {join_names(besides)}, taking part" if besides else "Also taking part"
        who_line = (
            f"{also}: {join_names(names + expected_names)}"
            if names or expected_names
            else "No one else is named as taking part"
        )
    else:
        who_line = f"Taking part: {join_names(names)}" if names else ""
        if expected_names:
            who_line += ("; " if who_line else "") + f"expected: {join_names(expected_names)}"
    # The summary line already lists who takes part, except when answering "who else?".
    if who_line and query.exclude_people:
        lines["who"] = fact(who_line + ".", source)
    if mediator_line:
        lines["mediators"] = fact(mediator_line, source)
    if place:
        lines["where"] = fact(f"Where: {place}.", source)
    if when:
        lines["when"] = fact(f"When: {when}" + (f" ({status})" if status else "") + ".", source)
    if newest.host:
        lines["host"] = fact(f"Host: {newest.host}.", source)
    lasted = next((e.duration for e in group if e.duration), None)
    if lasted:
        lines["duration"] = fact(f"How long: {lasted}.", source)
    if newest.agenda:
        lines["agenda"] = fact(f"Agenda: {join_names(list(newest.agenda))}.", source)
    reporters = list(dict.fromkeys(r for e in group for r in e.reported_by))
    if query.intent is Intent.SOURCES:
        # "Who reported the meeting?": also the outlets its reports relay where they tell it
        # ("..., the Washington Post reported"), which the extraction may not have kept.
        reporters = list(dict.fromkeys([*reporters, *cited_near_events(facts, group)]))
    if reporters:
        reported = f"Reported by {join_names(reporters)}"
        reported_on = next((e.reported_on for e in group if e.reported_on), None)
        if reported_on:
            reported += f" on {day_text(reported_on)}"
        lines["reported"] = fact(reported + ".", source)
    differences = _differences(facts, group)
    ordered = [
        lines[a]
        for a in ("who", "where", "when", "host", "agenda")
        if a in query.parsed.aspects and a in lines
    ]
    ordered += [f for a, f in lines.items() if f not in ordered]
    ordered = differences + ordered
    for sentence, sentence_source in _evidence(facts, newest):
        ordered.append(fact(f"“{sentence.text}”", sentence_source))
    summary = head + (f": {join_names(names)}" if names and not query.exclude_people else "")
    if expected_names and not query.exclude_people:
        summary += f"; expected: {join_names(expected_names)}"
    summary += "."
    if who_line and query.exclude_people:
        summary += f" {who_line}."  # "who else?" is answered in the first line
    if differences:
        summary += " Reports differ (see below)."
    # The detail asked for first, in words: "Hosted by Norway."
    asked = query.parsed.aspects
    lead = []
    if "host" in asked and newest.host:
        lead.append(f"Hosted by {newest.host}.")
    if "when" in asked and when:
        lead.append(f"When: {when}" + (f" ({status})." if status else "."))
    if "where" in asked and place and "who" not in asked:
        lead.append(f"Where: {place}.")
    if "agenda" in asked and newest.agenda:
        lead.append(f"On the agenda: {join_names(list(newest.agenda))}.")
    if "mediators" in asked and mediator_line:
        lead.append(mediator_line)
    if "duration" in asked and lasted:
        lead.append(f"How long: {lasted}.")
    if lead:
        summary = " ".join(lead) + " " + summary
    named = [p.name for p in participants.values()]
    return summary, ordered, named


def _besides_asked(
    facts: FactBase, query: Query, parties: Sequence[Participant]
) -> tuple[list[str], list[Participant]]:
    """The names the conversation asked about, and the parties that are none of them nor
    theirs: a participant is a side asked about when it is one of the names, or its entry
    says one of their spellings or demonyms ("Dawit Bekele (Ethiopian foreign minister)"
    for Ethiopia). Nobody kept when the question named nothing."""
    # Sides are countries, bodies and people: the place of the meeting is none.
    asked = [
        link
        for link in query.links
        if link.kind in (EntityKind.COUNTRY, EntityKind.ORGANISATION, EntityKind.PERSON)
    ]
    asked_people = {pid for pid, _ in query.people}
    if not asked and not asked_people:
        return [], []
    forms = [form for link in asked for form in facts.name_forms(link, metonyms=False)]
    ids = asked_people | {i for link in asked for i in link.entity_ids}
    kept = [
        p
        for p in parties
        if not (p.entity_id is not None and p.entity_id in ids)
        and not any(has_phrase(_participant_text(p), form) for form in forms)
    ]
    names = list(dict.fromkeys([*(link.name for link in asked), *(n for _, n in query.people)]))
    return names, kept


def _differences(facts: FactBase, group: Sequence[Event]) -> list[AnswerFact]:
    """Where reports of one event disagree on status, place or date: each side with its source."""
    out: list[AnswerFact] = []
    for label, value in (
        ("status", lambda e: _STATUS_TEXT[e.status]),
        ("place", _place_text),
        ("date", lambda e: short_day(e.date_start)),
    ):
        by_value: dict[str, list[Event]] = {}
        for event in group:
            v = value(event)
            if v:
                by_value.setdefault(v, []).append(event)
        if len(by_value) < 2:
            continue
        sides = []
        ordered = sorted(
            by_value.items(),
            key=lambda kv: max(facts.source(e.article_id).published or date.min for e in kv[1]),
            reverse=True,
        )
        for v, events in ordered:
            outlets = join_names(
                list(dict.fromkeys(_outlet_and_day(facts, e.article_id) for e in events))
            )
            sides.append(f"{outlets}: {v}")
        out.append(fact(f"Reports differ on the {label}: " + "; ".join(sides) + "."))
    return out


def _outlet_and_day(facts: FactBase, article_id: str) -> str:
    source = facts.source(article_id)
    text = source.outlet or source.title or article_id
    if source.published:
        text += f" ({short_day(source.published)})"
    return text


# A sentence relaying another outlet's report: "..., the Washington Post said", "according
# to The New York Times", "the newspaper reported".
_CITING_CUE = re.compile(
    r"\b(said|says|reported|reports|reporting|according to|told|cited|citing|quoted|quoting|"
    r"revealed|wrote|writes|broke the news)\b",
    # A sentence may open with its cue: "According to Reuters, ...", "Reporting by ...".
    re.IGNORECASE,
)
# The outlet named before by a common noun: "the newspaper reported", "the agency said".
_OUTLET_NOUN = re.compile(
    r"\b(?:the|that|this) (?:newspaper|paper|daily|agency|news agency|broadcaster|network|"
    r"magazine|outlet|website|channel)(?:['’]s)? (?:\w+ )?(?:said|says|reported|reports|"
    r"wrote|added|cited|quoted)\b",
    re.IGNORECASE,
)
# How many reports are read for their citations, and how far from a sentence on the topic
# a citation may stand ("The attack disabled ..., the Post said. It was in retaliation ...,
# the Times said.": the second speaks of the same attack without naming it).
_CITING_REPORTS = 3
_CITING_BEFORE = 1
_CITING_AFTER = 2
# How many of the asked words make a statement ("that police used tear gas") rather than
# a topic ("the dam collapse").
_STATEMENT_WORDS = 3


# A one-word spelling of an outlet that is also a word of other names ("Hill", "Times",
# "Post", "Guardian"): no outlet when a capitalised word stands right before or after it
# (a day or month after it is no name: "told Reuters Monday").
_INSIDE_A_NAME = re.compile(r"[A-Z][a-z]+")
_CAPITAL_BEFORE = re.compile(r"(?<![.!?:;\n])(?<!^)\b(?!(?:The|A|An|By|To|In|On)\b)[A-Z][a-z]+ $")
_CAPITAL_AFTER = re.compile(
    r" (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]+"
)


def _outlets_named(facts: FactBase, text: str) -> list[str]:
    """The known outlets a text names, by any of their spellings (longest first)."""
    pattern = facts.outlet_pattern()
    if pattern is None:
        return []
    out: list[str] = []
    for match in pattern.finditer(text):
        if _INSIDE_A_NAME.fullmatch(match.group(0)) and (
            _CAPITAL_BEFORE.search(text, 0, match.start())
            or _CAPITAL_AFTER.match(text, match.end())
        ):
            continue  # "Hill Republicans", "Capitol Hill": a word of another name
        name = facts.gazetteer.outlet(match.group(0))
        if name and name not in out:
            out.append(name)
    return out


def cited_outlets(
    facts: FactBase, article_ids: Sequence[str], words: Sequence[str] = ()
) -> list[str]:
    """The outlets the reports relay ("..., the Washington Post said", "according to the
    AP", "the newspaper reported" of the one last named), each report's own outlet left
    out, most cited first.

    Only citations on or near the sentences saying one of ``words`` (the claim's topic
    words) count, when given: a long report cites other outlets on other matters. When a
    sentence saying the statement asked about names its own source, only that counts.
    """
    wanted = {stem(w) for w in words if len(w) > 2}
    counts: dict[str, int] = {}
    for article_id in list(dict.fromkeys(article_ids))[:_CITING_REPORTS]:
        sentences = facts.store.sentences(article_id)
        saying = [at for at, s in enumerate(sentences) if not wanted or wanted & stems(s.text)]
        stating = {
            at for at in saying if len(wanted & stems(sentences[at].text)) >= _STATEMENT_WORDS
        }
        if stating:
            # A sentence saying the statement asked about that names its own source ("The
            # Washington Post reported that ...", "According to Reuters, ...") was reported
            # by that outlet: the outlets its neighbours cite tell of other matters. (A
            # topic of a word or two, "the dam collapse", is told across sentences.)
            own: dict[str, int] = {}
            _count_cited(facts, article_id, sentences, stating, own)
            if own:
                for name, count in own.items():
                    counts[name] = counts.get(name, 0) + count
                continue
        near: set[int] = set()
        for at in saying:
            near.update(range(at - _CITING_BEFORE, at + _CITING_AFTER + 1))
        _count_cited(facts, article_id, sentences, near, counts)
    return sorted(counts, key=lambda n: counts[n], reverse=True)


def cited_near_events(facts: FactBase, events: Sequence[Event]) -> list[str]:
    """The outlets the reports of an event relay in the sentences it was read from ("The
    ministers met in Lima on Monday, the Washington Post reported")."""
    counts: dict[str, int] = {}
    for event in events[:_CITING_REPORTS]:
        sentences = facts.store.sentences(event.article_id)
        near: set[int] = set()
        for at, sentence in enumerate(sentences):
            if any(
                sentence.start < span.end and span.start < sentence.end for span in event.evidence
            ):
                near.add(at)
        if near:
            _count_cited(facts, event.article_id, sentences, near, counts)
    return sorted(counts, key=lambda n: counts[n], reverse=True)


def _count_cited(
    facts: FactBase,
    article_id: str,
    sentences: Sequence[Sentence],
    near: set[int],
    counts: dict[str, int],
) -> None:
    """Count into ``counts`` the outlets the report relays in the sentences at ``near``
    (positions), its own outlet left out; "the newspaper" is the outlet last named."""
    own = fold(facts.source(article_id).outlet or "")
    last: str | None = None
    # Read up to the last sentence counted, no further: a sentence after it counts nothing
    # (one not counted before it still tells which outlet "the newspaper" is).
    end = max(near, default=-1)
    for at, sentence in enumerate(sentences[: end + 1]):
        text = sentence.text
        if not _CITING_CUE.search(text):
            continue
        named: list[str] = []
        for name in _outlets_named(facts, text):
            folded = fold(name)
            # Its own outlet under another spelling ("BBC" of "BBC News") relays nothing.
            if not own or (folded not in own and own not in folded):
                named.append(name)
        if not named and last is not None and _OUTLET_NOUN.search(text):
            named = [last]
        if named:
            last = named[-1]
        if at not in near:
            continue
        for name in named:
            counts[name] = counts.get(name, 0) + 1
