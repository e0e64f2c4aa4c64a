"""Who hosts an event: "the summit's host, X", "X, the host,", "As host, X", "at the
invitation of X", "X will host Y" (invented articles)."""

import pytest

from tests.knowledge.test_events import events_of, names, only_event


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Peru, the summit's host, said leaders of Chile and Bolivia would meet in Lima on "
            "Friday.",
            id="name-then-summits-host",
        ),
        pytest.param(
            "The summit's host, Peru, said leaders of Chile and Bolivia would meet in Lima on "
            "Friday.",
            id="summits-host-then-name",
        ),
        pytest.param(
            "Leaders of Chile and Bolivia will meet in Lima on Friday. As host, Peru will chair "
            "the talks.",
            id="as-host",
        ),
        pytest.param(
            "Leaders of Chile and Bolivia will hold a summit in Lima on Friday at the "
            "invitation of Peru.",
            id="at-the-invitation-of",
        ),
        pytest.param(
            "Leaders of Chile and Bolivia will meet in Lima on Friday. The host, Peru, has "
            "invited Ecuador as an observer.",
            id="the-host-in-a-later-sentence",
        ),
        pytest.param(
            "Leaders of Chile and Bolivia will meet in Lima on Friday. Host country Peru has "
            "promised tight security.",
            id="host-country-in-a-later-sentence",
        ),
    ],
)
def test_the_host(text: str) -> None:
    event = only_event(text)
    assert event.host == "Peru", event
    assert "Peru" not in names(event)


def test_a_host_of_another_thing_in_a_later_sentence_is_no_host() -> None:
    event = only_event(
        "Leaders of Chile and Bolivia will meet in Lima on Friday. Qatar, which hosted the "
        "World Cup, has offered to help."
    )
    assert event.host is None


def test_hosting_a_named_guest_is_a_meeting() -> None:
    event = only_event(
        "Chile's president, Marco Soto, will host Bolivia's president, Luis Arce, in "
        "Santiago on Friday."
    )
    assert event.host == "Marco Soto"
    assert "Luis Arce" in names(event)
    assert event.location is not None and event.location.city == "Santiago"


def test_hosting_no_guest_is_no_event() -> None:
    assert events_of("The city will host the Olympics in 2032, the committee said.") == []
