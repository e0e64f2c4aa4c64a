"""A yes/no question is settled by the sentences in which its subject does the act asked
about (or its opposite), first: not by a newer sentence in which the subject only reports
someone else's act ("Mayor X said the operators rejected the plan").

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask, says_unknown

NOW = datetime(2031, 9, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-tolls-reported",
        "title": "Harbour tolls row deepens",
        "published": "2031-09-06",
        "source": "Coast Herald",
        "text": (
            "Mayor Ines Corvo said the ferry operators rejected the harbour toll plan on "
            "Monday.\n\n"
            "The operators called the tolls unfair."
        ),
    },
    {
        "id": "mini-tolls-own",
        "title": "Corvo weighs toll options",
        "published": "2031-09-05",
        "source": "Coast Herald",
        "text": (
            "Corvo has rejected the harbour toll plan drawn up by the port board, her office "
            "said.\n\n"
            "A vote is due next month."
        ),
    },
]


def test_the_subjects_own_act_settles_the_question_first(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "did ines corvo reject the harbour toll plan?")
    assert not says_unknown(reply)
    first = next(line for line in reply.splitlines() if line.startswith("•"))
    assert "corvo has rejected" in first
