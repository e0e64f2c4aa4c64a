"""Wiring: ``build_application`` registers the handlers, the rate limiter and the error handler.

Two pieces of machinery live here because python-telegram-bot leaves them to the application:

* ``ResilientLimiter`` wraps every Bot API call (except getUpdates, which the Updater retries
  itself): optionally throttled by ``AIORateLimiter``, and retried on ``RetryAfter`` (after
  the wait Telegram asks for; AIORateLimiter does this when it is on), ``TimedOut`` and
  ``NetworkError`` (with backoff), so that a 429 or a 5xx from the Bot API delays a reply
  instead of losing it.
* ``ChatOrderedProcessor`` processes updates concurrently across chats, but in order within one
  chat, so that a follow-up ("and when?") is never answered before the question it follows.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import Any

import httpx
from telegram import Update
from telegram._utils.types import JSONDict
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.alerts import Alerter
from bot.engines import AnswerEngine
from bot.feeds import FeedPoller
from bot.handlers import (
    BOT_COMMANDS,
    ENGINE_COMMANDS,
    Context,
    Newsdesk,
)
from bot.render import NO_PREVIEW
from bot.settings import Settings
from bot.transport import make_request
from knowledge.store import Store

logger = logging.getLogger(__name__)

_BACKOFF = (0.5, 1.0, 2.0, 4.0, 8.0)
_MAX_RETRY_AFTER = 60.0  # seconds: longer than this, give up rather than hold the reply forever
CONNECTIONS = 8
"""Bot API calls in flight at once, and the HTTP connections kept for them.

Calls beyond it wait here, on a semaphore (in order), rather than in the transport's pool (with
its pool timeout). 8 covers what Telegram allows a bot: about 30 messages a second, each a
round trip of a fraction of a second. (With httpx it also had to stay small: httpcore's pool
scans every connection and queued request on every request.)
"""


class ResilientLimiter(BaseRateLimiter[dict[str, Any]]):
    """Retries Bot API calls on RetryAfter, TimedOut and NetworkError; optional throttling."""

    def __init__(
        self,
        throttle: AIORateLimiter | None,
        max_retries: int = 4,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._throttle = throttle
        self._max_retries = max_retries
        self._sleep = sleep
        self._in_flight = asyncio.Semaphore(CONNECTIONS)

    async def initialize(self) -> None:
        if self._throttle is not None:
            await self._throttle.initialize()

    async def shutdown(self) -> None:
        if self._throttle is not None:
            await self._throttle.shutdown()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> bool | JSONDict | list[JSONDict]:
        async def send(*call_args: Any, **call_kwargs: Any) -> bool | JSONDict | list[JSONDict]:
            async with self._in_flight:
                return await callback(*call_args, **call_kwargs)

        attempt = 0
        while True:
            try:
                if self._throttle is None:
                    return await send(*args, **kwargs)
                return await self._throttle.process_request(
                    send, args, kwargs, endpoint, data, None
                )
            except RetryAfter as error:
                if self._throttle is not None:
                    raise  # AIORateLimiter has already waited and retried as often as allowed
                wait = error.retry_after
                seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
                if attempt >= self._max_retries or float(seconds) > _MAX_RETRY_AFTER:
                    raise
                logger.warning("%s: flood control, retrying in %s s", endpoint, seconds)
                await self._sleep(float(seconds) + 0.1)
            except BadRequest:
                raise  # a NetworkError subclass, but retrying a bad request cannot help
            except (TimedOut, NetworkError) as error:
                if attempt >= self._max_retries:
                    raise
                delay = _BACKOFF[min(attempt, len(_BACKOFF) - 1)]
                logger.warning("%s: %s, retrying in %s s", endpoint, error, delay)
                await self._sleep(delay)
            attempt += 1


def _chat_key(update: object) -> int | None:
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return update.effective_chat.id
        if update.effective_user is not None and update.inline_query is None:
            return update.effective_user.id
    return None


class ChatOrderedProcessor(BaseUpdateProcessor):
    """Concurrent across chats, sequential within a chat."""

    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, tuple[asyncio.Lock, list[int]]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_key(update)
        if key is None:
            await coroutine
            return
        lock, waiting = self._locks.setdefault(key, (asyncio.Lock(), [0]))
        waiting[0] += 1
        try:
            async with lock:
                await coroutine
        finally:
            waiting[0] -= 1
            if waiting[0] == 0:
                self._locks.pop(key, None)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""


def _file_url(base_url: str) -> str:
    # A local Bot API server serves files beside the methods: .../bot -> .../file/bot
    if base_url.endswith("/bot"):
        return base_url[: -len("/bot")] + "/file/bot"
    return base_url.rstrip("/") + "/file/bot"


def build_application(
    settings: Settings,
    engine: AnswerEngine,
    store: Store,
    *,
    http_transport: httpx.AsyncBaseTransport | None = None,
    on_start: Callable[[], Awaitable[None]] | None = None,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The bot, ready for ``run_polling``/``run_webhook`` or ``async with`` in tests.

    ``engine`` is called from worker threads, several at a time: pass an ``EngineWorkers``
    or a ``SerialEngine`` (see ``bot.serve``). ``on_start`` runs once Telegram has accepted
    the token and before the first update is handled (``bot.serve`` starts the engine
    processes there, so that a bad token fails fast).
    """
    alerter = Alerter(engine, store)
    desk = Newsdesk(settings, engine, store, alerter, http_transport=http_transport)
    # With the limiter on, it retries RetryAfter itself (holding back other calls to the same
    # chat meanwhile); ResilientLimiter adds the retries on network errors.
    throttle = AIORateLimiter(max_retries=settings.max_retries) if settings.rate_limit else None

    async def post_init(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        if on_start is not None:
            await on_start()
        await alerter.start()
        try:
            await application.bot.set_my_commands(BOT_COMMANDS)
        except TelegramError as error:
            # The menu is a convenience; the bot answers commands without it.
            logger.warning("could not register the command menu: %s", error)
        _schedule_jobs(application, desk, settings, store, http_transport)

    builder = (
        ApplicationBuilder()
        .token(settings.token.get_secret_value())
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW))
        .rate_limiter(ResilientLimiter(throttle, settings.max_retries))
        .concurrent_updates(ChatOrderedProcessor(256))
        .post_init(post_init)
        # A lean keep-alive transport instead of httpx: see bot.transport.
        .request(
            make_request(proxy=settings.proxy, connection_pool_size=CONNECTIONS, pool_timeout=10.0)
        )
        .get_updates_request(make_request(proxy=settings.proxy, connection_pool_size=1))
    )
    if settings.base_url:
        builder = builder.base_url(settings.base_url).base_file_url(
            settings.base_file_url or _file_url(settings.base_url)
        )
    app = builder.build()
    # Reachable for tests and for operators poking at a running bot (e.g. desk.alerter).
    app.bot_data["newsdesk"] = desk

    app.add_handler(TypeHandler(Update, desk.guard_flood), group=-1)
    app.add_handler(CommandHandler("start", desk.start))
    app.add_handler(CommandHandler("help", desk.help_command))
    app.add_handler(CommandHandler(sorted(ENGINE_COMMANDS), desk.engine_command))
    app.add_handler(CommandHandler("follow", desk.follow))
    app.add_handler(CommandHandler("unfollow", desk.unfollow))
    app.add_handler(CommandHandler("following", desk.following))
    app.add_handler(CommandHandler("ingest", desk.ingest_url))
    app.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.Document.ALL, desk.ingest_document)
    )
    app.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, desk.answer_private
        )
    )
    app.add_handler(
        MessageHandler(
            filters.ChatType.GROUPS
            & filters.TEXT
            & ~filters.COMMAND
            & (filters.Entity("mention") | filters.REPLY),
            desk.answer_group,
        )
    )
    app.add_handler(CallbackQueryHandler(desk.press_button))
    app.add_handler(InlineQueryHandler(desk.inline_query))
    app.add_error_handler(desk.on_error)

    return app


def _schedule_jobs(
    app: Application[Any, Any, Any, Any, Any, Any],
    desk: Newsdesk,
    settings: Settings,
    store: Store,
    http_transport: httpx.AsyncBaseTransport | None,
) -> None:
    """The alert check and the feed poll, timed from now.

    Called at the end of start-up rather than when the application is built: a job's first
    run is fixed when it is added, and the scheduler, started later, skips a first run whose
    time has passed to the next interval (15 minutes for feeds). Starting the engine workers
    can take longer than the feed poll's one second.
    """
    if app.job_queue is None:
        return
    app.job_queue.run_repeating(
        desk.check_alerts, interval=settings.alert_interval, first=settings.alert_interval
    )
    if settings.feeds:
        poller = FeedPoller(
            store, settings.feeds, transport=http_transport, on_ingested=_alerts_now(desk, app)
        )

        async def poll_feeds(context: Context) -> None:
            await poller.poll()

        app.job_queue.run_repeating(poll_feeds, interval=settings.feed_interval, first=1.0)


def _alerts_now(
    desk: Newsdesk, app: Application[Any, Any, Any, Any, Any, Any]
) -> Callable[[], Awaitable[None]]:
    async def check() -> None:
        await desk.alerter.check(app.bot)

    return check
