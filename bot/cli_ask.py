"""``newsdesk ask`` and ``newsdesk chat``: the answering engine in a terminal.

``ask`` answers one question (plain text, or the ``Answer`` as JSON with ``--json``).
``chat`` is a conversation: on a terminal with line editing and history (readline); from a
pipe, one answer per input line, so that it can be scripted. Lines starting with ``/`` are bot
commands (``/latest``, ``/quotes NAME``, ``/who NAME`` ...); ``/quit`` ends the chat.

Exit codes: 0 answered (an honest "I don't know" is an answer), 2 nothing could be done (an
empty question, a fact base that cannot be opened).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from knowledge.answer import COMMANDS, Engine, render_text
from knowledge.config import resolve_db_path
from knowledge.errors import ConfigError
from knowledge.models import Answer
from knowledge.store import Store

CHAT_ID = "terminal"
PROMPT = "you> "
_QUIT = frozenset({"/quit", "/exit", "quit", "exit", ":q"})


def run(args: argparse.Namespace) -> int:
    """Dispatch ``ask`` or ``chat``; returns the exit code."""
    if args.command == "ask":
        return ask(args)
    return chat(args)


def ask(args: argparse.Namespace) -> int:
    """Answer one question and print it."""
    question = " ".join(str(args.question).split())
    if not question:
        raise ConfigError('the question is empty: ask something, e.g. newsdesk ask "latest quotes"')
    with Store.open(resolve_db_path(args.db)) as store:
        engine = Engine(store)
        answer = reply_to(engine, question)
    if args.json:
        print(answer.model_dump_json(indent=2))
    else:
        print(render_text(answer))
    return 0


def reply_to(engine: Engine, line: str, chat_id: str | None = None) -> Answer:
    """A question, or a ``/command argument`` line, answered."""
    if line.startswith("/"):
        name, _, argument = line[1:].partition(" ")
        name = name.lower()
        if name in COMMANDS:
            return engine.command(name, argument.strip() or None, chat_id=chat_id)
    return engine.answer(line, chat_id=chat_id)


def chat(
    args: argparse.Namespace, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """A conversation: interactive on a terminal, one answer per line from a pipe."""
    source = stdin or sys.stdin
    out = stdout or sys.stdout
    with Store.open(resolve_db_path(args.db)) as store:
        engine = Engine(store)
        if source.isatty() and out.isatty():
            return _interactive(engine, out)
        return _scripted(engine, source, out)


def _scripted(engine: Engine, lines: Iterable[str], out: TextIO) -> int:
    first = True
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if line.lower() in _QUIT:
            break
        if not first:
            out.write("\n")
        first = False
        out.write(render_text(reply_to(engine, line, CHAT_ID)) + "\n")
        out.flush()
    return 0


def _history_file() -> Path | None:
    import platformdirs

    try:
        folder = Path(platformdirs.user_state_dir("newsdesk", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder / "chat_history"


def _interactive(engine: Engine, out: TextIO) -> int:
    try:
        import readline  # line editing and history for input()
    except ImportError:  # pragma: no cover - readline is missing on some platforms
        readline = None  # type: ignore[assignment]
    history = _history_file() if readline is not None else None
    if readline is not None and history is not None:
        with contextlib.suppress(OSError):  # no history yet
            readline.read_history_file(history)
        readline.set_history_length(1000)
    out.write("newsdesk chat: ask about the news; /help for commands, /quit or Ctrl-D to leave.\n")
    try:
        while True:
            try:
                line = " ".join(input(PROMPT).split())
            except EOFError:
                out.write("\n")
                break
            except KeyboardInterrupt:
                out.write("\n")  # Ctrl-C drops the line being typed, as shells do
                continue
            if not line:
                continue
            if line.lower() in _QUIT:
                break
            out.write(render_text(reply_to(engine, line, CHAT_ID)) + "\n\n")
            out.flush()
    finally:
        if readline is not None and history is not None:
            # History is a convenience: never fail the chat over it.
            with contextlib.suppress(OSError):
                readline.write_history_file(history)
    return 0
