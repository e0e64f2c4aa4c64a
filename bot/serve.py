"""``newsdesk serve``: run the Telegram bot, by long polling (default) or behind a webhook.

SIGINT and SIGTERM stop it cleanly (python-telegram-bot's ``stop_signals``): the update in
hand is finished, the store closed, the exit code 0.
"""

from __future__ import annotations

import argparse
import logging
import os
from urllib.parse import urlsplit

from telegram import Update
from telegram.error import InvalidToken, NetworkError, TelegramError

from bot.app import build_application
from bot.engines import AnswerEngine, SerialEngine
from bot.settings import Settings, settings_from
from bot.workers import EngineWorkers
from knowledge.config import resolve_db_path
from knowledge.errors import ConfigError, NewsdeskError

logger = logging.getLogger("newsdesk")


class RedactToken(logging.Filter):
    """Belt and braces: whatever logs a URL or a request, the token never reaches the log."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self._token in message:
            record.msg = message.replace(self._token, "<token>")
            record.args = None
        return True


class NoStartupTraceback(logging.Filter):
    """python-telegram-bot logs a traceback when it gives up starting (network down, token
    rejected); ``run`` turns that same error into one clear line, so the traceback is noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("telegram.ext") and "Aborting" in str(record.msg):
            record.exc_info = None
            record.exc_text = None
        return True


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        level=os.environ.get("NEWSDESK_LOG_LEVEL", "INFO").upper(),
    )
    # At INFO httpx logs every request URL, and Bot API URLs carry the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    redact = RedactToken(settings.token.get_secret_value())
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)
        handler.addFilter(NoStartupTraceback())


def run(args: argparse.Namespace) -> int:
    """Start the bot; returns the exit code."""
    settings = settings_from(
        os.environ,
        feeds_file=args.feeds,
        feed_interval=args.feed_interval,
        alert_interval=getattr(args, "alert_interval", None),
        webhook_url=args.webhook_url,
        listen=args.listen,
        port=args.port,
        secret_token=args.secret_token,
        rate_limit=not args.no_rate_limit,
    )
    configure_logging(settings)

    from knowledge.answer import Engine
    from knowledge.store import Store

    db_path = resolve_db_path(args.db)
    store = Store.open(db_path)
    workers: EngineWorkers | None = None
    try:
        engine: AnswerEngine
        if settings.engine_workers and db_path != ":memory:":
            workers = EngineWorkers(db_path, settings.engine_workers)
            engine = workers
        else:
            engine = SerialEngine(Engine(store))
        app = build_application(
            settings, engine, store, on_start=workers.start_async if workers else None
        )
        logger.info(
            "newsdesk bot starting (%s, %d articles, %s)",
            "webhook" if settings.webhook_url else "long polling",
            store.counts().get("articles", 0),
            f"{settings.engine_workers} engine processes" if workers else "engine in-process",
        )
        try:
            if settings.webhook_url:
                app.run_webhook(
                    listen=settings.listen,
                    port=settings.port,
                    url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
                    webhook_url=settings.webhook_url,
                    secret_token=(
                        settings.secret_token.get_secret_value() if settings.secret_token else None
                    ),
                    allowed_updates=Update.ALL_TYPES,
                )
            else:
                app.run_polling(allowed_updates=Update.ALL_TYPES)
        except InvalidToken as error:
            raise ConfigError("Telegram rejected TELEGRAM_BOT_TOKEN (unauthorized)") from error
        except NetworkError as error:
            raise NewsdeskError(f"cannot reach the Telegram Bot API: {error}") from error
        except TelegramError as error:
            raise NewsdeskError(
                f"the Telegram Bot API refused to start the bot: {error}"
            ) from error
        except OSError as error:  # the webhook's port: in use, or not ours to bind
            raise NewsdeskError(
                f"cannot listen on {settings.listen}:{settings.port}: {error.strerror or error}"
            ) from error
    finally:
        if workers is not None:
            workers.close()
        store.close()
    logger.info("newsdesk bot stopped")
    return 0
