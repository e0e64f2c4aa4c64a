"""The reports in which a person speaks of a topic are found by the topic's words as the
question wrote them (knowledge.answering.quotes), the words the topic's other searches use.

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from knowledge.answering import quotes
from knowledge.answering.facts import FactBase
from knowledge.answering.linking import Link
from knowledge.answering.reading import read_question
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.ingest import ingest_articles
from knowledge.models import EntityKind
from knowledge.readers import read_document
from knowledge.store import Store

NOW = datetime(2032, 5, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "berg-summit",
        "title": "Ministers gather in Rome",
        "published": "2032-05-10",
        "source": "Tiber Times",
        "text": (
            "Councillor Anna Berg met trade ministers in Rome on Monday.\n\n"
            "Berg said the G7 had to act on tariffs before the autumn."
        ),
    },
    {
        "id": "berg-choir",
        "title": "Choir night in Malmo",
        "published": "2032-05-12",
        "source": "Sound Gazette",
        "text": (
            "Councillor Anna Berg joined a group of seven singers on Friday.\n\n"
            "“We sang until dawn,” Berg said."
        ),
    },
]


@pytest.fixture(scope="module")
def facts() -> Iterator[FactBase]:
    data = "\n".join(json.dumps(a) for a in ARTICLES).encode()
    with Store.open(":memory:") as store:
        report = ingest_articles(store, read_document("berg.jsonl", data))
        assert report.added == len(ARTICLES)
        base = FactBase(store, load_gazetteer())
        base.refresh()
        yield base


def test_the_speakers_reports_on_a_topic_are_found_by_the_words_asked(
    facts: FactBase,
) -> None:
    query = read_question(facts, "What did Anna Berg say about the G7?", NOW)
    assert query.people, "the speaker is linked"
    # A topic known by its full name only from general knowledge (no stored entity, so no
    # reports that mention it): the words decide. The question's "G7" is in the report on
    # the G7; the words of the full name ("group", "seven") are in one on a choir.
    group = Link((), "Group of Seven", EntityKind.ORGANISATION, "G7", 6, 6, 100.0)
    asked = replace(query, topic_links=(group,), topic_terms=(), phrases=())
    assert quotes._speaker_topic_articles(facts, asked, []) == ["berg-summit"]
