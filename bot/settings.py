"""The bot's settings, read once from the environment and the command line, then immutable.

The token is a ``SecretStr`` so that it never shows up in a repr, a log line or a traceback.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from knowledge.errors import ConfigError

# BotFather tokens are "<bot id>:<35 characters of [A-Za-z0-9_-]>"; accept a little more length
# variation than today's tokens so that a future format change does not lock operators out.
_TOKEN = re.compile(r"^[0-9]{1,20}:[A-Za-z0-9_-]{30,64}$")
_URL = re.compile(r"^https?://[^\s/]+(/\S*)?$")


class Settings(BaseModel):
    """Everything the Telegram side needs that is not the fact base itself."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    token: SecretStr
    base_url: str | None = Field(default=None, description="e.g. http://127.0.0.1:8081/bot")
    base_file_url: str | None = None
    admin_ids: frozenset[int] = frozenset()
    rate_limit: bool = True
    feeds: tuple[str, ...] = ()
    feed_interval: float = 900.0
    alert_interval: float = Field(default=60.0, description="how often to look for new facts")
    webhook_url: str | None = None
    listen: str = "127.0.0.1"
    port: int = 8443
    secret_token: SecretStr | None = None
    flood_messages: int = Field(default=12, description="messages a user may send per window")
    flood_window: float = Field(default=20.0, description="seconds")
    max_retries: int = 4
    proxy: bool = Field(
        default=False,
        description="an HTTP proxy is set in the environment: reach the Bot API through httpx",
    )
    engine_workers: int = Field(
        default=0, ge=0, description="engine processes; 0 answers in a thread of the bot itself"
    )
    example_questions: tuple[str, ...] = (
        "Who is meeting where?",
        "latest quotes",
        "What did the president say?",
        "Which countries are mediating?",
    )


def parse_token(raw: str | None) -> SecretStr:
    """The bot token, or ConfigError (which never contains the token itself)."""
    if raw is None or not raw.strip():
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and export its token"
        )
    token = raw.strip()
    if not _TOKEN.match(token):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN is malformed: expected '<digits>:<35 letters, digits, _ or ->' "
            "as given by @BotFather"
        )
    return SecretStr(token)


def parse_admin_ids(raw: str | None) -> frozenset[int]:
    """User ids from ``NEWSDESK_ADMIN_IDS``: separated by commas or spaces."""
    if not raw:
        return frozenset()
    ids = set()
    for part in re.split(r"[,\s]+", raw.strip()):
        if not part:
            continue
        if not re.fullmatch(r"-?[0-9]{1,20}", part):
            raise ConfigError(f"NEWSDESK_ADMIN_IDS: {part[:40]!r} is not a Telegram user id")
        ids.add(int(part))
    return frozenset(ids)


def parse_base_url(name: str, raw: str | None) -> str | None:
    if raw is None or not raw.strip():
        return None
    url = raw.strip()
    if not _URL.match(url):
        raise ConfigError(f"{name} must be an http(s) URL such as http://127.0.0.1:8081/bot")
    return url


def parse_engine_workers(raw: str | None, cpu_count: int | None) -> int:
    """``NEWSDESK_ENGINE_WORKERS``: a number, or ``auto`` (the default): one process per spare
    core, at most 4, and at least 2: calls go to the least busy worker, so that one slow answer
    does not hold up the quick ones behind it even with a single spare core."""
    value = (raw or "auto").strip().lower()
    if value == "auto":
        return max(2, min(4, (cpu_count or 1) - 1))
    if not value.isdigit() or int(value) > 64:
        raise ConfigError("NEWSDESK_ENGINE_WORKERS must be 'auto' or a number from 0 to 64")
    return int(value)


def proxy_configured(environ: Mapping[str, str]) -> bool:
    """Whether the environment names an HTTP proxy (httpx honours these; bot.transport not)."""
    names = ("https_proxy", "http_proxy", "all_proxy")
    return any(environ.get(name) or environ.get(name.upper()) for name in names)


def read_feed_list(path: str) -> tuple[str, ...]:
    """Feed URLs, one a line; blank lines and '#' comments ignored."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read feed list {path}: {error}") from error
    urls = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if not _URL.match(line):
            raise ConfigError(f"{path}:{number}: not an http(s) URL: {line[:80]!r}")
        urls.append(line)
    return tuple(urls)


def settings_from(
    environ: Mapping[str, str],
    *,
    feeds_file: str | None = None,
    feed_interval: float = 900.0,
    alert_interval: float | None = None,
    webhook_url: str | None = None,
    listen: str = "127.0.0.1",
    port: int = 8443,
    secret_token: str | None = None,
    rate_limit: bool = True,
) -> Settings:
    """Settings from the environment and the ``serve`` options; ConfigError when malformed."""
    secret = secret_token or environ.get("TELEGRAM_WEBHOOK_SECRET") or None
    if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        raise ConfigError("the webhook secret token may hold only A-Z, a-z, 0-9, _ and - (1-256)")
    if webhook_url is not None and not _URL.match(webhook_url):
        raise ConfigError("--webhook-url must be an http(s) URL")
    if feed_interval <= 0:
        raise ConfigError("--feed-interval must be positive")
    if not 0 < port < 65536:
        raise ConfigError("--port must be between 1 and 65535")
    if alert_interval is None:
        raw = environ.get("NEWSDESK_ALERT_INTERVAL", "").strip()
        try:
            alert_interval = float(raw) if raw else 60.0
        except ValueError as error:
            raise ConfigError("NEWSDESK_ALERT_INTERVAL must be a number of seconds") from error
    if alert_interval <= 0:
        raise ConfigError("the alert interval must be positive")
    return Settings(
        token=parse_token(environ.get("TELEGRAM_BOT_TOKEN")),
        base_url=parse_base_url("TELEGRAM_API_BASE_URL", environ.get("TELEGRAM_API_BASE_URL")),
        base_file_url=parse_base_url(
            "TELEGRAM_API_BASE_FILE_URL", environ.get("TELEGRAM_API_BASE_FILE_URL")
        ),
        admin_ids=parse_admin_ids(environ.get("NEWSDESK_ADMIN_IDS")),
        rate_limit=rate_limit,
        feeds=read_feed_list(feeds_file) if feeds_file else (),
        feed_interval=feed_interval,
        alert_interval=alert_interval,
        webhook_url=webhook_url,
        listen=listen,
        port=port,
        secret_token=SecretStr(secret) if secret else None,
        engine_workers=parse_engine_workers(environ.get("NEWSDESK_ENGINE_WORKERS"), os.cpu_count()),
        proxy=proxy_configured(environ),
    )
