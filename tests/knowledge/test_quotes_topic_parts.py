"""The topic test of quote answers: which parts of a topic a text says (names whole, other
words by stem), compared with the word-by-word reading it must equal."""

from __future__ import annotations

import pytest

from knowledge.answering.quotes import _Part, _parts_in
from knowledge.answering.text import plain, prefixed_words, stem, stem_prefixes


def _word_by_word(text: str, part: _Part) -> bool:
    """The plain definition: some word of the text has the part's first two letters and stem."""
    return any(t[:2] in part.prefixes and stem(t) == part.stem for t in plain(text).split())


def _word_part(term: str) -> _Part:
    return _Part(
        stem=stem(term),
        prefixes=stem_prefixes(term),
        stemmed=prefixed_words(stem_prefixes(term)),
    )


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The ministers met in Geneva on Tuesday.", "meeting"),
        ("They will meet again.", "meeting"),
        ("Sanctions were eased, officials said.", "sanction"),
        ("No word on sanctioning anyone.", "sanction"),
        ("It went well, she said.", "go"),
        ("A vote on the tariffs is due.", "tariff"),
        ("Tariff-free trade, the U.S. said.", "tariff"),
        ("He said a deal was close.", "a"),
        ("Nothing about it here.", "tariff"),
        ("", "meeting"),
    ],
)
def test_word_parts_match_the_word_by_word_reading(text: str, term: str) -> None:
    part = _word_part(term)
    assert (0 in _parts_in(text, [part])) is _word_by_word(text, part)


def test_one_letter_prefix_matches_only_the_one_letter_word() -> None:
    pattern = prefixed_words(frozenset({"a", "me"}))
    assert pattern.findall(" a man met an ally a ") == ["a", "met", "a"]


def test_names_and_words_together() -> None:
    parts = [_Part(names=(" north korea ",)), _word_part("talks")]
    assert _parts_in("North Korea rejected the talk offer.", parts) == {0, 1}
    assert _parts_in("Korea's north is far.", parts) == set()


def test_a_part_built_without_its_pattern_still_works() -> None:
    part = _Part(stem=stem("summit"), prefixes=stem_prefixes("summit"))
    assert _parts_in("The summits ended.", [part]) == {0}
