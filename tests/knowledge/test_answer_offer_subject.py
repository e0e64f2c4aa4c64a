"""Asked for one company's offer, a reply must not give another company's offer: the body
named in the question must be the one the answer is about, or the engine says it doesn't know.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import says_unknown

NOW = datetime(2038, 5, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-varnel-bid",
        "title": "Varnel Group bids for Tarnbridge exchange",
        "published": "2038-05-10",
        "source": "Money Wire",
        "text": (
            "Varnel Group has offered 1.3 billion crowns for the Tarnbridge Stock Exchange, "
            "the company said on Monday.\n\n"
            "Rival bourse Olbekon is also thought to be interested in the exchange, "
            "but has not made a formal approach.\n\n"
            "Shares in the exchange rose 4% after the announcement."
        ),
    },
    {
        "id": "mini-olbek-options",
        "title": "Olbekon studies options",
        "published": "2038-05-12",
        "source": "Harbour Times",
        "text": (
            "Olbekon is studying a possible counter-bid for the Tarnbridge Stock Exchange, "
            "people familiar with the matter said.\n\n"
            "Olbekon declined to comment."
        ),
    },
]


def test_another_bidders_offer_is_no_answer(mini_engine: Engine) -> None:
    answer = mini_engine.answer("how much is olbekon offering for the tarnbridge stock exchange?")
    assert "1.3 billion" not in answer.summary + " ".join(f.text for f in answer.facts)
    assert says_unknown(answer.summary)


def test_the_bidder_asked_about_still_gets_its_offer(mini_engine: Engine) -> None:
    answer = mini_engine.answer(
        "how much is varnel group offering for the tarnbridge stock exchange?"
    )
    assert "1.3 billion" in answer.summary + " ".join(f.text for f in answer.facts)
