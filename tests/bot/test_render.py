"""Rendering: escaped Telegram HTML, blockquotes, splitting under 4096 UTF-16 units, buttons."""

from __future__ import annotations

from datetime import date

import pytest
from fakebotapi import BadRequest, parse_html

from bot import render
from knowledge.models import Answer, AnswerFact, AnswerQuote, QuoteKind, SourceRef

SOURCE = SourceRef(
    article_id="a1",
    outlet="Anadolu Agency",
    title='US & Iran "set" for <talks>',
    published=date(2026, 2, 3),
    url="https://example.com/x?a=1&b=<2>",
)


def make_answer(**fields: object) -> Answer:
    base: dict[str, object] = {
        "question": "q",
        "intent": "quotes",
        "known": True,
        "summary": "Talks <b>on</b> Friday & more",
        "confidence": 0.9,
    }
    base.update(fields)
    return Answer.model_validate(base)


def quote(text: str = "We <want> a deal & peace", **fields: object) -> AnswerQuote:
    base: dict[str, object] = {
        "text": text,
        "speaker": "Donald Trump",
        "speaker_role": "US president",
        "said_on": date(2026, 2, 1),
        "source": SOURCE,
    }
    base.update(fields)
    return AnswerQuote.model_validate(base)


def test_quote_is_a_blockquote_with_speaker_date_and_linked_source():
    html = render.render_quote(quote(attributed_via="The Wall Street Journal"))
    assert html == (
        "<blockquote>“We &lt;want&gt; a deal &amp; peace”\n"
        "— <b>Donald Trump</b>, US president · 1 February 2026 · "
        '<a href="https://example.com/x?a=1&amp;b=&lt;2&gt;">Anadolu Agency</a>'
        " · via The Wall Street Journal</blockquote>"
    )
    assert parse_html(html).startswith("“We <want> a deal & peace”")


def test_indirect_quotes_get_no_quotation_marks():
    html = render.render_quote(quote("that talks would go ahead", kind=QuoteKind.INDIRECT))
    assert html.startswith("<blockquote>that talks would go ahead\n")


def test_unsafe_link_is_rendered_as_text():
    source = SOURCE.model_copy(update={"url": "javascript:alert(1)"})
    assert render.link("x", source.url) == "x"


def test_answer_renders_summary_quotes_facts_and_sources_all_escaped():
    answer = make_answer(
        quotes=(quote(),),
        facts=(AnswerFact(text="Meeting in <Istanbul>", source=SOURCE),),
        sources=(SOURCE,),
    )
    (message,) = render.render_answer(answer)
    visible = parse_html(message)
    assert visible.startswith("Talks <b>on</b> Friday & more")
    assert "• Meeting in <Istanbul> (Anadolu Agency)" in visible
    assert 'Sources\n1. US & Iran "set" for <talks> — Anadolu Agency, 3 February 2026' in visible


def test_empty_answer_still_says_something():
    (message,) = render.render_answer(make_answer(summary="", known=False))
    assert "don't know" in parse_html(message)


def test_long_answers_split_between_paragraphs_under_4096_utf16_units():
    # Emoji count twice in UTF-16: a split measured in code points would overflow.
    quotes = tuple(quote("😀 " * 600 + f"#{n}") for n in range(8))
    messages = render.render_answer(make_answer(quotes=quotes))
    assert len(messages) > 1
    for message in messages:
        assert render.utf16_len(message) <= 4096
        parse_html(message)  # each part is well-formed on its own
    assert "".join(messages).count("<blockquote>") == 8


def test_a_huge_field_is_clipped_after_escaping():
    html = render.render_quote(quote('"&' * 5000))
    assert render.utf16_len(html) < 4096
    parse_html(html)


def test_split_messages_never_exceeds_the_limit_even_for_one_huge_line():
    parts = render.split_messages(["x" * 9000, "short"], limit=4096)
    assert all(render.utf16_len(p) <= 4096 for p in parts)
    assert "".join(parts).replace("\n", "").count("x") == 9000


@pytest.mark.parametrize(
    ("question", "fits"),
    [("Who is meeting where?", True), ("é" * 40, False)],
    ids=["ascii", "utf8"],
)
def test_callback_data_respects_64_bytes(question: str, fits: bool):
    data = render.callback_data(render.MORE_QUOTES, "=" + question)
    assert (data is not None) is fits
    if data is not None:
        assert render.parse_callback_data(data) == ("mq", "=" + question)


@pytest.mark.parametrize("data", [None, "", "mq", "xx|abc", "mq|"])
def test_unknown_callback_data_is_rejected(data: str | None):
    assert render.parse_callback_data(data) is None


def test_keyboard_has_the_three_buttons_and_follow_ups():
    answer = make_answer(follow_ups=("And when?",))
    keyboard = render.answer_keyboard(answer, "=q", [("And when?", "=And when?")])
    assert keyboard is not None
    labels = [[b.text for b in row] for row in keyboard.inline_keyboard]
    assert labels == [["More quotes", "Sources", "Related"], ["And when?"]]
    for row in keyboard.inline_keyboard:
        for button in row:
            assert len(str(button.callback_data).encode()) <= 64


def test_unknown_answer_gets_no_action_buttons():
    assert render.answer_keyboard(make_answer(known=False), "=q") is None


def test_inline_results_are_capped_at_50_and_well_formed():
    answer = make_answer(quotes=tuple(quote(f"words {n}") for n in range(70)), sources=(SOURCE,))
    results = render.inline_results(answer)
    assert len(results) == 50
    assert len({r.id for r in results}) == 50
    for result in results:
        content = result.input_message_content
        parse_html(content.message_text)  # type: ignore[union-attr]


def test_fake_server_rejects_what_telegram_rejects():
    for bad in ("<div>x</div>", "<b>x", "a & b", "<a href='javascript:x'>y</a>", "<b><i>x</b></i>"):
        with pytest.raises(BadRequest):
            parse_html(bad)


def test_alert_groups_topics_in_one_message():
    messages = render.render_alert([("Iran", make_answer(quotes=(quote(),)))])
    assert len(messages) == 1
    assert parse_html(messages[0]).startswith("🔔 New on what you follow\n\nIran")
