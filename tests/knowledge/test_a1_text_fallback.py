"""When no stored event, quote or outcome answers, the sentence that answers the question's
form does: a when-question about a court date, "what does X want before Y", a meeting the
event record holds only one side of (the other named by the given name), a yes/no question
answered by the opposite act. With nothing that answers the form, the reply still abstains.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowledge.answer import Engine
from tests.knowledge.asking import ask, says_unknown

NOW = datetime(2031, 5, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-quillon-bail",
        "title": "Harbour activist freed on bail",
        "published": "2031-05-02",
        "source": "Coast Herald",
        "text": (
            "Harbour activist Marta Quillon left the district court on Friday after she was "
            "released on bail.\n\n"
            "Quillon, 24, denied the charges of unlawful assembly.\n\n"
            "Quillon's next court appearance is scheduled for June 14.\n\n"
            "Her lawyer said the case was political."
        ),
    },
    {
        "id": "mini-dock-strike",
        "title": "Dock union sets terms for ending strike",
        "published": "2031-05-10",
        "source": "Coast Herald",
        "text": (
            "The Riverside Dockworkers Union has said it will not end the strike unless "
            "the port restores the night-shift bonus.\n\n"
            "Port managers called the demand unaffordable.\n\n"
            "The strike has closed four berths since April."
        ),
    },
    {
        "id": "mini-relief-acronym",
        "title": "Relief group BEFORE opens flood shelters",
        "published": "2031-05-16",
        "source": "Coast Herald",
        "text": (
            "The relief group BEFORE opened three flood shelters on Monday.\n\n"
            "BEFORE said the shelters could house 600 people."
        ),
    },
    {
        "id": "mini-copper-levy",
        "title": "Peru raises copper levies",
        "published": "2031-05-17",
        "source": "Andes Wire",
        "text": (
            "Peru announced that it will raise levies imposed on about $2 billion of Chilean "
            "copper in retaliation for Chile's latest port fees.\n\n"
            "Chile's trade ministry called the move regrettable."
        ),
    },
    {
        "id": "mini-ocean-forum",
        "title": "Ocean forum finds a host",
        "published": "2031-05-15",
        "source": "Wire Service",
        "text": (
            "Chile accepted an invitation to host the ocean forum next year.\n\n"
            "The forum brings together fisheries ministers from the Pacific."
        ),
    },
    {
        "id": "mini-airmen",
        "title": "Talks on war remains to resume",
        "published": "2031-05-14",
        "source": "Wire Service",
        "text": (
            "Officials from the two sides would meet next month in Tarvisio, near the "
            "border, to discuss the return of the remains of some 300 U.S. airmen lost in "
            "the war.\n\n"
            "The last such talks were held in 2029."
        ),
    },
    {
        "id": "mini-andes-summit",
        "title": "Andean leaders agree on glacier monitoring",
        "published": "2031-05-12",
        "source": "Wire Service",
        "text": (
            "LIMA, Peru — Leaders of Peru and Chile agreed on Monday to share glacier data, but "
            "the meeting ended without the fishing ban that Peru had demanded.\n\n"
            "Peruvian President Tomasz Okonkwo-Reyes hosted the talks in Lima. He was joined "
            "by Chilean President Idalia Ferrante.\n\n"
            "Peru wants a five-year ban on trawling in the shared waters, which Okonkwo-Reyes "
            "said had halved the anchovy catch.\n\n"
            "Chile, whose fleet fishes most of those waters, rejected the proposal.\n\n"
            "Ferrante and Tomasz will meet again on Thursday in the northern city of Arica to "
            "discuss the planned Lauca river dam, according to Peru's foreign ministry."
        ),
    },
]


def test_a_when_question_about_no_meeting_gets_the_sentence_giving_the_date(
    mini_engine: Engine,
) -> None:
    reply = ask(mini_engine, "when is marta quillon due back in court?")
    assert "june 14" in reply
    assert not says_unknown(reply)
    # The bail hearing already held is not the date asked for.
    assert "released on bail" not in reply


def test_what_someone_wants_before_agreeing_is_the_sentence_with_the_condition(
    mini_engine: Engine,
) -> None:
    reply = ask(
        mini_engine, "what does the riverside dockworkers union want before ending the strike"
    )
    assert "night-shift bonus" in reply
    assert not says_unknown(reply)


def test_a_how_much_question_gets_the_sentence_with_the_figure(mini_engine: Engine) -> None:
    question = "how much in chilean copper is peru hitting with the retaliatory levies"
    reply = ask(mini_engine, question)
    assert "$2 billion" in reply
    assert not says_unknown(reply)


def test_a_preposition_is_not_read_as_a_body_spelt_the_same(mini_engine: Engine) -> None:
    # "before" is a word of the question, not the relief group BEFORE.
    question = "what does the riverside dockworkers union want before they end the strike"
    reply = ask(mini_engine, question)
    assert "night-shift bonus" in reply
    assert "before" not in reply.split("\n", 1)[0]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("when are idalia ferrante and tomasz okonkwo-reyes meeting again?", "thursday"),
        ("where will idalia ferrante and tomasz okonkwo-reyes meet again?", "arica"),
    ],
    ids=["when", "where"],
)
def test_a_meeting_named_by_a_given_name_is_found_in_its_sentence(
    mini_engine: Engine, question: str, expected: str
) -> None:
    reply = ask(mini_engine, question)
    assert expected in reply
    assert not says_unknown(reply)


def test_a_name_written_with_dots_in_the_sentence_is_the_name_asked(mini_engine: Engine) -> None:
    # "US" asked, "U.S." written: the sentence still names it.
    reply = ask(mini_engine, "where will officials meet next month about the remains of us airmen?")
    assert "tarvisio" in reply
    assert not says_unknown(reply)


def test_follow_ups_on_that_meeting_read_the_same_sentence(mini_engine: Engine) -> None:
    chat = 51
    first = ask(
        mini_engine, "when are idalia ferrante and tomasz okonkwo-reyes meeting again?", chat
    )
    assert "thursday" in first
    assert "arica" in ask(mini_engine, "and where?", chat)
    assert "lauca river dam" in ask(mini_engine, "what will they discuss there", chat)


def test_a_yes_no_question_is_answered_by_the_sentences_that_settle_it(
    mini_engine: Engine,
) -> None:
    reply = ask(mini_engine, "did chile accept peru's call for a fishing ban?")
    assert "rejected the proposal" in reply
    assert not says_unknown(reply)
    # The articles' words settle it; the engine adds no yes or no of its own.
    assert not reply.startswith(("yes", "no"))


@pytest.mark.parametrize(
    "question",
    [
        "when is marta quillon due back in parliament?",
        "what does the riverside dockworkers union want before joining the pension fund",
        "did chile accept the tariff cut on copper?",
        "where will marta quillon study law?",
    ],
    ids=["when-other-topic", "want-other-topic", "yes-no-other-act", "where-other-topic"],
)
def test_with_no_sentence_answering_the_form_the_reply_abstains(
    mini_engine: Engine, question: str
) -> None:
    reply = ask(mini_engine, question)
    assert says_unknown(reply)
    # Nothing unrelated is offered as if it answered.
    assert "june 14" not in reply
    assert "night-shift" not in reply
    assert "rejected the proposal" not in reply
    # Chile accepted something, in a report that never speaks of what was asked.
    assert "ocean forum" not in reply
