"""The act a "who did it" question asks about, and whether a sentence tells of it.

"Who won the regatta?" is answered by a sentence saying who won: sentences that only name the
regatta share the topic, not the answer, and must not be passed off as one.
"""

from __future__ import annotations

import re
from datetime import date

from knowledge.answering.facts import FactBase
from knowledge.answering.intents import Intent
from knowledge.answering.query import Query
from knowledge.answering.text import SYNONYM_STEMS, fold, stem, stems, words_of
from knowledge.models import EntityKind

# "who won ...", "which team won ...", "what company bought ...": the verb right after the
# question word (an auxiliary there, "who is", "which team did", asks something else).
_WHO_DID = re.compile(
    r"^(?:and |so )?(?:who|which(?: \w+){1,2}?|what(?: \w+){1,2}?)(?: else)?"
    # "who will succeed X", "who could challenge X": the act after a modal.
    r"(?: (?:will|would|could|might|may|can|should|shall|is going to|is set to|is expected to|"
    r"are going to)(?= \w+ \w))? (?P<verb>\w+)\b"
)
_AUXILIARIES = frozenset(
    words_of(
        """
        is was are were be been did does do has have had will would can could should shall
        may might must not s
        """
    )
)
# Nouns of the same act: "the winner", "a victory" say who won.
_ACT_NOUNS = {
    "win": ("winn", "victor", "champion", "beat", "defeat"),
    "beat": ("defeat", "win", "winn", "victor"),
    "kill": ("die", "dead", "death", "murder"),
    "buy": ("bought", "acquir", "purchas", "takeover"),
    "invent": ("inventor", "invention"),
    "found": ("founder",),
    "lead": ("leader",),
}


def asked_act(query: Query) -> tuple[str, ...]:
    """Stems that tell of the act a "who did it" search question asks about ('who won' ->
    win, winn, victor, ...), or () when the question asks no such act."""
    if query.intent is not Intent.SEARCH:
        return ()
    match = _WHO_DID.search(query.text)
    if match is None:
        return ()
    verb = match.group("verb")
    if verb in _AUXILIARIES or verb not in query.terms:
        return ()
    base = stem(verb)
    if len(base) < 3:
        return ()
    return (base, *SYNONYM_STEMS.get(base, ()), *_ACT_NOUNS.get(base, ()))


def tells_act(act: tuple[str, ...], text: str) -> bool:
    """Whether the sentence has a word of the act (its stem, or a word starting with it)."""
    said = stems(text)
    if said.intersection(act):
        return True
    return any(word.startswith(a) for a in act for word in said) or any(
        a in fold(text) for a in act if len(a) >= 5
    )


# "Does X want ...?", "is X going to ...?": a yes/no question whose subject is a person.
_YES_NO = re.compile(
    r"^(?:and |so )?(?:does|did|do|is|was|has|have|had|will|would|can|could|should) (?P<rest>.+)$"
)
# After a name, words that make it no subject: "Corvo's", "the Corvo administration".
_NOT_SUBJECT_AFTER = re.compile(
    r"^(?:['’]s?\b|\s+(?:administration|campaign|government|team|family|aides?|allies|"
    r"officials?|era|presidency|organisation|organization|tower|white house)\b)"
)
_NOT_SUBJECT_BEFORE = re.compile(
    r"\b(?:the|of|to|with|by|against|for|on|from|about|at|keep|kept|told|tell|urged|urge|asked|"
    r"ask|called|met|meet|thanked|praised|criticised|criticized|warned|persuade|persuaded|"
    r"pressed|lobbied|and)\s+(?:(?:mr|mrs|ms|dr)\.?\s+|president\s+)?$",
    re.IGNORECASE,
)


def asked_person_forms(facts: FactBase, query: Query) -> list[str]:
    """The spellings of the person a yes/no question is about ("does Corvo want a deal?"),
    or [] when it is about no one person."""
    if query.intent is not Intent.SEARCH or len({name for _, name in query.people}) != 1:
        return []
    match = _YES_NO.search(query.text)
    if match is None:
        return []
    rest = match.group("rest")
    link = next(
        (
            link
            for link in query.links
            if link.kind is EntityKind.PERSON and rest.startswith(link.surface)
        ),
        None,
    )
    if link is None:
        return []
    forms = facts.name_forms(link)
    # The surname alone is how a report names the person after the first mention.
    forms.append(link.name.split()[-1])
    return [f for f in dict.fromkeys(forms) if len(f) > 2]


def names_as_subject(forms: list[str], text: str) -> bool:
    """Whether the sentence names the person as someone acting or speaking, not as a
    qualifier ("Corvo's", "the Corvo administration") or an object ("told Corvo")."""
    for form in forms:
        for match in re.finditer(rf"\b{re.escape(form)}\b", text):
            if _NOT_SUBJECT_AFTER.search(text[match.end() :]):
                continue
            if _NOT_SUBJECT_BEFORE.search(text[: match.start()]):
                continue
            return True
    return False


_PRESENT = re.compile(r"^(?:and |so )?(?:does|do|is|are|has|have|will)\b")


def newest_telling(query: Query, coverage: float, day: date) -> tuple[bool, float, date]:
    """The order of a person's sentences for a yes/no question: in the present tense ("does
    X want a deal?") what X says now matters, so nearly full matches go newest first; in
    the past tense the best match first."""
    if _PRESENT.search(query.text):
        return (round(coverage, 1) >= 0.9, 0.0, day)
    return (True, round(coverage, 1), day)


# Words that say when: days, months, years, spans and relative times.
_TIME_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|"
    r"jul|aug|sep|sept|oct|nov|dec|today|tomorrow|yesterday|tonight|weekend|weeks?|months?|"
    r"years?|days?|hours?|minutes?|morning|evening|afternoon|night|noon|midnight|spring|"
    r"summer|autumn|winter|soon|since|until|till|ago|decades?|centur(?:y|ies)|"
    r"(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)|dawn|dusk|overnight|immediately|"
    r"(?:\d{1,2}[:.]\d\d)|(?:\d{1,2}\s?(?:am|pm)))\b",
    re.IGNORECASE,
)


def asks_when(query: Query) -> bool:
    """A "when" question answered from sentences: one of them must say when."""
    return "when" in query.parsed.aspects and query.intent in (Intent.EVENT, Intent.SEARCH)


def tells_when(text: str) -> bool:
    """Whether the sentence says when (a day, a date, a span, a relative time)."""
    return bool(_TIME_WORDS.search(text))


# A place written after a preposition ("in Oslo", "to the Hague") or a place noun.
_PLACE_SAID = re.compile(
    r"\b(?:in|at|to|from|near|outside|inside|into|across|towards?|via|on)\s+(?:the\s+)?"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w'’-]+"
    r"|\b(?:home|house|hospital|city|town|village|capital|country|region|province|state|"
    r"embassy|headquarters|office|airport|port|border|island|venue|hotel|palace|summit)\b"
)


def asks_where(query: Query) -> bool:
    """A "where" question answered from sentences: one of them must name a place."""
    return "where" in query.parsed.aspects and query.intent in (Intent.EVENT, Intent.SEARCH)


def tells_where(text: str) -> bool:
    """Whether the sentence names a place (a capitalised name after a preposition of place,
    or a noun of place)."""
    return bool(_PLACE_SAID.search(text))
