"""Fixtures for the bot's tests: the fake Bot API server, a store, a small fake engine."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from fakebotapi import FakeBotAPI
from fakeengine import ADMIN, TOKEN, FakeEngine
from pydantic import SecretStr
from telegram.ext import Application

from bot.app import build_application
from bot.settings import Settings
from knowledge.store import Store


@pytest.fixture(scope="session")
def fake_api() -> Iterator[FakeBotAPI]:
    with FakeBotAPI(token=TOKEN) as server:
        yield server


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as db:
        yield db


@pytest.fixture
def engine(store: Store) -> FakeEngine:
    return FakeEngine(store)


@pytest.fixture
def settings(fake_api: FakeBotAPI) -> Settings:
    return Settings(
        token=SecretStr(TOKEN),
        base_url=fake_api.base_url,
        admin_ids=frozenset({ADMIN}),
        rate_limit=False,
        alert_interval=3600,
        flood_messages=5,
        flood_window=60,
    )


@pytest.fixture
async def app(
    settings: Settings, engine: FakeEngine, store: Store
) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    application = build_application(settings, engine, store)
    async with application:
        yield application
