"""JSON Lines from other exporters: the same fields under other common names."""

from __future__ import annotations

import io
import json

from knowledge.errors import ReadError
from knowledge.models import Article
from knowledge.readers.jsonl import read_jsonl


def _read(*records: dict[str, object]) -> list[Article | ReadError]:
    data = "\n".join(json.dumps(r) for r in records).encode()
    return list(read_jsonl("export.jsonl", io.BytesIO(data)))


def test_wire_export_headline_body_byline() -> None:
    (article,) = _read(
        {
            "id": "nw-1",
            "headline": "Port talks resume in Brindisi",
            "body": "BRINDISI, March 3 (NW) - Talks between the port operator and the union "
            "resumed on Tuesday, a union spokesman said.",
            "byline": "Carla Ventresca",
            "published": "2026-03-03T09:15:00Z",
            "source": "Northwire",
            "url": "https://northwire.example/nw-1",
        }
    )
    assert isinstance(article, Article)
    assert article.title == "Port talks resume in Brindisi"
    assert "Talks between the port operator" in article.text
    assert article.authors == ("Carla Ventresca",)
    assert article.source == "Northwire"
    assert article.published is not None and article.published.day == 3


def test_news_api_shapes() -> None:
    (article,) = _read(
        {
            "title": "Ministers meet in Tallinn",
            "content": "Foreign ministers met in Tallinn on Friday to discuss energy links.",
            "publishedAt": "2026-02-06T12:00:00Z",
            "source": {"id": None, "name": "Baltic Ledger"},
            "authors": [{"name": "Mari Tamm"}, {"name": "Jonas Berg"}],
            "link": "https://ledger.example/a",
        }
    )
    assert isinstance(article, Article)
    assert article.source == "Baltic Ledger"
    assert article.authors == ("Mari Tamm", "Jonas Berg")
    assert article.url == "https://ledger.example/a"
    assert article.published is not None and article.published.month == 2


def test_corpus_names_win_and_no_text_is_still_an_error() -> None:
    first, second = _read(
        {"title": "Kept", "headline": "Not this", "text": "The corpus text wins.", "body": "No."},
        {"headline": "Nothing to read", "summary": "only a summary"},
    )
    assert isinstance(first, Article)
    assert first.title == "Kept" and first.text == "The corpus text wins."
    assert isinstance(second, ReadError) and "no text" in str(second)
