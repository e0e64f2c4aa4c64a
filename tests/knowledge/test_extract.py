"""The whole pipeline, extract(article) -> ArticleFacts, on the owner's sample and odd input."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from knowledge.extract import extract
from knowledge.models import Article, ArticleFacts, EntityKind, QuoteKind
from knowledge.readers import read_paths

SAMPLE = Path(__file__).parents[2] / "knowledge" / "samples"
SAMPLE_FILE = SAMPLE / "aa-2026-02-03-us-iran-istanbul-talks.txt"


@pytest.fixture(scope="module")
def sample() -> ArticleFacts:
    articles = [a for a in read_paths([str(SAMPLE_FILE)]) if isinstance(a, Article)]
    assert len(articles) == 1
    return extract(articles[0])


@pytest.fixture(scope="module")
def raw_sample() -> ArticleFacts:
    """The file as plain text, page furniture and pull-quote included."""
    text = SAMPLE_FILE.read_text(encoding="utf-8")
    return extract(Article(id="raw", text=text, published=datetime(2026, 2, 3, tzinfo=UTC)))


def test_quote_text_is_always_a_span_of_the_article(sample: ArticleFacts) -> None:
    assert sample.quotes
    for quote in sample.quotes:
        assert sample.article.text[quote.start : quote.end] == quote.text
    for sentence in sample.sentences:
        assert sample.article.text[sentence.start : sentence.end] == sentence.text


def test_sample_direct_quotes_and_their_speakers(sample: ArticleFacts) -> None:
    direct = [q for q in sample.quotes if q.kind is QuoteKind.DIRECT]
    assert [q.speaker for q in direct] == ["Donald Trump", "Ali Khamenei", "Ali Vaez"]
    trump, khamenei, vaez = direct
    assert trump.text.startswith("We have the biggest, most powerful ships")
    assert trump.said_on == date(2026, 2, 1)
    assert trump.cue == "saying"
    assert khamenei.text.startswith("The Americans should know")
    assert khamenei.cue == "warning"
    assert vaez.attributed_via == "The Wall Street Journal"
    assert vaez.cue == "warned"


def test_sample_indirect_statements(sample: ArticleFacts) -> None:
    indirect = {q.text: q for q in sample.quotes if q.kind is QuoteKind.INDIRECT}
    shuttling = next(t for t in indirect if "shuttling messages" in t)
    assert "text messages" in shuttling
    assert indirect[shuttling].speaker == "officials"
    assert indirect[shuttling].attributed_via == "The New York Times"
    readiness = next(t for t in indirect if t.startswith("Iran has signaled readiness"))
    assert indirect[readiness].speaker == "Iranian officials"


def test_sample_pull_quote_is_not_counted_twice(raw_sample: ArticleFacts) -> None:
    chaos = [q for q in raw_sample.quotes if "export chaos" in q.text]
    assert len(chaos) == 1
    assert chaos[0].speaker == "Ali Vaez"
    assert all(q.text != "Anadolu Agency website" for q in raw_sample.quotes)


def test_sample_people_and_roles(sample: ArticleFacts) -> None:
    people = {e.name: e for e in sample.entities if e.kind is EntityKind.PERSON}
    roles = {name: [(r.title, r.affiliation) for r in e.roles] for name, e in people.items()}
    assert roles["Steve Witkoff"] == [("special envoy", "United States")]
    assert roles["Jared Kushner"] == [("son-in-law of President Donald Trump", None)]
    assert roles["Abbas Araghchi"] == [("foreign minister", "Iran")]
    assert "Witkoff" in people["Steve Witkoff"].aliases
    kinds = {e.name: e.kind for e in sample.entities}
    assert kinds["Türkiye"] is EntityKind.COUNTRY
    assert kinds["Istanbul"] is EntityKind.PLACE
    assert kinds["The Wall Street Journal"] is EntityKind.OUTLET
    assert kinds["International Crisis Group"] is EntityKind.ORGANISATION


def test_sample_clutter_is_kept_out_of_sentences(raw_sample: ArticleFacts) -> None:
    texts = [s.text for s in raw_sample.sentences]
    assert not any("subscription options" in t for t in texts)
    assert not any(t in ("World", "ISTANBUL") for t in texts)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\n ",
        "“",
        "\x00\x01 odd bytes \ufffd",
        "A" * 5000,
        "Word. " * 20000,
        "“" * 300 + "said" * 300,
        "\n".join(f"Mr. X{i} said, “yes {i}.”" for i in range(500)),
    ],
    ids=["empty", "blank", "lone-mark", "control", "one-long-word", "huge", "marks", "many"],
)
def test_extract_never_raises_on_odd_input(text: str) -> None:
    facts = extract(Article(id="odd", text=text))
    assert facts.article.id == "odd"
    for quote in facts.quotes:
        assert text[quote.start : quote.end] == quote.text


def test_extract_survives_random_punctuation_soup() -> None:
    rng = random.Random(20260203)
    alphabet = "abc XYZ .,;:!?'\"“”‘’«»()—–-\n\tİş Mr. Dr. U.S. said told “ "
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        facts = extract(Article(id="soup", text=text))
        for quote in facts.quotes:
            assert text[quote.start : quote.end] == quote.text


def test_bio_link_teasers_are_skipped_but_spans_stay_exact() -> None:
    text = (
        "Sen. Ann Moe Ann Marie MoeSenate passes farm bill MORE (D-Ore.) blasted it as "
        "“a betrayal of farmers.”\n\nShe left early."
    )
    facts = extract(Article(id="t", text=text, published=datetime(2026, 2, 3, tzinfo=UTC)))
    people = [e.name for e in facts.entities if e.kind is EntityKind.PERSON]
    assert people == ["Ann Moe"]
    assert [(q.text, q.speaker) for q in facts.quotes] == [("a betrayal of farmers.", "Ann Moe")]
    for sentence in facts.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    for quote in facts.quotes:
        assert text[quote.start : quote.end] == quote.text


def test_sentences_split_at_quote_marks_glued_to_the_text() -> None:
    from knowledge.extract.sentences import split_sentences

    text = 'The vote failed."We lost," Ames said."It hurts.""Next time," she added.'
    assert [s.text for s in split_sentences("s", text)] == [
        "The vote failed.",
        '"We lost," Ames said.',
        '"It hurts."',
        '"Next time," she added.',
    ]
