"""The answering engine: a question (or a bot command) in, an ``Answer`` out.

Reading a question: normalise, correct typos of the asking vocabulary, classify the intent,
link names (exact, then fuzzy), resolve role references and time words, then fill what is
missing from the previous turn of the same chat. Answering: structured facts first (quotes,
events, roles), the sentence-level search when no structured fact fits, and an honest "I don't
know" when nothing fits well enough.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from knowledge.answering.compose import join_names, unique_sources
from knowledge.answering.events import answer_event, upcoming_and_recent
from knowledge.answering.facts import FactBase
from knowledge.answering.intents import (
    EVENT_WORDS,
    OUTCOME_WORDS,
    QUOTE_WORDS,
    VOCABULARY,
    Intent,
    classify,
    correct_typos,
)
from knowledge.answering.linking import Link
from knowledge.answering.memory import ConversationMemory, Turn
from knowledge.answering.overview import (
    answer_help,
    answer_sources,
    answer_topics,
    answer_who,
    empty_store,
    known_topics,
)
from knowledge.answering.query import Query, Reply
from knowledge.answering.quotes import answer_quotes
from knowledge.answering.roles import RoleMention, find_titles, role_holders_in_sentences
from knowledge.answering.search import (
    answer_outcome,
    answer_quote_search,
    answer_search,
    answer_summary,
)
from knowledge.answering.text import (
    STOPWORDS,
    collapse_acronyms,
    content_words,
    key,
    normalise_question,
    words,
    words_of,
)
from knowledge.answering.timewords import resolve_time
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.models import Answer, EntityKind

if TYPE_CHECKING:
    from knowledge.store import Store

COMMANDS = frozenset(
    {
        "help",
        "latest",
        "quotes",
        "events",
        "who",
        "summary",
        "sources",
        "topics",
        "more_quotes",
        "related",
    }
)
MAX_QUESTION = 500
_GROUP_KINDS = (EntityKind.COUNTRY, EntityKind.ORGANISATION)
_TOPIC_MARKER = re.compile(r"\b(about|regarding|concerning|on the subject of)\b")
_QUOTE_VERB = re.compile(r"\b(" + "|".join(QUOTE_WORDS) + r")\b")
_SPEAKER_MARKER = re.compile(r"\b(from|by)\s+(the\s+)?$")
_NOT_NAMES = frozenset(
    words_of(
        """
        monday tuesday wednesday thursday friday saturday sunday january february march april
        may june july august september october november december i
        """
    )
)
_INTENT_VOCABULARY = {
    Intent.QUOTES: frozenset(QUOTE_WORDS),
    Intent.EVENT: frozenset(EVENT_WORDS) | {"hold", "held", "holding", "take", "place", "will"},
    Intent.OUTCOME: frozenset(OUTCOME_WORDS),
    Intent.SOURCES: frozenset({"reported", "report", "reports", "outlet", "outlets", "media"}),
    Intent.WHO_IS: frozenset({"role", "job", "title", "position", "post"}),
    Intent.SUMMARY: frozenset({"summary", "summarise", "summarize", "overview", "story"}),
}


class Engine:
    """Answers questions from a fact store; one instance per store, safe to reuse.

    Args:
        store: the fact base.
        clock: returns "now" (timezone-aware); injected so tests fix time words.
        memory: the conversation memory (a bounded default when omitted).
    """

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime] | None = None,
        memory: ConversationMemory | None = None,
    ) -> None:
        self._facts = FactBase(store, load_gazetteer())
        self._clock = clock or (lambda: datetime.now(UTC))
        self._memory = memory or ConversationMemory()
        self._facts.refresh()
        # Warm the role index at start-up so the first role question is not the slow one.
        self._facts.roles()

    # ------------------------------------------------------------------- public API

    def answer(self, question: str, *, chat_id: int | str | None = None) -> Answer:
        """Answer one question; follow-ups are read against the chat's previous turn."""
        now = self._clock()
        self._facts.refresh()
        question = " ".join(question.split())[:MAX_QUESTION]
        query = self._read(question, now)
        previous = self._memory.last(chat_id, now)
        query = self._with_context(query, previous)
        if self._facts.empty:
            reply = empty_store() if query.intent is not Intent.HELP else answer_help(self._facts)
        else:
            reply = self._respond(query, previous)
        return self._finish(query, reply, chat_id, now)

    def command(
        self, name: str, argument: str | None = None, *, chat_id: int | str | None = None
    ) -> Answer:
        """A bot command (/latest, /quotes NAME, /who NAME, ...) as an answer."""
        now = self._clock()
        self._facts.refresh()
        argument = " ".join((argument or "").split())[:MAX_QUESTION] or None
        name = name.lower().lstrip("/")
        if name not in COMMANDS:
            reply = Reply(
                summary=f"I don't know the command /{name}. Try /help.", known=False, confidence=0
            )
            query = self._read(f"/{name}", now)
            return self._finish(query, reply, chat_id, now)
        previous = self._memory.last(chat_id, now)
        text = {
            "help": "help",
            "latest": "latest quotes",
            "quotes": f"what did {argument} say" if argument else "latest quotes",
            "who": f"who is {argument}" if argument else "who",
            "summary": f"summary of {argument}" if argument else "latest news",
            "sources": "sources",
            "topics": "what topics do you know",
            "events": f"meetings {argument}" if argument else "events",
            "more_quotes": "more quotes",
            "related": "related",
        }[name]
        query = self._read(text, now)
        if self._facts.empty and name != "help":
            return self._finish(query, empty_store(), chat_id, now)
        if name == "events" and not argument:
            reply = upcoming_and_recent(self._facts, now.date())
        elif name == "more_quotes":
            query, reply = self._more_quotes(query, previous)
        elif name == "related":
            query, reply = self._related(query, previous)
        elif name == "summary" and not argument:
            reply = answer_summary(self._facts, query.with_intent(Intent.SUMMARY)) or self._unknown(
                query
            )
        elif name == "sources":
            query = self._with_context(query, previous)
            reply = answer_sources(self._facts, query, previous.sources if previous else ())
        else:
            reply = self._respond(query, previous)
        return self._finish(query, reply, chat_id, now)

    def alerts(self, topic: str, since_seq: int) -> Answer | None:
        """New facts (ingested after ``since_seq``) about a followed topic, or None."""
        now = self._clock()
        self._facts.refresh()
        query = self._read(topic, now)
        new = self._facts.store.facts_since(since_seq)
        if not new.quotes and not new.events:
            return None
        from knowledge.answering.alerts import matching_facts

        reply = matching_facts(self._facts, query, topic, new.quotes, new.events)
        if reply is None:
            return None
        return self._finish(query.with_intent(Intent.SUMMARY), reply, None, now, intent="alert")

    # ------------------------------------------------------------------- reading

    def _read(self, question: str, now: datetime) -> Query:
        normalised = correct_typos(normalise_question(question))
        parsed = classify(normalised)
        facts = self._facts
        original = collapse_acronyms(question)
        links = [
            link
            for link in facts.linker.link(original, is_common_word=facts.is_common_word)
            if not (link.kind is EntityKind.OUTLET and parsed.intent is Intent.SOURCES)
        ]
        qwords = [w.text for w in words(normalised)]
        linked_words = {w for link in links for w in link.surface.split()}
        roles = [
            r
            for r in find_titles(qwords, facts.titles)
            if not set(qwords[r.first_word : r.last_word + 1]) <= linked_words
        ]
        role_words = {w for r in roles for w in qwords[r.first_word : r.last_word + 1]}
        vocabulary = _INTENT_VOCABULARY.get(parsed.intent, frozenset())
        terms = [
            t
            for t in content_words(normalised)
            if t not in linked_words and t not in role_words and t not in vocabulary
        ]
        window = resolve_time(normalised, now.date())
        if window.label:
            # "in 2018" restricts the dates; it is not a word to look for.
            terms = [t for t in terms if t not in window.label.casefold().split()]
        topic_links, topic_terms = _topic_of(parsed.intent, normalised, links, terms)
        people: list[tuple[str, str]] = []
        for link in links:
            if link.kind is EntityKind.PERSON and link.entity_ids and link not in topic_links:
                people.extend(self._person_ids(link))
        if not people and roles and parsed.intent is not Intent.SOURCES:
            people = self._resolve_roles(roles, links)
            if people:
                # The country in "Iran's foreign minister" qualified the role: not a speaker.
                links = [link for link in links if link.kind not in _GROUP_KINDS]
        unknown = _unknown_names(original, linked_words | role_words, facts.gazetteer.titles)
        # Capitalised phrases that name nothing stored ("World Cup") must be matched whole.
        phrases = _unlinked_phrases(original, linked_words | role_words)
        phrase_words = {w for phrase in phrases for w in key(phrase).split()}
        terms = [t for t in terms if t not in phrase_words]
        return Query(
            question=question,
            text=normalised,
            parsed=parsed,
            links=tuple(links),
            roles=tuple(roles),
            window=window,
            terms=tuple(terms),
            topic_terms=tuple(topic_terms),
            people=tuple(dict.fromkeys(people)),
            topic_links=tuple(topic_links),
            unknown_names=tuple(unknown),
            phrases=tuple(phrases),
        )

    def _person_ids(self, link: Link) -> list[tuple[str, str]]:
        """The people a name stands for: the most mentioned, and others named the same way
        that are mentioned at least a quarter as often (one person stored under two spellings
        or as a bare surname); all under the first one's canonical name."""
        prominence = self._facts.prominence
        top = prominence.get(link.entity_ids[0], 0)
        # "Obama" stored as its own entity (an article that never gave the first name) is
        # the same person as the prominent Barack Obama the name links to.
        bare = "person:" + "-".join(link.surface.split())
        ids = [
            entity_id
            for entity_id in link.entity_ids
            if entity_id in (link.entity_ids[0], bare) or prominence.get(entity_id, 0) * 4 >= top
        ]
        name = self._facts.name(ids[0], link.name)
        return [(entity_id, name) for entity_id in ids]

    def _resolve_roles(
        self, roles: Sequence[RoleMention], links: Sequence[Link]
    ) -> list[tuple[str, str]]:
        """'the supreme leader', "Iran's foreign minister" -> the person holding the role now:
        the newest holder the stored roles or the sentences ("X, Germany's economy minister,
        said") give."""
        index = self._facts.roles()
        affiliations: list[Link | None] = [link for link in links if link.kind in _GROUP_KINDS]
        out: list[tuple[str, str]] = []
        for role in roles:
            found: list[tuple[date, str, str]] = []
            for link in affiliations or [None]:
                for holder in index.holders(role.title, link.name if link else None):
                    found.append((holder.as_of or date.min, holder.entity_id, holder.name))
                found += role_holders_in_sentences(self._facts, role.title, link)
            if found:
                _, entity_id, name = max(found, key=lambda item: item[0])
                out.append((entity_id, self._facts.name(entity_id, name)))
        return out

    def _with_context(self, query: Query, previous: Turn | None) -> Query:
        """Fill what a follow-up leaves out from the previous turn of the chat."""
        if previous is None:
            return query
        parsed = query.parsed
        names_nothing = not query.links and not query.people and not query.roles
        if not names_nothing and not parsed.pronoun:
            if parsed.follow_up and query.intent is Intent.SEARCH and previous.intent in _REUSABLE:
                return query.with_intent(Intent(previous.intent))
            return query
        changes: dict[str, object] = {"from_context": True}
        if names_nothing and parsed.pronoun == "person" and previous.person_id:
            changes["people"] = ((previous.person_id, previous.person_name or ""),)
        elif names_nothing and (parsed.pronoun or parsed.follow_up or not query.terms):
            if previous.person_id and previous.intent == Intent.QUOTES.value:
                changes["people"] = ((previous.person_id, previous.person_name or ""),)
            changes["links"] = previous.links
            changes["people"] = changes.get("people") or previous.people
            changes["event_ids"] = previous.event_ids
        if parsed.wants_more:
            changes["exclude_people"] = frozenset(previous.people_named)
            if query.intent is Intent.QUOTES or previous.intent == Intent.QUOTES.value:
                changes["exclude_quotes"] = frozenset(previous.quote_keys)
        intent = query.intent
        if (
            intent is Intent.SEARCH
            and previous.intent in _REUSABLE
            and (parsed.follow_up or parsed.pronoun)
        ):
            intent = Intent(previous.intent)
        if intent is Intent.WHO_IS and parsed.aspects & {"who"} and previous.event_ids:
            intent = Intent.EVENT
        updated = replace(query, **changes)  # type: ignore[arg-type]
        return updated.with_intent(intent) if intent is not query.intent else updated

    # ------------------------------------------------------------------- answering

    def _respond(self, query: Query, previous: Turn | None) -> Reply:
        facts = self._facts
        intent = query.intent
        reply: Reply | None = None
        if intent is Intent.HELP:
            return answer_help(facts)
        if intent is Intent.TOPICS:
            return answer_topics(facts, query.parsed.list_kind)
        if intent is Intent.SOURCES:
            return answer_sources(facts, query, previous.sources if previous else ())
        if intent in (Intent.QUOTES, Intent.WHO_IS, Intent.ABOUT) and not query.people:
            missing = self._names_not_in_articles(query)
            if missing:
                return self._unknown(query, missing)
        if intent is Intent.QUOTES:
            if query.links and not (query.people or query.groups or query.topic_links):
                # Quotes "from Istanbul" or an outlet: read as a topic.
                query = replace(query, topic_links=query.links)
            return answer_quotes(facts, query)
        if intent is Intent.QUOTE_SEARCH:
            reply = answer_quote_search(facts, query) or answer_search(facts, query)
        elif intent is Intent.WHO_IS:
            # "What is the population of X" asks about X, not who X is.
            if query.terms:
                reply = answer_search(facts, query)
                if reply is None and query.text.startswith("who"):
                    reply = answer_who(facts, query)
            else:
                reply = answer_who(facts, query)
        elif intent is Intent.EVENT:
            if "why" in query.parsed.aspects:
                reply = answer_search(facts, query) or answer_event(facts, query)
            else:
                reply = answer_event(facts, query) or answer_search(facts, query)
        elif intent is Intent.OUTCOME:
            reply = answer_outcome(facts, query) or answer_search(facts, query)
        elif intent is Intent.SUMMARY:
            reply = answer_summary(facts, query)
        elif intent is Intent.ABOUT or (
            intent is Intent.SEARCH and (query.links or query.people) and not query.terms
        ):
            reply = self._about(query)
        else:
            reply = answer_search(facts, query)
        return reply or self._unknown(query)

    def _about(self, query: Query) -> Reply | None:
        """A name on its own, or "tell me about X": who they are and what they said, else
        the latest on it."""
        facts = self._facts
        if query.people:
            who = answer_who(facts, query)
            said = answer_quotes(facts, query)
            if who is None:
                return said if said.known else None
            if said.known:
                who.quotes = said.quotes[:3]
                who.sources = list(unique_sources([*who.sources, *said.sources]))
                who.quote_keys = said.quote_keys[:3]
            return who
        return answer_summary(facts, query) or answer_who(facts, query)

    def _more_quotes(self, query: Query, previous: Turn | None) -> tuple[Query, Reply]:
        """The next quotes of the previous answer's people or topic."""
        query = query.with_intent(Intent.QUOTES)
        if previous is not None:
            query = replace(
                query,
                people=previous.people,
                links=previous.links,
                exclude_quotes=frozenset(previous.quote_keys),
                parsed=replace(query.parsed, wants_more=True),
            )
        return query, answer_quotes(self._facts, query)

    def _related(self, query: Query, previous: Turn | None) -> tuple[Query, Reply]:
        """Other articles about what the previous answer was about."""
        query = query.with_intent(Intent.SUMMARY)
        if previous is None or not (previous.links or previous.people):
            return query, answer_summary(self._facts, query) or self._unknown(query)
        query = replace(query, people=previous.people, links=previous.links)
        shown = {s.article_id for s in previous.sources}
        reply = answer_summary(self._facts, query, limit=6)
        if reply is None:
            return query, self._unknown(query)
        reply.facts = [
            f for f in reply.facts if f.source is None or f.source.article_id not in shown
        ][:3] or reply.facts[:3]
        reply.sources = [s for s in reply.sources if s.article_id not in shown] or reply.sources
        reply.summary = f"More on {join_names(list(query.names()))}:"
        return query, reply

    def _names_not_in_articles(self, query: Query) -> list[str]:
        """Capitalised names in the question that no article mentions at all."""
        search = self._facts.store.search_sentences
        return [name for name in query.unknown_names if not search(name, limit=1)]

    def _unknown(self, query: Query, missing: Sequence[str] = ()) -> Reply:
        """The honest reply: what was not found, and what the fact base does know about."""
        facts = self._facts
        names = query.names()
        unknown = list(missing) + [link.name for link in query.links if not link.entity_ids]
        if unknown:
            summary = f"I have no information about {join_names(unknown)}."
        elif names:
            summary = f"I couldn't find an answer to that about {join_names(names)}."
        else:
            summary = "I don't know: I couldn't find anything about that in my articles."
        offer = [t for t in known_topics(facts) if t not in names][:6]
        if offer:
            summary += f" I know about: {', '.join(offer)}."
        return Reply(
            summary=summary,
            known=False,
            confidence=0.1,
            follow_ups=["What topics do you know?", "Latest quotes"],
            entity_ids=query.entity_ids(),
            entity_names=tuple(names),
        )

    def _finish(
        self,
        query: Query,
        reply: Reply,
        chat_id: int | str | None,
        now: datetime,
        *,
        intent: str | None = None,
    ) -> Answer:
        sources = unique_sources(
            [*reply.sources, *(q.source for q in reply.quotes), *(f.source for f in reply.facts)]
        )
        answer = Answer(
            question=query.question,
            intent=intent or reply.intent or query.intent.value,
            known=reply.known,
            summary=reply.summary,
            quotes=tuple(reply.quotes),
            facts=tuple(reply.facts),
            sources=sources,
            confidence=max(0.0, min(1.0, reply.confidence)),
            follow_ups=tuple(dict.fromkeys(reply.follow_ups))[:4],
            generated_at=now,
        )
        person = reply.person or (query.people[0] if len(query.people) == 1 else None)
        self._memory.remember(
            chat_id,
            Turn(
                at=now,
                question=query.question,
                intent=query.intent.value,
                links=query.links,
                people=query.people,
                person_id=person[0] if person else None,
                person_name=person[1] if person else None,
                event_ids=reply.event_ids or query.event_ids,
                people_named=tuple(dict.fromkeys([*query.exclude_people, *reply.people_named])),
                quote_keys=reply.quote_keys,
                sources=sources,
                known=reply.known,
            ),
        )
        return answer


def _topic_of(
    intent: Intent, normalised: str, links: Sequence[Link], terms: Sequence[str]
) -> tuple[list[Link], list[str]]:
    """What a quotes or outcome question is about, as opposed to who spoke.

    "What did X say about Y", "What did X say to Y in Z": names after the reporting verb are
    the topic, unless introduced as the speaker ("quotes from Iran", "remarks by the envoy").
    """
    if intent not in (Intent.QUOTES, Intent.OUTCOME):
        return [], []
    marker = _TOPIC_MARKER.search(normalised)
    verb = _QUOTE_VERB.search(normalised) if intent is Intent.QUOTES else None
    cut = min(m.end() for m in (marker, verb) if m is not None) if (marker or verb) else None
    if cut is None:
        return [], []
    topic_links: list[Link] = []
    for link in links:
        at = normalised.find(link.surface, cut)
        if at < 0 or normalised.find(link.surface) < cut:
            continue
        if _SPEAKER_MARKER.search(normalised[:at]):
            continue
        topic_links.append(link)
    after_words = {w.text for w in words(normalised[marker.end() :])} if marker else set()
    return topic_links, [t for t in terms if t in after_words]


def _unlinked_phrases(question: str, known_words: set[str]) -> list[str]:
    """Runs of two or more capitalised words that no link covers: 'World Cup'."""
    out: list[str] = []
    for match in re.finditer(r"(?:\b[A-Z][\w'’-]*(?:\s+|$)){2,}", question):
        phrase = match.group(0).strip()
        words_in = [w for w in key(phrase).split() if w not in STOPWORDS]
        if match.start() == 0:
            words_in = words_in[1:] if len(words_in) > 2 else []
        if len(words_in) >= 2 and not any(w in known_words for w in words_in):
            out.append(" ".join(words_in))
    return out


def _unknown_names(question: str, known_words: set[str], titles: frozenset[str]) -> list[str]:
    """Capitalised words (not the first) that name nothing the fact base knows."""
    out: list[str] = []
    tokens = list(re.finditer(r"[A-Za-zÀ-ÿ][\w'’-]*", question))
    for index, match in enumerate(tokens):
        token = match.group(0)
        folded = key(token)
        if index == 0 or not token[:1].isupper() or (token.isupper() and len(token) <= 3):
            continue
        if folded in known_words or folded in STOPWORDS or folded in VOCABULARY:
            continue
        if folded in _NOT_NAMES or folded in titles:
            continue
        if any(folded in w.split() for w in known_words):
            continue
        out.append(token)
    return out


_REUSABLE = frozenset(
    {
        Intent.QUOTES.value,
        Intent.EVENT.value,
        Intent.WHO_IS.value,
        Intent.SUMMARY.value,
        Intent.OUTCOME.value,
    }
)
