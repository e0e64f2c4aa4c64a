"""A question read once: normalised text, intent, linked names, roles, time window, topic words.

``Query`` is what every responder works from; ``Reply`` is what a responder hands back: the
parts of an ``Answer`` plus what the conversation memory should keep for follow-ups.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from knowledge.answering.intents import Intent, Parsed
from knowledge.answering.linking import Link
from knowledge.answering.roles import RoleMention
from knowledge.answering.timewords import TimeWindow
from knowledge.models import AnswerFact, AnswerQuote, EntityKind, SourceRef


@dataclass(frozen=True)
class Query:
    """Everything the engine understood of one question."""

    question: str
    text: str
    parsed: Parsed
    links: tuple[Link, ...] = ()
    roles: tuple[RoleMention, ...] = ()
    window: TimeWindow = field(default_factory=TimeWindow)
    today: date | None = None
    terms: tuple[str, ...] = ()
    topic_terms: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    # The kind of thing a "which ... did" question asks for ("which bases did X hit" -> bases):
    # not a word the answer must say, but the sentence saying it is the likelier answer.
    kind_words: tuple[str, ...] = ()
    # Filled from the question or, for follow-ups, from the previous turn.
    people: tuple[tuple[str, str], ...] = ()
    topic_links: tuple[Link, ...] = ()
    event_ids: tuple[str, ...] = ()
    exclude_quotes: frozenset[tuple[str, int]] = frozenset()
    exclude_people: frozenset[str] = frozenset()
    unknown_names: tuple[str, ...] = ()
    unresolved_roles: tuple[str, ...] = ()
    from_context: bool = False
    # A follow-up's story: the reports the chat's last answers came from (article ids), and
    # whether the follow-up names nothing of its own (its sentences then come from them only).
    story: frozenset[str] = frozenset()
    story_only: bool = False

    @property
    def intent(self) -> Intent:
        return self.parsed.intent

    def with_intent(self, intent: Intent) -> Query:
        return replace(self, parsed=replace(self.parsed, intent=intent))

    @property
    def groups(self) -> tuple[Link, ...]:
        """Countries and organisations named (speakers by affiliation, participants)."""
        return tuple(
            link
            for link in self.links
            if link.kind in (EntityKind.COUNTRY, EntityKind.ORGANISATION)
            and link not in self.topic_links
        )

    @property
    def places(self) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.kind is EntityKind.PLACE)

    @property
    def outlets(self) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.kind is EntityKind.OUTLET)

    @property
    def person_ids(self) -> tuple[str, ...]:
        return tuple(pid for pid, _ in self.people)

    def entity_ids(self) -> tuple[str, ...]:
        """Every stored entity the question names, people first."""
        ids = list(self.person_ids)
        for link in self.links:
            if link.kind is not EntityKind.PERSON:
                ids.extend(link.entity_ids[:1])
        return tuple(dict.fromkeys(ids))

    def names(self) -> list[str]:
        """Display names of what the question is about."""
        out = [name for _, name in self.people]
        out.extend(link.name for link in self.links if link.kind is not EntityKind.PERSON)
        return list(dict.fromkeys(out))


@dataclass
class Reply:
    """A responder's result: the answer's parts and what to remember."""

    summary: str
    known: bool = True
    quotes: list[AnswerQuote] = field(default_factory=list)
    facts: list[AnswerFact] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    confidence: float = 0.8
    follow_ups: list[str] = field(default_factory=list)
    person: tuple[str, str] | None = None
    event_ids: tuple[str, ...] = ()
    people_named: tuple[str, ...] = ()
    quote_keys: tuple[tuple[str, int], ...] = ()
