"""Conversation memory: what the previous turns of one chat were about, bounded in size and age.

Follow-ups ("what else did he say?", "and when?") are resolved against the last turn of the
same chat. Memory is per engine instance (no global state): at most ``max_chats`` chats (least
recently used dropped first), ``max_turns`` turns each, and turns older than ``max_age`` are
forgotten, so a question asked tomorrow is not read as a follow-up of one asked today.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from knowledge.answering.linking import Link
from knowledge.models import AnswerFact, AnswerQuote, SourceRef


@dataclass(frozen=True, slots=True)
class Turn:
    """What one answered question was about, as later questions may refer to it."""

    at: datetime
    question: str
    intent: str
    links: tuple[Link, ...] = ()
    people: tuple[tuple[str, str], ...] = ()
    person_id: str | None = None
    person_name: str | None = None
    event_ids: tuple[str, ...] = ()
    people_named: tuple[str, ...] = ()
    quote_keys: tuple[tuple[str, int], ...] = ()
    sources: tuple[SourceRef, ...] = ()
    known: bool = True
    # The answer's first sentences and quotes: "says who?" asks whose claim they were.
    facts: tuple[AnswerFact, ...] = ()
    quotes: tuple[AnswerQuote, ...] = ()


@dataclass
class _Chat:
    turns: deque[Turn] = field(default_factory=deque)


class ConversationMemory:
    """Bounded per-chat memory of recent turns."""

    def __init__(
        self,
        *,
        max_chats: int = 1000,
        max_turns: int = 6,
        max_age: timedelta = timedelta(minutes=30),
    ) -> None:
        self._chats: OrderedDict[int | str, _Chat] = OrderedDict()
        self.max_chats = max_chats
        self.max_turns = max_turns
        self.max_age = max_age

    def __len__(self) -> int:
        return len(self._chats)

    def last(self, chat_id: int | str | None, now: datetime) -> Turn | None:
        """The most recent turn of the chat that is still fresh, else None."""
        if chat_id is None:
            return None
        chat = self._chats.get(chat_id)
        if chat is None:
            return None
        while chat.turns and now - chat.turns[0].at > self.max_age:
            chat.turns.popleft()
        if not chat.turns:
            del self._chats[chat_id]
            return None
        return chat.turns[-1]

    def recent(self, chat_id: int | str | None, now: datetime) -> list[Turn]:
        """Fresh turns of the chat, newest first."""
        if self.last(chat_id, now) is None or chat_id is None:
            return []
        return list(reversed(self._chats[chat_id].turns))

    def remember(self, chat_id: int | str | None, turn: Turn) -> None:
        """Record a turn; evicts the oldest turn and the least recently used chat when full."""
        if chat_id is None:
            return
        chat = self._chats.get(chat_id)
        if chat is None:
            chat = self._chats[chat_id] = _Chat()
        self._chats.move_to_end(chat_id)
        chat.turns.append(turn)
        while len(chat.turns) > self.max_turns:
            chat.turns.popleft()
        while len(self._chats) > self.max_chats:
            self._chats.popitem(last=False)
