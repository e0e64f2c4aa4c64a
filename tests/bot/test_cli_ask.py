"""``newsdesk ask`` and ``newsdesk chat`` through ``bot.__main__.main``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.__main__ import main
from knowledge.models import Answer

ARTICLE = {
    "id": "wire-101",
    "title": "Ministers meet in Vienna over grain exports",
    "text": (
        "Ukrainian Foreign Minister Olena Marchenko met Austrian Foreign Minister Karl Weber "
        "in Vienna on Tuesday to discuss grain exports.\n\n"
        '"We need a corridor that stays open," Marchenko told reporters after the meeting.\n\n'
        "Talks will resume next month, officials said."
    ),
    "published": "2025-03-04",
    "source": "Example Wire",
    "url": "https://example.org/wire-101",
}


@pytest.fixture
def db(tmp_path: Path) -> str:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    path = str(tmp_path / "facts.db")
    assert main(["--db", path, "ingest", "-q", str(corpus)]) == 0
    return path


def test_ask_prints_the_plain_text_reply(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "ask", "What did Marchenko say?"]) == 0
    out = capsys.readouterr().out
    assert "We need a corridor that stays open" in out
    assert "Example Wire" in out


def test_ask_json_prints_the_answer_model(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "ask", "--json", "What did Marchenko say?"]) == 0
    answer = Answer.model_validate_json(capsys.readouterr().out)
    assert answer.known
    assert answer.quotes[0].speaker == "Olena Marchenko"


def test_ask_unknown_says_so(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "ask", "Who won the 2031 chess olympiad?"]) == 0
    out = capsys.readouterr().out.casefold()
    assert "don't know" in out or "couldn't find" in out or "no information" in out
    assert "marchenko" not in out


def test_empty_question_is_a_one_line_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "ask", "   "]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsdesk: error: the question is empty")
    assert err.count("\n") == 1


def test_empty_fact_base_asks_for_an_ingest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "empty.db"), "ask", "latest quotes"]) == 0
    assert "ingest" in capsys.readouterr().out


def test_chat_from_a_pipe_answers_each_line_with_follow_ups(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = "What did Marchenko say?\n\nWho is she?\n/sources\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main(["--db", db, "chat"]) == 0
    text = capsys.readouterr().out
    assert "We need a corridor that stays open" in text
    # "she" is the speaker of the previous answer: the reply says who she is.
    assert "Mentioned in 1 article." in text
    assert text.rstrip().endswith("https://example.org/wire-101")  # /sources of that answer


def test_chat_quit_stops_reading(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("/quit\nWhat did Marchenko say?\n"))
    assert main(["--db", db, "chat"]) == 0
    assert "corridor" not in capsys.readouterr().out
