"""The engine's read-side view of the store: cached names, sources, entities and the indexes.

The linking index and the prominence prior are built at start-up and rebuilt when the store's
ingest sequence moves (new articles); the role index is built on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.answering.compose import role_text, unique_roles
from knowledge.answering.intents import VOCABULARY
from knowledge.answering.linking import EntityLinker, Link
from knowledge.answering.roles import RoleIndex, title_index
from knowledge.answering.text import fold
from knowledge.extract.gazetteer import Gazetteer
from knowledge.models import Entity, EntityKind, Quote, Role, SourceRef

if TYPE_CHECKING:
    from knowledge.store import Store


def gazetteer_aliases(gazetteer: Gazetteer) -> list[tuple[str, str, EntityKind]]:
    """General-knowledge names for the linker: countries with aliases and demonyms, outlets,
    organisations' acronyms and cities."""
    out: list[tuple[str, str, EntityKind]] = []
    for name, country in gazetteer.countries.items():
        out.append((name, name, EntityKind.COUNTRY))
        out.extend((alias, name, EntityKind.COUNTRY) for alias in country.aliases)
        out.extend((demonym, name, EntityKind.COUNTRY) for demonym in country.demonyms)
    out.extend((s, c, EntityKind.OUTLET) for s, c in gazetteer.outlet_by_surface.items())
    out.extend((s, c, EntityKind.ORGANISATION) for s, c in gazetteer.org_by_surface.items())
    out.extend((city, city, EntityKind.PLACE) for city in gazetteer.city_to_country)
    return out


class FactBase:
    """Caches over one store, refreshed when new articles arrive."""

    def __init__(self, store: Store, gazetteer: Gazetteer) -> None:
        self.store = store
        self.gazetteer = gazetteer
        self._aliases = gazetteer_aliases(gazetteer)
        self.titles = title_index(gazetteer.titles)
        self._seq: int | None = None
        self.linker = EntityLinker(())
        self.prominence: dict[str, int] = {}
        self._roles: RoleIndex | None = None
        self._entities: dict[str, Entity | None] = {}
        self._sources: dict[str, SourceRef] = {}
        self.counts: dict[str, int] = {}
        self._word_cache: dict[str, tuple[int, int]] = {}
        self._outlet_pattern: re.Pattern[str] | None = None
        self._entity_names: list[tuple[str, str, EntityKind]] = []
        self._name_words: dict[str, list[str]] | None = None

    def refresh(self) -> bool:
        """Rebuild the indexes if the store changed since the last look; True when it did."""
        seq = self.store.last_seq()
        if seq == self._seq:
            return False
        self._seq = seq
        self.prominence = self.store.entity_article_counts()
        self._entity_names = self.store.entity_names()
        self._name_words = None
        self.linker = EntityLinker(
            self._entity_names,
            self._aliases,
            common_words=VOCABULARY,
            prominence=self.prominence,
        )
        self._roles = None
        self._word_cache.clear()
        self._entities.clear()
        self._sources.clear()
        self.counts = self.store.counts()
        return True

    @property
    def empty(self) -> bool:
        return self.counts.get("articles", 0) == 0

    def _word_counts(self, word: str) -> tuple[int, int]:
        """How often the articles write the word (or its regular forms) in lower case, and
        capitalised mid-sentence, over the best full-text matches (cached)."""
        known = self._word_cache.get(word)
        if known is not None:
            return known
        lower = upper = 0
        # Each distinct sentence once: page clutter repeated in many articles (a byline
        # "jo hale" under every column) is one writing, not thirty.
        texts = dict.fromkeys(s.text for s, _ in self.store.search_sentences(word, limit=30))
        for text in texts:
            for start, end in _word_forms_at(word, fold(text)):
                original = text[start:end]
                if start == 0 or len(original) != end - start:
                    continue  # a sentence's first word is capitalised whatever it is
                if original[:1].isupper():
                    upper += 1
                else:
                    lower += 1
        if len(self._word_cache) > 10_000:
            self._word_cache.clear()  # bounded: a cache, not a vocabulary
        self._word_cache[word] = (lower, upper)
        return lower, upper

    def is_common_word(self, word: str) -> bool:
        """Is the word ordinary vocabulary in the articles (mostly written in lower case)?

        Decides whether a question's lower-case word may be a name: "wall" and "spend" are
        words, "trump" and "istanbul" typed in lower case are still names.
        """
        lower, upper = self._word_counts(word)
        return lower >= 2 and lower > upper

    def is_known_word(self, word: str, rival: str) -> bool:
        """Is the word real vocabulary rather than a typo of ``rival``: used a few times, and
        not far more rarely than the rival ("meting" beside "meeting" is a typo; "prize"
        beside "prime" is a word)?"""
        count = sum(self._word_counts(word))
        return count >= 3 and count * 5 >= sum(self._word_counts(rival))

    def name_word_like(self, word: str) -> str | None:
        """The word of a stored name one typo away from ``word`` (two for long words), with
        the same first letter ("holmbrok" -> "holmbrook" of Holmbrook Capital), or None.

        The words are indexed on first use from the names the linker was built from (no
        further read): ~20k words at 10k articles, a few ms to build once."""
        if self._name_words is None:
            index: dict[str, set[str]] = {}
            for _, name, _kind in self._entity_names:
                for part in fold(name).split():
                    if len(part) >= _NAME_WORD_MIN and part.isalpha():
                        index.setdefault(part[0], set()).add(part)
            self._name_words = {k: sorted(v) for k, v in index.items()}
        if len(word) < _NAME_WORD_MIN or not word.isalpha():
            return None
        candidates = self._name_words.get(word[0], [])
        edits = 1 if len(word) < 8 else 2
        hit = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=edits)
        return None if hit is None or hit[0] == word else str(hit[0])

    def outlet_pattern(self) -> re.Pattern[str] | None:
        """Every spelling of a known news outlet as one pattern (built on first use; None
        when the gazetteer knows none). Case counts: "AP" and "Fox" are names, "ap" and "fox"
        are not."""
        if self._outlet_pattern is None:
            surfaces = sorted(
                (s for s in self.gazetteer.outlet_by_surface if len(s) > 1), key=len, reverse=True
            )
            if not surfaces:
                return None
            self._outlet_pattern = re.compile(
                r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in surfaces) + r")(?![\w-])"
            )
        return self._outlet_pattern

    def role_at(
        self, entity_id: str | None, *, article_id: str | None = None, day: date | None = None
    ) -> Role | None:
        """The role a person held as of a report: the one that report states, else the one
        stated nearest before its day (else nearest after), else the newest. A 2017 report's
        "foreign secretary" is not relabelled with the title a 2019 report gives; a vague
        descriptor ("onetime banker") gives way to a real title."""
        if not entity_id:
            return None
        entity = self.entity(entity_id)
        if entity is None or entity.kind is not EntityKind.PERSON:
            return None
        # Every title stored, not unique_roles' default four (kept for display): the one
        # of the report's day may be an old one.
        roles = unique_roles(entity.roles, limit=50)
        if not roles:
            return None
        roles = self.current_first(without_vague(roles))
        own = [r for r in roles if article_id and r.article_id == article_id]
        if own:
            return _best_title(own)
        if day is None:
            return roles[0]
        published = self.sources([r.article_id for r in roles if r.article_id])
        dated: list[tuple[date, Role]] = []
        for role in roles:
            source = published.get(role.article_id or "")
            when = role.as_of or (source.published if source else None)
            if when is not None:
                dated.append((when, role))
        if not dated:
            return roles[0]
        before = [(when, r) for when, r in dated if when <= day]
        if before:
            nearest = max(when for when, _ in before)
            return _best_title([r for when, r in before if when == nearest])
        nearest = min(when for when, _ in dated)
        return _best_title([r for when, r in dated if when == nearest])

    def current_first(self, roles: Sequence[Role]) -> list[Role]:
        """The roles held, without those said to be past ("former chief executive of a
        bank", "then governor") or ended by a later "former" of the same office, unless
        that is all there is. A past office is no label for a person who holds another:
        a minister who once ran a firm is not "its former chief executive" in a quote."""
        # Which roles are past, told once per role: "not in past" compared roles as models
        # (pydantic's __eq__ in Python, every role against every past one: ~860 compares,
        # 2 ms, for a quote answer's speaker labels). A role equal to a past one has its
        # title, so is past too: the same roles as that membership test.
        is_past = [bool(_PAST_TITLE.match(r.title.strip())) for r in roles]
        past = [r for r, was in zip(roles, is_past, strict=True) if was]
        if not past:
            return list(roles)
        ended: dict[str, date] = {}
        for role in past:
            core = self._core_title(_PAST_TITLE.sub("", role.title.strip(), count=1))
            when = role.as_of or date.max
            ended[core] = max(ended.get(core, date.min), when)
        current = [
            r
            for r, was in zip(roles, is_past, strict=True)
            if not was
            # "chief executive" (2015) and "former chief executive" (2020): ended.
            and not self._ended(r, ended)
        ]
        return current or list(roles)

    def _ended(self, role: Role, ended: dict[str, date]) -> bool:
        """Is the role's office one a "former" of it, stated as late or later, ended?"""
        core = self._core_title(role.title)
        return core in ended and (role.as_of or date.min) <= ended[core]

    def distinct_roles(self, roles: Sequence[Role]) -> list[Role]:
        """Roles as "who is X" lists them, newest first as given: no vague descriptor when a
        title exists, and one entry for one office however it was written ("prime minister",
        "prime minister" of Norway, "newly installed Norwegian prime minister"): in its
        first place, in its fullest form (the one naming whose)."""
        kept: list[Role] = []
        cores: list[tuple[str, str]] = []
        for role in without_vague(roles):
            core = self._core_title(role.title)
            owner = fold(role.affiliation or "")
            same = next(
                (
                    at
                    for at, (c, o) in enumerate(cores)
                    if c == core and (o == owner or not o or not owner)
                ),
                None,
            )
            if same is None:
                kept.append(role)
                cores.append((core, owner))
            elif owner and not cores[same][1]:
                kept[same] = role
                cores[same] = (core, owner)
        return kept

    def ranked_roles(self, roles: Sequence[Role], limit: int = 4) -> list[Role]:
        """The roles "who is X" names, at most ``limit``.

        A person few reports describe: their distinct roles newest first (a title stated
        once may be the only one there is). A much-reported person (``_MANY_ROLES`` role
        records from ``_MANY_REPORTS`` reports): each office once (the form naming whose it
        is most often, "president of the United States" over "president of White House"),
        those two or more reports give first, by how many reports give them, with a bonus
        for one of the newest titles (a new office is current however rarely reported);
        offices a single report gives ("biden campaign manager" for a president, a
        mis-attributed "French president") only fill in when fewer than two are given
        twice. Among equals the newest first.
        """
        if len(roles) < _MANY_ROLES or len({r.article_id for r in roles}) < _MANY_REPORTS:
            held = self.distinct_roles(unique_roles(roles, 12))
            # Past offices after those held, in their order: "who is X" leads with the
            # secretary of state, not the firm they once ran.
            current = self.current_first(held)
            return [*current, *(r for r in held if r not in current)][:limit]
        # Newest first by the day a report gives (undated last): one person's records may
        # come from several stored entities, each listed newest first.
        titled = sorted(
            (r for r in without_vague(roles) if r.title.strip()),
            key=lambda r: r.as_of or date.min,
            reverse=True,
        )
        reports: dict[str, set[str]] = {}
        forms: dict[str, list[Role]] = {}
        for role in titled:  # newest first, as stored
            core = self._core_title(role.title)
            reports.setdefault(core, set()).add(role.article_id or role.title)
            forms.setdefault(core, []).append(role)
        # A title of the newest records is likely held now, unless it says it is not ("then
        # CIA director", "former foreign secretary").
        newest = {
            self._core_title(r.title)
            for r in titled[:_NEWEST_ROLES]
            if not _PAST_TITLE.match(r.title.strip())
        }

        def weight(core: str) -> int:
            if core in newest:
                return len(reports[core]) + _NEWEST_BONUS
            if _PAST_TITLE.match(forms[core][0].title.strip()):
                # Its newest mention says it is past ("former foreign secretary").
                return len(reports[core]) - _NEWEST_BONUS
            return len(reports[core])

        order = list(forms)  # first place = newest mention
        supported = [c for c in order if len(reports[c]) >= 2]
        # More reports break a tie of weight (a new title of two reports does not pass an
        # older one of four); then, the sort being stable, the newest first.
        supported.sort(key=lambda c: (weight(c), len(reports[c])), reverse=True)
        chosen = supported[:limit]
        if len(chosen) < 2:
            chosen += [c for c in order if c not in chosen][: limit - len(chosen)]
        return [_whose_most_often(forms[core]) for core in chosen]

    def _core_title(self, title: str) -> str:
        """The known title a written one ends with ("newly installed Norwegian prime minister"
        -> "prime minister"), else the written title, folded."""
        words = fold(title).replace("-", " ").split()
        for start in range(len(words)):
            tail = " ".join(words[start:])
            if tail in self.titles:
                return tail
        return " ".join(words)

    def quote_role(self, quote: Quote) -> str | None:
        """The speaker's role as the quote's report stands in time (see ``role_at``), as a
        reader writes it."""
        day = quote.said_on or self.source(quote.article_id).published
        role = self.role_at(quote.speaker_id, article_id=quote.article_id, day=day)
        return role_text(role) if role is not None else None

    def roles(self) -> RoleIndex:
        """The role index, built on first use."""
        if self._roles is None:
            rows = self.store.person_roles()
            self._roles = RoleIndex(rows, self.gazetteer, self.prominence)
        return self._roles

    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        """Stored entities by id (cached)."""
        wanted = [i for i in dict.fromkeys(ids) if i not in self._entities]
        if wanted:
            found = self.store.entities_by_ids(wanted)
            for entity_id in wanted:
                self._entities[entity_id] = found.get(entity_id)
        out: dict[str, Entity] = {}
        for entity_id in ids:
            entity = self._entities.get(entity_id)
            if entity is not None:
                out[entity_id] = entity
        return out

    def entity(self, entity_id: str) -> Entity | None:
        return self.entities([entity_id]).get(entity_id)

    def name(self, entity_id: str, fallback: str = "") -> str:
        entity = self.entity(entity_id)
        return entity.name if entity is not None else fallback

    def sources(self, article_ids: Sequence[str]) -> dict[str, SourceRef]:
        """Source references by article id (cached)."""
        wanted = [i for i in dict.fromkeys(article_ids) if i not in self._sources]
        if wanted:
            self._sources.update(self.store.source_refs(wanted))
        return {i: self._sources[i] for i in article_ids if i in self._sources}

    def source(self, article_id: str) -> SourceRef:
        # Called for every candidate event and line of an answer (~50 a question), nearly
        # always of a report already read: the cache is looked in first, without the lists
        # ``sources`` builds for many ids.
        known = self._sources.get(article_id)
        if known is not None:
            return known
        found = self.sources([article_id]).get(article_id)
        return found or SourceRef(article_id=article_id)

    def name_forms(self, link: Link, *, metonyms: bool = True) -> list[str]:
        """Every spelling of a linked name: canonical, as asked, the country's aliases,
        demonyms and (when news uses it for the government) capital, the stored aliases."""
        forms = [link.name, link.surface]
        country = self.gazetteer.countries.get(link.name)
        if country is not None:
            forms.extend(country.aliases)
            forms.extend(country.demonyms)
            if metonyms and country.capital in self.gazetteer.metonym_capitals:
                forms.append(country.capital)
        for entity in self.entities(link.entity_ids[:1]).values():
            forms.extend(a for a in entity.aliases if len(a) > 3)
        return [f for f in dict.fromkeys(forms) if len(f) > 1]


# A descriptor, not a title held: "onetime banker", "longtime friend". ("Former president"
# is a title of its own: who X is now, and the label of a quote from after their term.)
_VAGUE_ROLE = re.compile(
    r"(?:onetime|one-time|longtime|long-time|erstwhile|veteran|sometime)\b", re.IGNORECASE
)
# Words of an office (not an occupation such as "banker" or "writer"): preferred among the
# titles one report gives.
_OFFICE = re.compile(
    r"\b(minister|president|secretary|chancellor|ambassador|envoy|governor|senator|mayor|"
    r"director|chief|head|spokes\w*|leader|king|queen|premier|chair\w*|advis[eo]r|"
    r"commissioner|general|representative|deputy|judge|prosecutor|mp|lawmaker|congress\w*|"
    r"negotiator|diplomat|official|speaker|sheikh|emir|prince)\b",
    re.IGNORECASE,
)


# Shorter words are too often another word one letter away ("bank" / "band").
_NAME_WORD_MIN = 5


def without_vague(roles: Sequence[Role]) -> list[Role]:
    """The roles without vague descriptors ("onetime banker", "longtime aide"), unless
    those are all there is; order kept ("who is X" lists titles held, newest first)."""
    titled = [r for r in roles if not _VAGUE_ROLE.match(r.title.strip())]
    return titled or list(roles)


_PAST_TITLE = re.compile(r"(?:former|then|ex-|ex |outgoing|erstwhile|onetime)\b", re.IGNORECASE)
# "Who is X" ranks roles by support from this many role records in this many reports on.
_MANY_ROLES = 8
_MANY_REPORTS = 4
# A title among the newest few records counts as this many reports more: a new office.
_NEWEST_ROLES = 3
_NEWEST_BONUS = 2


def _whose_most_often(roles: Sequence[Role]) -> Role:
    """One office's records (newest first) as one: the form naming the affiliation most of
    them name, then written as most of them write it ("president", not "most dangerous
    president"), then the newest."""
    owners: dict[str, int] = {}
    titles: dict[str, int] = {}
    for role in roles:
        if role.affiliation:
            owners[fold(role.affiliation)] = owners.get(fold(role.affiliation), 0) + 1
        titles[fold(role.title)] = titles.get(fold(role.title), 0) + 1
    return max(
        roles,
        key=lambda r: (
            owners.get(fold(r.affiliation or ""), 0),
            titles[fold(r.title)],
            not _PAST_TITLE.match(r.title.strip()),
            -len(r.title.split()),  # "candidate" over "center-left establishment candidate"
        ),
    )


def _best_title(roles: Sequence[Role]) -> Role:
    """Among roles of one report or day, an office before an occupation, as given."""
    return next((r for r in roles if _OFFICE.search(r.title)), roles[0])


# The regular endings a word is counted with ("meet": "meets", "meeting").
_ENDINGS = ("s", "es", "ed", "ing", "er", "ers", "")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")


def _word_forms_at(word: str, folded: str) -> list[tuple[int, int]]:
    """Where the word or a regular form of it stands alone (not inside a longer word or a
    hyphenated one) in a folded text: (start, end) spans, left to right, not overlapping.

    The same spans as the pattern ``(?<![\\w-])WORD(s|es|ed|ing|er|ers)?(?![\\w-])`` (case
    ignored), found with ``str.find``: compiling that pattern for every new word asked cost
    ~0.5 ms a word, more than the search it counts in. Non-ASCII texts or words take the
    pattern (Unicode word characters and case).
    """
    if not (word.isascii() and folded.isascii() and word.isalnum()):
        pattern = re.compile(
            rf"(?<![\w-]){re.escape(word)}(s|es|ed|ing|er|ers)?(?![\w-])", re.IGNORECASE
        )
        return [m.span() for m in pattern.finditer(folded)]
    text = folded.lower()  # the same length: ASCII
    word = word.lower()
    spans: list[tuple[int, int]] = []
    size = len(text)
    at = text.find(word)
    while at >= 0:
        stem_end = at + len(word)
        end = -1
        if at == 0 or text[at - 1] not in _WORD_CHARS:
            for ending in _ENDINGS:
                if text.startswith(ending, stem_end):
                    after = stem_end + len(ending)
                    if after == size or text[after] not in _WORD_CHARS:
                        end = after
                        break
        if end >= 0:
            spans.append((at, end))
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return spans
