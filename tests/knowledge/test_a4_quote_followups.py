"""'When did she say that?' after someone's words: the day those words were said (or, when
the report does not give it, that it does not, with the report's own day). Invented
articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask

NOW = datetime(2031, 10, 20, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "port-1",
        "title": "Velmar minister defends port sale",
        "published": "2031-10-16",
        "source": "Harbour Times",
        "url": "https://example.org/port1",
        "text": "Velmar's transport minister Lena Varga defended the sale of the northern "
        'port on Tuesday.\n\n"The port will stay open to every ship," Varga told reporters '
        "in Dunmore on Tuesday.",
    },
]


def test_when_did_she_say_it(mini_engine: Engine) -> None:
    ask(mini_engine, "what did varga say?", chat_id=1)
    reply = ask(mini_engine, "when did she say that?", chat_id=1)
    first = reply.splitlines()[0]
    assert first.startswith("lena varga said it on tuesday 14 october 2031")
    assert "stay open to every ship" in reply


def test_when_without_a_previous_quote_is_no_date_answer(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "when did she say that?", chat_id=2)
    assert "said it on" not in reply
