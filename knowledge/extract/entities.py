"""Stage 2: people, organisations, countries, places and outlets, with titles and appositions.

The stage works on *runs*: maximal sequences of capitalised words ("Iranian Foreign Minister
Abbas Araghchi"). Each run is read left to right against the gazetteer (longest match first):
outlets, countries and their demonyms, cities, known organisations; title words ("Foreign
Minister") and honorifics ("Ayatollah", "Dr.") become the role of the name that follows; what is
left is a name chunk, classified as an organisation when it ends in an organisation head word
("... Crisis Group") or is an acronym, else as a person candidate.

A second pass reads the context around each person: a lower-case title just before the name
("US special envoy Steve Witkoff", "President Donald Trump's son-in-law Jared Kushner"), an
"of" phrase after it ("... of the International Crisis Group") and an apposition ("Maria Lopez,
the city's mayor,"). Candidates are then merged: a surname-only mention joins the full name it
ends ("Trump" -> "Donald Trump").

The result is an ``EntityIndex``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

from knowledge.extract.gazetteer import Gazetteer, given_names, load_gazetteer
from knowledge.extract.gazetteer import words_of as _words
from knowledge.models import Article, Entity, EntityKind, Role, Sentence, Span, entity_id

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
_RUN = re.compile(rf"{_WORD}(?:(?:[ \t]+of[ \t]+(?:the[ \t]+)?|[ \t]+){_WORD})*")
_NON_SPACE = re.compile(r"\S+")
_OF_AFTER = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?")
_APOSTROPHE = re.compile(r"[’']")

_STOPWORDS = frozenset(
    _words(
        """
        The A An This That These Those He She It They We I You His Her Its Their Our My Your But And
        Or So Yet If When While After Before Since As At In On For From With By To Of About Under
        Over Into Despite Although Though However Meanwhile Also Still Now Then There Here What Why
        How Who Whom Whose Where Which Some Many Most All Both Each Every No Not Any Few One Two
        Three Four Five Six Seven Eight Nine Ten First Second Third Last Next Earlier Later
        According Asked Speaking Like Unlike Even Just Only Such Other Another Several More Less
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
        June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
        Oct Nov Dec Today Tomorrow Yesterday Tonight Yes Please Thank Thanks Let Do Does Did Is Are
        Was Were Be Been Has Have Had Will Would Can Could Should May Might Must Shall Until Unless
        Because Whether Without Within Between Among Against During Through Throughout Toward
        Towards Upon Around Across Behind Beyond Near Off Out Up Down Again Instead Indeed Perhaps
        Meanwhile Nevertheless Nonetheless Otherwise Therefore Thus Hence Moreover Furthermore
        Besides Overall Finally Initially Eventually Currently Recently Already Soon Never Always Mr
        Mrs Ms Miss Dr St Oh OK Okay Hey Well Sure Sorry Why Everyone Everybody Nobody Someone
        Somebody Anyone Anybody Nothing Something Anything Everything Whatever Whoever Whenever
        Wherever Sources Officials Analysts Experts Critics Residents Police Witnesses Reporters
        """
    )
)

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
        Line Wall Commons Lords House
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

# Words that are stopwords elsewhere but surnames after an honorific ("Ms. May").
_NAME_AFTER_HONORIFIC = frozenset(
    _words("May June April August Will Long Little Young Rich Hope Child Major Little Last Best")
)
# Family names written first (Chinese, Korean, Vietnamese, Hungarian usage in English copy):
# "Xi Jinping" is "Xi" on second reference, "Moon Jae-in" is "Moon".
_FAMILY_FIRST = frozenset(
    _words(
        """Xi Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Hu Wen Deng Mao Jiang Sun Ma Zhu Guo
        Kim Park Lee Moon Yoon Choi Ban Roh Chung Nguyen Tran Pham Ho Vo Hun Orban"""
    )
)
_TITLE_DOMAINS = frozenset(
    _words(
        """Energy Finance Foreign Defence Defense Interior Health Education Trade Treasury
        Transport Transportation Justice Labour Labor Environment Agriculture Culture Economy
        Economic Home Housing Immigration Commerce Security Homeland Industry Science Tourism
        Sports Communications Digital Climate Development Budget Public Works Fisheries Energy
        Water Oil Petroleum Mines Mining Social Welfare Family Women Youth Veterans"""
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
_KINSHIP = frozenset(
    _words(
        """
        son daughter wife husband brother sister father mother son-in-law daughter-in-law father-in-
        law mother-in-law brother-in-law sister-in-law widow nephew niece cousin uncle aunt grandson
        granddaughter spouse partner
        """
    )
)
_APPOSITION = re.compile(
    r",\s+(?P<phrase>[^,.;:()“”\"—–]{3,90}?)"
    r"(?=,|\.(?:\s|$)|;|\s+[—–]|\s+(?:said|says|told|added|who|which)\b|$)"
)
# Verbs that, right after a capitalised name, show it is a person (no noun homographs such as
# "report" or "claims": "the Hatch report" is no person).
_CUE_WORDS = (
    "said|says|told|tells|added|adds|explained|explains|noted|argued|argues|warned|warns|"
    "recalled|recalls|wrote|writes|asked|insisted|insists|stated|replied|responded|joked|"
    "acknowledged|admitted|admits|confirmed|announced|tweeted|testified|conceded|predicted"
)
_PERSON_AFTER = re.compile(
    r"\s*(?:,\s*\d{1,3}\s*,|(?:,[^,“”\"]{1,80},\s*)?(?:also\s+|later\s+|then\s+)?"
    rf"(?:{_CUE_WORDS})\b)"
)
_PERSON_AFTER_SINGLE = re.compile(
    rf"\s*(?:,\s*\d{{1,3}}\s*,|\s+(?:also\s+|later\s+|then\s+)?(?:{_CUE_WORDS})\b)"
)
_CREDIT_AFTER = re.compile(r"\s*/\s*(?:[A-Z][\w.&-]*\s*)+(?:\)|$|\n)")
_NP_END = re.compile(r"\s*(?:[,.;:]|$)")
_PERSON_BEFORE = re.compile(
    r"\b(?:said|says|added|asked|according to)\s+(?:[A-Z][\w&.-]*[’']s\s+)?$"
)
# A word with a capital inside that is not a name prefix (Mc, Mac, De, Di, Le, La, O'):
# brands and bodies ("TransLink", "SkyTrain", "GroupM"), not people.
_CAMEL = re.compile(r"^(?!Mc|Mac|De|Di|Du|Le|La|Van|Von|O['’])[A-Z]?[a-z]+[A-Z]")
_ORG_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an entity: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    entity_id: str
    kind: EntityKind


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person mentioned in a span, with the role the article gives them."""

    name: str
    entity_id: str
    role: str | None
    start: int
    end: int


def role_text(entity: Entity) -> str | None:
    """A person's first titled role as display text: "special envoy (United States)"."""
    for role in entity.roles:
        if role.title:
            return f"{role.title} ({role.affiliation})" if role.affiliation else role.title
    for role in entity.roles:
        if role.affiliation:
            return role.affiliation
    return None


@dataclass(slots=True)
class _Candidate:
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


@dataclass
class EntityIndex:
    """The entities of one article and where they are mentioned.

    Attributes:
        entities: one ``Entity`` per distinct person, organisation, country, place or outlet,
            with roles (titles stated in this article), aliases and mention spans.
        mentions: every mention, sorted by start offset.
        role_mentions: spans of bare titles used as names ("the Foreign Minister") with the
            title, for coreference: ``(start, end, title)``.
    """

    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    role_mentions: list[tuple[int, int, str]] = field(default_factory=list)
    _by_id: dict[str, Entity] = field(default_factory=dict)
    _by_surface: dict[str, str] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)

    def build(self) -> None:
        """Refresh lookup tables after ``entities``/``mentions`` change."""
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._by_id = {e.id: e for e in self.entities}
        self._by_surface = {}
        gaz = load_gazetteer()
        for entity in self.entities:
            for surface in (entity.name, *entity.aliases):
                self._by_surface.setdefault(surface.casefold(), entity.id)
            if entity.kind is EntityKind.COUNTRY:
                country = gaz.countries.get(entity.name)
                if country is not None:
                    for dem in country.demonyms:
                        self._by_surface.setdefault(dem.casefold(), entity.id)

    def get(self, entity_id_: str) -> Entity | None:
        """The entity with this id, if the article has it."""
        return self._by_id.get(entity_id_)

    def persons(self) -> list[Entity]:
        """The people of the article, in order of first mention."""
        return [e for e in self.entities if e.kind is EntityKind.PERSON]

    def resolve(self, surface: str) -> Entity | None:
        """The entity a surface form means: full name, alias, surname, demonym or role noun."""
        key = surface.strip().casefold()
        if not key:
            return None
        for prefix in ("the ", "mr ", "mr. ", "mrs ", "mrs. ", "ms ", "ms. ", "dr ", "dr. "):
            if key.startswith(prefix) and key[len(prefix) :] in self._by_surface:
                key = key[len(prefix) :]
                break
        found = self._by_surface.get(key)
        if found is not None:
            return self._by_id[found]
        # another surface form of a country or outlet the article names ("WSJ", "Turkey")
        gaz = load_gazetteer()
        canonical = gaz.outlet(surface.strip()) or gaz.country_of(surface.strip())
        if canonical is not None and canonical.casefold() in self._by_surface:
            return self._by_id[self._by_surface[canonical.casefold()]]
        # A role noun: the person holding that title ("the foreign minister", "the president").
        bare = key.removeprefix("the ").strip()
        for entity in self.entities:
            if entity.kind is EntityKind.PERSON and any(
                r.title.casefold() == bare or r.title.casefold().endswith(" " + bare)
                for r in entity.roles
            ):
                return entity
        # A surname: the last word of a person's name.
        last = key.split()[-1]
        for entity in self.entities:
            if entity.kind is EntityKind.PERSON and entity.name.casefold().split()[-1] == last:
                return entity
        return None

    def people_between(self, start: int, end: int) -> list[PersonRef]:
        """The people mentioned within ``[start, end)``, each with the role stated for them."""
        found: list[PersonRef] = []
        for mention in self.mentions_in(start, end):
            if mention.kind is not EntityKind.PERSON:
                continue
            entity = self._by_id.get(mention.entity_id)
            if entity is None:
                continue
            found.append(
                PersonRef(entity.name, entity.id, role_text(entity), mention.start, mention.end)
            )
        return found

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie within ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]


def _lookup(gaz: Gazetteer, phrase: str) -> tuple[EntityKind, str, str | None] | None:
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
    if phrase in gaz.region_to_country:
        return EntityKind.PLACE, phrase, gaz.region_to_country[phrase]
    org = gaz.org_by_surface.get(phrase)
    if org is not None:
        return EntityKind.ORGANISATION, org, None
    return None


def _title_at(gaz: Gazetteer, words: list[str], i: int) -> int:
    """Length of the longest title phrase starting at ``words[i]`` (0 when none)."""
    if words[i] in _TITLE_DOMAINS and i + 1 < len(words):
        # "Energy Secretary", "Health Minister": a portfolio before a title word
        inner = _title_at(gaz, words, i + 1)
        if inner and words[i + 1].lower() in _PORTFOLIO_TITLES:
            return 1 + inner
    if not gaz.starts_title(words[i]):
        return 0
    for n in range(min(4, len(words) - i), 0, -1):
        phrase = " ".join(words[i : i + n]).lower().rstrip(".")
        if phrase in gaz.titles or " ".join(words[i : i + n]) in gaz.title_abbreviations:
            return n
    return 0


def _classify_run(gaz: Gazetteer, text: str, start: int, end: int) -> list[_Candidate]:
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
    out: list[_Candidate] = []
    title: str | None = None
    title_start: int | None = None
    affiliation: str | None = None
    honorific: str | None = None
    name_from: int | None = None

    def flush(upto: int, as_org: bool = False) -> None:
        nonlocal name_from, title, affiliation, honorific, title_start
        if name_from is None:
            return
        s, e = words[name_from][0], words[upto - 1][1]
        chunk = plain[name_from:upto]
        surface = text[s:e]
        last = chunk[-1]
        if (
            as_org
            or last in gaz.org_heads
            or (len(chunk) == 1 and _ORG_ACRONYM.match(last) and not title)
            or any(_CAMEL.match(w) for w in chunk)
        ):
            out.append(_Candidate(s, e, surface, EntityKind.ORGANISATION, surface))
            name_from = None
            title = honorific = None
            title_start = None
            affiliation = surface if as_org else None
            return
        else:
            out.append(
                _Candidate(
                    s,
                    e,
                    surface,
                    EntityKind.PERSON,
                    surface,
                    title=title,
                    affiliation=affiliation,
                    title_start=title_start,
                    honorific=honorific,
                )
            )
        name_from = None
        title = affiliation = honorific = None
        title_start = None

    i = 0
    n = len(words)
    while i < n:
        matched = 0
        # no gazetteer name starts with this word: skip the lookups
        j_from = min(n, i + 5) if gaz.starts_entry(plain[i]) else i
        for j in range(j_from, i, -1):
            found = _lookup(gaz, " ".join(plain[i:j]))
            if found is not None:
                matched = j - i
                kind, name, country = found
                break
        if matched and name_from is None:
            s, e = words[i][0], words[i + matched - 1][1]
            cand = _Candidate(s, e, text[s:e], kind, name, country=country)
            out.append(cand)
            if kind in (EntityKind.COUNTRY, EntityKind.ORGANISATION, EntityKind.OUTLET):
                affiliation = name
            i += matched
            continue
        if matched and name_from is not None:
            # "Ali Vaez" then a country: the name ends here.
            flush(i)
            continue
        word = plain[i]
        if word in ("of", "the"):
            if name_from is not None and plain[i - 1] in gaz.org_heads:
                i += 1  # "Bank of England", "University of the West Indies"
                continue
            flush(i)
            title = honorific = None
            title_start = None
            affiliation = None
            i += 1
            continue
        if name_from is None:
            t = _title_at(gaz, plain, i)
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
            if word in gaz.honorifics:
                honorific = word
                i += 1
                continue
            base = _APOSTROPHE.split(word, maxsplit=1)[0]
            if honorific is not None and word in _NAME_AFTER_HONORIFIC:
                name_from = i  # "Ms. May", "Mr. Long"
                i += 1
                continue
            if word in _STOPWORDS or base in _STOPWORDS or word.lower() in _TITLE_MODIFIERS:
                affiliation = None if word in _STOPWORDS else affiliation
                i += 1
                continue
            name_from = i
            i += 1
            continue
        if word in _STOPWORDS:
            flush(i)
            i += 1
            continue
        t = _title_at(gaz, plain, i)
        if t and i + t < n and plain[i + t] not in _STOPWORDS:
            # "TransLink CEO Kevin Desmond": the name before a title is the affiliation
            flush(i, as_org=True)
            continue
        i += 1
    flush(n)
    # A bare title with no name after it is a role mention for coreference ("Foreign Minister").
    if title is not None and title_start is not None and not out:
        out.append(
            _Candidate(title_start, end, text[title_start:end], EntityKind.PERSON, "", title=title)
        )
    return out


def _left_title(
    gaz: Gazetteer, text: str, start: int, ends: dict[int, _Candidate]
) -> tuple[str, str | None, int] | None:
    """A lower-case title just before a name, with the affiliation before the title."""
    window = text[max(0, start - 60) : start]
    words = window.split()
    if not words or not window.endswith((" ", "\t")):
        return None
    for n in range(min(4, len(words)), 0, -1):
        phrase_words = words[-n:]
        phrase = " ".join(phrase_words)
        if phrase.lower() not in gaz.titles or (phrase[0].isupper() and n == len(words)):
            continue
        title = phrase.lower()
        title_start = start - len(window) + window.rfind(phrase)
        # what stands right before the title: a country/org/person run, maybe possessive
        before = text[max(0, title_start - 3) : title_start]
        possessive = before.endswith(("’s ", "'s "))
        anchor = title_start - (3 if possessive else 1)
        owner = ends.get(anchor)
        affiliation: str | None = None
        if owner is not None:
            if possessive and owner.kind is EntityKind.PERSON:
                who = text[owner.title_start or owner.start : owner.end]
                if title in _KINSHIP or title.split("-")[0] in _KINSHIP:
                    return f"{title} of {who}", None, owner.title_start or owner.start
                affiliation = owner.name
            else:
                affiliation = owner.country or owner.name
            if (
                owner.kind is EntityKind.PERSON
                and " " not in owner.name
                and not (owner.title or owner.honorific)
                and title not in _KINSHIP
            ):
                # "Qantas boss Mr Dixon", "Amazon's chief Robin Terrell": a lone name before a
                # title is the body the person works for
                owner.kind = EntityKind.ORGANISATION
        return title, affiliation, title_start
    return None


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


def _apposition(gaz: Gazetteer, text: str, end: int) -> tuple[str, str | None] | None:
    """ "Maria Lopez, the city's mayor," -> ("mayor", None); "X, BA's chief executive," too."""
    match = _APPOSITION.match(text, end, min(len(text), end + 120))
    if match is None:
        return None
    words = match.group("phrase").split()
    if not words:
        return None
    # "Donald Tusk, president of the EU Council,": a bare title may open the apposition
    bare_title = any(_title_at(gaz, words, i) for i in range(min(3, len(words))))
    if words[0].lower() not in ("the", "a", "an") and not words[0][:1].isupper() and not bare_title:
        return None
    owner: str | None = None
    rest = words[1:] if words[0].lower() in ("the", "a", "an") else words
    for k, w in enumerate(rest):
        if w.endswith(("’s", "'s")):
            owner_text = " ".join(rest[: k + 1])[:-2]
            owner = gaz.country_of(owner_text) or (owner_text if owner_text[:1].isupper() else None)
            rest = rest[k + 1 :]
            break
    for i in range(len(rest)):
        t = _title_at(gaz, rest, i)
        if t:
            title = " ".join(rest[: i + t]).lower()
            tail = rest[i + t :]
            if tail and tail[0] in ("of", "at", "for", "with") and len(tail) > 1:
                org = _leading_name(tail[1:])
                if org:
                    owner = gaz.country_of(org) or org
            return title, owner
    return None


def find_entities(article: Article, sentences: list[Sentence]) -> EntityIndex:
    """Find and merge the entities of an article (``sentences`` bound the text searched)."""
    gaz = load_gazetteer()
    text = article.text
    as_of: date | None = article.published.date() if article.published else None
    candidates: list[_Candidate] = []
    ranges = [(s.start, s.end) for s in sentences] if sentences else []
    for r_start, r_end in ranges:
        for m in _RUN.finditer(text, r_start, r_end):
            if m.group(0) in _STOPWORDS:
                continue  # a lone "The", "But", "Monday": nothing to classify
            candidates.extend(_classify_run(gaz, text, m.start(), m.end()))
    ends = {c.end: c for c in candidates}
    starts = {c.start: c for c in candidates}
    role_mentions: list[tuple[int, int, str]] = []
    people: list[_Candidate] = []
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
        if cand.title is None:
            left = _left_title(gaz, text, cand.start, ends)
            if left is not None:
                cand.title, left_aff, cand.title_start = left
                cand.affiliation = cand.affiliation or left_aff
        elif cand.affiliation is None and cand.title_start is not None:
            # "Iran's Supreme Leader X": the possessive before an in-run title is its affiliation.
            before = text[max(0, cand.title_start - 3) : cand.title_start]
            if before.endswith(("’s ", "'s ")):
                possessor = ends.get(cand.title_start - 3)
                if possessor is not None and possessor.kind is not EntityKind.PERSON:
                    cand.affiliation = possessor.country or possessor.name
        after = text[cand.end : cand.end + 12]
        of_match = _OF_AFTER.match(after)
        if of_match is not None:
            nxt = starts.get(cand.end + of_match.end())
            if nxt is not None and nxt.kind is not EntityKind.PERSON:
                cand.affiliation = cand.affiliation or nxt.country or nxt.name
        single = " " not in cand.name
        cue_after = (_PERSON_AFTER_SINGLE if single else _PERSON_AFTER).match(
            text, cand.end, cand.end + 100
        )
        cue_before = _PERSON_BEFORE.search(text, max(0, cand.start - 40), cand.start)
        if cue_after or (cue_before and _NP_END.match(text, cand.end, cand.end + 3)):
            cand.evidence = True
        appos = _apposition(gaz, text, cand.end)
        if appos is not None and cand.title is None:
            cand.title, appos_owner = appos
            cand.affiliation = cand.affiliation or appos_owner
        people.append(cand)
    return _merge(article, candidates, people, role_mentions, as_of)


def _is_person_name(cand: _Candidate, confirmed: set[str]) -> bool:
    """Whether a name chunk is a person, given the names confirmed anywhere in the article.

    A chunk counts when it has a title or honorific, when the context marks it ("X said",
    "X, 54,"), when its first word is a common given name, or when it is (the surname of) a
    name confirmed elsewhere: news copy names a person in full once and by surname after.
    """
    words = cand.name.split()
    if len(words) > 5 or words[-1] in load_gazetteer().org_heads:
        return False
    if cand.title or cand.honorific:
        return True  # "Energy Secretary Jo Park": a title outweighs a place-like word
    if any(w in _NON_PERSON_WORDS for w in words):
        return False
    if cand.evidence:
        return True
    if len(words) >= 2 and words[0] in _given_names():
        return True
    return cand.name in confirmed


# entity ids are pure functions of kind and name; the same names recur across articles
_entity_id = lru_cache(maxsize=16384)(entity_id)


@cache
def _given_names() -> frozenset[str]:
    male, female = given_names()
    return male | female


def _merge(
    article: Article,
    candidates: list[_Candidate],
    people: list[_Candidate],
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
    for cand in people:
        if _is_person_name(cand, set()):
            confirmed.add(cand.name)
            if " " in cand.name:
                confirmed.add(cand.name.split()[-1])
    for cand in people:
        words = cand.name.split()
        if len(words) >= 2 and words[-1] in confirmed:
            confirmed.add(cand.name)
    for cand in people:
        words = cand.name.split()
        if len(words) >= 2 and _is_person_name(cand, confirmed):
            full_names.append(words)

    def canonical(name: str) -> str:
        """The longest full name this form is short for: its ending ("Trump"), or for a
        family-name-first name its family name ("Xi" for "Xi Jinping")."""
        words = name.split()
        best: list[str] | None = None
        for full in full_names:
            suffix_match = len(full) >= len(words) and full[-len(words) :] == words
            family_first = len(words) == 1 and len(full) > 1 and full[0] == words[0]
            if (suffix_match or (family_first and full[0] in _FAMILY_FIRST)) and (
                best is None or len(full) > len(best)
            ):
                best = full
        return " ".join(best) if best else name

    records: dict[str, dict[str, object]] = {}
    ids: dict[tuple[EntityKind, str], str] = {}
    order: list[str] = []
    mentions: list[Mention] = []

    def record(kind: EntityKind, name: str, cand: _Candidate) -> str:
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
    for cand in candidates:
        if cand.kind is EntityKind.PERSON:
            if id(cand) not in person_ids or not _is_person_name(cand, confirmed):
                continue
            name = canonical(cand.name)
            eid = record(EntityKind.PERSON, name, cand)
            rec = records[eid]
            parts = name.split()
            # the form a later mention uses alone: the family name
            last = parts[0] if len(parts) > 1 and parts[0] in _FAMILY_FIRST else parts[-1]
            aliases = rec["aliases"]
            assert isinstance(aliases, list)
            if last != name and last not in aliases:
                aliases.append(last)
            if cand.title or cand.affiliation:
                # A bare affiliation ("X of the Crisis Group") is kept as a role without title.
                roles = rec["roles"]
                assert isinstance(roles, list)
                title = cand.title or ""
                if not any(
                    r.title == title and (title or r.affiliation == cand.affiliation) for r in roles
                ):
                    roles.append(
                        Role(
                            title=title,
                            affiliation=cand.affiliation,
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
        index.entities.append(
            Entity(
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
