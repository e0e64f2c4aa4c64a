"""A full name typed with a misspelt surname whose first name is another person's surname
("gordon brwn" when an analyst called Gordon is stored): the full name, not the namesake.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine

NOW = datetime(2038, 2, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-brawn-budget",
        "title": "Finance minister defends budget",
        "published": "2038-02-10",
        "source": "Money Wire",
        "text": (
            "Finance minister Lucan Brawnley defended the budget on Wednesday.\n\n"
            "“Growth is strong,” Brawnley said."
        ),
    },
    {
        "id": "mini-lucan-analyst",
        "title": "Analyst doubts growth figures",
        "published": "2038-02-11",
        "source": "Harbour Times",
        "text": (
            "Helena Lucan, an analyst at Tarn Capital, doubted the growth figures.\n\n"
            "“The numbers do not add up,” Lucan said."
        ),
    },
]


def test_a_first_name_that_is_also_a_surname_with_a_misspelt_surname(
    mini_engine: Engine,
) -> None:
    answer = mini_engine.answer("who is lucan brawnly")
    assert "Lucan Brawnley" in answer.summary
    assert "Helena" not in answer.summary


def test_the_surname_alone_is_still_its_bearer(mini_engine: Engine) -> None:
    answer = mini_engine.answer("who is lucan")
    assert "Helena Lucan" in answer.summary
