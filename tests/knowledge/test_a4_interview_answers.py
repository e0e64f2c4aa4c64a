"""A question the interviewer of a Q&A transcript asked ('Q: How long would the treaty run?')
is answered by the guest's answer paragraph after it, whichever responder found the
transcript (a length of time, an event, a search). Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask

NOW = datetime(2031, 9, 20, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "okafor-interview",
        "title": "Interview: envoy Amara Okafor on the Lake Vale fishing talks",
        "published": "2031-09-18",
        "source": "Lakeside Review",
        "url": "https://example.org/okafor",
        "text": "Ministers from Kenya, Uganda and Tanzania will meet in Kampala on 2 October "
        "for talks on a new Lake Vale fishing treaty. The talks are chaired by the regional "
        "fisheries commission.\n\n"
        "The Lakeside Review spoke to Amara Okafor, the envoy who convenes them, in Kampala.\n\n"
        "Q: Why a treaty now? People have talked about quotas for twenty years.\n\n"
        "Okafor: Because the catch fell by a third in two seasons.\n\n"
        "Q: How long would the treaty run?\n\n"
        "Okafor: The draft runs for seven years, with a review after the third. Ministers "
        "would meet every June to set the quotas.\n\n"
        "Q: Is Ethiopia involved in the talks?\n\n"
        "Okafor: Ethiopia has not been invited. This is a lake process, owned by the three "
        "shore states.\n\n"
        "Q: Honestly, will they sign?\n\n"
        "Okafor: I would say seventy-thirty. Seventy for a signature.",
    },
]


def test_how_long_is_the_guests_answer(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "how long would the lake vale treaty run")
    assert "seven years" in reply
    assert reply.index("seven years") < reply.find("twenty years") or "twenty years" not in reply


def test_an_event_question_is_the_guests_answer(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "is ethiopia involved in the lake vale fishing talks")
    assert "has not been invited" in reply
    assert reply.count("is ethiopia involved in the talks?") == 1


def test_will_they_sign(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "will they sign the fishing treaty?")
    assert "seventy-thirty" in reply


def test_a_question_the_interview_did_not_ask(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "where are the lake vale talks")
    assert "kampala" in reply
    assert "the interview asked" not in reply


def test_a_bare_topic_question_answers_no_other_question(mini_engine: Engine) -> None:
    # "Q: Why a treaty now?" shares words with it, but asks another way.
    reply = ask(mini_engine, "how much fish will the treaty allow now")
    assert "the interview asked" not in reply
