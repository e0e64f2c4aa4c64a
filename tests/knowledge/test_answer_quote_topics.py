"""Question shapes held-out articles needed: a quote topic of several words said apart, a
person spoken of by their title, where a speaker spoke, and the search fallback's recall.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine, render_text
from tests.knowledge.asking import says_unknown

NOW = datetime(2032, 3, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-senate",
        "title": "Councillors unveil Senate replacement plan",
        "published": "2032-03-10",
        "source": "Dorset Echo",
        "text": (
            "A group of councillors has raised the pressure on Premier Olaf Brandt over "
            "reform of the Senate by publishing a detailed blueprint.\n\n"
            "The group includes Councillor Mira Sandoval and Councillor Pieter Holm. It "
            "meets on Fridays. Its members come from four parties.\n\n"
            "Ms Sandoval said holding votes on the same day might lift turnout. She added: "
            '"Voters deserve the freedom to pick who governs them."\n\n'
            "And Mr Holm said the premier's view was flawed. \"The trouble, I think, in the "
            "premier's head is that nobody agrees with him,\" he said."
        ),
    },
    {
        "id": "mini-rebate",
        "title": "Dutch rebate 'unfair' says Lindqvist",
        "published": "2032-03-11",
        "source": "Baltic Wire",
        "text": (
            "Swedish president Anders Lindqvist has called the Dutch rebate unfair.\n\n"
            'Mr Lindqvist told reporters in Antwerp: "The rebate belongs to the past. '
            'It cannot be justified any longer."'
        ),
    },
]


ARTICLES.append(
    {
        "id": "mini-moreno-speech",
        "title": "Carla Moreno urges teachers to stay",
        "published": "2032-03-12",
        "source": "Lima Post",
        "text": (
            "Carla Moreno praised the country's teachers in a speech in Porto on Tuesday.\n\n"
            "“You are the future of this country,” Moreno said."
        ),
    }
)

ARTICLES.append(
    {
        "id": "mini-presidents",
        "title": "Presidents meet in Brno",
        "published": "2032-03-13",
        "source": "Danube Daily",
        "text": (
            "President Ivo Tamm met President Lena Voss in Brno on Monday. The two "
            "discussed trade. Traders crowded the square.\n\n"
            "“President Voss has done great work,” trader Hugo Berg said."
        ),
    }
)

ARTICLES.append(
    {
        "id": "mini-kendal-storm",
        "title": "Storm damage in Kendal",
        "published": "2032-03-14",
        "source": "Lakes Echo",
        "text": (
            "Storm Dara hit Kendal on Saturday, and the river burst its banks.\n\n"
            "Residents spent the night in the school hall. Power was cut for hours.\n\n"
            "“The flood defences failed us,” said Councillor Pieter Holm."
        ),
    }
)

ARTICLES.append(
    {
        "id": "mini-whitlock-media",
        "title": "Mayor defends budget on the airwaves",
        "published": "2032-03-15",
        "source": "Fen Gazette",
        "text": (
            "Mayor Dana Whitlock defended the city budget on Sunday.\n\n"
            "“We will not back down,” Whitlock told Valley News.\n\n"
            "“The books are sound,” said Whitlock during an appearance on “Morning Desk.”"
        ),
    }
)


def ask(engine: Engine, question: str) -> str:
    return render_text(engine.answer(question))


def test_topic_words_said_apart_give_the_speakers_quotes_in_reports_about_it(
    mini_engine: Engine,
) -> None:
    # No quote says "senate reform"; the report does ("reform of the Senate"): give the
    # speaker's quotes there, and say plainly that they do not name the topic.
    reply = ask(mini_engine, "What did Mira Sandoval say about Senate reform?")
    assert "freedom to pick" in reply
    assert "names senate reform itself" in reply.casefold()


def test_topic_words_said_apart_elsewhere_do_not_count(mini_engine: Engine) -> None:
    # The rebate report never says "senate" at all: nothing to give.
    reply = ask(mini_engine, "What did Anders Lindqvist say about Senate reform?")
    assert says_unknown(reply)
    assert "belongs to the past" not in reply


def test_a_person_named_as_the_topic_is_found_by_their_title(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "What did Pieter Holm say about Brandt?")
    assert "nobody agrees with him" in reply
    assert not says_unknown(reply)


def test_a_title_written_before_another_name_is_not_the_topic_person(
    mini_engine: Engine,
) -> None:
    # Tamm is a president too, but "President Voss" speaks of Voss.
    reply = ask(mini_engine, "What did Hugo Berg say about Tamm?")
    assert says_unknown(reply)
    assert "great work" not in reply


def test_where_a_speaker_spoke_is_read_from_the_quotes_sentence(mini_engine: Engine) -> None:
    answer = mini_engine.answer("Where did Lindqvist speak to reporters?")
    assert answer.known
    assert "Antwerp" in answer.summary


def test_where_a_speaker_spoke_is_read_from_the_sentence_telling_of_the_speech(
    mini_engine: Engine,
) -> None:
    answer = mini_engine.answer("Where did Carla Moreno speak?")
    assert answer.known
    assert "Porto" in answer.summary
    assert "future of this country" in render_text(answer)


def test_where_unknown_says_so_and_still_gives_the_words(mini_engine: Engine) -> None:
    answer = mini_engine.answer("Where did Mira Sandoval speak?")
    assert "couldn't find where" in answer.summary
    assert "freedom to pick" in render_text(answer)


def test_a_quote_saying_most_of_a_long_topic_counts(mini_engine: Engine) -> None:
    # "river" is said only at the top of the report; the quote says the rest.
    answer = mini_engine.answer("What did Pieter Holm say about the river flood defences?")
    assert any("defences failed us" in quote.text for quote in answer.quotes)
    assert "nobody agrees" not in render_text(answer)


def test_say_on_a_topic_is_read_as_about_it(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "What did Mira Sandoval say on Senate reform?")
    assert "freedom to pick" in reply
    assert "names Senate reform itself" in reply


def test_say_on_a_day_is_no_topic(mini_engine: Engine) -> None:
    answer = mini_engine.answer("What did Lindqvist say on Tuesday?")
    assert not says_unknown(answer.summary)
    assert "belongs to the past" in render_text(answer)


def test_where_a_speaker_spoke_may_be_a_programme_or_outlet(mini_engine: Engine) -> None:
    answer = mini_engine.answer("Where did Whitlock say that?")
    assert answer.known
    assert "to Valley News" in answer.summary
    assert "“Morning Desk”" in answer.summary


def test_no_quotes_on_a_topic_names_it_as_asked(mini_engine: Engine) -> None:
    answer = mini_engine.answer("What did Mira Sandoval say about the Senate pay deal?")
    assert not answer.known
    assert "about the Senate pay deal" in answer.summary


def test_where_someone_said_a_thing_would_happen_is_not_where_they_spoke(
    mini_engine: Engine,
) -> None:
    answer = mini_engine.answer("Where did Lindqvist say the talks would take place?")
    assert "spoke in" not in answer.summary
    assert answer.intent == "event"


def test_where_was_someone_speaking_reads_where_they_spoke(mini_engine: Engine) -> None:
    answer = mini_engine.answer("where was lindqvist speaking")
    assert "Antwerp" in answer.summary
    answer = mini_engine.answer("Where did Carla Moreno give her speech?")
    assert "Porto" in answer.summary


def test_a_bare_where_after_someones_words_asks_where_they_said_them(
    mini_engine: Engine,
) -> None:
    mini_engine.answer("What did Lindqvist say about the rebate?", chat_id="where-follow-up")
    answer = mini_engine.answer("where?", chat_id="where-follow-up")
    assert "Antwerp" in answer.summary
