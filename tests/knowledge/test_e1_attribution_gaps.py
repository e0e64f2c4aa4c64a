"""Quotes and roles that held-out questions found missing: a hearer before a partial quote,
a hearer after a quoted fragment, an apposition's relative clause, acronyms and postings."""

from __future__ import annotations

import pytest

from knowledge.extract import extract
from knowledge.extract.entities import find_entities
from knowledge.extract.sentences import split_sentences
from knowledge.models import Article, EntityKind, Quote


def _quotes(text: str) -> list[Quote]:
    return list(extract(Article(id="g", text=text)).quotes)


def test_told_the_convention_then_a_name_is_the_clause_not_the_hearer() -> None:
    text = (
        "On Friday Nadia Brooks told the rally Mr. Hale “will never stand up to the "
        "lobbyists in his own party.”"
    )
    (quote,) = _quotes(text)
    assert quote.speaker == "Nadia Brooks"
    assert quote.text.startswith("Mr. Hale “will never stand up")


def test_a_relative_clause_in_the_apposition_does_not_hide_the_speaker() -> None:
    text = (
        "Nadia Brooks, the nurse who the hospital denied a chance to testify before the "
        "committee, told the hearing that the wards were unsafe."
    )
    (quote,) = _quotes(text)
    assert (quote.speaker, quote.text) == ("Nadia Brooks", "the wards were unsafe")


def test_a_fragment_then_telling_a_hearer_leaves_the_quote_to_the_subject() -> None:
    text = (
        "Adviser Paul Kerr has called the plan a spending spree that would make donors "
        '"very nervous," telling The Morning Ledger: "With rates this low, it is the best '
        'chance in a generation to rebuild the ports."'
    )
    speakers = {q.text: q.speaker for q in _quotes(text)}
    assert (
        speakers["With rates this low, it is the best chance in a generation to rebuild the ports."]
        == "Paul Kerr"
    )
    assert "The Morning Ledger" not in speakers.values()


@pytest.mark.parametrize(
    "text",
    [
        "NEHR, the Network of European Harbour Regulators, disagrees. NEHR said so.",
        "The Network of European Harbour Regulators (NEHR) disagrees. NEHR said so.",
    ],
    ids=["acronym-first", "acronym-in-brackets"],
)
def test_an_acronym_paired_with_a_bodys_name_is_that_body(text: str) -> None:
    article = Article(id="a", text=text)
    index = find_entities(article, split_sentences(article.id, text))
    bodies = [e for e in index.entities if e.kind is EntityKind.ORGANISATION]
    assert [(b.name, b.aliases) for b in bodies] == [
        ("Network of European Harbour Regulators", ("NEHR",))
    ]


def test_an_unrelated_acronym_is_not_joined() -> None:
    text = "The Network of European Harbour Regulators (IMF) disagrees."
    article = Article(id="a", text=text)
    index = find_entities(article, split_sentences(article.id, text))
    assert len([e for e in index.entities if e.kind is EntityKind.ORGANISATION]) == 2


@pytest.mark.parametrize(
    ("text", "title", "owner"),
    [
        (
            "Ann Lowe, who formerly served as U.S. ambassador to South Korea, said it was late.",
            "former ambassador to South Korea",
            "United States",
        ),
        (
            "Ann Lowe, the U.S. ambassador to Japan, said it was late.",
            "ambassador to Japan",
            "United States",
        ),
        (
            "Ann Lowe, the U.S. trade representative, said it was late.",
            "trade representative",
            "United States",
        ),
        (
            "Ann Lowe, a top Russia expert at the Hale Institute, said it was late.",
            "top Russia expert",
            "Hale Institute",
        ),
    ],
    ids=["posting-who", "posting-apposition", "country-owner", "subject-not-owner"],
)
def test_an_envoys_posting_and_a_titles_country(text: str, title: str, owner: str) -> None:
    article = Article(id="r", text=text)
    index = find_entities(article, split_sentences(article.id, text))
    (person,) = [e for e in index.entities if e.kind is EntityKind.PERSON]
    assert (person.roles[0].title, person.roles[0].affiliation) == (title, owner)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Kevin Marsh, the former sergeant-at-arms of the House of Commons, is back. The "
            "former sergeant-at-arms of the House of Commons said he is considering a run.",
            "Kevin Marsh",
        ),
        (
            "Libyan President Ali Zeid spoke first. The president of Libya said the attack "
            "was planned.",
            "Ali Zeid",
        ),
        (
            "President Tom Hale spoke first. The president of Libya said the attack was planned.",
            "The president of Libya",
        ),
    ],
    ids=["title-of-body", "title-of-country", "holder-of-another-country"],
)
def test_a_title_of_a_body_or_country_means_its_holder(text: str, speaker: str) -> None:
    (quote,) = [q for q in _quotes(text) if "said" in (q.cue or "")]
    assert quote.speaker == speaker


def test_an_apposition_opened_by_a_does_not_replace_the_person_before_it() -> None:
    text = (
        "Joe Roe, a 1989 graduate and a county commissioner in Kenton County, where the "
        "school is, said the photo misrepresents the school."
    )
    (quote,) = _quotes(text)
    assert (quote.speaker, quote.text) == ("Joe Roe", "the photo misrepresents the school")
