"""A quote's speaker is labelled with the role they held as its report stands in time: a
2028 report's "foreign minister" stays so though a 2030 report calls her prime minister;
a vague descriptor ("onetime banker") gives way to a real title. Invented articles."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from knowledge.answer import Engine
from knowledge.answering.facts import FactBase, without_vague
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.models import Article, ArticleFacts, Entity, EntityKind, Role, entity_id
from knowledge.store import Store
from tests.knowledge.asking import ask

NOW = datetime(2030, 6, 20, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "lind-2028",
        "title": "Sweden presses Baltic neighbours on fishing",
        "published": "2028-03-02",
        "source": "Example Post",
        "url": "https://example.org/l28",
        "text": "Swedish Foreign Minister Mara Lind spoke in Stockholm on Tuesday.\n\n"
        "“The herring stocks of the Baltic are close to collapse,” Lind said.",
    },
    {
        "id": "lind-2030",
        "title": "Lind sworn in",
        "published": "2030-06-01",
        "source": "Example Post",
        "url": "https://example.org/l30",
        "text": "Swedish Prime Minister Mara Lind took office in Stockholm on Monday.\n\n"
        "“We will cut taxes for families,” Lind said.",
    },
]


def test_an_old_quote_keeps_the_role_of_its_day(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did mara lind say about herring")
    assert "herring stocks" in reply
    assert "foreign minister" in reply
    assert "prime minister" not in reply


def test_a_new_quote_has_the_new_role(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did mara lind say about taxes")
    assert "cut taxes" in reply
    assert "prime minister" in reply


def _fact_base(roles: tuple[Role, ...], days: dict[str, date]) -> tuple[Store, FactBase]:
    store = Store.open(":memory:")
    for article_id, day in days.items():
        article = Article(
            id=article_id,
            text="Text.",
            published=datetime(day.year, day.month, day.day, tzinfo=UTC),
            source="Example Post",
        )
        person = Entity(
            id=entity_id(EntityKind.PERSON, "Ann Vale"),
            kind=EntityKind.PERSON,
            name="Ann Vale",
            roles=tuple(r for r in roles if r.article_id == article_id),
        )
        store.ingest(ArticleFacts(article=article, entities=(person,)))
    facts = FactBase(store, load_gazetteer())
    facts.refresh()
    return store, facts


def test_role_at_picks_the_report_then_the_nearest_day_and_skips_vague_titles() -> None:
    roles = (
        Role(title="onetime banker", article_id="a1"),
        Role(title="finance minister", affiliation="Norway", article_id="a1"),
        Role(title="central bank governor", affiliation="Norway", article_id="a2"),
        Role(title="prime minister", affiliation="Norway", article_id="a3"),
    )
    days = {"a1": date(2020, 1, 5), "a2": date(2024, 1, 5), "a3": date(2029, 1, 5)}
    store, facts = _fact_base(roles, days)
    with store:
        pid = entity_id(EntityKind.PERSON, "Ann Vale")
        # The report's own title, a real one before the descriptor.
        assert facts.role_at(pid, article_id="a1", day=date(2020, 1, 5)).title == (
            "finance minister"
        )
        # Another report of 2025: the title stated nearest before it.
        role = facts.role_at(pid, article_id="x", day=date(2025, 3, 1))
        assert role is not None and role.title == "central bank governor"
        # Before every dated title: the earliest.
        role = facts.role_at(pid, article_id="x", day=date(2010, 1, 1))
        assert role is not None and role.title == "finance minister"
        # No day: the newest.
        role = facts.role_at(pid)
        assert role is not None and role.title == "prime minister"


def test_role_at_without_a_day_skips_a_newer_vague_descriptor() -> None:
    roles = (
        Role(title="finance minister", affiliation="Norway", article_id="a1"),
        Role(title="onetime banker", article_id="a2"),
    )
    store, facts = _fact_base(roles, {"a1": date(2020, 1, 5), "a2": date(2024, 1, 5)})
    with store:
        assert facts.entity(entity_id(EntityKind.PERSON, "Ann Vale")) is not None
        role = facts.role_at(entity_id(EntityKind.PERSON, "Ann Vale"))
        assert role is not None and role.title == "finance minister"


def test_without_vague_keeps_real_titles_in_order() -> None:
    roles = [
        Role(title="onetime banker"),
        Role(title="finance minister"),
        Role(title="longtime aide"),
        Role(title="former president"),
    ]
    # "Former president" is a title held, not a descriptor.
    assert [r.title for r in without_vague(roles)] == ["finance minister", "former president"]
    only = [Role(title="onetime banker")]
    assert without_vague(only) == only


def test_distinct_roles_one_entry_per_office_in_its_fullest_form() -> None:
    store = Store.open(":memory:")
    with store:
        facts = FactBase(store, load_gazetteer())
        roles = [
            Role(title="prime minister"),
            Role(title="prime minister", affiliation="Norway"),
            Role(title="newly installed Norwegian prime minister"),
            Role(title="onetime banker"),
            Role(title="foreign minister", affiliation="Norway"),
            Role(title="prime minister", affiliation="Sweden"),
        ]
        listed = [(r.title, r.affiliation) for r in facts.distinct_roles(roles)]
        assert listed == [
            ("prime minister", "Norway"),
            ("foreign minister", "Norway"),
            ("prime minister", "Sweden"),
        ]


@pytest.mark.parametrize("correspondent_first", [True, False], ids=["written-first", "second"])
def test_an_office_before_an_occupation_of_the_same_report(correspondent_first: bool) -> None:
    # "Foreign" makes no office: a foreign correspondent is a journalist, whichever order
    # the report's roles come in.
    mayor = Role(title="mayor", affiliation="Bergen", article_id="a1")
    journalist = Role(title="foreign correspondent", article_id="a1")
    roles = (journalist, mayor) if correspondent_first else (mayor, journalist)
    store, facts = _fact_base(roles, {"a1": date(2020, 1, 5)})
    with store:
        role = facts.role_at(entity_id(EntityKind.PERSON, "Ann Vale"), article_id="a1")
        assert role is not None and role.title == "mayor"
