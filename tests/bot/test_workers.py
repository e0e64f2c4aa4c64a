"""Engine worker processes: same answers as in-process, follow-ups on any worker, crashes heal."""

from __future__ import annotations

import asyncio
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


def test_a_follow_up_is_read_against_the_previous_turn_whichever_worker_answers(
    db: str, workers: EngineWorkers
):
    # The chat's last turn travels with the calls: a follow-up answered by the other worker
    # reads like one answered in the same process as its question.
    with Store.open(db) as store:
        engine = Engine(store)
        engine.answer("latest quotes", chat_id=41)
        expected = engine.answer("and who reported it?", chat_id=41)
        fresh = engine.answer("and who reported it?", chat_id=42)
    assert expected.summary != fresh.summary  # the follow-up does depend on the turn
    first, second = workers._workers
    latest, turn, _ = first.submit("answer", ("latest quotes",), {"chat_id": 41}).result()
    assert latest.quotes and turn is not None
    follow_up, _, _ = second.submit(
        "answer", ("and who reported it?",), {"chat_id": 41}, turn
    ).result()
    assert follow_up.summary == expected.summary
    # And through EngineWorkers, which keeps the turns itself.
    workers.answer("latest quotes", chat_id=43)
    assert workers.answer("and who reported it?", chat_id=43).summary == expected.summary
    assert workers.answer("and who reported it?", chat_id=44).summary == fresh.summary


def test_calls_go_to_the_worker_with_the_least_work_in_hand(workers: EngineWorkers):
    assert workers.pick() == 0  # idle: the first, whose caches are warm
    first, second = workers._workers
    assert first.process is not None and first.process.pid is not None
    os.kill(first.process.pid, signal.SIGSTOP)  # holds its calls in hand
    try:
        slow = first.submit("answer", ("What did Bob Jones say?",), {"chat_id": 60}, cost=0.05)
        assert first.load() == pytest.approx(0.05)
        assert workers.pick() == 1
        quick = second.submit("answer", ("What did Bob Jones say?",), {"chat_id": 61}, cost=0.001)
        quick.result(timeout=10)
        # The quick one is answered; the slow one is still in hand.
        assert workers.pick() == 1
    finally:
        os.kill(first.process.pid, signal.SIGCONT)
    reply = slow.result(timeout=10)
    assert reply.value.question and reply.seconds >= 0
    assert first.load() == second.load() == 0


def test_the_cost_of_each_kind_of_call_is_learnt(workers: EngineWorkers):
    workers.answer("latest quotes", chat_id=70)
    workers.answer("and who reported it?", chat_id=70)  # with a turn
    assert 0 < workers.expected_cost("answer", False) < 10
    assert 0 < workers.expected_cost("answer", True) < 10
    assert workers.expected_cost("alerts", False) == 0.001  # not seen yet


def test_a_worker_found_dead_is_started_again(workers: EngineWorkers):
    pid = workers.pids()[workers.pick()]
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.2)
    # The worker is found dead before the call is sent: it is restarted and answers.
    assert workers.answer("What did Bob Jones say?", chat_id=3).question
    assert pid not in workers.pids()


def test_a_worker_dying_mid_call_is_reported(workers: EngineWorkers, monkeypatch):
    worker = workers._workers[workers.pick()]
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


async def test_many_calls_in_flight_each_get_their_own_answer_in_chat_order(
    workers: EngineWorkers,
):
    # Requests are pipelined to a worker and matched to their callers by id: none is lost
    # or swapped, and a chat's follow-up is answered after the question it follows.
    questions = [("What did Ana Smith say?", "What did Bob Jones say?")[n % 2] for n in range(40)]
    answers = await asyncio.gather(
        *(workers.answer_async(q, chat_id=100 + n) for n, q in enumerate(questions))
    )
    assert [a.question for a in answers] == questions
    first = workers.answer_async("What did Ana Smith say?", chat_id=500)
    then = workers.command_async("sources", None, chat_id=500)
    asked, sources = await asyncio.gather(first, then)
    assert asked.question == "What did Ana Smith say?"
    assert sources.summary


def test_a_worker_killed_with_calls_in_flight_fails_them_instead_of_hanging(
    workers: EngineWorkers,
):
    worker = workers._workers[workers.pick()]
    futures = [worker.submit("answer", ("What did Bob Jones say?",), {"chat_id": 9})]
    futures += [worker.submit("answer", ("anything",), {"chat_id": 9}) for _ in range(20)]
    pid = worker.process.pid if worker.process is not None else None
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    for future in futures:
        # Either answered before the kill, or lost with the process and said so; never a hang.
        error = future.exception(timeout=10)
        assert error is None or isinstance(error, EngineWorkerError)
        if error is None:
            assert future.result().value.question
    time.sleep(0.2)
    # Found dead on the next call: started again, and answers.
    assert workers.answer("What did Ana Smith say?", chat_id=9).question


async def test_in_the_bot_the_event_loop_reads_the_replies_and_survives_a_killed_worker(db: str):
    import threading

    def readers() -> int:
        return sum(t.name.endswith("-reader") for t in threading.enumerate())

    before = readers()
    pool = EngineWorkers(db, 2)
    await pool.start_async()
    try:
        assert readers() == before  # no reader threads: the loop reads
        with pytest.raises(RuntimeError, match="_async"):
            pool.answer("What did Ana Smith say?", chat_id=199)  # would block the reader
        questions = [
            ("What did Ana Smith say?", "What did Bob Jones say?")[n % 2] for n in range(30)
        ]
        answers = await asyncio.gather(
            *(pool.answer_async(q, chat_id=200 + n) for n, q in enumerate(questions))
        )
        assert [a.question for a in answers] == questions
        # Killed with calls in flight: each is answered or fails, none hangs; then a restart.
        worker = pool._workers[0]
        assert worker.process is not None and worker.process.pid is not None
        os.kill(worker.process.pid, signal.SIGSTOP)
        calls = [
            asyncio.ensure_future(worker.submit_async("answer", ("anything",), {}, None, 1.0))
            for _ in range(5)
        ]
        await asyncio.sleep(0.05)
        os.kill(worker.process.pid, signal.SIGKILL)
        results = await asyncio.wait_for(asyncio.gather(*calls, return_exceptions=True), 10)
        assert all(isinstance(r, EngineWorkerError) for r in results)
        assert worker.load() == 0
        await asyncio.sleep(0.1)
        assert (await pool.answer_async("What did Ana Smith say?", chat_id=300)).question
        assert (await pool.answer_async("What did Ana Smith say?", chat_id=301)).question
    finally:
        pool.close()
