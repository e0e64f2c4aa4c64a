"""'Says who?', 'according to whom?', 'who said that?' after an answer: the body or person its
sentence cites (or the speaker of its quote), not the latest quotes nor the outlet alone.
Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowledge.answer import Engine
from knowledge.answering.cited import WHO_SAYS, cited_in
from tests.knowledge.asking import ask

NOW = datetime(2031, 3, 12, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "ferry-1",
        "title": "Ferry walkout enters third day at Korvik harbour",
        "published": "2031-03-10",
        "source": "Northern Ledger",
        "url": "https://example.org/ferry1",
        "text": "KORVIK – Ferry crews at Korvik harbour stayed off work for a third day on "
        "Monday.\n\nThe Korvik Chamber of Shipping Trade estimates that the walkout is costing "
        "the island economy about 4 million crowns a day.\n\nUnion leader Edda Solberg said: "
        '"We will stay out until the company talks to us."',
    },
    {
        "id": "grain-2",
        "title": "Drought halves grain harvest in the Velmar valley",
        "published": "2031-03-11",
        "source": "Valley Courier",
        "url": "https://example.org/grain2",
        "text": "Farmers in the Velmar valley lost half of their grain harvest to last "
        "summer's drought, according to the Regional Farming Institute.\n\nThe drought cost "
        "the valley about 90 million crowns in lost crops.",
    },
]


@pytest.mark.parametrize(
    "question",
    ["says who?", "according to whom?", "who said that?", "source?", "whose figures are those?"],
)
def test_follow_ups_asking_whose_claim(question: str) -> None:
    assert WHO_SAYS.match(question.rstrip("?") + "?")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The Korvik Chamber of Shipping Trade estimates that it costs 4m.", "Korvik Chamber"),
        ("Half the harvest was lost, according to the Regional Farming Institute.", "Regional"),
        ("According to the Harbour Board, the strike cost 3m crowns a day.", "Harbour Board"),
        ("The talks will resume on Friday, the Ministry of Transport said on Tuesday.", "Ministry"),
        ("Exports fell by a tenth, figures from the National Statistics Office show.", "National"),
    ],
)
def test_cited_in_finds_the_source(sentence: str, source: str) -> None:
    found = cited_in(sentence)
    assert found is not None and source in found


@pytest.mark.parametrize(
    "sentence",
    ["He said the talks would resume.", "The strike cost the economy 4m crowns a day."],
)
def test_cited_in_leaves_uncited_sentences(sentence: str) -> None:
    assert cited_in(sentence) is None


def test_says_who_names_the_cited_body(mini_engine: Engine) -> None:
    ask(mini_engine, "how much is the walkout costing the island economy", chat_id=1)
    reply = ask(mini_engine, "says who?", chat_id=1)
    assert reply.startswith("according to the korvik chamber of shipping trade")
    assert "4 million crowns" in reply


def test_according_to_whom_names_the_cited_body(mini_engine: Engine) -> None:
    ask(mini_engine, "how much grain did the velmar valley lose", chat_id=2)
    reply = ask(mini_engine, "according to whom?", chat_id=2)
    assert "regional farming institute" in reply.split("\n")[0]


def test_who_said_that_after_quotes_names_the_speaker(mini_engine: Engine) -> None:
    ask(mini_engine, "what did edda solberg say", chat_id=3)
    reply = ask(mini_engine, "who said that?", chat_id=3)
    assert reply.startswith("edda solberg")
