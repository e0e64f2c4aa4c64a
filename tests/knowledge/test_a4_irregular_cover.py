"""A question's irregular verb ("held", "told", "won") counts as said by a sentence saying it
(or another of its forms) though the word's stem starts otherwise ("hold"). Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from knowledge.answering.search import _concept, _covered, plain_words
from tests.knowledge.asking import ask

NOW = datetime(2031, 4, 9, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "fish-1",
        "title": "Velmar fishing deal under fire",
        "published": "2031-04-07",
        "source": "Harbour Times",
        "url": "https://example.org/fish1",
        "text": "The Guardian reported that Velmar's foreign minister Mara Lind held a "
        "news conference on Monday on the fishing deal with Ostrica.\n\nFishermen in the north "
        "protested against the fishing deal on Tuesday.\n\nThe deal runs for ten years.",
    },
]


def test_irregular_forms_cover_the_word() -> None:
    for word, text in [
        ("held", "the minister held a news conference"),
        ("hold", "the minister held a news conference"),
        ("told", "she told reporters"),
        ("won", "Ostrava won the cup"),
        ("brought", "they bring the cup home"),
    ]:
        words = plain_words(text)
        assert _covered(words, words.split(), _concept("word", [word])), word


def test_who_reported_with_an_irregular_verb(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "who reported that lind held a news conference on the deal?")
    assert reply.startswith("reported by the guardian")
