"""The spans of a word and its regular forms in a folded text, found without a regex, are
those of the pattern they replace."""

from __future__ import annotations

import random
import re

from knowledge.answering.facts import _word_forms_at


def pattern_spans(word: str, text: str) -> list[tuple[int, int]]:
    pattern = re.compile(
        rf"(?<![\w-]){re.escape(word)}(s|es|ed|ing|er|ers)?(?![\w-])", re.IGNORECASE
    )
    return [m.span() for m in pattern.finditer(text)]


def test_forms_and_boundaries() -> None:
    text = "meet meets meeting meetings re-meet meeter meet_up meet-up, meet."
    # Not 'meetings' (no such ending), 're-meet', 'meet_up' or 'meet-up'.
    assert _word_forms_at("meet", text) == [(0, 4), (5, 10), (11, 18), (36, 42), (60, 64)]
    assert _word_forms_at("meet", text) == pattern_spans("meet", text)
    assert _word_forms_at("MEET", text) == pattern_spans("MEET", text)
    assert _word_forms_at("wall", "walls") == [(0, 5)]
    assert _word_forms_at("wall", "wallet") == []


def test_non_ascii_takes_the_pattern() -> None:
    text = "café cafés the café-bar"
    assert _word_forms_at("café", text) == pattern_spans("café", text)
    assert _word_forms_at("caf", text) == pattern_spans("caf", text)


def test_random_texts_match_the_pattern() -> None:
    chance = random.Random(7)
    for _ in range(5000):
        word = "".join(chance.choice("aemnst1") for _ in range(chance.randint(1, 3)))
        text = "".join(chance.choice("aemnst-_ .'1") for _ in range(chance.randint(0, 30)))
        assert _word_forms_at(word, text) == pattern_spans(word, text), (word, text)
