"""Stage 2: people, organisations, countries, places and outlets, with titles and appositions.

The stage works on *runs*: maximal sequences of capitalised words ("French Foreign Minister
Anne Martin"). Each run is read left to right against the gazetteer (longest match first):
outlets, countries and their demonyms, cities, known organisations; title words ("Foreign
Minister") and honorifics ("Ayatollah", "Dr.") become the role of the name that follows; what is
left is a name chunk, classified as an organisation when it ends in an organisation head word
("... Policy Institute") or is an acronym, else as a person candidate.

A second pass reads the context around each person: a lower-case title just before the name
("US special envoy John Smith", "President Joe Biden's son Hunter Biden"), an
"of" phrase after it ("... of the Brookings Institution") and an apposition ("Maria Lopez,
the city's mayor,"). Candidates are then merged: a surname-only mention joins the full name it
ends ("Merkel" -> "Angela Merkel").

The result is an ``EntityIndex``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import cache

from knowledge.extract.entities.context import (
    SECTOR_NOUNS,
    apposition,
    copula_role,
    described_before,
    left_title,
    who_role,
)
from knowledge.extract.entities.index import EntityIndex, Mention, PersonRef, role_text
from knowledge.extract.entities.merge import merge
from knowledge.extract.entities.runs import PARTY_WORDS, Candidate, classify_run, is_given_name
from knowledge.extract.entities.vocabulary import (
    PARTY_BODIES,
    PLURAL_ROLES,
    STOPWORDS,
    party_affiliation,
)
from knowledge.extract.gazetteer import FIRMS_WITH_AND, Gazetteer, load_gazetteer
from knowledge.extract.gazetteer import words_of as _words
from knowledge.models import Article, EntityKind, Sentence

__all__ = [
    "OUTLET_NOUN_BEFORE",
    "EntityIndex",
    "Mention",
    "PersonRef",
    "find_entities",
    "role_text",
]

_UPPER = (  # upper-case letters incl. Latin accents: "Türkiye", "Şahin"
    "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
)


# A capitalised word (O'Brien and al-Assad included, a possessive 's excluded), a dotted
# acronym ("U.S."), an initial ("J.") or a dotted abbreviation ("Sen.", "Dr.").
_WORD = (
    rf"(?:(?:[{_UPPER}]\.){{2,}}"
    rf"|[{_UPPER}][\w]*(?:[-’'](?!s\b)[\w]+)*\.?"
    rf"|(?:al|el|bin|ibn|van|von|de|di|da|du|der|den|del|la|le)-[{_UPPER}][\w]*)"
)


# Runs may bridge "of" / "of the" so that "Secretary of State Mike Pompeo" and "Bank of
# England" are read whole; the classifier splits them again where "of" starts an affiliation.
# Lower-case name particles ("Ursula von der Leyen", "Mohammed bin Salman") join a run too.
_PARTICLES = r"(?:von|van|der|den|de|da|di|du|la|le|bin|ibn|al|el|ben|dos|das|del|y)"
_RUN = re.compile(
    rf"{_WORD}(?:(?:[ \t]+of[ \t]+(?:the[ \t]+)?|(?:[ \t]+{_PARTICLES})*[ \t]+){_WORD})*"
)


# A stock symbol in brackets: "(NYSE: ACME)", "(Nasdaq: ABCD)", "(PEUP.PA)", "(VOWG_p.DE)".
_TICKER = re.compile(
    r"\((?:(?:NYSE|NASDAQ|Nasdaq|AMEX|NYSE American|LSE|TSX|TSXV|ASX|OTC|BATS|HKEX|SGX)"
    r"\s*:\s*[A-Za-z.]{1,8}|[A-Za-z0-9_]{1,8}\.[A-Z]{1,3}(?:\s*[,;]\s*[A-Za-z0-9_]{1,8}"
    r"\.[A-Z]{1,3})*)\)"
)


_OF_AFTER = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?")
# A lower-case place noun after a body's name makes the name a building's or site's.
_VENUE_NOUN_AFTER = re.compile(
    r"\s+(?:building|buildings|headquarters|HQ|offices|premises|compound|complex|campus|"
    r"residence|site|grounds)\b"
)


# Verbs that, right after a capitalised name, show it is a person (no noun homographs such as
# "report" or "claims": "the Hatch report" is no person).
_CUE_WORDS = (
    "said|says|told|tells|added|adds|explained|explains|noted|argued|argues|warned|warns|"
    "recalled|recalls|wrote|writes|asked|insisted|insists|stated|replied|responded|joked|"
    "acknowledged|admitted|admits|confirmed|announced|tweeted|testified|conceded|predicted|"
    # characterising verbs before a quoted label: "X called the comments “surreal”"
    "called|blasted|described|slammed|labeled|labelled|dubbed|denounced"
)


# After a name: an age (", 54,"), a relative "who" (bodies take "which"), or a cue.
_PERSON_AFTER = re.compile(
    r"\s*(?:,\s*\d{1,3}\s*,|,\s+who\b|(?:,[^,“”\"]{1,80},\s*)?(?:also\s+|later\s+|then\s+)?"
    rf"(?:{_CUE_WORDS})\b)"
)


_PERSON_AFTER_SINGLE = re.compile(
    rf"\s*(?:,\s*\d{{1,3}}\s*,|,\s+who\b|\s+(?:also\s+|later\s+|then\s+)?(?:{_CUE_WORDS})\b)"
)


_CREDIT_AFTER = re.compile(r"\s*/\s*(?:[A-Z][\w.&-]*\s*)+(?:\)|$|\n)")


_NP_END = re.compile(r"\s*(?:[,.;:]|$)")


_PERSON_BEFORE = re.compile(
    r"\b(?:said|says|added|asked|according to)\s+(?:[A-Z][\w&.-]*[’']s\s+)?$"
)


_COUNTERPART_BEFORE = re.compile(r"\bcounterparts?,?\s+$")
_COUNTERPART_OF = re.compile(r"\b(?:his|her|their)\s+(?P<demonym>[A-Z]\w+)\s+counterpart,?\s+$")


# Capitalised words that open a clause or phrase rather than a name ("Outside the Commons").
_NOT_NAME_OPENERS = frozenset(
    _words(
        """Inside Outside Beyond Behind Across Along Amid Amidst Beneath Above Below Beside
        Afterwards Like Unlike Past Via Per Including Excluding Following Regarding
        Concerning Despite Throughout Watch Meet Ask Tell Call Thank Join Vote Back Blame"""
    )
)


# After a name with no comma: " and <Name>" continues a list of names (an apposition closes
# with a comma: "the prime minister, Keir Starmer, and ...").
_LIST_GOES_ON = re.compile(r" and (?:the )?[A-Z]")
_LIST_ITEM_AFTER = re.compile(r",? and (?:the )?[A-Z]")

# What follows a name in apposition: the closing comma, or the speech verb at once.
_APPOSITION_CLOSES = re.compile(r",|\s+(?:said|says|told|added|announced|wrote)\b")

# "the daily Helsingin Sanomat", "the broadcaster Radio Vesto", "the news agency X": a name
# after an outlet noun is an outlet even when the gazetteer does not know it (other
# countries' press). "the veteran broadcaster Jane Roe" stays a person: see the given name.
OUTLET_NOUN_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts)|[A-Z][\w.-]*[’']s)\s+(?:(?:state|public|private|local|national|regional|independent|"
    r"pro-government|opposition|leading|online|financial|business|weekly|daily|evening|"
    r"morning|\w+-language|[A-Z]\w+)\s+){0,2}"
    r"(?:daily|weekly|newspaper|paper|tabloid|broadsheet|magazine|broadcaster|news\s+agency|"
    r"news\s+site|news\s+website|news\s+portal|television\s+channel|TV\s+channel|"
    r"radio\s+station|wire\s+service)\s+$"
)


def _surnames_not_outlets(text: str, candidates: list[Candidate]) -> None:
    """ "Hill said" after "Christopher Hill": the person's surname, not the paper "The Hill".

    Only a bare form of a "The X" outlet, not written after "the", and only when a person of
    the article is named in full with that surname.
    """
    full: dict[str, str] | None = None
    for k, cand in enumerate(candidates):
        if cand.kind is not EntityKind.OUTLET or cand.name != "The " + cand.surface:
            continue
        if text[max(0, cand.start - 4) : cand.start].casefold() == "the ":
            continue
        if full is None:
            full = {
                c.name.rsplit(" ", 1)[-1]: c.name
                for c in candidates
                if c.kind is EntityKind.PERSON and " " in c.name
            }
        person = full.get(cand.surface)
        if person is not None:
            candidates[k] = Candidate(
                cand.start, cand.end, cand.surface, EntityKind.PERSON, cand.surface, evidence=True
            )


_OUTLET_NOUN_TAIL = re.compile(
    r"(?:daily|weekly|paper|tabloid|broadsheet|magazine|broadcaster|agency|site|portal|channel|"
    r"station|service)\s+$"
)


def _outlet_named_after(gaz: Gazetteer, text: str, start: int, end: int) -> Candidate | None:
    """The run as an outlet when an outlet noun stands right before it, else None."""
    if not _OUTLET_NOUN_TAIL.search(text, max(0, start - 16), start):
        return None  # most runs: no outlet noun right before, skip the longer search
    if not OUTLET_NOUN_BEFORE.search(text, max(0, start - 60), start):
        return None
    surface = text[start:end].rstrip(".,;:")
    for suffix in ("’s", "'s"):
        surface = surface.removesuffix(suffix)
    first = surface.split()[0] if surface.split() else ""
    if not first or is_given_name(first) or first in gaz.honorifics:
        return None
    return Candidate(start, start + len(surface), surface, EntityKind.OUTLET, surface)


def _join_the_names(gaz: Gazetteer, text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "Reform the Senate Campaign", "says Save the Rivers": a body named by a phrase with
    "the" inside. Runs never bridge a bare "the", so its halves come apart; joined here when
    the second half is a body ("... Campaign") or the whole phrase speaks ("says X the Y")."""
    # only the places where one candidate ends at " the " and another starts after it
    # (found through str.find: a Python step per candidate cost ~0.7% of extraction)
    by_end: dict[int, int] | None = None
    pairs: list[int] = []
    at = text.find(" the ")
    while at >= 0:
        # only "<Capitalised> the <Capitalised>" can join
        if text[at + 5 : at + 6].isupper() and text[text.rfind(" ", 0, at) + 1].isupper():
            if by_end is None:
                by_end = {c.end: k for k, c in enumerate(candidates)}
            k = by_end.get(at)
            if k is not None and k + 1 < len(candidates) and candidates[k + 1].start == at + 5:
                pairs.append(k)
        at = text.find(" the ", at + 5)
    if not pairs:
        return candidates
    out = list(candidates)
    for k in reversed(pairs):
        first, second = candidates[k], candidates[k + 1]
        if (
            first.kind is not EntityKind.PERSON
            or " " in first.name
            or first.title
            or first.honorific
            or first.party
            or is_given_name(first.name)
            or first.name in _NOT_NAME_OPENERS
            or gaz.starts_title(first.name)
        ):
            continue
        body = second.kind is EntityKind.ORGANISATION and second.name == second.surface
        lone = (
            second.kind is EntityKind.PERSON
            and " " not in second.name
            and not (second.title or second.honorific)
        )
        if body or (lone and _speaks(text, first.start, second.end)):
            surface = text[first.start : second.end]
            out[k : k + 2] = [
                Candidate(first.start, second.end, surface, EntityKind.ORGANISATION, surface)
            ]
    return out


# A name set in quote marks after "on", "told", "to", "in": the title of a programme, book or
# film ('appeared on “Meet the Press”', 'told "The Morning Show"').
_TITLE_QUOTED_BEFORE = re.compile(r"\b(?:on|told|to|in|of)\s+[“\"](?:The\s+)?$")
_TITLE_QUOTED_AFTER = re.compile(r"[.,!?]?[”\"]")


def _opening_title_words(gaz: Gazetteer, text: str, candidates: list[Candidate]) -> None:
    """ "Regulator Tom Pike said": a capitalised common noun opening a sentence before a
    given name and a surname is the person's title, not a first name.

    Only where the word ends like a noun for what people do, is no given name, place or
    body, and the next word is a common given name: "Regulator" is capitalised only
    because it opens the sentence.
    """
    for cand in candidates:
        if cand.kind is not EntityKind.PERSON or cand.title or cand.honorific:
            continue
        words = cand.name.split()
        if len(words) != 3 or not _opens_at(text, cand.start):
            continue
        first = words[0]
        if (
            not first.isalpha()
            or not first[1:].islower()
            or not first.endswith(_AGENT_ENDINGS)
            or first in _NOT_AGENTS
            or is_given_name(first)
            or not is_given_name(words[1])
            or gaz.country_of(first)
            or first in STOPWORDS
        ):
            continue
        cut = len(first) + 1
        cand.title, cand.title_start = first.lower(), cand.start
        cand.start += cut
        cand.name = " ".join(words[1:])
        cand.surface = cand.surface[cut:]


# Endings of nouns for what people do ("Regulator", "Cinematographer", "Referee", "Agent",
# "Economist"): a word without one ("Armand", "Joining", "Dead") may be part of the name.
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ent", "man", "woman", "ee", "eur", "ive")
# Sentence openers with such an ending that name no one's job.
_NOT_AGENTS = frozenset(
    _words(
        """After Over Under Never Neither Either Whether Other Rather Ever However Later
        Together Further Nor For Or Major Minor Prior Earlier Another Whatever Whoever
        Meanwhile Silent Recent Current Former Latter Elder Younger Older Anger Despite"""
    )
)


# Common nouns for a business that copy puts before its name ("bookmaker William Hill",
# "the retailer Ted Baker", "carmaker John Deere"): what follows is the firm, however much its
# name looks like a person's. No person is introduced this way.
_FIRM_NOUNS = (
    r"bookmakers?|retailers?|carmakers?|automakers?|firm|company|bank|lender|insurer|airline|"
    r"supermarkets?|supermarket\s+chain|chain|brewer|manufacturer|maker|giant|conglomerate|"
    r"grocer|housebuilder|builder|miner|chipmaker|drugmaker|outfitter|store|department\s+store"
)
# Nouns that introduce a person as often as a firm ("publisher Rupert Roe", "broadcaster Jo
# Park"): a firm only when the name is also spoken of as one (see _SPOKEN_OF_AS_FIRM).
_SHARED_NOUNS = r"publisher|broadcaster|label|agency|operator"
_FIRM_BEFORE = re.compile(
    rf"(?:^|(?<=[\s(“\"]))(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[\w’'&-]+\s+){{0,2}}?"
    rf"(?P<noun>(?i:{_FIRM_NOUNS})|(?P<shared>(?i:{_SHARED_NOUNS})))\s+$"
)
# The last words of those nouns, for a quick test before the search.
_FIRM_WORDS = frozenset(
    _words(
        """bookmaker bookmakers retailer retailers carmaker carmakers automaker automakers firm
        company bank lender insurer airline supermarket supermarkets chain brewer manufacturer
        maker giant conglomerate grocer housebuilder builder miner chipmaker drugmaker
        outfitter store publisher broadcaster label agency operator"""
    )
)
_SPOKEN_OF_AS_FIRM = re.compile(
    r"\s*(?:plc|PLC|Ltd|Inc|Group|Holdings)\b|,\s+which\b|(?:’s|'s)\s+shares\b"
)
_SHARES_IN = re.compile(r"\b[Ss]hares\s+(?:in|of)\s+(?:(?:the|a)\s+)?(?:[\w’'&-]+\s+){0,2}$")


def _firms_named_like_people(text: str, candidates: list[Candidate]) -> None:
    """ "Bookmaker William Hill said ...": a person-like name after a business noun is the
    business (an organisation), whatever title the name's reading gave it; its last word
    alone later ("Hill said") is the business too, unless a person of that name is named."""
    firms: dict[str, str] = {}
    for k, cand in enumerate(candidates):
        if cand.kind is not EntityKind.PERSON or not cand.name:
            continue
        at = cand.title_start if cand.title_start is not None else cand.start
        # the title read into the name, or the word right before it, must be a business
        # noun: most names fail these set tests, so the search below runs for few of them
        if cand.title is None or cand.title.split()[-1] not in _FIRM_WORDS:
            if at < 2 or text[at - 1] != " ":
                continue
            before = text[max(0, at - 24) : at].rsplit(None, 1)
            if not before or before[-1].lower() not in _FIRM_WORDS:
                continue
        found = _FIRM_BEFORE.search(text, max(0, cand.start - 50), cand.start)
        if found is None or found.start() > at:
            continue
        if found.group("shared") and not (
            _SPOKEN_OF_AS_FIRM.match(text, cand.end)
            or _SHARES_IN.search(text, max(0, found.start("noun") - 40), found.start("noun"))
        ):
            continue
        candidates[k] = Candidate(
            cand.start, cand.end, cand.surface, EntityKind.ORGANISATION, cand.name
        )
        if " " in cand.name:
            firms[cand.name.rsplit(" ", 1)[-1]] = cand.name
    if not firms:
        return
    people = {
        c.name.rsplit(" ", 1)[-1]
        for c in candidates
        if c.kind is EntityKind.PERSON and " " in c.name
    }
    for k, cand in enumerate(candidates):
        firm = firms.get(cand.name) if cand.kind is EntityKind.PERSON else None
        if firm is not None and cand.name not in people and not cand.title and not cand.honorific:
            # "George Wimpey ... Wimpey said": the firm's short name
            candidates[k] = Candidate(
                cand.start, cand.end, cand.surface, EntityKind.ORGANISATION, firm
            )


def _full_name_surnames(candidates: list[Candidate]) -> set[str]:
    """The last words of the people the article names in full: such a word is their surname,
    not half of a body's name ("Obama & Romney", "Ann Moe and Sen. Roe")."""
    return {
        c.name.rsplit(" ", 1)[-1]
        for c in candidates
        if c.kind is EntityKind.PERSON and " " in c.name
    }


@cache
def _firms_spelled_out() -> dict[str, str]:
    """Each "&" firm spelled with "and" ("Marks and Spencer"), and the firm it means."""
    return {firm.replace(" & ", " and "): firm for firm in FIRMS_WITH_AND}


def _firms_with_and(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "Marks and Spencer", "Procter and Gamble": a firm the gazetteer knows by its "&" name,
    spelled out with "and", is one body (runs stop at "and" and read "Marks" as a person)."""
    if " and " not in text:
        return candidates
    firms = _firms_spelled_out()
    spans: list[tuple[int, int, str]] = []
    at = text.find(" and ")
    while at >= 0:
        # every such firm is "<Word> and <Word>": test the words around each "and"
        start = text.rfind(" ", 0, at) + 1
        end = at + 5
        while end < len(text) and (text[end].isalnum() or text[end] in "'’"):
            end += 1
        if text[start:end] not in firms and text.endswith(("'s", "’s"), start, end):
            end -= 2  # "Ernst and Young's Priya Kell": the firm before its possessive
        firm = firms.get(text[start:end])
        if firm is not None and (start == 0 or not text[start - 1].isalnum()):
            spans.append((start, end, firm))
        at = text.find(" and ", at + 5)
    return _as_bodies(text, candidates, spans)


def _as_bodies(
    text: str, candidates: list[Candidate], spans: list[tuple[int, int, str]]
) -> list[Candidate]:
    """Each (start, end, name) span is one body: the candidates inside it give way to it."""
    if not spans:
        return candidates
    kept = [c for c in candidates if not any(a <= c.start and c.end <= b for a, b, _ in spans)]
    kept.extend(Candidate(a, b, text[a:b], EntityKind.ORGANISATION, name) for a, b, name in spans)
    return sorted(kept, key=lambda c: c.start)


# Titles held at a body, not at a place: whoever is "spokesman for X" or "chief executive of X"
# works for an organisation, even when its name ends like a venue ("Pancake Palace").
_BODY_TITLE_WORDS = frozenset(
    _words(
        """spokesman spokeswoman spokesperson executive ceo chairman chairwoman chair founder
        director president manager owner"""
    )
)


def _employers_are_bodies(
    gaz: Gazetteer, candidates: list[Candidate], people: list[Candidate]
) -> None:
    """A "place" that someone is spokesman or chief executive of is a body (in place)."""
    employers = {
        p.affiliation
        for p in people
        if p.affiliation and p.title and p.title.split()[-1] in _BODY_TITLE_WORDS
    }
    if not employers:
        return
    for cand in candidates:
        if (
            cand.kind is EntityKind.PLACE
            and cand.name in employers
            and cand.name not in gaz.city_to_country
            and cand.name not in gaz.region_to_country
            and cand.name not in gaz.country_by_surface
        ):
            cand.kind = EntityKind.ORGANISATION
            cand.country = None


# "MAPLE's Fund": a name in capitals with a possessive, then one capitalised word that ends it.
_CAPS_POSSESSIVE_NAME = re.compile(r"([A-Z]{3,})['’]s ([A-Z][a-z]+)\b(?! [A-Z])")
_POSSESSIVE_MARK = re.compile(r"['’]s [A-Z]")


def _caps_possessive_names(
    gaz: Gazetteer, text: str, candidates: list[Candidate]
) -> list[Candidate]:
    """ "MAPLE's Fund": a body whose name is a word in capitals, a possessive and a noun, is
    one body (the run stops at the possessive and leaves "MAPLE"). Not when the capitals are
    a known body, outlet or country ("NATO's Secretary General", "CNN's Newsroom") or the
    noun is a title or a place."""
    if "s " not in text:
        return candidates
    spans: list[tuple[int, int, str]] = []
    for mark in _POSSESSIVE_MARK.finditer(text):
        # most possessives follow a word in lower case: test the capitals before the pattern
        if not text[max(0, mark.start() - 3) : mark.start()].isupper():
            continue
        start = mark.start()
        while start > 0 and "A" <= text[start - 1] <= "Z":
            start -= 1
        if start > 0 and text[start - 1].isalnum():
            continue  # "McDONALD's": capitals inside a longer word
        match = _CAPS_POSSESSIVE_NAME.match(text, start)
        if match is None:
            continue
        caps, noun = match.group(1), match.group(2)
        if _known_body(gaz, caps) or noun.lower() in gaz.titles or _known_body(gaz, noun):
            continue
        if noun in gaz.city_to_country or noun in gaz.region_to_country:
            continue
        if re.search(rf"\b{caps}\b(?!['’]s {noun}\b)", text):
            continue  # "the FDA said ... FDA's Marsh": the capitals are a body of their own
        spans.append((match.start(), match.end(), match.group(0).replace("’", "'")))
    return _as_bodies(text, candidates, spans)


def _ampersand_names(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "Procter & Gamble", "Marks & Spencer", "Bradford & Bingley": two capitalised names
    joined by "&" are one body's name (runs stop at "&", and each half alone is no one).
    Not when either half is a country, an outlet, or the surname of a person the article
    names in full ("Obama & Romney" in a headline)."""
    if " & " not in text:
        return candidates
    surnames = _full_name_surnames(candidates)
    out: list[Candidate] = []
    k = 0
    while k < len(candidates):
        first = candidates[k]
        second = candidates[k + 1] if k + 1 < len(candidates) else None
        if (
            second is not None
            and text[first.end : second.start] == " & "
            and all(
                c.kind in (EntityKind.PERSON, EntityKind.ORGANISATION)
                and not c.title
                and not c.honorific
                and c.name not in surnames
                and not c.surface.isupper()  # "QUIT MITT & RECRUIT NEWT": a slogan
                # "Mike Allen & Jake Sherman": two people named in full
                and not (" " in c.name and is_given_name(c.name.split()[0]))
                for c in (first, second)
            )
            and len(text[first.start : second.end].split()) <= 6
        ):
            surface = text[first.start : second.end]
            out.append(
                Candidate(first.start, second.end, surface, EntityKind.ORGANISATION, surface)
            )
            k += 2
            continue
        out.append(first)
        k += 1
    return out


# Head words of a body that names its remit with "for": "Ministry for Foreign Affairs",
# "Department for Education", "Centre for Policy Studies", "Office for National Statistics".
_FOR_HEADS = frozenset(
    _words(
        """Ministry Department Office Centre Center Council Commission Agency Secretariat
        Institute Foundation Committee Fund Trust Directorate Authority Bureau"""
    )
)
_ATTRIBUTIVE_REMIT = re.compile(r" for the [A-Z][\w’'-]* [a-z]")
_FOR_REMIT = re.compile(
    r" for (?:the )?[A-Z][\w’'-]*(?:(?: and(?: the)?| of(?: the)?| for)? [A-Z][\w’'-]*)*"
)


def _bodies_for(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A body's name runs on over "for" and its capitalised remit ("the Ministry for Foreign
    Affairs announced"): runs stop at "for", which left an organisation "Ministry"."""
    if " for " not in text:
        return candidates
    out: list[Candidate] = []
    cut_until = -1
    for cand in candidates:
        if cand.start < cut_until:
            continue  # a piece of the remit read alone ("Affairs", "Europe")
        if cand.kind is EntityKind.ORGANISATION and cand.surface.rsplit(" ", 1)[-1] in _FOR_HEADS:
            remit = _FOR_REMIT.match(text, cand.end)
            if remit is not None and _ATTRIBUTIVE_REMIT.match(text, cand.end):
                remit = None  # "the State Department for the Benghazi attack"
            if remit is not None:
                surface = text[cand.start : remit.end()]
                cand = Candidate(cand.start, remit.end(), surface, EntityKind.ORGANISATION, surface)
                cut_until = remit.end()
        out.append(cand)
    return out


_CHAMBERS = frozenset(("Congress", "House", "Senate", "Parliament", "Legislature"))


def _known_body(gaz: Gazetteer, surface: str) -> bool:
    """Whether the gazetteer names this phrase as a body, outlet or country of its own."""
    return (
        surface in gaz.org_by_surface
        or surface in gaz.outlet_by_surface
        or surface in gaz.country_by_surface
    )


def _and_bodies_before_titles(
    gaz: Gazetteer, text: str, candidates: list[Candidate]
) -> list[Candidate]:
    """ "Health and Human Services Secretary X", "Homeland Security and Governmental Affairs
    Committee Chairman Y": a body named "A and B" before a title is one body, the holder's
    affiliation (runs stop at "and", which left "Human Services" and a person "Health").
    Only when B stands right before the title and name, A is no country, outlet, titled
    person or name with a given name ("Britain and France", "Ann Moe and Sen. Roe")."""
    if " and " not in text:
        return candidates
    surnames = _full_name_surnames(candidates)
    out: list[Candidate] = []
    k = 0
    while k < len(candidates):
        first = candidates[k]
        if k + 2 < len(candidates) and first.name not in surnames:
            second, holder = candidates[k + 1], candidates[k + 2]
            if (
                text[first.end : second.start] == " and "
                and second.kind is EntityKind.ORGANISATION
                and holder.kind is EntityKind.PERSON
                and holder.title
                and holder.affiliation == second.surface
                and first.kind in (EntityKind.PERSON, EntityKind.ORGANISATION)
                and not first.title
                and not first.honorific
                and not first.surface.isupper()
                and not is_given_name(first.name.split()[0])
                and len(first.surface.split()) <= 3
                # "Congress and United Nations ambassador": two bodies the gazetteer knows
                and not _known_body(gaz, first.surface)
                and not _known_body(gaz, second.surface)
                # "Glen Doherty and Information Management officer X", "Boehner and House
                # Majority Leader Y": a person's name, whose last word the article never
                # writes in lower case (as it does "health" or "security")
                and f" {first.surface.rsplit(' ', 1)[-1].lower()} " in text
                # "Congress and United Nations Ambassador X": a chamber is a body alone
                and first.surface not in _CHAMBERS
            ):
                surface = text[first.start : second.end]
                out.append(
                    Candidate(first.start, second.end, surface, EntityKind.ORGANISATION, surface)
                )
                holder.affiliation = surface
                k += 2
                continue
        out.append(first)
        k += 1
    return out


# "the Council of European Registries (CENTR)" / "CENTR, the Council of European Registries,":
# what stands between a body's full name and its acronym when the article pairs them.
_ACRONYM_AFTER = re.compile(r"\s*\(\s*$")
_NAME_AFTER_ACRONYM = re.compile(r",\s+(?:the\s+)?$")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,9}s?")
_MINOR_WORDS = frozenset(_words("of the and for on in de du des la le del"))


def _acronyms_joined(text: str, candidates: list[Candidate]) -> None:
    """An acronym the article pairs with a body's full name names that body: every mention
    of it becomes a mention (and alias) of the full name."""
    full_of: dict[str, str] = {}
    for k in range(len(candidates) - 1):
        first, second = candidates[k], candidates[k + 1]
        if not (first.surface.isupper() or second.surface.isupper()):
            continue  # most pairs: neither is an acronym
        pair: tuple[Candidate, Candidate] | None = None
        if _ACRONYM_AFTER.fullmatch(text, first.end, second.start) and text.startswith(
            ")", second.end
        ):
            pair = (first, second)  # "Full Name (ACR)"
        elif _NAME_AFTER_ACRONYM.fullmatch(text, first.end, second.start):
            pair = (second, first)  # "ACR, the Full Name,"
        if pair is None:
            continue
        full, short = pair
        if (
            full.kind is not EntityKind.ORGANISATION
            or " " not in full.name
            or not _ACRONYM.fullmatch(short.surface)
            or not _initials_spell(full.name, short.surface.rstrip("s"))
        ):
            continue
        full_of[short.surface] = full.name
    if not full_of:
        return
    for k, cand in enumerate(candidates):
        name = full_of.get(cand.surface)
        if name is not None:
            candidates[k] = Candidate(
                cand.start, cand.end, cand.surface, EntityKind.ORGANISATION, name
            )


def _initials_spell(name: str, acronym: str) -> bool:
    """Whether the acronym's letters are, in order, initials of the name's words (first
    letter first): CENTR for "Council of European National Top Level Domain Registries"."""
    initials = [w[0].upper() for w in name.replace("-", " ").split() if w not in _MINOR_WORDS]
    letters = acronym.replace("&", "")
    if not initials or not letters or initials[0] != letters[0]:
        return False
    at = 0
    for letter in letters:
        while at < len(initials) and initials[at] != letter:
            at += 1
        if at == len(initials):
            return False
        at += 1
    return len(letters) >= 2


def _opens_at(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence or a paragraph."""
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return before == "" or before[-1] in ".!?\n"


def _speaks(text: str, start: int, end: int) -> bool:
    """Whether a speech verb stands right before or after ``text[start:end]``."""
    if _PERSON_AFTER_SINGLE.match(text, end, end + 100):
        return True
    window = text[max(0, start - 40) : start]
    return _PERSON_BEFORE.search(window) is not None


# Titles whose holder speaks for a body ("said co-ordinator X", "spokeswoman Y"): with no
# body named beside them, it is the one named just before.
_BODY_ROLES = frozenset(
    _words("""co-ordinator coordinator organiser organizer convener convenor campaigner""")
)


def _body_for(
    title: str, at: int, text: str, bodies: list[Candidate], starts: list[int]
) -> str | None:
    """The organisation a title before a name belongs to when the title names none.

    "charity boss X", "party leader Y": the last body of that sector named before (a party
    for "party", any body for "charity" or "campaign"); "said co-ordinator Z": a body named
    in the ~300 characters before.
    """
    words = title.split()
    sector = words[0] if words[0] in SECTOR_NOUNS and len(words) > 1 else None
    if sector is not None and sector != "charity" and sector not in _ORG_HEAD_SECTORS:
        return None  # "campaign manager": no body of its own kind to look for
    if sector is None and words[-1] not in _BODY_ROLES:
        return None
    k = bisect_left(starts, at)
    lowest = 0 if sector is not None else at - 300
    while k > 0:
        k -= 1
        body = bodies[k]
        if body.start < lowest:
            break
        if body.end > at:
            continue
        if sector is None or sector == "charity":
            return body.name  # charities' names rarely say what they are ("Youth Concern")
        if sector in _ORG_HEAD_SECTORS and sector in body.name.lower().split():
            return body.name
    return None


# "then-", "the then", "former" or "ex-" before a title and the body's name that opens it:
# the office is past ("former President X" keeps "former", which the name run drops)
# (a bare "then" may be the adverb: "and then Senator X spoke").
# "then-Republican candidate X" marks the party the person has since left, not a past office.
_THEN_BEFORE = re.compile(
    r"(?:\b(?P<then>[Tt]hen-)|\b[Tt]he then |\b[Ff]ormer |\b[Ee]x-)"
    r"(?P<first>[A-Z][\w&.’'-]*)?\s*(?:[A-Z][\w&.’'-]*\s+){0,3}$"
)
# ", the group's president", ", the company's chief executive": an apposition whose owner
# is a body the article named before by its name.
_OWN_BODY = re.compile(
    r",\s+(?:the|its)\s+(group|company|firm|organi[sz]ation|charity|party|union|agency|bank"
    r"|council|committee|board|club|foundation|trust|association|network|coalition|alliance"
    r"|society|movement|institute|league|church|body)(?:’s|'s)\s"
)
# Bodies of government that an article names in passing, rarely "the group" it describes.
_NOT_OWN_BODIES = frozenset(
    _words("Congress Senate House Parliament Pentagon Kremlin Government Administration")
) | {"White House"}
# "a spokesman for the Regional Anti-Smuggling Office said ...": an unnamed spokesperson's body.
_SPOKESPERSON_FOR = re.compile(
    r"\b(?P<title>spokes(?:man|woman|person)|press secretary)\s+(?:for|of|at)\s+(?:the\s+)?"
)
_SPOKESPERSON_REACH = 500


def _spokesperson_for(title: str, at: int, text: str) -> str | None:
    """ "A spokesman for the X Office said ... spokesman Jo Roe said": the body the
    unnamed spokesperson just before spoke for is the named one's."""
    if title.split()[-1] not in ("spokesman", "spokeswoman", "spokesperson", "secretary"):
        return None
    found = None
    for match in _SPOKESPERSON_FOR.finditer(text, max(0, at - _SPOKESPERSON_REACH), at):
        if match.group("title") in title:
            found = match
    if found is None:
        return None
    body = _BODY_NAME.match(text, found.end())
    if body is None:
        return None
    return body.group(0).removesuffix("’s").removesuffix("'s") or None


# A body's capitalised name, with its inner connectors: "Regional Anti-Smuggling Office".
_BODY_NAME = re.compile(
    r"[A-Z][\w&’'.-]*(?:\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?[A-Z][\w&’'.-]*)*"
)


# How far back a body may be named for "the group's" to mean it: the paragraph or so before.
_OWN_BODY_REACH = 400


def _recent_body(noun: str, at: int, bodies: list[Candidate]) -> str | None:
    """The body "the <noun>'s" means: the last organisation named before ``at`` within reach,
    one whose name has the noun ("... Party") when the noun is also a name's head word."""
    named = sorted(
        (
            b
            for b in bodies
            if b.end <= at
            and at - b.start <= _OWN_BODY_REACH
            and b.name not in _NOT_OWN_BODIES
            and (noun == "party" or not b.name.endswith(" Party"))
        ),
        key=lambda b: b.start,
    )
    if noun in _ORG_HEAD_SECTORS and noun not in ("group", "company"):
        headed = [b for b in named if noun in b.name.lower().split()]
        named = headed or named
    return named[-1].name if named else None


# Sector nouns that are also the head word of such bodies' names ("... Party", "... Union").
_ORG_HEAD_SECTORS = frozenset(
    _words(
        """union party group council bank company committee board club agency foundation trust
        association network coalition alliance society movement institute league church"""
    )
)


def find_entities(article: Article, sentences: list[Sentence]) -> EntityIndex:
    """Find and merge the entities of an article (``sentences`` bound the text searched)."""
    gaz = load_gazetteer()
    text = article.text
    as_of: date | None = article.published.date() if article.published else None
    candidates: list[Candidate] = []
    ranges = [(s.start, s.end) for s in sentences] if sentences else []
    tickers = [t.span() for t in _TICKER.finditer(text)]
    for r_start, r_end in ranges:
        for m in _RUN.finditer(text, r_start, r_end):
            if m.group(0) in STOPWORDS:
                continue  # a lone "The", "But", "Monday": nothing to classify
            if tickers and any(a <= m.start() < b for a, b in tickers):
                continue  # "(NYSE: ACME)", "(PEUP.PA)": a stock symbol, no body
            glued = text[m.start() - 1] if m.start() > 0 else " "
            if glued in "@#_" or (glued.isalnum() and " " not in m.group(0)):
                # "@realDonaldTrump", "#MeToo": a handle or hashtag, no name (but
                # "iReporter Matt Able" still names Matt Able)
                continue
            found = classify_run(gaz, text, m.start(), m.end())
            named = _outlet_named_after(gaz, text, m.start(), m.end())
            if named is not None and all(c.kind is not EntityKind.OUTLET for c in found):
                found = [named]
            candidates.extend(found)
    candidates = _join_the_names(gaz, text, candidates)
    _surnames_not_outlets(text, candidates)
    _opening_title_words(gaz, text, candidates)
    _firms_named_like_people(text, candidates)
    _acronyms_joined(text, candidates)
    candidates = _ampersand_names(text, candidates)
    candidates = _firms_with_and(text, candidates)
    candidates = _caps_possessive_names(gaz, text, candidates)
    candidates = _and_bodies_before_titles(gaz, text, candidates)
    candidates = _bodies_for(text, candidates)
    ends = {c.end: c for c in candidates}
    starts = {c.start: c for c in candidates}
    role_mentions: list[tuple[int, int, str]] = []
    people: list[Candidate] = []
    # organisations in text order, built when a title first needs its body
    bodies: list[Candidate] | None = None
    # surnames of people named in full, built when a title first needs them
    surnames: dict[str, str] = {}

    def full_names() -> dict[str, str]:
        if not surnames:
            surnames.update(
                (c.name.rsplit(" ", 1)[-1], c.name)
                for c in reversed(candidates)
                if c.kind is EntityKind.PERSON and " " in c.name
            )
            surnames.setdefault("", "")  # built, even when no one is named in full
        return surnames

    body_starts: list[int] = []
    for cand in candidates:
        if cand.kind is not EntityKind.PERSON:
            continue
        if not cand.name:
            role_mentions.append((cand.start, cand.end, cand.title or ""))
            continue
        if _CREDIT_AFTER.match(text, cand.end, cand.end + 40):
            # "( Peter Lee / Waterloo Region Record )": a photographer's credit, not a person
            # of the story (left out of ``people``, so never recorded)
            continue
        opening = text[cand.start - 5 : cand.start] if cand.start >= 5 else ""
        if (
            opening.endswith(("“", '"', "“The ", '"The '))
            and _TITLE_QUOTED_BEFORE.search(text, max(0, cand.start - 16), cand.start)
            and _TITLE_QUOTED_AFTER.match(text, cand.end)
        ):
            # 'Ross said on "The Ross Report."': a programme's or book's title, not a person
            continue
        if cand.title is None:
            # "the panel's chairman, Democrat Richard Roe": the title stands before the party
            # ("Shadow transport minister Mr Hale": before the honorific)
            at = cand.party_start or cand.start
            if cand.honorific and text.endswith(cand.honorific + " ", 0, at):
                at -= len(cand.honorific) + 1
            left = left_title(gaz, text, at, ends, full_names)
            if (
                left is not None
                and text.endswith(", ", 0, at)
                and _LIST_GOES_ON.match(text, cand.end)
            ):
                # "the president, Mnuchin and Meadows agreed": items of a list, not a title
                # in apposition ("the president, Keir Starmer, said")
                left = None
            if left is None and _APPOSITION_CLOSES.match(text, cand.end):
                # "the head of the state-owned Acme company, Jo Park, said": a long
                # description before the name, whose title and body are the person's role
                described = described_before(gaz, text, at, ends)
                if (
                    described is not None
                    and _LIST_ITEM_AFTER.match(text, cand.end)
                    and text[max(0, described[2] - 3) : described[2]].rstrip().endswith(",")
                ):
                    # "X of Acme Inc., the publisher of the Daily Y, Trump, and Z": the
                    # description after a comma describes what stands before it; the name
                    # after it is the next item of a list
                    described = None
                if described is not None:
                    left = described[:3]
                    cand.country = cand.country or described[3]
            body = ends.get(at - 1) if left is None else None
            if (
                body is not None
                and body.kind in (EntityKind.COUNTRY, EntityKind.ORGANISATION)
                and text[body.end : at] == " "
            ):
                # "chief negotiator EU Hal Brenner": the body between title and name
                behind = left_title(gaz, text, body.start, ends, full_names)
                if behind is not None:
                    left = (behind[0], body.country or body.name, behind[2])
            if left is not None:
                cand.title, left_aff, cand.title_start = left
                if left_aff and " " not in left_aff:
                    # "Pierce's senior adviser": the person named in full elsewhere
                    left_aff = full_names().get(left_aff, left_aff)
                cand.affiliation = cand.affiliation or left_aff
                if cand.affiliation is None:
                    if bodies is None:
                        bodies = [c for c in candidates if c.kind is EntityKind.ORGANISATION]
                        body_starts = [c.start for c in bodies]
                    cand.affiliation = _body_for(
                        cand.title, cand.title_start, text, bodies, body_starts
                    )
                if cand.affiliation is None and not _OF_AFTER.match(text, cand.end):
                    cand.affiliation = _spokesperson_for(cand.title, cand.title_start, text)
        elif cand.affiliation is None and cand.title_start is not None:
            # "Russia's Foreign Minister X": a possessive before the title is its affiliation.
            before = text[max(0, cand.title_start - 3) : cand.title_start]
            if before.endswith(("’s ", "'s ")):
                possessor = ends.get(cand.title_start - 3)
                if possessor is not None and possessor.kind is not EntityKind.PERSON:
                    cand.affiliation = possessor.country or possessor.name
        after = text[cand.end : cand.end + 12]
        of_match = _OF_AFTER.match(after)
        if of_match is not None:
            nxt = starts.get(cand.end + of_match.end())
            if (
                nxt is not None
                and nxt.kind is not EntityKind.PERSON
                # "meet X at the Foreign Office building": a place where X is, no employer
                and not _VENUE_NOUN_AFTER.match(text, nxt.end)
            ):
                cand.affiliation = cand.affiliation or nxt.country or nxt.name
        single = " " not in cand.name
        cue_after = (_PERSON_AFTER_SINGLE if single else _PERSON_AFTER).match(
            text, cand.end, cand.end + 100
        )
        window = text[max(0, cand.start - 40) : cand.start]
        cue_before = (
            _PERSON_BEFORE.search(window)
            if ("sa" in window or "added" in window or "asked" in window or "accord" in window)
            else None
        )
        if cue_after or (cue_before and _NP_END.match(text, cand.end, cand.end + 3)):
            cand.evidence = True
        elif _COUNTERPART_BEFORE.search(window):
            cand.evidence = True  # "his Azerbaijani counterpart X": only a person has one
        elif not single and text.endswith(" and ", 0, cand.start):
            # "Tom Reddle and Ana Voss": a full name joined to a person's full name
            partner = ends.get(cand.start - 5)
            if (
                partner is not None
                and partner.kind is EntityKind.PERSON
                and " " in partner.name
                and (partner.evidence or partner.title or is_given_name(partner.name.split()[0]))
            ):
                cand.evidence = True
        appos = apposition(gaz, text, cand.end)
        if appos is not None and cand.title is None:
            cand.title, appos_owner = appos
            cand.affiliation = cand.affiliation or appos_owner
            own = _OWN_BODY.match(text, cand.end) if cand.affiliation is None else None
            if own is not None:
                # "X, the group's president,": the body of that kind named last before
                if bodies is None:
                    bodies = [c for c in candidates if c.kind is EntityKind.ORGANISATION]
                    body_starts = [c.start for c in bodies]
                cand.affiliation = _recent_body(own.group(1).lower(), cand.start, bodies)
        if cand.title is None and text.startswith(", who", cand.end):
            relative = who_role(gaz, text, cand.end)
            if relative is not None:
                cand.title, relative_owner = relative
                cand.affiliation = cand.affiliation or relative_owner
                cand.evidence = True
        if (
            cand.title is None
            # "Neither is a lawyer": one capitalised word before a copula may be no name
            and (not single or cand.evidence)
            and text.startswith(
                (" is ", " was ", " has ", " had ", " bec", " rem", " serv", " work", " also"),
                cand.end,
            )
        ):
            stated = copula_role(gaz, text, cand.end)
            if stated is not None:
                cand.title, stated_owner = stated
                cand.affiliation = cand.affiliation or stated_owner
                cand.evidence = True
        if cand.party is not None and cand.affiliation is None:
            cand.affiliation = party_affiliation(cand.party, cand.title)
        elif cand.affiliation in PARTY_BODIES:
            # "a Democratic strategist": an adjective read as the body
            cand.affiliation = party_affiliation(cand.affiliation, cand.title)
        if cand.title is None and people and people[-1].title:
            # "Foreign Minister A met his Moldovan counterpart B": B holds A's office in Moldova
            mate = _COUNTERPART_OF.search(text, max(0, cand.start - 60), cand.start)
            country = gaz.demonym_to_country.get(mate.group("demonym")) if mate else None
            if country is not None:
                cand.title, cand.affiliation = people[-1].title, country
        if (
            cand.title
            and cand.title_start is not None
            and not cand.title.startswith("former ")
            and (then := _THEN_BEFORE.search(text, max(0, cand.title_start - 60), cand.title_start))
            and not (then.group("then") and then.group("first") in PARTY_WORDS)
        ):
            # "then-Acme CEO Rex Roe", "then Secretary of State X": a past office
            cand.title = f"former {cand.title}"
        people.append(cand)
    # a lone topic word read into a later title ("Brexit coordinator X") is no one
    people = [c for c in people if c.name]
    # "Early Presidents", "Ferguson Officers": a plural role noun ends a group, never a name
    people = [
        c for c in people if c.title or c.honorific or c.name.rsplit(" ", 1)[-1] not in PLURAL_ROLES
    ]
    _employers_are_bodies(gaz, candidates, people)
    return merge(article, candidates, people, role_mentions, as_of)
