"""A title held for a body the fact base stores no role for ("the head of Veltgas", "Veltgas's
chief") names whoever a report calls so when quoting them; an abstention offers the reports
that share words with the question, never the most mentioned names of the whole base.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowledge.answer import Engine
from tests.knowledge.asking import ask, says_unknown

NOW = datetime(2031, 6, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-veltgas-deal",
        "title": "Moldova signs pipeline gas deal",
        "published": "2031-06-02",
        "source": "Energy Wire",
        "text": (
            "Moldova has agreed to buy pipeline gas from Romania for the next five years.\n\n"
            "The head of the national Veltgas energy company, Anatol Brumaru, said he was "
            '"entirely satisfied" with the price.\n\n'
            "The deal was sealed after two weeks of talks in Bucharest."
        ),
    },
    {
        "id": "mini-ferry-talks",
        "title": "Ferry talks set for Tallinn",
        "published": "2031-06-04",
        "source": "Baltic Wire",
        "text": (
            "Estonia's chief negotiator, Deputy Minister Ola Brandt, and the director of "
            "Finland's Office for Ferries, Kai Lindqvist, will meet in Tallinn on Monday.\n\n"
            "The talks will cover winter timetables."
        ),
    },
    *(
        {
            "id": f"mini-france-{n}",
            "title": f"France and Germany discuss budget rules, round {n}",
            "published": f"2031-06-{3 + n:02d}",
            "source": "Euro Daily",
            "text": (
                "France and Germany held talks on the budget rules on Monday.\n\n"
                "France wants more room for defence spending."
            ),
        }
        for n in range(5)
    ),
]


@pytest.mark.parametrize(
    "question",
    [
        "what did the head of veltgas say about the deal",
        "what did veltgas's chief say",
        "what did the head of the national energy company say",
    ],
    ids=["head-of", "possessive", "described-body"],
)
def test_a_title_of_a_body_names_the_speaker_the_report_calls_so(
    mini_engine: Engine, question: str
) -> None:
    reply = ask(mini_engine, question)
    assert "entirely satisfied" in reply
    assert "anatol brumaru" in reply


def test_who_holds_a_title_is_the_name_set_beside_it(mini_engine: Engine) -> None:
    assert "anatol brumaru" in ask(mini_engine, "who is the head of veltgas?")
    reply = ask(mini_engine, "who is the director of finland's office for ferries?")
    # The name beside the title, not the person named just before it in the sentence.
    assert reply.startswith("kai lindqvist")
    assert not reply.startswith("ola brandt")


def test_a_title_holder_never_quoted_is_named_in_the_abstention(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did the director of finland's office for ferries say?")
    assert says_unknown(reply)
    assert "kai lindqvist" in reply


def test_a_title_of_a_body_nobody_is_quoted_for_still_abstains(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did the head of the ferry company say")
    assert says_unknown(reply)
    assert "entirely satisfied" not in reply


def test_an_abstention_offers_the_reports_sharing_its_words(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "who won the pipeline tender in chisinau?")
    assert says_unknown(reply)
    assert "moldova signs pipeline gas deal" in reply
    # Not the most mentioned names of the whole base, which relate to nothing asked.
    assert "i know about" not in reply
    assert "budget rules" not in reply


def test_an_abstention_sharing_no_words_offers_nothing(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "who won the chess olympiad?")
    assert says_unknown(reply)
    assert "france" not in reply
    assert "related reports" not in reply
