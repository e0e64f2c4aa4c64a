"""Who takes part in an event: the people, countries and bodies a sentence names, and mediators.

Participants are the entities named in the trigger's clause, minus outlets, possessive
modifiers (in "the president's son-in-law X" the president is a descriptor), topics and the
host; countries in a clause "expected to participate" are ``expected``. Mediators ("mediators
from A, B and C", "the Oman-brokered talks") get the role "mediator".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.extract.entities import EntityIndex
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.models import EntityKind, Participant, Role, Sentence, entity_id

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
_CLAUSE_START = re.compile(r"(?:[;:(]|\bwith\b|\bwhile\b|\bwhereas\b|,\s+(?:and|but)\b)")

MEDIATOR_CUE = re.compile(
    r"\b(?:mediators?|mediat(?:e|ed|es|ing|ion)|intermediar(?:y|ies)|go-betweens?|"
    r"broker(?:ed|ing|s)?|facilitat(?:ed|ing|or|ors))\b",
    re.IGNORECASE,
)
CAPITALISED = r"(?:[A-ZÀ-Ý][\w’'.-]*)"
_NAME_LIST = (
    rf"(?:the\s+)?{CAPITALISED}(?:\s+(?:of\s+)?{CAPITALISED}){{0,3}}"
    rf"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?{CAPITALISED}"
    rf"(?:\s+(?:of\s+)?{CAPITALISED}){{0,3}})*"
)
_MEDIATOR_AFTER = re.compile(rf"\s+(?:from|including|such\s+as|in|like)\s+(?P<list>{_NAME_LIST})")
_MEDIATOR_BEFORE = re.compile(
    rf"(?P<list>{_NAME_LIST})\s*,?\s+(?:(?:which|who)\s+)?(?:(?:is|are|was|were|has|have|had|"
    rf"been|also|acting\s+as|served\s+as|act(?:ed|s)?\s+as)\s+)*$"
)
_HYPHEN_MEDIATED = re.compile(
    rf"({CAPITALISED}(?:\s+{CAPITALISED})?)-(?:brokered|mediated|facilitated)\b"
)
_MEDIATED_BY = re.compile(rf"\s+by\s+(?P<list>{_NAME_LIST})")


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


def _participant(entity: Named, role: str | None, *, expected: bool = False) -> Participant:
    return Participant(
        name=entity.name,
        kind=entity.kind,
        entity_id=entity.entity_id,
        role=role,
        expected=expected,
    )


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


def clause_bounds(text: str, trigger: re.Match[str]) -> tuple[int, int]:
    start, end = 0, len(text)
    for boundary in _CLAUSE_BOUNDARY.finditer(text):
        if boundary.end() <= trigger.start():
            start = boundary.end()
        elif boundary.start() >= trigger.end():
            end = boundary.start()
            break
    return start, end


def in_clause(named: Sequence[Named], clause: tuple[int, int]) -> list[Named]:
    start, end = clause
    return [n for n in named if start <= n.start and n.end <= end]


def clause_participants(
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
        found.append(_participant(entity, entity.role, expected=expected))
    return found


def find_mediators(text: str, named: Sequence[Named]) -> list[Participant]:
    """Countries, people and organisations named as mediators ("mediators from A, B and C")."""
    spans: list[tuple[int, int]] = []
    for cue in MEDIATOR_CUE.finditer(text):
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
            participants.append(_participant(entity, "mediator"))
    return participants
