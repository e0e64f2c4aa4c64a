"""Abstention without padding: a question whose point no article answers says it does not
know, and offers only what is known about whom it names, not reports that merely share its
words. Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask, says_unknown

NOW = datetime(2031, 7, 2, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "bank-1",
        "title": "Orlen Bank profits climb",
        "published": "2031-06-30",
        "source": "Money Weekly",
        "url": "https://example.org/bank1",
        "text": "Orlen Bank's chief executive Hugo Tarrant said the bank had a strong year.\n\n"
        "Profits rose 9% to £1.2bn.\n\nMr Tarrant declined to comment on merger reports.",
    },
    {
        "id": "coach-2",
        "title": "Rovers coach resigns after defeat",
        "published": "2031-07-01",
        "source": "Sports Desk",
        "url": "https://example.org/coach2",
        "text": "The Rovers coach Dan Ebbe resigned on Tuesday after a heavy defeat.\n\n"
        "He said he had resigned to give the club a fresh start.",
    },
    {
        "id": "court-3",
        "title": "Two plead guilty to fraud",
        "published": "2031-07-01",
        "source": "Daily Ledger",
        "url": "https://example.org/court3",
        "text": "Two former managers pleaded guilty to fraud on Monday.\n\n"
        "They will be sentenced next month.",
    },
]


def test_did_x_resign_offers_only_reports_about_x(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "did hugo tarrant resign")
    assert says_unknown(reply)
    assert "rovers" not in reply
    assert "orlen bank profits climb" in reply


def test_did_x_plead_guilty_is_not_padded_with_others_pleas(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "did hugo tarrant plead guilty")
    assert says_unknown(reply)
    assert "pleaded guilty" not in reply


def test_who_will_succeed_x_abstains(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "who will succeed hugo tarrant as chief executive of orlen bank")
    assert says_unknown(reply)
