"""'Who is mediating the X strike?' among many reports of the strike that name no mediator:
the talks whose record holds the mediator answer."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine

NOW = datetime(2039, 4, 20, 9, 0, tzinfo=UTC)

_DECOYS = [
    {
        "id": f"mini-port-strike-{day}",
        "title": f"Port strike enters day {day}",
        "published": f"2039-04-{day:02d}",
        "source": "Harbour Times",
        "text": (
            f"The port strike at Velmar entered day {day} on Monday as the port strike "
            "left ships waiting off the port. Port workers met union leaders at the port "
            "gate in Velmar on Monday to discuss the strike and the port's losses."
        ),
    }
    for day in range(1, 26)
]

ARTICLES = [
    *_DECOYS,
    {
        "id": "mini-mediator-talks",
        "title": "Mediator calls dockers and Velmar Terminals to talks",
        "published": "2039-04-17",
        "source": "Coast Herald",
        "text": (
            "The newly appointed mediator has called the dockers and the terminal operator to "
            "talks in Velmar on Friday.\n\n"
            "Retired judge Ines Moraga will chair the talks at the town hall in Velmar from "
            "9am on Friday, the labour ministry said."
        ),
    },
]


def test_the_mediator_is_found_among_many_reports(mini_engine: Engine) -> None:
    answer = mini_engine.answer("who is mediating the port strike?")
    text = " ".join([answer.summary, *(f.text for f in answer.facts)])
    assert "Ines Moraga" in text
