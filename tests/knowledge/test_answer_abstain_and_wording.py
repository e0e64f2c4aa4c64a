"""Honest replies and clear wording seen lacking on held-out articles: a "who reported X"
naming someone no article mentions, and mediators listed apart from the parties.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine, render_text

NOW = datetime(2034, 2, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-vance-riyadh",
        "title": "Nadia Vance tells Saudi women to push for change",
        "published": "2034-02-08",
        "source": "Lima Post",
        "text": (
            "Nadia Vance spoke to a group of women leaders in Saudi Arabia on Sunday.\n\n"
            "The women attending the event with Nadia Vance were local leaders, the Gulf "
            "Ledger reported.\n\n"
            "“There is still a lot of work to be done,” Vance said."
        ),
    },
    {
        "id": "mini-saudi-envoy",
        "title": "Envoy meets Saudi king over missing writer",
        "published": "2034-02-09",
        "source": "Desert Wire",
        "text": (
            "US envoy Tomas Reyes met Saudi King Faisal in Riyadh on Tuesday.\n\n"
            "Nadia Vance was not part of the delegation, officials said."
        ),
    },
    {
        "id": "mini-geneva-talks",
        "title": "Armenia and Azerbaijan to hold talks in Geneva",
        "published": "2034-02-10",
        "source": "Alpine Wire",
        "text": (
            "Armenia and Azerbaijan will hold talks in Geneva on Friday, with mediators "
            "from Switzerland and Norway.\n\n"
            "“We hope for progress,” Swiss envoy Lukas Brenner said."
        ),
    },
    {
        "id": "mini-budget",
        "title": "Finance minister defends budget",
        "published": "2034-02-11",
        "source": "Harbour Times",
        "text": (
            "Finance minister Odile Marchetti defended the budget on Wednesday.\n\n"
            "“Growth is strong,” Marchetti said."
        ),
    },
]


def test_who_reported_someone_no_article_names_is_an_honest_not_found(
    mini_engine: Engine,
) -> None:
    answer = mini_engine.answer("Who reported Zebulon Quarry's resignation?")
    assert not answer.known
    assert "couldn't find" in answer.summary
    assert "Zebulon Quarry" in answer.summary


def test_who_reported_a_known_name_still_names_the_outlet(mini_engine: Engine) -> None:
    answer = mini_engine.answer("Who reported Marchetti's budget?")
    assert "Harbour Times" in answer.summary


def test_mediators_get_their_own_line(mini_engine: Engine) -> None:
    answer = mini_engine.answer("Who is attending the Geneva talks?")
    reply = render_text(answer)
    assert "(mediator)" not in reply
    mediators = [f.text for f in answer.facts if f.text.startswith("Mediators:")]
    assert mediators
    assert "Switzerland" in mediators[0] and "Norway" in mediators[0]
    assert "Armenia" in answer.summary and "Norway" not in answer.summary


def test_who_reported_a_claim_names_the_outlets_saying_it_not_a_meeting_sharing_a_name(
    mini_engine: Engine,
) -> None:
    answer = mini_engine.answer("Who reported Vance's remarks to Saudi women?")
    assert "Lima Post" in answer.summary
    assert "Desert Wire" not in answer.summary
