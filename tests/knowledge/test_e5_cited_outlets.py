"""Outlets named in a sentence: a one-word outlet name inside another name is none."""

from __future__ import annotations

import pytest

from knowledge.answering.facts import FactBase
from knowledge.answering.reports import _outlets_named
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.store import Store


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Panic spread among Hill Republicans on Tuesday.", []),
        ("Staff on Capitol Hill were told to stay home.", []),
        ("The Hill reported that the vote was delayed.", ["The Hill"]),
        ("The senator told Reuters Monday that he would vote no.", ["Reuters"]),
        ("The claim came from a report by the Daily Caller.", ["The Daily Caller"]),
    ],
    ids=["hill-republicans", "capitol-hill", "the-hill", "reuters-monday", "daily-caller"],
)
def test_outlets_named(text: str, expected: list[str]) -> None:
    with Store.open(":memory:") as store:
        assert _outlets_named(FactBase(store, load_gazetteer()), text) == expected
