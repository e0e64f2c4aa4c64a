"""A report's words (knowledge.answering.fallback._ReportWords) are those of its headline and
sentences read as one text, stemmed: abbreviations, letter-number names and accents
included. (It was a set of every stem, _article_stems; since it tells only whether a word is
said, it is checked here against that reading.)"""

from __future__ import annotations

import json

from knowledge.answering.facts import FactBase
from knowledge.answering.fallback import _ReportWords
from knowledge.answering.search import plain_words
from knowledge.answering.text import stem
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.ingest import ingest_articles
from knowledge.readers import read_document
from knowledge.store import Store

ARTICLE = {
    "id": "stems-1",
    "title": "Dockers’ strike at the G-20 port of Gdańsk",
    "published": "2032-06-01",
    "source": "Baltic Wire",
    "text": (
        "The U.N. envoy met striking dockers in Gdańsk on Monday.\n\n"
        "Dockers are demanding higher wages, the union's café-side spokesman said.\n\n"
        "Talks at the G-20 terminal resume on Friday, officials said."
    ),
}


def test_a_reports_words_are_those_of_its_texts_read_as_one() -> None:
    with Store.open(":memory:") as store:
        data = json.dumps(ARTICLE).encode()
        assert ingest_articles(store, read_document("s.jsonl", data)).added == 1
        facts = FactBase(store, load_gazetteer())
        facts.refresh()
        texts = [facts.source("stems-1").title, *(s.text for s in store.sentences("stems-1"))]
        joined = {stem(t) for t in plain_words(" ".join(texts)).split()}
        assert {stem("demanding"), "un", "g20", "gdansk"} <= joined
        report = _ReportWords(facts)
        for said in joined:
            assert report.says("stems-1", frozenset({said})), said
        for unsaid in ("u", "n", "g", "20", "gdańsk", "dockyard", "demon", "strikes", "cafes"):
            assert not report.says("stems-1", frozenset({unsaid})), unsaid
