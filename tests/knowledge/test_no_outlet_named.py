"""'Who reported ...?' about an article that names no outlet (a text file, a press release
with no masthead) says so and names the report, never "Reported by ." with nobody."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask

NOW = datetime(2030, 5, 20, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "harbour-talks",
        "title": "Harbour talks resume in Kestrel Bay",
        "published": "2030-05-18",
        "source": None,
        "url": None,
        "text": "Union and port managers resumed talks in Kestrel Bay on Saturday.\n\n"
        "The mediator, Orla Penhale, said the two sides met for six hours at the harbour "
        "office.\n\nThe dockers want a ten percent pay rise.",
    },
]


def test_who_reported_with_no_outlet_names_the_report(mini_engine: Engine) -> None:
    for question in (
        "who reported the talks in kestrel bay",
        "which outlet reported that the dockers want a pay rise",
    ):
        summary = ask(mini_engine, question).splitlines()[0]
        assert "reported by ." not in summary, question
        assert "no outlet is named" in summary, question
        assert "harbour talks resume in kestrel bay" in summary, question
