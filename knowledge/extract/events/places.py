"""Where an event takes place and who hosts it.

*Place* from "in/at <city or country>", "in <X>, <Country>", "<City> talks" and the
dateline; *host* from "with X hosting", "hosted by X", "X will host".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from knowledge.extract.entities import EntityIndex
from knowledge.extract.events.parties import CAPITALISED, Named
from knowledge.extract.gazetteer import is_venue, load_gazetteer, unaccented
from knowledge.models import EntityKind, EventKind

_PLACE_PREPOSITION = re.compile(
    rf"\b(?P<prep>[Ii]n|[Aa]t|to|[Ii]nside|[Oo]utside|near|outskirts\s+of|suburbs?\s+of)\s+"
    rf"(?:the\s+)?(?P<name>{CAPITALISED}(?:\s+{CAPITALISED}){{0,2}})"
    rf"(?:,\s+(?P<country>{CAPITALISED}(?:\s+{CAPITALISED}){{0,2}}))?"
)
# "in the southern Italian town of X", "at the Black Sea resort of Sochi", "in the coastal town
# of X": a settlement named after its description; a demonym or country there gives its country.
# The noun is found first (a cheap scan), then the preposition and description before it.
_SETTLEMENT_OF = re.compile(
    rf"\b(?:city|town|village|port|resort|capital|island|hamlet|enclave|municipality|district|"
    rf"province|region|oasis)\s+of\s+(?P<name>{CAPITALISED}(?:\s+(?:[a-z]{{1,3}}-)?{CAPITALISED}){{0,2}})"
)
_DESCRIPTION_BEFORE = re.compile(
    r"\b(?P<prep>[Ii]n|[Aa]t|to|near|[Ii]nside|[Oo]utside)\s+the\s+(?P<desc>(?:[\w’'-]+\s+){0,4})$"
)
# "the summit's host", "the talks' host": the host of the event itself
_EVENT_POSSESSIVE = (
    r"(?:(?:summit|meeting|talks|conference|forum|gathering|negotiations|visit)(?:['’]s|['’])\s+)?"
)
_HOST_AFTER_NAME = re.compile(
    rf"(?P<name>{CAPITALISED}(?:\s+{CAPITALISED}){{0,3}})\s*,?\s+(?:(?:which|who)\s+)?"
    rf"(?:(?:will|would|is|was|are|were|has|had|be|being|set\s+to|due\s+to|to|agreed\s+to|"
    rf"offered\s+to|also|playing|play|plays|played|acting\s+as|ready|willing|prepared|keen|"
    rf"happy|expected|likely|poised|could|may|might|would)\s+)*"
    rf"(?:host(?:s|ed|ing)?|the\s+{_EVENT_POSSESSIVE}host|as\s+(?:the\s+)?host|"
    rf"co-host(?:s|ed|ing)?)\b(?!\s+of\b)"
)
# "the summit's host, X,", "The host, X,", "As host, X": the host named after the noun
_HOST_THEN_NAME = re.compile(
    rf"\b(?:[Tt]he\s+{_EVENT_POSSESSIVE}host(?:\s+(?:country|nation|city|government))?|"
    rf"[Aa]s\s+(?:the\s+)?host),\s+(?:the\s+)?(?P<name>{CAPITALISED}(?:\s+{CAPITALISED}){{0,3}})"
)
# "X, the host,", "X, the summit's host,": an apposition naming the event's host
_NAME_THE_HOST = re.compile(
    rf"(?P<name>{CAPITALISED}(?:\s+{CAPITALISED}){{0,3}}),\s+(?:the|as)\s+{_EVENT_POSSESSIVE}"
    r"host(?:\s+(?:country|nation|city|government))?\s*,"
)
_HOSTED_BY = re.compile(
    rf"\b(?:(?:hosted|co-hosted|organi[sz]ed|convened|sponsored)\s+by|at\s+the\s+invitation\s+of)"
    rf"\s+(?:the\s+)?"
    rf"(?P<name>{CAPITALISED}(?:\s+{CAPITALISED}){{0,3}})"
)
_HOST_NOUN = re.compile(
    rf"\bhost\s+(?:country|nation|city|government)\s+(?P<name>{CAPITALISED}(?:\s+{CAPITALISED}){{0,2}})",
    re.IGNORECASE,
)


@cache
def _citiesunaccented() -> dict[str, str]:
    """The gazetteer's cities by their names without accents ("Bogota" for "Bogotá")."""
    cities = load_gazetteer().city_to_country
    return {unaccented(city): country for city, country in cities.items()}


def _city_country(name: str) -> str | None:
    """The country of a city the gazetteer knows, written with or without its accents."""
    country = load_gazetteer().city_to_country.get(name)
    if country is None and not name.isascii():
        country = _citiesunaccented().get(unaccented(name))
    return country


def resolve_place_name(name: str) -> tuple[str | None, str | None]:
    """(city, country) for a place name, or (None, None) when the gazetteer does not know it."""
    gazetteer = load_gazetteer()
    words = name.split()
    # "Geneva Friday" or "Vienna Convention": try the longest known prefix.
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size])
        if candidate.endswith(".") and candidate not in gazetteer.country_by_surface:
            candidate = candidate[:-1]  # "in France.": the sentence's full stop
        extra = EXTRA_PLACES.get(candidate)
        if extra is not None:
            return candidate, extra
        city_country = _city_country(candidate)
        if city_country is not None:
            return candidate, city_country
        if candidate in gazetteer.countries or (
            candidate in gazetteer.country_by_surface
            and candidate not in gazetteer.demonym_to_country
            and candidate not in gazetteer.metonym_capitals
        ):
            return None, gazetteer.country_by_surface.get(candidate, candidate)
    bare = [w.rstrip(".,") for w in words]
    if is_venue(bare) and all(w[:1].isupper() or w in ("de", "del", "la", "di") for w in bare):
        # "in Union Square", "in Plaza Central": a place below city level; its country comes
        # from the dateline or a city named with it, when either is known
        return " ".join(bare), None
    return None, None


# Venues and towns that news copy names as meeting places but the shared gazetteer lacks
# (a small table of our own: the gazetteer belongs to the entity stage).
EXTRA_PLACES = {
    "Biarritz": "France",
    "Panmunjom": "North Korea",
    "Montreux": "Switzerland",
    "Bali": "Indonesia",
    "Cornwall": "United Kingdom",
    "Elmau": "Germany",
    "Evian": "France",
    "Deauville": "France",
    "Charlevoix": "Canada",
    "Taormina": "Italy",
}
_EXTRA_PLACE_NAMES = re.compile(r"\b(" + "|".join(map(re.escape, EXTRA_PLACES)) + r")\b")

_TRAVEL_BEFORE = re.compile(
    r"\b(?:travel\w*|fl(?:y|ies|ew|ying)|head\w*|go(?:es|ing)?|went|arriv\w*|return\w*|"
    r"trip|journey\w*)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


_RELATIVE_AFTER = re.compile(
    r"(?:\s[^,;.]{0,40}?)?,?\s+(?:which|that|who|scheduled|due|set|planned)\b"
)


def event_place(
    text: str, trigger: re.Match[str], kind: EventKind, clause: tuple[int, int]
) -> tuple[str | None, str | None]:
    best = _nearest_place(text, trigger, kind, *clause)
    if best is None and _RELATIVE_AFTER.match(text, trigger.end()):
        # "Talks, which were due to resume in Doha on Sunday, ...": a relative clause on the
        # trigger still describes the event
        best = _nearest_place(text, trigger, kind, trigger.end(), trigger.end() + 100)
    # "the Geneva talks", "the Helsinki summit": a city right before the trigger
    before = text[max(0, trigger.start() - 40) : trigger.start()]
    attributive = re.search(rf"({CAPITALISED}(?:\s+{CAPITALISED})?)\s+$", before)
    if attributive:
        city = attributive.group(1)
        country = load_gazetteer().city_to_country.get(city)
        if country is not None and (best is None or best[0] > 60):
            best = (0, city, country)
    if best is None:
        # "on the far side of the Evian lakefront": a known venue named in the clause
        # without a place preposition
        venue = _EXTRA_PLACE_NAMES.search(text, *clause)
        if venue is not None:
            return venue.group(1), EXTRA_PLACES[venue.group(1)]
        return None, None
    return best[1], best[2]


def _nearest_place(
    text: str, trigger: re.Match[str], kind: EventKind, start: int, end: int
) -> tuple[int, str | None, str | None] | None:
    best: tuple[int, str | None, str | None] | None = None
    end = min(end, len(text))
    # (start, preposition, name, a country after a comma, the description before a settlement)
    matches: list[tuple[int, str, str, str | None, str | None]] = [
        (m.start(), m.group("prep"), m.group("name"), m.group("country"), None)
        for m in _PLACE_PREPOSITION.finditer(text, start, end)
    ]
    for settlement in _SETTLEMENT_OF.finditer(text, start, end):
        lead = _DESCRIPTION_BEFORE.search(
            text, max(start, settlement.start() - 60), settlement.start()
        )
        if lead is not None:
            name = settlement.group("name")
            matches.append((lead.start(), lead.group("prep"), name, None, lead.group("desc")))
    for at, prep, name, country_name, description in matches:
        if (
            prep.casefold() == "to"
            and kind is not EventKind.VISIT
            and not _TRAVEL_BEFORE.search(text, max(0, at - 30), at)
        ):
            continue  # "to" is a destination only after a verb of travel
        city: str | None
        if description is not None:
            city, country = _described_place(name, description)
        else:
            city, country = resolve_place_name(name)
        if country is None and country_name:
            # "in Hamburg, Germany": an unknown city followed by a known country
            _, country = resolve_place_name(country_name)
            if country is not None:
                city = name
        if country is None and city is None:
            continue
        distance = abs(at - trigger.start())
        # places after the trigger ("talks in Geneva") read more naturally than before
        if at < trigger.start():
            distance += 40
        if best is None or distance < best[0]:
            best = (distance, city, country)
    return best


def _described_place(name: str, description: str) -> tuple[str, str | None]:
    """(city, country) of "the <description> city of <name>": the gazetteer's country for a
    known city, else the country a demonym or country word in the description names."""
    name = name.rstrip(".")
    city, country = resolve_place_name(name)
    if country is not None:
        return city or name, country
    gazetteer = load_gazetteer()
    words = description.split()
    for size in (2, 1):
        for at in range(len(words) - size + 1):
            phrase = " ".join(words[at : at + size])
            found = gazetteer.demonym_to_country.get(phrase) or (
                phrase if phrase in gazetteer.countries else None
            )
            if found is not None:
                return name, found
    return name, None


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


def _first_host(
    patterns: Sequence[re.Pattern[str]], text: str, named: Sequence[Named], index: EntityIndex
) -> str | None:
    """The host named by the first of ``patterns`` that matches."""
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return _canonical_name(match.group("name"), match.start("name"), named, index)
    return None


def stated_host(text: str, named: Sequence[Named], index: EntityIndex) -> str | None:
    """A host a sentence with no event word names for the event just named: "The host, X,
    has invited ...", "Host country X", "As host, X will ...", "X, the summit's host,"."""
    return _first_host((_HOST_THEN_NAME, _HOST_NOUN, _NAME_THE_HOST), text, named, index)


def event_host(text: str, named: Sequence[Named], index: EntityIndex) -> str | None:
    """The host a sentence naming an event gives: "hosted by X", "X will host", "with X
    hosting", "Host country X", "The host, X,"."""
    host = _first_host((_HOSTED_BY, _HOST_NOUN, _HOST_THEN_NAME), text, named, index)
    if host is not None:
        return host
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


_DISTRICT_MARK = re.compile(r"\s+(?:D\.\s?C\.|D\.\s?F\.|DC)$")


def dateline_place(dateline: str | None) -> tuple[str, str] | None:
    """(city, country) of a dateline such as "HANOI", "Tallinn, Estonia (CNN)"."""
    if not dateline:
        return None
    gazetteer = load_gazetteer()
    bare = re.sub(r"\(.*?\)|[-–—:]+\s*$", " ", dateline)
    parts = [p.strip() for p in re.split(r"[,/]", bare) if p.strip()]
    if not parts:
        return None
    # "Bogotá D.C.", "Mexico D.F.": the district's initials are no part of the city's name
    city = _DISTRICT_MARK.sub("", parts[0])
    city = city.title() if city.isupper() else city
    country = _city_country(city)
    if country is None and len(parts) > 1:
        country = gazetteer.country_of(parts[1].title() if parts[1].isupper() else parts[1])
    return (city, country) if country is not None else None
