"""An event question whose words one older report says best: its events are weighed even when
the person asked about has many newer events elsewhere (heldout2, a 2.2k-article base).

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine

NOW = datetime(2035, 9, 1, 9, 0, tzinfo=UTC)
_CITIES = ("Lisbon", "Madrid", "Vienna", "Prague", "Warsaw", "Dublin", "Oslo", "Helsinki")

ARTICLES = [
    {
        "id": "mini-vale-farmers",
        "title": "Farmers warm to Premier Vale after meeting",
        "published": "2035-03-02",
        "source": "Rural Courier",
        "text": (
            "Premier Rupert Vale met hundreds of farmers in Leeds on Tuesday.\n\n"
            "Many farmers said after the meeting that they would back him."
        ),
    },
    *(
        {
            "id": f"mini-vale-tour-{n}",
            "title": f"Premier Vale on European tour, stop {n}",
            "published": f"2035-{4 + n // 4:02d}-{1 + n:02d}",
            "source": "Capital Times",
            "text": (
                f"Premier Rupert Vale met Chancellor Olga Brandt in {_CITIES[n % 8]} on "
                f"Monday.\n\nVale will visit {_CITIES[(n + 1) % 8]} on Friday for talks "
                f"with President Ivo Marek.\n\nVale also held talks with Prime Minister "
                f"Ana Sousa in {_CITIES[(n + 2) % 8]} on Wednesday."
            ),
        }
        for n in range(22)
    ),
]


def test_the_report_saying_the_words_asked_gives_the_event(mini_engine: Engine) -> None:
    answer = mini_engine.answer("When did Vale meet the farmers?")
    assert answer.known
    # The Tuesday before the report of 2 March: the meeting with the farmers in Leeds.
    assert "Leeds" in answer.summary
    assert "27 February 2035" in answer.summary
