"""Event details: long agenda lists, places named by description, summits that end in a deal."""

from datetime import UTC, datetime

import pytest

from knowledge.extract.entities import find_entities
from knowledge.extract.events import find_events
from knowledge.extract.events.agenda import agenda_items
from knowledge.extract.sentences import split_sentences
from knowledge.models import Article, Event, EventKind, EventStatus, Place

TUESDAY = datetime(2026, 2, 3, 9, 0, tzinfo=UTC)


def events_of(text: str) -> list[Event]:
    article = Article(id="x2", title="", text=text, published=TUESDAY)
    sentences = split_sentences(article.id, article.text)
    return find_events(article, sentences, find_entities(article, sentences))


def only_event(text: str) -> Event:
    events = events_of(text)
    assert len(events) == 1, events
    return events[0]


# --------------------------------------------------------------------------- agenda lists


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministers will discuss fishing quotas, the border crossing and a new rail link.",
            ["fishing quotas", "border crossing", "new rail link"],
        ),
        (
            "On the agenda are fishing quotas, energy prices and migration.",
            ["fishing quotas", "energy prices", "migration"],
        ),
        (
            "The agenda includes the water supply of the three river towns in the northern "
            "valley, the search for some 900 people still missing from the 2004 floods, and "
            "the long-delayed hydropower treaty.",
            [
                "water supply of the three river towns",
                "search for some 900 people still missing",
                "long-delayed hydropower treaty",
            ],
        ),
        (
            "Top of the agenda are grain exports, the reopening of the mountain pass closed "
            "since the war of 1994, and a new ferry line.",
            ["grain exports", "reopening of the mountain pass", "new ferry line"],
        ),
    ],
    ids=["will-discuss", "on-the-agenda-are", "long-items-keep-heads", "participle-cut"],
)
def test_every_item_of_an_agenda_list_is_kept(text: str, expected: list[str]) -> None:
    assert agenda_items(text)[0] == expected


def test_a_long_phrase_that_is_no_list_is_not_cut_into_a_topic() -> None:
    # one long item alone is more often a clause than a topic: it stays dropped
    text = (
        "They will discuss the fate of the hundreds of migrants stranded at the border since "
        "the storm in March."
    )
    assert agenda_items(text)[0] == []


def test_a_long_list_gives_the_event_all_its_items() -> None:
    event = only_event(
        "Chile and Peru will hold talks in Lima on Friday. The agenda includes the water "
        "supply of the three river towns in the northern valley, the search for some 900 "
        "people still missing from the 2004 floods, and the long-delayed hydropower treaty."
    )
    assert len(event.agenda) == 3


# --------------------------------------------------------------------------- described places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Chile and Peru will hold talks on Friday in the southern Lao town of Vangmar to "
            "discuss the dam.",
            Place(city="Vangmar", country="Laos"),
        ),
        (
            "The foreign ministers of Chile and Peru met on Monday in the Italian town of Ostravo.",
            Place(city="Ostravo", country="Italy"),
        ),
        (
            "Officials of Chile and Peru held talks in the border village of Tarnica on Monday.",
            Place(city="Tarnica", country=None),
        ),
        (
            "Chile and Peru will meet at the Black Sea resort of Sochi on Friday.",
            Place(city="Sochi", country="Russia"),
        ),
        (
            "The leaders of Chile and Peru will meet in the Egyptian city of Sharm el-Sheikh "
            "next week.",
            Place(city="Sharm el-Sheikh", country="Egypt"),
        ),
    ],
    ids=["demonym-city", "demonym-town", "unknown-village", "known-resort", "particle-name"],
)
def test_a_place_named_by_its_description_is_the_event_place(text: str, place: Place) -> None:
    assert only_event(text).location == place


def test_a_host_country_known_to_the_gazetteer_places_the_town() -> None:
    event = only_event(
        "Montenegro has offered to host a summit of Balkan leaders in the coastal town of "
        "Zelmar in May 2027."
    )
    assert event.location == Place(city="Zelmar", country="Montenegro")
    assert event.host == "Montenegro"


# --------------------------------------------------------------------------- status


@pytest.mark.parametrize(
    "text",
    [
        "The summit of Chile and Peru in Lima ended with an agreement on fishing quotas.",
        "Talks between Chile and Peru in Lima concluded with a deal on water rights on Monday.",
        "Chile and Peru wrapped up two days of talks in Lima on Monday.",
        "Leaders of Chile and Peru agreed on Monday to share river data, but the summit in "
        "Lima ended without the ban on new dams that Peru had asked for.",
        "Leaders of Chile and Peru agreed on Monday to share river data, but the summit in "
        "Lima ended without an agreement on new dams.",
    ],
    ids=[
        "ended-with-agreement",
        "concluded-with-deal",
        "wrapped-up",
        "one-demand-unmet",
        "partial",
    ],
)
def test_a_summit_that_produced_an_agreement_was_held(text: str) -> None:
    assert only_event(text).status is EventStatus.HELD


@pytest.mark.parametrize(
    "text",
    [
        "The talks between Chile and Peru in Lima collapsed on Monday.",
        "Talks between Chile and Peru in Lima broke down on Monday over water rights.",
        "The summit of Chile and Peru in Lima ended without an agreement on Monday.",
        "The talks between Chile and Peru in Lima ended with no deal on Monday.",
        "Chile walked out of the talks with Peru in Lima on Monday.",
    ],
    ids=["collapsed", "broke-down", "without-agreement", "with-no-deal", "walked-out"],
)
def test_real_collapses_still_are(text: str) -> None:
    assert only_event(text).status is EventStatus.COLLAPSED


# --------------------------------------------------------------------------- joined by


def test_people_who_joined_the_host_are_parties() -> None:
    event = only_event(
        "Prime Minister Anna Berg hosted the one-day summit of Nordic leaders in Oslo on "
        "Monday. She was joined by Swedish Prime Minister John Smith, Finnish President Mary "
        "Hale and Danish Foreign Minister Tom Reed, who stood in for Denmark's prime minister "
        "Ole Lund."
    )
    people = {p.name for p in event.participants}
    assert {"John Smith", "Mary Hale", "Tom Reed"} <= people
    assert "Ole Lund" not in people  # named in the relative clause, not joining
    assert event.host == "Anna Berg"


def test_will_be_joined_by_is_an_expected_party() -> None:
    event = only_event(
        "President John Smith will meet Prime Minister Anna Berg in Lisbon on Friday. He will "
        "be joined by Foreign Minister Tom Reed."
    )
    joined = [p for p in event.participants if p.name == "Tom Reed"]
    assert len(joined) == 1 and joined[0].expected


# --------------------------------------------------------------------------- hearings


@pytest.mark.parametrize(
    ("text", "status", "day"),
    [
        (
            "Pro-democracy activist Tom Reed is due back in court on Nov. 8, his lawyer said.",
            EventStatus.PLANNED,
            "2026-11-08",
        ),
        (
            "Defence Secretary Anna Berg will appear before the defence committee on Friday to "
            "explain the cuts.",
            EventStatus.PLANNED,
            "2026-02-06",
        ),
        (
            "Tom Reed appeared in court in London on Monday charged with fraud.",
            EventStatus.HELD,
            "2026-02-02",
        ),
        ("Tom Reed will have a bail hearing on Friday.", EventStatus.PLANNED, "2026-02-06"),
    ],
    ids=["due-back-in-court", "appear-before-committee", "appeared-in-court", "bail-hearing"],
)
def test_a_scheduled_appearance_is_a_hearing(text: str, status: EventStatus, day: str) -> None:
    event = only_event(text)
    assert event.kind is EventKind.HEARING
    assert event.status is status
    assert str(event.date_start) == day
    assert len([p for p in event.participants if p.kind.value == "person"]) == 1


def test_a_hearing_is_not_merged_with_a_meeting_of_the_same_person() -> None:
    events = events_of(
        "President John Smith will meet Prime Minister Anna Berg in Lisbon on Friday. Smith is "
        "due in court in Lisbon on Monday."
    )
    assert sorted(e.kind.value for e in events) == ["hearing", "meeting"]


@pytest.mark.parametrize(
    "text",
    [
        "The tennis player appeared on court in Paris on Monday for the first time since March.",
        "The minister appeared to be in good spirits in Paris on Monday.",
    ],
    ids=["tennis-court", "appeared-to-be"],
)
def test_no_hearing_without_a_court_or_committee(text: str) -> None:
    assert [e for e in events_of(text) if e.kind is EventKind.HEARING] == []
