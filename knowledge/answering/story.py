"""Keeping a loosened quotes answer on the story asked.

"What did X say about letting Russia back into the G7?" is answered, when no quote says
"letting", from a looser topic (Russia and the G7): at ten thousand articles those two names
share many stories (a 2017 G7 meeting on Syria), and the speaker's words in another one are
no answer. The story asked is the one whose sentences say every name and every word the
loosening kept out of the topic but which still carries the story ("back"): a report telling
"the prospect of allowing Russia back into the G7". The loosened answer stands when one of its
quotes comes from such a report; else the speaker's quotes in those reports answer, those
saying most of the topic first; else what the reports tell of it, verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.answering.compose import answer_quote, fact, unique_sources
from knowledge.answering.facts import FactBase
from knowledge.answering.query import Query, Reply
from knowledge.answering.quotes import quote_key
from knowledge.answering.search import plain_words
from knowledge.answering.text import SYNONYM_STEMS, stem

# How many of the best full-text matches are read for the story's reports.
_STORY_HITS = 8
# How many of the speaker's quotes in those reports are read, and shown.
_QUOTES_READ = 60
_SHOWN = 6
# "... about letting Russia back into the G7?": the topic as the asker wrote it.
_ABOUT = re.compile(r"\babout (?P<topic>.+?)[\s?!.]*$", re.IGNORECASE)


class _Story:
    """The words a report of the story must say: names as plain words, word stems."""

    def __init__(self, names: Sequence[str], words: Sequence[str]) -> None:
        self.names = [n for n in dict.fromkeys(names) if n]
        self.words = [{stem(w), *SYNONYM_STEMS.get(stem(w), ())} for w in dict.fromkeys(words)]

    def said(self, text: str) -> int:
        """How many of the story's names and words a text says."""
        plain = plain_words(text)
        padded = f" {plain} "
        count = sum(1 for name in self.names if f" {name} " in padded)
        if self.words:
            stems = {stem(token) for token in plain.split()}
            count += sum(1 for keys in self.words if keys & stems)
        return count

    def says_all(self, text: str) -> bool:
        """Whether a text says every name and word of the story (names tested first: most
        sentences lack one, and need no stemming)."""
        plain = plain_words(text)
        padded = f" {plain} "
        if not all(f" {name} " in padded for name in self.names):
            return False
        stems = {stem(token) for token in plain.split()}
        return all(keys & stems for keys in self.words)

    @property
    def size(self) -> int:
        return len(self.names) + len(self.words)


def keep_to_story(facts: FactBase, strict: Query, loose: Query, looser: Reply) -> Reply:
    """The loosened answer, or the speaker's words (else the reports) of the story asked
    when the loosened answer's quotes all come from other stories (see the module)."""
    # The words the loosening left out that still carry the story ("back"; not the verb
    # "letting", which is why it was loosened).
    carried = [t for t in strict.topic_terms if t not in loose.topic_terms and not _verb(t)]
    if not carried:
        return looser  # nothing but the looser topic's words: no story to tell apart
    story = _Story(
        [plain_words(link.surface) for link in strict.topic_links],
        [t for t in strict.topic_terms if not _verb(t)],
    )
    if story.size < 2:
        return looser
    reports, telling = _story_reports(facts, strict, story)
    if not reports:
        return looser
    shown = {q.source.article_id for q in looser.quotes}
    if shown & set(reports):
        # The story's quotes only: the others share its names, not its story.
        on = set(reports)
        looser.quotes = [q for q in looser.quotes if q.source.article_id in on]
        looser.quote_keys = tuple(k for k in looser.quote_keys if k[0] in on)
        looser.facts = [f for f in looser.facts if f.source is None or f.source.article_id in on]
        looser.sources = [s for s in looser.sources if s.article_id in on]
        return looser
    topic = _as_asked(strict)
    quotes = facts.store.quotes(
        speaker_ids=list(strict.person_ids), article_ids=reports, limit=_QUOTES_READ
    )
    on_story = [q for q in quotes if story.said(q.text) > 0]
    who = ", ".join(dict.fromkeys(name for _, name in strict.people))
    if on_story:
        rank = {article_id: at for at, article_id in enumerate(reports)}
        on_story.sort(key=lambda q: (-story.said(q.text), rank[q.article_id]))
        chosen = on_story[:_SHOWN]
        sources = [facts.source(q.article_id) for q in chosen]
        return Reply(
            summary=f"Here is what {who} said in the reports about {topic}:",
            quotes=[
                answer_quote(q, facts.source(q.article_id), facts.quote_role(q)) for q in chosen
            ],
            sources=list(unique_sources(sources)),
            confidence=0.6,
            follow_ups=looser.follow_ups,
            person=looser.person,
            quote_keys=tuple(quote_key(q) for q in chosen) + tuple(strict.exclude_quotes),
        )
    lines = [fact(f"“{text}”", facts.source(article_id)) for article_id, text in telling[:2]]
    return Reply(
        summary=f"I couldn't find {who}'s own words about {topic}; the reports say:",
        known=False,
        facts=lines,
        sources=list(unique_sources(line.source for line in lines)),
        confidence=0.3,
        person=looser.person,
    )


def _story_reports(
    facts: FactBase, query: Query, story: _Story
) -> tuple[list[str], list[tuple[str, str]]]:
    """The reports (best first) with a sentence saying all of the story, and those
    sentences as (article id, text)."""
    words = [link.surface for link in query.topic_links]
    words += [t for t in query.topic_terms if not _verb(t)]
    hits = facts.store.search_hits(" ".join(words), limit=_STORY_HITS)
    texts = facts.store.sentence_texts([sentence_id for sentence_id, _ in hits])
    reports: list[str] = []
    telling: list[tuple[str, str]] = []
    for sentence_id, article_id in hits:
        text = texts.get(sentence_id, "")
        if text and story.says_all(text):
            telling.append((article_id, text))
            if article_id not in reports:
                reports.append(article_id)
    return reports, telling


def _verb(word: str) -> bool:
    """A verb in -ing framing the topic ("letting", "waiting"), as the loosening drops."""
    return word.endswith("ing") and len(word) > 5


def _as_asked(query: Query) -> str:
    """The topic in the asker's words ("letting Russia back into the G7")."""
    found = _ABOUT.search(query.question)
    if found is not None:
        return found.group("topic")
    return " ".join([*(link.name for link in query.topic_links), *query.topic_terms])
