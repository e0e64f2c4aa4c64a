"""A straight quote mark that can only close (after a word or stop, before a space) in a
paragraph that opened no quote is a typo in the copy, not an opener: taken as one, it pairs
with the next real opener and the narration between them becomes a "quote"."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.extract.entities import find_entities
from knowledge.extract.quotes import find_quotes
from knowledge.extract.sentences import split_sentences
from knowledge.models import Article


def _quote_texts(text: str) -> list[str]:
    article = Article(id="t-stray", text=text, published=datetime(2026, 3, 4, tzinfo=UTC))
    sentences = split_sentences(article.id, text)
    quotes = find_quotes(article, sentences, find_entities(article, sentences))
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
    return [q.text for q in quotes]


def test_narration_between_a_stray_closing_mark_and_the_next_quote_is_no_quote() -> None:
    texts = _quote_texts(
        'Mayor Lena Okafor said the treasurer had asked for "a third of the reserve within a'
        ' week, with no figures" to justify it." She joined Councillor Brandt in calling the'
        ' request a "stunt."\n\n'
        '"We will look at the numbers line by line," Okafor said.'
    )
    assert not any("She joined Councillor Brandt" in t for t in texts)
    assert "We will look at the numbers line by line" in texts


def test_a_closing_mark_after_a_quote_that_was_opened_still_closes_it() -> None:
    texts = _quote_texts(
        'Okafor said: "We were promised figures." Brandt disagreed. "The figures exist,"'
        " Brandt said."
    )
    assert "We were promised figures." in texts or "We were promised figures" in texts
    assert any(t.startswith("The figures exist") for t in texts)
