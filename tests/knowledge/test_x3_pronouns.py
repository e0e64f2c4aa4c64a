"""'He said' / 'her office said' go to the person the pronoun's gender and the story point at.

Every sentence here is invented; the names are no one in any article the project ships.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

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


CONTINUED = (
    "Ruritania's chief negotiator, Deputy Minister Ivo Maric, and Borduria's Trade Minister "
    "Velmar Kostic will attend.\n\n"
    '"We will not give up the port," Maric told state radio.\n\n'
    "{between}\n\n"
    '"The port was promised years ago. Every new demand is a no."'
)


@pytest.mark.parametrize(
    ("between", "speaker"),
    [
        pytest.param(
            "Kostic accused Ruritania of stalling, in a long statement on Friday.",
            "person:velmar-kostic",
            id="the-person-the-paragraph-is-about",
        ),
        pytest.param(
            "Minister Kostic, who arrived late, accused Ruritania of stalling.",
            "person:velmar-kostic",
            id="after-a-title-and-with-an-apposition",
        ),
        pytest.param(
            "As Kostic was arriving, protesters gathered outside the hall.",
            "person:ivo-maric",
            id="a-clause-about-him-is-no-introduction",
        ),
        pytest.param(
            "Kostic and other ministers pose for a photograph before the talks.",
            "person:ivo-maric",
            id="a-caption-with-others",
        ),
        pytest.param(
            "The talks then broke for lunch.",
            "person:ivo-maric",
            id="nobody-new",
        ),
    ],
)
def test_a_bare_quote_paragraph_after_a_paragraph_about_someone_is_theirs(
    between: str, speaker: str
) -> None:
    facts = _facts(CONTINUED.format(between=between))
    bare = [q for q in facts.quotes if q.text.startswith("The port was")]
    assert [q.speaker_id for q in bare] == [speaker]
