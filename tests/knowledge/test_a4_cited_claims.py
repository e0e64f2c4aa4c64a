"""'Who reported that X held a news conference on the deal?': the sentence naming its source
answers, though another report's sentence that cites nobody says more of the question's
words. Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask

NOW = datetime(2031, 6, 20, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "cite-1",
        "title": "Velmar's secret side letter photographed",
        "published": "2031-06-18",
        "source": "Harbour Times",
        "url": "https://example.org/cite1",
        "text": "The Guardian reported that Velmar's foreign minister Mara Lind held a news "
        "conference on Monday on the deal previously reached with Ostrica.\n\nA photographer "
        "later captured a page of a side letter.",
    },
    {
        "id": "talks-2",
        "title": "Velmar and Ostrica officials meet again",
        "published": "2031-06-19",
        "source": "Coastal Herald",
        "url": "https://example.org/talks2",
        "text": "Mara Lind held a second day of talks on migration on Thursday, with "
        "markets hoping for a deal.\n\nThe talks resume next week.",
    },
]


def test_the_citing_sentence_answers(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "who reported that lind held a news conference on the migration deal?")
    assert reply.startswith("reported by the guardian")


def test_claim_sources_prefer_a_citing_sentence(mini_engine: Engine) -> None:
    # The step itself, whatever the meeting's record says of who reported it.
    from knowledge.answering.overview import _claim_sources
    from knowledge.answering.reading import read_question

    facts = mini_engine._facts
    query = read_question(
        facts, "who reported that lind held a news conference on the migration deal?", NOW
    )
    claim = _claim_sources(facts, query, cited_only=True)
    assert claim is not None
    assert claim.summary.startswith("Reported by The Guardian")
