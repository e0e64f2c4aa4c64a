"""The dateline city as an event's place: only when the text names no other place for the
event and the event happens there, around publication or "here" (invented articles)."""

from datetime import UTC, datetime

import pytest

from knowledge.extract.events.places import dateline_place, resolve_place_name
from knowledge.models import Place
from tests.knowledge.test_events import only_event

TUESDAY = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param(
            "The presidents of Chile and Bolivia met in Quito on Tuesday to discuss trade.",
            Place(city="Quito", country="Ecuador"),
            id="named-city-wins",
        ),
        pytest.param(
            "The presidents of Chile and Bolivia met on Tuesday to discuss trade.",
            Place(city="Lima", country="Peru"),
            id="held-today-at-the-dateline",
        ),
        pytest.param(
            "The presidents of Chile and Bolivia will meet here on Friday to discuss trade.",
            Place(city="Lima", country="Peru"),
            id="planned-here",
        ),
        pytest.param(
            "The presidents of Chile and Bolivia will meet on Friday to discuss trade.",
            None,
            id="planned-somewhere-unsaid",
        ),
        pytest.param(
            "The presidents of Chile and Bolivia met in Puerto Maldonado on Tuesday to discuss "
            "trade.",
            None,
            id="an-unknown-town-named-is-not-the-dateline",
        ),
    ],
)
def test_the_dateline_as_place(text: str, place: Place | None) -> None:
    event = only_event(text, published=TUESDAY, dateline="LIMA, Peru (AP)")
    assert event.location == place


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("Bogotá D.C.", ("Bogotá", "Colombia")),
        ("BOGOTÁ", ("Bogotá", "Colombia")),
        ("Lima, Peru", ("Lima", "Peru")),
    ],
)
def test_datelines_with_accents_and_district_marks(
    dateline: str, expected: tuple[str, str]
) -> None:
    assert dateline_place(dateline) == expected


def test_an_accented_city_is_known() -> None:
    assert resolve_place_name("Bogotá") == ("Bogotá", "Colombia")
