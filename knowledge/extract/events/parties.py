"""Who takes part in an event: the people, countries and bodies a sentence names, and mediators.

Participants are the entities named in the trigger's clause, minus outlets, possessive
modifiers (in "the president's son-in-law X" the president is a descriptor), topics and the
host; countries in a clause "expected to participate" are ``expected``. Mediators ("mediators
from A, B and C", "the Oman-brokered talks") get the role "mediator".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from knowledge.extract.entities import EntityIndex
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.models import EntityKind, Participant, Role, Sentence, entity_id

# Countries named in a clause that says they are expected to take part.
_EXPECTED_CUE = re.compile(
    r"\b(?:(?:is|are|was|were)\s+)?(?:also\s+)?(?:expected|due|set|likely|invited|scheduled|"
    r"slated|poised)\s+to\s+(?:participate|attend|join|take\s+part|be\s+(?:present|represented)"
    r"|send|travel|fly|head|arrive)\b"
    r"|\b(?:may|might|could|would)\s+(?:also\s+)?(?:attend|join|participate|take\s+part)",
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


# Between two names of one subject: "A, B and C", "A and B"; with ``the``, also "A and the B".
_SUBJECT_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+)?\s*")
_SUBJECT_GAP_THE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+)?(?:the\s+)?\s*")
# Before a name, what carries the list on to an earlier one: a comma or "and" (", the").
_LIST_GOES_ON = re.compile(r"(?:,|\band)\s*$")
_LIST_GOES_ON_THE = re.compile(r"(?:,|\band)\s*(?:the\s+)?$")


def subject_names(named: Sequence[Named], text: str, end: int, *, the: bool = False) -> list[Named]:
    """The named entities forming the subject that ends at ``end``, in text order: "X",
    "A and B", "A, B and C"; with ``the``, also "A and the B".

    Read backwards from ``end``: a name joins when only spaces, a comma or "and" stand
    between it and the next, and the list goes on only through a comma or "and".
    """
    gap, goes_on = (_SUBJECT_GAP_THE, _LIST_GOES_ON_THE) if the else (_SUBJECT_GAP, _LIST_GOES_ON)
    reach = 10 if the else 6  # enough text before a name for ", and the " / ", and "
    found: list[Named] = []
    edge = end
    for entity in reversed(named):
        if entity.end > edge:
            continue
        if not gap.fullmatch(text, entity.end, edge):
            break
        found.append(entity)
        edge = entity.start
        if not goes_on.search(text[max(0, edge - reach) : edge]):
            break
    found.reverse()
    return found


_GOVERNMENT_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|inside|near|outside|around)\s+$", re.I)
_ORG_AS_PLACE_BEFORE = re.compile(r"\b(?:at|in|of|inside|outside|from)\s+(?:the\s+)?$", re.I)


def named_participant(entity: Named, role: str | None, *, expected: bool = False) -> Participant:
    """The party a sentence names, with the role it has in the event."""
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


# Capitalised words that the entity stage may take for a body but that are never a party to
# an event: time zones ("15:00 GMT") and the event and document nouns themselves.
_NEVER_PARTIES = frozenset(
    [
        "GMT",
        "UTC",
        "BST",
        "CET",
        "CEST",
        "EET",
        "EST",
        "EDT",
        "CST",
        "CDT",
        "MST",
        "MDT",
        "PST",
        "PDT",
        "ET",
        "PT",
        "JST",
        "KST",
        "IST",
        "AEST",
        "Summit",
        "Summits",
        "Talks",
        "Meeting",
        "Meetings",
        "Conference",
        "Visit",
        "Treaty",
        "Organization",
        "Organisation",
        "Agreement",
        "Accord",
        "Deal",
        "Statement",
    ]
)
# "U.S. Trade Representative", "Commerce Secretary": a word of the office before its title.
_TITLE_AFTER = re.compile(
    r"\s+(?:Representative|Secretary|Minister|Commissioner|Ambassador|Envoy|Adviser|Advisor|"
    r"Chief|Director|Spokes(?:man|woman|person)|Czar|Tsar|Chair(?:man|woman)?|Negotiator)\b"
)
_ELLIPSIS_PAIR = re.compile(
    r"\b(North|South|East|West)\s+and\s+(North|South|East|West)\s+([A-Z][a-z]+)\b"
)
_HYPHEN_PAIR = re.compile(
    r"\b([A-Z][\w.]*(?:\s[A-Z][a-z]+)?)-([A-Z][\w.]*(?:\s[A-Z][a-z]+)?)"
    r"(?=\s+(?:[a-z-]+\s+){0,2}(?:summit|talks|meeting|negotiations|relations|dialogue|deal|"
    r"agreement|ties|trade)\b)"
)


def _country_prefix(name: str) -> str | None:
    """The country a name or its first words denote: "North Korea", "U.S.", "Mexico"."""
    gazetteer = load_gazetteer()
    words = name.split()
    for size in range(len(words), 0, -1):
        country = gazetteer.country_by_surface.get(" ".join(words[:size]).rstrip("."))
        country = country or gazetteer.country_by_surface.get(" ".join(words[:size]))
        if country is not None and country in gazetteer.countries:
            return country
    return None


_POSSESSIVE_GAP = re.compile(r"[’']s?\s+(?:[a-z]+\s+){0,2}")
_ROYAL_BEFORE = re.compile(r"\b(King|Queen|Emir|Sultan|Sheikh|Prince|Princess)\s+$")
_BYLINE_BEFORE = re.compile(r"\b(?:[Bb]y|correspondent|reporter|editor|writes)\s+$")


# An outlet's name inside a longer capitalised name: "South Pacific Forum", "Times Square".
_NAME_WORD_BEFORE = re.compile(r"\b(?!(?:The|A|An|As|By|To|For|From|With|On|In|At)\s)[A-Z]\w+\s$")
_NAME_WORD_AFTER = re.compile(
    r"\s(?!(?:News|Network|TV|Radio|Television|Online|Magazine|Newspaper|Channel|Agency|"
    r"Service|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]+"
)


def _noise(kind: EntityKind, name: str, text: str, start: int, end: int) -> bool:
    """A mention that names an office, a time zone, a generic word or the writer, not a party."""
    if kind in (EntityKind.ORGANISATION, EntityKind.OUTLET) and (
        text[start - 1 : start].isalnum() or text[start - 1 : start] == "-"
    ):
        return True  # "Indo-Pacific": a fragment of a longer word
    if kind is EntityKind.OUTLET and (
        _NAME_WORD_BEFORE.search(text, max(0, start - 20), start)
        or _NAME_WORD_AFTER.match(text, end)
    ):
        return True
    if kind is EntityKind.ORGANISATION and (
        all(word in _NEVER_PARTIES for word in name.split()) or _TITLE_AFTER.match(text, end)
    ):
        return True
    return kind is EntityKind.PERSON and bool(
        _BYLINE_BEFORE.search(text, max(0, start - 14), start)
    )


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
        if _noise(kind, name, text, start, end):
            continue
        if (
            kind is EntityKind.PERSON
            and found
            and found[-1].kind is EntityKind.OUTLET
            and _POSSESSIVE_GAP.fullmatch(text, found[-1].end, start)
        ):
            continue  # "the paper's correspondent Ann Lee": the outlet's journalist
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
            before = text[max(0, start - 40) : start].casefold()
            # the role written right before this mention, when the entity has several
            # ("Crown Prince X" of an entity also given "king")
            own = [r for r in entity.roles if r.title and before.endswith(r.title.casefold() + " ")]
            role = format_role(own[0] if own else entity.roles[0] if entity.roles else None)
            royal = _ROYAL_BEFORE.search(text, max(0, start - 16), start)
            surface = text[start:end]
            if royal and " " not in surface and not name.startswith(surface):
                # "King Idrun" is not his son "Prince Ameer bin Idrun": a monarch goes by title
                # and one name, which the entity stage may take for a relative's surname
                title = royal.group(1)
                name = f"{title} {surface}"
                eid, role = entity_id(EntityKind.PERSON, name), title.lower()
        elif kind is EntityKind.ORGANISATION and _ORG_AS_PLACE_BEFORE.search(
            text, max(0, start - 12), start
        ):
            continue  # "at the White House", "of the Crisis Group": a place or an affiliation
        found.append(Named(kind, name, eid, start, end, role))
    for match in _HYPHEN_PAIR.finditer(text):
        # "China-Japan summit", "U.S.-Canada talks": the entity stage may miss both sides
        for group in (1, 2):
            side = Named(EntityKind.COUNTRY, "", "", match.start(group), match.end(group))
            country = _country_prefix(match.group(group))
            person = None if country is not None else index.resolve(match.group(group))
            if country is not None:
                side = replace(side, name=country, entity_id=entity_id(EntityKind.COUNTRY, country))
            elif person is not None and person.kind is EntityKind.PERSON:
                # "the Hale-Varga meeting": two people the article names by surname
                roles = person.roles
                side = replace(
                    side,
                    kind=EntityKind.PERSON,
                    name=person.name,
                    entity_id=person.id,
                    role=format_role(roles[0] if roles else None),
                )
            if side.name and all(n.name != side.name for n in found):
                found.append(side)
                found.sort(key=lambda n: n.start)
    for match in _ELLIPSIS_PAIR.finditer(text):
        # "North and South Korea": the first country's noun is left out
        country = gazetteer.country_of(f"{match.group(1)} {match.group(3)}")
        if country is not None and all(n.name != country for n in found):
            found.append(
                Named(
                    EntityKind.COUNTRY,
                    country,
                    entity_id(EntityKind.COUNTRY, country),
                    match.start(1),
                    match.end(1),
                )
            )
            found.sort(key=lambda n: n.start)
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
# (the speaker of a quote, an analyst, the subject of a relative clause). A full stop inside
# a sentence is an abbreviation ("U.S. Trade Representative"), not a clause end.
_CLAUSE_BOUNDARY = re.compile(
    r",\s+(?:[\w’'.-]+\s+){0,4}(?:said|says|told|added|reported|announced)\b|"
    r"[;!?“”\"]|\s[—–]\s|\s--?\s|,\s+(?:who|which|whose|where|while|whereas|but|although|"
    r"though|because|after|before|since|even|amid|despite|when|as)\b|"
    r"\b(?:said|says|told|tells|according\s+to|added|warned|wrote)\b|"
    r"\s(?:amid|despite)\s|"
    # "the first talks since X and Y met in June": the parties of an earlier event
    r"\ssince\s+(?=(?:the\s+|a\s+|an\s+)?[A-Z\w][^,;]{0,80}?\b(?:met|meet|held|broke|"
    r"collapsed|ended|visited|signed|agreed|took|was|were|had)\b)"
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
        if _ABSENT_AFTER.match(text, entity.end):
            continue  # "Russia was not invited to the talks": named, but no party
        found.append(named_participant(entity, entity.role, expected=expected))
    return found


# After a name, an apposition, then a word that it stays away: not a party of the event.
_ABSENT_AFTER = re.compile(
    r"(?:,[^,;]{2,80},)?\s+(?:(?:was|were|is|are|has|have|had)\s+(?:not|n[’']t)\s+(?:been\s+)?"
    r"(?:invited|asked|included)|(?:wasn|weren|isn|aren|hasn|haven|hadn)[’']t\s+(?:been\s+)?"
    r"(?:invited|asked|included)|(?:will|would|did|does|do)\s+not\s+(?:attend|take\s+part|"
    r"participate|join)|(?:won|wouldn|didn|doesn|don)[’']t\s+(?:attend|take\s+part|participate|"
    r"join)|(?:was|were|has\s+been|have\s+been)\s+(?:excluded|left\s+out|shut\s+out)|"
    r"(?:declined|refused)\s+to\s+(?:attend|take\s+part|participate|join)|"
    r"(?:is|are|was|were)\s+boycotting|(?:is|are|was|were)\s+absent)\b",
    re.IGNORECASE,
)

# After a name (and an apposition), the person or body announced as attending an event the
# article already named: "X will also attend", "Y will take part as an observer".
# "is expected/due/set to attend" is an expectation, not a confirmed attendance; "will
# attend" states a plan as firm.
_ATTENDS_AFTER = re.compile(
    r"(?:,[^,;]{2,80},|,)?\s+(?:will|would|(?:is|are)\s+(?:also\s+)?(?P<expected>expected|due|set|"
    r"scheduled)\s+to)\s+(?:also\s+)?(?:attend|take\s+part|participate|join\s+(?:the|them)\b)"
    r"(?P<observer>\s+(?:[\w-]+\s+){0,3}?as\s+(?:an?\s+)?observers?)?",
    re.IGNORECASE,
)


def attendees(text: str, named: Sequence[Named]) -> list[Participant]:
    """People and bodies a sentence with no event word announces as attending one."""
    found: list[Participant] = []
    for entity in named:
        if entity.kind is EntityKind.OUTLET:
            continue
        match = _ATTENDS_AFTER.match(text, entity.end)
        if match is None:
            continue
        role = "observer" if match.group("observer") else entity.role
        found.append(named_participant(entity, role, expected=match.group("expected") is not None))
    return found


# The people who speak for a side at talks: "the drivers' delegation will be led by A and
# B", "the operator will be represented by C", "a delegation headed by D", "E will lead the
# government delegation".
DELEGATION = re.compile(
    r"\bdelegations?\s+(?:(?:will|would|is|was|were|are)\s+(?:be\s+)?)?(?:led|headed)\s+by\b"
    r"|\b(?P<aux>will\s+be|would\s+be|was|were|is|are|to\s+be)\s+represented\s+by\b"
)
_LEADS_DELEGATION = re.compile(
    r"\s+(?:will\s+|would\s+|is\s+to\s+)?(?:lead|leads|led|leading|head|heads|headed|heading)\s+"
    r"(?:the|a|an|its|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?delegation\b"
)
_DELEGATES_END = re.compile(r"[;:(]|\s[—–]\s|,\s+(?:who|which|while|but)\b")


def delegates(text: str, named: Sequence[Named]) -> list[Participant]:
    """The people a sentence with no event word names as a side's delegation, and the side
    when it is the subject ("B will be represented by C"): parties of the event just named."""
    found: list[Participant] = []
    for cue in DELEGATION.finditer(text):
        end = _DELEGATES_END.search(text, cue.end())
        stop = end.start() if end else len(text)
        people = [n for n in named if n.kind is EntityKind.PERSON and cue.end() <= n.start < stop]
        if people and cue.group("aux"):
            side = subject_names(named, text, cue.start() - 1)
            found.extend(
                named_participant(n, n.role)
                for n in side
                if n.kind in (EntityKind.ORGANISATION, EntityKind.COUNTRY)
            )
        found.extend(named_participant(n, n.role) for n in people)
    for entity in named:
        if entity.kind is EntityKind.PERSON and _LEADS_DELEGATION.match(text, entity.end):
            found.append(named_participant(entity, entity.role))
    return found


# Between two countries of one list: "A, B and C", "A and B", "A, B, or C".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?")
# After a list of countries (and the group noun before it: "Ministers from A, B and C"), its
# announced attendance of the event just named; "expected" marks an expectation. A place
# named ("are expected in X") must be the event's.
_LIST_ATTENDS = re.compile(
    r"\s+(?:(?:are|were|will\s+be)\s+(?:also\s+)?(?P<expected_in>expected|due)\s+"
    rf"(?:in|at)\s+(?:the\s+)?(?P<place>{CAPITALISED}(?:\s+{CAPITALISED}){{0,2}})"
    # ("were invited to attend" is told of an event already held: not the latest one's)
    r"|are\s+(?:also\s+)?(?P<expected>expected|due|set|scheduled|invited)\s+to\s+"
    r"(?:also\s+)?(?:attend|take\s+part|participate|join|be\s+(?:present|represented))"
    r"|(?:will|would)\s+(?:also\s+)?(?:attend|take\s+part|participate|be\s+(?:present|"
    r"represented))"
    r"|(?:have|had)\s+(?:also\s+)?confirmed\s+(?:their\s+)?(?:attendance|participation|"
    r"presence))\b",
    re.IGNORECASE,
)
# Before a list: "confirmed the participation of (the eight member states:) A, B and C".
_PARTICIPATION_OF = re.compile(
    r"\b(?:confirm\w*|announc\w*|welcom\w*|secur\w*)\s+(?:the\s+)?"
    r"(?:participation|attendance|presence)\s+of\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,3}"
    r"(?i:states|countries|nations|members|governments|delegations)\s*[:,]?\s*)?(?=[A-Z])",
)
# "Ministers from ", "Delegations of the ": a group noun right before a list
_GROUP_BEFORE = re.compile(_GROUP_FROM.pattern + r"(?:the\s+)?$", re.IGNORECASE)
# What may open the list's clause before its first country: nothing, or a group noun
# ("Ministers from", "Delegations of", "Representatives of") after a clause break.
_LIST_OPENING = re.compile(r"(?:^|[.;:,]\s+|\s(?:and|while|but)\s+)\s*$")


def _country_run(countries: Sequence[Named], text: str, first: int) -> list[Named]:
    """The countries from ``countries[first]`` on that form one list ("A, B and C")."""
    run = [countries[first]]
    for entity in countries[first + 1 :]:
        if not _LIST_GAP.fullmatch(text, run[-1].end, entity.start):
            break
        run.append(entity)
    return run


def listed_attendees(text: str, named: Sequence[Named]) -> tuple[list[Participant], str | None]:
    """Countries a sentence with no event word lists as attending the event just named, and
    the place it names for that event, if any.

    "Ministers from A, B and C are expected in X", "Delegations from A and B will attend",
    "A, B and C are expected to take part", "confirmed the participation of the eight
    member states: A, B, C".
    """
    countries = [n for n in named if n.kind is EntityKind.COUNTRY]
    if not countries:
        return [], None
    after = _PARTICIPATION_OF.search(text)
    if after is not None:
        first = next((i for i, c in enumerate(countries) if c.start == after.end()), None)
        if first is not None:
            run = _country_run(countries, text, first)
            return [named_participant(c, None) for c in run], None
    index = 0
    while index < len(countries):
        run = _country_run(countries, text, index)
        index += len(run)
        attends = _LIST_ATTENDS.match(text, run[-1].end)
        if attends is None:
            continue
        head = text[: run[0].start]
        group = _GROUP_BEFORE.search(head)
        opening = head[: group.start()] if group is not None else head
        if not _LIST_OPENING.search(opening):
            continue  # "the lake shared by A and B will ...": the list is no subject
        expected = attends.group("expected_in") or attends.group("expected")
        people = [named_participant(c, None, expected=expected is not None) for c in run]
        return people, attends.group("place")
    return [], None


# After a name (and an apposition), an arrival at a place: "X is expected to arrive in Geneva
# on Tuesday", "Y arrives in Geneva on Monday", "Z, the envoy, will arrive at the venue".
_ARRIVES_AFTER = re.compile(
    r"(?:,[^,;]{2,80},|,)?\s+(?:(?:is|are)\s+(?:also\s+)?(?P<expected>expected|due|set|"
    r"scheduled)\s+to\s+(?:also\s+)?arrive|(?:will|would)\s+(?:also\s+)?arrive|arrives|"
    r"arrived|(?:is|are|was|were)\s+arriving|(?:has|have)\s+arrived)\s+(?:in|at)\s+"
    rf"(?:the\s+)?(?P<place>{CAPITALISED}(?:\s+{CAPITALISED}){{0,2}})"
)


def pronoun_arrival(text: str) -> tuple[str, str, bool] | None:
    """A sentence opening "He is expected to arrive in Geneva ...": the pronoun, the place
    and whether the arrival is only expected."""
    pronoun = "He" if text.startswith("He ") else "She" if text.startswith("She ") else None
    found = _ARRIVES_AFTER.match(text, len(pronoun)) if pronoun is not None else None
    if pronoun is None or found is None:
        return None
    return pronoun, found.group("place"), found.group("expected") is not None


def arrivals(text: str, named: Sequence[Named]) -> list[tuple[Participant, str]]:
    """People a sentence with no event word has arriving somewhere, with the place's name:
    the caller decides whether that is where the event just named takes place."""
    found: list[tuple[Participant, str]] = []
    for entity in named:
        if entity.kind is not EntityKind.PERSON:
            continue
        match = _ARRIVES_AFTER.match(text, entity.end)
        if match is None:
            continue
        expected = match.group("expected") is not None
        found.append(
            (named_participant(entity, entity.role, expected=expected), match.group("place"))
        )
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
            participants.append(named_participant(entity, "mediator"))
    return participants


# Between the subject and a verb trigger only lower-case words (auxiliaries, adverbs, "said
# he") and a journey's destination or day may stand: "X said he met", "He will then go to
# Cairo to see", "X will travel to Paris on Monday to meet".
_GAP_TOKEN = re.compile(r"[^\s,]+")
_BEFORE_NAME_IN_GAP = frozenset(("to", "in", "on", "at", "for", "the"))


def _subject_gap(gap: str) -> bool:
    capitals = 0
    previous = ""
    for token in _GAP_TOKEN.findall(gap):
        if token[:1].islower():
            if (
                token in _NOT_A_SUBJECT_GAP
                or not token.replace("’", "").replace("'", "").replace("-", "").isalpha()
            ):
                return False
            capitals = 0
        elif token[:1].isupper() and (previous in _BEFORE_NAME_IN_GAP or 0 < capitals < 3):
            capitals += 1
        else:
            return False
        previous = token
    return True


# Words that make the name before them an object or a modifier, not the subject.
_NOT_A_SUBJECT_GAP = frozenset(
    [
        "with",
        "of",
        "by",
        "from",
        "and",
        "or",
        "than",
        "about",
        "whom",
        "who",
        "which",
        "whose",
        "his",
        "her",
        "their",
        "its",
        "between",
        "among",
        "against",
        "for",
    ]
)
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_VERB_TRIGGER = re.compile(
    r"met|meet(?:s|ing)?|see|visit(?:s|ed|ing)?|travel\w*\s+to|(?:fl\w+|head\w*|go\w*|went|"
    r"return\w*)\s+to|s[ai]ts?\s+down\s+with|phoned|telephoned|spoke\s+.*|negotiat(?:e|ed|es|ing)",
    re.IGNORECASE,
)
_HOLDING_BEFORE = re.compile(
    r"\b(?:held|holds?|holding|had|have|has|attend(?:s|ed|ing)?|join(?:s|ed|ing)?)\s+"
    r"(?:(?:a|an|the|two|three|more|further|fresh|new|direct|private|separate|bilateral|"
    r"formal|informal|face-to-face|talks\s+and)\s+)*$"
)


def subject_of(
    text: str, trigger: re.Match[str], named: Sequence[Named]
) -> Named | tuple[str, int] | None:
    """The person who meets, visits or travels: a name, or a pronoun and its offset.

    Only for a verb trigger ("met", "will travel to") or a noun after "held"/"attended".
    """
    verb = _VERB_TRIGGER.fullmatch(trigger.group(0)) is not None
    if not verb and not _HOLDING_BEFORE.search(text, max(0, trigger.start() - 60), trigger.start()):
        return None
    best: Named | tuple[str, int] | None = None
    best_end = -1
    for entity in named:
        if (
            entity.kind is EntityKind.PERSON
            and entity.end <= trigger.start()
            and not _POSSESSIVE.match(text, entity.end)
            and entity.end > best_end
        ):
            best, best_end = entity, entity.end
    for pronoun in _PRONOUN.finditer(text, max(0, trigger.start() - 120), trigger.start()):
        if pronoun.end() > best_end:
            best, best_end = (pronoun.group(0), pronoun.start()), pronoun.end()
    if best is None or trigger.start() - best_end > 120:
        return None
    if not _subject_gap(text[best_end : trigger.start()]):
        return None
    return best


def person_participant(
    name: str, entity_id_: str, role: str | None, *, expected: bool = False
) -> Participant:
    return Participant(
        name=name, kind=EntityKind.PERSON, entity_id=entity_id_, role=role, expected=expected
    )
