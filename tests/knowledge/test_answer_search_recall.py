"""The sentence search's recall on question shapes held-out articles needed: "how many"
answered by the figure that counts what is asked, and "which <things> did X ..." whose
answer names the things without the category word.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine, render_text

NOW = datetime(2033, 5, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-assembly",
        "title": "Councillors tout city hall replacement plan",
        "published": "2033-05-10",
        "source": "Avon Gazette",
        "text": (
            "The cross-party panel has unveiled a plan for a smaller city assembly in which "
            "60% of members would be elected.\n\n"
            "The panel says the public supports replacing the old council. Under the plan "
            "the council would be renamed the City Assembly of Avon, and its members would "
            "be known as CAAs.\n\n"
            "There would be 140 CAAs, including 90 elected members, 44 appointed members "
            "and 6 aldermen. They would serve for between four and six years."
        ),
    },
    {
        "id": "mini-rounds",
        "title": "Adviser dodges question on inquiry",
        "published": "2033-05-11",
        "source": "Capital Times",
        "text": (
            "A top adviser to the governor refused on Sunday to say whether the governor "
            "would answer investigators' questions.\n\n"
            "“The inquiry has been announced. Let it run,” said senior adviser Bruno Kessler "
            "during an appearance on “Weekend Review,” adding that he would not comment.\n\n"
            "“We think that is a wise move,” said Mr. Kessler on “Morning Table.”"
        ),
    },
]

ARTICLES.append(
    {
        "id": "mini-reserve",
        "title": "Avalon interest rates increased to 3%",
        "published": "2033-05-12",
        "source": "Money Wire",
        "text": (
            "Interest rates in Avalon are to rise for the third time this year.\n\n"
            "The Avalon Reserve Bank has raised its main interest rate by half a point to 3% "
            "on Wednesday.\n\n"
            "Analysts said the Avalon Reserve Bank was likely to keep raising interest rates."
        ),
    }
)


def ask(engine: Engine, question: str) -> str:
    return render_text(engine.answer(question))


def test_how_many_prefers_the_figure_counting_what_is_asked(mini_engine: Engine) -> None:
    # "60% of members" is a share, not how many: the count is two sentences further on,
    # under a name the question does not use.
    answer = mini_engine.answer("How many members would the new city assembly have?")
    assert answer.facts
    assert "140" in answer.facts[0].text


def test_which_things_did_someone_do_finds_the_instances(mini_engine: Engine) -> None:
    # "TV shows" is what the answer is (the shows' names), not words the sentence says.
    reply = ask(mini_engine, "Which TV shows did Kessler appear on?")
    assert "Weekend Review" in reply


def test_how_many_finds_the_count_in_the_report_about_the_rest_of_the_question(
    mini_engine: Engine,
) -> None:
    # No sentence says "aldermen" with "city assembly": the report about the assembly does
    # count them.
    answer = mini_engine.answer("How many aldermen would sit in the new city assembly?")
    assert answer.facts
    assert "6 aldermen" in answer.facts[0].text


def test_what_was_announced_is_what_was_done_when_no_sentence_says_announced(
    mini_engine: Engine,
) -> None:
    answer = mini_engine.answer("What did the Avalon Reserve Bank announce on interest rates?")
    assert answer.known
    assert answer.facts
    assert "has raised its main interest rate" in answer.facts[0].text
