"""Errors newsdesk raises on purpose.

NewsdeskError                 root: every error the CLI and the bot report as a one-line message
├── ReadError                 an input could not be read as an article (names the file and line)
├── StoreError                the fact base could not be opened or written
│   └── SchemaVersionError    the database was written by a newer newsdesk
└── ConfigError               a setting is missing or malformed (token, paths, ids)
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Root of every error newsdesk raises on purpose."""


class ReadError(NewsdeskError):
    """An input could not be read as an article."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class StoreError(NewsdeskError):
    """The fact base could not be opened or written."""


class SchemaVersionError(StoreError):
    """The database comes from a newer schema version than this newsdesk knows."""


class ConfigError(NewsdeskError):
    """A setting is missing or malformed."""
