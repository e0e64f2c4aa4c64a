"""What an input is (JSON Lines, JSON, feed, HTML or text), whether it is text at all, and its
decoding."""

from __future__ import annotations

import re
from enum import Enum

_BINARY_SIGNATURES = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\x7fELF",
    b"MZ",
    b"SQLite format 3",
    b"\xd0\xcf\x11\xe0",
    b"RIFF",
    b"OggS",
    b"ID3",
)
# Control bytes other than tab, newline, vertical tab, form feed, carriage return and escape.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_SAMPLE = 8192
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_MARK = re.compile(
    rb"<(?:!doctype html|html|head|body|article|main|div|p|h1|title|meta)[\s>/]", re.IGNORECASE
)
_PREAMBLE = re.compile(
    rb"^(?:\s+|<\?xml[^>]*\?>|<!--.*?-->|<!doctype[^>]*>)*", re.IGNORECASE | re.DOTALL
)


class Kind(Enum):
    JSONL = "jsonl"
    JSON = "json"
    FEED = "feed"
    HTML = "html"
    XML = "xml"
    TEXT = "text"


def is_binary(head: bytes) -> bool:
    """Bytes that are not text: a binary signature, NUL bytes, or mostly control characters."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text (decoded by ``decode``)
        return False
    if head.startswith(_BINARY_SIGNATURES) or b"\x00" in head[:_SAMPLE]:
        return True
    sample = head[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > len(sample) // 20


def sniff(name: str, head: bytes) -> Kind:
    """The kind of document from its first bytes; the file name only breaks ties."""
    lower = name.lower()
    start = _PREAMBLE.match(head)
    body = head[start.end() if start else 0 :].lstrip(b"\xef\xbb\xbf \t\r\n")
    if lower.endswith((".jsonl", ".ndjson")):
        return Kind.JSONL
    if lower.endswith(".json") or body.startswith(b"["):
        return Kind.JSON
    if body.startswith(b"{"):
        return Kind.JSONL
    if _FEED_ROOT.match(body) or (
        lower.endswith((".rss", ".atom", ".xml")) and _FEED_ROOT.search(head[:4096])
    ):
        return Kind.FEED
    if body.startswith(b"<") and _HTML_MARK.search(head[:_SAMPLE]):
        return Kind.HTML
    if lower.endswith((".html", ".htm", ".xhtml")):
        return Kind.HTML
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml"):
        return Kind.XML
    return Kind.TEXT


def decode(data: bytes) -> str:
    """UTF-8 first; else UTF-16 by its byte-order mark; else Windows-1252; else Latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # Latin-1 maps every byte: a last resort that never fails.
        return data.decode("latin-1")
