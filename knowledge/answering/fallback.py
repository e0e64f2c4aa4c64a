"""The text fallback: when no stored event, quote or outcome answers a question, the
verbatim sentences that answer what the question asks for, by its form.

"When is X due back in court?" asked of a fact base that holds no court date as an event is
still answered by the sentence "X's next court appearance is scheduled for Nov. 8": one that
names X, says the question's topic ("court") and gives a time. Each form of question has its
test of an answering sentence: *when* a time, *where* a place, *what will they discuss* an
agenda, *what does X want before Y* X with a condition or demand, *how much* a figure (and the
payer named, if any), *did X accept Y* X as the subject with the act or its opposite.
Nothing passing the test: None, and the caller keeps its honest "couldn't find"; the fallback
never pads with sentences that merely share words. It runs only after the structured path
found nothing (for a yes/no question, also to put the settling sentences first), so it costs
nothing otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache, partial

from knowledge.answering.asked import names_as_subject, tells_when, tells_where
from knowledge.answering.compose import fact, neutral_day
from knowledge.answering.events import event_key
from knowledge.answering.facts import FactBase
from knowledge.answering.intents import Intent
from knowledge.answering.query import Query, Reply
from knowledge.answering.search import Concept, find_sentences, named_payer, plain_words
from knowledge.answering.text import (
    _IRREGULAR_STEMS,
    GENERIC_TOPIC_STEMS,
    SYNONYM_STEMS,
    fold,
    plain,
    stem,
    words_of,
)
from knowledge.models import EntityKind, Sentence

# Words of a question's frame, not of its topic: "due back", "want ... before". An answering
# sentence seldom repeats them ("next court appearance is scheduled for").
_FRAME_WORDS = frozenset(
    words_of(
        """
        due back want wants wanted wanting before unless until scheduled planned set expected
        already finally actually exactly soon eventually
        """
    )
)
# Nouns of a proposal, any of which a report may use for another: "Peru's call for a fishing
# ban" is "the proposal" Chile rejected.
_PROPOSAL_STEMS = frozenset(
    stem(w)
    for w in words_of(
        """
        call calls proposal proposals request requests demand demands plea pleas offer offers
        idea suggestion suggestions plan plans bid initiative appeal invitation invite
        """
    )
)

_CALL_STEMS = frozenset({stem("call"), stem("calls")})

_FUTURE_ASKED = re.compile(
    r"^(?:and |so )?(?:when|where|what|how|who)\b.*\b(?:is|are|will|shall)\b"
    r"|\b(?:due|next|again|upcoming|going to|planned|scheduled)\b"
)
_PAST_ASKED = re.compile(r"^(?:and |so )?(?:when|where|what|how|who) (?:did|was|were|had)\b")
_FUTURE_SAID = re.compile(
    r"\b(?:will|shall|scheduled|due|next|set to|expected|planned|plans? to|to be held|"
    r"upcoming|later this|is to|are to|again)\b",
    re.IGNORECASE,
)
_AGENDA_SAID = re.compile(
    r"\b(?:discuss\w*|agenda|talks? (?:about|on)|focus\w* on|on the table|address\w*|raise|"
    r"cover\w*|deal with|expected to (?:explore|address|raise)|topics?|issues?)\b",
    re.IGNORECASE,
)
# "What does X want / demand / need / insist on ...": a wish or a condition asked for.
_WANT_ASKED = re.compile(
    r"^(?:and |so )?what (?:does|do|did|is|are|was|were|will|would) .+? (?:want|wants|wanted|"
    r"demand|demanding|demanded|need|needs|require|requiring|insist|insisting|seek|seeking|"
    r"ask|asking)\b"
)
_CONDITION_SAID = re.compile(
    r"\b(?:unless|until|only if|if|provided|on condition|conditions?|demand\w*|want\w*|"
    r"insist\w*|requir\w*|in exchange|in return|seek\w*|calls? for|called for|ask\w* for|"
    r"press\w* for|need\w*|precondition\w*)\b",
    re.IGNORECASE,
)
# "How much in Chilean copper is Peru hitting ...", "how many people ...": a figure is asked.
_HOW_MUCH = re.compile(r"\bhow (?:much|many)\b")
_AMOUNT_SAID = re.compile(
    r"(?:[$£€¥]\s?)?\b(?!(?:19|20)\d\d\b)\d[\d,.]*\b|\b(?:dozens?|hundreds?|thousands?|"
    r"millions?|billions?|trillions?|half|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|twenty|thirty|forty|fifty|hundred)\b",
    re.IGNORECASE,
)
# The same test in two steps, for bool only (~500 sentences tested an answer; the one
# pattern tried its word alternation case-blind at every letter, ~17 us a sentence): a
# figure (the currency sign before it is optional, so changes no yes/no), then the number
# words, in an ASCII text lower-cased, which case-blind matching equals there.
_FIGURE_SAID = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,.]*\b")
_NUMBER_WORD = re.compile(
    r"\b(?:dozens?|hundreds?|thousands?|millions?|billions?|trillions?|half|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b"
)


def says_amount(text: str) -> bool:
    """Whether a text gives an amount: ``_AMOUNT_SAID`` finds one in it."""
    if _FIGURE_SAID.search(text):
        return True
    if text.isascii():
        return bool(_NUMBER_WORD.search(text.lower()))
    return bool(_AMOUNT_SAID.search(text))


# "Did X accept Y?", "has X agreed to Y", "is X going to Y": the subject and the act asked.
_YES_NO = re.compile(
    r"^(?:and |so )?(?:did|does|do|has|have|had|is|are|was|were|will|would|can|could) "
    r"(?P<rest>.+)$"
)
_NOT_ACTS = frozenset(
    words_of(
        """
        not ever already finally actually really still yet now also just going planning
        about likely set due trying expected be been being the a an to
        """
    )
)
# Acts and their opposites: either answers the yes/no question; which one, the reader sees.
_POLAR = (
    (
        "accept agree approve endorse",
        "reject refuse decline dismiss oppose spurn rebuff veto",
    ),
    ("attend join come go travel", "skip boycott cancel withdraw stay"),
    ("win", "lose"),
    ("confirm", "deny"),
    ("meet", "cancel postpone"),
)
_POLAR_STEMS = [
    (frozenset(stem(w) for w in yes.split()), frozenset(stem(w) for w in no.split()))
    for yes, no in _POLAR
]
# Said in place of the act's opposite: "turned down", "never on the table".
_REFUSAL = re.compile(
    r"\b(?:turn(?:ed|s)? down|never|refus\w*|reject\w*|declin\w*|not on the table)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Form:
    """What an answering sentence must say, beyond the question's names and words."""

    label: str
    test: Callable[[str], bool]
    # The person or body the question is about, who must be named in the sentence itself
    # (as its subject, for a yes/no question); None: every name asked.
    subject: tuple[str, ...] | None = None
    act: frozenset[str] = frozenset()


def answer_from_text(facts: FactBase, query: Query, *, yes_no_only: bool = False) -> Reply | None:
    """The sentences that answer the question's form, or None (see the module docstring).

    ``yes_no_only``: only for a yes/no question ("did X accept Y?"), whose settling
    sentences go before whatever else answered it.
    """
    if query.intent not in (Intent.EVENT, Intent.SEARCH, Intent.OUTCOME):
        return None
    if yes_no_only and query.intent is Intent.EVENT:
        return None  # "is X going to Y?" is a trip: the event card answers it
    form = _yes_no(facts, query) if yes_no_only else _form(facts, query)
    if form is None:
        return None
    terms = tuple(
        t
        for t in query.terms
        if t not in _FRAME_WORDS and stem(t) not in form.act and not t.isdigit()
    )
    relaxed = replace(query, terms=terms)
    found = find_sentences(facts, relaxed)
    names = [c for c in found.concepts if c.kind == "name"]
    words = [c for c in found.concepts if c.kind == "word"]
    if not names and len(words) < 2:
        return None  # too little asked to tell an answer from a sentence sharing a word
    index_of = {id(c): i for i, c in enumerate(found.concepts)}
    # "When is X due back?" asks of what is to come: of two dated sentences, the one saying
    # what will be ("is scheduled for") before the one saying what was.
    future = (
        form.label in ("when", "where", "agenda", "amount")
        and bool(_FUTURE_ASKED.search(query.text))
        and not _PAST_ASKED.search(query.text)
    )
    candidates = [*found.hits, *found.more]
    sources = facts.sources(list(dict.fromkeys(s.article_id for s, _ in candidates)))
    # Per name, once: the spellings that count wherever said (several words, or a phrase
    # naming nothing stored), and the single words that count only in a report mentioning
    # the person (surname, parts, the given name).
    spellings = {id(c): _spellings(c) for c in names}

    def says_name(text: str, concept: Concept, article_id: str) -> bool:
        padded = f" {text} "
        whole, parts = spellings[id(concept)]
        if any(f" {k} " in padded for k in whole):
            return True
        if concept.entity_ids and index_of[id(concept)] not in found.naming.get(article_id, ()):
            # A surname or a given name alone ("Quillon", "Irena") is the person asked
            # only in a report that mentions that person: elsewhere it is a namesake.
            return False
        return any(f" {k} " in padded for k in parts)

    word_keys = [_word_keys(c) for c in words]

    # With a subject, names_as_subject tells it; the other names must be said near it.
    subject_keys = {plain(f) for f in form.subject or ()}
    others = [c for c in names if not set(c.keys) & subject_keys]
    # Which words asked each report says, read once however many of its sentences are
    # candidates.
    reports = _ReportWords(facts)

    scored: list[tuple[tuple[float, bool, date, float], Sentence]] = []
    seen: set[str] = set()
    for sentence, bm25 in candidates:
        # Dotted abbreviations closed up ("U.S." -> "us"), as the concepts' keys are.
        text = plain_words(sentence.text)
        if text in seen or len(text) < 20 or not form.test(sentence.text):
            continue
        seen.add(text)
        if form.subject is not None:
            if not names_as_subject(list(form.subject), sentence.text):
                continue
            # The rest of the question may be said in the sentences just before ("Peru
            # wants a ban on trawling ... Chile rejected the proposal").
            context = plain_words(" ".join(_before(facts, sentence, 2)))
            needed_names = others
        else:
            context = text
            needed_names = names
        if not all(says_name(context, c, sentence.article_id) for c in needed_names):
            continue
        tokens = {stem(t) for t in context.split()}
        said = sum(1 for keys in word_keys if keys & tokens)
        if words and (said == 0 or 2 * said < len(words)):
            continue
        # "Where will the Fair Start campaign hold rallies?": "The campaign will ... hold
        # rallies in Ohio" answers, its report naming the campaign; the words the sentence
        # leaves out must be said in its report (headline or other sentences).
        if (
            not names
            and said < len(words)
            and not all(
                keys & tokens or reports.says(sentence.article_id, keys) for keys in word_keys
            )
        ):
            continue
        # "Did Chile accept the call for a tariff freeze?": a report that never speaks of a
        # tariff freeze does not settle it, whatever Chile accepted there.
        if form.subject is not None and not _says_specifics(
            partial(reports.says, sentence.article_id), words
        ):
            continue
        coverage = said / len(words) if words else 1.0
        if context is not text:
            # Of two sentences settling it, the one saying more of the question itself: each
            # word it says counts a tenth of one said in the context (a tie-break).
            own = {stem(t) for t in text.split()}
            coverage += sum(1 for keys in word_keys if keys & own) / (10 * len(words) or 1)
        source = sources.get(sentence.article_id)
        day = source.published if source and source.published else date.min
        tense = not future or bool(_FUTURE_SAID.search(sentence.text))
        scored.append(((round(coverage, 2), tense, day, bm25), sentence))
    if not scored:
        return None
    # An undated report ranks as of the middle of the others, not below all of them.
    undated = neutral_day(k[2] for k, _ in scored)
    scored = [((c, t, undated if d == date.min else d, b), s) for (c, t, d, b), s in scored]
    scored.sort(key=lambda item: item[0], reverse=True)
    best = scored[0][0][:2]
    chosen = [s for k, s in scored if round(k[0], 1) == round(best[0], 1) and k[1] == best[1]][:2]
    refs = facts.sources([s.article_id for s in chosen])
    return Reply(
        summary="Here is what the articles say:",
        facts=[fact(f"“{s.text}”", refs.get(s.article_id)) for s in chosen],
        sources=list(refs.values()),
        # A sentence chosen by its form, less sure than the search's sentence saying as much
        # (0.3 + 0.5 x coverage): 0.65 at most, when it says every word asked.
        confidence=round(0.35 + 0.3 * best[0], 2),
        follow_ups=["Who reported it?"],
        event_ids=_events_told(facts, chosen[0]),
    )


def _form(facts: FactBase, query: Query) -> _Form | None:
    """The question's form and its test of an answering sentence, or None when the
    question has no form the fallback answers."""
    aspects = query.parsed.aspects
    if "when" in aspects:
        return _Form("when", tells_when)
    if "where" in aspects:
        return _Form("where", tells_where)
    if "agenda" in aspects and query.intent is Intent.EVENT:
        return _Form("agenda", lambda text: bool(_AGENDA_SAID.search(text)))
    if _WANT_ASKED.search(query.text):
        return _Form("want", lambda text: bool(_CONDITION_SAID.search(text)))
    if _HOW_MUCH.search(query.text):
        # "How much is A offering?" is not answered by B's offer: the payer named must be
        # in the sentence.
        payer = named_payer(facts, query)

        def gives_amount(text: str) -> bool:
            if payer is not None and not payer(plain_words(text)):
                return False
            return says_amount(text)

        return _Form("amount", gives_amount)
    return _yes_no(facts, query)


def _yes_no(facts: FactBase, query: Query) -> _Form | None:
    """ "Did Chile accept the call?": sentences naming Chile as the subject with the act
    asked or its opposite ("Chile rejected the proposal")."""
    match = _YES_NO.search(query.text)
    if match is None:
        return None
    rest = match.group("rest")
    subject = next(
        (
            link
            for link in query.links
            if link.kind is not EntityKind.OUTLET and rest.startswith(link.surface)
        ),
        None,
    )
    if subject is None:
        return None
    named = {w for link in query.links for w in link.surface.split()}
    after = rest[len(subject.surface) :].split()
    verb = next((w for w in after if w not in _NOT_ACTS), None)
    if verb is None or verb in named:
        return None
    base = stem(verb)
    act = {base, *SYNONYM_STEMS.get(base, ())}
    refusal = False
    for yes, no in _POLAR_STEMS:
        if base in yes or base in no:
            act |= yes | no
            refusal = True
    forms = facts.name_forms(subject)
    if subject.kind is EntityKind.PERSON:
        forms.append(subject.name.split()[-1])
    forms = [f for f in dict.fromkeys(forms) if len(f) > 2]
    frozen_act = frozenset(act)
    subject_keys = [plain(f) for f in forms if plain(f)]

    def tells(text: str) -> bool:
        # The subject acts: the act's verb (not a noun of it, "agreement") follows a
        # mention of the subject closely, a clause about it ("Chile, whose fleet fishes ...,
        # rejected") left out.
        tokens = plain(_RELATIVE_CLAUSE.sub(" ", text)).split()
        acts = [
            i
            for i, t in enumerate(tokens)
            if stem(t) in frozen_act and not t.endswith(_NOUN_ENDINGS)
        ]
        if refusal:
            acts += [
                len(plain(_RELATIVE_CLAUSE.sub(" ", text[: m.start()])).split())
                for m in _REFUSAL.finditer(text)
            ]
        if not acts:
            return False
        starts = _mentions(tokens, subject_keys)
        return any(
            0 < a - s <= _ACT_REACH and not _reports_another(tokens[s + 1 : a], subject_keys)
            for s in starts
            for a in acts
        )

    return _Form("yes_no", tells, subject=tuple(forms), act=frozen_act)


_REPORTING = frozenset(words_of("said says told tweeted added claimed insisted warned argued"))
_SELF = frozenset(words_of("he she they it we i that"))


def _reports_another(between: list[str], subject_keys: list[str]) -> bool:
    """Whether the subject reports someone else's act: "Corvo said the operators want a deal"
    is the operators' wish, not Corvo's ("Corvo said she wants" is hers)."""
    for index, token in enumerate(between):
        if token in _REPORTING:
            rest = between[index + 1 :]
            if not rest:
                return False
            if rest[0] in _SELF:
                return False
            return not any(" ".join(rest[: len(k.split())]) == k for k in subject_keys)
    return False


# A clause about the subject between it and its verb: ", which sells most of ... ,".
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whose|where|whom)\b[^,;]*,")
_NOUN_ENDINGS = ("ment", "ments", "tion", "tions", "sion", "sions", "al", "als", "ance", "ances")
# How many words after the subject its act may come ("X and his legal team were
# invited to take part in this questioning, but declined").
_ACT_REACH = 18


def _mentions(tokens: list[str], keys: list[str]) -> list[int]:
    """Where in the tokens a name (as plain words) starts."""
    out: list[int] = []
    for key in keys:
        parts = key.split()
        size = len(parts)
        out.extend(i for i in range(len(tokens) - size + 1) if tokens[i : i + size] == parts)
    return out


class _ReportWords:
    """Whether a report (its headline or any of its sentences) says a word asked, by the
    word's stems (``_word_keys``): a word said there has one of them as its stem.

    Not by stemming every word of the report: a question at 10k read 73 whole reports that
    way (4,754 sentences made plain words and stemmed, ~130 ms CPU). A word whose stem is a
    key either is an irregular form of it ("held" for hold) or begins with the key but its
    last letter: text.stem only cuts endings, and at most turns the last kept letter into
    "y" or "e" ("studies" -> study, "used" -> use). Those beginnings are looked for in each
    text lower-cased (folded when not ASCII) without dots and hyphens (which plain words
    close up: "U.N." -> un); only a text holding one is read word by word. Same answer as
    stemming the whole report, for a fraction of the reports' texts.
    """

    def __init__(self, facts: FactBase) -> None:
        self._facts = facts
        self._texts: dict[str, tuple[list[str], list[str]]] = {}
        self._said: dict[tuple[str, frozenset[str]], bool] = {}

    def says(self, article_id: str, keys: frozenset[str]) -> bool:
        """Whether a word of the report has one of the stems ``keys``."""
        known = self._said.get((article_id, keys))
        if known is None:
            known = self._said[(article_id, keys)] = self._says(article_id, keys)
        return known

    def _says(self, article_id: str, keys: frozenset[str]) -> bool:
        needles = _stem_needles(keys)
        texts, folded = self._read(article_id)
        for text, low in zip(texts, folded, strict=True):
            if any(n in low for n in needles) and any(
                stem(word) in keys for word in plain_words(text).split()
            ):
                return True
        return False

    def _read(self, article_id: str) -> tuple[list[str], list[str]]:
        read = self._texts.get(article_id)
        if read is None:
            texts = [
                self._facts.source(article_id).title,
                *self._facts.store.article_sentence_texts(article_id),
            ]
            folded = [
                (t.lower() if t.isascii() else fold(t)).replace(".", "").replace("-", "")
                for t in texts
            ]
            read = self._texts[article_id] = (texts, folded)
        return read


@lru_cache(maxsize=1024)
def _stem_needles(keys: frozenset[str]) -> tuple[str, ...]:
    """What a text must hold (folded, without dots and hyphens) to have a word whose stem is
    one of the keys (see ``_ReportWords``): a key but its last letter, or an irregular form
    of it."""
    irregular = (form for form, _, form_stem in _IRREGULAR_STEMS if form_stem in keys)
    return tuple(dict.fromkeys([*(k[:-1] for k in sorted(keys)), *irregular]))


def _says_specifics(says: Callable[[frozenset[str]], bool], words: list[Concept]) -> bool:
    """Whether the text says the question's specific words (not a proposal noun, not a kind
    of occasion): all of one or two, two thirds of more. ``says``: whether the text says a
    word with one of the stems."""
    specific = [
        c
        for c in words
        if not set(c.keys) & _PROPOSAL_STEMS and not set(c.keys) & GENERIC_TOPIC_STEMS
    ]
    said = sum(1 for c in specific if says(frozenset(c.keys)))
    return said == len(specific) or 3 * said >= 2 * len(specific)


def _spellings(concept: Concept) -> tuple[list[str], list[str]]:
    """A name's spellings said whole, and its single words (with the given name of a stored
    person) that count only where the person is mentioned."""
    keys = [k for k in concept.keys if k]
    whole = [k for k in keys if " " in k or not concept.entity_ids]
    parts = [k for k in keys if " " not in k]
    first = _given_name(concept.forms[0]) if concept.entity_ids else None
    return whole, [*parts, *([first] if first else [])]


def _word_keys(concept: Concept) -> frozenset[str]:
    """The stems that say a word of the question."""
    keys = set(concept.keys)
    if keys & _PROPOSAL_STEMS:
        # "Peru's call" is "the proposal" rejected; but "called", said of anyone, is no
        # proposal of the question's kind.
        keys |= _PROPOSAL_STEMS - _CALL_STEMS
    return frozenset(keys)


def _given_name(name: str) -> str | None:
    """The given name of a full name, as plain words, when it is long enough to be told from
    ordinary words ("Tomasz Okonkwo-Reyes" -> "tomasz")."""
    parts = name.split()
    if len(parts) < 2 or len(parts[0]) < 4 or parts[0].endswith("."):
        return None
    return plain(parts[0]) or None


def _before(facts: FactBase, sentence: Sentence, count: int) -> list[str]:
    """The sentence with the ``count`` sentences before it in its report."""
    texts = [
        s.text
        for s in facts.store.sentences(sentence.article_id)
        if sentence.index - count <= s.index < sentence.index
    ]
    return [*texts, sentence.text]


def _events_told(facts: FactBase, sentence: Sentence) -> tuple[str, ...]:
    """The stored events whose evidence is the sentence: a follow-up ("and where?") asks
    about them."""
    return tuple(
        event_key(event)
        for event in facts.store.events(article_ids=[sentence.article_id], limit=20)
        if any(
            e.article_id == sentence.article_id
            and e.start < sentence.end
            and sentence.start < e.end
            for e in event.evidence
        )
    )
