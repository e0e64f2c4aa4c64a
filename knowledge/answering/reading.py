"""Reading a question: intent, names, roles, time window, topic words and unknown names.

``read_question`` turns the text into a ``Query``; the engine then fills what a follow-up
leaves out from the conversation and looks for answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from knowledge.answering.compose import RELATION_TITLES
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
from knowledge.answering.linking import Link, prefer_in_context
from knowledge.answering.query import Query
from knowledge.answering.quotes import where_of_what_was_said
from knowledge.answering.roles import RoleMention, find_titles, role_holders_in_sentences
from knowledge.answering.text import (
    STOPWORDS,
    collapse_acronyms,
    content_words,
    has_phrase,
    key,
    normalise_question,
    words,
    words_of,
)
from knowledge.answering.timewords import resolve_time
from knowledge.models import EntityKind

GROUP_KINDS = (EntityKind.COUNTRY, EntityKind.ORGANISATION)
# What a title can be held for: a country, a body, a city ("the mayor of Ankara").
QUALIFIER_KINDS = (*GROUP_KINDS, EntityKind.PLACE)
# What "on" must not be followed by to mark a topic: a day, a time or a medium ("said on
# Tuesday", "said on TV").
_NOT_TOPIC_ON = (
    r"(?!\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"today|tonight|yesterday|tv|television|radio|air|camera|twitter|x|facebook|"
    r"instagram|the (?:record|phone|radio|air|sidelines|way|eve|day|morning|evening|night)|"
    r"\d|(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b)\b)"
)
_TOPIC_MARKER = re.compile(
    r"\b(about|regarding|concerning|on the subject of)\b"
    # "What did X say on Senate reform?": "on" after a verb or noun of saying.
    r"|\b(?:say|said|says|saying|comments?|commented|remarks?|views?|stance|position|"
    r"line|take|thoughts|opinions?|reactions?|verdict)\s+on\b"
    + _NOT_TOPIC_ON
    # "What does X think of Y?", "X's reaction to Y", "Corvo on harbour tolls?"
    + r"|\b(?:think|thinks|thought|believe|feel|make|views?|opinions?|take)\s+of\b"
    r"|\b(?:reactions?|response|responses)\s+to\b"
    r"|^(?:and |so |what about )?(?:[\w.'-]+ ){1,3}?on\b" + _NOT_TOPIC_ON
)
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
_RELATIONS = frozenset(t.replace("-", " ") for t in RELATION_TITLES)
# Things named after a person: "<Surname> museum" is the museum, not the person.
_THINGS = "|".join(
    words_of(
        """
        museum museums library libraries administration administrations foundation campaign
        presidency era doctrine institute center centre memorial archive archives estate
        """
    )
)
# What follows a name for the name to be a thing's ("the Corvo library").
_THING_AFTER = re.compile(rf" (s )?({_THINGS})\b")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # the characters ``\w`` matches


def _followed_by(text: str, surface: str, tail: re.Pattern[str]) -> bool:
    """Does ``surface`` stand in the text from a word boundary with ``tail`` matching right
    after it? The same as ``re.search(r"\\b" + re.escape(surface) + tail.pattern, text)``,
    without compiling a pattern for every name asked (~0.1-0.5 ms each, the names being new
    to nearly every question)."""
    if not surface:
        return re.search(r"\b" + tail.pattern, text) is not None
    starts_word = _is_word_char(surface[0])
    at = text.find(surface)
    while at >= 0:
        before_word = at > 0 and _is_word_char(text[at - 1])
        if before_word != starts_word and tail.match(text, at + len(surface)):
            return True
        at = text.find(surface, at + 1)
    return False


# "Where was X speaking?", "where did X give his speech?"
_WHERE_SPEAKING = re.compile(
    r"^(?:and |so )?where (?:was|is|were|did|does|has|had|will) .*\b(?:speaking|speak|spoke|"
    r"speech|speeches|address|addressed|addressing|remarks|talking to reporters|interview)\b"
)
_PERSON_ON = re.compile(r"^(?:and |so |what about )?(?P<who>[\w.' -]+?) (?:on|about) \w")
_GOING_TO = re.compile(
    r"\b(?:going|heading|headed|travell?ing|flying|coming|bound|off) (?:to|for)\b"
)
# "What does the <thing> say?": something written or shown that "says", not a speaker.
_THING_SAYS = re.compile(
    r"^(?:and )?what (?:did|does|do|will) (?:the |a |an |this |that )?(?:[\w'-]+ ){0,3}?"
    rf"(?:{_THINGS}|report|study|survey|document|display|exhibit|exhibition|book|memo|letter|"
    r"website|sign|plaque|film|video|documentary|poll|ruling|verdict|bill|law|treaty|text) "
    r"(?:say|says|said|show|shows|state|states|tell|tells)\b"
)
# Articles that make a title generic: "a president", "any foreign minister".
_GENERIC = frozenset({"a", "an", "any", "every", "each", "former", "past"})
_INTENT_VOCABULARY = {
    Intent.QUOTES: frozenset(QUOTE_WORDS),
    Intent.EVENT: frozenset(EVENT_WORDS)
    | {"hold", "held", "holding", "take", "takes", "taking", "took", "place", "will", "happen"}
    | {"between", "mediating", "mediators", "mediator", "mediate", "mediation", "message"}
    | {"messages", "passing", "relaying", "carrying", "conveying", "intermediary"},
    Intent.OUTCOME: frozenset(OUTCOME_WORDS),
    # "Who reported the meeting?" names an event, not a topic word: the event path finds it.
    Intent.SOURCES: frozenset(
        {"source", "sources", "reported", "report", "reports", "outlet", "outlets", "media"}
        | {"published", "article", "articles", "story", "stories", "date", "first", "written"}
    )
    | frozenset(EVENT_WORDS),
    Intent.WHO_IS: frozenset(
        {"role", "job", "title", "position", "post", "occupation", "play", "part", "hold"}
        | {"work", "works", "working", "employed", "based", "belong", "represent", "organisation"}
        | {"organization", "company", "group", "party", "firm", "agency", "institution", "body"}
    ),
    Intent.SUMMARY: frozenset({"summary", "summarise", "summarize", "overview", "story"}),
}


def read_question(facts: FactBase, question: str, now: datetime) -> Query:
    """Everything the engine needs to know about a question, before looking for answers."""
    question = _possessives_spelt_out(facts, question)
    normalised = correct_typos(normalise_question(question), facts.is_known_word)
    runs = _WHO_RUNS.search(normalised)
    if runs and _names_whole(facts, runs.group("what")):
        # "Who runs X?" asks who heads X: the holder of X's leading title; when no one is
        # stored as such, the question is read as asked (its words searched). X must be a
        # name as a whole: "who leads the Chinese negotiators" asks about the negotiators,
        # not about whoever heads China.
        heads = _read_normalised(
            facts,
            question,
            now,
            _WHO_RUNS.sub(r"\g<and>who is the head of \g<what>", normalised),
        )
        if heads.people:
            return heads
    return _read_normalised(facts, question, now, normalised)


# A word that may be a name with its possessive's apostrophe left out: "okafors campaign".
_BARE_POSSESSIVE = re.compile(r"\b([A-Za-z][a-z]{2,})s\b(?= [A-Za-z])")
_POSSESSORS = frozenset({EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.COUNTRY})


def _possessives_spelt_out(facts: FactBase, question: str) -> str:
    """ "how much did okafors campaign raise": a stored name with an "s" and no apostrophe
    before another word is its possessive ("okafor's campaign"), when the word itself names
    nothing stored and is no ordinary word of the articles ("bills", "states")."""
    linker = facts.linker

    def spelt(match: re.Match[str]) -> str:
        word, name = match.group(0), match.group(1)
        if linker.kinds_of(word) or not linker.kinds_of(name) & _POSSESSORS:
            return word
        before = question[: match.start()].split()[-1:]
        after = question[match.end() :].split()[:1]
        if (before and linker.kinds_of(f"{before[0]} {word}")) or (
            after and linker.kinds_of(f"{word} {after[0]}")
        ):
            return word  # a word of a longer name: "las vegas" is no possessive of Vega
        if facts.is_common_word(word.casefold()) or facts.is_common_word(name.casefold()):
            return word
        return f"{name}'s"

    return _BARE_POSSESSIVE.sub(spelt, question)


def _owned_by_unknown(text: str, title: str, links: Sequence[Link]) -> bool:
    """ "Veltgas's chief" with Veltgas stored as no name: the title is held for a body the
    fact base does not know, so no stored holder of the bare title is meant."""
    match = re.search(rf"\b(?P<owner>[\w.-]+)(?:'s|’s) {re.escape(title)}\b", text)
    if match is None or match.group("owner") in _POSSESSIVE_PRONOUNS:
        return False
    owner = match.group("owner")
    return not any(owner in link.surface.split() for link in links)


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "your", "my", "whose"})


def _names_whole(facts: FactBase, what: str) -> bool:
    """Whether every word of ``what`` (bar articles) is part of a name linked in it."""
    words = [w for w in re.findall(r"[\w'’-]+", what.casefold()) if w not in _ARTICLES]
    links = facts.linker.link(what, is_common_word=facts.is_common_word)
    named = {w for link in links for w in re.findall(r"[\w'’-]+", link.surface.casefold())}
    return bool(words) and all(w in named for w in words)


_ARTICLES = frozenset({"the", "a", "an"})
# Prepositions and conjunctions a question uses as words, never as the names (acronyms,
# mostly) an article may spell the same way.
_FUNCTION_WORDS = frozenset(
    words_of(
        """
        before after during since until unless while without within among amongst against
        between through throughout toward towards upon despite except beyond beside besides
        whether although though because
        """
    )
)


def _read_normalised(facts: FactBase, question: str, now: datetime, normalised: str) -> Query:
    parsed = classify(normalised)
    original = collapse_acronyms(question)
    links = [
        link
        for link in facts.linker.link(original, is_common_word=facts.is_common_word)
        if not (link.kind is EntityKind.OUTLET and parsed.intent is Intent.SOURCES)
        # A title ("the mayor", "the CEO") is resolved as a role, never as an entity that
        # extraction happened to store under that word.
        and link.surface not in facts.titles
        # "want before agreeing" names no body called "BEFORE" (an acronym an article used).
        and link.surface not in _FUNCTION_WORDS
    ]
    links = _capitals_as_governments(facts, links, normalised)
    links = _fuzzy_inside_phrases(original, links)
    qwords = [w.text for w in words(normalised)]
    # "the Corvo library", "the Halloran administration": a thing named after a person is
    # not that person; its words are looked for as they are written.
    named_after = " ".join(qwords)
    things = [
        link
        for link in links
        if link.kind is EntityKind.PERSON and _followed_by(named_after, link.surface, _THING_AFTER)
    ]
    if things:
        links = [link for link in links if link not in things]
        if parsed.intent in (Intent.QUOTES, Intent.WHO_IS) and not any(
            link.kind is EntityKind.PERSON for link in links
        ):
            parsed = replace(parsed, intent=Intent.SEARCH)
    if (
        parsed.intent is Intent.EVENT
        and _WHERE_SPEAKING.search(named_after)
        and any(link.kind is EntityKind.PERSON for link in links)
    ):
        # "Where was X speaking?", "where did X give the speech?": where they spoke, read
        # from the sentences of their words, not an event record.
        parsed = replace(parsed, intent=Intent.QUOTES)
    on = _PERSON_ON.search(named_after)
    if (
        on
        and parsed.intent in (Intent.SEARCH, Intent.ABOUT, Intent.WHO_IS)
        and any(
            link.kind is EntityKind.PERSON and link.surface == on.group("who") for link in links
        )
    ):
        # "Corvo on harbour tolls?": what the person said about them.
        parsed = replace(parsed, intent=Intent.QUOTES)
    going = _GOING_TO.search(named_after)
    if (
        going
        and parsed.intent in (Intent.SEARCH, Intent.WHO_IS)
        and any(
            link.kind in (EntityKind.PLACE, EntityKind.COUNTRY)
            and named_after.find(link.surface, going.end()) >= 0
            for link in links
        )
    ):
        # "Is X going to Istanbul?": a trip, answered by the event there (not who X is).
        parsed = replace(parsed, intent=Intent.EVENT)
    if parsed.intent is Intent.QUOTES and where_of_what_was_said(named_after):
        # "Where did X say the talks would take place?": where the talks are, an event.
        parsed = replace(parsed, intent=Intent.EVENT)
    elif (
        parsed.intent is Intent.QUOTES
        and _THING_SAYS.search(named_after)
        and not any(link.kind is EntityKind.PERSON for link in links)
    ):
        # "What does the harbour museum say about X?": a thing, not a person, says it; what
        # it says is in the report's sentences (a display, a sign), not in a quote.
        parsed = replace(parsed, intent=Intent.SEARCH)
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
    frame = _WANTS_FRAME.search(normalised)
    if frame and len(terms) > 1:
        # "Does X want a deal with Y?": "want" frames the question; the answer is X on a
        # deal ("Hopefully, we make a deal"), whatever verb of wishing the report uses.
        terms = [t for t in terms if t != frame.group("verb")]
    # An ambiguous surname goes to the bearer whose articles speak of the other words asked.
    links = prefer_in_context(facts.linker, links, terms, facts.store)
    window = resolve_time(normalised, now.date())
    if window.label:
        # "in 2018" restricts the dates; it is not a word to look for.
        terms = [t for t in terms if t not in window.label.casefold().split()]
    topic_links, topic_terms = _topic_of(parsed.intent, normalised, links, terms)
    joined = " ".join(qwords)

    # "Jackson's mother", "Trump's son-in-law": the person named qualifies a relation; the
    # question is about the relative, not about them.
    def said(role: RoleMention) -> str:
        return " ".join(qwords[role.first_word : role.last_word + 1])

    relations = [
        (role, link)
        for role in roles
        if said(role) in _RELATIONS
        for link in links
        if link.kind is EntityKind.PERSON
        and re.search(rf"\b{re.escape(link.surface)} {re.escape(said(role))}\b", joined)
    ]
    relatives = {id(link) for _, link in relations}
    people: list[tuple[str, str]] = []
    for link in links:
        if (
            link.kind is EntityKind.PERSON
            and link.entity_ids
            and link not in topic_links
            and id(link) not in relatives
        ):
            people.extend(_person_ids(facts, link))
    for role, link in relations:
        found = _resolve_roles(facts, role, [link])
        people.extend(found)
        if not found:
            # Nobody stored under that relation: the sentences may still say what they did.
            terms.extend(qwords[role.first_word : role.last_word + 1])
            parsed = replace(parsed, intent=Intent.SEARCH)
    unresolved: list[str] = []
    if not people and roles and not relations and parsed.intent is not Intent.SOURCES:
        for role in roles:
            before = qwords[max(0, role.first_word - 3) : role.first_word]
            determiners = [w for w in before if w in _GENERIC or w in ("the", "this", "that")]
            if determiners and determiners[-1] in _GENERIC:
                continue  # "a US president" is anyone who held the title, not one person
            title = " ".join(qwords[role.first_word : role.last_word + 1])
            if parsed.intent in (Intent.EVENT, Intent.SEARCH) and _plural_title(title, question):
                # "When is the Amazon ministers' meeting?": ministers gathering, not the one
                # holder of a minister's title stored last. (The events are found by who
                # gathers from the wording: "the G7 foreign ministers".)
                continue
            following = qwords[role.last_word + 1 : role.last_word + 2]
            if following and following[0] in terms:
                # "the teacher tenure trial": the title qualifies a thing asked about; no
                # one holding it is meant, and its words are looked for as written.
                terms.extend(qwords[role.first_word : role.last_word + 1])
                continue
            # The country or body the title is held for, written next to it: "Iran's foreign
            # minister", "the president of France". It qualifies the role: not a speaker.
            qualifiers = [
                link
                for link in links
                if link.kind in QUALIFIER_KINDS
                and re.search(
                    rf"\b{re.escape(link.surface)} {re.escape(title)}\b"
                    rf"|\b{re.escape(title)} (of|for) (the )?{re.escape(link.surface)}\b",
                    joined,
                )
            ]
            # "the CEO of Twitter" with Twitter unknown: no stored holder can be meant.
            after = qwords[role.last_word + 1 : role.last_word + 4]
            if not qualifiers and (
                after[:1] in (["of"], ["for"]) or _owned_by_unknown(normalised, title, links)
            ):
                unresolved.append(title)
                continue
            generic = (
                not qualifiers
                and parsed.intent is Intent.QUOTES
                and title in _GENERIC_TITLES
                and bool(links or terms)
            )
            if generic:
                # "What did the analyst say about the strike?": the analyst of the reports on
                # the strike, not the newest analyst anywhere; nobody there -> anyone's words.
                people.extend(_holder_in_context(facts, role, links, terms))
                continue
            found = _resolve_roles(facts, role, qualifiers)
            if found:
                people.extend(found)
                links = [link for link in links if link not in qualifiers]
            elif not (
                parsed.intent is Intent.QUOTES
                and qualifiers
                and all(link.kind is EntityKind.ORGANISATION for link in qualifiers)
            ):
                unresolved.append(title)
            # else "what did the <body> analyst say?" with nobody stored under that title:
            # the body's people speak (the body stays a speaker link).
    unknown = _unknown_names(original, linked_words | role_words, facts.gazetteer.titles)
    # Capitalised phrases that name nothing stored ("World Cup") must be matched whole.
    phrases = _unlinked_phrases(original, linked_words | role_words)
    phrase_words = {w for phrase in phrases for w in key(phrase).split()}
    terms = [t for t in terms if t not in phrase_words]
    kinds: tuple[str, ...] = ()
    if parsed.intent is Intent.SEARCH:
        kind = _answer_type(normalised)
        # A name stored for a word of the kind ("Radio" stored as an organisation) is no name asked.
        named = [link for link in links if not set(link.surface.split()) <= kind]
        rest = [t for t in terms if t not in kind]
        if kind and rest and (people or named or len(rest) >= 2):
            terms, links = rest, named
            kinds = tuple(t for t in kind if t not in STOPWORDS)
    return Query(
        question=question,
        text=normalised,
        parsed=parsed,
        links=tuple(links),
        roles=tuple(roles),
        window=window,
        today=now.date(),
        terms=tuple(terms),
        topic_terms=tuple(topic_terms),
        kind_words=kinds,
        people=tuple(dict.fromkeys(people)),
        topic_links=tuple(topic_links),
        unknown_names=tuple(unknown),
        unresolved_roles=tuple(unresolved),
        phrases=tuple(phrases),
    )


def _plural_title(title: str, question: str) -> bool:
    """A title the question (as written: typo correction may make "ministers" a known
    "minister") asks in the plural ("ministers", "foreign ministers", "secretaries")."""
    if title.endswith("s"):
        return False
    plural = title[:-1] + "ies" if title.endswith("y") else title + "s"
    return has_phrase(question, plural)


_WANTS_FRAME = re.compile(
    r"^(?:and |so )?(?:does|did|do|will|would) [\w.' -]+? (?P<verb>want|wants|wish|hope|plan|"
    r"intend|expect|think|believe|like|prefer)\b"
)
# A capital standing for its government: "between Washington and Tehran", "Moscow said",
# "did Beijing offer", "Paris wants" (never "in Paris", "the Paris talks").
_GOVERNMENT_VERBS = (
    r"(?:say|says|said|want|wants|wanted|offer|offers|offered|demand|demands|demanded|"
    r"reject|rejects|rejected|accept|accepts|accepted|agree|agrees|agreed|warn|warns|warned|"
    r"respond|responds|responded|react|reacts|reacted|think|thinks|propose|proposes|proposed|"
    r"threaten|threatens|threatened|announce|announces|announced|insist|insists|insisted|"
    r"claim|claims|claimed|deny|denies|denied|accuse|accuses|accused|plan|plans|planned)"
)

# "Tehran's position", "Moscow's response": what a government holds or does.
_GOVERNMENT_STANCE = (
    r"(?:position|stance|response|reaction|offer|offers|demands?|view|views|policy|plan|"
    r"proposal|proposals|line|answer|conditions|terms|red lines|goals?|aims?|strategy)"
)
# "Washington-Tehran talks", "Moscow and Kyiv relations": between governments.
_RELATIONS_NOUNS = (
    r"(?:talks|relations|ties|negotiations|dialogue|deal|agreement|summit|rapprochement|"
    r"tensions|dispute|standoff|channel)"
)


def _capitals_as_governments(facts: FactBase, links: list[Link], text: str) -> list[Link]:
    """Links of capitals used for their country's government, as that country."""
    capitals = facts.gazetteer.metonym_capitals
    out: list[Link] = []
    for link in links:
        country = None
        if link.kind is not EntityKind.COUNTRY and link.name in capitals:
            surface = re.escape(link.surface)
            if re.search(
                rf"\bbetween {surface} and\b|\bbetween (?:the )?[\w-]+(?: [\w-]+)? and {surface}\b"
                rf"|\b{surface} (?:and \w+ )?{_GOVERNMENT_VERBS}\b"
                rf"|\b(?:did|does|do|has|have|will|would|is|was) {surface} {_GOVERNMENT_VERBS}\b"
                rf"|\b{surface}(?:'s|s') {_GOVERNMENT_STANCE}\b"
                rf"|\b{surface}(?:-| and )(?:the )?[\w-]+ {_RELATIONS_NOUNS}\b"
                rf"|\b[\w-]+(?:-| and ){surface} {_RELATIONS_NOUNS}\b",
                text,
            ):
                country = facts.gazetteer.capital_to_country.get(link.name)
        found = None
        if country is not None:
            found = next(
                (
                    c
                    for c in facts.linker.link(country, fuzzy=False)
                    if c.kind is EntityKind.COUNTRY
                ),
                None,
            )
        if found is None:
            out.append(link)
        else:
            out.append(
                replace(
                    found,
                    surface=link.surface,
                    first_word=link.first_word,
                    last_word=link.last_word,
                    score=link.score,
                )
            )
    return out


def people_called(facts: FactBase, names: Sequence[str]) -> list[tuple[str, str]]:
    """The stored people with these names (e.g. an event's participants), as a question's
    people."""
    out: list[tuple[str, str]] = []
    for name in names:
        for link in facts.linker.link(name):
            if link.kind is EntityKind.PERSON and link.entity_ids and link.exact:
                out.extend(_person_ids(facts, link))
    return list(dict.fromkeys(out))


def _person_ids(facts: FactBase, link: Link) -> list[tuple[str, str]]:
    """The people a name stands for, all under one display name.

    The most mentioned entity, others named the same way that are mentioned at least a
    quarter as often (one person stored under two spellings), the bare-surname entity
    ("Corvo" from an article that never gave the first name) and the most mentioned full
    name ending in that surname ("Ines Corvo" when "Corvo" alone is the most mentioned).
    """
    prominence = facts.prominence
    ids = list(link.entity_ids)
    top = prominence.get(ids[0], 0)
    slug = "-".join(link.surface.split())
    # The bare name, whichever kind extraction filed it under ("person:obama", "organisation:x").
    bares = {i for i in ids if i.split(":", 1)[-1] == slug}
    bare_count = max((prominence.get(i, 0) for i in bares), default=0)
    full = [i for i in ids if i.split(":", 1)[-1].endswith(f"-{slug}") and i not in bares]
    best_full = max(full, key=lambda i: prominence.get(i, 0)) if full else None
    if best_full and prominence.get(best_full, 0) * 2 < bare_count:
        best_full = None  # a rare namesake ("Ana Corvo"), not the person meant
    chosen = [
        entity_id
        for entity_id in ids
        if entity_id in (ids[0], best_full)
        or entity_id in bares
        or prominence.get(entity_id, 0) * 4 >= top
    ]
    # Display the full name when the question gave only the surname.
    display = best_full if ids[0] in bares and best_full else ids[0]
    name = facts.name(display, link.name)
    return [(entity_id, name) for entity_id in chosen]


_WHO_RUNS = re.compile(
    r"^(?P<and>and )?who (runs|leads|heads|manages|chairs|is (running|leading|heading|managing|"
    r"chairing|in charge (of|at)|the boss (of|at))) (?P<what>.+)$"
)
# The titles of whoever heads a body or a country, for "the head of X" / "who runs X".
_HEAD_WORDS = frozenset({"head", "leader", "boss", "chief"})
_HEADING_TITLES = (
    "chief executive",
    "chief executive officer",
    "ceo",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "director general",
    "director-general",
    "managing director",
    "secretary general",
    "secretary-general",
    "prime minister",
    "governor",
    "mayor",
)


def _resolve_roles(
    facts: FactBase, role: RoleMention, qualifiers: Sequence[Link]
) -> list[tuple[str, str]]:
    """'the supreme leader', "Iran's foreign minister" -> the person holding the role now:
    the newest holder the stored roles or the sentences ("X, Germany's economy minister,
    said") give."""
    index = facts.roles()
    affiliations: list[Link | None] = list(qualifiers) or [None]
    titles = [role.title]
    if role.title in _HEAD_WORDS and qualifiers:
        # "The head of the exchange" is whoever holds its leading title.
        titles.extend(_HEADING_TITLES)
    found: list[tuple[date, str, str]] = []
    for link in affiliations:
        # A body also known by its acronym ("London Stock Exchange (LSE)") holds roles
        # stored under either name.
        names: list[str | None] = [link.name] if link else [None]
        if link is not None and link.kind is EntityKind.ORGANISATION:
            names += [facts.name(i, link.name) for i in link.entity_ids[1:]]
        for name in dict.fromkeys(names):
            for title in titles:
                for holder in index.holders(title, name):
                    found.append((holder.as_of or date.min, holder.entity_id, holder.name))
        found += role_holders_in_sentences(facts, role.title, link)
    if not found:
        return []
    _, entity_id, name = max(found, key=lambda item: item[0])
    return [(entity_id, facts.name(entity_id, name))]


# Titles many people hold at once: "the analyst" means the one of the story asked about.
_GENERIC_TITLES = frozenset(
    words_of(
        """
        analyst analysts expert experts official officials spokesman spokeswoman spokesperson
        diplomat diplomats researcher economist professor lawyer observer commentator critic
        activist scholar fellow strategist adviser advisor aide source sources
        """
    )
)


def _holder_in_context(
    facts: FactBase, role: RoleMention, links: Sequence[Link], terms: Sequence[str]
) -> list[tuple[str, str]]:
    """The holder of a common title whose reports are about what the question names."""
    index = facts.roles()
    dated = [(h.as_of or date.min, h.entity_id, h.name) for h in index.holders(role.title, None)]
    dated += role_holders_in_sentences(facts, role.title, None)
    dated.sort(key=lambda item: item[0], reverse=True)
    candidates = list(dict.fromkeys((entity_id, name) for _, entity_id, name in dated))[:10]
    if not candidates:
        return []
    store = facts.store
    context: set[str] = set()
    ids = [i for link in links for i in link.entity_ids[:1]]
    if ids:
        context.update(store.articles_mentioning(ids, limit=2000))
    elif terms:
        context.update(s.article_id for s, _ in store.search_sentences(" ".join(terms), limit=50))
    best = max(
        candidates,
        key=lambda c: len(context.intersection(store.articles_mentioning([c[0]], limit=50))),
    )
    if not context.intersection(store.articles_mentioning([best[0]], limit=50)):
        return []
    return [(best[0], facts.name(best[0], best[1]))]


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


# "Which radio shows did X go on?": the words after "which" say what kind of thing the
# answer is; the sentence answering it names the shows, seldom the words "radio shows".
_ANSWER_TYPE = re.compile(
    r"^(?:and |so )?(?:which|what) (?P<type>(?:[\w-]+ ){1,2}?)"
    r"(?:did|does|do|is|are|was|were|will|has|have|had|can|could|would|should)\b"
)


def _answer_type(text: str) -> set[str]:
    """The words naming the kind of answer asked for: "which radio shows did" -> radio, shows."""
    match = _ANSWER_TYPE.search(text)
    return set(match.group("type").split()) if match else set()


def _fuzzy_inside_phrases(question: str, links: list[Link]) -> list[Link]:
    """Without the names read by a spelling guess out of part of a longer capitalised run:
    "Lena" of "the Lena Trophy" is no misspelt "Lina"; the run is a name of its own, to be
    matched whole ("Ines Korvo", the whole run, is still a typo of the name)."""
    runs = [
        key(match.group(0)).split()
        for match in re.finditer(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+", question)
        if match.start() > 0
    ]
    if not runs:
        return links
    kept = []
    for link in links:
        said = key(link.surface).split()
        if not link.exact and any(
            len(run) > len(said) and all(w in run for w in said) for run in runs
        ):
            continue
        kept.append(link)
    return kept


def _unlinked_phrases(question: str, known_words: set[str]) -> list[str]:
    """Runs of two or more capitalised words that no link covers: 'World Cup'."""
    out: list[str] = []
    for match in re.finditer(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+", question):
        tokens = key(match.group(0)).split()
        if match.start() == 0:
            tokens = tokens[1:]  # the question's first word is capitalised anyway
        words_in = [w for w in tokens if w not in STOPWORDS]
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
