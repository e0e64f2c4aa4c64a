"""Quotes of speakers a question describes instead of naming: "what did environmental groups
say about the port deal?" is answered by the words a report quotes right where it speaks of
environmental groups ("Environmental groups were unimpressed. X, a spokeswoman for Y, said
..."), when that report speaks of the topic asked; otherwise the quotes path answers as before.
"""

from __future__ import annotations

import re

from knowledge.answering.compose import answer_quote, fact
from knowledge.answering.facts import FactBase
from knowledge.answering.query import Query, Reply
from knowledge.answering.text import GENERIC_TOPIC_STEMS, plain, stem, stems, words_of

# "What did environmental groups say", "what did he say": the speaker slot of a quotes
# question (also read by the engine for pronouns and unknown speakers).
SPEAKER_SLOT = re.compile(
    r"^(?:and )?(?:what|how) (?:did|does|do|has|have|had|was|were|is|are|will) (?P<who>.+?) "
    r"(?:say|said|says|tell|told|comment|commented|respond|responded|react|reacted|tweet|"
    r"tweeted|write|wrote|think|warn|warned|claim|claimed)\b"
)
# How far after the sentence naming the speakers their words may be reported.
_QUOTE_REACH = 2


def described_speakers(query: Query) -> list[str]:
    """The words of a speaker the question describes rather than names ("environmental
    groups", "local fishermen"), or [] when it names someone (a linked name, a title, a
    pronoun)."""
    if query.people or query.roles or query.parsed.pronoun:
        return []
    match = SPEAKER_SLOT.search(query.text)
    if match is None:
        return []
    slot = match.group("who").removeprefix("the ")
    linked = {w for link in query.links for w in link.surface.split()}
    said = slot.split()
    if not 1 <= len(said) <= 3 or any(w in linked for w in said):
        return []
    if any(w in _NOT_DESCRIPTIONS for w in said):
        return []
    # People described are a group, named in the plural ("critics", "local fishermen");
    # one word in the singular is more likely a name the base does not hold ("novak").
    last = said[-1]
    if not (last.endswith("s") or last.endswith("men") or last in _GROUP_NOUNS):
        return []
    return said


# Group nouns without a plural ending; "people" is not one of them: too vague to find.
_GROUP_NOUNS = frozenset(words_of("police public staff clergy crew youth folk military opposition"))
_NOT_DESCRIPTIONS = frozenset(
    words_of(
        """
        i you he she it we they him her them his their its our your my who whom anyone
        anybody someone somebody everyone everybody people the a an
        """
    )
)


def quotes_by_description(facts: FactBase, query: Query, described: list[str]) -> Reply | None:
    """The quotes a report gives right where it speaks of the speakers described: "Environmental
    groups were unimpressed. X, a spokeswoman for Y, said ..." answers "what did environmental
    groups say?". The report must speak of the question's topic too (its words or names,
    in its headline or around the quotes), or None."""
    wanted = [stem(w) for w in described]
    # The topic: the question's other words (a kind of occasion, "deal", "talks", only when
    # nothing else is asked) and every name it gives; a report of the described speakers
    # must speak of all of it, or their words there are about something else.
    words = [t for t in dict.fromkeys(stem(t) for t in query.terms) if t not in wanted]
    specific = [t for t in words if t not in GENERIC_TOPIC_STEMS]
    topic_words = specific or words
    # No link is of the description: described_speakers found none of its words linked.
    links = query.links
    topic_names = [[plain(form) for form in facts.name_forms(link)] for link in links]
    if not topic_words and not topic_names:
        return None  # "what did critics say": of what, any report could be meant
    search = " ".join([*described, *query.terms, *(link.name for link in links)])
    hits = facts.store.search_sentences(search, limit=30)
    for sentence, _ in hits:
        tokens = [stem(t) for t in plain(sentence.text).split()]
        if not _in_order(tokens, wanted):
            continue
        window = [
            s
            for s in facts.store.sentences(sentence.article_id)
            if sentence.index <= s.index <= sentence.index + _QUOTE_REACH
        ]
        if not window:
            continue
        source = facts.source(sentence.article_id)
        around = plain(" ".join([source.title, *(s.text for s in window)]))
        around_stems = stems(around)
        padded = f" {around} "
        if not all(any(f" {f} " in padded for f in forms if f) for forms in topic_names):
            continue
        said = sum(1 for t in topic_words if t in around_stems)
        if said < len(topic_words) and 3 * said < 2 * len(topic_words):
            continue
        start, end = window[0].start, window[-1].end
        quotes = [
            q
            for q in facts.store.quotes(article_ids=[sentence.article_id], limit=200)
            if start <= q.start < end
        ]
        if not quotes:
            continue
        # The first speaker after the description speaks for them, not those after.
        first = quotes[0].speaker or quotes[0].speaker_mention
        quotes = [q for q in quotes if (q.speaker or q.speaker_mention) == first]
        return Reply(
            summary=f"Here is what the report quotes where it speaks of {' '.join(described)}:",
            quotes=[answer_quote(q, source) for q in quotes[:3]],
            facts=[fact(f"“{sentence.text}”", source)],
            sources=[source],
            confidence=0.5,
            follow_ups=["Who reported it?"],
        )
    return None


def _in_order(tokens: list[str], wanted: list[str]) -> bool:
    """Are the wanted stems in the tokens next to each other, in order ("environmental
    groups" in "Environmental groups were unimpressed")?"""
    size = len(wanted)
    return any(tokens[i : i + size] == wanted for i in range(len(tokens) - size + 1))
