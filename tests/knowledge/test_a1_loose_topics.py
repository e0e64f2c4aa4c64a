"""A quotes question whose topic is framed by a verb ("letting Chile back into the bloc") is
answered by the person's words on the topic's names when nothing they said repeats the verb;
the names must still match, and a person who said nothing on them still gets "couldn't find".

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask, says_unknown

NOW = datetime(2031, 8, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-bloc",
        "title": "Trade bloc leaders meet in Quito",
        "published": "2031-08-02",
        "source": "Andes Wire",
        "text": (
            "Leaders of the Pacific Trade Alliance met in Quito on Saturday.\n\n"
            "Asked about Chile rejoining the Pacific Trade Alliance, Ecuadorian President "
            'Marisol Andrade said: "It is a work in progress. Many of us would like to see '
            'Chile back at the table."\n\n'
            'Andrade also said the summit had been "very productive."'
        ),
    },
]


def test_a_verb_framing_the_topic_is_not_required_in_the_quote(mini_engine: Engine) -> None:
    reply = ask(
        mini_engine, "what did marisol andrade say about letting chile back into the alliance?"
    )
    assert "work in progress" in reply
    assert not says_unknown(reply)


def test_the_names_of_the_topic_still_must_match(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did marisol andrade say about letting peru join the alliance?")
    assert "work in progress" not in reply
    assert says_unknown(reply)
