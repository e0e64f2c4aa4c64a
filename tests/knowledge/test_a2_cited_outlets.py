"""'Who reported X?': besides the outlet that published the report, the outlets it relays
("..., the Washington Post said", "according to Reuters", "the newspaper reported" of the
one named before), near the sentences on X. Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask

NOW = datetime(2030, 6, 20, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "dam-1",
        "title": "Dam collapse floods valley villages",
        "published": "2030-06-12",
        "source": "Example Post",
        "url": "https://example.org/dam1",
        "text": "A dam collapse flooded four villages in the Orvak valley on Tuesday, officials "
        "said.\n\nThe dam collapse followed weeks of heavy rain, the Washington Post said.\n\n"
        "Engineers had warned of cracks in the wall last year, the newspaper reported.\n\n"
        "Rescue teams reached the villages by boat, according to Reuters.\n\n"
        "The region's governor promised compensation.\n\nShe met farmers on Wednesday.\n\n"
        "In other news, the local football club won the cup, Fox News said.",
    },
    {
        "id": "andes-1",
        "title": "Chile and Peru ministers meet in Lima",
        "published": "2030-06-12",
        "source": "Example Post",
        "url": "https://example.org/a1",
        "text": "The foreign ministers of Chile and Peru met in Lima, Peru, on Monday to discuss "
        "fishing rights, the Washington Post reported.\n\nThe talks lasted four hours.\n\n"
        "Later, the ministers toured the port.\n\nIn other news, a football match was "
        "postponed, Reuters said.",
    },
]


def test_outlets_cited_near_the_claim_are_named_beside_the_publisher(
    mini_engine: Engine,
) -> None:
    reply = ask(mini_engine, "who reported the dam collapse?")
    head = reply.split("\n", 1)[0]
    assert "washington post" in head
    assert "reuters" in head
    assert "example post" in reply  # the publishing outlet, as the one relaying them
    # A citation on another matter, far from the claim, is no source of it.
    assert "fox news" not in head


def test_who_reported_a_meeting_names_the_outlet_its_report_relays(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "who reported the meeting between chile and peru?")
    head = reply.split("\n", 1)[0]
    assert "washington post" in head
    assert "example post" in head  # the publisher, beside it
    assert "reuters" not in head  # cited on another matter
