"""The answering engine: a question (or a bot command) in, an ``Answer`` out.

Reading a question: normalise, correct typos of the asking vocabulary, classify the intent,
link names (exact, then fuzzy), resolve role references and time words, then fill what is
missing from the previous turn of the same chat. Answering: structured facts first (quotes,
events, roles), the sentence-level search when no structured fact fits, and an honest "I don't
know" when nothing fits well enough.
"""

from __future__ import annotations

import gc
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from knowledge.answering.cache import LRU
from knowledge.answering.cited import WHO_SAYS, answer_cited
from knowledge.answering.compose import (
    answer_quote,
    day_text,
    fact,
    join_names,
    unique_sources,
)
from knowledge.answering.described import (
    SPEAKER_SLOT,
    described_speakers,
    quotes_by_description,
)
from knowledge.answering.events import answer_event, answer_event_duration, upcoming_and_recent
from knowledge.answering.facts import FactBase
from knowledge.answering.fallback import answer_from_text
from knowledge.answering.intents import QUOTE_WORDS, VOCABULARY, Intent
from knowledge.answering.interview import asked_in_interview
from knowledge.answering.linking import Link
from knowledge.answering.memory import ConversationMemory, Turn
from knowledge.answering.outcomes import answer_outcome, answer_quote_search
from knowledge.answering.overview import (
    answer_help,
    answer_sources,
    answer_topics,
    answer_who,
    empty_store,
    related_headlines,
)
from knowledge.answering.query import Query, Reply
from knowledge.answering.quotes import answer_quotes, answer_relative_quotes, relation_asked
from knowledge.answering.reading import people_called, read_question
from knowledge.answering.roles import holder_by_title, qualifier_of, speakers_by_title
from knowledge.answering.search import answer_duration, answer_search, answer_summary
from knowledge.answering.story import keep_to_story
from knowledge.answering.text import (
    STOPWORDS,
    content_words,
    has_phrase,
    normalise_question,
    word_texts,
)
from knowledge.answering.timewords import TimeWindow
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.models import Answer, EntityKind, Event, Quote, Sentence

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
# Context-free answers remembered per (question, store sequence, day): repeated questions
# (many readers, the same news) are answered once until new articles arrive.
ANSWER_CACHE_SIZE = 512
# From this many articles the engine's indexes (names, aliases, roles: ~10^6 objects at 10k
# articles) are settled out of the garbage collector's way (see ``_settle_heap``).
SETTLE_FROM_ARTICLES = 1000
# Answers between full collections of the heap frozen after each answer (see _settle_answer).
RESETTLE_EVERY = 4096


class Engine:
    """Answers questions from a fact store; one instance per store, safe to reuse.

    Args:
        store: the fact base.
        clock: returns "now" (timezone-aware); injected so tests fix time words.
        memory: the conversation memory (a bounded default when omitted).
        answer_cache: how many context-free answers to remember; 0 turns the cache off
            (to measure the engine itself).
    """

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime] | None = None,
        memory: ConversationMemory | None = None,
        answer_cache: int = ANSWER_CACHE_SIZE,
    ) -> None:
        self._clock = clock or (lambda: datetime.now(UTC))
        self._memory = memory or ConversationMemory()
        self._answered = itertools.count()  # next() is atomic: answers run in worker threads
        self._answers: LRU[tuple[str, int, date], tuple[Query, Reply]] | None = (
            LRU(answer_cache) if answer_cache > 0 else None
        )
        with _collector_paused():
            self._facts = FactBase(store, load_gazetteer())
            self._facts.refresh()
            # Warm the role index at start-up so the first role question is not the slow one.
            self._facts.roles()
            # And the words of stored names that misspelt question words are put right to.
            self._facts.name_word_like("")
            # And the store's article ranges, which the first restricted searches would
            # otherwise read article by article.
            store.warm_searches()
        self._settle_heap()

    # ------------------------------------------------------------------- public API

    def answer(self, question: str, *, chat_id: int | str | None = None) -> Answer:
        """Answer one question; follow-ups are read against the chat's previous turn."""
        now = self._clock()
        self._refresh()
        question = " ".join(question.split())[:MAX_QUESTION]
        previous = self._memory.last(chat_id, now)
        # A question is answered the same whoever asks it when it leaves nothing to the
        # previous turn: there is none, or its reading takes nothing from it (it names what
        # it asks about, with no pronoun or ellipsis). Follow-ups in a chat were all
        # answered afresh and set the bot's latency tail. The sequence moves with every
        # ingest and the day with time words ("today", "this week").
        cache_key = None
        if self._answers is not None:
            cache_key = (question, self._facts.store.last_seq(), now.date())
            known, cached = self._answers.get(cache_key)
            if known and cached is not None and self._stands_alone(cached[0], previous):
                return self._finish(cached[0], cached[1], chat_id, now)
        fresh = read_question(self._facts, question, now)
        query = self._with_context(fresh, previous)
        parsed = fresh.parsed
        recent = self._memory.recent(chat_id, now)[:_STORY_TURNS] if query.from_context else []
        if query.from_context and (
            parsed.pronoun or not fresh.terms or _repeats_words(fresh, recent)
        ):
            # "When do the members vote on it?", "and what time?", "where exactly in X?"
            # after a question on X: a follow-up asks about the story just told; naming
            # nothing of its own, about it alone, not another report's vote or start.
            named = fresh.links or fresh.people or fresh.roles or fresh.phrases
            query = replace(
                query,
                story=_story_of(recent),
                story_only=not named,
            )
        if previous is not None and not self._stands_alone(fresh, previous, query):
            cache_key = None
        if self._facts.empty:
            reply = empty_store() if query.intent is not Intent.HELP else answer_help(self._facts)
        else:
            reply = self._respond(query, previous)
            # A cited transcript whose interviewer asked this: its answer leads.
            reply = asked_in_interview(self._facts, query, reply) or reply
        # A follow-up that names no event keeps the people the conversation has named, so a
        # later "who else?" still knows whom to leave out.
        if not reply.people_named and query.from_context and previous is not None:
            reply.people_named = previous.people_named
        if cache_key is not None and self._answers is not None:
            self._answers.put(cache_key, (query, reply))
        return self._finish(query, reply, chat_id, now)

    def command(
        self, name: str, argument: str | None = None, *, chat_id: int | str | None = None
    ) -> Answer:
        """A bot command (/latest, /quotes NAME, /who NAME, ...) as an answer."""
        now = self._clock()
        self._refresh()
        argument = " ".join((argument or "").split())[:MAX_QUESTION] or None
        name = name.lower().lstrip("/")
        if name not in COMMANDS:
            reply = Reply(
                summary=f"I don't know the command /{name}. Try /help.", known=False, confidence=0
            )
            query = read_question(self._facts, f"/{name}", now)
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
        query = read_question(self._facts, text, now)
        if self._facts.empty and name != "help":
            return self._finish(query, empty_store(), chat_id, now)
        if name == "events" and not argument:
            reply = upcoming_and_recent(self._facts, now.date())
            return self._finish(query, reply, chat_id, now, intent="events")
        if name == "who" and not argument:
            if previous is not None and previous.person_id:
                # "/who" after an answer about someone: that person.
                query = replace(query, people=_previous_person(previous))
                reply = answer_who(self._facts, query) or self._unknown(query)
            else:
                reply = Reply(
                    summary="Who do you want to know about? Send /who and a name.",
                    known=False,
                    confidence=0.0,
                )
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
            reply = answer_sources(
                self._facts,
                query,
                previous.sources if previous else (),
                previous.quote_keys if previous else (),
            )
        else:
            reply = self._respond(query, previous)
        return self._finish(query, reply, chat_id, now)

    def alerts(self, topic: str, since_seq: int) -> Answer | None:
        """New facts (ingested after ``since_seq``) about a followed topic, or None."""
        now = self._clock()
        self._refresh()
        query = read_question(self._facts, topic, now)
        # facts_since pages (500 articles at a time): walk every page, or a large ingest
        # between two checks would alert on its first page only.
        quotes: list[Quote] = []
        events: list[Event] = []
        newest = self._facts.store.last_seq()
        seq = since_seq
        while seq < newest:
            page = self._facts.store.facts_since(seq)
            quotes.extend(page.quotes)
            events.extend(page.events)
            if page.last_seq <= seq:
                break
            seq = page.last_seq
        if not quotes and not events:
            return None
        from knowledge.answering.alerts import matching_facts

        reply = matching_facts(self._facts, query, topic, quotes, events)
        if reply is None:
            return None
        return self._finish(query.with_intent(Intent.SUMMARY), reply, None, now, intent="alert")

    # ------------------------------------------------------------------- indexes

    def _refresh(self) -> None:
        """Rebuild the indexes when articles arrived since the last question."""
        with _collector_paused():
            rebuilt = self._facts.refresh()
        if rebuilt:
            self._settle_heap()

    def _settle_heap(self) -> None:
        """Collect once, then freeze every live object out of the collector's way.

        Measured at 10k articles: a full (generation 2) collection walks every object the
        indexes hold, ~100-140 ms, and one fell inside an answer every few dozen questions
        (p99 of a question file 101-135 ms CPU instead of 37-54). Frozen objects are never
        walked again; the ones the indexes drop later are still freed by reference counting.
        """
        if self._facts.counts.get("articles", 0) >= SETTLE_FROM_ARTICLES:
            gc.collect()
            gc.freeze()

    def _settle_answer(self) -> None:
        """Freeze what an answer left alive (the store's and the fact base's kept reads:
        sentences, quotes, sources) out of the collector's way, as the indexes were.

        Measured over the 322 bench questions at 10k articles: those kept reads grew the
        collected heap to ~190k objects, and its full collections fell inside answers (34,
        65, 96 ms CPU), its middle ones 2-7 ms each; none of them found garbage (answering
        makes no reference cycles), and the objects the bounded caches drop are still freed
        by reference counting. A freeze is a constant-time splice of the collector's lists.
        Other code sharing the process (the bot's event loop, when the engine runs in it)
        may leave garbage cycles among what is frozen: every ``RESETTLE_EVERY`` answers all
        is collected once (~0.1-0.3 s at 10k articles, one answer in thousands).
        """
        if self._facts.counts.get("articles", 0) < SETTLE_FROM_ARTICLES:
            return
        if next(self._answered) % RESETTLE_EVERY == RESETTLE_EVERY - 1:
            gc.unfreeze()
            gc.collect()
        gc.freeze()

    # ------------------------------------------------------------------- reading

    def _stands_alone(self, fresh: Query, previous: Turn | None, read: Query | None = None) -> bool:
        """Whether the question, read without context as ``fresh``, is answered after
        ``previous`` as in a new chat: its reading in context (``read``, worked out when not
        given) is the same query, and its intent does not answer from the previous turn
        (the sources of the last answer)."""
        if previous is None:
            return True
        if read is None:
            read = self._with_context(fresh, previous)
        return (
            read is fresh and fresh.intent is not Intent.SOURCES and not WHO_SAYS.match(fresh.text)
        )

    def _with_context(self, query: Query, previous: Turn | None) -> Query:
        """Fill what a follow-up leaves out from the previous turn of the chat."""
        if previous is None:
            return query
        parsed = query.parsed
        if _pronoun_speaks_of_a_title(query) and previous.person_id:
            # "and what does he think the president should do?": "he" is the person of the
            # last answer; the title is what they spoke of, not who speaks.
            tokens = word_texts(query.text)
            topic = tuple(
                token
                for role in query.roles
                for token in tokens[role.first_word : role.last_word + 1]
                if token not in STOPWORDS
            )
            carried = replace(
                query,
                people=_previous_person(previous),
                topic_terms=tuple(dict.fromkeys((*query.topic_terms, *topic))),
                unresolved_roles=(),
                from_context=True,
            )
            opinion = previous.intent == Intent.QUOTES.value or _OPINION.search(query.text)
            if query.intent in (Intent.WHO_IS, Intent.SEARCH) and opinion:
                return carried.with_intent(Intent.QUOTES)
            return carried
        names_nothing = not query.links and not query.people and not query.roles
        if not names_nothing and not parsed.pronoun:
            if parsed.follow_up and query.intent is Intent.SEARCH and previous.intent in _REUSABLE:
                return query.with_intent(Intent(previous.intent))
            return query
        changes: dict[str, object] = {"from_context": True}
        previous_person = previous.person_id and previous.person_id not in query.person_ids
        if (
            not names_nothing
            and parsed.pronoun == "person"
            and previous_person
            and query.intent is Intent.QUOTES
            and not query.people
            and _pronoun_speaks(query.text)
        ):
            # "What did he say about the Republicans?": "he" speaks; the names are the topic.
            changes["people"] = _previous_person(previous)
        elif (
            not names_nothing
            and parsed.pronoun == "person"
            and previous_person
            and query.intent in (Intent.QUOTES, Intent.OUTCOME)
        ):
            # "What did Corvo say about him?": the person of the last answer is the topic.
            person = Link(
                entity_ids=(previous.person_id or "",),
                name=previous.person_name or "",
                kind=EntityKind.PERSON,
                surface=(previous.person_name or "").casefold(),
                first_word=-1,
                last_word=-1,
                score=100.0,
            )
            changes["links"] = (*query.links, person)
            changes["topic_links"] = (*query.topic_links, person)
        elif names_nothing and parsed.pronoun == "person" and previous.person_id:
            changes["people"] = _previous_person(previous)
        elif names_nothing and (
            parsed.pronoun
            or parsed.follow_up
            or (not query.terms and query.intent is not Intent.SEARCH)
        ):
            if previous.person_id and previous.intent == Intent.QUOTES.value:
                changes["people"] = _previous_person(previous)
            elif (
                parsed.pronoun == "group"
                and query.intent is Intent.QUOTES
                and previous.people_named
            ):
                # "What did they say?" after a meeting: its participants are the speakers,
                # and what the meeting was named by (its place, its parties) the topic.
                changes["people"] = tuple(people_called(self._facts, previous.people_named))
                changes["topic_links"] = tuple(
                    link for link in previous.links if link.kind is not EntityKind.PERSON
                )
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
        if (
            query.intent in (Intent.WHO_IS, Intent.SEARCH)
            and parsed.aspects & {"who", "where", "when"}
            and previous.event_ids
        ):
            intent = Intent.EVENT  # "who else was there?" after a meeting: its participants
        if (
            query.intent is Intent.EVENT
            and names_nothing
            and previous.intent == Intent.QUOTES.value
            and _WHERE_SAID.match(query.text)
        ):
            intent = Intent.QUOTES  # "where?" after someone's words: where they said them
        updated = replace(query, **changes)  # type: ignore[arg-type]
        return updated.with_intent(intent) if intent is not query.intent else updated

    # ------------------------------------------------------------------- answering

    def _respond(self, query: Query, previous: Turn | None) -> Reply:
        facts = self._facts
        intent = query.intent
        reply: Reply | None = None
        duration_unknown = False
        if intent is Intent.HELP:
            return answer_help(facts)
        if intent is Intent.TOPICS:
            return answer_topics(facts, query.parsed.list_kind)
        if previous is not None and WHO_SAYS.match(query.text):
            # "Says who?" after a figure: whom its sentence cites, not the latest quotes.
            cited = answer_cited(previous)
            if cited is not None:
                return cited
        if intent is Intent.SOURCES:
            return answer_sources(
                facts,
                query,
                previous.sources if previous else (),
                previous.quote_keys if previous else (),
            )
        if intent in (Intent.QUOTES, Intent.WHO_IS, Intent.ABOUT) and not query.people:
            missing = self._names_not_in_articles(query)
            if missing:
                return self._unknown(query, missing)
            if query.unresolved_roles:
                if intent is Intent.QUOTES:
                    # "What did the head of Veltgas say?": the speaker a report calls so.
                    titled = self._quotes_by_title(query)
                    if titled is not None:
                        return titled
                elif intent is Intent.WHO_IS:
                    # "Who is the director of X?": the name a report sets beside the title.
                    holder = self._holder_by_title(query)
                    if holder is not None:
                        return holder
                # "Who is the mayor of Ankara?" with no such mayor stored: say so, rather
                # than describe Ankara.
                return self._unknown(query, [f"the {query.unresolved_roles[0]}"])
        if intent is Intent.QUOTES and previous is not None and _WHEN_SAID.match(query.text):
            # "When did she say that?" after someone's words: the day of those words.
            when = _when_said(facts, previous)
            if when is not None:
                return when
        if intent is Intent.QUOTES:
            query = _role_as_topic(query)
            relation = relation_asked(query.question, [name for _, name in query.people])
            if relation and query.people:
                # "What did X's family say?": the family speaks, not X.
                return answer_relative_quotes(facts, query, relation)
            described = described_speakers(query)
            if described:
                # "What did environmental groups say?": the quotes where a report speaks
                # of them, before anyone's words on the topic.
                by_description = quotes_by_description(facts, query, described)
                if by_description is not None:
                    return by_description
            stranger = self._unknown_speaker(query)
            if stranger:
                # "what did novak say about corvo" with nobody of that name stored: say
                # so, rather than answer with what others said about Corvo.
                topic = join_names([link.name for link in query.topic_links])
                summary = f"I couldn't find any quotes by {stranger}"
                summary += f" about {topic}." if topic else "."
                return Reply(summary=summary, known=False, confidence=0.1)
            if query.links and not (query.people or query.groups or query.topic_links):
                # Quotes "from Geneva" or an outlet: read as a topic.
                query = replace(query, topic_links=query.links)
            # "What did X say about letting Chile back into the alliance?": their words
            # on Chile and the alliance ("I'd like to see Chile back") seldom repeat the verb
            # that frames the topic; the names and the other words still must match. The
            # person's own words on the looser topic come before a namesake's: namesakes
            # (a search per other holder of the surname, ~11 ms) are tried last.
            loose = _loosened_topic(query) if query.people else None
            said = self._in_window_or_latest(
                lambda q: answer_quotes(facts, q, namesakes=loose is None), query
            ) or self._unknown(query)
            if not said.known and loose is not None:
                looser = self._in_window_or_latest(
                    lambda q: answer_quotes(facts, q, namesakes=False), loose
                )
                for asked in (query, loose):
                    if looser is not None and looser.known:
                        break
                    looser = self._in_window_or_latest(lambda q: answer_quotes(facts, q), asked)
                if looser is not None and looser.known:
                    # Still the story asked, not the looser topic's in another report.
                    said = keep_to_story(facts, query, loose, looser)
            topical = query.topic_links or query.topic_terms or query.phrases
            if said.known and previous is not None and _another_speaker_asked(query, previous):
                # "And Blanco?" after Ortega's words on a story: Blanco's words in the
                # reports just quoted come before Blanco's newest on anything else.
                said = _story_first(facts, query, previous, said)
            if query.groups and not query.people and (topical or not said.known):
                # "How did the Palestinians react to the plan?": a country's reaction is more
                # often reported than quoted; add the sentences that report it (also when
                # nothing quoted is credited to the body: "X of the Institute warned that").
                reported = answer_search(facts, query)
                # Only sentences that name the group report its reaction; a body a country
                # qualifies ("the Chinese foreign ministry") is that country's: another
                # country's foreign ministry is not it.
                countries = [g for g in query.groups if g.kind is EntityKind.COUNTRY]
                bodies = [g for g in query.groups if g.kind is not EntityKind.COUNTRY]
                needed = [countries, bodies] if countries and bodies else [list(query.groups)]
                forms = [
                    [f for link in links for f in facts.name_forms(link) if len(f) > 2]
                    for links in needed
                ]
                if countries and bodies:
                    # Once the country is named, "the ministry said" is its finance ministry.
                    forms[1] += [body.name.split()[-1] for body in bodies]
                telling = [
                    f
                    for f in (reported.facts if reported else [])
                    if all(any(has_phrase(f.text, n) for n in group) for group in forms)
                ]
                if reported is not None and telling:
                    said.facts = telling[:2] + said.facts
                    said.sources = list(unique_sources([*said.sources, *reported.sources]))
                    if not said.known:
                        said.known = True
                        said.summary = "The articles report:"
            return said
        if "duration" in query.parsed.aspects and intent is not Intent.QUOTE_SEARCH:
            # "How long is the trip?" is answered by the event's record when it keeps how
            # long it lasted, else by a sentence giving a length of time, whatever else the
            # question names.
            reply = answer_event_duration(facts, query) or answer_duration(facts, query)
            if reply is not None:
                return reply
            duration_unknown = True
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
            reply = self._in_window_or_latest(
                lambda q: answer_summary(facts, q, details=True), query
            )
        elif intent is Intent.ABOUT or (
            intent is Intent.SEARCH and (query.links or query.people) and not query.terms
        ):
            reply = self._about(query)
        else:
            reply = answer_search(facts, query)
        if reply is not None and duration_unknown and reply.known:
            # What is known of it, but not the length asked for: say that first.
            reply.summary = f"I couldn't find how long it lasts. {reply.summary}"
            reply.confidence = min(reply.confidence, 0.5)
        if (reply is None or not reply.known) and not duration_unknown:
            # No stored fact answers: a sentence may, when it says what the question's form
            # asks for (a time, a place, a condition, the act asked about or its opposite).
            reply = answer_from_text(facts, query) or reply
        elif reply is not None and not reply.quotes:
            # "Did Chile accept Peru's call?": the sentences where Chile accepts or rejects
            # it settle the question; what else matched its words comes after them.
            settled = answer_from_text(facts, query, yes_no_only=True)
            if settled is not None:
                shown = {f.text for f in settled.facts}
                settled.facts += [f for f in reply.facts if f.text not in shown][:2]
                settled.sources = list(unique_sources([*settled.sources, *reply.sources]))
                reply = settled
        return reply or self._unknown(query)

    @staticmethod
    def _in_window_or_latest(
        respond: Callable[[Query], Reply | None], query: Query
    ) -> Reply | None:
        """Answer within the question's dates; if nothing is dated then, say so and give the
        most recent instead ("this week" asked of a fact base whose news is older)."""
        reply = respond(query)
        # Only relative dates ("this week") widen: "in 2019" means 2019.
        if not query.window.relative or (reply is not None and reply.known):
            return reply
        wider = respond(replace(query, window=TimeWindow(latest=True)))
        if wider is None or not wider.known:
            return reply
        wider.summary = (
            f"I couldn't find anything dated {query.window.label}. The most recent I have: "
            + wider.summary
        )
        wider.confidence = min(wider.confidence, 0.5)
        return wider

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
        query = replace(query.with_intent(Intent.SUMMARY), terms=(), links=(), people=())
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

    def _quotes_by_title(self, query: Query) -> Reply | None:
        """The quotes of whoever a report calls by the title asked ("the head of X", "X's
        chief") when no stored role names the holder, or None."""
        facts = self._facts
        for title in query.unresolved_roles:
            qualifier = qualifier_of(query.text, title)
            if qualifier is None:
                continue
            for speaker in speakers_by_title(facts, title, qualifier):
                if speaker.entity_id is not None:
                    said = answer_quotes(
                        facts,
                        replace(
                            query,
                            people=((speaker.entity_id, speaker.name),),
                            unresolved_roles=(),
                        ),
                    )
                    if said.known:
                        return said
                source = facts.source(speaker.article_id)
                quotes = [
                    q
                    for q in facts.store.quotes(article_ids=[speaker.article_id], limit=200)
                    if (q.speaker or q.speaker_mention) == speaker.name
                ]
                if not quotes:
                    continue
                body = _as_written(query, qualifier)
                return Reply(
                    summary=f"Here is what {speaker.name} ({title} of {body}) said:",
                    quotes=[answer_quote(q, source) for q in quotes[:5]],
                    sources=[source],
                    confidence=0.6,
                    follow_ups=[f"Who is {speaker.name}?"],
                )
        named = self._named_by_title(query)
        if named is None:
            return None
        # The holder is named, but nothing stored is in their words: say so, with the
        # sentence naming them.
        name, title, body, sentence = named
        source = facts.source(sentence.article_id)
        return Reply(
            summary=f"I couldn't find any quotes by {name}, the {title} of {body}.",
            known=False,
            facts=[fact(f"“{sentence.text}”", source)],
            sources=[source],
            confidence=0.3,
        )

    def _holder_by_title(self, query: Query) -> Reply | None:
        """Who holds a title for a body no stored role covers, as a report names them."""
        named = self._named_by_title(query)
        if named is None:
            return None
        name, title, body, sentence = named
        source = self._facts.source(sentence.article_id)
        return Reply(
            summary=f"{name} is the {title} of {body}, the articles say:",
            facts=[fact(f"“{sentence.text}”", source)],
            sources=[source],
            confidence=0.6,
            follow_ups=[f"What did {name} say?"],
        )

    def _named_by_title(self, query: Query) -> tuple[str, str, str, Sentence] | None:
        """(name, title, body as asked, sentence) of the first unresolved title a report
        sets a name beside ("the director of X, Kai Lindqvist,")."""
        for title in query.unresolved_roles:
            qualifier = qualifier_of(query.text, title)
            if not qualifier:
                continue
            found = holder_by_title(self._facts, title, qualifier)
            if found is not None:
                return found[0], title, _as_written(query, qualifier), found[1]
        return None

    def _unknown_speaker(self, query: Query) -> str | None:
        """The speaker a quotes question names that nothing stored matches: a word in the
        speaker's place ("what did novak say") that is no name, title or common word."""
        if query.people or query.groups or query.roles or query.parsed.pronoun:
            return None
        match = SPEAKER_SLOT.search(query.text)
        if match is None:
            return None
        linked = {w for link in query.links for w in link.surface.split()}
        slot = [w for w in content_words(match.group("who")) if w not in linked]
        if not slot or len(slot) > 3 or len(slot) < len(match.group("who").split()) - 1:
            return None
        if any(self._facts.is_common_word(w) or w in VOCABULARY for w in slot):
            return None
        return " ".join(slot)

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
        # What is nearest the question, if anything: the most mentioned names of the whole
        # fact base ("United States, European Union, ...") answer nothing that was asked.
        offer = related_headlines(facts, query)
        if offer:
            summary += " Related reports I have: " + "; ".join(f"“{t}”" for t in offer) + "."
        return Reply(
            summary=summary,
            known=False,
            confidence=0.1,
            follow_ups=["What topics do you know?", "Latest quotes"],
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
            intent=intent or query.intent.value,
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
                facts=tuple(reply.facts[:_KEPT_LINES]),
                quotes=tuple(reply.quotes[:_KEPT_LINES]),
            ),
        )
        self._settle_answer()
        return answer


def _role_as_topic(query: Query) -> Query:
    """ "What did Corvo say about the harbour master?": a title after the reporting verb, held
    by nobody the question resolved, is the topic; without it the topic would be lost."""
    if not query.people or query.topic_links or query.topic_terms or not query.roles:
        return query
    tokens = word_texts(query.text)
    verb = next((i for i, t in enumerate(tokens) if t in QUOTE_WORDS), None)
    if verb is None:
        return query
    topic = [
        token
        for role in query.roles
        if role.first_word > verb
        for token in tokens[role.first_word : role.last_word + 1]
        if token not in STOPWORDS
    ]
    return replace(query, topic_terms=tuple(topic)) if topic else query


def _as_written(query: Query, phrase: str) -> str:
    """A phrase of the normalised question as the asker wrote it ("Veltgas", "veltgas")."""
    written = re.search(re.escape(phrase), query.question, re.IGNORECASE)
    return written.group(0) if written else phrase


def _loosened_topic(query: Query) -> Query | None:
    """The quotes question with the topic's framing words left out: verbs in -ing ("letting",
    "waiting"), adverbs of direction and frame words ("back", "again"); None when that leaves
    the topic unchanged or empty (a topic of one gerund, "fracking", is the topic itself)."""
    kept = tuple(
        t
        for t in query.topic_terms
        if not (t.endswith("ing") and len(t) > 5) and t not in _TOPIC_FRAME_WORDS
    )
    if kept == query.topic_terms or not (kept or query.topic_links):
        return None
    dropped = set(query.topic_terms) - set(kept)
    return replace(query, topic_terms=kept, terms=tuple(t for t in query.terms if t not in dropped))


_TOPIC_FRAME_WORDS = frozenset({"back", "again", "away", "off", "out", "over", "up"})


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while the indexes are built: the ~10^6 new objects triggered
    full collections of the growing heap, ~0.2 s of the start-up at 10k articles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_SUBJECT_PRONOUNS = frozenset({"he", "she"})
_WHERE_SAID = re.compile(
    r"^(?:and |so )?where(?: (?:was|did|were) (?:that|it|this|he|she|they)"
    r"(?: (?:say|said|speak|spoke|speaking) (?:that|it|this)?)?)?[\s?!.]*$"
)
_WHEN_SAID = re.compile(
    r"^(?:and |so )?when (?:was|did|were|had) (?:that|it|this|he|she|they)"
    r"(?: (?:say|said|speak|spoke|tell|told|write|wrote|tweet|tweeted)(?: (?:that|it|this))?)?"
    r"[\s?!.]*$"
)
# How many of an answer's sentences and quotes a turn keeps for "says who?".
_KEPT_LINES = 3
# How many of the last answer's quotes "when did she say that?" dates.
_WHEN_QUOTES = 3


# How many of the last answer's reports an "and X?" follow-up reads X's words in.
_STORY_REPORTS = 2


def _another_speaker_asked(query: Query, previous: Turn) -> bool:
    """An elliptical follow-up ("and X?", "what about X?") after someone's words, naming
    another speaker and no topic of its own."""
    return (
        query.parsed.follow_up
        and not query.parsed.wants_more
        and previous.intent == Intent.QUOTES.value
        and bool(previous.quote_keys)
        and bool(query.people)
        and previous.person_id not in query.person_ids
        and not (query.topic_links or query.topic_terms or query.phrases)
    )


def _story_first(facts: FactBase, query: Query, previous: Turn, said: Reply) -> Reply:
    """The asked speaker's quotes in the last answer's first reports, before the rest."""
    story = list(dict.fromkeys(key[0] for key in previous.quote_keys))[:_STORY_REPORTS]
    found = facts.store.quotes(speaker_ids=list(query.person_ids), article_ids=story, limit=6)
    if not found:
        return said
    # The report the last answer quoted first leads; in it, the words in text order.
    found.sort(key=lambda q: (story.index(q.article_id), q.start))
    first = [answer_quote(q, facts.source(q.article_id), facts.quote_role(q)) for q in found]
    shown = {(q.text, q.source.article_id) for q in first}
    rest = [q for q in said.quotes if (q.text, q.source.article_id) not in shown]
    keys = [(q.article_id, q.start) for q in found]
    said.quotes = first + rest[: max(0, len(said.quotes) - len(first))]
    if said.summary.endswith(", newest first:"):
        said.summary = said.summary[: -len(", newest first:")] + (
            ", in the report just quoted first, then newest first:"
        )
    said.quote_keys = tuple(dict.fromkeys([*keys, *said.quote_keys]))
    said.sources = list(unique_sources([*(q.source for q in first), *said.sources]))
    return said


def _when_said(facts: FactBase, previous: Turn) -> Reply | None:
    """The day the last answer's first quote was said (else the day its report was
    published, said so), with the first quotes."""
    if previous.intent != Intent.QUOTES.value or not previous.quote_keys:
        return None
    keys = list(previous.quote_keys[:_WHEN_QUOTES])
    wanted = set(keys)
    stored = facts.store.quotes(article_ids=list(dict.fromkeys(k[0] for k in keys)), limit=500)
    by_key = {(q.article_id, q.start): q for q in stored if (q.article_id, q.start) in wanted}
    quotes = [by_key[k] for k in keys if k in by_key]
    if not quotes:
        return None
    shown = [answer_quote(q, facts.source(q.article_id), facts.quote_role(q)) for q in quotes]
    first = shown[0]
    who = first.speaker or "They"
    outlet = first.source.outlet or first.source.title
    if quotes[0].said_on is not None:
        summary = f"{who} said it on {day_text(quotes[0].said_on)}"
        summary += f", as {outlet} reported." if outlet else "."
    elif first.said_on is not None:
        # The report's day is not the day the words were said: say which it is.
        summary = f"The report does not say when {who} said it; {outlet or 'it'} published it"
        summary += f" on {day_text(first.said_on)}."
    else:
        summary = f"I couldn't find when {who} said it: the report gives no date."
    return Reply(
        summary=summary,
        quotes=shown,
        sources=list(unique_sources(q.source for q in shown)),
        confidence=0.8 if quotes[0].said_on is not None else 0.5,
        person=(quotes[0].speaker_id, who) if quotes[0].speaker_id else None,
        quote_keys=tuple(keys),
    )


_OPINION = re.compile(r"\b(think|thinks|thought|believe|believes|want|wants|feel|feels)\b")


def _pronoun_speaks_of_a_title(query: Query) -> bool:
    """A follow-up whose subject is "he"/"she" and which names a title only after it, with no
    person named: the title is the topic ("what did he say about the president?")."""
    if query.parsed.pronoun != "person" or not query.roles:
        return False
    if any(link.kind is EntityKind.PERSON for link in query.links):
        return False
    tokens = word_texts(query.text)
    subject = next((i for i, t in enumerate(tokens) if t in _SUBJECT_PRONOUNS), None)
    return subject is not None and all(role.first_word > subject for role in query.roles)


def _pronoun_speaks(text: str) -> bool:
    """The speaker slot of "what did he say ..." is a subject pronoun."""
    match = SPEAKER_SLOT.search(text)
    return match is not None and match.group("who") in _SUBJECT_PRONOUNS


def _repeats_words(fresh: Query, turns: Sequence[Turn]) -> bool:
    """Whether the question repeats a topic word of the chat's last ones ("where exactly in
    lugano" after "who is meeting in lugano?")."""
    said = {w for turn in turns for w in content_words(normalise_question(turn.question))}
    return bool(set(fresh.terms) & said)


def _story_of(turns: Sequence[Turn]) -> frozenset[str]:
    """The reports the chat's last answers came from: a follow-up's sentences come from them
    first."""
    return frozenset(s.article_id for turn in turns for s in turn.sources[:_STORY_SOURCES])


# How many of the chat's last answers, and of each one's sources, make the story a follow-up
# is read in.
_STORY_TURNS = 3
_STORY_SOURCES = 4


def _previous_person(previous: Turn) -> tuple[tuple[str, str], ...]:
    """The person of the last answer, under every id the question linked for them."""
    same = tuple((i, n) for i, n in previous.people if n == previous.person_name)
    return same or ((previous.person_id or "", previous.person_name or ""),)


_REUSABLE = frozenset(
    {
        Intent.QUOTES.value,
        Intent.EVENT.value,
        Intent.WHO_IS.value,
        Intent.SUMMARY.value,
        Intent.OUTCOME.value,
    }
)
