"""Person candidates confirmed by context and merged: a surname joins the full name it ends."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache

from knowledge.extract.entities.context import KINSHIP
from knowledge.extract.entities.index import EntityIndex, Mention
from knowledge.extract.entities.runs import CALENDAR_NAMES, Candidate, given_name_set
from knowledge.extract.entities.vocabulary import STOPWORDS
from knowledge.extract.gazetteer import CANCILLER_STATES, load_gazetteer
from knowledge.extract.gazetteer import words_of as _words
from knowledge.models import Article, Entity, EntityKind, Role, Span, entity_id

# Capitalised words that appear in multi-word names of things, not people.
_NON_PERSON_WORDS = frozenset(
    _words(
        """
        Street Road Avenue Boulevard Lane Drive Square Bridge Highway River Lake Mountain Mount
        Island Islands Bay Sea Ocean Gulf Valley Park Palace Castle Tower Airport Station Stadium
        Arena Hall Building Plaza Day Week Year Month War Wars Act Bill Law Treaty Agreement Accord
        Accords Plan Deal Cup Championship Championships Games Olympics Award Awards Prize Festival
        Show Series Book Times Post Journal News Street Avenue North South East West Northern
        Southern Eastern Western Central New Old Great Grand Royal National International Federal
        State States City County Province Region District Republic Kingdom Empire Union United
        Democratic Republican Liberal Conservative Labour Green Christian Muslim Jewish Catholic
        Islamic Arab Middle Far Near Global World Internet Web Online Twitter Facebook Google Apple
        Microsoft Amazon Netflix YouTube Instagram TikTok iPhone Covid COVID Coronavirus Brexit
        Parliament Congress Senate Capitol Hill Supreme Court Prime Minister President Secretary
        General Administration Government Ministry Department Office Agency Council Committee Board
        Party Church Mosque Temple School University College Institute Hospital Center Centre
        Company Corporation Group Bank Fund Club Team League Association Foundation Trust Network
        Service Services Force Forces Army Navy Police Guard Corps Command Authority Assembly
        Commission Court Tribunal Local Prison Jail Base Camp Zone Strip Bank Canal Pass Border
        Line Wall Commons Lords House Hills Heights Springs Beach Falls Gardens
        Coast Desert Forest Peninsula Cape Point Port Harbour Harbor Market Exchange Index Act
        Amendment Constitution Charter Declaration Convention Protocol Initiative Program Programme
        Project Policy Strategy Doctrine Summit Conference Forum Talks Meeting Session Olympic
        Paralympic Premier Champions Open Grand Prix Formula Super Bowl Series Final Finals
        Christmas Easter Ramadan Eid Thanksgiving Halloween Hanukkah Diwali Passover Sabbath Budget
        Census Election Elections Referendum Poll Polls Survey Report Review Study Inquiry
        Investigation Hearing Trial Case Affairs Relations Security Defence Defense Foreign Home
        Justice Health Education Energy Finance Treasury Trade Commerce Labor Interior Transport
        Environment Agriculture Culture Sport Sports Media Press Radio Television TV Film Movie
        """
    )
)


# Family names written first (Chinese, Korean, Vietnamese, Hungarian usage in English copy):
# "Xi Jinping" is "Xi" on second reference, "Moon Jae-in" is "Moon".
_FAMILY_FIRST = frozenset(
    _words(
        """Xi Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Hu Wen Deng Mao Jiang Sun Ma Zhu Guo
        Kim Park Lee Moon Yoon Choi Ban Roh Chung Nguyen Tran Pham Ho Vo Hun Orban"""
    )
)


# Hyphenated Korean given names ("Chol-su", "Min-ji"): the word before is the family name.
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def family_first(parts: list[str]) -> bool:
    """Whether a name is written family name first ("Xi Jinping", "Ri Son-gwon")."""
    if len(parts) < 2:
        return False
    if parts[0] in _FAMILY_FIRST:
        return True
    return len(parts) == 2 and len(parts[0]) <= 5 and bool(_KOREAN_GIVEN.fullmatch(parts[1]))


# Common spelling variants of given names (transliterations from Cyrillic and Arabic): the
# same person spelt "Sergei" by one outlet and "Sergey" by another is one entity. The first
# form of each group is the canonical spelling.
_GIVEN_VARIANTS = (
    "Sergei Sergey Serguei Sergej",
    "Dmitry Dmitri Dmitriy",
    "Alexei Alexey Aleksei Aleksey Alexej",
    "Andrei Andrey",
    "Nikolai Nikolay",
    "Yuri Yury Yuriy Iouri",
    "Yevgeny Evgeny Yevgeniy Evgeniy",
    "Anatoly Anatoliy Anatoli",
    "Vasily Vasiliy Vasili",
    "Valery Valeriy Valeri",
    "Georgy Georgiy Georgi",
    "Grigory Grigoriy Grigori",
    "Arkady Arkadiy Arkadi",
    "Gennady Gennadiy Gennadi",
    "Maxim Maksim",
    "Mikhail Mikhael",
    "Mohammed Muhammad Mohammad Mohamed Mohamad Muhammed",
)
_GIVEN_CANONICAL = {
    variant: group.split()[0] for group in _GIVEN_VARIANTS for variant in group.split()
}


# A middle initial: "K." in "Walter K. Brunn".
_INITIAL = re.compile(r"[A-Z]\.?")


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z]")


def _distinct_initials(full_names: list[list[str]]) -> set[str]:
    """Full names whose middle initials must stay: another name of the same first and last
    name is written with other initials ("George W. Bush", "George H. W. Bush")."""
    groups: dict[tuple[str, str], dict[tuple[str, ...], tuple[int, str]]] = {}
    for order, parts in enumerate(full_names):
        middle = parts[1:-1]
        if not middle or not all(_INITIALS.fullmatch(w) for w in middle):
            continue
        letters = tuple(c for w in middle for c in w if c.isalpha())
        forms = groups.setdefault((parts[0], parts[-1]), {})
        forms.setdefault(letters, (order, " ".join(parts)))
    kept: set[str] = set()
    for forms in groups.values():
        if len(forms) < 2:
            continue
        ranked = sorted(forms.items(), key=lambda item: (len(item[0]), item[1][0]))
        kept.update(written for _, (_, written) in ranked[1:])
    return kept


def normal_name(name: str) -> str:
    """The canonical spelling of a full person name, on which its id is built: middle
    initials dropped ("Walter K. Brunn" -> "Walter Brunn") and a given name's transliteration
    variant mapped to one spelling ("Sergey Malkin" -> "Sergei Malkin")."""
    parts = name.split()
    if len(parts) < 2:
        return name
    if len(parts) >= 3:
        kept = [parts[0], *(w for w in parts[1:-1] if not _INITIAL.fullmatch(w)), parts[-1]]
        if len(kept) >= 2:
            parts = kept
    first = _GIVEN_CANONICAL.get(parts[0])
    if first is not None:
        parts = [first, *parts[1:]]
    return " ".join(parts)


def _is_person_name(cand: Candidate, confirmed: set[str]) -> bool:
    """Whether a name chunk is a person, given the names confirmed anywhere in the article.

    A chunk counts when it has a title or honorific, when the context marks it ("X said",
    "X, 54,"), when its first word is a common given name, or when it is (the surname of) a
    name confirmed elsewhere: news copy names a person in full once and by surname after.
    """
    words = cand.name.split()
    if len(words) > 5 or words[-1] in load_gazetteer().org_heads:
        return False
    # "Grand Slam", "General Election", "Father Christmas": a title word before one
    # capitalised word is no proof of a person; a personal honorific ("Mr Blair") is
    lone = len(words) == 1 and (cand.title or cand.honorific)
    if (
        lone
        and cand.title is None
        and cand.name in _NON_PERSON_WORDS
        and cand.honorific not in _PERSONAL_HONORIFICS
    ):
        # "Ministers of Foreign Affairs": a portfolio's word after a title word, not a
        # surname ("Gov. Justice" keeps its personal honorific, "her husband Bill" a title)
        return False
    if lone and not (cand.honorific in _PERSONAL_HONORIFICS or cand.name in confirmed):
        return cand.evidence and cand.name not in _NON_PERSON_WORDS
    if cand.title or cand.honorific:
        return True  # "Energy Secretary Jo Park": a title outweighs a place-like word
    if len(words) == 1 and cand.name in confirmed:
        return True  # "Lane said" after "minister Anna Lane": the surname, not a street word
    if (
        any(w in _NON_PERSON_WORDS for w in words)
        and not (
            # "Doris Day": a given name before a calendar word
            len(words) == 2 and words[1] in CALENDAR_NAMES and words[0] in given_name_set()
        )
        and not (
            # "Bill Hadley", "Bill Osei": a given name that is also a thing's word ("Health
            # Bill") opens a name when only the name's first word is such a word
            len(words) >= 2
            and words[0] in given_name_set()
            and not any(w in _NON_PERSON_WORDS for w in words[1:])
        )
    ):
        return False
    if len(words) >= 2 and (
        cand.evidence or words[0] in given_name_set() or cand.party is not None
    ):
        return True  # "Democrat Dianne Feinstein": a party label is said of people
    if len(words) == 1 and cand.evidence and words[0] in given_name_set():
        return True  # "Ian said": a first name on second reference, as sports copy does
    # A lone word that "said" something is as often a company ("Nintendo said"): it is a
    # person only as the surname of a person named in full.
    return cand.name in confirmed


# "Minister of Foreign Relations", "minister for external affairs": the portfolio's usual
# name is "<portfolio> minister", which is how questions and other articles write it.
_MINISTER_OF = re.compile(
    r"minister (?:of|for) (?:the )?(?P<portfolio>[a-z]+)(?: (?:affairs|relations))?"
)
_PORTFOLIO_SYNONYMS = {"external": "foreign", "home": "interior"}
# "Republic of Peru", "the Kingdom of Spain": the state's formal name, as the country
_FORMAL_STATE = re.compile(
    r"(?:the )?(?:Republic|Kingdom|State|Commonwealth|Federation|Principality|Sultanate|"
    r"Emirate|Islamic Republic|People's Republic|Federal Republic) of (?:the )?(?P<state>.+)"
)


def _canonical_role(title: str, affiliation: str | None) -> tuple[str, str | None]:
    """A title and affiliation in the forms other articles use for the same office."""
    gaz = load_gazetteer()
    if title in ("canciller", "chanceler") or (
        title == "chancellor" and affiliation in CANCILLER_STATES
    ):
        title = "foreign minister"
    ministry = _MINISTER_OF.fullmatch(title)
    if ministry is not None:
        portfolio = ministry.group("portfolio")
        short = f"{_PORTFOLIO_SYNONYMS.get(portfolio, portfolio)} minister"
        if short in gaz.titles:
            title = short
    if affiliation is not None:
        state = _FORMAL_STATE.fullmatch(affiliation)
        if state is not None:
            country = gaz.country_of(state.group("state"))
            if country is not None:
                affiliation = country
    if (title.removeprefix("former "), affiliation) in _NO_SUCH_OFFICE:
        # "... no wish for a clash with the U.S. Foreign Minister Ana Ruiz said":
        # a sentence's last word read as the office's country; that office does not exist there
        affiliation = None
    return title, affiliation


# Offices a state does not have, so that its name before the title belongs to something else.
_NO_SUCH_OFFICE = frozenset(
    {
        ("foreign minister", "United States"),
        ("prime minister", "United States"),
        ("deputy foreign minister", "United States"),
        ("deputy prime minister", "United States"),
    }
)


STOPWORDS_LOWER = frozenset(w.lower() for w in STOPWORDS)


_NAME_PARTICLES = frozenset(
    _words("von van der den de da di du la le bin ibn al el ben dos das del y")
)
_PERSONAL_HONORIFICS = frozenset(
    _words(
        """Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Sen. Sen
        Rep. Rep Gov. Gov Senator Representative Governor Rev Rev. Reverend Sheikh Ayatollah
        Imam Rabbi Pope King Queen Prince Princess Emir Sultan"""
    )
)


# Spanish and Portuguese given names: after one of these, a name of three words is a given
# name and two surnames ("Jorge Sandoval Frías"), of which the first is used alone. Other
# naming customs put a middle name there ("Sarah Huckabee Sanders"), so the rule needs them.
_IBERIAN_GIVEN = frozenset(
    _words(
        """Carlos José Jose Juan Luis Miguel Jorge Pedro Manuel Antonio Francisco Javier Alejandro
        Fernando Rafael Ricardo Eduardo Andrés Andres Pablo Diego Sergio Raúl Raul Ramón Ramon
        Enrique Alberto Roberto Mario Óscar Oscar Gustavo Rodrigo Gabriel Felipe Ernesto Marcelo
        Mauricio Hugo Álvaro Alvaro Gonzalo Ignacio Joaquín Joaquin Emilio Julio Rolando Rogelio
        Arturo Alfonso Agustín Agustin Santiago Sebastián Sebastian Tomás Tomas Vicente Víctor
        Victor Salvador Guillermo Héctor Hector Jaime Jesús Jesus Marcos Nicolás Nicolas Omar
        Orlando Rubén Ruben Lázaro Lazaro Josefa João Joao Luiz Paulo Marcio Márcio Fábio Fabio
        María Maria Ana Carmen Rosa Isabel Lucía Lucia Marta Elena Sofía Sofia Laura Claudia
        Patricia Gabriela Verónica Veronica Adriana Alejandra Beatriz Cristina Dolores Guadalupe
        Teresa Mercedes Pilar Silvia Mónica Monica Daniela Paula Camila Valentina Ximena Yolanda
        Luz Inés Ines Josefina Lourdes Graciela Susana Marisol Rocío Rocio Soledad Consuelo
        Esperanza Raquel Leticia Julia Juana Catalina Margarita Conceição Dilma"""
    )
)


def _is_relative(cand: Candidate) -> bool:
    """ "Ruiz's son Pablo Ruiz": a kinship title whose owner shares the name's surname."""
    if not cand.title or " " not in cand.name:
        return False
    # the owner is in the title ("daughter of Ruiz") or, for some forms, the affiliation
    title, _, owner = cand.title.partition(" of ")
    owner = owner or cand.affiliation or ""
    if not owner or (title not in KINSHIP and title.split("-")[0] not in KINSHIP):
        return False
    return owner.split()[-1].casefold() == cand.name.split()[-1].casefold()


def _paternal_surname(parts: list[str]) -> str | None:
    """The first of two surnames ("Sandoval" in "Jorge Sandoval Frías"): an Iberian given
    name, then two words that are neither given names, initials nor particles."""
    if len(parts) != 3 or family_first(parts):
        return None
    given = given_name_set()
    first, middle, last = parts
    if first not in _IBERIAN_GIVEN or middle in given or last in given:
        return None
    if (
        _INITIAL.fullmatch(middle)
        or middle.lower() in _NAME_PARTICLES
        or last.rstrip(".")
        in (
            "Jr",
            "Sr",
            "II",
            "III",
        )
    ):
        return None
    return middle


def _usable_alias(alias: str, name: str) -> bool:
    """An alias a later mention may use: not a one- or two-letter piece ("Un"), not a common
    word, and for a family-name-first name not a piece of the given name ("Su-yong")."""
    words = alias.split()
    if len(words) == 1:
        bare = alias.strip(".")
        parts = name.split()
        if family_first(parts) and alias == parts[0]:
            return True  # "Xi", "Ri": short family names are what copy uses alone
        if len(bare) <= 2 or alias in STOPWORDS or alias.lower() in STOPWORDS_LOWER:
            return False
        if family_first(parts) and alias != parts[0] and alias in parts[1:]:
            return False
        if family_first(parts) and "-" in alias and alias.split("-")[0] in parts[1:]:
            return False
    return True


# entity ids are pure functions of kind and name; the same names recur across articles
_entity_id = lru_cache(maxsize=16384)(entity_id)


# "Ortiz said he ...": a speaker whose own reported words are in the first person singular
# or who is "he"/"she" right after the cue is a person, however often named by surname alone.
_HE_AFTER = re.compile(
    r"\s+(?:said|says|told|added|insisted|argued|noted|warned)\s+(?:that\s+)?(?:he|she)\b"
)
_I_BEFORE = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my)\b[^“”\"]{0,160}[,.?!]\s*[”\"]\s*$")


def _speaks_as_person(text: str, name: str, people: list[Candidate]) -> bool:
    """Whether a lone name that speaks is "he"/"she" or says "I" (a person, not a body)."""
    for cand in people:
        if cand.name != name:
            continue
        if _HE_AFTER.match(text, cand.end, cand.end + 40):
            return True
        if _I_BEFORE.search(text, max(0, cand.start - 200), cand.start):
            return True
    return False


# Small words a body's initials skip: "Bureau of Roads and Inland Waterways" (BRIW).
_INITIALS_SKIP = frozenset(("of", "for", "and", "the", "on", "in", "to", "&"))
# Chambers whose committees go by their names, not initials.
_CHAMBERS = frozenset(("House", "Senate", "Assembly", "Homeland"))


def initials(name: str) -> str | None:
    """The initials of a body's name of three or more capitalised words ("BCF"), else None.

    Two-word names give initials too short to tell bodies apart ("NC"); a name with a word
    in capitals or digits ("BBC World Service", "G7 Summit") is not written as initials.
    """
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _INITIALS_SKIP]
    if words and words[0] in _CHAMBERS:
        return None  # "House Budget Committee" is not written "HBC"
    if len(words) < 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return None
    return "".join(w[0] for w in words)


def _given_name_aliases(full_names: list[list[str]]) -> dict[str, str]:
    """First words that stand alone for one full name: {"Anong": "Anong Srisuk"}.

    Many naming customs (Thai, Lao, Indonesian, Icelandic) use the given name on second
    reference, and copy sometimes does so for anyone. The first word counts only when a
    single person named in full starts with it and no one's surname is that word, so that a
    lone word that could mean two people stays unlinked.
    """
    starts: dict[str, set[str]] = {}
    lasts: set[str] = set()
    for parts in full_names:
        lasts.add(parts[-1])
        if family_first(parts) or len(parts[0].strip(".")) <= 2:
            continue  # "Xi" already means the family name; an initial is no name
        starts.setdefault(parts[0], set()).add(" ".join(parts))
    return {
        word: next(iter(names))
        for word, names in starts.items()
        if len(names) == 1 and word not in lasts and word not in STOPWORDS
    }


def merge(
    article: Article,
    candidates: list[Candidate],
    people: list[Candidate],
    role_mentions: list[tuple[int, int, str]],
    as_of: date | None,
) -> EntityIndex:
    gaz = load_gazetteer()
    # canonical person names: the longest form seen; shorter forms attach by suffix
    full_names: list[list[str]] = []
    # Names confirmed by context anywhere. A full name is confirmed by its own context or by its
    # surname standing alone with person context elsewhere ("Hayne said" confirms "Bruce
    # Hayne"); a lone surname is confirmed by a confirmed full name that ends in it.
    confirmed: set[str] = set()
    said_alone = {c.name for c in people if " " not in c.name and (c.evidence or c.honorific)}
    for cand in people:
        if _is_person_name(cand, set()):
            confirmed.add(cand.name)
            if " " in cand.name:
                parts = cand.name.split()
                confirmed.add(parts[-1])
                if family_first(parts):
                    confirmed.add(parts[0])  # "Moon Jae-in" ... "Moon thanked X"
    for cand in people:
        words = cand.name.split()
        if len(words) >= 2 and (words[-1] in confirmed or words[-1] in said_alone):
            confirmed.add(cand.name)
            confirmed.add(words[-1])
    # a first word links only when it speaks alone ("Anong said") and the full name is a
    # person by its title or its own speech: "Mercedes" alone is a car maker, not a person
    given_alone = {
        word: name
        for word, name in _given_name_aliases(
            [
                c.name.split()
                for c in people
                if " " in c.name and c.name in confirmed and (c.title or c.evidence)
            ]
        ).items()
        if word in said_alone
    }
    confirmed.update(given_alone)
    for cand in people:
        words = cand.name.split()
        if len(words) >= 2 and _is_person_name(cand, confirmed):
            full_names.append(words)

    # "George W. Bush" and "George H. W. Bush" in one story: two people, whose ids keep the
    # initials that tell them apart (the one written with fewest initials keeps the plain id)
    kept_initials = _distinct_initials(full_names)

    def id_name(written: str) -> str:
        return written if written in kept_initials else normal_name(written)

    # "Senator Ruiz's son Pablo Ruiz": a full name introduced as a relative of a bearer of the
    # same surname. The bare surname elsewhere means the relative it describes, not him.
    relatives = {cand.name for cand in people if _is_relative(cand)}

    def canonical(name: str) -> str:
        """The longest full name this form is short for: its ending ("Merkel"), or for a
        family-name-first name its family name ("Xi" for "Xi Jinping")."""
        words = name.split()
        folded = [w.lower() for w in words]
        best: list[str] | None = None
        for full in full_names:
            if len(words) == 1 and " ".join(full) in relatives:
                continue  # a lone surname never means the relative introduced by it
            # case-blind so that "Von der Leyen" opening a sentence joins "Ursula von der Leyen"
            suffix_match = (
                len(full) >= len(words) and [w.lower() for w in full[-len(words) :]] == folded
            )
            first_family = len(words) == 1 and len(full) > 1 and full[0] == words[0]
            if first_family and given_alone.get(words[0]) == " ".join(full):
                return given_alone[words[0]]  # "Anong said" after "Anong Srisuk"
            # "Jorge Sandoval Frías" ... "Mr. Sandoval": in a given name and two
            # surnames the first surname is the one used alone (Spanish and Portuguese usage)
            paternal = len(words) == 1 and _paternal_surname(full) == words[0]
            if (suffix_match or (first_family and family_first(full)) or paternal) and (
                best is None
                or (len(full) > len(best) and " ".join(full) not in kept_initials)
                or (" ".join(best) in kept_initials and " ".join(full) not in kept_initials)
            ):
                best = full  # a bare "Bush" means the one with the plain id, not "H. W."
        return " ".join(best) if best else name

    records: dict[str, dict[str, object]] = {}
    ids: dict[tuple[EntityKind, str], str] = {}
    order: list[str] = []
    mentions: list[Mention] = []

    def record(kind: EntityKind, name: str, cand: Candidate) -> str:
        eid = ids.get((kind, name))
        if eid is None:
            eid = ids[(kind, name)] = _entity_id(kind, name)
        rec = records.get(eid)
        if rec is None:
            rec = {
                "kind": kind,
                "name": name,
                "aliases": [],
                "roles": [],
                "spans": [],
                "country": None,
            }
            records[eid] = rec
            order.append(eid)
        aliases = rec["aliases"]
        assert isinstance(aliases, list)
        if cand.surface != name and cand.surface not in aliases:
            aliases.append(cand.surface)
        spans = rec["spans"]
        assert isinstance(spans, list)
        spans.append((cand.start, cand.end))
        if cand.country and rec["country"] is None:
            rec["country"] = cand.country
        mentions.append(Mention(cand.start, cand.end, cand.surface, eid, kind))
        return eid

    person_ids = {id(c) for c in people}
    as_person: set[str] = set()
    as_body: set[str] = set()
    said_twice = {
        name for name, n in Counter(c.name for c in people if c.evidence).items() if n >= 2
    }
    for cand in candidates:
        if not cand.name:
            continue  # a bare title, or a topic word taken into one ("Press secretary")
        if cand.kind is EntityKind.PERSON:
            if id(cand) not in person_ids:
                continue
            if not _is_person_name(cand, confirmed):
                if cand.name in said_alone and cand.name in said_twice:
                    if cand.name not in as_person and cand.name not in as_body:
                        speaks = _speaks_as_person(article.text, cand.name, people)
                        (as_person if speaks else as_body).add(cand.name)
                    # "Nintendo said ... Nintendo added": a body that speaks, not a person;
                    # "Ortiz said he ...", "'I ...,' Ortiz said": a person named by surname
                    if cand.name in as_person:
                        # "Ban said ... he": the full name it is short for, if any
                        record(EntityKind.PERSON, id_name(canonical(cand.name)), cand)
                    else:
                        record(EntityKind.ORGANISATION, cand.name, cand)
                continue
            written = canonical(cand.name)
            name = id_name(written)
            eid = record(EntityKind.PERSON, name, cand)
            rec = records[eid]
            parts = name.split()
            # the form a later mention uses alone: the family name
            last = parts[0] if family_first(parts) else parts[-1]
            # "von der Leyen", "bin Salman": the surname keeps its particles
            k = len(parts) - 1
            while k > 1 and parts[k - 1] in _NAME_PARTICLES:
                k -= 1
            if k < len(parts) - 1:
                last = " ".join(parts[k:])
            aliases = rec["aliases"]
            assert isinstance(aliases, list)
            if last != name and last not in aliases and name not in relatives:
                aliases.append(last)
            if written != name and written not in aliases:
                aliases.append(written)  # "Walter K. Brunn", "Sergey Malkin" as written
            paternal = _paternal_surname(parts)
            if paternal is not None:
                for short in (paternal, f"{parts[0]} {paternal}"):
                    if short not in aliases:
                        aliases.append(short)
            if cand.title or cand.affiliation:
                # A bare affiliation ("X of the Policy Institute") is kept as a role without title.
                roles = rec["roles"]
                assert isinstance(roles, list)
                title, affiliation = _canonical_role(cand.title or "", cand.affiliation)
                cand.affiliation = affiliation
                if not any(
                    r.title == title and (title or r.affiliation == affiliation) for r in roles
                ):
                    roles.append(
                        Role(
                            title=title,
                            affiliation=affiliation,
                            as_of=as_of,
                            article_id=article.id,
                            start=cand.title_start,
                            end=cand.end,
                        )
                    )
            if cand.affiliation and rec["country"] is None:
                rec["country"] = cand.affiliation if cand.affiliation in gaz.countries else None
        else:
            record(cand.kind, cand.name, cand)

    index = EntityIndex(mentions=mentions, role_mentions=role_mentions)
    for eid in order:
        rec = records[eid]
        kind = rec["kind"]
        assert isinstance(kind, EntityKind)
        name = str(rec["name"])
        aliases = rec["aliases"]
        roles = rec["roles"]
        spans = rec["spans"]
        country = rec["country"]
        assert isinstance(aliases, list) and isinstance(roles, list) and isinstance(spans, list)
        if kind is EntityKind.PERSON:
            aliases = [a for a in aliases if _usable_alias(a, name)]
        elif (
            kind is EntityKind.ORGANISATION
            and (letters := initials(name)) is not None
            and letters not in aliases
            and gaz.country_of(letters) is None
            and gaz.outlet(letters) is None
        ):
            # "Bureau of Coastal Fisheries" is the "BCF" a reader asks about, whether or
            # not this article uses the initials ("PRC" stays China's)
            aliases = [*aliases, letters]
        index.entities.append(
            Entity.model_construct(
                id=eid,
                kind=kind,
                name=name,
                aliases=tuple(aliases),
                roles=tuple(roles),
                country=country if isinstance(country, str) else None,
                # spans come from our own offsets: no validation needed on this hot path
                mentions=tuple(
                    Span.model_construct(article_id=article.id, start=s, end=e) for s, e in spans
                ),
            )
        )
    index.build()
    return index
