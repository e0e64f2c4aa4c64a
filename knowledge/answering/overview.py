"""Answers about the fact base itself and its people: help, topics, sources, who is X."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from knowledge.answering.asked import asked_act
from knowledge.answering.compose import (
    fact,
    join_names,
    role_text,
    short_day,
    unique_roles,
    unique_sources,
)
from knowledge.answering.events import answer_event
from knowledge.answering.facts import FactBase
from knowledge.answering.intents import EVENT_WORDS, PUBLISHED
from knowledge.answering.query import Query, Reply
from knowledge.answering.reports import cited_outlets
from knowledge.answering.search import (
    answer_search,
    answer_summary,
    is_firm,
    ranked_sentences,
)
from knowledge.answering.text import GENERIC_TOPIC_STEMS, plain, stem, stems, words_of
from knowledge.models import AnswerFact, EntityKind, SourceRef

EXAMPLES = (
    "Who is meeting whom, and where?",
    "When are the talks?",
    "What did the president say?",
    "Any quotes from {country}?",
    "Who is {person}?",
    "What was agreed?",
    "Who reported it?",
    "What's the latest on {country}?",
)


def answer_help(facts: FactBase) -> Reply:
    """What to ask, with examples naming what the fact base knows best."""
    person = next(iter(_top(facts, EntityKind.PERSON, 1)), "the foreign minister")
    country = next(iter(_top(facts, EntityKind.COUNTRY, 1)), "the United Nations")
    examples = [e.format(person=person, country=country) for e in EXAMPLES]
    articles = facts.counts.get("articles", 0)
    summary = (
        "Ask me about current events in plain words: who is meeting whom, where and when; "
        "what someone said; who a person is; what was agreed; who reported it. "
        f"I know {articles} article{'s' if articles != 1 else ''}. For example:"
    )
    return Reply(
        summary=summary,
        facts=[fact(example) for example in examples],
        confidence=1.0,
        follow_ups=examples[:3],
    )


def empty_store() -> Reply:
    return Reply(
        summary=(
            "I don't know anything yet: the fact base is empty. Ingest some articles first, "
            "for example `newsdesk ingest --samples` or `newsdesk ingest PATH`."
        ),
        known=False,
        confidence=0.0,
    )


def _top(facts: FactBase, kind: EntityKind, limit: int) -> list[str]:
    """The most mentioned names of a kind, without a bare surname of one already listed."""
    names = [e.name for e in facts.store.entities(kind=kind, limit=limit + 5)]
    surnames = {n.split()[-1].casefold() for n in names if " " in n}
    return [n for n in names if " " in n or n.casefold() not in surnames][:limit]


def related_headlines(facts: FactBase, query: Query, limit: int = 3) -> list[str]:
    """Headlines of the reports that share a word with the question, to offer when
    abstaining: the topics nearest what was asked, or none (never the most mentioned names,
    which say nothing about the question)."""
    # A phrase naming nothing stored ("Regatta Cup") is a name too: its words alone ("cup")
    # relate nothing.
    phrase_words = {w for p in query.phrases for w in plain(p).split()}
    # The question's own words, not the names it links: a headline sharing only a name
    # ("X, in Cup Final interview ..." for who won the Cup Final) relates to
    # what was named, not to what was asked, and pads the abstention with other people.
    wanted = [*query.terms, *query.topic_terms, *query.unknown_names]
    asked = {
        stem(w)
        for text in wanted
        for w in plain(text).split()
        if len(w) > 2 and w not in phrase_words and not w.isdigit()
    }
    # The act a "who won ..." asks about is no topic: any report of a win shares it.
    asked -= _GENERIC_STEMS | GENERIC_TOPIC_STEMS | set(asked_act(query))
    if not asked:
        return []
    # Titles ("the head") and names find the reports, but sharing them relates nothing.
    searched = [*wanted, *query.unresolved_roles, *query.phrases, *query.names()]
    hits = facts.store.search_sentences(" ".join(searched), limit=20)
    ids = list(dict.fromkeys(s.article_id for s, _ in hits))[:10]
    firm = [link.entity_ids[0] for link in query.links if link.entity_ids and is_firm(link)]
    about: list[str] = []
    if firm:
        # "Did X resign?": a report on someone else's resignation relates nothing; only
        # reports about X are offered (the reports most about X when none shares the words).
        about = facts.store.articles_mentioning(firm, limit=2000)
        mentioning = set(about)
        ids = [a for a in ids if a in mentioning]
    sources = facts.sources(ids)
    out: list[str] = []
    for article_id in ids:
        source = sources.get(article_id)
        if source is None or not source.title or source.title in out:
            continue
        # Half the question's words at least: "Village Fete Raises Funds" shares one of "how
        # many schoolgirls from the village are still missing" and relates nothing.
        if 2 * len(asked & stems(source.title)) >= len(asked):
            out.append(source.title)
        if len(out) >= limit:
            break
    people = [link.entity_ids[0] for link in query.links if link.kind is EntityKind.PERSON]
    if not out and about and set(people) & set(firm):
        # What is known of the person asked about: the reports most about them (a country's
        # or a company's reports are too many and too varied to say anything of it).
        out = [t for t in (s.title for s in facts.sources(about[: limit - 1]).values()) if t]
    return out


# Words a headline shares with nearly any question: sharing them relates nothing.
_GENERIC_STEMS = frozenset(
    stem(w)
    for w in words_of(
        """
        new news say said says report reports year years day days week time people world
        government official officials state first last next
        """
    )
)


def answer_topics(facts: FactBase, list_kind: str | None) -> Reply:
    counts = facts.counts
    lines: list[AnswerFact] = []
    kinds = {
        "people": [(EntityKind.PERSON, "People")],
        "countries": [(EntityKind.COUNTRY, "Countries")],
        "organisations": [(EntityKind.ORGANISATION, "Organisations")],
    }.get(
        list_kind or "",
        [
            (EntityKind.PERSON, "People"),
            (EntityKind.COUNTRY, "Countries"),
            (EntityKind.ORGANISATION, "Organisations"),
            (EntityKind.PLACE, "Places"),
        ],
    )
    size = 15 if list_kind else 8
    for kind, label in kinds:
        names = _top(facts, kind, size)
        if names:
            lines.append(fact(f"{label}: {', '.join(names)}"))
    if list_kind in (None, "events"):
        for event in facts.store.events(limit=5 if list_kind else 3):
            source = facts.source(event.article_id)
            who = join_names([p.name for p in event.participants][:4])
            where = event.location.city or event.location.country if event.location else None
            text = f"Event: {event.kind.value}" + (f" in {where}" if where else "")
            text += f" — {who}" if who else ""
            lines.append(fact(text, source))
    summary = (
        f"I know {counts.get('articles', 0)} articles with {counts.get('quotes', 0)} quotes "
        f"and {counts.get('events', 0)} events. Most mentioned:"
    )
    return Reply(summary=summary, facts=lines, confidence=1.0)


def _outlet_counts(sources: Sequence[SourceRef]) -> Counter[str]:
    return Counter(s.outlet for s in sources if s.outlet)


def _reported_by(sources: Sequence[SourceRef]) -> str:
    """ "Reported by <outlets>." - or, when no source names its outlet (a text file, a press
    release with no masthead), the titles, rather than a "Reported by ." with nobody."""
    outlets = join_names(list(_outlet_counts(sources)))
    if outlets:
        return f"Reported by {outlets}."
    titles = join_names(list(dict.fromkeys(f"“{s.title}”" for s in sources if s.title)))
    return f"No outlet is named; reported in {titles}." if titles else "No outlet is named."


_EVENT_WORD = re.compile(r"\b(" + "|".join(EVENT_WORDS) + r")\b")


def answer_sources(
    facts: FactBase,
    query: Query,
    previous: Sequence[SourceRef],
    previous_quotes: Sequence[tuple[str, int]] = (),
) -> Reply:
    """Who reported what the question (or the previous answer) is about; ``previous_quotes``
    are the (article id, start) keys of the quotes the previous answer gave."""
    store = facts.store
    if PUBLISHED.search(query.text):
        return _published(facts, query, previous)
    # "Who reported the meeting?": an event is meant even when nothing names it.
    names_event = bool(_EVENT_WORD.search(query.text))
    specific = bool(query.links or query.people or query.terms or query.event_ids or names_event)
    if previous and (query.from_context or not specific):
        outlets = join_names(list(_outlet_counts(previous)))
        relayed = _relaying_sources(facts, previous_quotes)
        if relayed and outlets:
            # "..., he said, according to AGENCY": the agency reported it first; the
            # article's outlet carried its report.
            summary = f"Reported by {join_names(relayed)}, according to {outlets}."
        elif outlets:
            summary = f"That came from {outlets}."
        else:
            summary = "Sources of the last answer:"
        return Reply(summary=summary, sources=list(previous), confidence=0.9)
    missing = _not_in_articles(facts, query)
    if missing:
        # "Who reported Zed Quarry's resignation?" with no article naming him: say so,
        # rather than list every outlet as if they had, or an outlet of another story.
        return Reply(
            summary=f"I couldn't find any report about {missing}.",
            known=False,
            confidence=0.1,
            follow_ups=["Sources", "What topics do you know?"],
        )
    # "Who reported X's remarks to Lima teachers?" names a claim, not a meeting: the
    # sentences saying it come first; an event that merely shares a name with it ("Lima") would
    # credit outlets that never reported the claim.
    claim_first = bool(query.terms) and not (names_event or query.event_ids)
    if claim_first:
        claim = _claim_sources(facts, query)
        if claim is not None:
            return claim
    if names_event and query.terms and not query.event_ids:
        # "Who reported that the talks were moved?": a sentence saying it that names its
        # source ("according to the daily X") answers before the event's outlets.
        claim = _claim_sources(facts, query, cited_only=True)
        if claim is not None:
            return claim
    if specific and (names_event or query.event_ids or query.links or query.people):
        event_reply = answer_event(facts, query)
        if event_reply is not None:
            reporters = [f.text for f in event_reply.facts if f.text.startswith("Reported by ")]
            outlets = join_names(list(_outlet_counts(event_reply.sources)))
            summary = " ".join(reporters) if reporters else _reported_by(event_reply.sources)
            if reporters and outlets:
                summary += f" Published by {outlets}."
            return Reply(
                summary=summary,
                sources=event_reply.sources,
                confidence=0.85,
                event_ids=event_reply.event_ids,
            )
    if query.terms and not names_event and not claim_first:
        # "Who reported the draft order?": the outlets the sentences saying it name as
        # their source ("a copy seen by The Hill"), and the articles that carry them.
        claim = _claim_sources(facts, query)
        if claim is not None:
            return claim
    if specific and (query.links or query.people or query.terms):
        about = answer_summary(facts, query, limit=5)
        if about is not None and query.terms:
            # A claim ("X's remarks to Y"): only the articles with a sentence saying it;
            # the others merely share a name with it.
            saying = _articles_saying(facts, query)
            kept = [s for s in about.sources if s.article_id in saying]
            about = replace(about, sources=kept) if kept else None
        if about is not None:
            article_ids = [source.article_id for source in about.sources]
            relayed = [o for o, _ in _cited(facts, article_ids).most_common(6)]
            summary = _reported_by(about.sources)
            if relayed:
                summary += f" They cite {join_names(relayed)}."
            return Reply(summary=summary, sources=about.sources, confidence=0.7)
    # Outlets from the source references: reading the 300 articles themselves (their whole
    # text validated) cost ~9 ms a sources question.
    newest = facts.sources(store.article_ids(limit=300))
    published = Counter(s.outlet for s in newest.values() if s.outlet)
    cited = _cited(facts, None)
    if not published and not cited:
        return Reply(summary="I don't know of any sources yet.", known=False, confidence=0.2)
    lines = [
        fact(f"{outlet}: {n} article{'s' if n != 1 else ''}")
        for outlet, n in published.most_common(12)
    ]
    summary = f"My articles come from {join_names([o for o, _ in published.most_common(8)])}."
    also = [o for o, _ in cited.most_common(8) if o not in published]
    if also:
        summary += f" They cite reports by {join_names(also)}."
    return Reply(summary=summary, facts=lines, confidence=0.8)


_POSSESSIVE = re.compile(r"['’]s?$")


def _relaying_sources(facts: FactBase, quote_keys: Sequence[tuple[str, int]]) -> list[str]:
    """The sources the given quotes were relayed through ("according to AGENCY"), the
    first-given quote's first."""
    if not quote_keys:
        return []
    wanted = list(dict.fromkeys(quote_keys))[:5]
    articles = list(dict.fromkeys(article_id for article_id, _ in wanted))
    by_key = {
        (q.article_id, q.start): q
        for q in facts.store.quotes(article_ids=articles, limit=500)
        if (q.article_id, q.start) in set(wanted)
    }
    via = [by_key[k].attributed_via for k in wanted if k in by_key]
    return list(dict.fromkeys(v for v in via if v))


def _published(facts: FactBase, query: Query, previous: Sequence[SourceRef]) -> Reply:
    """When the report was published: the last answer's articles, those of what the question
    names, or else the newest article (the one "this" most likely means in a fresh chat)."""
    sources: Sequence[SourceRef] = ()
    lead = "That was"
    if previous and (query.from_context or not (query.links or query.people or query.terms)):
        sources = previous
    elif query.links or query.people or query.terms:
        # The sentences best matching what is named, not the newest article naming a word.
        about = answer_search(facts, query)
        if about is not None and about.known:
            sources = unique_sources(f.source for f in about.facts[:1])
        lead = "It was"
    if not sources:
        newest = facts.store.articles(limit=1)
        if not newest:
            return Reply(summary="I don't know of any reports yet.", known=False, confidence=0.2)
        sources = [facts.source(newest[0].id)]
        lead = "My newest report was"
    dated = [s for s in unique_sources(sources) if s.published is not None][:3]
    if not dated:
        return Reply(
            summary="I don't know when that was published: its report has no date.",
            known=False,
            confidence=0.2,
            sources=list(sources),
        )
    parts = [f"{short_day(s.published)}" + (f" by {s.outlet}" if s.outlet else "") for s in dated]
    summary = f"{lead} published on {join_names(parts)}."
    cited = [o for o, _ in _cited(facts, [s.article_id for s in dated]).most_common(3)]
    if cited:
        summary += f" It cites {join_names(cited)}."
    return Reply(summary=summary, sources=dated, confidence=0.8)


def _not_in_articles(facts: FactBase, query: Query) -> str | None:
    """The names a question gives that no article mentions ("Zed Quarry"), as asked."""
    search = facts.store.search_sentences
    missing = [
        name
        for name in (_POSSESSIVE.sub("", n) for n in query.unknown_names)
        if name and not search(name, limit=1)
    ]
    if not missing:
        return None
    folded = {m.casefold() for m in missing}
    for phrase in query.phrases:
        # A name of several words, one of them unknown: give it whole, as asked.
        if set(phrase.split()) & folded:
            asked = re.search(r"\s+".join(map(re.escape, phrase.split())), query.question, re.I)
            return asked.group(0) if asked else phrase
    return join_names(missing)


_RELAYED_BY = re.compile(
    r"\b(?:according to|seen by|obtained by|reviewed by|reported by|first reported by|"
    r"published by|cited by|leaked to|told)\s+(?:the\s+)?"
    r"(?P<noun>(?:(?:state|public|local|regional|national|daily|weekly|online|private)\s+)?"
    r"(?:daily|weekly|newspaper|paper|news agency|agency|broadcaster|tabloid|magazine|"
    r"website|news site|outlet|channel|television|radio)\s+)?(?P<name>[A-Z][\w&'’.-]*"
    r"(?:\s+(?:of\s+)?[A-Z][\w&'’.-]*){0,4})"
    r"|(?:^|[,;]\s*|\b(?:the|and)\s+)(?P<subject>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})"
    r"\s+(?:newspaper\s+|news agency\s+|website\s+)?(?:reported|first reported|revealed)\b"
)
# What follows an outlet's name without being part of it: "The Hill newspaper".
_OUTLET_TAIL = re.compile(r"\s+(newspaper|news agency|agency|website|magazine|reported)$", re.I)


def _relayed_outlets(facts: FactBase, text: str) -> list[str]:
    """Outlets a sentence names as its source: known outlets by any spelling, and unknown
    names after 'seen by' / 'obtained by' (a paper the gazetteer lacks)."""
    out: list[str] = []
    for match in _RELAYED_BY.finditer(text):
        name = _OUTLET_TAIL.sub("", match.group("name") or match.group("subject") or "")
        tokens = name.split()
        known = None
        for size in range(len(tokens), 0, -1):
            known = facts.gazetteer.outlet(" ".join(tokens[:size]))
            if known is None:
                known = facts.gazetteer.outlet("The " + " ".join(tokens[:size]))
            if known:
                break
        if known:
            out.append(known)
        elif match.group("name") and (
            match.group("noun") or re.search(r"\b(seen|obtained|reviewed|leaked)\b", match.group(0))
        ):
            # "according to the daily X": an outlet the gazetteer lacks, named as one.
            out.append(name)
    return list(dict.fromkeys(out))


def _claim_sources(facts: FactBase, query: Query, *, cited_only: bool = False) -> Reply | None:
    """Who reported a particular claim: the sentences saying it, the outlets they cite and
    the articles they come from (None with ``cited_only`` when they cite none)."""
    hits = ranked_sentences(
        facts, query, limit=_CITING_LOOKS if cited_only else 3, min_coverage=0.75
    )
    if cited_only:
        # Only a sentence naming its source answers here: among those saying enough of
        # the claim, the best of those that cite ("The Washington Post reported that X held
        # a news conference on the deal"), though a sentence not citing anyone may say a
        # little more of it ("officials held talks on migration ..." in another report).
        hits = [h for h in hits if _relayed_outlets(facts, h.sentence.text)]
    if not hits:
        return None
    # Only the sentences saying most of the claim: one naming "Saudi women" without the
    # "remarks" is another story, and its outlet did not report this.
    best = max(h.coverage for h in hits)
    hits = [h for h in hits if h.coverage >= best - 0.01]
    sources = facts.sources([h.sentence.article_id for h in hits])
    cited: list[str] = []
    for hit in hits:
        cited.extend(_relayed_outlets(facts, hit.sentence.text))
    if not cited_only:  # and those its reports cite near it ("..., the Washington Post said")
        cited.extend(cited_outlets(facts, [h.sentence.article_id for h in hits], query.terms))
    cited = list(dict.fromkeys(cited))
    if cited_only and not cited:
        return None
    published = join_names(list(_outlet_counts(list(sources.values()))))
    if cited:
        summary = f"Reported by {join_names(cited)}"
        summary += f", as relayed by {published}." if published else "."
    else:
        summary = _reported_by(list(sources.values()))
    lines = [fact(f"“{h.sentence.text}”", sources.get(h.sentence.article_id)) for h in hits[:2]]
    return Reply(summary=summary, facts=lines, sources=list(sources.values()), confidence=0.75)


# How many of the sentences best saying a claim are read for one that cites its source.
_CITING_LOOKS = 8


def _articles_saying(facts: FactBase, query: Query) -> set[str]:
    """The articles with a sentence covering most of the question's names and words."""
    hits = ranked_sentences(facts, query, limit=20, min_coverage=0.6)
    if not hits:
        return set()
    best = max(h.coverage for h in hits)
    return {h.sentence.article_id for h in hits if h.coverage >= best - 0.01}


def _cited(facts: FactBase, article_ids: list[str] | None) -> Counter[str]:
    """Outlets the articles (or the newest ones) relay reports from ('according to the WSJ')."""
    cited: Counter[str] = Counter()
    if article_ids is not None and not article_ids:
        return cited
    for event in facts.store.events(article_ids=article_ids, limit=300):
        cited.update(event.reported_by)
    for quote in facts.store.quotes(article_ids=article_ids, limit=300):
        if quote.attributed_via:
            cited[quote.attributed_via] += 1
    return cited


def answer_who(facts: FactBase, query: Query) -> Reply | None:
    """Who a person is (roles with their sources); what a country or body is, briefly."""
    if query.people:
        return _who_person(facts, query)
    for link in query.links:
        if not link.entity_ids:
            continue
        entity = facts.entity(link.entity_ids[0])
        if entity is None:
            continue
        count = facts.prominence.get(entity.id, 0)
        summary = f"{entity.name} ({entity.kind.value}) is mentioned in {count} article"
        summary += "s." if count != 1 else "."
        people = sorted(
            facts.roles().affiliated(entity.name),
            key=lambda pid: facts.prominence.get(pid, 0),
            reverse=True,
        )[:5]
        lines = []
        sources: list[SourceRef] = []
        # Bodies are described as people are: "the International Crisis Group, a think tank".
        if entity.kind is not EntityKind.COUNTRY:
            for sentence, source in describing_sentences(facts, entity.name, limit=2):
                lines.append(fact(f"“{sentence}”", source))
                sources.append(source)
        for person in facts.entities(people).values():
            roles = unique_roles(person.roles, limit=1)
            text = person.name + (f", {role_text(roles[0])}" if roles else "")
            lines.append(fact(f"Linked to it: {text}"))
        return Reply(summary=summary, facts=lines, sources=sources, confidence=0.7)
    return None


# A name followed by an apposition ("X, the city's mayor,") or preceded by a title describes
# the person; such sentences come first.
_APPOSITION = r"{name}\s*(,|\(|—|–| -)"


def describing_sentences(facts: FactBase, name: str, limit: int = 2) -> list[tuple[str, SourceRef]]:
    """Verbatim sentences that name the person in full, those describing them first."""
    full = re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE)
    apposition = re.compile(_APPOSITION.format(name=re.escape(name)), re.IGNORECASE)
    found: list[tuple[int, str, str]] = []
    seen: set[str] = set()
    for sentence, _ in facts.store.search_sentences(f'"{name}"', limit=40):
        text = sentence.text.strip()
        if not full.search(text) or text in seen or len(text) > 400:
            continue
        seen.add(text)
        rank = 0 if apposition.search(text) else 1
        found.append((rank, text, sentence.article_id))
    found.sort(key=lambda item: item[0])
    sources = facts.sources([article_id for _, _, article_id in found[:limit]])
    return [(text, sources.get(aid) or facts.source(aid)) for _, text, aid in found[:limit]]


def _who_person(facts: FactBase, query: Query) -> Reply:
    lines: list[AnswerFact] = []
    sources: list[SourceRef] = []
    summaries = []
    # One person may be stored under several ids ("Ines Corvo", "Corvo"): one entry each.
    by_name: dict[str, list[str]] = {}
    for person_id, name in query.people:
        by_name.setdefault(name, []).append(person_id)
    for name, ids in list(by_name.items())[:3]:
        entities = list(facts.entities(ids).values())
        if not entities:
            continue
        roles = facts.ranked_roles([r for e in entities for r in e.roles])
        if roles:
            summaries.append(f"{name}: {', '.join(role_text(r) for r in roles)}.")
        else:
            summaries.append(f"Here is how my articles describe {name}:")
        for role in roles:
            source = facts.source(role.article_id) if role.article_id else None
            text = f"{name} — {role_text(role)}"
            if role.as_of:
                text += f" (as of {short_day(role.as_of)})"
            lines.append(fact(text, source))
            if source is not None:
                sources.append(source)
        for sentence, source in describing_sentences(facts, name, limit=2 if roles else 3):
            lines.append(fact(f"“{sentence}”", source))
            sources.append(source)
        count = max(facts.prominence.get(i, 0) for i in ids)
        if count:
            lines.append(fact(f"Mentioned in {count} article{'s' if count != 1 else ''}."))
    if not summaries:
        names = join_names([n for _, n in query.people])
        return Reply(summary=f"I don't know who {names} is.", known=False, confidence=0.1)
    person = query.people[0]
    return Reply(
        summary=" ".join(summaries),
        facts=lines,
        sources=sources,
        confidence=0.9,
        follow_ups=[f"What did {person[1]} say?", f"Latest on {person[1]}"],
        person=person,
    )
