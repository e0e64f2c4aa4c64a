"""Sentence search and ranking (knowledge.answering.search) on invented articles."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from knowledge.answer import Engine
from knowledge.answering import search
from knowledge.answering.facts import FactBase
from knowledge.answering.linking import Link
from knowledge.answering.reading import read_question
from knowledge.answering.text import fold, plain, stem
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.models import EntityKind

NOW = datetime(2031, 6, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-harbour",
        "title": "Port of Velmora plans a larger harbour",
        "text": (
            "The port authority of Velmora said on Monday that it would build a larger "
            "harbour for container ships. The new harbour would have 14 berths and cost "
            "about 900 million euros, the authority said. Dock workers welcomed the plan "
            "but asked for guarantees on their jobs and wages during the construction."
        ),
        "published": "2031-06-18",
        "source": "Coastal Times",
        "url": "https://example.org/velmora-harbour",
    },
    {
        "id": "mini-ferries",
        "title": "Velmora ferry operators cancel night crossings",
        "text": (
            "Ferry operators in Velmora cancelled all night crossings after a storm damaged "
            "two piers. Travellers were told to expect delays for the rest of the week while "
            "engineers inspected the damaged piers and the harbour walls."
        ),
        "published": "2031-06-19",
        "source": "Coastal Times",
        "url": "https://example.org/velmora-ferries",
    },
]


@pytest.fixture(scope="module")
def facts(mini_engine: Engine) -> FactBase:
    return FactBase(mini_engine._facts.store, load_gazetteer())


def test_a_name_without_any_spelling_is_not_searched_for(facts: FactBase) -> None:
    # "where r the talks": a one-letter word linked to a stored name has no spelling longer
    # than a letter; the search used to fail on it with an IndexError.
    query = read_question(facts, "how many berths would the new harbour have", NOW)
    letter = Link(
        entity_ids=("organisation:r",),
        name="R",
        kind=EntityKind.ORGANISATION,
        surface="r",
        first_word=0,
        last_word=0,
        score=100.0,
    )
    query = replace(query, links=(*query.links, letter))
    concepts, hits = search.candidate_sentences(facts, query)
    assert any(c.kind == "name" and not c.forms for c in concepts)
    assert any("14 berths" in hit.sentence.text for hit in hits)


def test_how_many_answers_with_the_figure(mini_engine: Engine) -> None:
    answer = mini_engine.answer("How many berths would the new harbour have?")
    assert answer.known
    assert "14 berths" in " ".join(f.text for f in answer.facts)


def test_two_filters_rank_one_search_as_two_searches_would(facts: FactBase) -> None:
    query = read_question(facts, "how many berths would the new harbour have", NOW)
    found = search.find_sentences(facts, query)
    for accept in (None, search._has_amount):
        alone = search.ranked_sentences(facts, query, accept=accept, limit=5)
        shared = search.ranked_sentences(facts, query, accept=accept, limit=5, found=found)
        assert [(h.sentence.article_id, h.sentence.index, h.coverage) for h in shared] == [
            (h.sentence.article_id, h.sentence.index, h.coverage) for h in alone
        ]
        assert shared


@pytest.mark.parametrize(
    ("word", "text"),
    [
        ("cancel", "Ferry operators cancelled all night crossings"),
        ("meeting", "The leaders met in Velmora"),
        ("harbours", "a larger harbour for ships"),
        ("berth", "the new harbour would have 14 berths"),
        ("delay", "travellers should expect postponements"),
        ("postpone", "the vote was delayed again"),
        ("wages", "no word on pay"),
        ("is", "it is a plan"),
        ("studies", "the study found"),
    ],
)
def test_word_coverage_is_the_stem_test_of_the_words_sharing_first_letters(
    word: str, text: str
) -> None:
    concept = search._concept("word", [word])
    words = plain(text)
    tokens = words.split()
    # The definition: a word of the text sharing a key's first two letters has its stem.
    expected = any(t[:2] in concept.prefixes and stem(t) in concept.keys for t in tokens)
    assert search._covered(words, tokens, concept) is expected


@pytest.mark.parametrize(
    "text",
    [
        "U.S.-Iran talks",
        "Côte d’Ivoire's  president\u00a0said: “no”",
        "snake_case and __dunder__ words",
        "£5bn (€6bn) — 70%…",
        "",
        "   ",
        "Ärger über Straße",
        "tab\tand\nnewline",
    ],
)
def test_plain_is_the_folded_words_separated_by_single_spaces(text: str) -> None:
    expected = " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())
    assert plain(text) == expected
