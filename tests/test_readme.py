"""The README is part of the contract: every command it shows exists, every command is shown."""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from bot.__main__ import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("the CLI has no subcommands")


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_every_command_is_documented(command: str) -> None:
    assert f"newsdesk [--db PATH] {command}" in README or f"newsdesk {command}" in README


def _newsdesk_invocations() -> list[list[str]]:
    found = []
    code = "\n".join(re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL))
    for line in code.replace("\\\n", " ").splitlines():
        for part in re.split(r"&&|\|", line):
            words = part.split("#", 1)[0].strip()
            if words.startswith("newsdesk ") and "..." not in words and "…" not in words:
                found.append(shlex.split(words)[1:])
    return found


@pytest.mark.parametrize("argv", _newsdesk_invocations(), ids=" ".join)
def test_readme_commands_parse(argv: list[str]) -> None:
    build_parser().parse_args(argv)


def test_quick_start_comes_first_and_installs_then_asks() -> None:
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = [line for line in quick.splitlines() if "pip install" in line]
    assert len(commands) == 2
    assert "newsdesk ask" in commands[0]
    assert "pytest" in commands[1] and "[test]" in commands[1]
