"""At scale the same people meet again and again: a question about where they met, with no
time words, names every place their meetings were held (newest first). Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask, says_unknown

NOW = datetime(2033, 3, 1, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "sum-1",
        "title": "Veyra and Kreel hold first summit in Lisbon",
        "published": "2030-06-12",
        "source": "Example Wire",
        "url": "https://example.org/sum1",
        "text": "Norland's President Alma Veyra and Ostavian Premier Tomas Kreel met in "
        "Lisbon on Tuesday for their first summit.\n\nThe two leaders signed a joint "
        "statement on fishing rights.",
    },
    {
        "id": "sum-2",
        "title": "Second Veyra-Kreel summit opens in Oslo",
        "published": "2031-02-27",
        "source": "Daily Courier",
        "url": "https://example.org/sum2",
        "text": "President Alma Veyra and Premier Tomas Kreel met in Oslo on Wednesday for "
        "their second summit.\n\nThe talks ended early without an agreement.",
    },
    {
        "id": "sum-3",
        "title": "Veyra and Kreel meet at the border",
        "published": "2032-06-30",
        "source": "Example Wire",
        "url": "https://example.org/sum3",
        "text": "President Alma Veyra and Premier Tomas Kreel met in Vienna on Sunday, "
        "a brief encounter at the border crossing.\n\nNo agreement was announced.",
    },
    {
        "id": "talks-old",
        "title": "Norland and Ostavia to hold talks in Geneva",
        "published": "2029-04-02",
        "source": "Daily Courier",
        "url": "https://example.org/talks1",
        "text": "Norland and Ostavia will hold talks in Geneva on 20 April 2029 on their "
        "fishing dispute, the two foreign ministries said on Monday.",
    },
    {
        "id": "talks-new",
        "title": "Norland and Ostavia hold talks in Nairobi",
        "published": "2032-11-10",
        "source": "Example Wire",
        "url": "https://example.org/talks2",
        "text": "Norland and Ostavia held talks in Nairobi on Tuesday on their fishing "
        "dispute, the two foreign ministries said.",
    },
    {
        "id": "fish-1",
        "title": "Peruvian minister to hold fishing talks",
        "published": "2032-04-20",
        "source": "Example Wire",
        "url": "https://example.org/fish1",
        "text": "Peru's fisheries minister, Rosa Quispe, will hold fishing talks with Chile "
        "in Santiago on 3 May, her ministry said.",
    },
    {
        "id": "fish-2",
        "title": "Peru and Chile to hold more fishing talks",
        "published": "2032-09-02",
        "source": "Daily Courier",
        "url": "https://example.org/fish2",
        "text": "Peru and Chile will hold more fishing talks next week, officials said, but "
        "the two sides remain divided over the anchovy catch.",
    },
]


def test_where_they_met_names_each_place(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "where did veyra and kreel meet")
    assert not says_unknown(reply)
    # The newest first; the others follow it as meetings, each with its day.
    assert "vienna" in reply.splitlines()[0]
    also = [line for line in reply.splitlines() if line.startswith("• also:")]
    assert any("oslo" in line and "2031" in line for line in also)
    assert any("lisbon" in line and "2030" in line for line in also)


def test_a_place_asked_lists_no_others(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "when did veyra and kreel meet in oslo")
    assert "oslo" in reply.splitlines()[0]
    # Their other meetings are not listed as held elsewhere: the place asked is the answer.
    assert "also:" not in reply
    assert "lisbon" not in reply


def test_a_country_travelled_to_is_where_the_event_is(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "who is going to chile for the fishing talks")
    assert "santiago" in reply.splitlines()[0]
    assert "quispe" in reply
