"""Answers made of sentences with one kind of verb: what was agreed, offered, demanded or
announced; and "who said X", found through the words of the quote."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from knowledge.answering.compose import answer_quote, fact, join_names
from knowledge.answering.events import people_asked
from knowledge.answering.facts import FactBase
from knowledge.answering.query import Query, Reply
from knowledge.answering.quotes import quote_key
from knowledge.answering.search import (
    concepts_of,
    is_firm,
    names_every,
    ranked_sentences,
    says_any,
)
from knowledge.answering.text import content_words, plain, stem, stems
from knowledge.models import EntityKind, Quote, Sentence, SourceRef

_OUTCOME_FORMS = {
    "agreed": r"agree[sd]?|agreeing|agreements?|deal|accord|consensus|truce|ceasefire",
    "offered": r"offer(s|ed|ing)?|readiness|ready to|willing(ness)? to|prepared to",
    "demanded": r"demand(s|ed|ing)?|insist(s|ed)?|call(s|ed)? for",
    "announced": r"announc(e|es|ed|ing|ement)",
    "decided": r"decid(e|es|ed|ing)|decision",
    "signed": r"sign(s|ed|ing)?",
    "promised": r"promis(e|es|ed|ing)",
    "pledged": r"pledg(e|es|ed|ing)",
    "proposed": r"propos(e|es|ed|ing|al|als)",
    "committed": r"commit(s|ted|ting|ment)?",
    "accepted": r"accept(s|ed|ing)?",
    "rejected": r"reject(s|ed|ing)?",
    "threatened": r"threat(s|en|ens|ened|ening)?|warn(s|ed|ing)?",
}
# A decision made, in the past or the present perfect ("has raised", "cut", "unveiled"):
# what was announced or decided when the report does not use those words.
_DONE = (
    r"(?:has|have|had) (?:\w+ly )?(?:\w+ed|cut|set|put|made|won|lost|held|sold|built|begun)"
    r"|raised|cut|lowered|approved|unveiled|launched|introduced|declared|confirmed|imposed|"
    r"lifted|scrapped|appointed|named|released|suspended|ended|banned"
)
_DONE_FOR = frozenset({"announced", "decided"})
_OUTCOME_QUERY_WORDS = {
    "agreed": "agreed agreement deal",
    "offered": "offered offer",
    "demanded": "demanded demands demand",
    "announced": "announced announcement",
}


def answer_outcome(facts: FactBase, query: Query) -> Reply | None:
    """What was agreed, offered, demanded or announced: sentences with that verb."""
    outcome = query.parsed.outcome or "agreed"
    forms = _OUTCOME_FORMS.get(outcome, _OUTCOME_FORMS["agreed"])
    must = re.compile(rf"\b({forms})\b")
    extra = _OUTCOME_QUERY_WORDS.get(outcome, outcome)
    hits = ranked_sentences(facts, query, extra=extra, must=must, limit=12, min_coverage=0.5)
    if not hits and extra:
        # The verb's forms widen the search, but over a big base their many matches ("deal",
        # "agreement") crowd out the one report of the name asked about ("the Lagoon leaders
        # agreed"): the question's own words alone, the verb still required.
        hits = ranked_sentences(facts, query, must=must, limit=12, min_coverage=0.5)
    # "What were the nurses demanding?": every sentence kept says a demand (``must``), so the
    # verb alone covers half the question ("I demand a prize"); the rest of it must be said
    # in the sentence or its headline.
    topic = tuple(t for t in query.terms if not must.fullmatch(t))
    if topic != query.terms and (topic or query.links or query.people or query.phrases):
        rest = concepts_of(facts, replace(query, terms=topic))
        hits = [h for h in hits if says_any(facts, rest, h.sentence)]
    joint = _joint_sentences(facts, query, must)
    if joint:
        # "What did Vale and Dorn agree on?": the reports of their own meetings say it
        # first; a search for the names and the verb over a big base meets newer reports
        # that name them and some deal apart ("a deal on fishing").
        seen = {(s.article_id, s.index) for s in joint}
        # Other reports count only where they name them all: "Chile and Peru agreed" is no
        # answer for Chile and Bolivia.
        every = names_every(facts, query)
        theirs = {s.article_id for s in joint}
        hits = [
            h
            for h in hits
            if (h.sentence.article_id, h.sentence.index) not in seen
            and (h.sentence.article_id in theirs or every(h.sentence.text))
        ]
    if not hits and not joint and outcome in _DONE_FOR:
        # "What did the central bank announce?" is answered by what it did, though the
        # report never writes "announced": "The bank has raised its main rate to 3%".
        forms = _DONE
        must = re.compile(rf"\b({forms})\b")
        # Done by the one asked about: the sentence names them ("the bank has raised").
        hits = ranked_sentences(
            facts, query, must=must, accept=names_every(facts, query), limit=12, min_coverage=0.5
        )
    # "What did the port operator offer?", "what was agreed between the crews and the
    # airline?": the extraction's offers and terms credited to every party asked about, read
    # from the reports naming them (the sentence search can miss the one report of the deal:
    # it looks for the question's other words, "between", "before the talks", too).
    direct = _claimed_by_parties(facts, query, outcome)
    if not hits and not joint and not direct:
        return None
    # "China offered ..." answers "What did China offer?" better than a sentence that only
    # mentions China and an offer: among equally relevant sentences, those with a name just
    # before the verb first.
    names = [k for c in concepts_of(facts, query) if c.kind == "name" for k in c.keys]
    subject = (
        re.compile(
            r"\b(" + "|".join(re.escape(n) for n in names) + rf")\b(\s+\w+){{0,4}}\s+({forms})\b"
        )
        if names
        else None
    )
    hits.sort(
        key=lambda h: (
            round(h.coverage, 1),
            bool(subject and subject.search(plain(h.sentence.text))),
            h.day,
        ),
        reverse=True,
    )
    reports = [h.sentence.article_id for h in hits]
    told = _said_by_them(facts, query, must, reports)
    # The extraction's claims of who demanded or agreed what (its coreference resolves the
    # "he" and "the president" this reading cannot).
    told += [s for s in _claimed_by_them(facts, query, outcome, reports) if s not in told]
    told += [s for s in direct if s not in told]
    if told:
        # "He also demanded ...", "The president demanded ...": the asked person's own
        # sentences, found through who the pronoun or title stands for, come first.
        seen = {(s.article_id, s.index) for s in told}
        hits = [h for h in hits if (h.sentence.article_id, h.sentence.index) not in seen]
    said = list(dict.fromkeys([*joint, *told, *(h.sentence for h in hits)]))[:4]
    # "Under the roadmap, ...": the sentence spelling out what was agreed or demanded, after
    # each. Six bullets at most: the terms of the first found come before the last found.
    said = _with_contents(facts, said)[:6]
    sources = facts.sources([sentence.article_id for sentence in said])
    lines = [fact(f"“{s.text}”", sources.get(s.article_id)) for s in said]
    about = join_names(query.names())
    summary = f"What was {outcome}" + (f" ({about})" if about else "") + ", newest first:"
    return Reply(
        summary=summary,
        facts=lines,
        sources=list(sources.values()),
        confidence=0.7,
    )


# How many reports of the people's joint events are read, and sentences taken from them.
_JOINT_REPORTS = 3
_JOINT_SENTENCES = 2


def _joint_sentences(facts: FactBase, query: Query, must: re.Pattern[str]) -> list[Sentence]:
    """For two or more people asked about, the sentences with the outcome's verb that name
    them (by surname), in the reports of an event of all of them, newest report first."""
    people = people_asked(query)
    groups: list[tuple[list[str], set[str]]] = [
        ([plain(name.split()[-1])], ids) for name, ids in people.items()
    ]
    if len(groups) < 2:
        # "What did Colombia and Peru agree?": countries and bodies are parties too, named
        # by any of their spellings ("the Colombian government").
        groups += [
            ([plain(f) for f in facts.name_forms(link) if plain(f)], set(link.entity_ids[:1]))
            for link in query.groups
            if link.entity_ids
        ]
    if len(groups) < 2:
        return []
    first_ids = groups[0][1]
    reports: list[str] = []
    for event in facts.store.events(participant_ids=sorted(first_ids), limit=100):
        ids = {p.entity_id for p in event.participants if p.entity_id}
        if all(ids & other for _, other in groups[1:]) and event.article_id not in reports:
            reports.append(event.article_id)
    out: list[Sentence] = []
    for article_id in reports[:_JOINT_REPORTS]:
        taken = 0
        for sentence in facts.store.sentences(article_id):
            text = plain(sentence.text)
            padded = f" {text} "
            named = all(any(f" {n} " in padded for n in names) for names, _ in groups)
            # In their own meeting's report, "the two governments agree:" is theirs too.
            if must.search(text) and (named or _BOTH_SIDES.search(sentence.text)):
                out.append(sentence)
                taken += 1
                if taken >= _JOINT_SENTENCES:
                    break
    return out


# The parties of a meeting spoken of together: "both chancellors", "the two governments".
_BOTH_SIDES = re.compile(r"\b(?:both|the two)\b|\bthe (?:parties|sides)\b", re.IGNORECASE)


# A sentence spelling out the terms of the one before it: "Under the roadmap, ...", "For
# instance, ...", "The deal includes ...".
_CONTENTS = re.compile(
    r"^(?:under (?:the|this|that|its) (?:[\w-]+ ){0,3}?(?:deal|agreement|roadmap|plan|accord|"
    r"pact|terms|arrangement|compromise|treaty|declaration|proposal|framework)\b|"
    r"for (?:instance|example)\b|among (?:them|the demands|other things)\b|"
    r"(?:these|they|it|the (?:[\w-]+ ){0,2}?(?:deal|agreement|roadmap|plan|accord|pact|"
    r"demands?|proposal|declaration|treaty)) (?:also )?(?:include|includes|included|"
    r"calls? for|called for|provides? for|sets? out|commits?|requires?)\b)",
    re.IGNORECASE,
)
# How far after an agreement's sentence its terms may be spelled out (a quote or a
# reaction may come between).
_CONTENTS_WITHIN = 3
# A subject standing for someone named before: a pronoun, or "the" and a title.
_PRONOUN_SUBJECT = re.compile(r"^(?:\w+,\s+)?(?:he|she)\b", re.IGNORECASE)
_TITLE_SUBJECT = re.compile(r"^(?:\w+,\s+)?the ([a-z]+(?: [a-z]+)?)\b", re.IGNORECASE)


def _with_contents(facts: FactBase, said: list[Sentence]) -> list[Sentence]:
    """Each sentence followed by the one after it that spells out its terms, if any; a
    sentence ending in a colon ("by which the two governments agree:") by the list of
    terms after it ("1. To create a task force ...", "2. To share ...")."""
    out: list[Sentence] = []
    for sentence in said:
        if sentence not in out:
            out.append(sentence)
        if sentence.text.rstrip().endswith(":"):
            items = _listed_after(facts, sentence)
            out.extend(item for item in items if item not in out)
            if items:
                continue
        following = [
            s
            for s in facts.store.sentences(sentence.article_id)
            if sentence.index < s.index <= sentence.index + _CONTENTS_WITHIN
        ]
        for after in following:
            if _CONTENTS.search(after.text.lstrip("“\"' ")):
                if after not in out:
                    out.append(after)
                break
    return out


# An item of a list of terms: "1. To create ...", "(b) to share ...", "- To reopen ...".
_LIST_ITEM = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-h][.)]|[-•*–])\s+\S|^to [a-z]+\b", re.IGNORECASE)
_LIST_NUMBER = re.compile(r"^\(?(?:\d{1,2}|[a-h])[.)]$", re.IGNORECASE)
_LIST_ITEMS = 5


def _listed_after(facts: FactBase, sentence: Sentence) -> list[Sentence]:
    """The list items right after a sentence ending in a colon, in order (at most five)."""
    items: list[Sentence] = []
    for after in facts.store.sentences(sentence.article_id):
        if after.index <= sentence.index:
            continue
        text = after.text.strip().lstrip("“\"' ")
        if _LIST_NUMBER.match(text):
            continue  # "1." split off as a sentence of its own: its item follows
        if not _LIST_ITEM.search(text):
            break
        items.append(after)
        if len(items) == _LIST_ITEMS:
            break
    return items


def _said_by_them(
    facts: FactBase, query: Query, must: re.Pattern[str], article_ids: list[str]
) -> list[Sentence]:
    """For the person asked about (the first named), the sentences with the outcome's verb
    whose subject is that person: named, "he"/"she" while they are the one last named, or
    "the <title>" of a title they hold ("the president"), in the reports best matching the
    question."""
    people = people_asked(query)
    if not people:
        return []
    # The first named is the one acting ("what is X demanding from Y").
    name, ids = next(iter(people.items()))
    surname = plain(name.split()[-1])
    # Each title they hold, whole and by its head word ("the minister" of a foreign
    # minister). A title of no word characters ("—") has neither: plain() leaves nothing
    # to take a last word of (it had raised IndexError).
    titles: set[str] = set()
    for entity in facts.entities(sorted(ids)).values():
        for role in entity.roles:
            title = plain(role.title)
            if title:
                titles.update((title, title.split()[-1]))
    out: list[Sentence] = []
    for article_id in list(dict.fromkeys(article_ids))[:_SUBJECT_REPORTS]:
        current = False  # is the person the one last named?
        for sentence in facts.store.sentences(article_id):
            text = sentence.text.lstrip("“\"' ")
            padded = f" {plain(text)} "
            names_them = f" {surname} " in padded
            if must.search(plain(text)) and _is_subject(text, surname, titles, current=current):
                out.append(sentence)
            if names_them:
                current = True
            elif _NAMES_OTHER.search(text):
                # Another named person becomes the one "he" means.
                current = False
    return out[:_SUBJECT_SENTENCES]


def _is_subject(text: str, surname: str, titles: set[str], *, current: bool) -> bool:
    """Does the sentence open with the person: their name among its first words, "he" or
    "she" while they are the one last named, or "the" and a title they hold?"""
    # Among the first six words ("Senator Ann Vale, the panel's chair, demanded"): further
    # in, the name is more often an object ("..., the minister told Vale").
    if f" {surname} " in f" {plain(' '.join(text.split()[:6]))} ":
        return True
    if current and _PRONOUN_SUBJECT.match(text):
        return True
    title = _TITLE_SUBJECT.match(text)
    if title is None:
        return False
    said = plain(title.group(1))
    return any(said == t or said.split()[0] == t for t in titles)


def _claimed_by_them(
    facts: FactBase, query: Query, outcome: str, article_ids: list[str]
) -> list[Sentence]:
    """The sentences of the stored claims with the outcome's cue ("demanded", "agreed",
    "offered") credited to a name the question gives, in the reports best matching it."""
    reports = list(dict.fromkeys(article_ids))[:_SUBJECT_REPORTS]
    if not reports or outcome not in _CLAIM_CUES:
        return []
    forms = {plain(name.split()[-1]) for _, name in query.people}
    for link in query.groups:
        forms.update(plain(f) for f in facts.name_forms(link, metonyms=False) if len(f) > 2)
    # "The Lagoon leaders": a topic word or an unknown name naming who ("Leaders of the three
    # Lagoon states").
    forms.update(plain(t) for t in query.terms if len(t) > 3 and not facts.is_common_word(t))
    forms.update(plain(p) for p in query.phrases)
    forms.discard("")
    if not forms:
        return []
    return _claim_sentences(
        facts, reports, outcome, lambda credited: any(f" {f} " in credited for f in forms)
    )


def _claim_sentences(
    facts: FactBase, reports: list[str], outcome: str, credits: Callable[[str], bool]
) -> list[Sentence]:
    """The sentences of the reports' ``outcome`` claims whose credited name (plain, padded with
    spaces) ``credits`` accepts, in report order, at most ``_SUBJECT_SENTENCES``."""
    out: list[Sentence] = []
    # A bound, not a cut: a report holds at most 18 claims at 10k articles (2 on average).
    for claim in facts.store.claims(article_ids=reports, limit=200):
        if claim.cue != outcome or not claim.attributed_to:
            continue
        if not credits(f" {plain(claim.attributed_to)} "):
            continue
        for sentence in facts.store.sentences(claim.article_id):
            if sentence.start < claim.end and claim.start < sentence.end:
                if sentence not in out:
                    out.append(sentence)
                break
    out.sort(key=lambda s: (reports.index(s.article_id), s.index))
    return out[:_SUBJECT_SENTENCES]


# The outcomes extraction stores as claims (knowledge.extract.positions).
_CLAIM_CUES = frozenset({"demanded", "agreed", "offered"})
# Read directly from the parties' reports: offers and terms of a deal (a demand's sentence
# names its demander, which the sentence search finds).
_PARTY_CUES = frozenset({"agreed", "offered"})
# How many of the newest reports naming the parties are read for their claims: one story's
# reports are few, and a claim credited to them all is rare in another's.
_PARTY_REPORTS = 8


def _claimed_by_parties(facts: FactBase, query: Query, outcome: str) -> list[Sentence]:
    """The sentences of the stored claims with the outcome's cue ("agreed", "offered")
    credited to every party the question names (people by surname, countries and bodies by
    any of their names), from the newest reports naming the first of them."""
    if outcome not in _PARTY_CUES:
        return []
    # A person read from a first word alone ("ruby" of "ruby point" read as Ruby X) may be
    # an ordinary word or another name's: that word, not the person, must be credited.
    loose = [link for link in query.links if link.kind is EntityKind.PERSON and not is_firm(link)]
    loose_ids = {eid for link in loose for eid in link.entity_ids}
    parties: list[tuple[set[str], set[str]]] = [
        ({plain(name.split()[-1])}, ids)
        for name, ids in people_asked(query).items()
        if not ids <= loose_ids
    ]
    parties += [
        (
            {plain(f) for f in facts.name_forms(link, metonyms=False) if len(f) > 2},
            set(link.entity_ids[:1]),
        )
        for link in query.groups
        if link.entity_ids
    ]
    parties = [(forms - {""}, ids) for forms, ids in parties if forms - {""} and ids]
    # A name the base stores only in a longer form ("the Harbour Line" of "Harbour Line
    # Ferries Ltd"): its words, which the claim's party must say one of.
    unlinked = {plain(t) for t in query.terms if len(t) > 3 and not facts.is_common_word(t)}
    unlinked.update(plain(link.surface) for link in loose)
    unlinked.discard("")
    if parties:
        reports = facts.store.articles_mentioning(sorted(parties[0][1]), limit=_PARTY_REPORTS)
    elif unlinked:
        reports = facts.store.search_articles(" ".join(sorted(unlinked)), limit=_PARTY_REPORTS)
    else:
        return []
    if not reports:
        return []

    def credits(credited: str) -> bool:
        if not all(any(f" {form} " in credited for form in forms) for forms, _ in parties):
            return False
        return bool(parties) or any(f" {word} " in credited for word in unlinked)

    return _claim_sentences(facts, reports, outcome, credits)


# How many reports are read for the person's own sentences, and how many are kept.
_SUBJECT_REPORTS = 3
_SUBJECT_SENTENCES = 3
# A capitalised name at a sentence's start ("Senator Ruiz criticised ..."): someone else
# named. A pronoun opening the sentence is no one else: "She demanded ..." had made the
# person asked lose "she" for the sentences after it.
_NAMES_OTHER = re.compile(
    r"^(?!(?:He|She|It|They|We|You|This|That|These|Those|There)\b)(?:[A-Z][a-z]+ ){1,3}[a-z]+ed\b"
)


def answer_quote_search(facts: FactBase, query: Query) -> Reply | None:
    """'Who said the talks would fail?': the quote whose words match, with its speaker."""
    match = re.search(
        r"\bwho (said|says|warned|claimed|stated|declared|tweeted|wrote)\b(.*)$", query.text
    )
    phrase = match.group(2) if match else query.text
    phrase_words = [w for w in content_words(phrase) if len(w) > 2]
    if not phrase_words:
        return None
    wanted = {stem(w) for w in phrase_words}
    hits = facts.store.search_sentences(" ".join(phrase_words), limit=40)
    article_ids = list(dict.fromkeys(s.article_id for s, _ in hits))[:20]
    if not article_ids:
        return None
    best: list[tuple[float, Quote]] = []
    for quote in facts.store.quotes(article_ids=article_ids, limit=300):
        overlap = len(wanted & stems(quote.text)) / len(wanted)
        if overlap >= 0.6:
            best.append((overlap, quote))
    if not best:
        return None
    best.sort(key=lambda pair: pair[0], reverse=True)
    quotes = [pair[1] for pair in best[:3]]
    answer_quotes = []
    sources: list[SourceRef] = []
    for quote in quotes:
        source = facts.source(quote.article_id)
        sources.append(source)
        answer_quotes.append(answer_quote(quote, source, facts.quote_role(quote)))
    speaker = answer_quotes[0].speaker or "An unnamed speaker"
    return Reply(
        summary=f"{speaker} said it:",
        quotes=answer_quotes,
        sources=sources,
        confidence=0.8,
        quote_keys=tuple(quote_key(q) for q in quotes),
    )
