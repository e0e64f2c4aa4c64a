"""Alerts for followers: after new articles are stored, one message per following chat.

The last sequence number alerted on lives in the store's state table, so a restart neither
repeats old alerts nor misses what was ingested while the bot was down (by the CLI, say).
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from typing import Protocol

from telegram import Bot
from telegram.error import Forbidden, TelegramError

from bot.render import render_alert
from knowledge.models import Answer

logger = logging.getLogger(__name__)

LAST_ALERTED = "alerts.last_seq"


class AlertEngine(Protocol):
    def alerts(self, topic: str, since_seq: int) -> Answer | None: ...


class AlertStore(Protocol):
    def last_seq(self) -> int: ...
    def subscriptions(self) -> list[tuple[int, str]]: ...
    def get_state(self, key: str, default: str | None = None) -> str | None: ...
    def set_state(self, key: str, value: str) -> None: ...


class Alerter:
    """Sends what is new since the last alert to each follower; safe to call at any time."""

    def __init__(self, engine: AlertEngine, store: AlertStore) -> None:
        self._engine = engine
        self._store = store
        self._busy = asyncio.Lock()

    async def start(self) -> None:
        """On first start, begin from now: followers are not flooded with the back catalogue."""
        if await asyncio.to_thread(self._store.get_state, LAST_ALERTED) is None:
            newest = await asyncio.to_thread(self._store.last_seq)
            await asyncio.to_thread(self._store.set_state, LAST_ALERTED, str(newest))

    async def check(self, bot: Bot) -> int:
        """Send alerts for facts stored since the last check; return how many chats got one."""
        async with self._busy:
            raw = await asyncio.to_thread(self._store.get_state, LAST_ALERTED, "0")
            last = int(raw or 0)
            newest = await asyncio.to_thread(self._store.last_seq)
            if newest <= last:
                return 0
            subscriptions = await asyncio.to_thread(self._store.subscriptions)
            topics_by_chat: dict[int, list[str]] = defaultdict(list)
            for chat_id, topic in subscriptions:
                topics_by_chat[chat_id].append(topic)
            news: dict[str, Answer | None] = {}
            for topic in {t for topics in topics_by_chat.values() for t in topics}:
                news[topic] = await asyncio.to_thread(self._engine.alerts, topic, last)
            sent = 0
            for chat_id, topics in topics_by_chat.items():
                items = [(t, a) for t in topics if (a := news.get(t)) is not None and a.known]
                if items and await self._send(bot, chat_id, items):
                    sent += 1
            # Advance even when a chat could not be reached: one blocked user must not make
            # everyone else receive the same alert again on the next check.
            await asyncio.to_thread(self._store.set_state, LAST_ALERTED, str(newest))
            return sent

    @staticmethod
    async def _send(bot: Bot, chat_id: int, items: list[tuple[str, Answer]]) -> bool:
        try:
            for text in render_alert(items):
                await bot.send_message(chat_id, text)
        except Forbidden:
            logger.info("chat %s blocked the bot; alert not delivered", chat_id)
            return False
        except TelegramError as error:
            logger.warning("alert to chat %s failed: %s", chat_id, error)
            return False
        return True
