"""Events: meetings, talks, summits, visits, calls and negotiations, as one article reports them.

Stage over sentences that contain an event keyword (a cheap regex filter first, because most
sentences of most articles hold no event). For each such sentence:

- the *trigger* ("talks", "met", "summit", "phone call") gives the kind;
- *participants* are the people (with their roles, from the ``EntityIndex``) and countries
  named in the trigger's clause, minus outlets, possessive modifiers (in "the president's
  son-in-law X" the president is a descriptor) and the host; countries in a clause "expected
  to participate" are ``expected``;
- *place* from "in/at <city or country>", "in <X>, <Country>" and "<City> talks";
- *host* from "with X hosting", "hosted by X", "X will host";
- *date* from ``dates.find_dates``, skipping dates that belong to a reporting verb
  ("reported Monday"), which give ``reported_on`` instead;
- *status* from explicit cues (cancelled, postponed, collapsed) else the tense at the trigger;
- *agenda* from "to discuss X", "talks on X", "explore X, including A and B", with generic
  heads unwrapped ("concerns over tariffs" -> "tariffs");
- *reported_by* from the outlets the sentence cites.

Mentions are merged into the article's events: a sentence that refers back ("the meeting",
"the talks") or repeats an event's place or date adds to it; mediators ("mediators from A, B
and C") join the most recent event with role "mediator".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from knowledge.extract.dates import DateMention, Tense, find_dates, tense_near
from knowledge.extract.entities import EntityIndex
from knowledge.extract.gazetteer import load_gazetteer, words_of
from knowledge.models import (
    Article,
    DatePrecision,
    EntityKind,
    Event,
    EventKind,
    EventStatus,
    Participant,
    Place,
    Role,
    Sentence,
    Span,
    entity_id,
)

# --------------------------------------------------------------------------- triggers

_TRIGGER = re.compile(
    r"\b(?:"
    r"(?P<summit>summits?)"
    r"|(?P<call>(?:tele)?phone\s+(?:call|conversation|talks?)s?|video\s+(?:call|conference)s?"
    r"|conference\s+calls?|spoke\s+(?:by|over\s+the|on\s+the)\s+(?:tele)?phone|phoned|"
    r"telephoned)"
    r"|(?P<talks>talks)"
    r"|(?P<negotiation>negotiations?|negotiat(?:e|ed|es|ing)|negotiators?)"
    r"|(?P<meeting>meetings?|meet(?:s|ing)?|met|s[ai]ts?\s+down\s+with|encounter|get-together)"
    r"|(?P<visit>(?:state\s+)?visit(?:s|ed|ing)?|trip\s+to|tour\s+of)"
    r"|(?P<conference>conferences?)"
    r")\b",
    re.IGNORECASE,
)
_KINDS = {
    "summit": EventKind.SUMMIT,
    "call": EventKind.CALL,
    "talks": EventKind.TALKS,
    "negotiation": EventKind.NEGOTIATION,
    "meeting": EventKind.MEETING,
    "visit": EventKind.VISIT,
    "conference": EventKind.CONFERENCE,
}
# Uses of the keywords that are not events: "meet the target", "met with criticism",
# "press conference", "he talks", "visit our website".
_NOT_AN_EVENT_AFTER = re.compile(
    r"\s+(?:(?:the|its|their|these|this|our|all|any|such|growing|rising|strong|those)\s+)?"
    r"(?:needs?|requirements?|demands?|targets?|criteria|standards?|costs?|deadlines?|"
    r"obligations?|expectations?|goals?|conditions?|challenges?|thresholds?|criticism|"
    r"resistance|scepticism|skepticism|protests?|opposition|silence|approval|applause|anger|"
    r"outrage|disbelief|success|fury|dismay|condemnation|praise|hostility|ridicule|"
    r"website|site|page|shortfall|payments?|bills?|debts?|quotas?|commitments?|ends|"
    r"the\s+eye|the\s+press)\b",
    re.IGNORECASE,
)
_NOT_AN_EVENT_BEFORE = re.compile(r"\b(?:press|news|media)\s+$", re.IGNORECASE)
_TALKS_AS_VERB = re.compile(r"\b(?:he|she|it|who)\s+$", re.IGNORECASE)
_KIND_GROUP = {
    EventKind.CALL: "call",
    EventKind.VISIT: "visit",
}


def _group(kind: EventKind) -> str:
    return _KIND_GROUP.get(kind, "meeting")


# "the meeting", "the planned talks", "this week's summit": a sentence about an event already named.
_ANAPHOR = re.compile(
    r"\b(?:the|this|that|these|those|their|its|such|both)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:meeting|talks|summit|visit|call|negotiations|conference|trip|session|sessions|"
    r"discussions|encounter|gathering)\b",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- status cues

_CANCELLED = re.compile(
    r"\b(?:cancel(?:l?ed|s|ling|lation)?|call(?:ed|s|ing)?\s+off|scrap(?:ped|s|ping)?|axed|"
    r"scuttled|abandoned|pulled\s+the\s+plug)\b",
    re.IGNORECASE,
)
_POSTPONED = re.compile(
    r"\b(?:postpone(?:d|s|ment)?|postponing|delay(?:ed|s|ing)?|put\s+off|pushed\s+back|"
    r"rescheduled?|deferred|moved\s+back)\b",
    re.IGNORECASE,
)
_COLLAPSED = re.compile(
    r"\b(?:collaps(?:e|ed|es|ing)|br(?:oke|eak|eaks|oken)\s+(?:down|off)|breakdown|"
    r"ended\s+(?:without|abruptly|with\s+no)|ends?\s+abruptly|walked\s+(?:out|away)|"
    r"fell\s+apart|without\s+(?:a|any)\s+(?:deal|agreement)|with\s+no\s+(?:deal|agreement)|"
    r"(?:talks|negotiations|summit|meeting)\s+(?:have\s+|has\s+|had\s+)?failed)\b",
    re.IGNORECASE,
)
_HELD = re.compile(
    r"\b(?:took\s+place|was\s+held|were\s+held|held\s+(?:talks|a\s+meeting)|met|concluded|"
    r"wrapped\s+up|sat\s+down|hosted|visited|greeted|opened|ended)\b",
    re.IGNORECASE,
)
_STATUS_RANK = {
    EventStatus.CANCELLED: 5,
    EventStatus.POSTPONED: 4,
    EventStatus.COLLAPSED: 3,
    EventStatus.HELD: 2,
    EventStatus.PLANNED: 1,
    EventStatus.UNKNOWN: 0,
}

# --------------------------------------------------------------------------- participants

# Countries named in a clause that says they are expected to take part.
_EXPECTED_CUE = re.compile(
    r"\b(?:(?:is|are|was|were)\s+)?(?:also\s+)?(?:expected|due|set|likely|invited|scheduled|"
    r"slated|poised)\s+to\s+(?:participate|attend|join|take\s+part|be\s+(?:present|represented)"
    r"|send)\b|\b(?:may|might|could|would)\s+(?:also\s+)?(?:attend|join|participate|take\s+part)",
    re.IGNORECASE,
)
_GROUP_FROM = re.compile(
    r"\b(?:officials|delegations?|delegates|representatives|ministers|envoys|leaders|"
    r"diplomats|observers|teams?|counterparts|negotiators)\s+(?:from|of)\s+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"[’']s?\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|inside|near|outside|across|around)\s+(?:the\s+)?$")
_PLACE_NOUN_AFTER = re.compile(r"\s+(?:city|capital|town|port|resort|coast|soil)\b")
# "Argentine President X": a country word that is part of a person's title
_ROLE_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}(?:minister|president|envoy|ambassador|leader|official|chancellor|"
    r"premier|king|queen|emir|secretary|delegation|negotiators?|diplomats?|officials)\b",
    re.IGNORECASE,
)
# "the leaders of France", "officials from Egypt": the country as a party, not a place
_ROLE_BEFORE = re.compile(
    r"\b(?:leaders?|officials?|presidents?|ministers?|delegations?|delegates|representatives|"
    r"envoys?|diplomats?|negotiators|heads?\s+of\s+state|governments?)\s+(?:of|from)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"(?:[;:(]|\bwith\b|\bwhile\b|\bwhereas\b|,\s+(?:and|but)\b)")

_MEDIATOR_CUE = re.compile(
    r"\b(?:mediators?|mediat(?:e|ed|es|ing|ion)|intermediar(?:y|ies)|go-betweens?|"
    r"broker(?:ed|ing|s)?|facilitat(?:ed|ing|or|ors))\b",
    re.IGNORECASE,
)
_CAPITALISED = r"(?:[A-ZÀ-Ý][\w’'.-]*)"
_NAME_LIST = (
    rf"(?:the\s+)?{_CAPITALISED}(?:\s+(?:of\s+)?{_CAPITALISED}){{0,3}}"
    rf"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?{_CAPITALISED}"
    rf"(?:\s+(?:of\s+)?{_CAPITALISED}){{0,3}})*"
)
_MEDIATOR_AFTER = re.compile(rf"\s+(?:from|including|such\s+as|in|like)\s+(?P<list>{_NAME_LIST})")
_MEDIATOR_BEFORE = re.compile(
    rf"(?P<list>{_NAME_LIST})\s*,?\s+(?:(?:which|who)\s+)?(?:(?:is|are|was|were|has|have|had|"
    rf"been|also|acting\s+as|served\s+as|act(?:ed|s)?\s+as)\s+)*$"
)
_HYPHEN_MEDIATED = re.compile(
    rf"({_CAPITALISED}(?:\s+{_CAPITALISED})?)-(?:brokered|mediated|facilitated)\b"
)
_MEDIATED_BY = re.compile(rf"\s+by\s+(?P<list>{_NAME_LIST})")

# --------------------------------------------------------------------------- place and host

_PLACE_PREPOSITION = re.compile(
    rf"\b(?P<prep>in|at|to|inside)\s+(?:the\s+)?(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}})"
    rf"(?:,\s+(?P<country>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}}))?"
)
_HOST_AFTER_NAME = re.compile(
    rf"(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}})\s*,?\s+(?:(?:which|who)\s+)?"
    rf"(?:(?:will|would|is|was|are|were|has|had|be|being|set\s+to|due\s+to|to|agreed\s+to|"
    rf"offered\s+to|also|playing|play|plays|played|acting\s+as|ready|willing|prepared|keen|"
    rf"happy|expected|likely|poised|could|may|might|would)\s+)*"
    rf"(?:host(?:s|ed|ing)?|the\s+host|as\s+(?:the\s+)?host|co-host(?:s|ed|ing)?)\b(?!\s+of\b)"
)
_HOSTED_BY = re.compile(
    rf"\b(?:hosted|co-hosted|organi[sz]ed|convened|sponsored)\s+by\s+(?:the\s+)?"
    rf"(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}})"
)
_HOST_NOUN = re.compile(
    rf"\bhost\s+(?:country|nation|city|government)\s+(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}})",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- agenda

_AGENDA_CUE = re.compile(
    r"\b(?:to\s+discuss|discuss(?:ed|es|ing)?|to\s+talk\s+about|talk(?:ed|s)?\s+about|"
    r"(?:talks|negotiations|meeting|summit|discussions|conference|call|deal|dialogue)\s+"
    r"(?:on|over|about|regarding|concerning)|"
    r"(?:talks|negotiations|meeting|discussions|call)\s+with\s+[^,.;]{1,60}?\s+"
    r"(?:on|over|about|regarding|concerning)|focus(?:ed|ing|es)?\s+on|centr?e?red\s+on|"
    r"(?:will|would|to|expected\s+to|set\s+to)\s+(?:cover|explore|address|tackle|examine|review)|"
    r"cover(?:ed|ing)?|explor(?:e|ed|ing)|address(?:ed|ing)?|tackl(?:e|ed|ing)|"
    r"agenda\s+(?:includes?|included|will\s+include|is|was)|aim(?:ed|ing)?\s+(?:at|to)\s+"
    r"(?:resolv\w*|end\w*|settl\w*|eas\w*|reviv\w*|restor\w*|secur\w*|reach\w*|"
    r"de-escalat\w*|finali[sz]\w*)|to\s+(?:resolve|settle|ease|end|revive|restore)|on\s+the\s+agenda\s+(?:are|were|is|was))\b",
    re.IGNORECASE,
)
# Where an agenda phrase ends: a clause break that is not part of a list.
_AGENDA_END = re.compile(
    r"[;:!?()\"“”]|(?<![A-Z])\.(?:\s|$)|\s[—–-]\s|,\s+(?:[\w’']+\s+){0,3}"
    r"(?:said|says|told|added|reported|announced|stated)\b|,\s+(?:even|as|while|but|which|who|where|when|after|before|although|though|"
    r"according|officials|sources|with|amid|despite|said|says|told|he|she|they|it)\b|"
    r"\s+(?:even\s+as|as\s+well\s+as\s+(?=[a-z]+ing)|while|amid|despite|after|before|when|"
    r"although|because|but|said|according\s+to)\b|\s+(?:on|next|last|this)\s+(?=[A-Z0-9])",
    re.IGNORECASE,
)
_AGENDA_SPLIT = re.compile(
    r"(?<!\d),(?!\d)\s*(?:and\s+|or\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|;\s*"
)
_GENERIC_HEAD = re.compile(
    r"^(?:.*\s)?(?:demands?|concerns?|issues?|questions?|differences|disputes?|matters?|"
    r"topics?|subjects?|tracks?|areas?|ways?|options?|proposals?|plans?|efforts?|steps?|"
    r"measures?|talks|negotiations|cooperation|agreements?|tensions?|relations|fears?|"
    r"positions?|progress)\s+(?:regarding|concerning|on|over|about|of|related\s+to|"
    r"relating\s+to|around|to\s+(?:curb|end|limit|resolve))\s+(?P<object>.+)$",
    re.IGNORECASE,
)
_INCLUDING = re.compile(r"\b(?:including|such\s+as|notably|especially|particularly)\s+", re.I)
_VAGUE_ITEM = re.compile(
    r"^(?:(?:a|an|the|several|many|various|other|broader|wider|key|parallel|some|multiple|"
    r"a\s+range\s+of|a\s+number\s+of|number\s+of|range\s+of)\s+)*(?:issues?|matters?|tracks?|"
    r"topics?|subjects?|areas?|things?|questions?|points?|ways?|options?|it|them|this|that|"
    r"these|those|everything|anything|something)$",
    re.IGNORECASE,
)
_LEADING_DETERMINER = re.compile(
    r"^(?:(?:the|a|an|its|their|his|her|our|broader|wider|possible|potential|a\s+possible)\s+)+",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- reporting

_REPORTING_VERB_BEFORE = re.compile(
    r"\b(?:said|says|saying|reported|reports|told|telling|announced|announces|announcing|"
    r"tweeted|wrote|added|adding|confirmed|revealed|disclosed|stated|warned|warning|insisted|"
    r"noted|claimed)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
_REPORTING_VERB_AFTER = re.compile(
    r",?\s+(?:(?:officials?|sources?|the\s+\w+)\s+)?(?:said|says|reported|told|announced)\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- entities


@dataclass(frozen=True, slots=True)
class Named:
    """An entity named in a sentence; ``start``/``end`` are offsets into the sentence text."""

    kind: EntityKind
    name: str
    entity_id: str
    start: int
    end: int
    role: str | None = None


_GOVERNMENT_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|inside|near|outside|around)\s+$", re.I)
_ORG_AS_PLACE_BEFORE = re.compile(r"\b(?:at|in|of|inside|outside|from)\s+(?:the\s+)?$", re.I)


def format_role(role: Role | None) -> str | None:
    """A role as a reader writes it: "US special envoy", "French foreign minister"."""
    if role is None:
        return None
    title = role.title.strip()
    affiliation = (role.affiliation or "").strip()
    if not affiliation:
        return title or None
    if not title:
        return affiliation
    country = load_gazetteer().countries.get(affiliation)
    if country is not None:
        short = [a for a in country.aliases if a.isupper() and len(a) <= 3]
        if short:
            return f"{short[0]} {title}"
        if country.demonyms:
            return f"{country.demonyms[0]} {title}"
        return f"{affiliation} {title}"
    return f"{title} of {affiliation}"


def named_in(index: EntityIndex, sentence: Sentence) -> list[Named]:
    """People, countries, organisations and outlets the sentence names, in order.

    A capital used as the government ("officials from Washington") counts as its country;
    a capital after "in"/"at" stays a place and is left to the place finder.
    """
    gazetteer = load_gazetteer()
    text = sentence.text
    found: list[Named] = []
    for mention in index.mentions_in(sentence.start, sentence.end):
        start, end = mention.start - sentence.start, mention.end - sentence.start
        entity = index.get(mention.entity_id)
        if entity is None:
            continue
        kind, name, eid, role = entity.kind, entity.name, entity.id, None
        if kind is EntityKind.PLACE:
            capital_of = gazetteer.capital_to_country.get(name)
            if (
                capital_of is None
                or name not in gazetteer.metonym_capitals
                or _GOVERNMENT_PLACE_BEFORE.search(text, max(0, start - 12), start)
            ):
                continue
            kind, name = EntityKind.COUNTRY, capital_of
            eid = entity_id(EntityKind.COUNTRY, capital_of)
        elif kind is EntityKind.PERSON:
            role = format_role(entity.roles[0] if entity.roles else None)
        elif kind is EntityKind.ORGANISATION and _ORG_AS_PLACE_BEFORE.search(
            text, max(0, start - 12), start
        ):
            continue  # "at the White House", "of the Crisis Group": a place or an affiliation
        found.append(Named(kind, name, eid, start, end, role))
    return found


# --------------------------------------------------------------------------- drafts


@dataclass
class _Draft:
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

    def add_status(self, status: EventStatus) -> None:
        if _STATUS_RANK[status] > _STATUS_RANK[self.status]:
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
        location = Place(city=self.city, country=self.country) if self.country else None
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
            status=self.status,
            agenda=tuple(self.agenda[:8]),
            reported_by=tuple(self.reported_by),
            reported_on=self.reported_on,
            evidence=tuple(Span(article_id=article_id, start=s, end=e) for s, e in self.evidence),
        )


@dataclass
class _Mention:
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


# --------------------------------------------------------------------------- sentence analysis


def _first_trigger(text: str) -> re.Match[str] | None:
    fallback = None
    for match in _valid_triggers(text):
        # "negotiators held talks": the people who negotiate are no event; prefer the event noun
        if match.group(0).casefold().startswith("negotiator"):
            fallback = fallback or match
            continue
        return match
    return fallback


def _valid_triggers(text: str) -> Iterator[re.Match[str]]:
    for match in _TRIGGER.finditer(text):
        if _NOT_AN_EVENT_AFTER.match(text, match.end()):
            continue
        if _NOT_AN_EVENT_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue
        if match.group(0).casefold() == "talks" and _TALKS_AS_VERB.search(
            text, max(0, match.start() - 6), match.start()
        ):
            continue
        yield match


_PAST_TRIGGER = re.compile(
    r"met|visited|phoned|telephoned|negotiated|sat\s+down|spoke\s+.*|encountered", re.IGNORECASE
)
_FUTURE_BEFORE_TRIGGER = re.compile(
    r"\b(?:will|would|shall|to|['’]ll|going\s+to)\s+(?:(?:also|again|not|then|finally)\s+)?$",
    re.IGNORECASE,
)


def _tense_at_trigger(text: str, trigger: re.Match[str]) -> Tense | None:
    """The event's own tense: a verb trigger carries it ("met"), a noun takes its clause's."""
    if _PAST_TRIGGER.fullmatch(trigger.group(0)):
        return "past"
    if _FUTURE_BEFORE_TRIGGER.search(text, max(0, trigger.start() - 20), trigger.start()):
        return "future"
    return tense_near(text, trigger.start(), trigger.end())


# Before a cancel/postpone cue, words that make it a wish, threat or denial, not a fact:
# "urged him to cancel", "threatened to call off", "would not postpone", "calls to scrap".
_HYPOTHETICAL = re.compile(
    r"\b(?:urg\w*|call(?:s|ed|ing)?(?:\s+on\s+\w+)?|demand\w*|should|would|could|might|may|"
    r"must|threat\w*|refus\w*|consider\w*|not|never|n['’]t|no\s+plans?|rul\w*\s+out|if|"
    r"unless|whether|rather\s+than|want\w*|ask\w*|push\w*\s+for|pressure\w*|fear\w*|"
    r"risk\w*|possib\w*)\b[^.;]{0,25}$"
)  # case-sensitive: "In May, the summit was cancelled" is a fact


def _factual(pattern: re.Pattern[str], text: str) -> bool:
    for cue in pattern.finditer(text):
        if not _HYPOTHETICAL.search(text, max(0, cue.start() - 40), cue.start()):
            return True
    return False


def _status(text: str, trigger: re.Match[str]) -> EventStatus:
    if _factual(_CANCELLED, text):
        return EventStatus.CANCELLED
    if _factual(_POSTPONED, text):
        return EventStatus.POSTPONED
    if _factual(_COLLAPSED, text):
        return EventStatus.COLLAPSED
    tense = _tense_at_trigger(text, trigger)
    if tense == "future":
        return EventStatus.PLANNED
    if tense == "past":
        return EventStatus.HELD
    if _HELD.search(text):
        return EventStatus.HELD
    return EventStatus.UNKNOWN


def _resolve_place_name(name: str) -> tuple[str | None, str | None]:
    """(city, country) for a place name, or (None, None) when the gazetteer does not know it."""
    gazetteer = load_gazetteer()
    words = name.split()
    # "Geneva Friday" or "Vienna Convention": try the longest known prefix.
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size])
        city_country = gazetteer.city_to_country.get(candidate)
        if city_country is not None:
            return candidate, city_country
        if candidate in gazetteer.countries or (
            candidate in gazetteer.country_by_surface
            and candidate not in gazetteer.demonym_to_country
            and candidate not in gazetteer.metonym_capitals
        ):
            return None, gazetteer.country_by_surface.get(candidate, candidate)
    return None, None


_TRAVEL_BEFORE = re.compile(
    r"\b(?:travel\w*|fl(?:y|ies|ew|ying)|head\w*|go(?:es|ing)?|went|arriv\w*|return\w*|"
    r"trip|journey\w*)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _place(
    text: str, trigger: re.Match[str], kind: EventKind, clause: tuple[int, int]
) -> tuple[str | None, str | None]:
    best = _nearest_place(text, trigger, kind, *clause)
    if best is None:
        # "Talks, which were due to resume in Doha on Sunday, ...": a relative clause on the
        # trigger still describes the event
        best = _nearest_place(text, trigger, kind, trigger.end(), trigger.end() + 100)
    # "the Geneva talks", "the Helsinki summit": a city right before the trigger
    before = text[max(0, trigger.start() - 40) : trigger.start()]
    attributive = re.search(rf"({_CAPITALISED}(?:\s+{_CAPITALISED})?)\s+$", before)
    if attributive:
        city = attributive.group(1)
        country = load_gazetteer().city_to_country.get(city)
        if country is not None and (best is None or best[0] > 60):
            best = (0, city, country)
    if best is None:
        return None, None
    return best[1], best[2]


def _nearest_place(
    text: str, trigger: re.Match[str], kind: EventKind, start: int, end: int
) -> tuple[int, str | None, str | None] | None:
    best: tuple[int, str | None, str | None] | None = None
    for match in _PLACE_PREPOSITION.finditer(text, start, min(end, len(text))):
        if (
            match.group("prep").casefold() == "to"
            and kind is not EventKind.VISIT
            and not _TRAVEL_BEFORE.search(text, max(0, match.start() - 30), match.start())
        ):
            continue  # "to" is a destination only after a verb of travel
        city, country = _resolve_place_name(match.group("name"))
        if country is None and match.group("country"):
            # "in Hamburg, Germany": an unknown city followed by a known country
            _, country = _resolve_place_name(match.group("country"))
            if country is not None:
                city = match.group("name")
        if country is None:
            continue
        distance = abs(match.start() - trigger.start())
        # places after the trigger ("talks in Geneva") read more naturally than before
        if match.start() < trigger.start():
            distance += 40
        if best is None or distance < best[0]:
            best = (distance, city, country)
    return best


def _canonical_name(name: str, start: int, named: Sequence[Named], index: EntityIndex) -> str:
    """A host's name: the entity named there (a country or person), else the words as written."""
    end = start + len(name)
    for entity in named:
        if entity.start < end and start < entity.end and entity.kind is not EntityKind.OUTLET:
            return entity.name
    bare = name.strip()
    if bare.casefold().startswith("the "):
        bare = bare[4:]
    country = load_gazetteer().country_by_surface.get(bare)
    if country is not None:
        return country
    resolved = index.resolve(bare)  # a surname alone: "hosted by Moon"
    return resolved.name if resolved is not None else bare


def _host(text: str, named: Sequence[Named], index: EntityIndex) -> str | None:
    for pattern in (_HOSTED_BY, _HOST_NOUN):
        match = pattern.search(text)
        if match:
            return _canonical_name(match.group("name"), match.start("name"), named, index)
    for match in _HOST_AFTER_NAME.finditer(text):
        name = match.group("name")
        start = match.start("name")
        first = name.split()[0]
        # a sentence-initial or clause word caught in the capitalised run: "With X hosting"
        if first in ("The", "A", "An", "With", "And", "But", "As", "While"):
            start += len(first) + 1
            name = name[len(first) + 1 :]
        if not name.strip():
            continue
        return _canonical_name(name, start, named, index)
    return None


_TRAILING_JUNK = re.compile(
    r"(?:\s+(?:and|or|but|as|with|by|for|to|of|in|on|at|from|the|a|an|certainly|too|also))+$",
    re.IGNORECASE,
)
# Heads that name a time, medium or meal, not a topic: "talks over the weekend", "by phone".
_NOT_TOPICS = frozenset(
    [
        "weekend",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "day",
        "days",
        "phone",
        "telephone",
        "video",
        "dinner",
        "lunch",
        "breakfast",
        "time",
        "hours",
        "morning",
        "evening",
        "night",
        "afternoon",
        "sidelines",
        "moment",
    ]
)
_VERB_WORDS = frozenset(
    words_of(
        """is are was were be been being would will could should can may might must made make
        makes said says fell depend depends has have had did do does clearly get got went
        came took gave told"""
    )
)
_DATE_WORD = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"June|July|August|September|October|November|December|today|tomorrow|yesterday)\b"
)
_CLAUSE_OPENERS = frozenset(
    ["that", "which", "who", "it", "he", "she", "they", "we", "i", "you", "there", "this"]
)


def _is_title_case(text: str) -> bool:
    """Headline style ("Assad Visits Moscow To Discuss Plans"): agenda words would be noise."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _clean_agenda_item(item: str) -> str | None:
    item = item.strip(" ,.;:-–—\"'“”‘’")
    generic = _GENERIC_HEAD.match(item)
    if generic:
        item = generic.group("object").strip(" ,.;:")
    item = _LEADING_DETERMINER.sub("", item).strip()
    item = _TRAILING_JUNK.sub("", item).strip()
    words = item.split()
    if len(item) < 3 or not words or words[-1].casefold() in _NOT_TOPICS:
        return None
    if not words or len(words) > 8 or _VAGUE_ITEM.match(item):
        return None
    if words[0].casefold() in _CLAUSE_OPENERS:
        return None  # "that the sessions ...": a clause, not a topic
    if any(w.casefold() in _VERB_WORDS for w in words) or _DATE_WORD.match(item):
        return None  # "the minister made clear", "Saturday with a general": not a noun phrase topic
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        # a name ("Press Secretary Kim") is no topic, unless it names a country
        return item if load_gazetteer().country_of(item) else None
    return item


def _agenda(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Agenda items, and the spans they were read from (countries there are topics)."""
    items: list[str] = []
    spans: list[tuple[int, int]] = []
    if _is_title_case(text):
        return items, spans
    for cue in _AGENDA_CUE.finditer(text):
        rest = text[cue.end() :]
        end = _AGENDA_END.search(rest)
        phrase = rest[: end.start()] if end else rest
        if not phrase.strip() or _DATE_WORD.match(phrase.strip()):
            continue  # "the call on Thursday": a date, not a topic
        phrase = _cut_at_venue(phrase)
        spans.append((cue.end(), cue.end() + len(phrase)))
        including = _INCLUDING.search(phrase)
        if including:
            head = phrase[: including.start()].strip(" ,")
            tail = phrase[including.end() :]
            parts = [] if _VAGUE_ITEM.match(_LEADING_DETERMINER.sub("", head)) else [head]
            parts += _split_agenda(tail)
        else:
            parts = _split_agenda(phrase)
        for part in parts:
            cleaned = _clean_agenda_item(part)
            if cleaned and cleaned.casefold() not in (i.casefold() for i in items):
                items.append(cleaned)
    return items, spans


_IN_PLACE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


def _cut_at_venue(phrase: str) -> str:
    """ "trade in Geneva" -> "trade", but "the war in Sudan" stays: a city is a venue."""
    cities = load_gazetteer().city_to_country
    for match in _IN_PLACE.finditer(phrase):
        if match.group(1) in cities or match.group(1).split()[0] in cities:
            return phrase[: match.start()]
    return phrase


def _split_agenda(phrase: str) -> list[str]:
    # Split first, then unwrap generic heads per item ("concerns over tariffs"), so that
    # "A and demands regarding B and C" keeps A.
    return [part for part in _AGENDA_SPLIT.split(phrase) if part.strip()]


def _reporters(
    text: str, named: Sequence[Named], dates: Sequence[DateMention]
) -> tuple[list[str], date | None]:
    outlets = list(dict.fromkeys(n.name for n in named if n.kind is EntityKind.OUTLET))
    reported_on = None
    if outlets:
        for mention in dates:
            if _REPORTING_VERB_BEFORE.search(text[max(0, mention.span[0] - 40) : mention.span[0]]):
                reported_on = mention.date_start
                break
    return outlets, reported_on


# A lower-case word after "the <date>" that is not an event noun: "the November 13 attacks".
_ATTRIBUTIVE_DATE = re.compile(
    r"\s+(?!(?:meeting|talks|summit|visit|call|conference|session|negotiations|trip)\b)[a-z]"
)
_DATE_CLAUSE_BREAK = re.compile(r"[;:!?“”\"]|\.\s|\s[—–]\s|\b(?:since|after|before|when)\b")


def _event_date(
    text: str, dates: Sequence[DateMention], trigger: re.Match[str]
) -> DateMention | None:
    best: tuple[int, DateMention] | None = None
    for mention in dates:
        start, end = mention.span
        if _REPORTING_VERB_BEFORE.search(text[max(0, start - 40) : start]):
            continue  # "reported Monday", "said on Sunday": when it was said, not when it happens
        if start < 15 and _REPORTING_VERB_AFTER.match(text, end):
            continue  # "On Sunday, officials said ...": the day of the statement
        if mention.precision is DatePrecision.YEAR and re.search(
            r"\bthe\s+$", text[max(0, start - 5) : start], re.IGNORECASE
        ):
            continue  # "the 1998 peace accord" names another thing
        if _ATTRIBUTIVE_DATE.match(text, end) and re.search(
            r"\bthe\s+$", text[max(0, start - 5) : start], re.IGNORECASE
        ):
            continue  # "the November 13 attacks": a date naming something else
        # far from the trigger or across a clause break, a date belongs to something else
        lo, hi = sorted((start, trigger.start()))
        if hi - lo > 120 or _DATE_CLAUSE_BREAK.search(text, lo, hi):
            continue
        distance = abs(start - trigger.start()) + (15 if start < trigger.start() else 0)
        if best is None or distance < best[0]:
            best = (distance, mention)
    return best[1] if best else None


def _expected_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for cue in _EXPECTED_CUE.finditer(text):
        window_start = max(0, cue.start() - 200)
        before = text[window_start : cue.start()]
        groups = list(_GROUP_FROM.finditer(before))
        if groups:
            spans.append((window_start + groups[-1].start(), cue.start()))
            continue
        breaks = list(_CLAUSE_START.finditer(before))
        start = window_start + (breaks[-1].end() if breaks else 0)
        spans.append((start, cue.start()))
    return spans


# Where the clause that holds the trigger starts or ends: other clauses name other people
# (the speaker of a quote, an analyst, the subject of a relative clause).
_CLAUSE_BOUNDARY = re.compile(
    r",\s+(?:[\w’'.-]+\s+){0,4}(?:said|says|told|added|reported|announced)\b|"
    r"[;!?“”\"]|\.\s|\s[—–]\s|\s-\s|,\s+(?:who|which|whose|where|while|whereas|but|although|"
    r"though|because|after|before|since|even|amid|despite|when|as)\b|"
    r"\b(?:said|says|told|tells|according\s+to|added|warned|wrote)\b"
)


def _clause_bounds(text: str, trigger: re.Match[str]) -> tuple[int, int]:
    start, end = 0, len(text)
    for boundary in _CLAUSE_BOUNDARY.finditer(text):
        if boundary.end() <= trigger.start():
            start = boundary.end()
        elif boundary.start() >= trigger.end():
            end = boundary.start()
            break
    return start, end


def _in_clause(named: Sequence[Named], clause: tuple[int, int]) -> list[Named]:
    start, end = clause
    return [n for n in named if start <= n.start and n.end <= end]


def _participants(
    text: str,
    named: Sequence[Named],
    place_country: str | None,
    host: str | None,
    topics: Sequence[tuple[int, int]] = (),
) -> list[Participant]:
    expected_spans = _expected_spans(text)

    def is_expected(local_start: int) -> bool:
        return any(s <= local_start < e for s, e in expected_spans)

    found: list[Participant] = []
    for entity in named:
        if entity.kind is EntityKind.OUTLET or entity.name == host:
            continue
        if entity.kind is not EntityKind.PERSON and any(s <= entity.start < e for s, e in topics):
            continue  # "talks on the Gaza ceasefire": a topic, not a party
        # "the president's son-in-law X", "Putin's spokesman": a possessive is a descriptor
        if entity.kind is EntityKind.PERSON and _POSSESSIVE.match(text, entity.end):
            continue
        expected = is_expected(entity.start)
        # a country named as a place ("meet in Egypt", "Cairo, Egypt", "the Turkish city of")
        # is where, not who
        if (
            entity.kind is EntityKind.COUNTRY
            and not expected
            and (
                _PLACE_BEFORE.search(text, max(0, entity.start - 12), entity.start)
                or _PLACE_NOUN_AFTER.match(text, entity.end)
                or (
                    entity.name == place_country
                    and text[max(0, entity.start - 2) : entity.start] == ", "
                )
            )
        ):
            continue
        found.append(
            Participant(
                name=entity.name,
                kind=entity.kind,
                entity_id=entity.entity_id,
                role=entity.role,
                expected=expected,
            )
        )
    return found


def _analyse(
    sentence: Sentence,
    trigger: re.Match[str],
    published: date | None,
    named: Sequence[Named],
    index: EntityIndex,
) -> _Mention:
    text = sentence.text
    kind = _KINDS[trigger.lastgroup or "meeting"]
    clause = _clause_bounds(text, trigger)
    city, country = _place(text, trigger, kind, clause)
    agenda, topic_spans = _agenda(text)
    host = _host(text, named, index)
    dates = find_dates(text, published)
    reported_by, reported_on = _reporters(text, named, dates)
    anaphor = _ANAPHOR.search(text)
    return _Mention(
        kind=kind,
        trigger=(sentence.start + trigger.start(), sentence.start + trigger.end()),
        anaphoric=bool(anaphor and anaphor.start() <= trigger.start() <= anaphor.end()),
        participants=_participants(text, _in_clause(named, clause), country, host, topic_spans),
        city=city,
        country=country,
        host=host,
        when=_event_date(text, dates, trigger),
        status=_status(text, trigger),
        agenda=agenda,
        reported_by=reported_by,
        reported_on=reported_on,
    )


def _mediators(text: str, named: Sequence[Named]) -> list[Participant]:
    """Countries, people and organisations named as mediators ("mediators from A, B and C")."""
    spans: list[tuple[int, int]] = []
    for cue in _MEDIATOR_CUE.finditer(text):
        for match in (
            _MEDIATOR_AFTER.match(text, cue.end()),
            _MEDIATED_BY.match(text, cue.end()),
            _MEDIATOR_BEFORE.search(text, max(0, cue.start() - 160), cue.start()),
        ):
            if match is not None:
                spans.append(match.span("list"))
    participants = []
    # "the Oman-brokered talks", "Qatari-mediated negotiations": the compound hides the
    # country from the entity stage, so look it up here
    gazetteer = load_gazetteer()
    for match in _HYPHEN_MEDIATED.finditer(text):
        name = match.group(1)
        country = gazetteer.country_of(name) or gazetteer.country_of(name.split()[-1])
        if country in gazetteer.countries:
            participants.append(
                Participant(
                    name=country,
                    kind=EntityKind.COUNTRY,
                    entity_id=entity_id(EntityKind.COUNTRY, country),
                    role="mediator",
                )
            )
    for entity in named:
        if entity.kind is EntityKind.OUTLET:
            continue
        if any(s <= entity.start < e for s, e in spans):
            participants.append(
                Participant(
                    name=entity.name,
                    kind=entity.kind,
                    entity_id=entity.entity_id,
                    role="mediator",
                )
            )
    return participants


# --------------------------------------------------------------------------- merging


def _compatible_place(draft: _Draft, mention: _Mention) -> bool:
    if mention.country is None or draft.country is None:
        return True
    if mention.city and draft.city:
        return mention.city == draft.city
    return mention.country == draft.country


def _compatible_date(draft: _Draft, mention: _Mention) -> bool:
    if mention.when is None or draft.when is None:
        return True
    return not (
        mention.when.date_end < draft.when.date_start
        or mention.when.date_start > draft.when.date_end
    )


def _target(drafts: list[_Draft], mention: _Mention) -> _Draft | None:
    """The existing event a sentence's mention adds to, if any."""
    # most recently mentioned first: "the meeting" refers to the event last talked about
    candidates = sorted(
        (d for d in drafts if _group(d.kind) == _group(mention.kind)),
        key=lambda d: d.sentence_index,
        reverse=True,
    )
    if not candidates:
        return None
    if mention.anaphoric:
        for draft in candidates:
            if _compatible_place(draft, mention) and _compatible_date(draft, mention):
                return draft
        if mention.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
            return candidates[0]  # "the meeting has been postponed to May": a new date, same event
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
    for draft in candidates:
        if not (_compatible_place(draft, mention) and _compatible_date(draft, mention)):
            continue
        known = set(draft.participants)
        known_names = {p.name for p in draft.participants.values()}
        shared = names & known_names
        if len(shared) >= 2 or (people & shared) or (known and not names):
            return draft
    return None


def _absorb(draft: _Draft, mention: _Mention, sentence: Sentence) -> None:
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
    for item in mention.agenda:
        if item.casefold() not in (i.casefold() for i in draft.agenda):
            draft.agenda.append(item)
    for outlet in mention.reported_by:
        if outlet not in draft.reported_by:
            draft.reported_by.append(outlet)
    if draft.reported_on is None:
        draft.reported_on = mention.reported_on
    if (sentence.start, sentence.end) not in draft.evidence:
        draft.evidence.append((sentence.start, sentence.end))
    draft.sentence_index = sentence.index


def _new_draft(mention: _Mention, sentence: Sentence) -> _Draft:
    draft = _Draft(
        kind=mention.kind, sentence_index=sentence.index, first_paragraph=sentence.paragraph
    )
    _absorb(draft, mention, sentence)
    return draft


def _worth_keeping(mention: _Mention) -> bool:
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


# --------------------------------------------------------------------------- public


# Keywords (lower case) that any trigger or mediator cue contains. ``str.find`` over the
# lower-cased article is far cheaper than a regex alternation at every position, and picks out
# the few sentences that are worth the full analysis.
_KEYWORDS = (
    "summit", "talks", "negotiat", "meet", "met", "visit", "trip", "tour of", "conference",
    "phone", "sat down", "sit down", "sits down", "encounter", "get-together", "video",
    "mediat", "broker", "intermediar", "go-between", "facilitat",
)  # fmt: skip


def _candidate_sentences(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    lowered = text.lower()
    hits: set[int] = set()
    for keyword in _KEYWORDS:
        position = lowered.find(keyword)
        while position >= 0:
            hits.add(position)
            position = lowered.find(keyword, position + len(keyword))
    if not hits:
        return []
    starts = [s.start for s in sentences]
    chosen: dict[int, Sentence] = {}
    for hit in hits:
        index = bisect.bisect_right(starts, hit) - 1
        if index >= 0 and hit < sentences[index].end:
            chosen.setdefault(index, sentences[index])
    return [chosen[i] for i in sorted(chosen)]


def find_events(article: Article, sentences: Sequence[Sentence], index: EntityIndex) -> list[Event]:
    """The events an article reports, one per distinct meeting/talks/summit/visit/call."""
    published = article.published.date() if article.published else None
    drafts: list[_Draft] = []
    for sentence in _candidate_sentences(article.text, sentences):
        text = sentence.text
        trigger = _first_trigger(text)
        mediation = _MEDIATOR_CUE.search(text) is not None
        if trigger is None and not mediation:
            continue
        named = named_in(index, sentence)
        if trigger is not None:
            mention = _analyse(sentence, trigger, published, named, index)
            target = _target(drafts, mention)
            if target is not None:
                _absorb(target, mention, sentence)
            elif _worth_keeping(mention):
                drafts.append(_new_draft(mention, sentence))
        if mediation:
            mediators = _mediators(text, named)
            if not mediators:
                continue
            target = max(drafts, key=lambda d: d.sentence_index) if drafts else None
            if target is None:
                target = _Draft(
                    kind=EventKind.NEGOTIATION,
                    sentence_index=sentence.index,
                    first_paragraph=sentence.paragraph,
                )
                drafts.append(target)
            for participant in mediators:
                target.add_participant(participant)
            if (sentence.start, sentence.end) not in target.evidence:
                target.evidence.append((sentence.start, sentence.end))
            reported_by, _ = _reporters(text, named, ())
            for outlet in reported_by:
                if outlet not in target.reported_by:
                    target.reported_by.append(outlet)
    place = _dateline_place(article.dateline)
    for draft in drafts:
        draft.settle(published)
        if place is not None and draft.country is None and _happened_at_dateline(draft, published):
            draft.city, draft.country = place
    return [draft.to_event(article.id, number) for number, draft in enumerate(drafts, 1)]


def _dateline_place(dateline: str | None) -> tuple[str, str] | None:
    """(city, country) of a dateline such as "HANOI", "Helsinki, Finland (CNN)"."""
    if not dateline:
        return None
    gazetteer = load_gazetteer()
    bare = re.sub(r"\(.*?\)|[-–—:]+\s*$", " ", dateline)
    parts = [p.strip() for p in re.split(r"[,/]", bare) if p.strip()]
    if not parts:
        return None
    city = parts[0].title() if parts[0].isupper() else parts[0]
    country = gazetteer.city_to_country.get(city)
    if country is None and len(parts) > 1:
        country = gazetteer.country_of(parts[1].title() if parts[1].isupper() else parts[1])
    return (city, country) if country is not None else None


def _happened_at_dateline(draft: _Draft, published: date | None) -> bool:
    """A lead event that happened around publication took place where the reporter filed from.

    Planned events are left alone: a reporter in one capital often writes about talks to come
    elsewhere.
    """
    if draft.first_paragraph > 2 or draft.status not in (EventStatus.HELD, EventStatus.UNKNOWN):
        return False
    if draft.when is None or published is None:
        return draft.when is None
    return abs((draft.when.date_start - published).days) <= 2


# --------------------------------------------------------------------------- across articles

_DATE_TOLERANCE_DAYS = {
    DatePrecision.DAY: 2,
    DatePrecision.WEEK: 7,
    DatePrecision.MONTH: 31,
    DatePrecision.YEAR: 366,
}


def _participant_keys(event: Event) -> set[str]:
    return {p.entity_id or p.name.casefold() for p in event.participants if p.role != "mediator"}


def _precise(event: Event) -> bool:
    return event.date_start is not None and event.date_precision in (
        DatePrecision.DAY,
        DatePrecision.WEEK,
    )


# Two articles about one event are seldom published further apart than this.
_REPORT_WINDOW_DAYS = 21
# A postponement may move an event by weeks.
_MOVED_WINDOW_DAYS = 62


def same_event(
    a: Event,
    b: Event,
    *,
    a_published: date | None = None,
    b_published: date | None = None,
) -> bool:
    """Whether two reports (usually from different articles) describe the same event.

    Conservative, because the same countries meet again and again: the reports must be close
    in time (their event dates within the dates' precision, else their report or publication
    dates within three weeks; a postponement or cancellation widens both), and share people
    (two; or one with the same city, day or a third party) or, failing people, two parties
    with the same city or day. A different city is allowed only when the parties match and a
    report says the event moved (postponed/cancelled) or two people are shared: a newer report
    may change the venue.

    Args:
        a, b: the two events.
        a_published, b_published: the publication days of their articles, when known; they
            date undated events.
    """
    if a.id == b.id:
        return True
    if (a.kind is EventKind.CALL) != (b.kind is EventKind.CALL):
        return False
    shared = _participant_keys(a) & _participant_keys(b)
    if not shared:
        return False
    shared_people = {k for k in shared if k.startswith("person:")}
    moved = bool({a.status, b.status} & {EventStatus.POSTPONED, EventStatus.CANCELLED})

    if a.date_start is not None and b.date_start is not None and _precise(a) and _precise(b):
        tolerance = max(
            _DATE_TOLERANCE_DAYS[a.date_precision or DatePrecision.DAY],
            _DATE_TOLERANCE_DAYS[b.date_precision or DatePrecision.DAY],
        )
        if moved:
            tolerance = max(tolerance, _MOVED_WINDOW_DAYS)
        if abs((a.date_start - b.date_start).days) > tolerance:
            return False
    else:
        # a month or a year is too coarse to tell events apart: when the articles were
        # written says more
        anchor_a = (a.date_start if _precise(a) else None) or a.reported_on or a_published
        anchor_b = (b.date_start if _precise(b) else None) or b.reported_on or b_published
        anchor_a = anchor_a or a.date_start
        anchor_b = anchor_b or b.date_start
        if anchor_a is None or anchor_b is None:
            return False  # undated: nothing tells two meetings of the same parties apart
        window = _MOVED_WINDOW_DAYS if moved else _REPORT_WINDOW_DAYS
        if abs((anchor_a - anchor_b).days) > window:
            return False

    city_a = a.location.city if a.location else None
    city_b = b.location.city if b.location else None
    same_city = city_a is not None and city_a == city_b
    if city_a and city_b and city_a != city_b:
        return len(shared) >= 2 and (moved or len(shared_people) >= 2)
    same_day = (
        a.date_start is not None
        and a.date_start == b.date_start
        and a.date_precision is DatePrecision.DAY
        and b.date_precision is DatePrecision.DAY
    )
    if len(shared_people) >= 2:
        return True
    if shared_people and (same_city or same_day or len(shared) >= 3):
        return True
    return len(shared) >= 2 and (same_city or same_day or moved)
