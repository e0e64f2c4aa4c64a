"""Engine worker processes: same answers as in-process, chats stick to a worker, crashes heal."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakeengine import article_facts

from bot.workers import EngineWorkerError, EngineWorkers
from knowledge.answer import Engine
from knowledge.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("workers") / "facts.db"
    with Store.open(path) as store:
        store.ingest(article_facts("w1", "Ana Smith", "We are ready to talk."))
        store.ingest(article_facts("w2", "Bob Jones", "Nothing is agreed yet."))
    return str(path)


@pytest.fixture(scope="module")
def workers(db: str) -> Iterator[EngineWorkers]:
    with EngineWorkers(db, 2) as pool:
        yield pool


def test_workers_answer_like_the_engine_in_process(db: str, workers: EngineWorkers):
    with Store.open(db) as store:
        engine = Engine(store)
        expected = engine.answer("What did Ana Smith say?", chat_id=7)
        expected_sources = engine.command("sources", None, chat_id=7)
    got = workers.answer("What did Ana Smith say?", chat_id=7)
    assert got.summary == expected.summary
    assert got.quotes == expected.quotes
    assert workers.command("sources", None, chat_id=7).summary == expected_sources.summary


def test_a_chat_sticks_to_one_worker_and_inline_queries_spread(workers: EngineWorkers):
    assert workers.shard(12345) == workers.shard(12345)
    assert {workers.shard(n) for n in range(10)} == {0, 1}
    assert {workers.shard(None) for _ in range(4)} == {0, 1}


def test_a_worker_found_dead_is_started_again(workers: EngineWorkers):
    pid = workers.pids()[workers.shard(3)]
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.2)
    # The worker is found dead before the call is sent: it is restarted and answers.
    assert workers.answer("What did Bob Jones say?", chat_id=3).question
    assert workers.pids()[workers.shard(3)] != pid


def test_a_worker_dying_mid_call_is_reported(workers: EngineWorkers, monkeypatch):
    worker = workers._workers[workers.shard(5)]
    assert worker.conn is not None

    def hang_up(request: object) -> None:
        raise BrokenPipeError("gone")

    monkeypatch.setattr(worker.conn, "send", hang_up)
    with pytest.raises(EngineWorkerError, match="died while answering"):
        workers.answer("anything", chat_id=5)
    assert workers.answer("What did Ana Smith say?", chat_id=5).question


def test_a_worker_that_cannot_open_the_store_is_a_clear_error(tmp_path: Path):
    with pytest.raises(EngineWorkerError, match="failed to start"):
        EngineWorkers(str(tmp_path), 1).start()  # a directory, not a fact base
