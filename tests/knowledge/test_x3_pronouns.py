"""'He said' / 'her office said' go to the person the pronoun's gender and the story point at.

Every sentence here is invented; the names are no one in any article the project ships.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.extract import extract
from knowledge.models import Article, ArticleFacts


def _facts(text: str) -> ArticleFacts:
    article = Article(id="x3-pron-1", text=text, published=datetime(2031, 5, 4, 9, 0, tzinfo=UTC))
    return extract(article)


def _speakers(facts: ArticleFacts) -> list[tuple[str | None, str]]:
    return [(q.speaker_id, q.text[:12]) for q in facts.quotes]


ARTICLE = (
    "The two delegations will meet on Monday, the UN envoy for the talks, Anna Lindholm, "
    "announced.\n\n"
    "Ruritania's chief negotiator, Deputy Minister Ivo Maric, and the director of Borduria's "
    "Office for Trade, Velmar Kostic, will sit down with Lindholm in Geneva, her office said "
    "in a statement after a long call on Thursday evening.\n\n"
    'Maric said his side was ready. "We will not give up the port," he told state radio.\n\n'
    'Kostic accused Ruritania of stalling. "The port was promised years ago. Every new '
    'demand is just another way of saying no," he told reporters.'
)


def test_a_newly_named_speaker_takes_the_next_he_told() -> None:
    speakers = _speakers(_facts(ARTICLE))
    assert ("person:ivo-maric", "We will not ") in speakers
    # not the previous speaker: "her" after "Lindholm" is no sign that Kostic is a woman
    assert ("person:velmar-kostic", "The port was") in speakers


def test_her_office_is_the_woman_named_in_the_sentence() -> None:
    facts = _facts(ARTICLE)
    office = [q for q in facts.quotes if q.speaker and "office" in q.speaker]
    assert [q.speaker_id for q in office] == ["person:anna-lindholm"]
