"""Cue words and patterns shared by the quote stages (reporting verbs, adjunct openers)."""

from __future__ import annotations

import re

from knowledge.extract.gazetteer import REPORTING_VERBS, trie_pattern, words_of

# A cue: any form of a reporting verb, plus the few multi-word ones.
CUE = re.compile(
    r"\b(?:(?:was|were|is|are|being) quoted(?: as saying)?|(?:point|points|pointed|pointing) out|"
    + trie_pattern(set(REPORTING_VERBS))
    + r")\b"
)


# Words that open an adjunct, not a reported clause: "said during an interview", "said while".
ADJUNCT_OPENERS = frozenset(
    words_of(
        """during while in at on after before when referring as because with without from
        following speaking adding noting citing outside inside through via over under since
        until upon amid of for about by to so and or but if whether than then according"""
    )
)


WORDISH = re.compile(r"[\w’'-]+")
