"""The engine keeps the garbage collector out of answers on a large fact base: its indexes are
built with collection paused, then frozen; a rebuild after new articles freezes again."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from knowledge.answer import Engine
from knowledge.answering import engine as engine_module
from knowledge.store import Store
from tests.knowledge.test_store import make_facts

NOW = datetime(2026, 2, 3, 12, 0, tzinfo=UTC)


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """Leave the test process's collector as it was found."""
    gc.unfreeze()
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_small_base_leaves_the_collector_alone(unfrozen: None) -> None:
    with Store.open(":memory:") as store:
        store.ingest(make_facts("a1"))
        engine = Engine(store, clock=lambda: NOW)
        assert gc.get_freeze_count() == 0
        assert gc.isenabled()
        assert engine.answer("What did Witkoff say?").known


def test_large_base_freezes_the_indexes_and_again_after_new_articles(
    unfrozen: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "SETTLE_FROM_ARTICLES", 2)
    with Store.open(":memory:") as store:
        store.ingest(make_facts("a1", url="https://e.org/1"))
        engine = Engine(store, clock=lambda: NOW)
        assert gc.get_freeze_count() == 0  # one article: below the (lowered) threshold
        store.ingest(make_facts("a2", url="https://e.org/2"))
        assert engine.answer("What did Witkoff say?").known
        assert gc.get_freeze_count() > 0  # the rebuild for the new article was frozen
        assert gc.isenabled()
        gc.unfreeze()
        Engine(store, clock=lambda: NOW)
        assert gc.get_freeze_count() > 0
        assert gc.isenabled()


def test_a_disabled_collector_stays_disabled(unfrozen: None) -> None:
    gc.disable()
    with Store.open(":memory:") as store:
        store.ingest(make_facts("a1"))
        Engine(store, clock=lambda: NOW)
    assert not gc.isenabled()


def test_what_an_answer_leaves_alive_is_frozen_and_collected_now_and_then(
    unfrozen: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After each answer on a large base its survivors are frozen (the collector does not
    walk the kept reads again); every RESETTLE_EVERY answers everything is collected once,
    so a garbage cycle frozen by chance is still freed."""
    monkeypatch.setattr(engine_module, "SETTLE_FROM_ARTICLES", 1)
    monkeypatch.setattr(engine_module, "RESETTLE_EVERY", 3)
    with Store.open(":memory:") as store:
        store.ingest(make_facts("a1"))
        engine = Engine(store, clock=lambda: NOW)
        gc.collect()
        engine.answer("What did Witkoff say?")
        assert len(gc.get_objects(0)) < 50  # the answer's survivors were frozen

        class Cycle:
            me: object = None

        cycle = Cycle()
        cycle.me = cycle
        engine.answer("Where were the talks?")  # freezes the cycle, still alive
        del cycle
        assert not any(isinstance(o, Cycle) for o in gc.get_objects())  # frozen: not walked
        engine.answer("Who is Witkoff?")  # the third answer collects everything
        gc.unfreeze()
        assert not any(isinstance(o, Cycle) for o in gc.get_objects())
