"""The EntityIndex: the entities of one article, their mentions, and lookups by surface form."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from knowledge.extract.gazetteer import load_gazetteer
from knowledge.models import Entity, EntityKind


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
    """A person's first titled role as display text: "foreign minister (France)"."""
    for role in entity.roles:
        if role.title:
            return f"{role.title} ({role.affiliation})" if role.affiliation else role.title
    for role in entity.roles:
        if role.affiliation:
            return role.affiliation
    return None


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
        if bare not in gaz.titles:
            bare = ""  # "the group" names no office
        for entity in self.entities if bare else ():
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
