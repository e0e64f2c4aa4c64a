"""'And X?' after someone's words on a story asks what X said in that story: the report the
last answer quoted comes first, not X's newest words on anything (at scale a much-quoted
speaker has dozens of newer quotes on other topics). Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask

NOW = datetime(2033, 3, 1, 12, tzinfo=UTC)

_TOPICS = ("farm subsidies", "the fishing fleet", "rail fares", "school meals", "river dams")

ARTICLES = [
    {
        "id": "plan-1",
        "title": "House members upbeat on immigration plan",
        "published": "2031-04-07",
        "source": "Example Wire",
        "url": "https://example.org/plan1",
        "text": "Two members of the House spoke about the immigration plan on Sunday.\n\n"
        '"I am very optimistic that the House plan will reach the floor by summer," Rep. '
        "Luis Ortega said.\n\n"
        '"You cannot have a bill without border security. You just cannot," Rep. Mario '
        "Blanco said.",
    },
    *[
        {
            "id": f"blanco-{n}",
            "title": f"Blanco speaks on {topic}",
            "published": f"2032-0{n + 1}-10",
            "source": "Daily Courier",
            "url": f"https://example.org/blanco{n}",
            "text": f"Rep. Mario Blanco spoke on {topic} on Monday.\n\n"
            f'"We will not give up on {topic}," Blanco said.\n\n'
            f'"The committee owes voters an answer on {topic} this year," Blanco added.',
        }
        for n, topic in enumerate(_TOPICS)
    ],
]


def _first_quote(reply: str) -> str:
    lines = reply.splitlines()
    return next(line for line in lines[1:] if line.strip().startswith("“"))


def test_and_another_speaker_keeps_the_story(mini_engine: Engine) -> None:
    first = ask(mini_engine, "what did luis ortega say about the house plan", chat_id=7)
    assert "optimistic" in first
    reply = ask(mini_engine, "and mario blanco?", chat_id=7)
    assert "border security" in _first_quote(reply)
    # Their other words follow.
    assert "we will not give up" in reply


def test_asked_afresh_the_newest_come_first(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did mario blanco say")
    assert "border security" not in _first_quote(reply)
