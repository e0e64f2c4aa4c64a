"""A question naming a thing by words its report's headline says ("the Harbour museum"):
that report is read whole, so its sentences answer though they never repeat those words,
however many other reports share the rest of the question's words.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine

NOW = datetime(2037, 4, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-harbour-museum",
        "title": "Looking Back, Harbour Museum Lets Visitors Judge",
        "published": "2037-03-01",
        "source": "Coast Ledger",
        "text": (
            "The museum opened on Saturday with films and interactive screens.\n\n"
            "In the flood display it says flatly, “No records of the Z.R.T. survived.”\n\n"
            "Visitors queued for hours."
        ),
    },
    *(
        {
            "id": f"mini-harbour-flood-{n}",
            "title": f"Harbour flood barrier tested, night {n}",
            "published": f"2037-04-{n % 28 + 1:02d}",
            "source": "Coast Ledger",
            "text": (
                f"The harbour flood barrier held on night {n} of the storm.\n\n"
                f"Harbour staff said the flood water stayed below the wall on night {n}."
            ),
        }
        for n in range(1, 61)
    ),
]


def test_the_report_titled_with_the_thing_asked_about_is_read_whole(
    mini_engine: Engine,
) -> None:
    answer = mini_engine.answer("What does the Harbour museum say about the ZRT in the flood?")
    assert answer.known
    assert any("No records of the Z.R.T. survived" in f.text for f in answer.facts)
