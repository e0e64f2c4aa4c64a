"""Q&A interview transcripts: answers are the interviewee's quotes, questions are nobody's.

Invented interviews in several house styles (surname labels, bold capitals, "Q." / "A.",
"Interviewer:"), read through the text reader and the whole extraction pipeline.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from knowledge.extract import extract
from knowledge.models import Article, Quote, QuoteKind
from knowledge.readers import read_document

PUBLISHED = datetime(2026, 3, 4, tzinfo=UTC)


def _article(text: str, title: str = "An interview") -> Article:
    return Article(id="t1", title=title, text=text, published=PUBLISHED)


def _quotes(text: str, title: str = "An interview") -> list[Quote]:
    return list(extract(_article(text, title)).quotes)


SURNAME_STYLE = (
    "The Harbour Courier spoke to Marta Okonkwo, the port authority's chief executive, "
    "in Lagos on Friday.\n\n"
    "Q: Why did the dredging stop?\n\n"
    "Okonkwo: The contractor ran out of money in May. We are paying the second tranche now.\n\n"
    "Q: When will ships return?\n\n"
    "Okonkwo: By the end of the rainy season, if the barges arrive on time.\n\n"
    "That is the plan we gave the ministry.\n\n"
    "Q: Last question. Are you staying?\n\n"
    "Okonkwo: Yes, for as long as the board wants me.\n\n"
    "Marta Okonkwo, 51, has run the authority since 2022."
)


def test_surname_labelled_answers_are_the_interviewees_quotes() -> None:
    quotes = [q for q in _quotes(SURNAME_STYLE) if q.speaker == "Marta Okonkwo"]
    texts = [q.text for q in quotes]
    assert texts == [
        "The contractor ran out of money in May. We are paying the second tranche now.",
        "By the end of the rainy season, if the barges arrive on time.",
        "That is the plan we gave the ministry.",
        "Yes, for as long as the board wants me.",
    ]
    assert all(q.kind is QuoteKind.DIRECT for q in quotes)


def test_question_lines_and_the_closing_bio_are_not_quotes() -> None:
    texts = [q.text for q in _quotes(SURNAME_STYLE)]
    assert not any("Why did the dredging stop" in t for t in texts)
    assert not any("has run the authority" in t for t in texts)


@pytest.mark.parametrize(
    ("answer_label", "question_label"),
    [
        ("**PIETER VAN DAM:**", "**Interviewer:**"),
        ("PIETER VAN DAM:", "INTERVIEWER:"),
        ("Van Dam:", "Question:"),
        ("A.", "Q."),
        ("A:", "Q:"),
    ],
    ids=["bold-caps", "caps", "surname-question", "q-dot-a-dot", "q-colon-a-colon"],
)
def test_other_transcript_styles(answer_label: str, question_label: str) -> None:
    text = (
        "In an interview with Pieter van Dam, the Dutch farm leader, we asked about the "
        "nitrogen rules.\n\n"
        f"{question_label} Will farmers protest again?\n\n"
        f"{answer_label} Only if the ministry ignores the compromise we signed.\n\n"
        f"{question_label} And the tractors on the motorway?\n\n"
        f"{answer_label} That was a mistake, and I said so at the time."
    )
    quotes = _quotes(text, title="Pieter van Dam on the nitrogen rules")
    answers = {q.text: q.speaker for q in quotes}
    assert answers.get("Only if the ministry ignores the compromise we signed.") == "Pieter van Dam"
    assert answers.get("That was a mistake, and I said so at the time.") == "Pieter van Dam"
    assert not any("Will farmers protest" in t for t in answers)


def test_a_single_labelled_line_in_a_news_story_is_no_transcript() -> None:
    text = (
        "Officials met in Lima on Monday.\n\n"
        "Update: The meeting ended without a statement.\n\n"
        "Rosa Quispe said the talks would resume."
    )
    assert not any(q.text.startswith("The meeting ended") for q in _quotes(text))


def test_the_interviewer_named_by_the_byline_asks_and_does_not_answer() -> None:
    text = (
        "Kofi Mensah, the cocoa board's chairman, talked to our reporter.\n\n"
        "Adjei: Is the price going up?\n\n"
        "Mensah: It has to. Growers cannot live on last year's price.\n\n"
        "Adjei: By how much?\n\n"
        "Mensah: Twenty per cent at least."
    )
    article = Article(
        id="t2", title="Cocoa talk", text=text, published=PUBLISHED, authors=("Ama Adjei",)
    )
    quotes = list(extract(article).quotes)
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers.get("Twenty per cent at least.") == "Kofi Mensah"
    assert "Is the price going up?" not in speakers


INTERVIEW_PAGE = """THE LAKESIDE OBSERVER
Interviews | East Africa

"We cannot wait for the rains": minister Grace Achieng on Lake Victoria fishing

By Daniel Otieno, Kisumu correspondent
3 March 2026

KISUMU - Fishing crews on the lake have lost half their catch this year.

The Lakeside Observer spoke to Grace Achieng, Kenya's fisheries minister, in Kisumu on Monday.

Q: What went wrong?

Achieng: Too many boats, too few fish. We licensed twice what the lake can feed.

Q: What will you do?

Achieng: Cut the licences by a third from July, and pay the crews who leave.
"""


def test_an_interview_page_keeps_its_masthead_as_the_source_and_its_headline_as_title() -> None:
    (article,) = list(read_document("achieng.txt", INTERVIEW_PAGE.encode()))
    assert isinstance(article, Article)
    assert article.source == "The Lakeside Observer"
    assert article.title.startswith('"We cannot wait for the rains"')
    assert article.authors == ("Daniel Otieno",)
    quotes = [q for q in extract(article).quotes if q.speaker == "Grace Achieng"]
    assert [q.text for q in quotes] == [
        "Too many boats, too few fish. We licensed twice what the lake can feed.",
        "Cut the licences by a third from July, and pay the crews who leave.",
    ]


def test_a_later_post_quoting_the_words_does_not_swallow_the_quote() -> None:
    text = (
        "Mara Quell pushed back on that during her press conference.\n\n"
        "“Families are waiting,” she said. “We don’t need two more days. We need a vote "
        "tonight.”\n\n"
        "Speaker Quell says critics should “wait their turn”: “We don’t need two more days. "
        "We need a vote tonight” — Harbour News (@HarbourNews) March 3, 2026"
    )
    quotes = _quotes(text)
    assert any(
        q.text == "We don’t need two more days. We need a vote tonight."
        and q.speaker == "Mara Quell"
        for q in quotes
    )


@pytest.mark.parametrize("source", ["the intelligence source", "the source", "the insider"])
def test_an_anonymous_source_is_nobody_the_article_names(source: str) -> None:
    text = (
        "President Ana Ruiz spoke on Wednesday. One unnamed official told the outlet that the "
        "server had been breached.\n\n"
        f"“They found a copy was being sent to a third party,” {source} said."
    )
    (quote,) = [q for q in _quotes(text) if q.text.startswith("They found")]
    assert quote.speaker != "Ana Ruiz"


def test_a_pasted_name_card_is_taken_out_of_the_text() -> None:
    line = json.dumps(
        {
            "id": "card1",
            "title": "Senators react",
            "text": "Sen. Mara Quell Mara Jane QuellSenators balk at long trial Quell says "
            "witnesses matter MORE said on Tuesday that the trial would be short.\n\n"
            "Rep. Tom McArdle Thomas Ian McArdleOvernight: a budget deal MORE agreed.",
        }
    )
    (article,) = list(read_document("cards.jsonl", line.encode()))
    assert isinstance(article, Article)
    assert article.text == (
        "Sen. Mara Quell said on Tuesday that the trial would be short.\n\nRep. Tom McArdle agreed."
    )


def test_capitals_that_are_no_name_card_stay() -> None:
    line = json.dumps(
        {"id": "card2", "title": "Sale", "text": "Buy ONE get ONE FREE. Learn MORE today."}
    )
    (article,) = list(read_document("cards.jsonl", line.encode()))
    assert isinstance(article, Article)
    assert "Learn MORE today." in article.text
