"""Lists of countries announced as attending the event just named: "Ministers from A, B and C
are expected in X", "Delegations from A, B and C will attend", "confirmed the participation
of the five member states: A, B, C, D and E" (invented articles)."""

import pytest

from tests.knowledge.test_events import events_of, names, only_event

LEAD = (
    "Kenya's foreign minister, Amina Wanjiru, announced that Kenya will host a meeting of "
    "the East African water ministers in Nairobi on 14 March. "
)


@pytest.mark.parametrize(
    ("sentence", "countries", "expected"),
    [
        pytest.param(
            "Ministers from Uganda, Tanzania, Rwanda and Burundi are expected in Nairobi.",
            {"Uganda", "Tanzania", "Rwanda", "Burundi"},
            True,
            id="ministers-from-expected-in-place",
        ),
        pytest.param(
            "Delegations from Uganda, Tanzania and Rwanda will attend.",
            {"Uganda", "Tanzania", "Rwanda"},
            False,
            id="delegations-will-attend",
        ),
        pytest.param(
            "Uganda, Tanzania and Rwanda are expected to take part.",
            {"Uganda", "Tanzania", "Rwanda"},
            True,
            id="bare-list-expected-to-take-part",
        ),
        pytest.param(
            "The bloc's secretary general, Joseph Mwangi, confirmed the participation of the "
            "five member states: Burundi, Kenya, Rwanda, Tanzania and Uganda.",
            {"Burundi", "Rwanda", "Tanzania", "Uganda"},
            False,
            id="participation-of-member-states",
        ),
        pytest.param(
            "Representatives of Uganda and Tanzania have confirmed their attendance.",
            {"Uganda", "Tanzania"},
            False,
            id="confirmed-their-attendance",
        ),
    ],
)
def test_the_listed_countries_join_the_event(
    sentence: str, countries: set[str], expected: bool
) -> None:
    event = only_event(LEAD + sentence)
    assert countries <= names(event, expected=expected), event.participants


def test_countries_expected_elsewhere_join_no_event_here() -> None:
    event = only_event(
        LEAD + "Ministers from Uganda, Tanzania and Rwanda are expected in Geneva next week."
    )
    assert not {"Uganda", "Tanzania", "Rwanda"} & names(event)


def test_countries_in_an_unrelated_list_are_no_attendees() -> None:
    event = only_event(LEAD + "Uganda, Tanzania and Rwanda share the lake's basin.")
    assert not {"Uganda", "Tanzania", "Rwanda"} & names(event)


def test_the_list_joins_the_latest_event() -> None:
    events = events_of(
        "Ghana's president, Kofi Mensah, met Togo's president, Ama Dogbe, in Accra in June. "
        + LEAD
        + "Delegations from Uganda, Tanzania and Rwanda will attend."
    )
    accra = [e for e in events if e.location and e.location.city == "Accra"]
    assert accra and not {"Uganda", "Tanzania"} & names(accra[0])


def test_a_town_known_only_from_the_article_is_the_events_place() -> None:
    event = only_event(
        "Kenya will host the meeting of the lake basin ministers in the Kenyan town of "
        "Kakamega on 14 March. Ministers from Uganda, Tanzania and Rwanda are expected in "
        "Kakamega."
    )
    assert event.location is not None and event.location.city == "Kakamega"
    assert {"Uganda", "Tanzania", "Rwanda"} <= names(event, expected=True)
