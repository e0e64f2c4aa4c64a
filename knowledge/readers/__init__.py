"""Readers: files, pages, feeds and JSON Lines in; ``Article`` objects out.

Contract (used by ``bot/cli_facts.py`` and the bot's feed poller):

    read_paths(paths, stdin=None) -> Iterator[Article | ReadError]

yields every article found under ``paths`` (files, directories recursively, ``-`` for
``stdin``), and a ``ReadError`` (not raised: yielded) for each input, or each line of a JSON
Lines file, that could not be read, so that the caller reports it and goes on with the rest.

    read_document(name, data, *, url=None) -> Iterator[Article | ReadError]

does the same for bytes already in hand (an uploaded document, a fetched page or feed).

What kind of input a document is, is sniffed from its bytes (the file name only breaks ties):
JSON Lines (a line opening with ``{``), a JSON document (``.json`` or a leading ``[``: one
article object or a list of them), an RSS or Atom feed, an HTML page, else plain text (see
``knowledge.readers.text`` for the layouts it understands; ``knowledge.readers.layout`` for
the page furniture every reader takes off a body). XML that is not a feed is an error.

Bad input, each one ``ReadError`` naming the file (and line, for JSON Lines):

- no such path: "no such file or directory"; an empty file: "empty file";
- a binary file (NUL bytes, known binary signatures, mostly control characters): "binary file";
- text that is not UTF-8 is decoded as Windows-1252, else Latin-1: never an error;
- size: one document (text, feed, JSON line) over ``MAX_DOCUMENT_BYTES`` (8 MiB), an HTML page
  over ``MAX_HTML_BYTES`` (4 MiB), or a body over ``MAX_TEXT_CHARS`` (1,000,000 characters) is
  *rejected* ("file too large", "page too large", "article text too long"), not truncated, so
  that no cut-off article is stored as if complete. A 20 MB text is refused from its size
  alone, without being read. JSON Lines stream and have no total limit.

Directories are walked recursively in sorted order, skipping hidden files and directories.
Every ``Article.text`` is normalised (see ``knowledge.readers.normalise``) so character offsets
computed on it point into the text that is stored.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import BinaryIO

from knowledge.errors import ReadError
from knowledge.models import Article
from knowledge.readers.feeds import read_feed
from knowledge.readers.html import read_html
from knowledge.readers.jsonl import read_json, read_jsonl
from knowledge.readers.normalise import (
    MAX_DOCUMENT_BYTES,
    MAX_HTML_BYTES,
    MAX_TEXT_CHARS,
    normalise_text,
)
from knowledge.readers.sniff import Kind, decode, is_binary, sniff
from knowledge.readers.text import read_text

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_HTML_BYTES",
    "MAX_TEXT_CHARS",
    "Article",
    "ReadError",
    "normalise_text",
    "read_document",
    "read_paths",
]

_HEAD_BYTES = 64 * 1024
STDIN_NAME = "<stdin>"


def read_paths(
    paths: Sequence[str], stdin: BinaryIO | None = None
) -> Iterator[Article | ReadError]:
    """Yield the articles under each path, and a ``ReadError`` for each input that failed."""
    for path in paths:
        if path == "-":
            if stdin is None:
                yield ReadError(STDIN_NAME, "standard input is not available")
            else:
                yield from _read_stream(STDIN_NAME, stdin, size=None)
            continue
        yield from _read_path(path)


def read_document(
    name: str, data: bytes, *, url: str | None = None
) -> Iterator[Article | ReadError]:
    """Yield the articles in one document held in memory (file, page, feed or JSON Lines)."""
    head = data[:_HEAD_BYTES]
    problem = _problem(head, len(data))
    if problem:
        yield ReadError(name, problem)
        return
    kind = sniff(name, head)
    if kind is Kind.JSONL:
        # Split like file iteration does (on "\n" only) so line numbers match an editor's.
        yield from read_jsonl(name, io.BytesIO(data))
        return
    if len(data) > MAX_DOCUMENT_BYTES:
        yield ReadError(name, _too_large(len(data)))
        return
    try:
        if kind is Kind.FEED:
            yield from read_feed(name, data)
        elif kind is Kind.JSON:
            yield from read_json(name, data)
        elif kind is Kind.XML:
            yield ReadError(name, "XML that is not an RSS or Atom feed")
        elif kind is Kind.HTML:
            if len(data) > MAX_HTML_BYTES:
                yield ReadError(name, _too_large(len(data), MAX_HTML_BYTES, "page"))
            else:
                yield _checked(name, read_html(name, _html_input(data), url=url))
        else:
            yield _checked(name, read_text(name, decode(data), url=url))
    except ReadError as error:
        yield error


def _read_path(path: str) -> Iterator[Article | ReadError]:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        yield ReadError(path, "no such file or directory")
        return
    except OSError as exc:
        yield ReadError(path, exc.strerror or "cannot be read")
        return
    if stat.S_ISDIR(info.st_mode):
        for file in _walk(path):
            yield from _read_file(file)
    else:
        yield from _read_file(path, size=info.st_size)


def _walk(root: str) -> Iterator[str]:
    """Every visible file under ``root``, in sorted order, depth first."""
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for file in sorted(files):
            if not file.startswith("."):
                yield os.path.join(directory, file)


def _read_file(path: str, size: int | None = None) -> Iterator[Article | ReadError]:
    try:
        with open(path, "rb") as stream:
            if size is None:
                size = os.fstat(stream.fileno()).st_size
            yield from _read_stream(path, stream, size=size)
    except IsADirectoryError:
        yield ReadError(path, "is a directory")
    except OSError as exc:
        yield ReadError(path, exc.strerror or "cannot be read")


def _read_stream(name: str, stream: BinaryIO, *, size: int | None) -> Iterator[Article | ReadError]:
    """Read one input from a stream, streaming JSON Lines and reading anything else whole."""
    # Complete the last line so that no JSON line is split between the head and the rest.
    head = stream.read(_HEAD_BYTES)
    if len(head) == _HEAD_BYTES:
        head += stream.readline(MAX_DOCUMENT_BYTES)
    if sniff(name, head) is Kind.JSONL and not _problem(head[:_HEAD_BYTES], size or len(head)):
        lines: Iterable[bytes] = chain(io.BytesIO(head), stream)
        yield from read_jsonl(name, lines)
        return
    limit = MAX_DOCUMENT_BYTES + 1
    if size is not None and size > MAX_DOCUMENT_BYTES:
        yield ReadError(name, _too_large(size))
        return
    data = head + stream.read(max(limit - len(head), 0))
    if len(data) > MAX_DOCUMENT_BYTES:
        yield ReadError(name, f"file too large (over {MAX_DOCUMENT_BYTES // 2**20} MB)")
        return
    yield from read_document(name, data)


def _problem(head: bytes, size: int) -> str | None:
    if size == 0 or not head.strip():
        return "empty file"
    if is_binary(head):
        return "binary file"
    return None


def _checked(name: str, article: Article) -> Article:
    if len(article.text) > MAX_TEXT_CHARS:
        raise ReadError(
            name,
            f"article text too long ({len(article.text):,} characters; limit {MAX_TEXT_CHARS:,})",
        )
    return article


def _too_large(size: int, limit: int = MAX_DOCUMENT_BYTES, what: str = "file") -> str:
    return f"{what} too large ({size / 2**20:.1f} MB; the limit is {limit // 2**20} MB)"


def _html_input(data: bytes) -> str | bytes:
    """UTF-8 pages as text; others as bytes, so trafilatura honours the page's declared charset."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data
