"""A past office ('a former chief executive of a bank') ranks below one held ('finance
minister'): in 'who is X' and in the label of X's quotes from a report that gives no role,
though the past office is the one stated nearest before it. Invented articles."""

from __future__ import annotations

from datetime import UTC, date, datetime

from knowledge.answer import Engine
from knowledge.answering.facts import FactBase
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.models import Role
from knowledge.store import Store
from tests.knowledge.asking import ask

NOW = datetime(2031, 3, 10, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "brandt-1",
        "title": "Budget talks open in Vienna",
        "published": "2031-03-01",
        "source": "Alpine Ledger",
        "url": "https://example.org/brandt1",
        "text": "Austrian Finance Minister Ilse Brandt opened budget talks in Vienna on "
        "Saturday.\n\nThe talks are expected to last a week.",
    },
    {
        "id": "brandt-2",
        "title": "Keller Bank names a new board",
        "published": "2031-03-05",
        "source": "Alpine Ledger",
        "url": "https://example.org/brandt2",
        "text": "Keller Bank named a new board on Wednesday.\n\nIlse Brandt, a former chief "
        "executive of Keller Bank, was not among its members.",
    },
    {
        "id": "brandt-3",
        "title": "Brandt rules out tax rises",
        "published": "2031-03-06",
        "source": "Danube Wire",
        "url": "https://example.org/brandt3",
        "text": 'Ilse Brandt ruled out tax rises on Thursday.\n\n"There will be no new taxes '
        'this year," Brandt told reporters in Vienna.',
    },
]


def test_who_is_leads_with_the_office_held(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "who is ilse brandt")
    assert "finance minister" in reply
    assert reply.index("finance minister") < reply.index("former chief executive")


def test_a_quote_is_labelled_with_the_office_held(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did ilse brandt say about taxes")
    assert "no new taxes" in reply
    assert "former chief executive" not in reply
    assert "finance minister" in reply


def test_a_former_title_ends_the_same_office_stated_before_it() -> None:
    # "chief executive" (January) then "former chief executive" (March): no longer held.
    with Store.open(":memory:") as store:
        facts = FactBase(store, load_gazetteer())
        held = Role(title="chief executive", affiliation="Keller Bank", as_of=date(2031, 1, 5))
        ended = Role(
            title="former chief executive", affiliation="Keller Bank", as_of=date(2031, 3, 5)
        )
        office = Role(title="finance minister", affiliation="Austria", as_of=date(2031, 2, 1))
        assert facts.current_first([held, ended, office]) == [office]
        assert facts.current_first([held, ended]) == [held, ended]
