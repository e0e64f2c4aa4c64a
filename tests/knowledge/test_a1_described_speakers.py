"""A speaker the question describes instead of naming ("what did environmental groups say
about the port deal?") is answered by the quotes a report gives where it speaks of them, when
that report is about the topic asked; otherwise the reply abstains.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask, says_unknown

NOW = datetime(2031, 7, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-port-deal",
        "title": "Harbour board approves Kessing port expansion deal",
        "published": "2031-07-02",
        "source": "Coast Herald",
        "text": (
            "The harbour board approved the Kessing port expansion deal on Tuesday.\n\n"
            "Local fishermen were furious. Rui Almada, who chairs the Kessing Fishers "
            'Association, said the dredging "will empty the bay of fish within a decade."\n\n'
            'Port director Lena Fisk said the expansion "will create 400 jobs."'
        ),
    },
    {
        "id": "mini-bridge",
        "title": "New bridge opens in Velmora",
        "published": "2031-07-05",
        "source": "Coast Herald",
        "text": (
            "Local fishermen gathered for the opening of the Velmora bridge.\n\n"
            'Mayor Ines Corvo said the bridge was "a promise kept."'
        ),
    },
    {
        "id": "mini-chamber",
        "title": "Chamber of commerce warns on new tariffs",
        "published": "2031-07-06",
        "source": "Coast Herald",
        "text": (
            "Business groups were wary of the new tariffs on steel.\n\n"
            'Tomas Reyl, who heads the Velmora chamber of commerce, said the tariffs "will '
            'hurt every exporter in the region."'
        ),
    },
]


def test_a_described_speaker_is_answered_by_the_quotes_where_the_report_speaks_of_them(
    mini_engine: Engine,
) -> None:
    reply = ask(mini_engine, "what did local fishermen say about the port deal?")
    assert "empty the bay" in reply
    assert "rui almada" in reply
    # The quote after, by someone else, does not speak for them.
    assert "400 jobs" not in reply


def test_a_report_on_another_topic_does_not_answer(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did local fishermen say about the tax rise?")
    assert "promise kept" not in reply
    assert "empty the bay" not in reply
    assert says_unknown(reply)


def test_an_unknown_name_in_the_speaker_slot_is_no_description(mini_engine: Engine) -> None:
    # One word in the singular is a name the base does not hold, not a group described.
    reply = ask(mini_engine, "what did kowalski say about the port deal?")
    assert says_unknown(reply)
    assert "empty the bay" not in reply


def test_a_name_asked_beside_the_description_must_be_said(mini_engine: Engine) -> None:
    # "US" is spelt inside "business": it is still a name of the topic, and the chamber's
    # report never speaks of the United States.
    reply = ask(mini_engine, "what did business groups say about the US tariffs?")
    assert "hurt every exporter" not in reply
    reply = ask(mini_engine, "what did business groups say about the steel tariffs?")
    assert "hurt every exporter" in reply
