"""'Who reported that <fact>?' credits the outlet a sentence names as its own source
("The Daily Ledger reported that ...", "According to Reuters, ..."), not the outlets the
sentences around it cite for other matters. Invented articles, read, extracted and stored
for real."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask

NOW = datetime(2030, 3, 20, 12, tzinfo=UTC)

ARTICLES = [
    {
        # Each sentence names its own source; the question asks about the first one's fact.
        "id": "tessany-farmers",
        "title": "Farmers block roads across Tessany",
        "published": "2030-03-10",
        "source": "USA Today",
        "url": "https://example.org/t1",
        "text": "Farmers blocked roads across Tessany on Friday.\n\nAccording to Reuters, "
        "the agriculture minister offered new subsidies to grain growers.\n\nThe Associated "
        "Press reported that the blockade cost exporters millions.",
    },
    {
        "id": "velmar-protest",
        "title": "Protest outside Velmar parliament",
        "published": "2030-03-11",
        "source": "USA Today",
        "url": "https://example.org/v1",
        "text": "Protesters gathered outside parliament in Velmar on Sunday.\n\nThe Guardian "
        "reported that police had used tear gas against the crowd near the station.\n\n"
        "Al Jazeera said that the protest lasted four hours.",
    },
    {
        "id": "marenza-port",
        "title": "Port strike halts grain exports in Marenza",
        "published": "2030-03-12",
        "source": "USA Today",
        "url": "https://example.org/m1",
        "text": "Dockworkers in the port of Marenza walked off the job on Monday.\n\nThe "
        "Washington Post reported that the government had offered the union a 12 percent "
        "pay rise before talks collapsed.\n\nReuters reported on Tuesday that ship owners "
        "were diverting cargo vessels to neighbouring ports.",
    },
]


def _summary(engine: Engine, question: str) -> str:
    return ask(engine, question).splitlines()[0]


def test_according_to_opening_the_sentence_credits_its_outlet(mini_engine: Engine) -> None:
    # "According to" with a capital A was no citing cue: the neighbour's outlet answered.
    summary = _summary(mini_engine, "who reported that the agriculture minister offered subsidies")
    assert "reuters" in summary
    assert "associated press" not in summary
    assert "usa today" in summary  # the report relaying it


def test_outlet_reported_that_is_credited_alone(mini_engine: Engine) -> None:
    summary = _summary(mini_engine, "who reported that police used tear gas")
    assert "the guardian" in summary
    assert "al jazeera" not in summary  # it told of the protest's length, not the tear gas


def test_next_sentence_outlet_is_not_credited(mini_engine: Engine) -> None:
    summary = _summary(mini_engine, "who reported that the government offered the union a pay rise")
    assert "washington post" in summary
    assert "reuters" not in summary


def test_the_other_fact_still_credits_its_own_outlet(mini_engine: Engine) -> None:
    summary = _summary(mini_engine, "who reported that ship owners were diverting cargo vessels")
    assert "reuters" in summary
    assert "washington post" not in summary
