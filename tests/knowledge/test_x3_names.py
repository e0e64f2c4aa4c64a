"""People named by their given name on second reference, and after a long job description.

Every sentence here is invented; the names are no one in any article the project ships.
"""

from __future__ import annotations

from datetime import UTC, datetime

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
