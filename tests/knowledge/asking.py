"""How the engine tests ask a question and recognise an abstention (was copied into each module).

The engine's contract: a reply that does not know contains one of ``UNKNOWN``.
"""

from __future__ import annotations

from knowledge.answer import Engine, render_text

UNKNOWN = ("don't know", "no information", "couldn't find")


def ask(engine: Engine, question: str, chat_id: int | None = None) -> str:
    """The reply as the CLI prints it, case-folded for matching."""
    return render_text(engine.answer(question, chat_id=chat_id)).casefold()


def says_unknown(text: str) -> bool:
    return any(phrase in text for phrase in UNKNOWN)
