"""A first name typed alone ("rosalind") is the full-named person so called, not a fuzzy
namesake ("Rosalin"); an ordinary English word ("sitting", "putting") is not a typo of a
surname two letters away ("Sitin").

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine

NOW = datetime(2038, 3, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-thackeray-harbour",
        "title": "Senator attacks harbour plan",
        "published": "2038-03-10",
        "source": "Coast Wire",
        "text": (
            "Senator Rosalind Thackeray criticised the harbour plan on Tuesday.\n\n"
            "“The harbour plan is a gift to the shipping lobby,” Thackeray said."
        ),
    },
    {
        "id": "mini-thackeray-roads",
        "title": "Thackeray backs road tolls",
        "published": "2038-03-12",
        "source": "Coast Wire",
        "text": (
            "Rosalind Thackeray backed the road tolls on Thursday.\n\n"
            "“Tolls are fair when everyone pays,” Thackeray said."
        ),
    },
    {
        "id": "mini-rosalin-harbour",
        "title": "Pilot warns of harbour silt",
        "published": "2038-03-11",
        "source": "Harbour Times",
        "text": (
            "Peter Rosalin, a harbour pilot, warned about silt in the channel.\n\n"
            "“The harbour will be closed by silt within a year,” Rosalin said."
        ),
    },
    {
        "id": "mini-sitin-assembly",
        "title": "Speaker Sitin opens assembly",
        "published": "2038-03-09",
        "source": "Coast Wire",
        "text": (
            "Speaker Arvo Sitin opened the assembly on Monday.\n\n“We have much to do,” Sitin said."
        ),
    },
    {
        "id": "mini-dredging-fund",
        "title": "Harbour board funds dredging",
        "published": "2038-03-13",
        "source": "Harbour Times",
        "text": (
            "The harbour board will put up 40 million crowns for dredging the channel, "
            "the board said on Friday.\n\n"
            "Work is due to start in May."
        ),
    },
]


def test_a_first_name_alone_is_the_person_so_called(mini_engine: Engine) -> None:
    answer = mini_engine.answer("what did rosalind say about the harbour")
    assert "gift to the shipping lobby" in answer.summary + " ".join(q.text for q in answer.quotes)
    assert "Rosalin said" not in answer.summary
    assert all("silt" not in q.text for q in answer.quotes)


def test_a_first_name_alone_in_a_who_is_question(mini_engine: Engine) -> None:
    answer = mini_engine.answer("who is rosalind")
    assert "Thackeray" in answer.summary


def test_an_inflected_english_word_is_not_a_misspelt_surname(mini_engine: Engine) -> None:
    answer = mini_engine.answer("how much money is the board sitting on for dredging")
    assert "Sitin" not in answer.summary
    assert all("Sitin" not in q.speaker for q in answer.quotes)


def test_a_first_name_before_an_ordinary_verb(mini_engine: Engine) -> None:
    answer = mini_engine.answer("did rosalind criticise the harbour plan")
    texts = [answer.summary, *(f.text for f in answer.facts), *(q.text for q in answer.quotes)]
    assert any("Thackeray" in text for text in texts[:2])
    assert not any("Peter Rosalin" in text for text in texts)
