"""A title in apposition before a name ("the Ruritanian party leader, X,") and letter-number
names written with or without a hyphen ("G-20", "g20"). Invented articles and names."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from knowledge.answer import Engine
from knowledge.answering.search import plain_words
from knowledge.extract import extract
from knowledge.ingest import ingest_articles
from knowledge.models import Article, EntityKind
from knowledge.readers import read_document
from knowledge.store import Store
from tests.knowledge.asking import ask

NOW = datetime(2031, 6, 1, 12, tzinfo=UTC)


def _roles(text: str, name: str) -> list[tuple[str, str | None]]:
    facts = extract(Article(id="qe-1", text=text, published=NOW))
    found = [e for e in facts.entities if e.kind is EntityKind.PERSON and e.name == name]
    assert found, [e.name for e in facts.entities]
    return [(r.title, r.affiliation) for r in found[0].roles]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param(
            "The NLP leader, Tomas Weald, said the plan was flawed.",
            "Tomas Weald",
            ("leader", "NLP"),
            id="a party's acronym owns the title",
        ),
        pytest.param(
            "The deal was welcomed by the Northern Ireland secretary, Bram Oakes, who called "
            "it historic.",
            "Bram Oakes",
            ("secretary", "Northern Ireland"),
            id="a two-word place owns the title",
        ),
        pytest.param(
            "The Tánaiste and Irish foreign minister, Niamh Corr, said talks would go on.",
            "Niamh Corr",
            ("tánaiste and foreign minister", "Ireland"),
            id="two titles joined by and",
        ),
    ],
)
def test_a_short_title_in_apposition_is_the_persons_role(
    text: str, name: str, role: tuple[str, str | None]
) -> None:
    assert role in _roles(text, name)


def test_a_title_after_a_clause_is_still_no_description() -> None:
    text = "The minister met the NLP leader who spoke, Tomas Weald, on Monday."
    assert ("leader", "NLP") not in _roles(text, "Tomas Weald")


def test_letter_number_names_are_one_word_either_way() -> None:
    assert plain_words("the G-20 summit") == plain_words("the G20 summit") == "the g20 summit"
    assert plain_words("a well-known 2-0 win") == "a well known 2 0 win"


ARTICLE = {
    "id": "qe-g",
    "title": "Lagoon talks planned",
    "published": "2031-05-28",
    "source": "Example Post",
    "url": "https://example.org/qe",
    "text": "Delegates of the Borlin states rejected the river toll plan on Thursday.\n\n"
    "Delegates of the Q-9 states rejected the Lagoon fishing plan on Friday, "
    "officials said.\n\nLeaders will meet in Velmora on June 9 for the annual G-20 summit.",
}


@pytest.fixture(scope="module")
def engine() -> Engine:
    store = Store.open(":memory:")
    ingest_articles(store, read_document("a.jsonl", json.dumps(ARTICLE).encode()))
    return Engine(store, clock=lambda: NOW)


def test_a_closed_up_letter_number_finds_the_hyphenated_one(engine: Engine) -> None:
    reply = ask(engine, "what did the q9 delegates reject?")
    # the Q-9 delegates' plan first, before other delegates'
    assert "lagoon fishing plan" in reply
    assert "river toll" not in reply.split("lagoon fishing plan")[0]


def test_g20_reaches_the_g_20_summit(engine: Engine) -> None:
    reply = ask(engine, "when is the g20 summit?")
    assert "9 june 2031" in reply or "june 9" in reply
