"""Follow-ups about the meeting of the last answer: "who's paying for it?" asks a detail the
event record has no field for (the report's sentence answers), and "who else is coming?"
after a reply that listed everyone means besides the sides asked about. Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask

NOW = datetime(2031, 3, 4, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "oslo-1",
        "title": "Norway to host Colombia-Venezuela border talks in Oslo",
        "published": "2031-03-02",
        "source": "Nordic Daily",
        "url": "https://example.org/oslo1",
        "text": "Norway will host talks between the foreign ministers of Colombia and "
        "Venezuela in Oslo next Monday, the Norwegian foreign ministry announced on "
        "Sunday.\n\nColombian Foreign Minister Rosa Quintero and Venezuelan Foreign Minister "
        "Hector Salcedo are due to meet at the Holmenkollen hotel on Monday 9 March.\n\nThe "
        "Organization of American States envoy Pablo Ibarren will take part as an observer, "
        "the ministry said.\n\nThe ministers will discuss the reopening of the Cucuta border "
        "crossing and the return of migrants.\n\nNorway will foot the bill, about 900,000 "
        "dollars, from its peace fund, the ministry said.\n\nQuintero said in Bogota that "
        'Colombia wanted "an open border and nothing less".',
    },
    {
        "id": "lima-1",
        "title": "Peru court delays ruling on mining permit",
        "published": "2031-03-01",
        "source": "Andes Post",
        "url": "https://example.org/lima1",
        "text": "A court in Lima delayed its ruling on a copper mining permit on Friday.\n\n"
        "The mining company said it would pay the fines if the court ruled against it.",
    },
]


def test_who_pays_for_the_meeting_of_the_last_answer(mini_engine: Engine) -> None:
    ask(mini_engine, "colombia venezuela talks?", chat_id=1)
    reply = ask(mini_engine, "who's paying for it?", chat_id=1)
    assert "900,000 dollars" in reply
    # The sentence answers first; the other report's "pay the fines" is no answer.
    assert reply.index("900,000") < reply.index("when:")
    assert "fines" not in reply


def test_who_else_after_everyone_was_listed(mini_engine: Engine) -> None:
    ask(mini_engine, "colombia venezuela talks?", chat_id=2)
    ask(mini_engine, "who's paying for it?", chat_id=2)
    reply = ask(mini_engine, "and who else is coming?", chat_id=2)
    assert "no one else" not in reply
    first_line = reply.splitlines()[0]
    assert "pablo ibarren" in first_line
    # The two sides asked about and their ministers are not the "else".
    assert "rosa quintero" not in first_line
    assert "hector salcedo" not in first_line


def test_who_else_after_a_question_naming_one_side(mini_engine: Engine) -> None:
    # The first reply named only some participants (those of a who-question): the others
    # are the "else", as before.
    ask(mini_engine, "who is rosa quintero meeting in oslo?", chat_id=3)
    reply = ask(mini_engine, "who else is attending?", chat_id=3)
    assert "no one else" not in reply
    assert "pablo ibarren" in reply


def test_how_much_it_costs(mini_engine: Engine) -> None:
    ask(mini_engine, "colombia venezuela talks?", chat_id=4)
    reply = ask(mini_engine, "how much will it cost?", chat_id=4)
    assert reply.splitlines()[0].startswith("the report says")
    assert "900,000 dollars" in reply.splitlines()[0]
