"""Answers about talks from the details their records keep: the hour they start, how long they
lasted, who mediates, who sits at the table, where someone goes next.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine

NOW = datetime(2039, 3, 20, 9, 0, tzinfo=UTC)


def _text(answer: object) -> str:
    from knowledge.models import Answer

    assert isinstance(answer, Answer)
    return " ".join([answer.summary, *(f.text for f in answer.facts)])


ARTICLES = [
    {
        "id": "mini-bus-strike-talks",
        "title": "Mediator calls bus drivers and Corran Transit to talks in Leeds",
        "published": "2039-03-16",
        "source": "Northern Post",
        "text": (
            "LEEDS – The newly appointed mediator has called the striking bus drivers and the "
            "management of Corran Transit to talks on Thursday.\n\n"
            "Retired judge Miriam Osei, who mediated a long rail dispute, will chair the "
            "talks at the Queens Hotel in Leeds from 10am on Thursday, the transport ministry "
            "said.\n\n"
            "The union's delegation will be led by its general secretary, Callum Rhys, and "
            "deputy Nadia Brook. Corran Transit will be represented by chief executive "
            "Stefan Lund.\n\n"
            "The drivers walked out two weeks ago over pay, at the start of the month."
        ),
    },
    {
        "id": "mini-envoy-tour",
        "title": "Envoy meets Gulf ministers in Doha",
        "published": "2039-03-18",
        "source": "Gulf Wire",
        "text": (
            "DOHA – Special envoy Tomas Herrera met foreign ministers from the Gulf states in "
            "Doha on Tuesday.\n\n"
            "The session lasted about an hour, officials said. Talks with Iran start next "
            "month in Vienna.\n\n"
            "The meeting came hours before Herrera is scheduled to travel to Muscat for "
            "further consultations."
        ),
    },
]


def test_what_time_the_talks_start(mini_engine: Engine) -> None:
    assert "10am" in _text(mini_engine.answer("what time do the leeds talks start?"))


def test_what_time_prefers_talks_with_an_hour(mini_engine: Engine) -> None:
    # both reports say "start"; only the Leeds talks have an hour
    assert "10am" in _text(mini_engine.answer("what time do the talks start?"))


def test_who_mediates_the_strike(mini_engine: Engine) -> None:
    assert "Miriam Osei" in _text(mini_engine.answer("who is mediating the bus strike?"))


def test_the_delegations_are_who_meets(mini_engine: Engine) -> None:
    reply = _text(mini_engine.answer("who is meeting in leeds?"))
    assert "Callum Rhys" in reply
    assert "Stefan Lund" in reply


def test_how_long_the_meeting_lasted(mini_engine: Engine) -> None:
    reply = _text(mini_engine.answer("how long did the doha meeting last?"))
    assert "about an hour" in reply


def test_how_long_from_the_event_record_says_it_plainly(mini_engine: Engine) -> None:
    # the sentence giving the length names none of the question's words: the event's
    # record answers, with no "couldn't find how long" before it
    answer = mini_engine.answer("how long did the gulf ministers meeting in doha last?")
    assert "about an hour" in answer.summary
    assert "couldn't find" not in answer.summary


def test_where_the_envoy_goes_next(mini_engine: Engine) -> None:
    reply = _text(mini_engine.answer("where is herrera going next?"))
    assert "Muscat" in reply
