"""Handlers through the real dispatch path: ``Application.process_update`` with ``Update`` objects
built from JSON, against the fake Bot API server (which validates what Telegram validates)."""

from __future__ import annotations

import asyncio
import itertools
import logging
from typing import Any

import httpx
import pytest
from fakebotapi import Call, FakeBotAPI
from fakeengine import ADMIN, FakeEngine, article_facts
from telegram import Update
from telegram.ext import Application

from bot.alerts import LAST_ALERTED
from bot.handlers import NOT_ADMIN, SOMETHING_WENT_WRONG, STALE_BUTTON
from knowledge.store import Store

App = Application[Any, Any, Any, Any, Any, Any]
_users = itertools.count(50_000)


async def process(app: App, update: dict[str, Any]) -> None:
    update = dict(update)
    update.setdefault("update_id", 1)
    await app.process_update(Update.de_json(update, app.bot))


def new_user() -> int:
    """A fresh user per test: the session-wide fake server keeps every chat's history."""
    return next(_users)


def sent_to(api: FakeBotAPI, chat_id: int, method: str = "sendMessage") -> list[Call]:
    return api.find(method, lambda c: int(c.params.get("chat_id", 0)) == chat_id)


def buttons(call: Call) -> list[dict[str, Any]]:
    markup = call.params.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


async def test_start_welcomes_with_example_questions_as_buttons(app: App, fake_api: FakeBotAPI):
    user = new_user()
    await process(app, {"message": fake_api.message("/start", user_id=user)})
    (reply,) = sent_to(fake_api, user)
    assert "I answer questions about the news" in (reply.visible or "")
    labels = [b["text"] for b in buttons(reply)]
    assert "Who is meeting where?" in labels
    assert buttons(reply)[-1] == {"text": "Ask from another chat", "switch_inline_query": ""}
    assert all(len(b["callback_data"].encode()) <= 64 for b in buttons(reply)[:-1])


async def test_private_question_is_answered_escaped_with_quote_and_buttons(
    app: App, fake_api: FakeBotAPI, engine: FakeEngine
):
    user = new_user()
    await process(app, {"message": fake_api.message("What did <Ana> say?", user_id=user)})
    assert engine.calls[-1] == ("answer", "What did <Ana> say?", user)
    (reply,) = sent_to(fake_api, user)
    html = reply.params["text"]
    assert "Answer to &lt;What did &lt;Ana&gt; say?&gt;" in html
    assert "<blockquote>“We &lt;will&gt; talk &amp; see #0”" in html
    assert "<b>Ana &lt;b&gt;Smith&lt;/b&gt;</b>, foreign minister · 1 February 2026" in html
    assert (
        '<a href="https://example.com/talks?a=1&amp;b=2">Example &lt;News&gt; &amp; Co</a>' in html
    )
    assert reply.params["link_preview_options"] == {"is_disabled": True}
    labels = [b["text"] for b in buttons(reply)]
    assert labels[:3] == ["More quotes", "Sources", "Related"]
    assert "What else did she say?" in labels


async def test_group_message_without_mention_is_ignored(app: App, fake_api: FakeBotAPI):
    user, group = new_user(), -100_000 - new_user()
    msg = fake_api.message("what about Iran", user_id=user, chat_id=group, chat_type="supergroup")
    await process(app, {"message": msg})
    assert sent_to(fake_api, group) == []


async def test_group_message_mentioning_the_bot_is_answered_in_thread(
    app: App, fake_api: FakeBotAPI, engine: FakeEngine
):
    user, group = new_user(), -100_000 - new_user()
    text = f"@{fake_api.username} who is meeting where?"
    msg = fake_api.message(text, user_id=user, chat_id=group, chat_type="supergroup")
    await process(app, {"message": msg})
    assert engine.calls[-1] == ("answer", "who is meeting where?", group)
    (reply,) = sent_to(fake_api, group)
    assert reply.params["reply_parameters"]["message_id"] == msg["message_id"]


async def test_group_reply_to_the_bot_is_answered(app: App, fake_api: FakeBotAPI):
    user, group = new_user(), -100_000 - new_user()
    bot_message = {
        "message_id": 7,
        "date": 0,
        "chat": {"id": group, "type": "supergroup", "title": "Newsroom"},
        "from": fake_api.bot_user(),
        "text": "earlier answer",
    }
    msg = fake_api.message(
        "and when?", user_id=user, chat_id=group, chat_type="supergroup", reply_to=bot_message
    )
    await process(app, {"message": msg})
    assert len(sent_to(fake_api, group)) == 1


async def test_group_mention_of_someone_else_is_ignored(app: App, fake_api: FakeBotAPI):
    user, group = new_user(), -100_000 - new_user()
    msg = fake_api.message(
        "@someone_else what do you think", user_id=user, chat_id=group, chat_type="supergroup"
    )
    await process(app, {"message": msg})
    assert sent_to(fake_api, group) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/quotes the president", ("quotes", "the president")),
        ("/latest", ("latest", None)),
        ("/summary", ("summary", None)),
        ("/summary nuclear talks", ("summary", "nuclear talks")),
        ("/events", ("events", None)),
        ("/sources", ("sources", None)),
        ("/topics", ("topics", None)),
        ("/who Ana Smith", ("who", "Ana Smith")),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
async def test_commands_go_to_the_engine(
    app: App, fake_api: FakeBotAPI, engine: FakeEngine, text: str, expected: tuple[str, Any]
):
    user = new_user()
    await process(app, {"message": fake_api.message(text, user_id=user)})
    assert engine.calls[-1] == (*expected, user)
    assert len(sent_to(fake_api, user)) == 1


async def test_who_without_a_name_asks_whom(app: App, fake_api: FakeBotAPI, engine: FakeEngine):
    user = new_user()
    await process(app, {"message": fake_api.message("/who", user_id=user)})
    assert engine.calls == []
    assert "Whom do you mean?" in (sent_to(fake_api, user)[0].visible or "")


async def test_help_lists_commands(app: App, fake_api: FakeBotAPI):
    user = new_user()
    await process(app, {"message": fake_api.message("/help", user_id=user)})
    replies = sent_to(fake_api, user)
    assert "/follow" in (replies[-1].visible or "")
    assert [buttons(r) for r in replies] == [[], []]  # "More quotes" under help means nothing


async def test_more_quotes_button_asks_the_engine_about_the_same_question(
    app: App, fake_api: FakeBotAPI, engine: FakeEngine
):
    user = new_user()
    await process(app, {"message": fake_api.message("What did Ana say?", user_id=user)})
    (reply,) = sent_to(fake_api, user)
    more = next(b for b in buttons(reply) if b["text"] == "More quotes")
    await process(app, {"callback_query": _query(fake_api, reply, more["callback_data"], user)})
    assert engine.calls[-1] == ("more_quotes", "What did Ana say?", user)
    assert (
        len(
            fake_api.find(
                "answerCallbackQuery", lambda c: c.params["callback_query_id"] == "cq-" + str(user)
            )
        )
        == 1
    )
    assert len(sent_to(fake_api, user)) == 2


async def test_long_question_buttons_use_a_short_reference(
    app: App, fake_api: FakeBotAPI, engine: FakeEngine
):
    user = new_user()
    question = "What did the foreign minister of the country say about the talks " * 3
    await process(app, {"message": fake_api.message(question, user_id=user)})
    (reply,) = sent_to(fake_api, user)
    sources = next(b for b in buttons(reply) if b["text"] == "Sources")
    assert len(sources["callback_data"].encode()) <= 64
    await process(app, {"callback_query": _query(fake_api, reply, sources["callback_data"], user)})
    assert engine.calls[-1] == ("sources", question.strip(), user)


@pytest.mark.parametrize("data", ["mq|#0123456789abcdef", "garbage", "zz|=hello"])
async def test_stale_or_unknown_buttons_are_answered_politely(
    app: App, fake_api: FakeBotAPI, engine: FakeEngine, data: str
):
    user = new_user()
    message = {"message_id": 1, "date": 0, "chat": {"id": user, "type": "private"}, "text": "x"}
    await process(app, {"callback_query": _query(fake_api, message, data, user)})
    answers = fake_api.find(
        "answerCallbackQuery", lambda c: c.params["callback_query_id"] == f"cq-{user}"
    )
    assert answers[-1].params["text"] == STALE_BUTTON
    assert engine.calls == []


async def test_example_question_button_asks_it(app: App, fake_api: FakeBotAPI, engine: FakeEngine):
    user = new_user()
    await process(app, {"message": fake_api.message("/start", user_id=user)})
    (welcome,) = sent_to(fake_api, user)
    first = buttons(welcome)[0]
    await process(app, {"callback_query": _query(fake_api, welcome, first["callback_data"], user)})
    assert engine.calls[-1] == ("answer", first["text"], user)


async def test_inline_query_returns_at_most_50_cards(
    app: App, fake_api: FakeBotAPI, engine: FakeEngine
):
    engine.quote_count = 80
    user = new_user()
    await process(app, {"inline_query": _inline(fake_api, f"iq-{user}", user, "quotes")})
    (call,) = fake_api.find(
        "answerInlineQuery", lambda c: c.params["inline_query_id"] == f"iq-{user}"
    )
    results = call.params["results"]
    assert len(results) == 50
    assert results[0]["input_message_content"]["parse_mode"] == "HTML"


async def test_engine_failure_is_logged_and_the_user_told(
    app: App, fake_api: FakeBotAPI, engine: FakeEngine, caplog: pytest.LogCaptureFixture
):
    engine.fail = True
    user = new_user()
    await process(app, {"message": fake_api.message("anything", user_id=user)})
    assert sent_to(fake_api, user)[-1].params["text"] == SOMETHING_WENT_WRONG
    assert "engine exploded" in caplog.text


async def test_flood_guard_answers_a_burst_once_then_stays_quiet(
    app: App, fake_api: FakeBotAPI, engine: FakeEngine
):
    user = new_user()
    for n in range(8):  # the fixture allows 5 a minute
        await process(app, {"update_id": n, "message": fake_api.message(f"q{n}", user_id=user)})
    replies = [c.visible or "" for c in sent_to(fake_api, user)]
    assert len([c for c in engine.calls if c[0] == "answer"]) == 5
    assert sum("very fast" in r for r in replies) == 1
    assert len(replies) == 6


async def test_reply_survives_429_and_500(app: App, fake_api: FakeBotAPI):
    user = new_user()
    fake_api.fail_next("sendMessage", 429, retry_after=1)
    fake_api.fail_next("sendMessage", 500)
    await process(app, {"message": fake_api.message("Where are the talks?", user_id=user)})
    assert len(sent_to(fake_api, user)) == 1


async def test_follow_unfollow_following(app: App, fake_api: FakeBotAPI, store: Store):
    user = new_user()
    for text in ("/follow", "/follow Ana <Smith>", "/follow ana <smith>", "/following"):
        await process(app, {"message": fake_api.message(text, user_id=user)})
    replies = [c.visible or "" for c in sent_to(fake_api, user)]
    assert "What should I follow?" in replies[0]
    assert replies[1].startswith("Following Ana <Smith>.")
    assert replies[2] == "You already follow ana <smith>."
    assert "Ana <Smith>" in replies[3]
    assert store.following(user) == ["Ana <Smith>"]
    await process(app, {"message": fake_api.message("/unfollow Ana <Smith>", user_id=user)})
    assert store.following(user) == []


async def test_subscriptions_survive_a_restart(tmp_path, settings, fake_api: FakeBotAPI):
    from bot.app import build_application

    path = tmp_path / "facts.db"
    user = new_user()
    with Store.open(path) as store:
        app = build_application(settings, FakeEngine(store), store)
        async with app:
            await process(app, {"message": fake_api.message("/follow Iran", user_id=user)})
    with Store.open(path) as store:
        assert store.following(user) == ["Iran"]


async def test_followers_get_one_alert_for_new_facts(
    app: App, fake_api: FakeBotAPI, store: Store, engine: FakeEngine
):
    user, other = new_user(), new_user()
    await app.post_init(app)  # type: ignore[misc]  # sets the alert baseline and the menu
    assert fake_api.commands and fake_api.commands[0]["command"] == "start"
    await process(app, {"message": fake_api.message("/follow Ana Smith", user_id=user)})
    await process(app, {"message": fake_api.message("/follow Bob Jones", user_id=other)})
    store.ingest(article_facts("n1", "Ana Smith", "We are ready to talk."))
    desk_check = app.bot_data["newsdesk"].check_alerts
    await desk_check(_context(app))
    alerts = [c for c in sent_to(fake_api, user) if "New on what you follow" in (c.visible or "")]
    assert len(alerts) == 1
    assert "We are ready to talk." in (alerts[0].visible or "")
    assert not [c for c in sent_to(fake_api, other) if "New on" in (c.visible or "")]
    assert store.get_state(LAST_ALERTED) == str(store.last_seq())
    await desk_check(_context(app))  # nothing new: no second alert
    assert len([c for c in sent_to(fake_api, user) if "New on" in (c.visible or "")]) == 1


async def test_ingest_is_refused_to_non_admins(app: App, fake_api: FakeBotAPI):
    user = new_user()
    await process(app, {"message": fake_api.message("/ingest https://example.com/a", user_id=user)})
    assert sent_to(fake_api, user)[-1].visible == NOT_ADMIN
    doc = {"file_id": "f1", "file_unique_id": "u1", "file_name": "a.txt", "file_size": 10}
    await process(app, {"message": fake_api.message("", user_id=user, document=doc)})
    assert sent_to(fake_api, user)[-1].visible == NOT_ADMIN


async def test_admin_ingests_a_url(settings, fake_api: FakeBotAPI, store: Store):
    from bot.app import build_application

    page = (
        "<html><head><title>Leaders meet in Geneva</title></head><body><article>"
        "<h1>Leaders meet in Geneva</h1><p>GENEVA (Example News) - Foreign ministers met on "
        'Monday in Geneva to discuss a ceasefire, officials said.</p><p>"We made progress," '
        "Maria Lopez, Spain's foreign minister, told reporters.</p></article></body></html>"
    )

    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text=page, headers={"Content-Type": "text/html"})

    app = build_application(
        settings, FakeEngine(store), store, http_transport=httpx.MockTransport(serve)
    )
    async with app:
        await process(
            app, {"message": fake_api.message("/ingest https://example.com/geneva", user_id=ADMIN)}
        )
    progress = sent_to(fake_api, ADMIN)[-1]
    assert progress.visible == "Adding https://example.com/geneva …"
    edit = sent_to(fake_api, ADMIN, "editMessageText")[-1]
    assert int(edit.params["message_id"]) == progress.result["message_id"]
    assert "1 added" in (edit.visible or "")
    assert store.counts()["articles"] == 1


async def test_admin_uploads_a_document(app: App, fake_api: FakeBotAPI, store: Store):
    fake_api.files["doc-1"] = (
        b"Ministers meet in Oslo\n\nOSLO - Ministers from Norway and Sweden met on Tuesday "
        b"in Oslo to talk about fishing rights, the foreign ministry said.\n"
    )
    doc = {
        "file_id": "doc-1",
        "file_unique_id": "u-doc-1",
        "file_name": "oslo.txt",
        "file_size": 120,
    }
    await process(app, {"message": fake_api.message("", user_id=ADMIN, document=doc)})
    assert "1 added" in (sent_to(fake_api, ADMIN, "editMessageText")[-1].visible or "")
    assert store.counts()["articles"] == 1


async def test_post_init_registers_the_commands(app: App, fake_api: FakeBotAPI):
    await app.post_init(app)  # type: ignore[misc]
    names = [c["command"] for c in fake_api.commands]
    assert names == [
        "start", "help", "latest", "quotes", "events", "who", "summary", "sources", "topics",
        "follow", "unfollow", "following",
    ]  # fmt: skip


async def test_answers_in_one_chat_keep_their_order(app: App, fake_api: FakeBotAPI):
    from bot.app import ChatOrderedProcessor

    order: list[str] = []
    processor = ChatOrderedProcessor(8)

    async def handle(name: str, delay: float) -> None:
        await asyncio.sleep(delay)
        order.append(name)

    first = Update.de_json({"update_id": 1, "message": fake_api.message("a", user_id=1)}, app.bot)
    second = Update.de_json({"update_id": 2, "message": fake_api.message("b", user_id=1)}, app.bot)
    other = Update.de_json({"update_id": 3, "message": fake_api.message("c", user_id=2)}, app.bot)
    await asyncio.gather(
        processor.process_update(first, handle("first", 0.05)),
        processor.process_update(second, handle("second", 0.0)),
        processor.process_update(other, handle("other", 0.0)),
    )
    assert order == ["other", "first", "second"]


def _query(api: FakeBotAPI, message: Call | dict[str, Any], data: str, user: int) -> dict[str, Any]:
    msg = message.result if isinstance(message, Call) else message
    return {
        "id": f"cq-{user}",
        "from": api.user(user),
        "chat_instance": "ci",
        "message": msg,
        "data": data,
    }


def _inline(api: FakeBotAPI, query_id: str, user: int, text: str) -> dict[str, Any]:
    """An inline query as Telegram sends it: the user typing ``@bot text`` in any chat."""
    return {"id": query_id, "from": api.user(user), "query": text, "offset": ""}


def _context(app: App) -> Any:
    from telegram.ext import CallbackContext

    return CallbackContext(app)


async def test_inline_queries_do_not_count_against_the_flood_guard(app: App, fake_api: FakeBotAPI):
    user = new_user()
    for n in range(8):  # one per keystroke; the fixture allows 5 messages a minute
        query = _inline(fake_api, f"iq-{user}-{n}", user, "q" * (n + 1))
        await process(app, {"update_id": n, "inline_query": query})
    await process(app, {"message": fake_api.message("a question", user_id=user)})
    assert (
        len(
            fake_api.find(
                "answerInlineQuery", lambda c: c.params["inline_query_id"].startswith(f"iq-{user}-")
            )
        )
        == 8
    )
    assert "very fast" not in (sent_to(fake_api, user)[-1].visible or "")


async def test_inline_answers_are_shared_until_new_articles_arrive(
    app: App, fake_api: FakeBotAPI, engine: FakeEngine, store: Store
):
    first, second = new_user(), new_user()
    for user in (first, second):
        await process(app, {"inline_query": _inline(fake_api, f"iq-{user}", user, " Latest  ")})
    assert [c for c in engine.calls if c[0] == "answer"] == [("answer", "Latest", None)]
    store.ingest(article_facts("fresh", "Ana Smith", "Something new."))
    await process(app, {"inline_query": _inline(fake_api, f"iq-{first}-again", first, "latest")})
    assert len([c for c in engine.calls if c[0] == "answer"]) == 2


async def test_a_failing_button_is_reported_in_the_chat(
    app: App, fake_api: FakeBotAPI, engine: FakeEngine
):
    user = new_user()
    await process(app, {"message": fake_api.message("What did Ana say?", user_id=user)})
    (reply,) = sent_to(fake_api, user)
    engine.fail = True
    await process(
        app, {"callback_query": _query(fake_api, reply, buttons(reply)[0]["callback_data"], user)}
    )
    assert sent_to(fake_api, user)[-1].params["text"] == SOMETHING_WENT_WRONG


async def test_a_slow_answer_shows_typing_a_quick_one_does_not(
    app: App, fake_api: FakeBotAPI, engine: FakeEngine
):
    quick, slow = new_user(), new_user()
    await process(app, {"message": fake_api.message("quick", user_id=quick)})
    engine.delay = 0.6
    await process(app, {"message": fake_api.message("slow", user_id=slow)})
    assert sent_to(fake_api, quick, "sendChatAction") == []
    (typing,) = sent_to(fake_api, slow, "sendChatAction")
    assert typing.params["action"] == "typing"
    assert len(sent_to(fake_api, slow)) == 1


async def test_a_button_under_an_older_answer_first_asks_its_question_again(
    app: App, fake_api: FakeBotAPI, engine: FakeEngine
):
    user = new_user()
    await process(app, {"message": fake_api.message("What did Ana say?", user_id=user)})
    (older,) = sent_to(fake_api, user)
    await process(app, {"message": fake_api.message("/quotes Bob", user_id=user)})
    more = next(b for b in buttons(older) if b["text"] == "More quotes")
    await process(app, {"callback_query": _query(fake_api, older, more["callback_data"], user)})
    assert engine.calls[-2:] == [
        ("answer", "What did Ana say?", user),
        ("more_quotes", "What did Ana say?", user),
    ]
    # Pressing another button under the same answer needs no second re-ask.
    sources = next(b for b in buttons(older) if b["text"] == "Sources")
    await process(app, {"callback_query": _query(fake_api, older, sources["callback_data"], user)})
    assert engine.calls[-1] == ("sources", "What did Ana say?", user)
    assert engine.calls[-2][0] == "more_quotes"


async def test_a_user_who_blocked_the_bot_is_not_an_error(
    app: App, fake_api: FakeBotAPI, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.INFO, logger="bot.handlers")
    user = new_user()
    fake_api.blocked.add(user)
    await process(app, {"message": fake_api.message("hello?", user_id=user)})
    assert "cannot write to this chat any more" in caplog.text
    assert "error while handling an update" not in caplog.text
