"""An event's agenda continued in later sentences: "The agenda also includes ...",
"Also on the table will be ...", "Talks will also cover ..." (invented articles)."""

import pytest

from tests.knowledge.test_events import events_of, only_event


@pytest.mark.parametrize(
    ("follow_up", "expected"),
    [
        pytest.param(
            "The agenda also includes the future of the fishing quotas and the funding of the "
            "harbour authority, the ministry said.",
            {"future of the fishing quotas", "funding of the harbour authority"},
            id="agenda-also-includes",
        ),
        pytest.param(
            "Also on the table will be the ferry subsidy and customs staffing.",
            {"ferry subsidy", "customs staffing"},
            id="also-on-the-table",
        ),
        pytest.param(
            "Talks will also cover the ferry subsidy and customs staffing.",
            {"ferry subsidy", "customs staffing"},
            id="talks-will-also-cover",
        ),
        pytest.param(
            "The two ministers will also discuss the ferry subsidy.",
            {"ferry subsidy"},
            id="will-also-discuss",
        ),
        pytest.param(
            "Also on the agenda are the ferry subsidy and customs staffing.",
            {"ferry subsidy", "customs staffing"},
            id="also-on-the-agenda",
        ),
    ],
)
def test_a_later_sentence_adds_to_the_agenda(follow_up: str, expected: set[str]) -> None:
    text = (
        "Norway's fisheries minister, Ingrid Solheim, and Iceland's foreign minister, Bjarni "
        "Halldorsson, will meet in Tromso on Thursday for talks on the mackerel dispute. "
        + follow_up
    )
    event = only_event(text)
    assert "mackerel dispute" in event.agenda
    assert expected <= set(event.agenda), event.agenda


def test_the_agenda_goes_to_the_latest_event() -> None:
    text = (
        "Chile's president, Marta Ossandon, met Argentina's president, Diego Ferraro, in "
        "Santiago in March. "
        "Kenya's trade minister, Peter Otieno, and Uganda's trade minister, Grace Nakato, will "
        "meet in Kampala on Friday to discuss the sugar tariff. "
        "Also on the table will be the rail link to Mombasa."
    )
    events = events_of(text)
    kampala = [e for e in events if e.location and e.location.city == "Kampala"]
    santiago = [e for e in events if e.location and e.location.city == "Santiago"]
    assert kampala and "rail link to Mombasa" in kampala[0].agenda, events
    assert santiago and santiago[0].agenda == (), santiago


def test_a_table_with_no_agenda_adds_nothing() -> None:
    text = (
        "Norway's fisheries minister, Ingrid Solheim, and Iceland's foreign minister, Bjarni "
        "Halldorsson, will meet in Tromso on Thursday for talks on the mackerel dispute. "
        "Solheim said a new offer was on the table."
    )
    event = only_event(text)
    assert event.agenda == ("mackerel dispute",)


@pytest.mark.parametrize(
    "follow_up",
    [
        "The agenda of the meeting will include the ferry subsidy and customs staffing.",
        "The agenda for Thursday's talks includes the ferry subsidy and customs staffing.",
    ],
)
def test_the_agenda_of_the_meeting(follow_up: str) -> None:
    text = (
        "Norway's fisheries minister, Ingrid Solheim, and Iceland's foreign minister, Bjarni "
        "Halldorsson, will meet in Tromso on Thursday. " + follow_up
    )
    event = only_event(text)
    assert {"ferry subsidy", "customs staffing"} <= set(event.agenda), event.agenda
