"""Where the fact base lives: ``--db``, else ``NEWSDESK_DB``, else a per-user data directory."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs


def resolve_db_path(explicit: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The database path to use; ``:memory:`` is passed through for tests."""
    env = os.environ if environ is None else environ
    if explicit:
        return explicit
    from_env = env.get("NEWSDESK_DB", "").strip()
    if from_env:
        return from_env
    return str(Path(platformdirs.user_data_dir("newsdesk", appauthor=False)) / "newsdesk.db")
