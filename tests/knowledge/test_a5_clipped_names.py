"""A stored name that ends in "and", "of" or "the" is a phrase clipped by the extraction
("U.S. AND", "OVER SHOT OF"), no name: at 10k articles "what did the US and Japan agree?"
was read as a question about an organisation called "U.S. AND"."""

from __future__ import annotations

from knowledge.answering.linking import EntityLinker
from knowledge.models import EntityKind

NAMES = [
    ("organisation:u-s-and", "U.S. AND", EntityKind.ORGANISATION),
    ("organisation:over-shot-of", "OVER SHOT OF", EntityKind.ORGANISATION),
    ("country:united-states", "United States", EntityKind.COUNTRY),
    ("country:japan", "Japan", EntityKind.COUNTRY),
    ("organisation:bank-of-england", "Bank of England", EntityKind.ORGANISATION),
]
ALIASES = [("US", "United States", EntityKind.COUNTRY)]


def _linked(question: str) -> list[str]:
    linker = EntityLinker(NAMES, ALIASES)
    return [link.name for link in linker.link(question)]


def test_a_clipped_phrase_is_no_name() -> None:
    assert _linked("what did the us and japan agree") == ["United States", "Japan"]


def test_names_with_those_words_inside_still_link() -> None:
    assert _linked("what did the bank of england decide") == ["Bank of England"]
