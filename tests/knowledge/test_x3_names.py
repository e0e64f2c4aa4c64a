"""People named by their given name on second reference, and after a long job description.

Every sentence here is invented; the names are no one in any article the project ships.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowledge.extract import extract
from knowledge.models import Article, ArticleFacts, EntityKind


def _facts(text: str) -> ArticleFacts:
    article = Article(id="x3-names-1", text=text, published=datetime(2031, 5, 4, 9, 0, tzinfo=UTC))
    return extract(article)


def _speakers(facts: ArticleFacts) -> list[tuple[str | None, str]]:
    return [(q.speaker_id, q.text[:12]) for q in facts.quotes]


def _person_ids(facts: ArticleFacts) -> list[str]:
    return [e.id for e in facts.entities if e.kind is EntityKind.PERSON]


GIVEN_NAME_ARTICLE = (
    "Ruritanian Prime Minister Anong Vilaysack opened the forum on Monday. He was joined by "
    "Bordurian Foreign Minister Pimchan Rattanakorn.\n\n"
    '"The border is open to trade," Anong told delegates. "We will keep it open."\n\n'
    'Pimchan said her country would review the tariffs. "We pay the costs," she said.'
)


def test_a_given_name_alone_is_the_person_named_in_full_earlier() -> None:
    facts = _facts(GIVEN_NAME_ARTICLE)
    assert _person_ids(facts) == ["person:anong-vilaysack", "person:pimchan-rattanakorn"]
    assert _speakers(facts) == [
        ("person:anong-vilaysack", "The border i"),
        ("person:anong-vilaysack", "We will keep"),
        ("person:pimchan-rattanakorn", "her country "),
        # "she" follows the speaker just named, not the speaker before her
        ("person:pimchan-rattanakorn", "We pay the c"),
    ]


def test_a_given_name_shared_by_two_people_links_to_neither() -> None:
    facts = _facts(
        "Minister Anong Vilaysack met Governor Anong Keomany on Monday. "
        '"We agreed," Anong told reporters.'
    )
    assert "person:anong-vilaysack" in _person_ids(facts)
    assert [q.speaker_id for q in facts.quotes] != ["person:anong-vilaysack"]
    assert [q.speaker_id for q in facts.quotes] != ["person:anong-keomany"]


def _roles(facts: ArticleFacts, name: str) -> list[tuple[str, str | None]]:
    found = [e for e in facts.entities if e.kind is EntityKind.PERSON and e.name == name]
    assert found, f"{name} not among {_person_ids(facts)}"
    return [(r.title, r.affiliation) for r in found[0].roles]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param(
            "Prices rose again. The head of the Ruritanian state-owned Gaspromex company, "
            "Ivor Balinski, said the price was fair.",
            "Ivor Balinski",
            ("head", "Ruritanian state-owned Gaspromex company"),
            id="head-of-a-company",
        ),
        pytest.param(
            "The director of Ruritania's Office for Borduria, Pavel Kostic, will attend.",
            "Pavel Kostic",
            ("director", "Office for Borduria"),
            id="director-of-an-office",
        ),
        pytest.param(
            "Paris's special envoy for the region, Jean Morrow, offered help.",
            "Jean Morrow",
            ("special envoy for the region", "France"),
            id="possessive-envoy-for-a-field",
        ),
        pytest.param(
            "The talks resumed, the EU’s special representative for the dialogue, Marta Ilves, "
            "announced on Thursday.",
            "Marta Ilves",
            ("special representative for the dialogue", "European Union"),
            id="after-a-clause",
        ),
        pytest.param(
            "The minister met the president of Ruritania, Ivo Maric, on Monday.",
            "Ivo Maric",
            ("president", "Ruritania"),
            id="second-article-of-the-clause",
        ),
    ],
)
def test_a_long_description_before_a_name_is_the_persons_role(
    text: str, name: str, role: tuple[str, str | None]
) -> None:
    facts = _facts(text)
    assert _roles(facts, name) == [role]


def test_a_body_named_across_for_is_one_body_not_a_lone_office() -> None:
    facts = _facts("The director of Ruritania's Office for Borduria, Pavel Kostic, will attend.")
    ids = [e.id for e in facts.entities]
    assert "organisation:office" not in ids
    assert "organisation:office-for-borduria" in ids


def test_the_described_person_is_the_speaker() -> None:
    facts = _facts(
        "The head of the Ruritanian state-owned Gaspromex company, Ivor Balinski, said the "
        "price was fair."
    )
    assert [q.speaker_id for q in facts.quotes] == ["person:ivor-balinski"]


def test_a_clause_before_the_comma_is_no_description() -> None:
    facts = _facts("The deal that the company signed with the union, Ivor Balinski said, was fair.")
    assert _roles(facts, "Ivor Balinski") == []


def test_a_building_after_at_is_no_employer() -> None:
    facts = _facts(
        "The envoy, Anna Lindholm, announced the talks. Both sides will sit down with "
        "Lindholm at the Regional Action Service building on Monday, her office said."
    )
    assert _roles(facts, "Anna Lindholm") == [("envoy", None)]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param(
            "The plan was approved. Regulator Tom Pike disagreed with it.",
            "Tom Pike",
            [("regulator", None)],
            id="after-a-sentence",
        ),
        pytest.param(
            "Cinematographer Anna Lind said the film was hard to light.",
            "Anna Lind",
            [("cinematographer", None)],
            id="opening-the-text",
        ),
        pytest.param(
            "Armand Marie Leroux said the book was long.",
            "Armand Marie Leroux",
            [],
            id="a-three-word-name-stays-whole",
        ),
    ],
)
def test_a_capitalised_job_noun_opening_a_sentence_is_a_title(
    text: str, name: str, role: list[tuple[str, str | None]]
) -> None:
    facts = _facts(text)
    assert _roles(facts, name) == role


def test_the_country_owning_the_described_body_is_the_persons() -> None:
    facts = _facts("The director of Ruritania's Office for Borduria, Pavel Kostic, will attend.")
    people = [e for e in facts.entities if e.kind is EntityKind.PERSON]
    assert [(e.name, e.country) for e in people] == [("Pavel Kostic", None)]
    facts = _facts("The director of Serbia's Office for Trade, Pavel Kostic, will attend.")
    people = [e for e in facts.entities if e.kind is EntityKind.PERSON]
    assert [(e.name, e.country) for e in people] == [("Pavel Kostic", "Serbia")]
