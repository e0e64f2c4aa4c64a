"""Quotes set off from the copy: unmarked block quotes, embedded posts, bare quote paragraphs."""

from __future__ import annotations

from datetime import UTC, date, datetime

from knowledge.extract import extract
from knowledge.extract.entities import find_entities
from knowledge.extract.quotes import find_quotes
from knowledge.extract.sentences import split_sentences
from knowledge.models import Article, Quote
from knowledge.readers import read_document

PUBLISHED = datetime(2031, 3, 12, 15, 0, tzinfo=UTC)


def _quotes(text: str) -> list[Quote]:
    article = Article(id="b", text=text, published=PUBLISHED)
    sentences = split_sentences(article.id, text)
    quotes = find_quotes(article, sentences, find_entities(article, sentences))
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
    return quotes


def _by_start(quotes: list[Quote], opening: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(opening)]
    assert len(found) == 1, [(q.text, q.speaker) for q in quotes]
    return found[0]


def test_post_signature_on_its_own_line_names_the_author_and_date() -> None:
    text = (
        "The port strike entered its third day.\n\n"
        "Meanwhile the Danish trade minister, Karen Holst, has been on social media:\n\n"
        "Good talks with the dockers' union tonight. Nobody wins a long strike. "
        "Back at the table at 9am.\n\n"
        "— Karen Holst (@KHolstMin) March 11, 2031\n\n"
        "Ferry traffic was unaffected."
    )
    post = _by_start(_quotes(text), "Good talks")
    assert post.text.endswith("Back at the table at 9am.")
    assert post.speaker == "Karen Holst"
    assert post.said_on == date(2031, 3, 11)


def test_posts_run_together_in_one_paragraph_are_separate_quotes() -> None:
    text = (
        "Reaction online was swift.\n\n"
        "The vote is a disgrace and we will overturn it in court. https://t.co/Ab12Cd "
        "— Tomas Berg (@tberg) March 10, 2031 Proud of every councillor who stood firm "
        "tonight. — Lena Vik (@lenavik) March 10, 2031"
    )
    quotes = _quotes(text)
    first = _by_start(quotes, "The vote is a disgrace")
    assert first.text == "The vote is a disgrace and we will overturn it in court."
    assert first.speaker == "Tomas Berg"
    second = _by_start(quotes, "Proud of every councillor")
    assert second.speaker == "Lena Vik"
    assert second.said_on == date(2031, 3, 10)


def test_a_post_relaying_an_attributed_quote_leaves_the_quote_to_its_speaker() -> None:
    text = (
        "Mayor Ana Ruiz spoke at the depot.\n\n"
        "“We will not close a single line this year,” Ruiz said at the depot. Nice. "
        "— Olaf Strand (@ostrand) March 10, 2031"
    )
    quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["Ana Ruiz"]


def test_a_block_quote_without_marks_after_a_cue_and_colon_is_a_direct_quote() -> None:
    text = (
        "The fisheries minister, Ingrid Dahl, has answered the coastal mayors. "
        "In a statement, she said:\n\n"
        "Nobody will lose their licence this winter. The quota will be reviewed in spring "
        "with the fleet at the table.\n\n"
        "The mayors welcomed the promise."
    )
    quote = _by_start(_quotes(text), "Nobody will lose")
    assert quote.speaker == "Ingrid Dahl"
    assert quote.kind == "direct"


def test_a_colon_without_a_speaker_hands_over_no_quote() -> None:
    text = (
        "Here is a summary of the main developments:\n\n"
        "Ferries to the islands are cancelled until Friday and schools will stay shut.\n\n"
        "The council reported the damage to roads:\n\n"
        "Three bridges were closed and a landslide blocked the coast road."
    )
    assert _quotes(text) == []


def test_a_set_off_paragraph_holding_reported_speech_keeps_its_own_attribution() -> None:
    text = (
        "The Daily Courier reported:\n\n"
        "Last week the union leader, Piet Smit, said that the strike would go on until "
        "Easter.\n\n"
        "Talks resume on Monday."
    )
    quotes = _quotes(text)
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", "Piet Smit")]


def test_a_bare_quote_paragraph_after_an_introduction_is_the_introduced_persons() -> None:
    text = (
        "Rain fell all day on the harbour.\n\n"
        "The Green party leader, Maria Holm, has just spoken to reporters outside the "
        "town hall.\n\n"
        "“We will not sign a budget that cuts the night buses. If the cuts stay, "
        "we walk.”\n\n"
        "The vote is due on Thursday."
    )
    quote = _by_start(_quotes(text), "We will not sign")
    assert quote.speaker == "Maria Holm"


def test_a_quote_with_an_unread_attribution_is_not_given_to_the_paragraph_before() -> None:
    text = (
        "Senator Paul Wren opened the hearing.\n\n"
        "“The worst time to cut is now,” said the committee, in a rare joint note."
    )
    quotes = _quotes(text)
    assert all(q.speaker != "Paul Wren" for q in quotes)


_LIVE_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour strike talks - live | The Northern Tribune</title>
<meta property="og:site_name" content="The Northern Tribune">
<meta property="article:published_time" content="2031-03-12T09:00:00Z">
</head><body><article><h1>Harbour strike talks - live</h1>
<div class="body">
<p>The harbour authority and the dockers' union met for six hours on Wednesday without a deal,
and both sides said the talks would resume on Thursday morning.</p>
<p>The union's general secretary, Jonas Falk, has just spoken to reporters at the gates.</p>
<blockquote><p>&#8220;We came with a fair offer and we leave with nothing. If the authority does
not move by Friday, the strike goes on.&#8221;</p></blockquote>
<p>The port's director, Eva Lind, has been on social media:</p>
<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Long day at the table. We are close on
pay and apart on shifts. Back tomorrow at eight.</p>&mdash; Eva Lind (@HarbourEva)
<a href="https://twitter.com/HarbourEva/status/1">March 12, 2031</a></blockquote>
<p>Shipping firms say cargo is already being diverted to other ports along the coast.</p>
</div></article></body></html>"""


def test_live_page_block_quote_and_embedded_post_get_their_speakers() -> None:
    (article,) = read_document("live.html", _LIVE_PAGE.encode())
    assert isinstance(article, Article)
    facts = extract(article)
    speakers = {q.text.split()[0:3].__str__(): q.speaker for q in facts.quotes}
    by_text = {q.text[:20]: q for q in facts.quotes}
    assert by_text["We came with a fair "].speaker == "Jonas Falk", speakers
    post = by_text["Long day at the tabl"]
    assert post.speaker == "Eva Lind"
    assert post.said_on == date(2031, 3, 12)
