"""The act a "who did it" question asks about, and whether a sentence tells of it.

"Who won the regatta?" is answered by a sentence saying who won: sentences that only name the
regatta share the topic, not the answer, and must not be passed off as one.
"""

from __future__ import annotations

import re

from knowledge.answering.intents import Intent
from knowledge.answering.query import Query
from knowledge.answering.text import SYNONYM_STEMS, fold, stem, stems, words_of

# "who won ...", "which team won ...", "what company bought ...": the verb right after the
# question word (an auxiliary there, "who is", "which team did", asks something else).
_WHO_DID = re.compile(
    r"^(?:and |so )?(?:who|which(?: \w+){1,2}?|what(?: \w+){1,2}?) (?P<verb>\w+)\b"
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
