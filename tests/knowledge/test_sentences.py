"""Stage 1: sentences, paragraphs, datelines and page clutter."""

from __future__ import annotations

import pytest

from knowledge.extract.sentences import (
    blank_teasers,
    find_dateline,
    is_clutter,
    split_sentences,
    teaser_spans,
)


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences("a", text)]


def test_every_sentence_is_a_span_of_the_text() -> None:
    text = "First one here. Second one there!\n\nA new paragraph? Yes, indeed."
    sentences = split_sentences("a", text)
    assert [s.text for s in sentences] == [
        "First one here.",
        "Second one there!",
        "A new paragraph?",
        "Yes, indeed.",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]
    assert [s.index for s in sentences] == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Smith met Gov. Jones on Jan. 5 in St. Louis. They talked.", 2),
        ("U.S. officials said the talks would go on. Others disagreed.", 2),
        ("The talks took place in the U.S. The next round is in Oman.", 2),
        ("John F. Kennedy spoke. Mr. Brown left.", 2),
        ("He paid $3.5 million. She paid 2.5 times more.", 2),
        ("Sen. Warren and Rep. Ocasio-Cortez voted no.", 1),
    ],
    ids=["titles-months", "acronym-inside", "acronym-at-end", "initials", "decimals", "congress"],
)
def test_abbreviations_do_not_end_sentences(text: str, expected: int) -> None:
    assert len(_texts(text)) == expected


def test_a_quote_with_several_sentences_stays_with_its_attribution() -> None:
    text = "“We will win. We always win. Nobody beats us,” the coach said. Fans cheered."
    assert _texts(text) == [
        "“We will win. We always win. Nobody beats us,” the coach said.",
        "Fans cheered.",
    ]


def test_an_unclosed_quote_does_not_swallow_the_paragraph_split() -> None:
    text = "“It is a start. More must follow.\n\n“We will see,” she said."
    assert _texts(text) == ["“It is a start.", "More must follow.", "“We will see,” she said."]


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("HANOI — President Obama lifted the embargo.", "President Obama lifted the embargo."),
        ("WASHINGTON (Reuters) - The Senate voted.", "The Senate voted."),
        ("NEW YORK, Jan. 3 — Stocks fell.", "Stocks fell."),
    ],
)
def test_dateline_is_left_out_of_the_first_sentence(text: str, rest: str) -> None:
    assert _texts(text) == [rest]
    span = find_dateline(text)
    assert span is not None
    assert text[span[1] :] == rest


def test_no_dateline_in_ordinary_prose() -> None:
    assert find_dateline("The minister - who was late - spoke.") is None


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Sign up for our newsletter",
        "Sign up for Daily Newsletters Manage Newsletters",
        "LISTEN TO ARTICLE 2:14 SHARE THIS ARTICLE Share Tweet Post Email",
        "Read or Share this story: https://example.com/story",
        "Enlarge this image toggle caption Alex Wong/Getty Images Alex Wong/Getty Images",
        "Image copyright Reuters",
        "Photo: Jane Doe/AP",
        "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
        "The Associated Press contributed to this report.",
        "Story Continued Below",
        "CLICK HERE TO GET THE FOX NEWS APP",
        "USA TODAY",
        "World",
        "Play Video 0:48 The minister says the talks will resume - video",
        "How the talks collapsed – visual guide Read more",
    ],
)
def test_page_furniture_is_clutter(line: str) -> None:
    assert is_clutter(line)


@pytest.mark.parametrize(
    "line",
    [
        "The president said the talks would resume on Friday.",
        "Officials signed up to the new agreement after weeks of talks.",
        "She shared her concerns with the committee.",
        "“We will follow the law,” he said.",
        "The video showed the president speaking to reporters.",
    ],
)
def test_reporting_is_not_clutter(line: str) -> None:
    assert not is_clutter(line)


def test_clutter_paragraphs_give_no_sentences() -> None:
    text = "The vote passed.\n\nAdvertisement\n\nSign up for our newsletter\n\nThe bill goes on."
    assert _texts(text) == ["The vote passed.", "The bill goes on."]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "...", "\u200b"])
def test_odd_input_gives_few_or_no_sentences(text: str) -> None:
    for s in split_sentences("a", text):
        assert text[s.start : s.end] == s.text


def test_inline_photo_credits_are_cut_out() -> None:
    text = (
        "Purdy says he lost weight. ( Richard Lautens / Toronto Star ) Mississauga accountant "
        "Babatunji Farinloye says he is happy."
    )
    assert _texts(text) == [
        "Purdy says he lost weight.",
        "Mississauga accountant Babatunji Farinloye says he is happy.",
    ]


@pytest.mark.parametrize(
    ("text", "teaser"),
    [
        (
            "Sen. Ann Moe Ann Marie MoeSenate passes farm bill Budget talks stall MORE (D-Ore.) "
            "said no.",
            "Ann Marie MoeSenate passes farm bill Budget talks stall MORE",
        ),
        (
            "Gov. Ray Tiller Raymond (Ray) Tiller2020 hopefuls court farmers MORE’s plan failed.",
            "Raymond (Ray) Tiller2020 hopefuls court farmers MORE",
        ),
        (
            "Speaker Lou Benn Lou Arthur Benn Voters sour on tax plan MORE (R-Ohio) said no.",
            "Lou Arthur Benn Voters sour on tax plan MORE",
        ),
    ],
    ids=["glued-headline", "digits-and-possessive", "spaced-headline"],
)
def test_inline_bio_link_teasers_are_found(text: str, teaser: str) -> None:
    assert [text[s:e] for s, e in teaser_spans(text)] == [teaser]
    blanked = blank_teasers(text)
    assert len(blanked) == len(text) and teaser not in blanked


@pytest.mark.parametrize(
    "text",
    [
        "Ann Moe met Ann Marie Moe at the fair. MORE later.",
        "The group MORE said Ann Moe Ann Moe was wrong.",
        "Tim Rowe Tim Rowe and more news follow.",
    ],
    ids=["no-glued-name", "more-before-name", "no-more"],
)
def test_ordinary_text_has_no_teasers(text: str) -> None:
    assert teaser_spans(text) == []
    assert blank_teasers(text) is text
