"""'Who runs X' asks for the head of X, and a body written once as "Tarnbridge Stock
Exchange (TSE)" is the same body when asked by its long name or its acronym.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine

NOW = datetime(2038, 4, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-tse-bid",
        "title": "Exchange rejects takeover bid",
        "published": "2038-04-10",
        "source": "Money Wire",
        "text": (
            "The Tarnbridge Stock Exchange (TSE) has rejected a takeover bid from a rival.\n\n"
            "TSE chief executive Marta Quellin said the offer undervalued the company.\n\n"
            "“Our shareholders deserve more,” Quellin said."
        ),
    },
    {
        "id": "mini-tse-other",
        "title": "Rival weighs new offer",
        "published": "2038-04-12",
        "source": "Harbour Times",
        "text": (
            "Olbek Bourse is weighing a higher offer for the TSE, analyst Janos Verrit said.\n\n"
            "“A deal is likely this year,” Verrit said."
        ),
    },
    {
        "id": "mini-trade-talks",
        "title": "Trade talks resume",
        "published": "2038-04-14",
        "source": "Harbour Times",
        "text": (
            "Chile's president, Ostrel Maun, welcomed the resumption of trade talks.\n\n"
            "Deputy premier Ilse Varga leads the Chilean negotiators, officials said."
        ),
    },
]


def test_who_runs_the_long_name_is_the_head_of_its_acronym(mini_engine: Engine) -> None:
    answer = mini_engine.answer("who runs the tarnbridge stock exchange")
    assert "Quellin" in answer.summary


def test_who_runs_the_acronym(mini_engine: Engine) -> None:
    answer = mini_engine.answer("who runs the TSE")
    assert "Quellin" in answer.summary


def test_who_heads_the_acronym_by_its_role(mini_engine: Engine) -> None:
    answer = mini_engine.answer("who is the chief executive of the tarnbridge stock exchange")
    assert "Quellin" in answer.summary


def test_who_leads_a_group_named_by_a_demonym_is_not_the_countrys_head(
    mini_engine: Engine,
) -> None:
    # "the Chilean negotiators" are people, not the country: its president is no answer.
    answer = mini_engine.answer("Who leads the Chilean negotiators?")
    text = answer.summary + " ".join(fact.text for fact in answer.facts)
    assert "Varga" in text
    assert "Maun" not in answer.summary
