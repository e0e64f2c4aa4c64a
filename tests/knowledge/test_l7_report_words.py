"""The text fallback asks whether a report says a word (by its stems) without stemming every
word of the report: it looks first for what such a word must begin with. Checked against
stemming every word, on words the stripper changes most (irregular forms, "-ies" -> "y",
"used" -> "use", "-ification" -> "ify") and on texts plain words close up or fold."""

from __future__ import annotations

import json

from knowledge.answering.facts import FactBase
from knowledge.answering.fallback import _ReportWords
from knowledge.answering.search import plain_words
from knowledge.answering.text import SYNONYM_STEMS, stem
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.ingest import ingest_articles
from knowledge.readers import read_document
from knowledge.store import Store

ARTICLES = [
    {
        "id": "words-1",
        "title": "Ministers HELD talks on the U.S.-Canada border",
        "published": "2032-06-01",
        "source": "North Wire",
        "text": (
            "The studies were used to justify the verification of the deal, officials said.\n\n"
            "Negotiators met in Montréal and paid for the café’s “quiet room” on Tuesday.\n\n"
            "The G-77 envoys and N.A.T.O. sought the privatisation of the port, the committee's"
            " report said."
        ),
    },
    {
        "id": "words-2",
        "title": "Port strike enters a second week",
        "published": "2032-06-02",
        "source": "North Wire",
        "text": (
            "Striking workers demand a 7% rise and the rehiring of sacked colleagues.\n\n"
            "The operators made an offer on Friday, which the union rejected.\n\n"
            "Talks are due to resume in Sopot, a spokeswoman told reporters."
        ),
    },
]

_ASKED = """
hold meet pay seek tell make win study use verify privatise justify canada montreal cafe quiet
g77 g nato n us committee report demand strike striker rehire colleague offer propose reject
spokeswoman resume sopot week second border minister talk dock union cost
"""
ASKED = _ASKED.split()


def test_a_report_says_a_word_as_stemming_every_word_tells() -> None:
    with Store.open(":memory:") as store:
        data = "\n".join(json.dumps(a) for a in ARTICLES).encode()
        assert ingest_articles(store, read_document("w.jsonl", data)).added == 2
        facts = FactBase(store, load_gazetteer())
        facts.refresh()
        report = _ReportWords(facts)
        said_somewhere = 0
        for article in ARTICLES:
            article_id = str(article["id"])
            texts = [facts.source(article_id).title]
            texts += [s.text for s in store.sentences(article_id)]
            every = {stem(w) for t in texts for w in plain_words(t).split()}
            for word in ASKED:
                keys = frozenset({stem(word), *SYNONYM_STEMS.get(stem(word), ())})
                expected = bool(keys & every)
                said_somewhere += expected
                assert report.says(article_id, keys) is expected, (article_id, word)
                # Asked again: the same answer (kept per report and words).
                assert report.says(article_id, keys) is expected
        # Both answers are tested: most words are said in one report and not the other.
        assert 20 <= said_somewhere <= 2 * len(ASKED) - 20


def test_irregular_forms_and_stripped_endings_are_found() -> None:
    with Store.open(":memory:") as store:
        data = json.dumps(ARTICLES[0]).encode()
        assert ingest_articles(store, read_document("w.jsonl", data)).added == 1
        facts = FactBase(store, load_gazetteer())
        facts.refresh()
        report = _ReportWords(facts)
        # "HELD" (headline, capitals), "met", "paid", "sought": said only as irregular forms;
        # "G-77" and "N.A.T.O." only as plain words close them up.
        for word in (
            "hold",
            "meet",
            "pay",
            "seek",
            "study",
            "use",
            "verify",
            "montreal",
            "g77",
            "nato",
        ):
            assert report.says("words-1", frozenset({stem(word)})), word
        for word in ("win", "tell", "strike", "sopot"):
            assert not report.says("words-1", frozenset({stem(word)})), word
