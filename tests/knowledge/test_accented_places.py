"""A city the gazetteer spells without accents is still a place when an article writes it
with them ("Gdańsk", "Kraków", "Zürich", "Bogotá"), and keeps its name as written."""

from __future__ import annotations

from knowledge.extract.entities import find_entities
from knowledge.extract.sentences import split_sentences
from knowledge.models import Article, EntityKind


def _places(text: str) -> dict[str, str | None]:
    article = Article(id="acc", text=text)
    entities = find_entities(article, split_sentences(article.id, text))
    return {e.name: e.country for e in entities.entities if e.kind is EntityKind.PLACE}


def test_accented_city_names_are_places_with_their_country() -> None:
    places = _places(
        "Dockers in Gdańsk walked out on Monday. Talks were later held in Kraków, and "
        "bankers in Zürich and officials in Bogotá watched closely."
    )
    assert places.get("Gdańsk") == "Poland"
    assert places.get("Kraków") == "Poland"
    assert places.get("Zürich") == "Switzerland"
    assert places.get("Bogotá") == "Colombia"


def test_unknown_accented_word_is_still_no_place() -> None:
    assert "Pérouse" not in _places("The river at Pérouse flooded on Monday.")
