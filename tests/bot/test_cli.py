"""``newsdesk ingest|facts|extract`` through ``bot.__main__.main``: reports, errors, exit codes."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from bot.__main__ import build_parser, main
from bot.cli_facts import Progress
from knowledge.ingest import IngestReport
from knowledge.models import Article, ArticleFacts
from knowledge.store import SCHEMA_VERSION, Store

ARTICLE_A = {
    "id": "wire-001",
    "title": "Ministers meet in Vienna over grain exports",
    "text": (
        "Ukrainian Foreign Minister Olena Marchenko met her Austrian counterpart in Vienna on "
        "Tuesday to discuss grain exports.\n\n"
        '"We need a corridor that stays open," Marchenko told reporters after the meeting.\n\n'
        "Talks will resume next month, officials said."
    ),
    "published": "2025-03-04",
    "source": "Example Wire",
    "url": "https://example.org/wire-001",
}
ARTICLE_B = {
    "id": "wire-002",
    "title": "Port strike ends after two weeks",
    "text": (
        "Dock workers in Rotterdam returned to work on Monday after a two-week strike.\n\n"
        '"This is a fair deal for everyone," union leader Pieter de Vries said.'
    ),
    "published": "2025-03-05",
    "source": "Example Wire",
    "url": "https://example.org/wire-002",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write_jsonl(path: Path, *records: dict[str, str] | str) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("newsdesk: error:")]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "data" / "facts.db")


def test_ingest_reports_what_it_did_and_rerun_adds_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    batch = write_jsonl(tmp_path / "batch.jsonl", ARTICLE_A, ARTICLE_B)
    code, out, err = run(capsys, "--db", db, "ingest", str(batch))
    assert code == 0, err
    assert "2 added, 0 updated, 0 skipped" in out
    assert err == ""
    with Store.open(db) as store:
        first = store.counts()
    assert first["articles"] == 2
    assert first["quotes"] >= 2

    code, out, err = run(capsys, "--db", db, "ingest", str(batch))
    assert code == 0
    assert "0 added, 0 updated, 2 skipped" in out
    with Store.open(db) as store:
        assert store.counts() == first


def test_changed_article_is_updated(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    run(capsys, "--db", db, "ingest", str(write_jsonl(tmp_path / "a.jsonl", ARTICLE_A)))
    changed = dict(ARTICLE_A, text=ARTICLE_A["text"].replace("next month", "next week"))
    code, out, _ = run(
        capsys, "--db", db, "ingest", str(write_jsonl(tmp_path / "b.jsonl", changed))
    )
    assert code == 0
    assert "0 added, 1 updated, 0 skipped" in out


def test_ingest_samples(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(capsys, "--db", db, "ingest", "--samples")
    assert code == 0, err
    assert "1 added" in out
    code, out, _ = run(capsys, "--db", db, "facts", "--kind", "articles")
    assert code == 0
    assert "Anadolu Agency" in out


def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    """One file for each kind of bad input, keyed by the words its error line must contain."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    no_article = tmp_path / "nav.html"
    no_article.write_text(
        "<html><head><title></title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    feed = tmp_path / "broken.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><item><title>Oops')
    return {"empty": empty, "binary": binary, "nav.html": no_article, "broken.rss": feed}


def test_bad_inputs_each_get_one_line_and_the_rest_is_ingested(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", ARTICLE_A)
    run(capsys, "--db", db, "ingest", str(good))

    mixed = write_jsonl(tmp_path / "mixed.jsonl", ARTICLE_B, '{"id": "broken", "title": ')
    bad = bad_inputs(tmp_path)
    missing = tmp_path / "missing.txt"
    paths = [str(p) for p in bad.values()] + [str(missing), str(mixed)]
    code, out, err = run(capsys, "--db", db, "ingest", *paths)

    assert code == 1
    assert "1 added" in out
    errors = error_lines(err)
    assert len(errors) == len(err.splitlines()) == 6, err
    for path in [*bad.values(), missing]:
        assert sum(str(path) in line for line in errors) == 1, (path, errors)
    assert any(f"{mixed}:2:" in line for line in errors)
    assert "empty file" in err
    assert "binary file" in err
    assert "no such file or directory" in err
    assert "Traceback" not in err
    with Store.open(db) as store:
        assert sorted(a.id for a in store.articles()) == ["wire-001", "wire-002"]


def test_only_bad_inputs_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    bad = bad_inputs(tmp_path)
    code, _out, err = run(capsys, "--db", db, "ingest", *(str(p) for p in bad.values()))
    assert code == 2
    assert len(error_lines(err)) == 4


def test_latin1_text_is_read_not_rejected(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    text = (
        "Café owners protest new tax\n\n"
        "PARIS\n\n"
        "Owners of cafés in Paris protested on Monday against a new tax on terraces.\n\n"
        '"We cannot pay more," said René Dupont, who runs a café near the Seine.\n'
    )
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    code, _, err = run(capsys, "--db", db, "ingest", str(path))
    assert code == 0, err
    with Store.open(db) as store:
        (article,) = store.articles()
    assert "René Dupont" in article.text


def test_huge_text_is_rejected_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"Word after word in a very long report. " * (20 * 2**20 // 39))
    good = write_jsonl(tmp_path / "good.jsonl", ARTICLE_A)
    code, out, err = run(capsys, "--db", db, "ingest", str(huge), str(good))
    assert code == 1
    (line,) = error_lines(err)
    assert str(huge) in line and "too large" in line
    assert "1 added" in out


def test_unwritable_db_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    good = write_jsonl(tmp_path / "good.jsonl", ARTICLE_A)
    code, out, err = run(capsys, "--db", str(blocker / "facts.db"), "ingest", str(good))
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert str(blocker / "facts.db") in err


def test_db_from_newer_schema_is_refused_and_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    run(capsys, "--db", db, "ingest", str(write_jsonl(tmp_path / "a.jsonl", ARTICLE_A)))
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 5,))
    code, _out, err = run(
        capsys, "--db", db, "ingest", str(write_jsonl(tmp_path / "b.jsonl", ARTICLE_B))
    )
    assert code == 2
    assert len(err.splitlines()) == 1
    assert "newer than this newsdesk supports" in err and db in err
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone() == (1,)


def test_not_a_database_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fake = tmp_path / "notes.db"
    fake.write_text("shopping list: milk, eggs, bread\n" * 200)
    code, _, err = run(capsys, "--db", str(fake), "facts")
    assert code == 2
    assert err.splitlines() == [
        f"newsdesk: error: {fake}: cannot open the fact base: "
        "not a newsdesk fact base (file is not an SQLite database)"
    ]
    assert fake.read_text().startswith("shopping list")


def test_nothing_to_ingest(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = run(capsys, "--db", db, "ingest")
    assert code == 2
    assert "nothing to ingest" in err


def test_empty_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str) -> None:
    empty = tmp_path / "empty-dir"
    empty.mkdir()
    code, _, err = run(capsys, "--db", db, "ingest", str(empty))
    assert code == 2
    assert "no articles found" in err


@pytest.mark.parametrize("kind", ["articles", "entities", "quotes", "events"])
def test_facts_lists_each_kind_as_text_and_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str, kind: str
) -> None:
    run(capsys, "--db", db, "ingest", str(write_jsonl(tmp_path / "a.jsonl", ARTICLE_A, ARTICLE_B)))
    code, out, _ = run(capsys, "--db", db, "facts", "--kind", kind, "--json")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    code, text, _ = run(capsys, "--db", db, "facts", "--kind", kind)
    assert code == 0
    assert len(text.splitlines()) == len(records)
    if kind == "articles":
        assert [r["id"] for r in records] == ["wire-002", "wire-001"]
        assert "Port strike ends after two weeks" in text
    if kind == "quotes":
        assert any("We need a corridor that stays open" in r["text"] for r in records)


def test_facts_on_empty_store(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(capsys, "--db", db, "facts", "--kind", "quotes")
    assert (code, out) == (0, "")
    assert "no quotes" in err


def test_extract_prints_one_json_object_per_article_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    batch = write_jsonl(tmp_path / "batch.jsonl", ARTICLE_A, ARTICLE_B, "not json")
    code, out, err = run(capsys, "--db", db, "extract", "--json", str(batch))
    assert code == 1
    assert len(error_lines(err)) == 1 and f"{batch}:3" in err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["wire-001", "wire-002"]
    first = records[0]
    assert first["title"] == ARTICLE_A["title"]
    assert first["published"] == "2025-03-04"
    assert first["source"] == "Example Wire"
    quote = next(q for q in first["quotes"] if "We need a corridor" in q["text"])
    text = ARTICLE_A["text"]
    assert text[quote["start"] : quote["end"]] == quote["text"]
    assert quote["speaker"] == "Olena Marchenko"  # the canonical full name, not "Marchenko"
    assert {"speaker", "kind", "said_on", "cue", "attributed_via"} <= set(quote)
    assert isinstance(first["entities"], list) and isinstance(first["events"], list)
    assert isinstance(first["summary"], str)
    assert not Path(db).exists()


def test_progress_line_only_after_delay_and_errors_as_they_come() -> None:
    stream = io.StringIO()
    now = [0.0]
    progress = Progress(stream, enabled=True, delay=1.0, clock=lambda: now[0])
    report = IngestReport(added=3)
    progress(report)
    assert stream.getvalue() == ""
    now[0] = 2.0
    report.errors.append("x.txt: empty file")
    report.failed = 1
    progress(report)
    shown = stream.getvalue()
    assert shown.startswith("newsdesk: error: x.txt: empty file\n")
    assert "\ringesting: 4 read, 3 added, 0 updated, 0 skipped, 1 failed (2/s)" in shown
    progress.clear()
    assert stream.getvalue().endswith("\r")


def test_progress_disabled_writes_only_errors() -> None:
    stream = io.StringIO()
    progress = Progress(stream, enabled=False, delay=0.0, clock=lambda: 10.0)
    progress(IngestReport(added=5, errors=["a: b"], failed=1))
    assert stream.getvalue() == "newsdesk: error: a: b\n"


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    commands = sorted(subparsers.choices)  # type: ignore[arg-type]
    assert {"ingest", "facts", "extract", "ask", "chat", "serve"} <= set(commands)
    for command in [*commands, None]:
        argv = [command, "--help"] if command else ["--help"]
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"usage: newsdesk {command or ''}".rstrip())
        assert len(out.splitlines()) > 3


def test_interrupted_ingest_keeps_what_was_stored(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    db: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import knowledge.extract

    real_extract = knowledge.extract.extract

    def interrupted_on_second(article: Article) -> ArticleFacts:
        if article.id == "wire-002":
            raise KeyboardInterrupt
        return real_extract(article)

    monkeypatch.setattr(knowledge.extract, "extract", interrupted_on_second)
    batch = write_jsonl(tmp_path / "batch.jsonl", ARTICLE_A, ARTICLE_B)
    code, out, err = run(capsys, "--db", db, "ingest", str(batch))
    assert code == 130
    assert out == ""
    first, last = err.splitlines()
    assert first.startswith("ingest interrupted; kept what was stored: 1 added, 0 updated, 0 skip")
    assert last == "newsdesk: interrupted"
    monkeypatch.undo()
    with Store.open(db) as store:
        assert [a.id for a in store.articles()] == ["wire-001"]
    code, out, _ = run(capsys, "--db", db, "ingest", str(batch))
    assert (code, "1 added, 0 updated, 1 skipped" in out) == (0, True)


def test_ingest_from_standard_input(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (json.dumps(ARTICLE_A) + "\n" + json.dumps(ARTICLE_B) + "\n").encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, err = run(capsys, "--db", db, "ingest", "-")
    assert code == 0, err
    assert "2 added" in out
