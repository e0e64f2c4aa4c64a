"""Schema v5 (knowledge.store): the covering index of quotes by article and speaker. A
version-4 file opened by this newsdesk gets it, built from the quotes already stored, and
reads the same quotes as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from knowledge.store import SCHEMA_VERSION, Store
from tests.knowledge.test_store import ARAGHCHI, WITKOFF, make_facts


def _indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def _reads(store: Store, ids: list[str]) -> list[list[tuple[str, int, str]]]:
    """The quote reads the index serves, as (article, start, text)."""

    def keys(quotes: list) -> list[tuple[str, int, str]]:  # type: ignore[type-arg]
        return [(q.article_id, q.start, q.text) for q in quotes]

    return [
        keys(store.quotes(speaker_ids=[WITKOFF], article_ids=ids, limit=200)),
        keys(store.quotes(speaker_ids=[WITKOFF, ARAGHCHI], article_ids=ids[:3], limit=5)),
        keys(store.quotes(article_ids=ids, limit=7)),
        keys(store.quotes(speaker_ids=[ARAGHCHI], article_ids=ids[::2], limit=100)),
    ]


def test_a_version_4_file_gets_the_index_and_reads_the_same_quotes(tmp_path: Path) -> None:
    path = tmp_path / "v4.db"
    ids = [f"q{number:02d}" for number in range(30)]
    with Store.open(path, schema_version=4) as old:
        assert old.schema_version == 4
        for article_id in ids:
            old.ingest(make_facts(article_id, url=f"https://e.org/{article_id}"))
        before = _reads(old, ids)
        counts = old.counts()
    assert "quotes_article_speaker" not in _indexes(path)
    with Store.open(path) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION == 5
        assert migrated.counts() == counts  # nothing lost
        assert _reads(migrated, ids) == before
        assert len(before[0]) == 30  # one quote of Witkoff's in each article
        # Still writable, and the new quotes are read through the index too.
        migrated.ingest(make_facts("q99", url="https://e.org/q99"))
        fresh = migrated.quotes(speaker_ids=[WITKOFF], article_ids=["q99"], limit=5)
        assert [(q.article_id, q.speaker_id) for q in fresh] == [("q99", WITKOFF)]
    assert "quotes_article_speaker" in _indexes(path)


def test_the_index_serves_a_speakers_quotes_in_given_articles(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Store.open(path) as store:
        for number in range(5):
            store.ingest(make_facts(f"r{number}", url=f"https://e.org/r{number}"))
    with sqlite3.connect(path) as db:
        plan = db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM quotes WHERE article_id IN ('r1', 'r2')"
            " AND +speaker_id IN (?) ORDER BY day DESC, seq DESC, start LIMIT 10",
            (WITKOFF,),
        ).fetchall()
    assert any("COVERING INDEX quotes_article_speaker" in str(row) for row in plan)
