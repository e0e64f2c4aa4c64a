"""Events: the hour and length of talks, delegations, chairs as mediators, onward journeys.

Invented articles in several styles (wire, regional labour news, diplomatic copy).
"""

from datetime import UTC, datetime

import pytest

from knowledge.extract.entities import find_entities
from knowledge.extract.events import find_events
from knowledge.extract.events.timing import clock_time, duration, lasted
from knowledge.extract.sentences import split_sentences
from knowledge.models import Article, Event, EventKind, EventStatus

MONDAY = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)


def events_of(text: str) -> list[Event]:
    article = Article(id="t1", title="", text=text, published=MONDAY)
    sentences = split_sentences(article.id, article.text)
    return find_events(article, sentences, find_entities(article, sentences))


def names(event: Event) -> set[str]:
    return {p.name for p in event.participants}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks begin at 10am on Friday.", "at 10am"),
        ("The leaders will meet from 9.30 a.m. in the palace.", "from 9.30 a.m."),
        ("They meet at 14:00 local time.", "at 14:00 local time"),
        ("A deal came shortly before 11pm on Thursday.", "shortly before 11pm"),
        ("The score was 10:30 at half time.", None),
        ("Chapter 3:16 says little.", None),
    ],
    ids=["am", "dotted-am", "local-time", "shortly-before", "score", "verse"],
)
def test_clock_time(text: str, expected: str | None) -> None:
    assert clock_time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The session lasted about an hour.", "about an hour"),
        ("A deal came after 13 hours of talks.", "13 hours"),
        ("It was a two-hour meeting.", "two-hour"),
        ("She had an hour-long phone call with him.", "an hour-long"),
        ("The ministers met for 90 minutes in a side room.", "90 minutes"),
        ("The talks went on for more than three hours.", "more than three hours"),
        ("Two hours later they met again.", None),
        ("They will meet next month.", None),
    ],
    ids=["lasted", "of-talks", "two-hour", "hour-long", "met-for", "went-on", "later", "month"],
)
def test_duration(text: str, expected: str | None) -> None:
    assert duration(text) == expected


def test_lasted_needs_an_event_subject() -> None:
    assert lasted("The meeting lasted roughly 40 minutes.") == "roughly 40 minutes"
    assert lasted("It went on for three hours.") == "three hours"
    # the strike is no event of the report's kind
    assert lasted("The strike lasted eleven days.") is None


def test_the_hour_and_the_length_of_talks_are_kept() -> None:
    text = (
        "Farmers' leader Ana Ruiz and Agriculture Minister Tomas Bell will hold talks in Lyon "
        "from 9am on Wednesday.\n\n"
        "The meeting lasted about three hours."
    )
    (event,) = events_of(text)
    assert event.time_text == "from 9am"
    assert event.duration == "about three hours"


def test_a_length_in_the_trigger_sentence() -> None:
    text = "Chancellor Petra Hahn met President Luis Arce in Madrid on Sunday for two hours."
    (event,) = events_of(text)
    assert event.duration == "two hours"
    assert event.time_text is None


def test_delegations_are_parties_of_the_talks_just_named() -> None:
    text = (
        "The nurses' union and the hospital trust will resume talks in Leeds on Tuesday.\n\n"
        "The union's delegation will be led by its general secretary, Carla Mendes, and her "
        "deputy Owen Price. The trust will be represented by chief executive Ruth Adeyemi "
        "and finance director Paul Grant."
    )
    events = events_of(text)
    assert len(events) == 1
    assert {"Carla Mendes", "Owen Price", "Ruth Adeyemi", "Paul Grant"} <= names(events[0])


def test_someone_leading_a_delegation_is_a_party() -> None:
    text = (
        "Kenya and Somalia will hold border talks in Nairobi on Friday.\n\n"
        "Foreign Minister Amina Odhiambo will lead the Kenyan delegation."
    )
    (event,) = events_of(text)
    assert "Amina Odhiambo" in names(event)


def test_the_chair_of_talks_is_their_mediator_where_the_report_speaks_of_one() -> None:
    text = (
        "The mediator has summoned the bus drivers and the operator to talks on Friday.\n\n"
        "Retired judge Simon Clarke, who mediated a rail dispute in 2019, will chair the talks "
        "in Leeds on Friday, the labour ministry said."
    )
    (event,) = events_of(text)
    roles = {p.name: p.role for p in event.participants}
    assert roles.get("Simon Clarke") == "mediator"


def test_the_chair_of_a_summit_is_no_mediator() -> None:
    text = "Premier Joan Bell will chair the summit in Lisbon on Friday with President Ana Diaz."
    for event in events_of(text):
        assert all(p.role != "mediator" for p in event.participants)


def test_chaired_by_the_mediator_names_them() -> None:
    text = (
        "Dockers and port owners met in Antwerp on Monday for talks chaired by the "
        "state mediator, Greta Janssens, and Mayor Bart Peeters."
    )
    (event,) = events_of(text)
    roles = {p.name: p.role for p in event.participants}
    assert roles.get("Greta Janssens") == "mediator"


def test_a_trip_after_another_event_word_is_a_planned_visit() -> None:
    text = (
        "The meeting of the coalition was held on the sidelines of the summit, hours before "
        "Secretary of State Mark Dunn is scheduled to make a short trip to Cairo to see "
        "Egypt's leaders."
    )
    visits = [e for e in events_of(text) if e.kind is EventKind.VISIT]
    assert len(visits) == 1
    assert "Mark Dunn" in names(visits[0])
    assert visits[0].location is not None and visits[0].location.city == "Cairo"
    assert visits[0].status is EventStatus.PLANNED


def test_will_go_on_to_and_next_stop_are_onward_visits() -> None:
    text = (
        "Foreign Minister Lena Vogt met President Ali Hassan in Amman on Sunday. "
        "She will go on to Beirut.\n\n"
        "Prime Minister Karl Ost arrived in Oslo on Monday. His next stop is Helsinki."
    )
    visits = {
        e.location.city: names(e)
        for e in events_of(text)
        if e.kind is EventKind.VISIT and e.location is not None
    }
    assert "Lena Vogt" in visits.get("Beirut", set())
    assert "Karl Ost" in visits.get("Helsinki", set())


def test_a_journey_to_the_talks_is_no_second_visit() -> None:
    text = (
        "Trade envoy Mia Roth and Commerce Secretary Jon Pike are set to travel to China on "
        "Monday for the first trade negotiations since talks broke down in May."
    )
    assert len(events_of(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Italy meet Wales in Rome on Saturday after losing 38-8 in their last game.",
        "The second seed will meet Anna Berg of Sweden in the quarter-finals in Paris on Friday.",
        "Rovers face the visit of Lisbon side Benfica in the Champions League on Tuesday.",
        "Norway have beaten Denmark in four of their last five meetings in Oslo.",
    ],
    ids=["score", "seeded-draw", "champions-league", "beaten"],
)
def test_a_game_is_no_meeting(text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Chancellor Anna Roth began a three-day visit to Beijing on Monday by signing a deal "
        "worth 1bn euros (£690m) with President Li Wei.",
        "Central bankers meet in Frankfurt on Thursday; analysts expect a cut of 10-15 basis "
        "points, with Governor Paul Meyer and President Luc Hart attending.",
    ],
    ids=["money-amount", "range"],
)
def test_numbers_of_other_kinds_keep_the_event(text: str) -> None:
    assert len(events_of(text)) == 1


def test_a_party_convention_with_its_place_and_date_is_an_event() -> None:
    text = "The Green Party will hold its national convention in Denver on Saturday, July 14."
    (event,) = events_of(text)
    assert event.kind is EventKind.CONFERENCE
    assert event.location is not None and event.location.city == "Denver"
    assert event.date_start is not None and (event.date_start.month, event.date_start.day) == (
        7,
        14,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ann Vale spoke at the Republican convention about taxes and jobs.",
        "Syria would join the Chemical Weapons Convention, Foreign Minister Omar Haddad said.",
        "The Geneva Conventions bind President Luis Arce and Premier Ana Diaz in Madrid on Monday.",
    ],
    ids=["no-place-or-date", "treaty", "geneva"],
)
def test_a_convention_without_place_and_date_or_a_treaty_is_none(text: str) -> None:
    assert [e for e in events_of(text) if e.kind is EventKind.CONFERENCE] == []


def test_a_date_after_a_long_list_of_places_dates_the_visit() -> None:
    text = (
        "Prime Minister Rachel Ng will visit Japan, South Korea, the Philippines, Indonesia, "
        "Malaysia, Singapore, Vietnam, Thailand, India, Sri Lanka, Bangladesh and New Zealand "
        "on a tour starting next month."
    )
    (event,) = events_of(text)
    assert event.date_text == "next month"


def test_a_date_far_off_in_another_clause_is_not_the_visits() -> None:
    text = (
        "Prime Minister Rachel Ng will visit Japan to discuss trade, fishing rights, the "
        "disputed islands and a long list of grievances that both governments have aired "
        "repeatedly in public since the dispute flared in 2019."
    )
    (event,) = events_of(text)
    assert event.date_start is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Foreign Ministry announced that talks between Chile and Peru will be held in "
            "Lima on Friday.",
            {"Chile", "Peru"},
        ),
        (
            "Chile announced on Monday that talks with Peru will be held in Lima on Friday.",
            {"Chile", "Peru"},
        ),
    ],
    ids=["ministry-announces", "party-announces"],
)
def test_who_announces_talks_between_others_is_no_party(text: str, expected: set[str]) -> None:
    (event,) = events_of(text)
    assert names(event) == expected
