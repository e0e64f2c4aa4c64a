"""Settings from the environment: the token (never echoed), admin ids, feeds, workers."""

from __future__ import annotations

import pytest

from bot.settings import (
    parse_admin_ids,
    parse_engine_workers,
    parse_token,
    read_feed_list,
    settings_from,
)
from knowledge.errors import ConfigError

TOKEN = "123456789:AAHfakefakefakefakefakefakefakefake1"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (None, "TELEGRAM_BOT_TOKEN is not set"),
        ("  ", "TELEGRAM_BOT_TOKEN is not set"),
        ("hello", "TELEGRAM_BOT_TOKEN is malformed"),
        ("abc:AAHfakefakefakefakefakefakefakefake1", "TELEGRAM_BOT_TOKEN is malformed"),
        ("123:short", "TELEGRAM_BOT_TOKEN is malformed"),
    ],
    ids=["missing", "blank", "no-colon", "letters-id", "short-secret"],
)
def test_bad_tokens_are_refused_without_echoing_them(raw: str | None, message: str):
    with pytest.raises(ConfigError, match=message) as info:
        parse_token(raw)
    if raw and raw.strip():
        assert raw.strip() not in str(info.value)


def test_good_token_is_kept_secret():
    token = parse_token(f" {TOKEN}\n")
    assert token.get_secret_value() == TOKEN
    assert TOKEN not in repr(token)


def test_admin_ids_parse_and_reject_garbage():
    assert parse_admin_ids("1, 2 3") == frozenset({1, 2, 3})
    assert parse_admin_ids("") == frozenset()
    with pytest.raises(ConfigError, match="not a Telegram user id"):
        parse_admin_ids("12,bob")


def test_settings_from_environment(tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# news\nhttps://example.com/rss\n\nhttps://example.org/atom.xml # two\n")
    settings = settings_from(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot",
            "NEWSDESK_ADMIN_IDS": "7",
        },
        feeds_file=str(feeds),
    )
    assert settings.base_url == "http://127.0.0.1:8081/bot"
    assert settings.admin_ids == frozenset({7})
    assert settings.feeds == ("https://example.com/rss", "https://example.org/atom.xml")
    assert TOKEN not in repr(settings)


def test_feed_list_with_a_bad_line_names_it(tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://example.com/rss\nnot a url\n")
    with pytest.raises(ConfigError, match=r"feeds.txt:2: not an http\(s\) URL"):
        read_feed_list(str(feeds))


def test_base_url_must_be_http():
    with pytest.raises(ConfigError, match="TELEGRAM_API_BASE_URL"):
        settings_from({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "ftp://x"})


@pytest.mark.parametrize(
    ("raw", "cpus", "expected"),
    [(None, 2, 2), ("auto", 8, 4), ("auto", 1, 2), ("0", 8, 0), ("3", 2, 3)],
    ids=["default-2-cpus", "auto-capped", "auto-one-cpu", "off", "explicit"],
)
def test_engine_workers(raw: str | None, cpus: int, expected: int):
    assert parse_engine_workers(raw, cpus) == expected


def test_engine_workers_garbage_is_refused():
    with pytest.raises(ConfigError, match="NEWSDESK_ENGINE_WORKERS"):
        parse_engine_workers("many", 4)


@pytest.mark.parametrize(
    ("environ", "proxy"),
    [
        ({}, False),
        ({"HTTPS_PROXY": "http://proxy:3128"}, True),
        ({"all_proxy": "socks5://proxy:1080"}, True),
        ({"HTTP_PROXY": ""}, False),
    ],
    ids=["none", "https-proxy", "all-proxy-lower", "empty"],
)
def test_a_proxy_in_the_environment_is_noticed(environ: dict[str, str], proxy: bool):
    # With a proxy the Bot API goes through httpx, which honours these variables.
    assert settings_from({"TELEGRAM_BOT_TOKEN": TOKEN, **environ}).proxy is proxy
