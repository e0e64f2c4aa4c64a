"""Follow-ups and awkward names: a pronoun carried from the previous turn stays the subject
when the follow-up names a title as its topic; a first-name typo next to a surname that is
also a title word still names the person; "<Surname> museum" is a thing, not the person; a
possessive first name names its only bearer.

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
        "id": "mini-hacking",
        "title": "Senator warns over cyberattack on Norland",
        "published": "2031-06-09",
        "source": "Capital Post",
        "text": (
            "Senator Walter Brisco spoke about the cyberattack on Norland on Monday.\n\n"
            "“This attack was reckless and dangerous,” Brisco said.\n\n"
            "President Ada Merrow has not commented on the attack.\n\n"
            "“The president should call the allies at once and explain,” Brisco said."
        ),
    },
    {
        "id": "mini-bank",
        "title": "Bank governor warns on rates",
        "published": "2031-06-10",
        "source": "Capital Post",
        "text": (
            "Bank governor Marlon King said on Tuesday that interest rates would rise.\n\n"
            "“We cannot wait any longer,” Mr King told reporters in Leeds."
        ),
    },
    {
        "id": "mini-museum",
        "title": "Halloran museum opens in Dayton",
        "published": "2031-06-11",
        "source": "Dayton Daily",
        "text": (
            "Former governor Rufus Halloran opened his museum in Dayton on Wednesday.\n\n"
            "“I am proud of what we did,” Halloran said.\n\n"
            "The Halloran museum says in its flood gallery that the levees failed twice."
        ),
    },
    {
        "id": "mini-daughter",
        "title": "Governor's daughter visits Lisbon schools",
        "published": "2031-06-12",
        "source": "Dayton Daily",
        "text": (
            "Marisol Halloran, the governor's daughter, visited schools in Lisbon on Thursday.\n\n"
            "“Girls must be able to study anything,” Marisol Halloran said."
        ),
    },
]


@pytest.fixture(scope="module")
def engine(mini_engine: Engine) -> Engine:
    return mini_engine


def test_pronoun_from_previous_turn_beats_a_title_asked_about(engine: Engine) -> None:
    first = ask(engine, "What did Brisco say about the cyberattack?", chat_id=801)
    assert "reckless" in first
    reply = ask(engine, "and what does he think the president should do?", chat_id=801)
    assert "call the allies" in reply
    assert "ada merrow" not in reply.split("\n")[0]
    ask(engine, "What did Brisco say about the cyberattack?", chat_id=802)
    reply = ask(engine, "what did he say about the president?", chat_id=802)
    assert "call the allies" in reply


def test_first_name_typo_with_a_title_word_surname_names_the_person(engine: Engine) -> None:
    reply = ask(engine, "who is marlin king")
    assert "marlon king" in reply
    assert not says_unknown(reply)


def test_surname_museum_is_the_thing_not_the_person(engine: Engine) -> None:
    reply = ask(engine, "What does the Halloran museum say about the levees?")
    assert "levees failed" in reply
    assert "proud" not in reply


def test_possessive_first_name_names_its_bearer(engine: Engine) -> None:
    reply = ask(engine, "Who reported Marisol's remarks on schools?")
    assert "dayton daily" in reply
    reply = ask(engine, "What were Marisol's remarks about girls?")
    assert "study anything" in reply


def test_unknown_first_name_does_not_link(engine: Engine) -> None:
    reply = ask(engine, "What did Marisol Valdez say?")
    assert "study anything" not in reply
