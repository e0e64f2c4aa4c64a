"""Quote answers: what a person, a country or body said, about a topic, or the latest overall."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from knowledge.answering.compose import (
    RELATION_TITLES,
    answer_quote,
    fact,
    join_names,
    neutral_day,
    role_text,
    unique_roles,
)
from knowledge.answering.facts import FactBase
from knowledge.answering.query import Query, Reply
from knowledge.answering.text import (
    GENERIC_TOPIC_STEMS,
    fold,
    plain,
    prefixed_words,
    stem,
    stem_prefixes,
    words_of,
)
from knowledge.models import AnswerFact, EntityKind, Quote, QuoteKind, Sentence

PAGE = 6
LATEST = 6


def quote_key(quote: Quote) -> tuple[str, int]:
    return (quote.article_id, quote.start)


def quote_day(quote: Quote, facts: FactBase) -> date:
    return quote.said_on or facts.source(quote.article_id).published or date.min


@dataclass(frozen=True)
class _Part:
    """One part of a topic, ready to test texts against: a name's spellings as plain words
    (padded with spaces), or a word's stem. A generic part ("deal") never counts alone."""

    names: tuple[str, ...] = ()
    stem: str | None = None
    generic: bool = False
    # First letters of the words that can have the stem: only those words are stemmed.
    prefixes: frozenset[str] = frozenset()
    # The words of a plain text beginning with those letters, found by one scan in C (a
    # test per word in Python was most of the cost of the topic tests: ~25 us a sentence).
    stemmed: re.Pattern[str] | None = field(default=None, compare=False, repr=False)


# Per answer, per topic (its search words and parts): for each article searched, the topic
# parts its matching sentences name and how many of them name the whole topic.
_TopicMemo = dict[tuple[tuple[str, ...], tuple[_Part, ...]], dict[str, tuple[frozenset[int], int]]]


def _covers(found: set[int], parts: Sequence[_Part]) -> bool:
    """Does a text mentioning these parts mention the whole topic: every specific part (a
    name, a content word), or, for a topic of generic words only, one of them?"""
    # (Plain loops, not a set built and compared: called for each text _parts_in reads.)
    has_specific = False
    for index, part in enumerate(parts):
        if not part.generic:
            if index not in found:
                return False
            has_specific = True
    return has_specific or bool(found)


def _specific(found: set[int], parts: Sequence[_Part]) -> set[int]:
    """The parts found that say what the topic is (generic words only when nothing else is)."""
    for part in parts:
        if not part.generic:
            return {index for index in found if not parts[index].generic}
    return found


def _parts_in(text: str, parts: Sequence[_Part], *, every: bool = False) -> set[int]:
    """Which parts of the topic a text mentions (whole words for names, stems for words).

    ``every``: generic parts too, though the topic has others (for ranking, not coverage)."""
    padded = f" {plain(text)} "
    found: set[int] = set()
    # Generic words count only for a topic that has nothing else: with a name or a content
    # word in it, they need not be looked for (stemming every word is the costly part).
    # (Plain loops, not any() over generators: ~2,000 texts an answer, and the generators'
    # set-up was a fifth of this test's cost.)
    skip_generic = False
    if not every:
        for part in parts:
            if not part.generic:
                skip_generic = True
                break
    for index, part in enumerate(parts):
        if skip_generic and part.generic:
            continue
        if part.stem is None:
            for name in part.names:
                if name in padded:
                    found.add(index)
                    break
            continue
        wanted = part.stem
        pattern = part.stemmed or prefixed_words(part.prefixes)
        for token in pattern.findall(padded):
            if stem(token) == wanted:
                found.add(index)
                break
    return found


def speaker_role(facts: FactBase, speaker_id: str | None) -> str | None:
    if not speaker_id:
        return None
    entity = facts.entity(speaker_id)
    if entity is None or entity.kind is not EntityKind.PERSON:
        return None
    roles = unique_roles(entity.roles, limit=1)
    return role_text(roles[0]) if roles else None


def group_speakers(facts: FactBase, query: Query) -> tuple[list[str], list[str]]:
    """Speaker ids for the countries and bodies a question names: the body itself and the
    people affiliated with it; and the names of those groups."""
    ids: list[str] = []
    names: list[str] = []
    for link in query.groups:
        names.append(link.name)
        ids.extend(link.entity_ids)
        ids.extend(sorted(facts.roles().affiliated(link.name)))
    return list(dict.fromkeys(ids)), names


def _unnamed_group_quotes(facts: FactBase, query: Query, names: list[str]) -> list[Quote]:
    """Quotes whose speaker is the group described, not a named person ('Iranian officials')."""
    words = {fold(n) for n in names}
    for link in query.groups:
        words.update(fold(form) for form in facts.name_forms(link) if len(form) > 2)
    if not words:
        return []
    article_ids = facts.store.search_articles(" ".join(names), limit=60)[:30]
    if not article_ids:
        return []
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(words)) + r")\b")
    out = []
    for quote in facts.store.quotes(article_ids=article_ids, limit=300):
        described = " ".join(
            filter(None, (quote.speaker, quote.speaker_mention, quote.speaker_role))
        )
        if pattern.search(fold(described)):
            out.append(quote)
    return out


def answer_quotes(
    facts: FactBase, query: Query, *, namesakes: bool = True, memo: _TopicMemo | None = None
) -> Reply:
    """Quotes by the people or groups named, about the topic named, newest first.

    ``namesakes``: when the person a bare surname was read as has no quote on the topic,
    whether to look for another bearer of the surname who has ("hale" on fishing quotas).
    ``memo``: what this answer's topic searches found per article (shared with the
    namesake's answer, which asks about the same topic).
    """
    store = facts.store
    if memo is None:
        memo = {}
    window = query.window
    since, until = window.since, window.until
    who = join_names(list(dict.fromkeys(name for _, name in query.people)))
    topical = bool(query.topic_links or query.topic_terms)
    about_articles: list[str] | None = None
    if query.people:
        # With a topic, the topic's articles are searched apart: fewer newest quotes suffice.
        newest = 60 if topical else 120
        candidates = store.quotes(
            speaker_ids=list(query.person_ids), limit=newest + len(query.exclude_quotes)
        )
        if topical:
            # A speaker's newest 200 quotes may all be on other subjects: fetch those from
            # the articles about the topic too.
            about_articles = _speaker_topic_articles(facts, query, list(query.topic_terms))
            if about_articles:
                candidates += store.quotes(
                    speaker_ids=list(query.person_ids), article_ids=about_articles, limit=200
                )
            # (Also when among those: their newest 200 quotes may leave an old story out.)
            best = _best_topic_articles(facts, query, list(query.topic_terms))
            if best:
                candidates += store.quotes(
                    speaker_ids=list(query.person_ids), article_ids=best, limit=100
                )
                about_articles += [a for a in best if a not in about_articles]
    elif query.groups:
        ids, names = group_speakers(facts, query)
        who = join_names(names)
        candidates = store.quotes(speaker_ids=ids[:900], limit=200) if ids else []
        candidates += _unnamed_group_quotes(facts, query, names)
    elif query.topic_links or query.terms:
        topic_query = " ".join([*(link.surface for link in query.topic_links), *query.terms])
        hits = store.search_sentences(topic_query, limit=60)
        article_ids = list(dict.fromkeys(s.article_id for s, _ in hits))[:30]
        candidates = store.quotes(article_ids=article_ids, limit=200) if article_ids else []
    else:
        candidates = store.quotes(limit=200, since=since, until=until)
    if window.bounded:
        candidates = [q for q in candidates if window.contains(quote_day(q, facts))]
    about_speaker = bool(query.people or query.groups)
    topic_terms = list(query.topic_terms) if about_speaker else list(query.terms)
    unique = {quote_key(q): q for q in candidates if quote_key(q) not in query.exclude_quotes}
    candidates = list(unique.values())
    on_topic: set[tuple[str, int]] = set()
    relevance: dict[str, int] = {}
    # How many of the topic's words each quote on it says (its generic words too).
    named: dict[tuple[str, int], int] = {}
    loose: str | None = None
    if query.topic_links or topic_terms or (about_speaker and query.phrases):
        everything = candidates
        mentions: dict[str, int] = {}
        candidates, on_topic, relevance = _about_topic(
            facts, query, candidates, topic_terms, mentions, named, memo=memo
        )
        if not candidates and query.people:
            # Nothing names the topic whole: try its holder's titles, most of its words,
            # then the speaker's quotes in the reports about it (said so in the reply).
            candidates, on_topic, loose = _loosely_about(
                facts, query, everything, topic_terms, relevance, mentions
            )
    occasion = _occasion_articles(facts, query)
    if occasion:
        # "What did X say at his meeting with Y?": X's quotes in the reports of their
        # meetings first, though the quotes need not name Y ("New history starts now").
        known = {quote_key(q) for q in candidates}
        candidates += [
            q
            for q in store.quotes(
                speaker_ids=list(query.person_ids), article_ids=sorted(occasion), limit=100
            )
            if quote_key(q) not in known
            and quote_key(q) not in query.exclude_quotes
            and (not window.bounded or window.contains(quote_day(q, facts)))
        ]
    if not (query.people or query.groups or query.topic_links or query.terms):
        direct = [q for q in candidates if q.kind is QuoteKind.DIRECT]
        if len(direct) >= 3:
            candidates = direct
    cue = _asked_cue(query.text)
    weekday = _asked_weekday(query.text)
    undated = neutral_day(
        facts.source(q.article_id).published or q.said_on for q in candidates[:300]
    )

    def published(q: Quote) -> date:
        return facts.source(q.article_id).published or q.said_on or undated

    def said(q: Quote) -> date:
        return q.said_on or facts.source(q.article_id).published or undated

    # Quotes naming the topic (in their words or their lead-in) first, then those from the
    # reports most about the topic, then those with the cue asked for ("tweet"), then the
    # newest reports; within one report, the exact words before paraphrase.
    candidates.sort(
        key=lambda q: (
            q.article_id in occasion,
            quote_key(q) in on_topic,
            named.get(quote_key(q), 0),
            relevance.get(q.article_id, 0),
            weekday is not None and q.said_on is not None and q.said_on.weekday() == weekday,
            bool(cue) and stem(q.cue or "") == cue,
            published(q),
            q.kind is QuoteKind.DIRECT,
            said(q),
            -q.start,
        ),
        reverse=True,
    )
    limit = PAGE if (query.people or query.groups) else LATEST
    # A person's quotes are spread over their reports; the latest quotes may all come from
    # the newest report.
    chosen = _spread(candidates, limit, per_article=2 if query.people else 3)
    topic = join_names([link.name for link in query.topic_links]) or " ".join(topic_terms)
    # The topic in the asker's words when it has more than names ("Senate reform", not
    # only the name linked in it); names alone keep their canonical spelling.
    wordy = bool(topic_terms or query.phrases)
    asked = _topic_as_asked(query.question) if topic and wordy else None
    other = None
    one_person = len({name for _, name in query.people}) == 1
    if not chosen and namesakes and topic and one_person:
        # (Asked of two people, another bearer of one name is not what was asked.)
        other = _namesake_on_topic(facts, query, topic_terms, memo)
    if other is not None:
        found = answer_quotes(facts, replace(query, people=(other,)), namesakes=False, memo=memo)
        if found.quotes:
            found.summary = (
                f"I couldn't find quotes by {who} about {asked or topic}, but "
                f"{other[1]} is quoted on it. {found.summary}"
            )
            found.confidence = min(found.confidence, 0.7)
            return found
    reported: list[AnswerFact] = []
    if query.people and (len(chosen) < limit or topic_terms or query.topic_links):
        # Extraction misses some attributions ("X said Tuesday: ..."): sentences where the
        # person speaks complete the answer, verbatim and with their source. (After the
        # namesake's quotes, which answer without them: ~7 ms saved when they do.)
        shown = {quote_key(q) for q in chosen} | set(query.exclude_quotes)
        reported = speech_sentences(
            facts, query, shown, topic_terms, about=about_articles, memo=memo
        )
    if not chosen and not reported:
        return _no_quotes(facts, query, who, asked or topic)
    if not chosen:
        # Still an honest "not found": these sentences report the person, not their words.
        summary = f"I couldn't find direct quotes of {who}" + (f" about {topic}" if topic else "")
        summary += ", but the articles report:"
        return Reply(
            summary=summary,
            facts=reported,
            confidence=0.6,
            person=query.people[0],
        )
    places = _where_spoken(facts, candidates[:_WHERE_LOOKS]) if _asks_where(query) else None
    if places:
        # "Where did X speak to reporters?": the quotes whose sentence says where first.
        located = list(dict.fromkeys(quote for _, quote in places))
        chosen = [*located, *(q for q in chosen if q not in located)][:limit]
    sources = facts.sources([q.article_id for q in chosen])
    quotes = [answer_quote(q, facts.source(q.article_id), facts.quote_role(q)) for q in chosen]
    more = "more " if query.exclude_quotes else ""
    if query.people:
        # Name who actually speaks below: a surname may have led to a namesake too.
        spoken = list(dict.fromkeys(q.speaker for q in chosen if q.speaker))
        who = join_names(spoken[:3]) or who
    if places is not None:
        # The place the quote's own sentence gives, with the quotes said there first.
        where = join_names(list(dict.fromkeys(place for place, _ in places))[:3])
        speaker = who or "they"
        if where:
            summary = f"{speaker} spoke {where}; what {speaker} said there comes first"
        else:
            summary = f"I couldn't find where {speaker} said it; here is what {speaker} said"
    elif loose == "reports" and who and topic:
        topic = _topic_as_asked(query.question) or topic
        summary = (
            f"None of {who}'s quotes names {topic} itself; here is what {who} said "
            f"in reports about {topic}"
        )
    elif who:
        summary = f"Here is {'more of ' if more else ''}what {who} said"
    else:
        summary = f"The {more}latest quotes"
    if topic and (who or query.topic_links) and loose != "reports" and places is None:
        summary += f" about {topic}"
    if window.label:
        summary += f" ({window.label})"
    summary += ":" if places else ", newest first:"
    speakers = {q.speaker_id for q in chosen if q.speaker_id}
    person = query.people[0] if len({n for _, n in query.people}) == 1 else None
    if person is None and len(speakers) == 1:
        only = chosen[0]
        if only.speaker_id:
            person = (only.speaker_id, only.speaker or facts.name(only.speaker_id))
    follow_ups = []
    if person is not None:
        follow_ups += [f"What else did {person[1]} say?", f"Who is {person[1]}?"]
    follow_ups.append("Who reported it?")
    return Reply(
        summary=summary,
        quotes=quotes,
        facts=reported,
        sources=list(sources.values()),
        confidence=(0.6 if loose == "reports" else 0.9) if (query.people or query.groups) else 0.75,
        follow_ups=follow_ups,
        person=person,
        quote_keys=tuple(quote_key(q) for q in chosen) + tuple(query.exclude_quotes),
    )


_QUOTE_MARK = re.compile(r"[“”\"]")
_SPEECH = re.compile(
    r"\b(said|says|told|tells|warned|warns|tweeted|wrote|writes|added|stated|declared|"
    r"insisted|argued|saying|announced|urged|noted|claimed|asked|replied|according to)\b"
    r"|:\s*[“\"‘]|\bthat\s*[“\"]"
)


def _name_patterns(names: Sequence[str]) -> list[re.Pattern[str]]:
    return [re.compile(rf"\b{re.escape(fold(name))}\b") for name in names]


# "He said, "...", "“...,” she added": words given to a pronoun, its antecedent earlier.
_PRONOUN_SPEAKS = re.compile(
    r"^(?:He|She) (?:said|added|told|says|asked|warned|noted|insisted|stressed|declared)\b"
    r"|[”\"],? (?:he|she) (?:said|added|told|asked|warned|noted|insisted)\b"
)
# Titles a sentence may begin with before the name of who acts in it.
_LEADING_TITLES = frozenset(
    words_of(
        """
        president prime minister secretary senator sen. rep. mr mr. mrs mrs. ms ms. dr dr.
        chancellor king queen general gen. governor gov. foreign state south north the us u.s.
        former vice chairman leader
        """
    )
)


def _begins_with(text: str, names: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """Whether the sentence begins with one of the (folded) names after titles: its subject.
    A short form ("Moon") counts only when no other name word follows it ("Moon thanked",
    not "Richard Jeffrey").

    ``names``: the full names, each followed by a space and by a comma; ``short``: the short
    forms followed by a space (``_heads``: made once for the sentences tested, which
    str.startswith tries in C)."""
    words = text.split()
    start = 0
    while start < len(words) - 1 and start < 4 and fold(words[start]) in _LEADING_TITLES:
        start += 1
    rest = fold(" ".join(words[start:]))
    if rest.startswith(names):
        return True
    following = words[start + 1] if start + 1 < len(words) else ""
    return bool(following) and not following[:1].isupper() and rest.startswith(short)


def _heads(names: Sequence[str], ends: str) -> tuple[str, ...]:
    """Each name followed by each of the ending characters, for ``_begins_with``."""
    return tuple(name + end for name in names for end in ends)


# A quote answer tests the same sentences of a speaker's reports for reporting verbs again
# and again (each question on the speaker, a follow-up, a namesake's answer): the verb
# search (~15 us a sentence) is a pure function of the sentence, so memoised, bounded.
@lru_cache(maxsize=8192)
def _speech_cues(folded: str) -> tuple[int, ...]:
    """Where a (folded) sentence has a reporting verb or the start of a quotation."""
    return tuple(m.start() for m in _SPEECH.finditer(folded))


def _speaks_folded(folded: str, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Does the (folded) sentence have one of the names close to a reporting verb or
    quotation? The names' patterns are compiled once, by ``_name_patterns``."""
    cues = _speech_cues(folded)
    if not cues:
        return False
    for pattern in patterns:
        for match in pattern.finditer(folded):
            # A cue within 80 characters either side: the first cue from 80 before the
            # name on (the cues are in text order), if not more than 80 after it.
            at = match.start()
            first = bisect_left(cues, at - 80)
            if first < len(cues) and cues[first] <= at + 80:
                return True
    return False


def speech_sentences(
    facts: FactBase,
    query: Query,
    shown: set[tuple[str, int]],
    terms: list[str],
    limit: int = 2,
    about: list[str] | None = None,
    memo: _TopicMemo | None = None,
) -> list[AnswerFact]:
    """Sentences in which the person asked about speaks, newest first, not already shown."""
    names: list[str] = []
    for entity in facts.entities(query.person_ids).values():
        names.append(entity.name)
        names.extend(a for a in entity.aliases if len(a) > 5 or (len(a) > 3 and " " in a))
    # The name as the question wrote it too: the stored entity may be a poor match for it.
    # (Not a name the question gives as the topic: "what did X say about Trump".)
    names.extend(
        link.surface
        for link in query.links
        if link.kind is EntityKind.PERSON
        and len(link.surface) >= 3
        and link.exact
        and link not in query.topic_links
    )
    names = list(dict.fromkeys(names))
    if not names:
        return []
    parts = _topic_parts(facts, query, terms)
    hits: list[tuple[Sentence, float]] = []
    # An article's sentences are needed more than once below: read them once. (A sentence
    # folded again is fold's own memo.)
    articles: dict[str, list[Sentence]] = {}

    def read(article_id: str) -> list[Sentence]:
        if article_id not in articles:
            articles[article_id] = facts.store.sentences(article_id)
        return articles[article_id]

    if parts:
        # Over a large base the newest sentences naming the person crowd out the few in
        # the reports about the topic: search those reports (the person's reports that
        # name the topic) alone.
        if about is None:
            about = _speaker_topic_articles(facts, query, terms)
        if about:
            # Read whole (a full-text search restricted to articles still matches the name
            # over the whole base first): a few reports, sentences naming the person.
            # The family name, last or first ("Moon Jae-in" is Moon after the first mention).
            keys = {fold(name).split()[-1] for name in names if name.strip()}
            keys |= {
                fold(name).split()[0]
                for name in names
                if len(name.split()) > 1 and len(name.split()[0]) > 2
            }
            for article_id in about[:_ABOUT_READ]:
                for sentence in read(article_id):
                    text = fold(sentence.text)
                    if any(k in text for k in keys):
                        hits.append((sentence, 0.0))
    if not hits:
        search = " ".join(names[:3] + [link.name for link in query.topic_links] + terms)
        hits = facts.store.search_sentences(search, limit=80)
    unique_hits = {(s.article_id, s.index): s for s, _ in hits}
    patterns = _name_patterns(names)
    speaking = [
        sentence
        for sentence in unique_hits.values()
        if _speaks_folded(fold(sentence.text), patterns)
    ]
    # "X thanked Y for coming. He said, "...": the words after a sentence that X begins
    # are X's, though extraction may give them to Y.
    # The person as a report names them after the first mention: the family name, first
    # or last ("Moon Jae-in" -> Moon, "Ted Cruz" -> Cruz).
    full = [fold(name) for name in names if name.strip()]
    short = [
        part
        for name in full
        if len(name.split()) > 1
        for part in (name.split()[0], name.split()[-1])
        if len(part) > 2
    ]
    heads, short_heads = _heads(full, " ,"), _heads(short, " ")
    beginning = [s for s in unique_hits.values() if _begins_with(s.text, heads, short_heads)]
    # Only in reports about the person asked ("Michael said" elsewhere is another Michael).
    theirs = (
        set(facts.store.articles_mentioning(list(query.person_ids), limit=2000))
        if beginning
        else set()
    )
    for sentence in beginning:
        if sentence.article_id not in theirs:
            continue
        follower = next(
            (n for n in read(sentence.article_id) if n.index == sentence.index + 1), None
        )
        if follower is None or not _PRONOUN_SPEAKS.search(follower.text):
            continue
        # Both sentences, so that the reader sees who "he" is.
        speaking.append(
            follower.model_copy(
                update={"start": sentence.start, "text": f"{sentence.text} {follower.text}"}
            )
        )
    candidates = [
        sentence
        for sentence in dict.fromkeys(speaking)
        if not any(
            aid == sentence.article_id and sentence.start <= start < sentence.end
            for aid, start in shown
        )
    ]
    if parts and candidates:
        relevant = _topic_counts(facts, query, terms, [s.article_id for s in candidates], memo=memo)
        # In an article about the topic, a sentence that quotes the person counts too when
        # it or the sentences leading to it name the topic ("he" of the quote).
        before: dict[tuple[str, int], str] = {}
        for article_id in list(
            dict.fromkeys(s.article_id for s in candidates if s.article_id in relevant)
        )[:8]:
            texts = {s.index: s.text for s in read(article_id)}
            for index in texts:
                before[(article_id, index)] = lead_in(texts, index)
        candidates = [
            s
            for s in candidates
            if _covers(_parts_in(s.text, parts), parts)
            or (
                s.article_id in relevant
                and _QUOTE_MARK.search(s.text)
                and _specific(
                    _parts_in(f"{before.get((s.article_id, s.index), '')} {s.text}", parts),
                    parts,
                )
            )
        ]
    sources = facts.sources([s.article_id for s in candidates])
    window = query.window
    dated = [
        (sources.get(s.article_id), s)
        for s in candidates
        if not window.bounded or window.contains(facts.source(s.article_id).published)
    ]
    # Sentences that say the topic themselves first, then the newest.
    dated.sort(
        key=lambda pair: (
            bool(_specific(_parts_in(pair[1].text, parts), parts)),
            (pair[0].published if pair[0] else None) or date.min,
        ),
        reverse=True,
    )
    return [fact(f"“{s.text}”", source) for source, s in dated[:limit]]


# Groups and aides speaking for a person. Single relatives ("Trump's son-in-law") are roles
# the question reader resolves to the relative themselves.
_RELATIVES = (
    r"family|relatives|parents|children|lawyers?|attorneys?|fianc[eé]e?|aides?|camp|campaign|"
    r"team"
)
_RELATIVE_OF = re.compile(
    rf"\b(?P<owner>[\w.-]+)['’]s\s+(?P<relation>{_RELATIVES})\b(?!-)", re.IGNORECASE
)
_STATEMENT = re.compile(
    r"\b(said|says|told|statement|issued|released|wrote|tweeted|added|called|urged|demanded)\b",
    re.IGNORECASE,
)
_THEY_SAID = re.compile(r"\b(they|she|he|it|the family)\s+(said|say|says|added|wrote)\b", re.I)


def relation_asked(question: str, people: Sequence[str] = ()) -> str | None:
    """The relatives or aides of a person asked about (one of ``people``, by any word of
    the name): "What did X's family say?"."""
    match = _RELATIVE_OF.search(question)
    if match is None:
        return None
    owner = fold(match.group("owner"))
    if people and not any(owner in fold(name).split() for name in people):
        return None
    return match.group("relation").casefold()


def answer_relative_quotes(facts: FactBase, query: Query, relation: str) -> Reply:
    """What the family (lawyer, spokesman ...) of the person named said: quotes attributed
    to them, else the sentences reporting their statement and the quote that follows it
    ("... they said in the statement"), else an honest "couldn't find"."""
    owner = join_names(list(dict.fromkeys(name for _, name in query.people)))
    who = f"{owner}'s {relation}"
    pattern = re.compile(rf"\b{re.escape(relation)}\b|\b({_RELATIVES})\b", re.IGNORECASE)
    exact = re.compile(rf"\b{re.escape(relation)}\b", re.IGNORECASE)
    article_ids = facts.store.articles_mentioning(list(query.person_ids), limit=60)[:40]
    quotes = [
        q
        for q in (facts.store.quotes(article_ids=article_ids, limit=300) if article_ids else [])
        if exact.search(" ".join(filter(None, (q.speaker, q.speaker_mention, q.speaker_role))))
    ]
    found: list[AnswerFact] = []
    if not quotes and article_ids:
        hits = facts.store.search_sentences(relation, limit=40, article_ids=article_ids)
        for sentence, _ in hits:
            if len(found) >= 4 or not exact.search(sentence.text):
                continue
            if not _STATEMENT.search(sentence.text) or not pattern.search(sentence.text):
                continue
            source = facts.source(sentence.article_id)
            found.append(fact(f"“{sentence.text}”", source))
            following = [
                s
                for s in facts.store.sentences(sentence.article_id)
                if s.index in (sentence.index + 1, sentence.index + 2)
            ]
            for nxt in following:
                if _QUOTE_MARK.search(nxt.text) and _THEY_SAID.search(nxt.text):
                    found.append(fact(f"“{nxt.text}”", source))
                    break
    if quotes:
        quotes.sort(key=lambda q: quote_day(q, facts), reverse=True)
        chosen = quotes[:PAGE]
        return Reply(
            summary=f"Here is what {who} said, newest first:",
            quotes=[answer_quote(q, facts.source(q.article_id), None) for q in chosen],
            sources=list(facts.sources([q.article_id for q in chosen]).values()),
            confidence=0.8,
            quote_keys=tuple(quote_key(q) for q in chosen),
        )
    if found:
        return Reply(
            summary=f"What the articles report of {who}:",
            facts=found,
            confidence=0.65,
            follow_ups=["Who reported it?"],
        )
    return Reply(summary=f"I couldn't find any quotes by {who}.", known=False, confidence=0.2)


_OCCASION = re.compile(
    r"\b(?:at|during|in|after)\s+(?:his|her|their|the|a|its)\s+(?:\w+\s+)?"
    r"(?:meeting|meetings|summit|talks|visit|call|conversation)\s+with\b"
)


def _occasion_articles(facts: FactBase, query: Query) -> set[str]:
    """For "what did X say at his meeting with Y?", the reports of an event of both X and Y
    (none when the question names no such occasion or no one to meet)."""
    if not query.people or not _OCCASION.search(query.text):
        return set()
    others = [
        link.entity_ids
        for link in query.topic_links
        if link.kind is EntityKind.PERSON and link.entity_ids
    ]
    if not others:
        return set()
    speaker = set(query.person_ids)
    out: set[str] = set()
    for ids in others:
        for event in facts.store.events(participant_ids=list(ids), limit=100):
            if any(p.entity_id in speaker for p in event.participants):
                out.add(event.article_id)
    return out


def _speaker_topic_articles(facts: FactBase, query: Query, terms: list[str]) -> list[str]:
    """The articles that mention both the people asked about and the topic."""
    store = facts.store
    ids = list(query.person_ids)
    spoken_in = store.articles_mentioning(ids, limit=2000)
    if not spoken_in:
        return []
    about: set[str] = set()
    for link in query.topic_links:
        if link.entity_ids:
            about.update(store.articles_mentioning(list(link.entity_ids[:1]), limit=2000))
    # Mentions the extraction did not tag are still words in the text.
    words = [link.surface for link in query.topic_links] + list(query.phrases) + terms
    if words:
        # (Which articles the best sentences are in: the sentences themselves are not read.)
        about |= store.search_article_set(
            " ".join(words), limit=200, article_ids=spoken_in[:_SPOKEN_SEARCHED]
        )
    return [article_id for article_id in spoken_in if article_id in about][:300]


def _best_topic_articles(facts: FactBase, query: Query, terms: list[str]) -> list[str]:
    """For a speaker in more reports than are searched (thousands: "Trump"), the reports
    whose sentences best match the topic over the whole base: the older story a topic
    names ("reinstating the Singapore summit") lies beyond the speaker's newest reports.
    (The speaker's quotes are then read from them; reports without the speaker hold none.)"""
    store = facts.store
    words = [link.name for link in query.topic_links] + terms
    if not words:
        return []
    spoken_in = store.articles_mentioning(list(query.person_ids), limit=2000)
    if len(spoken_in) < _SPOKEN_SEARCHED:
        return []
    return store.search_articles(" ".join(words), limit=_TOPIC_SEARCHED)


_ABOUT_MENTIONS = 3
# A speaker's newest reports searched for a topic; past this many, the best matches over
# the whole base are searched too (how many sentences).
_SPOKEN_SEARCHED = 500
_TOPIC_SEARCHED = 40
# How many of a speaker's reports on a topic are read whole for sentences where they speak.
_ABOUT_READ = 10


def _topic_counts(
    facts: FactBase,
    query: Query,
    terms: list[str],
    article_ids: list[str],
    mentions: dict[str, int] | None = None,
    memo: _TopicMemo | None = None,
) -> dict[str, int]:
    """For each article that mentions the topic, how many of the topic's parts ("Putin",
    "Helsinki") it mentions, counting those its headline names twice.

    ``memo``: what earlier searches of this answer found per article; only the articles
    not searched yet are searched (a speaker's quotes, sentences and namesakes come from
    overlapping sets of hundreds of reports, each search ranking thousands of matches)."""
    parts = _topic_parts(facts, query, terms)
    words = [link.surface for link in query.topic_links] + list(query.phrases) + terms
    ids = list(dict.fromkeys(article_ids))
    if not ids or not words:
        return {}
    known = (memo if memo is not None else {}).setdefault((tuple(words), tuple(parts)), {})
    missing = [article_id for article_id in ids if article_id not in known]
    if missing:
        fresh: dict[str, tuple[set[int], int]] = {}
        # (A set: what each article's sentences name is summed up, whatever their rank.)
        for s in facts.store.search_sentence_set(" ".join(words), limit=300, article_ids=missing):
            found = _parts_in(s.text, parts)
            if found:
                found_before, covering = fresh.get(s.article_id, (set(), 0))
                fresh[s.article_id] = (
                    found_before | found,
                    covering + _covers(found, parts),
                )
        for article_id in missing:
            found_in, covering = fresh.get(article_id, (set(), 0))
            known[article_id] = (frozenset(found_in), covering)
    seen: dict[str, set[int]] = {}
    for article_id in ids:
        said, covered = known[article_id]
        if said:
            seen[article_id] = set(said)
        if mentions is not None and covered:
            mentions[article_id] = mentions.get(article_id, 0) + covered
    # A headline that names the topic makes the article about it, not merely touching it.
    titled: dict[str, set[int]] = {}
    for article_id, source in facts.sources(ids).items():
        in_title = _parts_in(source.title, parts)
        if in_title:
            titled[article_id] = in_title
            seen.setdefault(article_id, set()).update(in_title)
    # Only an article that mentions the whole topic is about it: "the NATO summit in Wales"
    # is not any article mentioning NATO.
    return {
        article_id: len(_specific(found, parts))
        + len(_specific(titled.get(article_id, set()), parts))
        for article_id, found in seen.items()
        if _covers(found, parts)
    }


def _about_topic(
    facts: FactBase,
    query: Query,
    quotes: list[Quote],
    terms: list[str],
    mentions: dict[str, int] | None = None,
    named: dict[tuple[str, int], int] | None = None,
    *,
    memo: _TopicMemo | None = None,
) -> tuple[list[Quote], set[tuple[str, int]], dict[str, int]]:
    """Quotes on the topic: those that name it, and those from articles about it.

    ``named``, when given, gets for each quote naming the topic how many of its parts the
    quote and its lead-in say, generic words included ("Trump's rhetoric at the summit"
    says both words of "Trump at the summit"; a headline saying the whole topic counts).

    "What did Merkel say about Brexit?" is answered by "I see no way to reverse it" in an
    article about Brexit, though the quote itself never says the word. Returns the quotes
    kept, the keys of those naming the topic, and the articles' topic counts.
    """
    parts = _topic_parts(facts, query, terms)
    if mentions is None:
        mentions = {}
    relevance = _topic_counts(
        facts, query, terms, [q.article_id for q in quotes], mentions, memo=memo
    )
    # A quote names its topic in its own words or in the sentence leading to it ('The
    # minister is angry at Mr. Cole. "I don't think he's doing a good job," she said.').
    context = _lead_ins(facts, [q for q in quotes if q.article_id in relevance])
    naming: set[tuple[str, int]] = set()
    # A report is about the topic when its headline or several of its sentences name it
    # whole ("I see no way to reverse it" in a report on Brexit counts); one that mentions
    # the topic once quotes the speaker on other things.
    about = _titled(facts, list(relevance), parts) | {
        article_id for article_id, count in mentions.items() if count >= _ABOUT_MENTIONS
    }
    head = _head_part(parts)
    close: set[tuple[str, int]] = set()
    # "the Syria agreement": with a name in the topic its generic words ("agreement") do
    # not decide what is on the topic, but a report whose headline says them too matches
    # more of the question and comes first; one whose headline says the whole topic is
    # about it, and its quotes are on it ("US and Russia reach agreement in Syria talks").
    whole: set[str] = set()
    generic = {index for index, part in enumerate(parts) if part.generic}
    if generic and len(generic) < len(parts):
        for article_id, source in facts.sources(list(relevance)).items():
            said = _parts_in(source.title, parts, every=True)
            relevance[article_id] += len(said & generic)
            if len(said) == len(parts):
                whole.add(article_id)
    for quote in quotes:
        key = quote_key(quote)
        if quote.article_id in whole:
            naming.add(key)
            close.add(key)
            if named is not None:
                named[key] = len(parts)
            continue
        before, after = context.get(key, ("", ""))
        found = _parts_in(f"{quote.text} {before}", parts)
        if named is not None and generic and _specific(found, parts):
            named[key] = len(found | _parts_in(f"{quote.text} {before}", parts, every=True))
        # The sentence after a quote is weaker evidence than the quote and its lead-in.
        near = found | (_parts_in(after, parts) if after else set())
        for parts_found, strong in ((found, True), (near, False)):
            if not _specific(parts_found, parts):
                continue
            if (
                _covers(parts_found, parts)
                or quote.article_id in about
                # "Trump's performance in Helsinki": the head noun said, in a report
                # naming the rest.
                or (head is not None and head in parts_found and quote.article_id in relevance)
            ):
                naming.add(key)
                if strong:
                    close.add(key)
                break
    kept = [q for q in quotes if quote_key(q) in naming or q.article_id in about]
    return kept, close or naming, relevance


# Words of a topic that stand at most this many words apart say it together ("reform to
# the Senate" says "Senate reform").
_NEAR = 6
# How many of a speaker's reports are read for the looser topic tests.
_LOOSE_ARTICLES = 8
_RELATION_WORDS = frozenset(plain(title) for title in RELATION_TITLES)


def _loosely_about(
    facts: FactBase,
    query: Query,
    quotes: list[Quote],
    terms: list[str],
    relevance: dict[str, int],
    mentions: dict[str, int],
) -> tuple[list[Quote], set[tuple[str, int]], str | None]:
    """A speaker's quotes on a topic no quote names whole, by looser tests in turn:

    - "titles": a person named as the topic is spoken of by their title ("What did X say
      about Brandt?" answered by "the premier's head", Brandt being premier),
      in a report that names them;
    - "most": the quote and the sentences around it say most of a topic of three or more
      specific words;
    - "reports": the speaker's quotes in reports about the topic, whose words stand close
      together in one of its sentences ("reform of the Senate" for "Senate
      reform") or whose headline names it. The reply says that the quotes do not name it.

    ``relevance`` and ``mentions``: the reports' topic counts, as the strict test found
    them. Returns the quotes kept, those most on the topic, and which test kept them (None:
    nothing).
    """
    parts = _topic_parts(facts, query, terms)
    specific = [index for index, part in enumerate(parts) if not part.generic]
    in_reports = [q for q in quotes if q.article_id in relevance]
    if not parts or not specific or not in_reports:
        return [], set(), None
    articles = list(dict.fromkeys(q.article_id for q in in_reports))[:_LOOSE_ARTICLES]
    in_reports = [q for q in in_reports if q.article_id in articles]
    context = _lead_ins(facts, in_reports, articles=_LOOSE_ARTICLES)

    def around(quote: Quote) -> str:
        before, after = context.get(quote_key(quote), ("", ""))
        return f"{before} {quote.text} {after}"

    titles = _title_forms(facts, query)
    if titles:
        titled = [q for q in in_reports if _says_title(around(q), titles)]
        if titled:
            return titled, {quote_key(q) for q in titled}, "titles"
    if len(specific) >= 3:
        most = [
            q
            for q in in_reports
            if len(set(specific) & _parts_in(around(q), parts)) >= len(specific) - 1
        ]
        if most:
            return most, {quote_key(q) for q in most}, "most"
    headlines = facts.sources(articles)
    about: set[str] = set()
    for article_id in articles:
        title = headlines[article_id].title if article_id in headlines else ""
        if len(specific) == 1:
            # One name or word: a report about it names it in its headline or often.
            if _parts_in(title, parts) or mentions.get(article_id, 0) >= 2:
                about.add(article_id)
            continue
        if any(
            _near(sentence.text, parts, specific) for sentence in facts.store.sentences(article_id)
        ):
            about.add(article_id)
    kept = [q for q in in_reports if q.article_id in about]
    return kept, set(), ("reports" if kept else None)


# How many of the best quotes are read for where they were said.
_WHERE_LOOKS = 12
_WHERE_ASKED = re.compile(r"^(?:and |so )?where\b")
# "told reporters in Antwerp", "said at the UN": a place after "in"/"at" in the narrator's
# words around a quote.
_PLACE_AFTER = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)


def _asks_where(query: Query) -> bool:
    """ "Where did X speak / say that?", not "Where did X say the talks would be?" (where
    the talks are)."""
    return (
        bool(query.people)
        and bool(_WHERE_ASKED.search(query.text))
        and not where_of_what_was_said(query.text)
    )


# "where did X say the talks would take place": the place asked is in what was said.
_SAID_CLAUSE = re.compile(
    r"^(?:and |so )?where (?:did|does|do|has|have|had) .+? (?:say|said|tell|told|claim|"
    r"claimed|announce|announced|suggest|suggested|propose|proposed)\b(?P<clause>.+)$"
)
_CLAUSE_VERB = re.compile(
    r"\b(take place|takes place|took place|held|hold|holds|meet|meets|met|happen|happens|"
    r"happened|go|goes|went|move|moved|relocate|relocated|located|based|built|sent|"
    r"deployed|stationed|live|lives)\b|\b(be|is|are|was|were)[?.!\s]*$"
)


def where_of_what_was_said(text: str) -> bool:
    """Does a "where did X say ..." question ask where something said of happens ("where
    did X say the talks would take place")?"""
    match = _SAID_CLAUSE.search(text)
    return match is not None and bool(_CLAUSE_VERB.search(match.group("clause")))


def _where_spoken(facts: FactBase, quotes: Sequence[Quote]) -> list[tuple[str, Quote]]:
    """Where each quote was said ("in Antwerp", "on Channel Nine’s “Morning Desk”"): the ``place``
    the extraction may give it, else a known place after "in"/"at" in the narrator's words
    of the sentences holding the quote ("Mr X told reporters in Antwerp: ..."), else the
    programme or outlet they spoke on ("said on “Sunday Review”", "told Valley News"), else a place
    in the two sentences before it that tell of the speaker speaking ("X praised the plan
    in a speech in Riyadh. ... "We will," X said.")."""
    out: list[tuple[str, Quote]] = []
    texts: dict[str, list[Sentence]] = {}
    for quote in quotes:
        given = getattr(quote, "place", None)
        if isinstance(given, str) and given:
            out.append((f"in {given}", quote))
            continue
        if quote.article_id not in texts:
            texts[quote.article_id] = facts.store.sentences(quote.article_id)
        sentences = texts[quote.article_id]
        holding = [s for s in sentences if s.start < quote.end and quote.start < s.end]
        narrated = " ".join(s.text for s in holding).replace(quote.text, " … ")
        place = _place_in(facts, narrated)
        where = f"in {place}" if place else _medium_in(facts, narrated)
        if where is None and holding:
            surname = (quote.speaker or "").split()[-1:]
            telling = re.compile(
                r"\b(" + "|".join([*map(re.escape, surname), _SPEAKING]) + r")\b", re.IGNORECASE
            )
            first = holding[0].index
            before = [s for s in sentences if first - 2 <= s.index < first]
            for sentence in reversed(before):
                if telling.search(sentence.text):
                    place = _place_in(facts, sentence.text)
                    if place is not None:
                        where = f"in {place}"
                        break
        if where is not None:
            out.append((where, quote))
    return out


# A programme named in quote marks after "on"/"to", with its channel: 'on NBC’s “Meet the
# Week”'; an outlet after "on"/"to"/"told": "told Valley News", "on Channel Nine".
_SHOW = re.compile(
    r"\b(?:on|to)\s+(?:(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?)[’']s\s+)?"
    r"[“\"](?P<show>[A-Z][^“”\"]{1,40}?)[,.]?[”\"]"
)
_OUTLET_AFTER = re.compile(
    r"\b(?P<verb>on|to|told)\s+(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"
)


def _medium_in(facts: FactBase, text: str) -> str | None:
    """The programme or outlet a speaker spoke on, as a phrase: 'on “Sunday Review”'."""
    show = _SHOW.search(text)
    if show is not None:
        owner = f"{show.group('owner')}’s " if show.group("owner") else ""
        return f"on {owner}“{show.group('show').strip()}”"
    for match in _OUTLET_AFTER.finditer(text):
        # The sentence's full stop is not part of the name: "told Valley News."
        tokens = match.group("name").rstrip(".").split()
        for size in range(len(tokens), 0, -1):
            name = " ".join(tokens[:size])
            outlet = facts.gazetteer.outlet(name)
            if outlet is None and size > 1 and tokens[size - 1] in _MEDIA_WORDS:
                outlet = name  # "told Valley News", an outlet the tables lack
            if outlet is not None:
                # "told Valley News": spoke to it; "on Channel Nine": spoke on it.
                return f"{'on' if match.group('verb') == 'on' else 'to'} {outlet}"
    return None


_MEDIA_WORDS = frozenset(
    (
        *("News", "TV", "Television", "Radio", "Channel", "Times", "Post", "Journal"),
        *("Herald", "Gazette", "Tribune", "Telegraph", "Daily", "Magazine", "Network"),
    )
)


# Words telling of someone speaking somewhere: "in a speech in Riyadh", "told a rally in X".
_SPEAKING = r"spoke|speech|address|remarks|told|interview|rally|news conference"


def _place_in(facts: FactBase, text: str) -> str | None:
    """The first known place (a city, region or country of the tables, or a place stored
    from the articles) written after "in" or "at"."""
    gazetteer = facts.gazetteer
    for match in _PLACE_AFTER.finditer(text):
        # The longest leading run of words that is a known place: "Antwerp on Monday".
        tokens = match.group("place").split()
        for size in range(len(tokens), 0, -1):
            candidate = " ".join(tokens[:size])
            if (
                candidate in gazetteer.city_to_country
                or candidate in gazetteer.region_to_country
                or candidate in gazetteer.countries
                or EntityKind.PLACE in facts.linker.kinds_of(candidate)
            ):
                return candidate
    return None


_ASKED_TOPIC = re.compile(
    r"\b(?:about|regarding|concerning|on the subject of|(?:say|said|says) on)\s+"
    r"(?P<topic>[^?!.]+)",
    re.IGNORECASE,
)


def _topic_as_asked(question: str) -> str | None:
    """The topic in the question's own words ("Senate reform"), when short."""
    match = _ASKED_TOPIC.search(question)
    if match is None:
        return None
    topic = " ".join(match.group("topic").split())
    return topic if 0 < len(topic.split()) <= 6 else None


def _near(text: str, parts: Sequence[_Part], specific: Sequence[int]) -> bool:
    """Does a sentence say every specific part of the topic within a few words?"""
    words = plain(text)
    tokens = words.split()
    if len(tokens) < len(specific):
        return False
    # (The names are padded plain words: one that the padded text does not contain is at
    # no position, and most sentences of a report name none: no scan of every position.)
    padded = f" {words} "
    positions: list[list[int]] = []
    for index in specific:
        part = parts[index]
        if part.stem is not None:
            # (The words with the stem's first letters, found by one scan as _parts_in does:
            # none of them with the stem, no position to look for.)
            pattern = part.stemmed or prefixed_words(part.prefixes)
            if not any(stem(t) == part.stem for t in pattern.findall(padded)):
                return False
            found = [
                i for i, t in enumerate(tokens) if t[:2] in part.prefixes and stem(t) == part.stem
            ]
        else:
            found = []
            for name in part.names:
                if name not in padded:
                    continue
                wanted = name.split()
                found += [
                    i
                    for i in range(len(tokens) - len(wanted) + 1)
                    if tokens[i : i + len(wanted)] == wanted
                ]
        if not found:
            return False
        positions.append(found)
    # Every part within _NEAR words of some occurrence of the first part.
    return any(
        all(any(abs(p - anchor) <= _NEAR for p in found) for found in positions[1:])
        for anchor in positions[0]
    )


def _title_forms(facts: FactBase, query: Query) -> list[re.Pattern[str]]:
    """The titles of the people named as the topic, as patterns of the bare title ("the
    prime minister", "the premier's"), for quotes that speak of them by title."""
    ids = [
        link.entity_ids[0]
        for link in query.topic_links
        if link.kind is EntityKind.PERSON and link.entity_ids
    ]
    titles: list[str] = []
    for entity in facts.entities(ids).values():
        for role in unique_roles(entity.roles, limit=3):
            title = plain(role.title)
            # A bare relation or a one-letter title says nothing of whom it names.
            if len(title) > 3 and title not in _RELATION_WORDS:
                titles.append(title)
    spaced = (r"\s+".join(map(re.escape, title.split())) for title in dict.fromkeys(titles))
    return [re.compile(rf"\bthe\s+{words}\b", re.IGNORECASE) for words in spaced]


_NAME_NEXT = re.compile(r"\s+[A-Z]")


def _says_title(text: str, titles: Sequence[re.Pattern[str]]) -> bool:
    """Does the text speak of someone by a bare title ("the premier's head"), not
    as the title of a name written after it ("the president, Joe Smith" counts; "the
    President Smith" does not)?"""
    for pattern in titles:
        for match in pattern.finditer(text):
            if not _NAME_NEXT.match(text, match.end()):
                return True
    return False


# How many other bearers of an asked surname are searched for quotes on the topic.
_NAMESAKES = 60


def _namesake_on_topic(
    facts: FactBase, query: Query, terms: list[str], memo: _TopicMemo | None = None
) -> tuple[str, str] | None:
    """Another bearer of a bare surname asked ("hale"), with quotes on the topic that
    the one it was read as (the most mentioned) does not have: the bearer with most such
    quotes, or None."""
    asked = set(query.person_ids)
    others = [
        entity_id
        for link in query.links
        if link.kind is EntityKind.PERSON
        and " " not in link.surface
        and link not in query.topic_links
        and set(link.entity_ids) & asked
        for entity_id in link.entity_ids
        if entity_id.startswith("person:") and entity_id not in asked
    ]
    if not others:
        return None
    pool = facts.store.quotes(speaker_ids=others[:_NAMESAKES], limit=200)
    if not pool:
        return None
    kept, _, _ = _about_topic(facts, query, pool, terms, memo=memo)
    counts = Counter(q.speaker_id for q in kept if q.speaker_id)
    if not counts:
        return None
    best = counts.most_common(1)[0][0]
    return best, facts.name(best, best)


def _head_part(parts: Sequence[_Part]) -> int | None:
    """The topic's head noun, when it is a specific word ("performance" of "Trump's
    performance in Helsinki"), not a name or a generic word."""
    return next(
        (index for index, part in enumerate(parts) if part.stem is not None and not part.generic),
        None,
    )


def _titled(facts: FactBase, article_ids: list[str], parts: Sequence[_Part]) -> set[str]:
    """The articles whose headline names the whole topic."""
    return {
        article_id
        for article_id, source in facts.sources(article_ids).items()
        if _covers(_parts_in(source.title, parts), parts)
    }


def _lead_ins(
    facts: FactBase, quotes: Sequence[Quote], articles: int = 12
) -> dict[tuple[str, int], tuple[str, str]]:
    """For quotes of a few articles: the sentence holding the quote's start with the two
    before it, where "he" or "it" of the quote is often named; and the one after it."""
    by_article: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_article.setdefault(quote.article_id, []).append(quote)
    out: dict[tuple[str, int], tuple[str, str]] = {}
    for article_id in list(by_article)[:articles]:
        sentences = facts.store.sentences(article_id)
        texts = {sentence.index: sentence.text for sentence in sentences}
        for quote in by_article[article_id]:
            for sentence in sentences:
                if quote.start < sentence.end:
                    # The sentence after too: "..., she said. The row is over salmon."
                    out[quote_key(quote)] = (
                        f"{lead_in(texts, sentence.index)} {sentence.text}",
                        texts.get(sentence.index + 1, ""),
                    )
                    break
    return out


def lead_in(texts: dict[int, str], index: int, span: int = 2) -> str:
    """The sentences just before sentence ``index``: a quote's "he" is named there, often
    at the end of the previous paragraph."""
    return " ".join(texts.get(i, "") for i in range(index - span, index))


def _topic_parts(facts: FactBase, query: Query, terms: list[str]) -> list[_Part]:
    """Each part of a topic: one per linked name, per unlinked phrase, per topic word."""
    names = [facts.name_forms(link) for link in query.topic_links]
    # A capitalised phrase that names nothing stored ("the Middle East plan") is a topic too.
    names += [[phrase] for phrase in query.phrases]
    parts = [
        _Part(
            names=tuple(dict.fromkeys(f" {plain(f)} " for f in forms if plain(f))),
            generic=all(stem(w) in GENERIC_TOPIC_STEMS for w in plain(forms[0]).split()),
        )
        for forms in names
        if forms
    ]
    parts += [
        _Part(
            stem=stem(term),
            generic=stem(term) in GENERIC_TOPIC_STEMS,
            prefixes=stem_prefixes(term),
            stemmed=prefixed_words(stem_prefixes(term)),
        )
        for term in terms
    ]
    return parts


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _asked_weekday(text: str) -> int | None:
    """The weekday a question names ("what did she say on Sunday"), Monday = 0."""
    for index, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            return index
    return None


def _asked_cue(text: str) -> str | None:
    """The reporting verb a question asks about, when it is more than 'say'."""
    match = re.search(
        r"\b(tweet(ed)?|warn(ed)?|wr(ote|ite)|claim(ed)?|threaten(ed)?|promis(e|ed)|"
        r"insist(ed)?|argu(e|ed)|den(y|ied)|admit(ted)?|predict(ed)?|announc(e|ed))\b",
        text,
    )
    return stem(match.group(1)) if match else None


def _spread(quotes: list[Quote], limit: int, per_article: int = 2) -> list[Quote]:
    """The first ``limit`` quotes, at most ``per_article`` from one article while others wait,
    so that a speaker quoted in many reports is not shown through one report only."""
    chosen: list[Quote] = []
    waiting: list[Quote] = []
    per: dict[str, int] = {}
    for quote in quotes:
        if per.get(quote.article_id, 0) < per_article:
            per[quote.article_id] = per.get(quote.article_id, 0) + 1
            chosen.append(quote)
        else:
            waiting.append(quote)
        if len(chosen) >= limit:
            return chosen
    return (chosen + waiting)[:limit]


def _no_quotes(facts: FactBase, query: Query, who: str, topic: str) -> Reply:
    subject = who or "anyone"
    if query.exclude_quotes:
        summary = f"I couldn't find any more quotes by {subject}"
    else:
        summary = f"I couldn't find any quotes by {subject}"
    if topic:
        summary += f" about {topic}"
    if query.window.label:
        summary += f" {query.window.label}"
    summary += "."
    facts_out: list[AnswerFact] = []
    if query.people:
        entity = facts.entity(query.people[0][0])
        if entity is not None:
            roles = unique_roles(entity.roles, limit=2)
            if roles:
                summary += f" I know {entity.name} as {', '.join(role_text(r) for r in roles)}."
    elif not who and not topic:
        summary = "I don't know of any quotes yet: the fact base has none."
    return Reply(
        summary=summary,
        known=False,
        confidence=0.2,
        facts=facts_out,
        person=query.people[0] if query.people else None,
        # Keep what was shown: pressing "More quotes" again must not start over.
        quote_keys=tuple(query.exclude_quotes),
    )
