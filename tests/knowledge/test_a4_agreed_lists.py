"""What two countries agreed when their meeting's report says "the two governments agree:"
and lists the terms after it ("1. To create ...", "2. To share ..."): that sentence (which
names neither country) and the terms. Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask, says_unknown

NOW = datetime(2031, 3, 12, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "andes-1",
        "title": "CHILE AND BOLIVIA SIGN THE ALTIPLANO ACCORD",
        "published": "2031-03-10",
        "source": "Ministry of Foreign Affairs",
        "url": "https://example.org/andes1",
        "text": "The Minister of Foreign Affairs of Chile, Rosa Quintana, received on Monday "
        "the Minister of Foreign Affairs of Bolivia, Hector Mamani, in the framework of an "
        "official working visit to Santiago.\n\n"
        "During the meeting, both ministers signed the Altiplano Accord, by which the two "
        "Governments agree:\n\n1. To open a joint customs post at the Colchane crossing.\n\n"
        "2. To share river flow data from the Silala springs every week.\n\n3. To meet again "
        "in La Paz in June.\n\nThe ministers also discussed lithium exports.",
    },
    {
        "id": "lima-2",
        "title": "Chile and Peru talk fish",
        "published": "2031-03-01",
        "source": "Andes Post",
        "url": "https://example.org/lima2",
        "text": "Chile and Peru agreed on Friday to extend their anchovy quota deal for a "
        "year.\n\nBoth countries will review the deal in 2032.",
    },
]


def test_the_listed_terms_are_what_was_agreed(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did chile and bolivia agree")
    assert not says_unknown(reply)
    assert "joint customs post" in reply
    assert "silala springs" in reply
    assert "anchovy" not in reply


def test_a_sentence_naming_both_still_answers(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did chile and peru agree")
    assert "anchovy quota" in reply
