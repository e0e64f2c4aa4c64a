"""A bare surname read as its most mentioned bearer, when another bearer is the one quoted on
the topic asked ("campbell" on North Korea in a large base): the other bearer's quotes, said
so; and page clutter repeated in many articles does not make a surname an ordinary word.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import says_unknown

NOW = datetime(2036, 1, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    *(
        {
            "id": f"mini-ronan-hale-{n}",
            "title": f"Ronan Hale on the budget, part {n}",
            "published": f"2036-01-{n + 1:02d}",
            "source": "Harbour Times",
            "text": (
                f"Ronan Hale, the finance spokesman, spoke about the budget on day {n} of "
                "the debate.\n\n"
                f"“The budget has {n} holes in it,” Hale said.\n\n"
                # Page clutter under every column, written in lower case.
                "ronan hale\n\nphotos by ronan hale\n\nfollow ronan hale"
            ),
        }
        for n in range(1, 7)
    ),
    {
        "id": "mini-tessa-hale",
        "title": "Quota row deepens",
        "published": "2036-01-12",
        "source": "Fishing News Daily",
        "text": (
            "Fisheries envoy Tessa Hale warned the neighbours over fishing quotas on "
            "Monday.\n\n"
            "“Our fleets have just about had enough of these fishing quotas,” Hale said."
        ),
    },
]


def test_another_bearer_of_the_surname_quoted_on_the_topic(mini_engine: Engine) -> None:
    answer = mini_engine.answer("what did hale say about fishing quotas?")
    assert any("had enough" in q.text for q in answer.quotes)
    assert "Tessa Hale" in answer.summary


def test_the_most_mentioned_bearer_still_answers_on_their_own_topic(
    mini_engine: Engine,
) -> None:
    # "hale" is a name here, though clutter writes it in lower case under every column.
    answer = mini_engine.answer("what did hale say about the budget?")
    assert "Ronan Hale" in answer.summary
    assert answer.quotes
    assert all(q.speaker == "Ronan Hale" for q in answer.quotes)


def test_no_bearer_on_the_topic_is_an_honest_not_found(mini_engine: Engine) -> None:
    answer = mini_engine.answer("what did hale say about the railways?")
    assert not answer.known
    assert says_unknown(answer.summary)
