"""A meeting named by the body that holds it ("the Daugava River Commission summit") is the
meeting whose report calls it so ("the summit of the Daugava River Commission"), though the
body itself is no participant. Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask

NOW = datetime(2031, 9, 20, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "riga-1",
        "title": "Baltic ministers agree cod quotas at Riga summit",
        "published": "2031-09-17",
        "source": "Harbour Times",
        "url": "https://example.org/riga1",
        "text": "Fisheries ministers of three Baltic states agreed on Wednesday to cut cod "
        "quotas by a fifth.\n\nLatvian Prime Minister Ilze Kalnina hosted the one-day summit of "
        "the Daugava River Commission at the National Concert Hall in Riga. She was joined "
        "by Estonian Fisheries "
        'Minister Marten Oja and Lithuanian Fisheries Minister Rokas Petraitis.\n\n"The cod '
        'will not wait for us," Kalnina said.',
    },
    {
        "id": "riga-2",
        "title": "Daugava River Commission names new secretary",
        "published": "2031-09-10",
        "source": "Harbour Times",
        "url": "https://example.org/riga2",
        "text": "The Daugava River Commission named Anna Berzina its new secretary on "
        "Wednesday.\n\nSeparately, Latvian and Polish farm ministers met in Warsaw on "
        "Thursday to discuss grain exports.",
    },
]


def test_who_attended_the_bodys_summit(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "who attended the daugava river commission summit")
    first = reply.splitlines()[0]
    assert "marten oja" in first
    assert "rokas petraitis" in first
    assert "warsaw" not in first


def test_where_was_the_bodys_summit(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "where was the daugava river commission summit held?")
    assert "riga" in reply.splitlines()[0]
