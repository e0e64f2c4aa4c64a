"""A surname that is also an ordinary word ("Price", "Rice", "May") names the person only where
it is written as a name: at scale, sentences saying "the price of rice" or "Pyongyang may
agree" otherwise pass for reports naming the person asked about with the place or the other
person. Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask

NOW = datetime(2033, 3, 1, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "price-1",
        "title": "Foreign Secretary Jane Price visits Oslo",
        "published": "2032-05-02",
        "source": "Example Wire",
        "url": "https://example.org/price1",
        "text": "Foreign Secretary Jane Price visited Oslo on Monday for talks on fishing "
        "quotas.\n\nPrice said the talks had been useful.",
    },
    {
        "id": "rice-1",
        "title": "Grain costs climb in Pyongyang",
        "published": "2032-09-14",
        "source": "Daily Courier",
        "url": "https://example.org/rice1",
        "text": "The price of rice in Pyongyang rose by a third in August, traders said.\n\n"
        "A higher price for fuel is expected to follow, and Pyongyang may ask for aid.",
    },
    {
        "id": "rice-2",
        "title": "Harvest report",
        "published": "2032-10-01",
        "source": "Daily Courier",
        "url": "https://example.org/rice2",
        "text": "The price of wheat fell in September.\n\nFarmers said the price would "
        "recover once the harvest was in.",
    },
    {
        "id": "price-2",
        "title": "Price hopes to visit North Korea",
        "published": "2032-11-20",
        "source": "Example Wire",
        "url": "https://example.org/price2",
        "text": "Jane Price, the foreign secretary, said on Friday she hoped one day to see "
        "Pyongyang for herself.",
    },
]


def test_the_word_is_no_report_of_the_person_there(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "when will jane price visit pyongyang")
    assert "price of rice" not in reply
    assert "pyongyang may ask" not in reply


def test_the_name_written_as_a_name_still_counts(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "when will jane price visit pyongyang")
    assert "see pyongyang for herself" in reply


def test_no_meeting_of_the_word_and_a_person(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "where did jane price meet pyongyang officials")
    assert "price of rice" not in reply
