"""Capitalised runs read against the gazetteer: countries, places, outlets, titles, names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from knowledge.extract.entities.vocabulary import NOT_BODY_ABBREVIATIONS, STOPWORDS
from knowledge.extract.gazetteer import (
    VENUE_HEADS,
    VENUE_TAILS,
    Gazetteer,
    given_names,
    is_venue,
    unaccented,
)
from knowledge.extract.gazetteer import words_of as _words
from knowledge.models import EntityKind

_NON_SPACE = re.compile(r"\S+")


_APOSTROPHE = re.compile(r"[’']")


# Words that are stopwords elsewhere but surnames after an honorific ("Ms. May").
_NAME_AFTER_HONORIFIC = frozenset(
    _words("May June April August Will Long Little Young Rich Hope Child Major Little Last Best")
)


# Calendar words that are also surnames or given names ("Theresa May", "Doris Day", "April
# Ryan", "June Sarpong"): a name only where a given name, a title or a speech verb says so.
CALENDAR_NAMES = frozenset(_words("May June April August Day"))
_PERSON_CONTEXT = re.compile(
    r"(?:[’']s\b|\s+(?:said|says|told|tells|asked|asks|added|wrote|writes|replied|argued|"
    r"insisted|warned|who|has|had|was|is|will|would)\b|,\s*\d{1,3}\s*,)"
)
_DIGIT_AFTER = re.compile(r",?\s*\d")


def _calendar_name_opens(
    gaz: Gazetteer, text: str, words: list[tuple[int, int, str]], plain: list[str], i: int
) -> bool:
    """ "April Ryan asked", "June Sarpong said", "May told reporters": a calendar word that
    opens a two-word name, or stands alone, right before a speech verb or a possessive."""
    if word_is_month_day(text, words[i][1]):
        return False
    n = len(plain)
    if i + 1 == n:
        return plain[i] != "Day" and _PERSON_CONTEXT.match(text, words[i][1]) is not None
    nxt = plain[i + 1]
    return (
        i + 2 == n
        and nxt not in STOPWORDS
        and nxt.isalpha()
        and nxt not in gaz.org_heads
        and title_at(gaz, plain, i + 1) == 0
        and _PERSON_CONTEXT.match(text, words[i + 1][1]) is not None
    )


def word_is_month_day(text: str, end: int) -> bool:
    """ "May 5", "June, 2019": a month with its day or year."""
    return _DIGIT_AFTER.match(text, end) is not None


_TITLE_DOMAINS = frozenset(
    _words(
        """Energy Finance Foreign Defence Defense Interior Health Education Trade Treasury
        Transport Transportation Justice Labour Labor Environment Agriculture Culture Economy
        Economic Home Housing Immigration Commerce Security Homeland Industry Science Tourism
        Sports Communications Digital Climate Development Budget Public Works Fisheries Energy
        Water Oil Petroleum Mines Mining Social Welfare Family Women Youth Veterans External"""
    )
)


_PORTFOLIO_TITLES = frozenset(
    _words("minister secretary spokesman spokeswoman spokesperson commissioner critic czar chief")
)


_TITLE_MODIFIERS = frozenset(
    _words(
        """
        former acting interim then outgoing incoming retired late top senior chief deputy new
        """
    )
)


# Party labels written before a name ("Democrat Richard Roe", "Republican Sen. Jo Park"): a
# role of the person, never part of the name.
PARTY_WORDS = frozenset(
    _words(
        """Democrat Democratic Republican Independent Conservative Tory Labour Liberal
        Socialist Green Libertarian"""
    )
)


# The members of a party, named after a chamber ("House Democratic leader": House Democrats).
_PARTY_ADJECTIVES = {"Democratic": "Democrats", "Republican": "Republicans", "GOP": "Republicans"}


# Chambers a party word may qualify without naming a body of its own ("Republican Senate").
_LEGISLATURES = frozenset(("Senate", "House", "Congress", "Legislature"))


# A word with a capital inside that is not a name prefix (Mc, Mac, De, Di, Le, La, O'):
# brands and bodies ("TransLink", "SkyTrain", "GroupM"), not people.
_CAMEL = re.compile(r"^(?!Mc|Mac|De|Di|Du|Le|La|Van|Von|O['’])[A-Z]?[a-z]+[A-Z]")


_ORG_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")


# Head words that alone name no particular body ("Summit", "Oil", "Organization"); a lone
# "Congress", "Senate" or "Court" does, in its story, and "the Post" or "the News" is a paper.
_GENERIC_HEADS = frozenset(
    _words(
        """Summit Oil Organization Organisation Center Centre Group Media Energy Unit Society
        Foundation Campaign Press Party Institute Company Watch Photos Video"""
    )
)


_LOWER_WORD_AFTER = re.compile(r" ([a-z][a-z-]+)")


def _title_after(gaz: Gazetteer, text: str, end: int) -> bool:
    """Whether a lower-case title follows ("Press secretary", "Campaign manager")."""
    m = _LOWER_WORD_AFTER.match(text, end)
    return m is not None and m.group(1) in gaz.titles


# Words written capitalised before a title that qualify it and name no body ("Presumptive
# Republican presidential nominee", "Retiring Sen.", "Chief National Correspondent", "Deputy City
# Attorney", "Assistant Attorney General", "State Senator", "Seoul-based chief executive").
_TITLE_QUALIFIERS = frozenset(
    _words(
        """presumptive retiring embattled beleaguered veteran longtime outgoing incoming former
        acting interim senior chief deputy assistant associate executive principal national
        political congressional state city county municipal federal legislative"""
    )
)


def qualifies_title(chunk: list[str]) -> bool:
    """Whether a capitalised chunk before a title only qualifies it (no body's name)."""
    return all(
        w.lower() in _TITLE_QUALIFIERS or w in PARTY_WORDS or w.endswith("-based") for w in chunk
    )


def caucus_name(chunk: list[str]) -> str | None:
    """The party's members in a chamber ("House Democratic" leader: House Democrats)."""
    if len(chunk) == 2 and chunk[0] in _LEGISLATURES and chunk[1] in _PARTY_ADJECTIVES:
        return f"{chunk[0]} {_PARTY_ADJECTIVES[chunk[1]]}"
    return None


# Words in capitals that label page furniture, never a body: "UPDATE:", "WATCH:", "PHOTOS".
_CAPS_LABELS = frozenset(
    _words(
        """UPDATE UPDATED UPDATES WATCH PHOTOS PHOTO VIDEO VIDEOS BREAKING LIVE READ MORE RELATED
        EXCLUSIVE OPINION ANALYSIS LISTEN EDITOR NOTE CLICK SUBSCRIBE GALLERY CORRECTION
        ADVERTISEMENT SPONSORED SLIDESHOW AUDIO PODCAST GRAPHIC INFOGRAPHIC MAP CHART SEE ALSO
        PLAY WARNING ALERT TRENDING FEATURED TOP STORIES SHARE COMMENTS ADVERTISING EVP SVP
        CTO CMO CIO JUST WATCHED MUST"""
    )
)


@dataclass(slots=True)
class Candidate:
    """A classified chunk of a run, before merging into entities."""

    start: int
    end: int
    surface: str
    kind: EntityKind
    name: str
    title: str | None = None
    affiliation: str | None = None
    title_start: int | None = None
    country: str | None = None
    honorific: str | None = None
    # the context says this is a person: "X said", "said X", "X, 54,", a title or apposition
    evidence: bool = False
    # a party label before the name ("Democrat"), and where it starts
    party: str | None = None
    party_start: int | None = None


def _lookup(gaz: Gazetteer, phrase: str) -> tuple[EntityKind, str, str | None] | None:
    """Gazetteer kind, canonical name and country for a phrase, exact or, when it is written
    with accents the tables do not have ("Gdańsk", "Kraków", "Zürich"), without them; a
    place keeps its name as written."""
    found = _lookup_exact(gaz, phrase)
    if found is None and not phrase.isascii():
        found = _lookup_exact(gaz, unaccented(phrase))
        if found is not None and found[0] is EntityKind.PLACE:
            found = (EntityKind.PLACE, phrase, found[2])
    return found


def _starts_entry(gaz: Gazetteer, word: str) -> bool:
    return gaz.starts_entry(word) or (not word.isascii() and gaz.starts_entry(unaccented(word)))


def _lookup_exact(gaz: Gazetteer, phrase: str) -> tuple[EntityKind, str, str | None] | None:
    """Gazetteer kind, canonical name and country for an exact phrase."""
    outlet = gaz.outlet_by_surface.get(phrase)
    if outlet is not None:
        return EntityKind.OUTLET, outlet, None
    country = gaz.country_by_surface.get(phrase)
    if country is not None and phrase not in gaz.metonym_capitals:
        return EntityKind.COUNTRY, country, country
    city = gaz.city_to_country.get(phrase)
    if city is not None:
        return EntityKind.PLACE, phrase, city
    canonical = gaz.city_aliases.get(phrase)
    if canonical is not None:
        return EntityKind.PLACE, canonical, gaz.city_to_country[canonical]
    if phrase in gaz.region_to_country:
        return EntityKind.PLACE, phrase, gaz.region_to_country[phrase]
    org = gaz.org_by_surface.get(phrase)
    if org is not None:
        return EntityKind.ORGANISATION, org, None
    return None


def title_at(gaz: Gazetteer, words: list[str], i: int) -> int:
    """Length of the longest title phrase starting at ``words[i]`` (0 when none)."""
    if words[i] in _TITLE_DOMAINS and i + 1 < len(words):
        # "Energy Secretary", "Health Minister": a portfolio before a title word
        inner = title_at(gaz, words, i + 1)
        if inner and words[i + 1].lower() in _PORTFOLIO_TITLES:
            return 1 + inner
    if not gaz.starts_title(words[i]):
        return 0
    for n in range(min(4, len(words) - i), 0, -1):
        phrase = " ".join(words[i : i + n]).lower().rstrip(".")
        if phrase in gaz.titles or " ".join(words[i : i + n]) in gaz.title_abbreviations:
            return n + _portfolio_after(words, i + n)
    return 0


def _portfolio_after(words: list[str], k: int) -> int:
    """ "Secretary of Energy", "Minister of Foreign Affairs", "Secretary of Homeland Security":
    the words of an "of <portfolio>" tail after a title (0 when none)."""
    if k + 1 >= len(words) or words[k] != "of":
        return 0
    j = k + 1
    if words[j] == "the" and j + 1 < len(words):
        j += 1
    n = 0
    while (
        j + n < len(words)
        and n < 3
        and (
            words[j + n] in _TITLE_DOMAINS
            or (n and words[j + n] in ("Affairs", "Security", "Relations", "and"))
        )
    ):
        n += 1
    while n and words[j + n - 1] == "and":
        n -= 1
    return (j - k) + n if n else 0


@cache
def given_name_set() -> frozenset[str]:
    """Every common given name (of either list), as one set."""
    male, female = given_names()
    return male | female


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a common given name (either list)."""
    return word in given_name_set()


def _surname_like(gaz: Gazetteer, words: list[str]) -> bool:
    """Whether the words after a given name can end a person's name: capitalised, and none
    a place, a body's head word ("Station", "Street") or a gazetteer entry."""
    return all(
        w[:1].isupper()
        and not w.isupper()  # "Virginia RNC": an acronym is no surname
        and w not in STOPWORDS
        and w not in gaz.org_heads
        and w not in VENUE_TAILS
        and w not in _NOT_SURNAMES
        and w.lower() not in gaz.titles  # "Virginia Congressman", "Virginia Democrat"
        and not gaz.starts_entry(w)
        for w in words
    )


# Words after a place name that make it a body's or a label's, not a person's given name.
_NOT_SURNAMES = frozenset(
    _words(
        """Tech Democrat Democrats Democratic Republican Republicans GOP Conservative
        Conservatives Liberal Liberals Labour Tory Tories Independent Green Greens Secret
        Legislature Assembly Senate House State Statehouse Capitol Metro County City"""
    )
)


def _opens_name(gaz: Gazetteer, words: list[str], i: int) -> bool:
    """Whether ``words[i]`` starts a person's name or title ("Richard", "Sen.", "Secretary")."""
    word = words[i]
    if word in given_name_set() or word in gaz.honorifics or title_at(gaz, words, i):
        return True
    # an unknown given name: two or three plain capitalised words, none a body's head word
    # ("Independent Mara Quill", but not "Republican National Committee")
    rest = words[i:]
    return 2 <= len(rest) <= 3 and all(
        w[:1].isupper()
        and w not in STOPWORDS
        and w not in gaz.org_heads
        and not gaz.starts_entry(w)
        for w in rest
    )


def _party_opens_name(gaz: Gazetteer, words: list[str], i: int) -> bool:
    """Whether a name follows a party word: as ``_opens_name``, where the name may be followed
    by more of the run ("Democrat Dianne Feinstein of California")."""
    if _opens_name(gaz, words, i):
        return True
    k = i
    while k < len(words) and words[k][:1].isupper():
        k += 1
    return i < k < len(words) and _opens_name(gaz, words[:k], i)


def _venue_length(gaz: Gazetteer, plain: list[str], i: int) -> int:
    """The number of words of a place below city level starting at ``plain[i]`` (0: none)."""
    first = plain[i]
    if first in STOPWORDS or first in given_name_set() or gaz.starts_title(first):
        return 0
    for j in range(i + 1, min(len(plain), i + 4)):
        if not (plain[j][:1].isupper() or plain[j] in ("de", "del", "la", "di")):
            break
        if plain[j] in STOPWORDS:
            break
        if is_venue(plain[i : j + 1]) and plain[j][:1].isupper():
            if first in VENUE_HEADS:
                # "Plaza de Mayo", "Piazza San Marco": the name runs to its last capital
                while j + 1 < len(plain) and j - i < 3 and plain[j + 1][:1].isupper():
                    j += 1
            return j + 1 - i
    return 0


def classify_run(gaz: Gazetteer, text: str, start: int, end: int) -> list[Candidate]:
    """Split one capitalised run into gazetteer matches, titles and name chunks."""
    words: list[tuple[int, int, str]] = []
    for m in _NON_SPACE.finditer(text[start:end]):
        w = m.group(0)
        s, e = start + m.start(), start + m.end()
        # A trailing full stop belongs to the word only for initials and abbreviations.
        if w.endswith(".") and not (
            (len(w) == 2 and w[0].isupper())
            or w.count(".") >= 2
            or w in gaz.title_abbreviations
            or w in gaz.honorifics
        ):
            w, e = w[:-1], e - 1
        if w:
            words.append((s, e, w))
    plain = [w for _, _, w in words]
    out: list[Candidate] = []
    title: str | None = None
    title_start: int | None = None
    affiliation: str | None = None
    honorific: str | None = None
    name_from: int | None = None
    party: str | None = None
    party_start: int | None = None
    # the name chunk bridged "of" after an organisation head word ("Bank of ...")
    head_of = False

    def flush(upto: int, as_org: bool = False) -> None:
        nonlocal name_from, title, affiliation, honorific, title_start, party, party_start
        nonlocal head_of
        if name_from is None:
            return
        while upto - 1 > name_from and plain[upto - 1].islower():
            upto -= 1  # "Banco de" before "Mexico": a particle never ends a name
        s, e = words[name_from][0], words[upto - 1][1]
        chunk = plain[name_from:upto]
        surface = text[s:e]
        last = chunk[-1]
        lone_label = len(chunk) == 1 and (
            len(last.rstrip(".")) <= 1  # "U's manager": a club's initial in sports copy
            or last in _CAPS_LABELS  # "UPDATE:", "WATCH:", "PHOTOS": page furniture
            or last in NOT_BODY_ABBREVIATIONS  # "on TV", "GDP", "9 p.m. ET"
            or last == "Democratic"  # "the Democratic president": an adjective, no body
        )
        if lone_label or (
            # "Related Video", "Read More", "Photo Gallery": page furniture in title case
            len(chunk) > 1 and all(w.upper() in _CAPS_LABELS for w in chunk)
        ):
            name_from = None
            title = honorific = None
            title_start = None
            party = party_start = None
            affiliation = None
            return
        # "Bank of Canada", "University of the West Indies": a head word then "of" names a body
        bridged = head_of and upto - 1 > name_from and "of" in chunk
        head_of = False
        if (
            as_org
            or bridged
            or last in gaz.org_heads
            or (len(chunk) == 1 and _ORG_ACRONYM.match(last) and not title)
            or any(_CAMEL.match(w) for w in chunk)
        ):
            if len(chunk) == 2 and chunk[0] in PARTY_WORDS and last in _LEGISLATURES:
                # "the Democratic Senate candidate", "a Republican House": the party's side of
                # the chamber, whose body is the chamber, not a "Democratic Senate"
                s = words[upto - 1][0]
                surface = text[s:e]
            out.append(Candidate(s, e, surface, EntityKind.ORGANISATION, surface))
            name_from = None
            title = honorific = None
            title_start = None
            party = party_start = None
            affiliation = surface if as_org else None
            return
        else:
            out.append(
                Candidate(
                    s,
                    e,
                    surface,
                    EntityKind.PERSON,
                    surface,
                    title=title,
                    affiliation=affiliation,
                    title_start=title_start,
                    honorific=honorific,
                    party=party,
                    party_start=party_start,
                )
            )
        party = party_start = None
        name_from = None
        title = affiliation = honorific = None
        title_start = None

    i = 0
    n = len(words)
    # one set test a run: few runs name a venue ("Union Square")
    # (a venue word ends the venue, which ends the run or stands before one more name word)
    venues = n > 1 and (
        plain[-1] in VENUE_TAILS
        or plain[0] in VENUE_HEADS
        or (n > 2 and (plain[-2] in VENUE_TAILS or plain[1] in VENUE_HEADS))
    )
    while i < n:
        matched = 0
        # no gazetteer name starts with this word: skip the lookups
        j_from = min(n, i + 5) if _starts_entry(gaz, plain[i]) else i
        for j in range(j_from, i, -1):
            found = _lookup(gaz, " ".join(plain[i:j]))
            if found is not None:
                matched = j - i
                kind, name, country = found
                break
        if (
            venues
            and name_from is None
            and (plain[i] in VENUE_HEADS or not VENUE_TAILS.isdisjoint(plain[i + 1 : i + 4]))
        ):
            venue = _venue_length(gaz, plain, i)
            if venue > matched:
                # "Union Square" is no place "Union", "Plaza Central" no person
                s, e = words[i][0], words[i + venue - 1][1]
                out.append(Candidate(s, e, text[s:e], EntityKind.PLACE, text[s:e]))
                affiliation = None
                i += venue
                continue
        if (
            matched == 1
            and name_from is None
            and kind is EntityKind.PLACE
            and i + 1 < n
            and i + 3 >= n
            and plain[i] in given_name_set()
            and _surname_like(gaz, plain[i + 1 :])
        ):
            matched = 0  # "spokeswoman Victoria Nuland": a given name that is also a city
        if matched and name_from is None:
            s, e = words[i][0], words[i + matched - 1][1]
            cand = Candidate(s, e, text[s:e], kind, name, country=country)
            out.append(cand)
            if kind in (EntityKind.COUNTRY, EntityKind.ORGANISATION, EntityKind.OUTLET):
                affiliation = name
            i += matched
            continue
        if (
            matched == 1
            and name_from is not None
            and kind is EntityKind.OUTLET
            and name == "The " + plain[i]
        ):
            matched = 0  # "Christopher Hill": a surname, not the paper "The Hill" without "The"
        if matched and name_from is not None:
            if head_of and (plain[i - 1] in ("of", "the") or plain[i - 1][:1].isupper()):
                # "Bank of Canada", "University of Northern Colorado": the place is part of the
                # body's name, not a second entity
                i += matched
                continue
            # "Jane Doe" then a country: the name ends here.
            flush(i)
            continue
        word = plain[i]
        if word in ("of", "the"):
            if name_from is not None and (
                plain[i - 1] in gaz.org_heads or (head_of and plain[i - 1] == "of")
            ):
                head_of = head_of or word == "of"
                i += 1  # "Bank of Canada", "University of the West Indies"
                continue
            flush(i)
            title = honorific = None
            title_start = None
            affiliation = None
            i += 1
            continue
        if name_from is None:
            t = title_at(gaz, plain, i)
            if t and title is not None:
                # A second title word after the first ("Supreme Leader Ayatollah") is an
                # honorific of the name: the first, more specific, title stays the role.
                honorific = " ".join(plain[i : i + t])
                i += t
                continue
            if t:
                phrase = " ".join(plain[i : i + t])
                title = gaz.title_abbreviations.get(phrase, phrase.lower().rstrip("."))
                title_start = words[i][0]
                i += t
                continue
            if (
                word[-1:] == "s"
                and word[:1].isupper()
                and word[:-1].lower() in gaz.titles
                and i + 1 < n
                and _opens_name(gaz, plain, i + 1)
            ):
                # a plural title before names ("Senators A and B", "Justices C and D"): the
                # role of each, never part of the first name
                title = word[:-1].lower()
                title_start = words[i][0]
                i += 1
                continue
            if word in gaz.honorifics and not (
                word in _TITLE_DOMAINS and i + 1 < n and plain[i + 1] in gaz.org_heads
            ):
                # (a portfolio before a body's head opens its name: "Foreign Ministry")
                honorific = word
                i += 1
                continue
            if word in PARTY_WORDS and i + 1 < n and _party_opens_name(gaz, plain, i + 1):
                # "Democrat Richard Roe", "Republican Sen. Jo Park": the party is a role
                party, party_start = word, words[i][0]
                i += 1
                continue
            base = _APOSTROPHE.split(word, maxsplit=1)[0]
            if honorific is not None and word in _NAME_AFTER_HONORIFIC:
                name_from = i  # "Ms. May", "Mr. Long"
                i += 1
                continue
            if word in CALENDAR_NAMES and _calendar_name_opens(gaz, text, words, plain, i):
                name_from = i  # "April Ryan asked", "May told reporters"
                i += 1
                continue
            if word in _CAPS_LABELS and not all(w.isupper() for w in plain[i + 1 :]):
                # "JUST WATCHED Graham: ...", "MUST WATCH Feinstein": a video widget's label
                # glued to the name it teases
                affiliation = None
                i += 1
                continue
            if word in STOPWORDS or base in STOPWORDS or word.lower() in _TITLE_MODIFIERS:
                affiliation = None if word in STOPWORDS else affiliation
                i += 1
                continue
            name_from = i
            i += 1
            continue
        if (
            word in CALENDAR_NAMES
            and i - name_from == 1
            and (
                title is not None
                or honorific is not None
                or plain[name_from] in given_name_set()
                or _PERSON_CONTEXT.match(text, words[i][1]) is not None
            )
            and _DIGIT_AFTER.match(text, words[i][1]) is None
        ):
            i += 1  # "Theresa May", "Prime Minister Alana May", "Doris Day": a surname
            continue
        if word in STOPWORDS:
            flush(i)
            i += 1
            continue
        t = title_at(gaz, plain, i)
        if t and i + t < n and plain[i + t] not in STOPWORDS:
            chunk = plain[name_from:i]
            if qualifies_title(chunk):
                # "Presumptive Republican nominee X": no body; a party word is the party,
                # and the title after the qualifier is the role ("Chief National Correspondent")
                for k in range(name_from, i):
                    if plain[k] in PARTY_WORDS:
                        party, party_start = plain[k], words[k][0]
                name_from = None
                affiliation = title = honorific = None
                continue
            caucus = caucus_name(chunk)
            if caucus is not None:
                # "Senate Republican Leader X": the party's caucus in that chamber
                s, e = words[name_from][0], words[i - 1][1]
                out.append(Candidate(s, e, text[s:e], EntityKind.ORGANISATION, caucus))
                name_from = None
                title = honorific = None
                title_start = None
                party = party_start = None
                affiliation = caucus
                continue
            # "TransLink CEO Kevin Desmond": the name before a title is the affiliation
            flush(i, as_org=True)
            continue
        i += 1
    flush(n)
    if len(out) > 1:
        _join_national_bodies(gaz, text, out)
    if (
        out
        and not _GENERIC_HEADS.isdisjoint(plain)
        and any(c.kind is EntityKind.ORGANISATION and c.surface in _GENERIC_HEADS for c in out)
    ):
        # a lone "Summit", "Oil", "Organization" names no body; one before a lower-case word
        # may qualify a title ("Press secretary", read by the title stage)
        out = [
            c
            for c in out
            if not (
                c.kind is EntityKind.ORGANISATION
                and c.surface in _GENERIC_HEADS
                and not _title_after(gaz, text, c.end)
            )
        ]
    # A bare title with no name after it is a role mention for coreference ("Foreign Minister").
    if title is not None and title_start is not None and not out:
        out.append(
            Candidate(title_start, end, text[title_start:end], EntityKind.PERSON, "", title=title)
        )
    return out


# Bodies of a state that copy names with the country in front ("US Senate", "Iranian Foreign
# Ministry"): the country stays a separate entity, as the affiliation. Other bodies carry the
# country in their own name ("UK Heritage Party", "British Medical Association").
_STATE_ORGANS = frozenset(
    _words(
        """Ministry Department Government Administration Army Navy Force Forces Guard Guards
        Police Parliament Senate Congress Cabinet Court Embassy Office Agency Command Corps
        Directorate Military Treasury Presidency Consulate Mission Delegation Coast"""
    )
)


def _join_national_bodies(gaz: Gazetteer, text: str, out: list[Candidate]) -> None:
    """ "UK Heritage Party", "Ohio Nurses Association": a country word right before
    a body's name that is no organ of that state, or a city or state name before any body's
    name, is part of the name (in place; a later affiliation follows the longer name)."""
    k = 0
    while k + 1 < len(out):
        country, body = out[k], out[k + 1]
        if (
            country.kind in (EntityKind.COUNTRY, EntityKind.PLACE)
            and body.kind is EntityKind.ORGANISATION
            and body.start == country.end + 1
            and body.name == body.surface  # a name read from its head word, not the gazetteer
            and text[country.end] == " "
            # a city's or state's bodies carry its name ("Denver Unified School District",
            # "Chicago Police Department"); a country's organs do not ("US Senate")
            and (country.kind is EntityKind.PLACE or body.surface.split()[-1] not in _STATE_ORGANS)
            and body.surface.split()[0] not in _TITLE_DOMAINS
        ):
            surface = text[country.start : body.end]
            out[k : k + 2] = [
                Candidate(country.start, body.end, surface, EntityKind.ORGANISATION, surface)
            ]
            for later in out[k + 1 :]:
                if later.affiliation == body.name:
                    later.affiliation = surface
        k += 1
