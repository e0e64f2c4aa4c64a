"""The bot's handlers: take the text out of an update, ask the engine, render, reply.

Handlers are methods of ``Newsdesk`` so that the engine, the store and the settings are
injected rather than global. Engine calls, ingestion and every store call run in worker
threads (``asyncio.to_thread``): SQLite and answering are blocking work, and the event loop
must keep serving other chats meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import TypeVar

import httpx
from telegram import BotCommand, Message, MessageEntity, ReplyParameters, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import Forbidden, TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot import render
from bot.alerts import Alerter
from bot.chatstate import LRU, FloodGuard, QuestionRefs
from bot.engines import AnswerEngine, answer_async, command_async
from bot.feeds import FetchError, describe, fetch_and_ingest, ingest_bytes
from bot.settings import Settings
from knowledge.models import Answer
from knowledge.store import Store

logger = logging.getLogger(__name__)

T = TypeVar("T")
Context = ContextTypes.DEFAULT_TYPE

COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "Welcome and example questions"),
    ("help", "What you can ask"),
    ("latest", "The latest quotes"),
    ("quotes", "Quotes by a person, country or organisation: /quotes NAME"),
    ("events", "Upcoming and recent meetings and talks"),
    ("who", "Who someone is: /who NAME"),
    ("summary", "The latest on a topic: /summary [TOPIC]"),
    ("sources", "The outlets behind the facts"),
    ("topics", "People, places and topics I know about"),
    ("follow", "Get an alert when there is news: /follow TOPIC"),
    ("unfollow", "Stop alerts: /unfollow TOPIC"),
    ("following", "What you follow"),
)
BOT_COMMANDS = [BotCommand(name, description) for name, description in COMMANDS]
ENGINE_COMMANDS = frozenset({"latest", "quotes", "events", "who", "summary", "sources", "topics"})
BUTTON_COMMANDS = {
    render.MORE_QUOTES: "more_quotes",
    render.SOURCES: "sources",
    render.RELATED: "related",
}

WELCOME = (
    "👋 I answer questions about the news I have read: who is meeting whom, where and when, "
    "what people said (word for word, with the source), and who reported it.\n\n"
    "Ask me in plain words, or tap one of these:"
)
SOMETHING_WENT_WRONG = "Sorry, something went wrong while answering that. Please try again."
NOT_ADMIN = "Sorry, only the operators of this bot can add articles."
STALE_BUTTON = "That button has expired. Please ask your question again."
MAX_QUESTION = 500
MAX_TOPIC = 100
MAX_FOLLOWS = 25
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
_TYPING_AFTER = 0.4  # seconds: a quick answer needs no "typing…" indicator


class Newsdesk:
    """The handlers, with their collaborators injected."""

    def __init__(
        self,
        settings: Settings,
        engine: AnswerEngine,
        store: Store,
        alerter: Alerter,
        *,
        http_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.store = store
        self.alerter = alerter
        self.http_transport = http_transport
        self.flood = FloodGuard(settings.flood_messages, settings.flood_window)
        self.refs = QuestionRefs()
        # The last question of each chat (bounded): the engine reads "more quotes" and
        # "related" against the chat's previous turn, so a button under an older answer
        # first has to make its question the previous turn again.
        self.last_question: LRU[int, str] = LRU(10_000)
        # Inline answers have no conversation (chat_id=None), so the same words give the same
        # answer until new articles arrive: many people typing "@bot latest" share one.
        self.inline_answers: LRU[tuple[str, int], Answer] = LRU(1000)

    # ------------------------------------------------------------------ plumbing

    async def _work(self, update: Update, context: Context, work: Awaitable[T]) -> T:
        """Await the engine's work; show "typing…" only if it takes a while."""
        task = asyncio.ensure_future(work)
        done, _ = await asyncio.wait({task}, timeout=_TYPING_AFTER)
        chat = update.effective_chat
        if not done and chat is not None:
            try:
                await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
            except TelegramError as error:  # cosmetic: never lose the answer over it
                logger.debug("typing indicator failed: %s", error)
        return await task

    async def _reply(
        self,
        update: Update,
        context: Context,
        answer: Answer,
        *,
        question: str | None = None,
        buttons: bool = True,
    ) -> None:
        """Send the rendered answer, with buttons under its last message."""
        chat = update.effective_chat
        if chat is None:
            return
        messages = render.render_answer(answer)
        keyboard = None
        if buttons:
            follow_ups = [(q, self.refs.ref(q)) for q in answer.follow_ups]
            ref = self.refs.ref(question or answer.question)
            keyboard = render.answer_keyboard(answer, ref, follow_ups)
        # In a group, thread the reply under the question so that the asker sees it is theirs.
        reply_to = None
        message = update.effective_message
        if chat.type != ChatType.PRIVATE and message is not None and update.callback_query is None:
            reply_to = ReplyParameters(message.message_id, allow_sending_without_reply=True)
        for n, text in enumerate(messages):
            last = n == len(messages) - 1
            await context.bot.send_message(
                chat.id,
                text,
                reply_markup=keyboard if last else None,
                reply_parameters=reply_to if n == 0 else None,
            )

    async def _say(self, update: Update, context: Context, html_text: str) -> None:
        chat = update.effective_chat
        if chat is not None:
            await context.bot.send_message(chat.id, html_text)

    def _addressed_text(self, message: Message, context: Context) -> str | None:
        """The question in a group message, or None when the bot is not addressed."""
        text = message.text or ""
        username = (context.bot.username or "").casefold()
        mentioned = False
        for value in message.parse_entities([MessageEntity.MENTION]).values():
            if value.lstrip("@").casefold() == username:
                mentioned = True
                text = text.replace(value, " ")
        replied = message.reply_to_message
        to_bot = (
            replied is not None
            and replied.from_user is not None
            and replied.from_user.id == context.bot.id
        )
        if not (mentioned or to_bot):
            return None
        return " ".join(text.split())

    async def _answer(self, update: Update, context: Context, question: str) -> None:
        question = question.strip()[:MAX_QUESTION]
        chat = update.effective_chat
        if not question or chat is None:
            await self._say(update, context, "Ask me a question about the news.")
            return
        answer = await self._work(
            update, context, answer_async(self.engine, question, chat_id=chat.id)
        )
        self.last_question.put(chat.id, question)
        await self._reply(update, context, answer, question=question)

    async def _command(
        self,
        update: Update,
        context: Context,
        name: str,
        argument: str | None,
        *,
        buttons: bool = True,
    ) -> None:
        chat = update.effective_chat
        chat_id = chat.id if chat is not None else None
        # A button under an answer carries that answer's question; the engine reads it against
        # the chat's previous turn, which must therefore be that question.
        about_answer = name in BUTTON_COMMANDS.values() and argument is not None
        refresh = (
            about_answer and chat_id is not None and self.last_question.get(chat_id) != argument
        )

        async def run() -> Answer:
            # Updates of one chat are handled in order (ChatOrderedProcessor), so nothing of
            # this chat can come between the two calls.
            if refresh:
                await answer_async(self.engine, argument or "", chat_id=chat_id)
            return await command_async(self.engine, name, argument, chat_id=chat_id)

        answer = await self._work(update, context, run())
        if chat_id is not None:
            # The engine's previous turn is now this one: remember what it was about.
            self.last_question.put(
                chat_id, argument if about_answer and argument else answer.question
            )
        await self._reply(update, context, answer, buttons=buttons)

    # ------------------------------------------------------------------ guards

    async def guard_flood(self, update: Update, context: Context) -> None:
        """Drop updates from a user who sends faster than anyone reads (group -1)."""
        user = update.effective_user
        # Inline queries come one per keystroke while a user types; Telegram caches their
        # answers, and counting them would lock out anyone who types a long question.
        if user is None or update.inline_query is not None:
            return
        allowed, warn = self.flood.allow(user.id)
        if allowed:
            return
        if warn and update.effective_chat is not None and update.message is not None:
            await self._say(
                update, context, "You are sending messages very fast. Please wait a few seconds."
            )
        elif update.callback_query is not None:
            await update.callback_query.answer("Slow down a little, please.")
        raise ApplicationHandlerStop

    # ------------------------------------------------------------------ conversation

    async def start(self, update: Update, context: Context) -> None:
        """Welcome, with example questions as buttons."""
        chat = update.effective_chat
        if chat is None:
            return
        buttons = [(q, self.refs.ref(q)) for q in self.settings.example_questions]
        await context.bot.send_message(
            chat.id,
            render.escape(WELCOME),
            reply_markup=render.question_keyboard(buttons, share=chat.type == ChatType.PRIVATE),
        )

    async def help_command(self, update: Update, context: Context) -> None:
        """What the engine can answer, and the commands."""
        await self._command(update, context, "help", None, buttons=False)
        lines = [f"/{name} — {render.escape(description)}" for name, description in COMMANDS]
        await self._say(update, context, "<b>Commands</b>\n" + "\n".join(lines))

    async def engine_command(self, update: Update, context: Context) -> None:
        """/latest, /quotes NAME, /events, /who NAME, /summary [TOPIC], /sources, /topics."""
        message = update.effective_message
        if message is None or not message.text:
            return
        name = message.text.split()[0].lstrip("/").split("@")[0].lower()
        argument = " ".join(context.args or []).strip()[:MAX_QUESTION] or None
        if name == "who" and argument is None:
            await self._say(update, context, "Whom do you mean? For example: /who the president")
            return
        await self._command(update, context, name, argument)

    async def answer_private(self, update: Update, context: Context) -> None:
        """A free-text question in a private chat."""
        message = update.effective_message
        if message is not None and message.text:
            await self._answer(update, context, message.text)

    async def answer_group(self, update: Update, context: Context) -> None:
        """A group message: answered only when it mentions the bot or replies to it."""
        message = update.effective_message
        if message is None or not message.text:
            return
        question = self._addressed_text(message, context)
        if question is not None:
            await self._answer(update, context, question)

    async def press_button(self, update: Update, context: Context) -> None:
        """A button under an answer or the welcome: more quotes, sources, related, or a question."""
        query = update.callback_query
        if query is None:
            return
        parsed = render.parse_callback_data(query.data)
        question = self.refs.resolve(parsed[1]) if parsed else None
        if parsed is None or question is None:
            await query.answer(STALE_BUTTON, show_alert=False)
            return
        await query.answer()
        action = parsed[0]
        if action == render.ASK:
            await self._answer(update, context, question)
        else:
            await self._command(update, context, BUTTON_COMMANDS[action], question)

    async def inline_query(self, update: Update, context: Context) -> None:
        """``@bot question`` in any chat: answer cards the user can send."""
        query = update.inline_query
        if query is None:
            return
        text = query.query.strip()[:MAX_QUESTION]
        if not text:
            await query.answer([], cache_time=5)
            return
        key = " ".join(text.casefold().split())
        seq = await asyncio.to_thread(self.store.last_seq)
        answer = self.inline_answers.get((key, seq))
        if answer is None:
            answer = await answer_async(self.engine, text, chat_id=None)
            self.inline_answers.put((key, seq), answer)
        await query.answer(render.inline_results(answer), cache_time=30, is_personal=False)

    # ------------------------------------------------------------------ follow and alerts

    async def follow(self, update: Update, context: Context) -> None:
        """/follow TOPIC: alerts when new articles add facts about it."""
        chat = update.effective_chat
        topic = " ".join(context.args or []).strip()
        if chat is None:
            return
        if not topic:
            await self._say(update, context, "What should I follow? For example: /follow Iran")
            return
        if len(topic) > MAX_TOPIC:
            await self._say(update, context, f"Please keep a topic under {MAX_TOPIC} characters.")
            return
        current = await asyncio.to_thread(self.store.following, chat.id)
        if len(current) >= MAX_FOLLOWS:
            await self._say(
                update, context, f"You follow {MAX_FOLLOWS} topics already; /unfollow one first."
            )
            return
        added = await asyncio.to_thread(self.store.follow, chat.id, topic)
        if added:
            text = (
                f"Following <b>{render.escape(topic)}</b>. "
                "I will message you when new articles mention it."
            )
        else:
            text = f"You already follow <b>{render.escape(topic)}</b>."
        await self._say(update, context, text)

    async def unfollow(self, update: Update, context: Context) -> None:
        """/unfollow TOPIC."""
        chat = update.effective_chat
        topic = " ".join(context.args or []).strip()
        if chat is None:
            return
        if not topic:
            await self._say(update, context, "What should I stop following? See /following")
            return
        removed = await asyncio.to_thread(self.store.unfollow, chat.id, topic)
        if removed:
            text = f"Stopped following <b>{render.escape(topic)}</b>."
        else:
            text = f"You were not following <b>{render.escape(topic)}</b>. See /following"
        await self._say(update, context, text)

    async def following(self, update: Update, context: Context) -> None:
        """/following: the topics this chat follows."""
        chat = update.effective_chat
        if chat is None:
            return
        topics = await asyncio.to_thread(self.store.following, chat.id)
        if not topics:
            await self._say(update, context, "You follow nothing yet. Try /follow TOPIC")
            return
        lines = "\n".join(f"• {render.escape(t)}" for t in topics)
        await self._say(update, context, f"<b>You follow</b>\n{lines}")

    async def check_alerts(self, context: Context) -> None:
        """JobQueue callback: alert followers about facts stored since the last check."""
        await self.alerter.check(context.bot)

    # ------------------------------------------------------------------ operators

    def _is_admin(self, update: Update) -> bool:
        user = update.effective_user
        return user is not None and user.id in self.settings.admin_ids

    async def ingest_url(self, update: Update, context: Context) -> None:
        """/ingest URL (operators only): fetch a page or feed and store its articles."""
        if not self._is_admin(update):
            await self._say(update, context, NOT_ADMIN)
            return
        url = " ".join(context.args or []).strip()
        if not url.lower().startswith(("http://", "https://")):
            await self._say(update, context, "Usage: /ingest https://example.com/article")
            return
        # Fetching and extraction take seconds: say so at once, then put the outcome in its place.
        progress = await self._progress(update, context, f"Adding {url} …")
        try:
            report = await fetch_and_ingest(self.store, url, transport=self.http_transport)
        except FetchError as error:
            await self._finish(context, progress, f"Could not add that: {error}")
            return
        await self._finish(context, progress, describe(report))
        if report.stored:
            await self.alerter.check(context.bot)

    async def ingest_document(self, update: Update, context: Context) -> None:
        """A document sent in a private chat (operators only): store its articles."""
        message = update.effective_message
        if message is None or message.document is None:
            return
        if not self._is_admin(update):
            await self._say(update, context, NOT_ADMIN)
            return
        document = message.document
        if document.file_size is not None and document.file_size > MAX_DOCUMENT_BYTES:
            await self._say(update, context, "That file is too large to be an article.")
            return
        name = document.file_name or "document"
        progress = await self._progress(update, context, f"Adding {name} …")
        file = await document.get_file()
        data = bytes(await file.download_as_bytearray())
        report = await asyncio.to_thread(ingest_bytes, self.store, name, data, None)
        await self._finish(context, progress, describe(report))
        if report.stored:
            await self.alerter.check(context.bot)

    async def _progress(self, update: Update, context: Context, text: str) -> Message | None:
        chat = update.effective_chat
        if chat is None:
            return None
        return await context.bot.send_message(chat.id, render.escape(text))

    @staticmethod
    async def _finish(context: Context, progress: Message | None, text: str) -> None:
        """Replace a progress message with the outcome."""
        if progress is None:
            return
        await context.bot.edit_message_text(
            render.escape(text), chat_id=progress.chat_id, message_id=progress.message_id
        )

    # ------------------------------------------------------------------ errors

    async def on_error(self, update: object, context: Context) -> None:
        """The one error handler: log the error, tell the user something went wrong."""
        if isinstance(context.error, Forbidden):
            # Blocked by the user or removed from the group: nobody to tell, nothing to fix.
            logger.info("cannot write to this chat any more: %s", context.error)
            return
        logger.error("error while handling an update", exc_info=context.error)
        if not isinstance(update, Update):
            return
        try:
            # A message, not a callback answer: the button was usually answered already, and a
            # second answer to the same query is refused.
            if update.effective_chat is not None and update.effective_message is not None:
                await context.bot.send_message(update.effective_chat.id, SOMETHING_WENT_WRONG)
            elif update.callback_query is not None:
                await update.callback_query.answer(SOMETHING_WENT_WRONG[:200])
        except TelegramError as error:
            logger.warning("could not tell the user about the error: %s", error)
