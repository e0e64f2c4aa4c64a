"""The words around a name: a title before it, an apposition or an "of" phrase after it."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from knowledge.extract.entities.runs import (
    Candidate,
    caucus_name,
    is_given_name,
    qualifies_title,
    title_at,
)
from knowledge.extract.entities.vocabulary import PARTY_BODIES
from knowledge.extract.gazetteer import OCCUPATIONS, Gazetteer
from knowledge.extract.gazetteer import words_of as _words
from knowledge.models import EntityKind

KINSHIP = frozenset(
    _words(
        """
        son daughter wife husband brother sister father mother son-in-law daughter-in-law father-in-
        law mother-in-law brother-in-law sister-in-law widow nephew niece cousin uncle aunt grandson
        granddaughter spouse partner
        """
    )
)


_APPOSITION = re.compile(
    r",\s+(?P<phrase>(?:(?:[A-Z]\.){2,}|[^,.;:()“”\"—–]){3,140}?)"
    r"(?=,|\.(?:\s|$)|;|\s+[—–]|\s+(?:said|says|told|added|who|which)\b|$)"
)


def left_title(
    gaz: Gazetteer,
    text: str,
    start: int,
    ends: dict[int, Candidate],
    surnames: Callable[[], Mapping[str, str]] | None = None,
) -> tuple[str, str | None, int] | None:
    """A lower-case title just before a name, with the affiliation before the title."""
    window = text[max(0, start - 60) : start]
    # "The prime minister, Keir Starmer, said": the title in apposition before the name; the
    # comma is blanked (same length, so offsets hold) and a determiner is then required
    appositive = window.endswith(", ")
    if appositive:
        window = window[:-2] + "  "
    words = window.split()
    if not words or not window.endswith((" ", "\t")):
        return None
    base = start - len(window)
    for n in range(min(4, len(words)), 0, -1):
        phrase_words = words[-n:]
        phrase = " ".join(phrase_words)
        if (
            phrase.lower() not in gaz.titles
            or (
                phrase[0].isupper()
                and n == len(words)
                # "Record producer X" opening the text: capitalised only as the first word
                and not (n > 1 and all(w.islower() for w in phrase_words[1:]))
            )
        ):
            continue
        if appositive and (
            n == len(words)
            # "its general secretary, X": a body's office ("his wife, X" names a relation to
            # someone the title alone would lose)
            or not (words[-n - 1].lower() in ("the", "its") or words[-n - 1].endswith(("’s", "'s")))
        ):
            continue
        title_start = base + window.rfind(phrase)
        if n > 1 and phrase[0].isupper():
            # "UK Heritage Party leader X": "Party leader" is a title, but its first word
            # ends a body's name, which is the affiliation of the shorter title
            named = ends.get(title_start + len(phrase_words[0]))
            if named is not None and named.kind is not EntityKind.PERSON:
                continue
        title = phrase.lower()
        if not appositive:
            # "shadow pensions secretary", "charity boss": modifiers and a sector noun before
            # the title belong to it ("secretary" alone loses what the person does)
            k = len(words) - n
            while k > 0 and len(words) - k < 6:
                word = words[k - 1]
                low = word.lower()
                # a sector noun in lower case or opening a sentence ("Charity boss X"): in
                # "Green Party nominee" it is part of the party's name
                opens = k == 1 or words[k - 2].endswith((".", "!", "?", "”", '"'))
                sector = low in SECTOR_NOUNS and (word == low or opens) and k == len(words) - n
                if low in TITLE_PREFIXES or sector:
                    k -= 1
                    continue
                break
            if k < len(words) - n:
                extra = words[k : len(words) - n]
                title_start = base + window.rfind(" ".join(extra + phrase_words))
                title = " ".join([_title_word(gaz, w) for w in extra] + [title])
        # what stands right before the title: a country/org/person run, maybe possessive
        before = text[max(0, title_start - 3) : title_start]
        possessive = before.endswith(("’s ", "'s "))
        anchor = title_start - (3 if possessive else 1)
        owner = ends.get(anchor)
        affiliation: str | None = None
        if (
            owner is not None
            and not possessive
            and not appositive
            and (
                (
                    _opens_sentence(text, owner.start)
                    and (_domain_word(owner) or (_lone_word(owner) and title in _OCCUPATIONS))
                )
                or _modifier_word(owner)
            )
        ):
            # "Press secretary X", "Brexit coordinator X": a capitalised topic word only
            # because it opens the sentence is part of the title, no body
            title = f"{owner.surface.lower()} {title}"
            title_start = owner.start
            owner.name = ""  # no entity of its own
            return title, None, title_start
        if (
            owner is not None
            and not possessive
            and owner.kind is EntityKind.PERSON
            and not (owner.title or owner.honorific)
        ):
            owner_words = owner.surface.split()
            caucus = caucus_name(owner_words)
            if caucus is not None:
                # "House Democratic leader X": the party's members in that chamber
                owner.kind, owner.name = EntityKind.ORGANISATION, caucus
                return title, caucus, title_start
            if qualifies_title(owner_words):
                # "Presumptive Republican presidential nominee X", "Retiring senator X": the
                # words qualify the title and name no body; a party word still gives the party
                owner.name = ""  # no entity of its own
                party_word = next((w for w in owner_words if w in PARTY_BODIES), None)
                return title, party_word, title_start
        if owner is not None:
            if possessive and owner.kind is EntityKind.PERSON:
                who = text[owner.title_start or owner.start : owner.end]
                if title in KINSHIP or title.split("-")[0] in KINSHIP:
                    return f"{title} of {who}", None, owner.title_start or owner.start
                affiliation = owner.name
            else:
                affiliation = owner.country or owner.name
            if (
                owner.kind is EntityKind.PERSON
                and " " not in owner.name
                and not (owner.title or owner.honorific)
                and title not in KINSHIP
                and not (possessive and surnames is not None and owner.name in surnames())
            ):
                # "Qantas boss Mr Dixon", "Amazon's chief Robin Terrell": a lone name before a
                # title is the body the person works for, unless it is the possessive of a
                # person named in full ("Pierce's senior adviser, X")
                owner.kind = EntityKind.ORGANISATION
                # "Republican presidential candidate X": the party word mentions the party's
                # body, never a body named "Republican" (the role keeps the word, which the
                # caller turns into the party's affiliation only for partisan titles)
                # ("Then-Republican candidate X": the party as it was then)
                party = owner.name.split("-", 1)[-1] if owner.name[:5] in ("Then-", "then-") else ""
                if party in PARTY_BODIES:
                    affiliation = party
                owner.name = PARTY_BODIES.get(party or owner.name, owner.name)
        return title, affiliation, title_start
    return None


# Topic words that name what an office deals with ("Brexit coordinator", "Press secretary").
_DOMAIN_WORDS = frozenset(
    _words(
        """Brexit Press Media Campaign Communications Policy Climate Budget Tax Immigration
        Border Peace Aid Health Trade Energy Finance Defence Defense Security Education
        Transport Housing Justice Environment Agriculture Culture Economy Foreign Home Interior
        Treasury Labour Labor Welfare Sports Science Technology Digital Cyber Arms Nuclear
        Human Rights Legal Political Economic Chief Deputy Senior Communications Research"""
    )
)


def _domain_word(owner: Candidate) -> bool:
    """A lone topic or head word read as a body ("Press", "Brexit"), not a named one."""
    if " " in owner.surface or owner.name != owner.surface:
        return False
    return owner.surface in _DOMAIN_WORDS


_OCCUPATIONS = frozenset(OCCUPATIONS)


def _lone_word(owner: Candidate) -> bool:
    """ "Billionaire investor X" opening a sentence: one unknown capitalised word."""
    return (
        owner.kind is EntityKind.PERSON
        and " " not in owner.surface
        and owner.name == owner.surface
        and not (owner.title or owner.honorific or owner.evidence)
    )


def _modifier_word(owner: Candidate) -> bool:
    """ "A-list actor", "California-based filmmaker": a compound adjective, no body."""
    head, _, tail = owner.surface.rpartition("-")
    return bool(head) and " " not in owner.surface and tail.isalpha() and tail.islower()


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return before == "" or before[-1] in ".!?:\n”\"’'"


# Words that qualify a title standing before it: "shadow health secretary", "acting mayor".
TITLE_PREFIXES = frozenset(
    _words(
        """shadow acting interim junior assistant former deputy vice pensions health education work
        works
        transport culture trade justice treasury business energy environment home foreign
        defence defense housing europe european treasury welfare employment industry
        communications local regional national international"""
    )
)


# Kinds of body a descriptor names before a title ("charity boss", "union leader"): the body
# itself is usually named elsewhere in the article.
SECTOR_NOUNS = frozenset(
    _words(
        """charity union party campaign group council bank company firm committee board club
        agency organisation organization foundation trust association network coalition
        alliance society movement institute league church"""
    )
)


# A spokesperson's apposition with the body inside it: an optional country, a rank, the body's
# capitalised name, then the title ("United States Deputy State Department spokesman").
_BODY_SPOKESPERSON = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:(?:[A-Z][\w.]*\s+){1,2}(?=(?:[Dd]eputy|[Ss]enior|[Cc]hief|"
    r"[Aa]cting|[Aa]ssistant|[Pp]rincipal|[Ll]ead)\s))?"
    r"(?P<lead>(?:[Dd]eputy|[Ss]enior|[Cc]hief|[Aa]cting|[Aa]ssistant|[Pp]rincipal|[Ll]ead)\s+)?"
    r"(?P<body>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4})\s+"
    r"(?P<title>spokes(?:man|woman|person)|press\s+secretary)"
)


# Titles named for what the holder knows or covers: a country before them is the subject
# ("a Russia expert", "the UK economist"), not whom they serve.
_SUBJECT_TITLES = frozenset(
    _words(
        """expert analyst economist specialist correspondent professor journalist scholar
        researcher historian author writer editor reporter commentator strategist observer
        watcher fellow"""
    )
)


def _owner_after(tail: list[str]) -> bool:
    """Whether "of/at/for/with <Name>" after a title names its owner."""
    return len(tail) > 1 and tail[0] in ("of", "at", "for", "with") and tail[1][:1].isupper()


# Titles whose "to <Name>" says where the holder is posted: "ambassador to South Korea".
_POSTED = frozenset(
    _words(
        """ambassador envoy representative consul commissioner delegate emissary
        attaché attache observer"""
    )
)


def _posting(title: str, tail: list[str]) -> str | None:
    """ "to South Korea" after an ambassador's title: the place or body of the posting."""
    if not title or title.split()[-1] not in _POSTED or len(tail) < 2 or tail[0] != "to":
        return None
    name = _leading_name(tail[1:])
    return name or None


def _title_word(gaz: Gazetteer, word: str) -> str:
    """A word of a title as stored: lower case, but "US", "Europe" keep theirs."""
    if gaz.country_of(word) or word in gaz.region_to_country:
        return word
    return word.lower()


def _leading_name(words: list[str]) -> str:
    """The capitalised name at the start of ``words`` ("the European Commission of ..." ->
    "European Commission"), connectors inside it kept."""
    out: list[str] = []
    for w in words:
        if not out and w.lower() == "the":
            continue
        if w[:1].isupper() or (out and w in ("of", "for", "and", "on", "de")):
            out.append(w)
        else:
            break
    while out and out[-1] in ("of", "for", "and", "on", "de"):
        out.pop()
    return " ".join(out).removesuffix("’s").removesuffix("'s")


# Capitalised words before a title that name no body: determiners opening a sentence and
# abbreviated titles ("Our daughter", "VP hopeful").
_NOT_OWNERS = frozenset(_words("our my your his her their its this that these those vp veep gop's"))


# Prepositions that, before a title inside an apposition, put the title on another person
# ("speaking after President Y", "who met with Senator Z").
_CLAUSE_PREPOSITIONS = frozenset(
    _words("after before with to for from by at in on into against alongside behind beside")
)


def apposition(gaz: Gazetteer, text: str, end: int) -> tuple[str, str | None] | None:
    """ "Maria Lopez, the city's mayor," -> ("mayor", None); "X, BA's chief executive," too."""
    match = _APPOSITION.match(text, end, min(len(text), end + 120))
    if match is None:
        return None
    words = match.group("phrase").split()
    # "Rex Roe, then Acme chief executive,": a past office, which must not read as current
    past = bool(words) and (words[0] == "then" or words[0].startswith("then-"))
    if past:
        words = words[1:] if words[0] == "then" else [words[0][5:], *words[1:]]
    if words and words[0] in ("and", "or", "but", "while", "whereas"):
        return None  # "its chairman, X, and deputy chair Y": the list goes on, no apposition
    role = _appositive_role(gaz, words)
    if role is None or not past or not role[0] or role[0].startswith("former "):
        return role
    return f"former {role[0]}", role[1]


def _appositive_role(gaz: Gazetteer, words: list[str]) -> tuple[str, str | None] | None:
    """The title and owner an apposition's words state (see ``apposition``)."""
    if not words:
        return None
    # "Donald Tusk, president of the EU Council,": a bare title may open the apposition
    bare_title = any(title_at(gaz, words, i) for i in range(min(3, len(words))))
    if words[0].lower() not in ("the", "a", "an") and not words[0][:1].isupper() and not bare_title:
        return None
    phrase = " ".join(words)
    spoke = (
        _BODY_SPOKESPERSON.fullmatch(phrase)
        if "spokes" in phrase or "press secretary" in phrase
        else None
    )
    if spoke is not None:
        # "United States Deputy State Department spokesman", "a Pentagon spokeswoman": the
        # body named between the title's words is whose spokesperson this is
        lead = (spoke.group("lead") or "").lower()
        body = spoke.group("body").removesuffix("’s").removesuffix("'s")
        return f"{lead}{spoke.group('title').lower()}", body
    owner: str | None = None
    rest = words[1:] if words[0].lower() in ("the", "a", "an") else words
    for k, w in enumerate(rest):
        if w in ("of", "for", "at"):
            break  # "president of MAPLE's Fund": a possessive after "of" is in the body's name
        if w.endswith(("’s", "'s")):
            owner_text = " ".join(rest[: k + 1])[:-2]
            owner = gaz.country_of(owner_text) or (owner_text if owner_text[:1].isupper() else None)
            rest = rest[k + 1 :]
            break
    for i in range(len(rest)):
        t = title_at(gaz, rest, i)
        if t and any(w in _CLAUSE_PREPOSITIONS for w in rest[:i]):
            # "X, speaking after President Y, said": the title belongs to someone else
            return None
        if t:
            # "chief US economist for X", "senior Europe correspondent": a country or region
            # word between two title words is inside one title
            j = i + t
            while (
                j < len(rest)
                and j - (i + t) < 2
                and rest[j][:1].isupper()
                and _title_word(gaz, rest[j]) == rest[j]
            ):
                j += 1
            more = title_at(gaz, rest, j) if i + t < j < len(rest) else 0
            if more:
                t = j + more - i
            if t > 1 and rest[i + t - 1].lower() in ("for", "of"):
                # a table title ending in its preposition ("spokesperson for"): the words
                # after it name the owner ("a spokesperson for Pancake Palace")
                t -= 1
            tail = rest[i + t :]
            if len(tail) > 1 and is_given_name(tail[0]) and tail[1][:1].isupper():
                # "Marsh, Jones’ deputy Pat Lowe testified": the title is the next
                # person's, named right after it
                return None
            office = rest[i + t - 1].lower() not in _SUBJECT_TITLES
            if owner is None and i > 0 and office and not _owner_after(tail):
                # "the U.S. trade representative", "a former U.S. ambassador": a country
                # word among an office's modifiers owns it ("a Russia expert" is about Russia;
                # "Washington Post" is no country)
                for k in range(i):
                    country = gaz.country_by_surface.get(rest[k])
                    if (
                        country is not None
                        and rest[k] not in gaz.metonym_capitals
                        and not rest[k + 1][:1].isupper()
                    ):
                        owner = country
                        rest, i = rest[:k] + rest[k + 1 :], i - 1
                        break
            lead = rest[:i]
            if (
                owner is None
                and lead
                and all(
                    w[:1].isupper()
                    and w.lower() not in TITLE_PREFIXES
                    and w.lower() not in _NOT_OWNERS
                    for w in lead
                )
                and not any(title_at(gaz, rest, k) for k in range(i))
            ):
                # "Acme chief executive", "Globex chief executive": the capitalised name
                # before the title is the body the office is at
                named = " ".join(lead).removesuffix("’s").removesuffix("'s")
                owner = gaz.country_of(named) or named
                rest, i = rest[i:], 0
            title = " ".join(_title_word(gaz, w) for w in rest[: i + t])
            posting = _posting(title, tail)
            if posting is not None:
                return f"{title} to {posting}", owner
            if tail and tail[0] in ("of", "at", "for", "with") and len(tail) > 1:
                org = _leading_name(tail[1:])
                if org:
                    owner = gaz.country_of(org) or org
            return title, owner
    return None


# "X, who served as U.S. assistant secretary of state," / "X, who is now the city's mayor":
# a role stated in a relative clause. Dotted acronyms ("U.S.") stay inside the phrase.
_WHO_ROLE = re.compile(
    r",\s+who\s+(?:[a-z]+ly\s+|now\s+|also\s+|once\s+)?"
    r"(?P<verb>served|serves|was|is|has\s+been|had\s+been|became|becomes|worked|works)"
    r"(?:\s+as)?\s+(?P<phrase>(?:(?:[A-Z]\.){2,}|[^,;:()“”\"—–.])+?)(?=,|\.(?:\s|$)|;|$)"
)


_LEAD_WORDS = frozenset(("the", "a", "an", "now", "also", "still", "once", "then"))


_PAST = frozenset(("served", "was", "had been", "worked"))


def who_role(gaz: Gazetteer, text: str, end: int) -> tuple[str, str | None] | None:
    """ "Jo Park, who recently served as U.S. trade representative," -> ("former trade
    representative", "United States"): the title and owner a relative clause states."""
    match = _WHO_ROLE.match(text, end, min(len(text), end + 200))
    if match is None:
        return None
    words = match.group("phrase").split()
    while words and (words[0].lower() in _LEAD_WORDS or words[0].endswith("ly")):
        words = words[1:]
    owner: str | None = None
    if words and words[0].endswith(("’s", "'s")):
        possessor = words[0][:-2]
        owner = gaz.country_of(possessor) or (possessor if possessor[:1].isupper() else None)
        words = words[1:]
    for i in range(len(words)):
        t = title_at(gaz, words, i)
        if not t:
            continue
        lead = words[:i]
        if lead and owner is None:
            owner = gaz.country_of(" ".join(lead))
            if owner is not None:
                lead = []
        title = " ".join([*lead, *words[i : i + t]]).lower()
        posting = _posting(title, words[i + t :])
        if posting is not None:
            title = f"{title} to {posting}"
        verb = " ".join(match.group("verb").split())
        if verb in _PAST and not title.startswith("former "):
            title = f"former {title}"
        return title, owner
    return None


# "X is the foreign minister of Y", "X was Austria's ambassador", "X has been a senior adviser
# to ...": a role stated with a copula straight after the name. Unlike the relative clause the
# phrase must open with an article or possessive and hold nothing but the title, its
# modifiers and its owner: "X is the first minister to resign" states no office.
_IS_ROLE = re.compile(
    r"\s+(?P<verb>is|was|has\s+been|had\s+been|became|remains)\s+"
    r"(?:also\s+|now\s+|still\s+|currently\s+|presently\s+)?"
    r"(?P<phrase>(?:the|a|an|[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*['’]s)\s+"
    r"(?:(?:[A-Z]\.){2,}|[^,;:()“”\"—–.])+?)(?=,|\.(?:\s|$)|;|$)"
    # "X served as foreign minister from 2010": after "as" the article may be left out
    r"|\s+(?P<as_verb>(?:(?:has|have|had)\s+)?(?:also\s+|previously\s+|once\s+)?"
    r"(?:serves|served|works|worked))\s+as\s+"
    r"(?P<as_phrase>(?:(?:[A-Z]\.){2,}|[^,;:()“”\"—–.])+?)(?=,|\.(?:\s|$)|;|$)"
)

# Words between the article and the title that keep it an office ("the acting foreign minister")
_ROLE_LEADS = frozenset(
    _words(
        """former acting interim outgoing incoming retired top senior chief deputy new current
        longtime long-time veteran"""
    )
)

# What may follow the title: its owner ("of Hungary", "at the bank", "for Europe") or a time
_ROLE_TAIL = re.compile(
    r"^(?:(?:of|at|for)\s+(?:the\s+)?(?P<owner>[A-Z][\w.\-’']*(?:\s+(?:of\s+|for\s+|and\s+)?"
    r"[A-Z][\w.\-’']*)*))?"
    r"(?:\s*(?:since|until|from|in)\s+(?:\d{4}|[A-Z][a-z]+(?:\s+\d{4})?)"
    r"(?:\s+(?:to|until)\s+(?:\d{4}|[A-Z][a-z]+(?:\s+\d{4})?))?)?$"
)


_ROLE_TO = re.compile(r"^to\s+(?:the\s+)?(?:[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*|[a-z]+\s+[a-z]+)")


def copula_role(gaz: Gazetteer, text: str, end: int) -> tuple[str, str | None] | None:
    """ "Jo Park is the foreign minister of Hungary." -> ("foreign minister", "Hungary");
    "Jo Park was Austria's ambassador until 2019." -> ("former ambassador", "Austria")."""
    match = _IS_ROLE.match(text, end, min(len(text), end + 160))
    if match is None:
        return None
    words = (match.group("phrase") or match.group("as_phrase")).split()
    owner: str | None = None
    if words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    elif match.group("as_verb") is not None and not words[0].endswith(("’s", "'s")):
        pass  # "served as foreign minister": the title straight after "as"
    else:
        # "South Korea's defence minister": the owner runs to the word with the possessive
        k = next(k for k, w in enumerate(words) if w.endswith(("’s", "'s")))
        possessor = " ".join(words[: k + 1])[:-2]
        # "Detroit's mayor" is the city's, not the country's
        owner = gaz.country_by_surface.get(possessor, possessor)
        words = words[k + 1 :]
    if words and owner is None and gaz.country_of(words[0]):
        # "the Hungarian foreign minister", "a US diplomat"
        owner = gaz.country_of(words[0])
        words = words[1:]
    # "the acting foreign minister", "a senior trade adviser": modifiers and a portfolio
    # before the title word are part of the title
    i = 0
    while i < len(words) and not title_at(gaz, words, i):
        if words[i].lower() not in _ROLE_LEADS and words[i].lower() not in TITLE_PREFIXES:
            return None
        i += 1
    if i == len(words):
        return None
    t = i + title_at(gaz, words, i)
    rest = " ".join(words[t:])
    to = _ROLE_TO.match(rest)
    if to is not None:
        # "ambassador to Japan", "adviser to the prime minister": the "to" phrase is the
        # office's object, kept in the title
        words = [*words[:t], *to.group(0).split()]
        t = len(words)
        rest = rest[to.end() :].strip()
    tail = _ROLE_TAIL.match(rest)
    if tail is None:
        return None
    if tail.group("owner") and owner is None:
        named = tail.group("owner")
        owner = gaz.country_of(named) or named
    title = " ".join(_title_word(gaz, w) for w in words[:t])
    verb = " ".join(
        w
        for w in (match.group("verb") or match.group("as_verb")).split()
        if w not in ("also", "previously", "once")
    )
    if (verb in _PAST or verb.startswith("had ")) and not title.startswith("former "):
        title = f"former {title}"
    return title, owner


# Where a description in apposition before a name begins: after a comma, a colon, a
# semicolon, an opening bracket or quote, a line break or a sentence's end.
_DESCRIPTION_OPENS = re.compile(r"(?:[,;:(“\"\n]|[.!?]\s)\s*(?:and\s+|but\s+)?")
# Words that end a noun phrase: a clause or a verb follows, so no description stands there.
_CLAUSE_WORDS = frozenset(
    _words("""who whom which that whose said says told met meets will would has have had is was""")
)
# Prepositions after a title: "of"/"at" name the body the holder works for, the others
# the field ("special envoy for the region", "commissioner for trade").
_BODY_PREPOSITIONS = frozenset(("of", "at"))
_FIELD_PREPOSITIONS = frozenset(("for", "on", "to", "in"))


def described_before(
    gaz: Gazetteer, text: str, start: int, ends: Mapping[int, Candidate]
) -> tuple[str, str | None, int, str | None] | None:
    """A long job description in apposition before a name, with the body it names.

    "the head of the state-owned Acme company, Jo Park," -> ("head", "state-owned Acme
    company"); "Ruritania's special envoy for the region, Jo Park," -> ("special envoy for
    the region", "Ruritania"). Returns (title, affiliation, title start, the country the
    holder serves, when the description names one).
    The description opens with an article or a possessive; a title word follows, with only
    modifiers between; after the title nothing but a prepositional phrase.
    """
    if not text.endswith(", ", 0, start):
        return None
    end = start - 2
    window_start = max(0, end - 160)
    opened = window_start
    for m in _DESCRIPTION_OPENS.finditer(text, window_start, end):
        opened = m.end()
    segment = text[opened:end]
    words = segment.split()
    if not 2 <= len(words) <= 16:
        return None
    offsets: list[int] = []
    at = 0
    for w in words:
        at = segment.index(w, at)
        offsets.append(opened + at)
        at += len(w)
    # the words inside a named body or place: "the DUP leader", "the Northern Ireland
    # secretary" -- the name before the title owns it
    bodies = [
        c
        for c in ends.values()
        if c.name and c.kind is not EntityKind.PERSON and opened <= c.start < end
    ]
    named = {k: c for k, at_ in enumerate(offsets) for c in bodies if c.start <= at_ < c.end}
    # try each article or possessive as the description's first word, leftmost first:
    # "The minister met the president of Ruritania, X": the second one
    for first, word in enumerate(words):
        possessive = word.endswith(("’s", "'s"))
        if word not in ("the", "The", "a", "A", "an", "An") and not possessive:
            continue
        found = _described_title(gaz, words, first, possessive, named)
        if found is None:
            continue
        title, field_start, body_words, owner_k = found
        affiliation: str | None = None
        if owner_k is not None:
            owner_word = words[owner_k]
            if owner_k in named and not owner_word.endswith(("’s", "'s")):
                affiliation = named[owner_k].country or named[owner_k].name
            elif owner_word.endswith(("’s", "'s")):
                owner = ends.get(offsets[owner_k] + len(owner_word) - 2)
                if owner is not None and owner.kind is not EntityKind.PERSON:
                    affiliation = owner.country or owner.name
            else:
                affiliation = gaz.country_of(owner_word.rstrip("."))
        country = affiliation if affiliation in gaz.countries else None
        named_body = _body_named_in(gaz, text, offsets[first], end, ends)
        if body_words:
            body = body_words[1:] if body_words[0].lower() == "the" else body_words
            if country is None and body and body[0].endswith(("’s", "'s")):
                # "the director of Ruritania's Office for Trade": Ruritania's official
                k = len(words) - len(body)
                owner = ends.get(offsets[k] + len(body[0]) - 2)
                if owner is not None and owner.kind is not EntityKind.PERSON:
                    country = owner.country
            affiliation = named_body or " ".join(body) or affiliation
        elif field_start is not None:
            title = f"{title} {' '.join(words[field_start:])}"
        return title, affiliation, offsets[first], country
    return None


def _body_named_in(
    gaz: Gazetteer, text: str, lo: int, hi: int, ends: Mapping[int, Candidate]
) -> str | None:
    """The organisation a description names, its name read whole across "for"/"and".

    "Ruritania's Office for Borduria": one body "Office for Borduria" (the run stops at
    "for", leaving a lone "Office" and a country); a lone head word left over ("Office")
    is no body of its own.
    """
    inside = sorted((c for c in ends.values() if lo <= c.start < hi and c.name), key=_start)
    found: str | None = None
    for k, cand in enumerate(inside):
        if cand.kind is not EntityKind.ORGANISATION or not cand.name:
            continue
        nxt = inside[k + 1] if k + 1 < len(inside) else None
        joined = (
            nxt is not None
            and nxt.end <= hi
            and text[cand.end : nxt.start] in (" for ", " and ", " on ")
            # a lone unknown word is read as a name chunk ("Office for Ferries")
            and (
                nxt.kind is not EntityKind.PERSON
                or (" " not in nxt.name and not (nxt.title or nxt.evidence))
            )
        )
        if joined and nxt is not None:
            cand.end = nxt.end
            cand.surface = cand.name = text[cand.start : nxt.end]
            nxt.name = ""  # part of the body's name, no entity of its own
        elif " " not in cand.name and cand.name in gaz.org_heads:
            cand.name = ""  # "Office" alone names no body
            continue
        found = found or cand.name
    return found


def _start(cand: Candidate) -> int:
    return cand.start


def _described_title(
    gaz: Gazetteer,
    words: list[str],
    first: int,
    possessive: bool,
    named: Mapping[int, Candidate],
) -> tuple[str, int | None, list[str], int | None] | None:
    """The title in ``words[first:]``: (title, field start, body words, possessive's index).

    ``named`` maps the index of each word inside a named body or place to it.
    """
    owner_k: int | None = first if possessive else None
    k = first + 1
    modifiers: list[str] = []
    while k < len(words) and k - first <= 5:
        n = title_at(gaz, words, k) if k not in named else 0
        if n:
            title_words = [w.lower() for w in modifiers] + [w.lower() for w in words[k : k + n]]
            rest = words[k + n :]
            if not rest:
                return " ".join(title_words), None, [], owner_k
            if rest[0] == "and" and len(rest) > 1:
                # "the deputy premier and Ruritanian foreign minister, X": both titles
                second = _described_title(gaz, words, k + n, False, named)
                if second is None or second[1] is not None or second[2]:
                    return None
                return (
                    f"{' '.join(title_words)} and {second[0]}",
                    None,
                    [],
                    owner_k if owner_k is not None else second[3],
                )
            if any(w.lower() in _CLAUSE_WORDS for w in rest) or len(rest) > 10:
                return None
            preposition = rest[0].lower()
            if preposition in _BODY_PREPOSITIONS and len(rest) > 1:
                return " ".join(title_words), None, rest[1:], owner_k
            if preposition in _FIELD_PREPOSITIONS and len(rest) > 1:
                return " ".join(title_words), k + n, [], owner_k
            return None
        word = words[k]
        if k in named and not word.endswith(("’s", "'s")):
            if owner_k is not None and owner_k not in named:
                return None
            # "the DUP leader", "the Northern Ireland secretary": the body owns the title
            if owner_k is None:
                owner_k = k
            elif named[owner_k] is not named[k]:
                return None
        elif word.endswith(("’s", "'s")) and owner_k is None:
            owner_k = k  # "the EU's special envoy": the possessive owns the title
        elif word.lower() in _CLAUSE_WORDS or word.lower() in ("of", "for", "and", "in", "on"):
            return None
        elif word.islower() or "-" in word:
            modifiers.append(word)  # "special", "state-owned"
        elif owner_k is None and gaz.country_of(word.rstrip(".")):
            owner_k = k  # "the Ruritanian chief negotiator": the demonym's country
        else:
            return None
        k += 1
    return None
