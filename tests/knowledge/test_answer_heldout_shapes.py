"""Question shapes seen failing on unseen articles: a meeting of two named people, asked
where or when, is answered only by an event (or sentences) with both of them.

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
        "id": "mini-harlan",
        "title": "Prime Minister Rupert Harlan meets EU leaders in Brussels",
        "published": "2031-06-10",
        "source": "Kent Herald",
        "text": (
            "Prime Minister Rupert Harlan met European Union leaders in Brussels on Monday.\n\n"
            "“We had a frank exchange,” Harlan said after the talks."
        ),
    },
    {
        "id": "mini-osgood",
        "title": "Pensioners ignored, says charity",
        "published": "2031-06-11",
        "source": "Leeds Courier",
        "text": (
            "Charity director Marta Osgood said pensioners were being ignored by parties.\n\n"
            "“Older voters will decide this election,” Osgood said in York."
        ),
    },
    {
        "id": "mini-carla",
        "title": "Carla Moreno tells Saudi women to push for change",
        "published": "2031-06-12",
        "source": "Lima Post",
        "text": (
            "Carla Moreno praised Saudi women in a speech in Riyadh on Tuesday.\n\n"
            "Her remarks to Saudi women were first reported by the Gulf Ledger.\n\n"
            "“You are the future of this country,” Moreno said."
        ),
    },
    {
        "id": "mini-saudi-oil",
        "title": "Saudi Arabia raises oil output",
        "published": "2031-06-13",
        "source": "Oil Daily",
        "text": (
            "Saudi Arabia said on Wednesday it would raise oil output.\n\n"
            "Saudi officials said prices were too high, and Saudi women drivers were praised."
        ),
    },
    {
        "id": "mini-saudi-court",
        "title": "Saudi court jails blogger",
        "published": "2031-06-14",
        "source": "Desert Wire",
        "text": (
            "A Saudi court jailed a blogger on Thursday, Saudi state media said.\n\n"
            "Rights groups said Saudi Arabia must free the blogger."
        ),
    },
    {
        "id": "mini-display",
        "title": "New war museum opens in Dallas",
        "published": "2031-06-15",
        "source": "Texas Ledger",
        "text": (
            "A new war museum opened in Dallas on Friday.\n\n"
            "In the Iraq display it says flatly that no stockpiles of W.M.D. were found.\n\n"
            "Visitors also see a report on U.N. inspections in Iraq."
        ),
    },
    {
        "id": "mini-senate",
        "title": "Peers split over plans for the upper house",
        "published": "2031-06-16",
        "source": "Kent Herald",
        "text": (
            "Ministers published plans on Monday for the reform of the Harbour Board.\n\n"
            "Critics said the plans would leave the board weaker than before.\n\n"
            "Unions fear that the reform of the city docks will cost jobs."
        ),
    },
    {
        "id": "mini-chamber",
        "title": "Ministers unveil plan for elected upper house",
        "published": "2031-06-17",
        "source": "Leeds Courier",
        "text": (
            "Ministers on Tuesday unveiled a plan for a new elected second chamber.\n\n"
            "Its members would be called regional senators (RSs) and serve one long term.\n\n"
            "There would be 240 RSs, elected every nine years.\n\n"
            "One critic called the second chamber plan a waste of time."
        ),
    },
]


@pytest.fixture(scope="module")
def engine(mini_engine: Engine) -> Engine:
    return mini_engine


@pytest.mark.parametrize(
    "question",
    ["Where did Marta Osgood meet Rupert Harlan?", "When did Marta Osgood meet Rupert Harlan?"],
)
def test_meeting_of_two_people_needs_both(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert says_unknown(reply), reply
    assert "brussels" not in reply


def test_meeting_of_one_person_is_still_answered(engine: Engine) -> None:
    reply = ask(engine, "Where did Rupert Harlan meet EU leaders?")
    assert "brussels" in reply


def test_who_reported_a_claim_names_only_sources_saying_it(engine: Engine) -> None:
    reply = ask(engine, "Who reported Carla Moreno's remarks to Saudi women?")
    assert "lima post" in reply
    assert "desert wire" not in reply
    assert "oil daily" not in reply


def test_who_reported_a_claim_leaves_out_sentences_saying_less_of_it(engine: Engine) -> None:
    # Oil Daily's sentence praises Saudi women drivers, but not in Riyadh: another story.
    reply = ask(engine, "Who reported the praise of Saudi women in Riyadh?")
    assert "lima post" in reply
    assert "oil daily" not in reply


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("WMD in Iraq", "stockpiles"),
        ("What about UN inspections in Iraq?", "inspections"),
    ],
)
def test_dotted_abbreviations_match_undotted(engine: Engine, question: str, expected: str) -> None:
    reply = ask(engine, question)
    assert expected in reply, reply


@pytest.mark.parametrize("question", ["What about Dock Reform?", "What's the news on Dock Reform?"])
def test_two_word_topic_matches_its_words_close_together(engine: Engine, question: str) -> None:
    # No sentence says "dock reform"; one says "the reform of the city docks".
    reply = ask(engine, question)
    assert "city docks" in reply, reply
    assert "saudi" not in reply and "stockpiles" not in reply


def test_two_word_topic_not_said_anywhere_is_not_padded(engine: Engine) -> None:
    reply = ask(engine, "What's the news on Mining Reform?")
    assert says_unknown(reply), reply
    assert "city docks" not in reply


@pytest.mark.parametrize(
    "question",
    [
        "How many members would the new second chamber have?",
        "How many regional senators would there be?",
    ],
)
def test_how_many_puts_the_sentence_with_the_figure_first(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert "240" in reply, reply
    # The figure comes before a sentence whose only number is "one".
    assert "one critic" not in reply or reply.index("240") < reply.index("one critic")
