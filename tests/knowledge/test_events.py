from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from knowledge.extract.entities import find_entities
from knowledge.extract.events import find_events, same_event
from knowledge.extract.sentences import split_sentences
from knowledge.models import (
    Article,
    DatePrecision,
    EntityKind,
    Event,
    EventKind,
    EventStatus,
    Participant,
    Place,
)

SAMPLE = Path(__file__).parents[2] / "knowledge/samples/aa-2026-02-03-us-iran-istanbul-talks.txt"
TUESDAY = datetime(2026, 2, 3, 9, 0, tzinfo=UTC)
POSTPONED = EventStatus.POSTPONED


def events_of(
    text: str,
    *,
    published: datetime = TUESDAY,
    article_id: str = "a1",
    dateline: str | None = None,
) -> list[Event]:
    article = Article(id=article_id, title="", text=text, published=published, dateline=dateline)
    sentences = split_sentences(article.id, article.text)
    return find_events(article, sentences, find_entities(article, sentences))


def only_event(text: str, **kwargs: Any) -> Event:
    events = events_of(text, **kwargs)
    assert len(events) == 1, events
    return events[0]


def names(event: Event, *, expected: bool | None = None, role: str | None = None) -> set[str]:
    return {
        p.name
        for p in event.participants
        if (expected is None or p.expected == expected) and (role is None or p.role == role)
    }


# --------------------------------------------------------------------------- the sample


@pytest.fixture(scope="module")
def sample_event() -> Event:
    events = events_of(SAMPLE.read_text(encoding="utf-8"), article_id="aa-sample")
    talks = [e for e in events if e.location and e.location.city == "Istanbul"]
    assert len(talks) == 1, events
    return talks[0]


def test_sample_talks_place_host_date_status(sample_event: Event) -> None:
    assert sample_event.kind is EventKind.TALKS
    assert sample_event.location == Place(city="Istanbul", country="Türkiye")
    assert sample_event.host == "Türkiye"
    assert sample_event.date_start == date(2026, 2, 6)
    assert sample_event.date_precision is DatePrecision.DAY
    assert sample_event.date_text == "Friday"
    assert sample_event.status is EventStatus.PLANNED


def test_sample_participants_with_roles(sample_event: Event) -> None:
    people = {p.name: p.role for p in sample_event.participants if p.kind is EntityKind.PERSON}
    assert people["Steve Witkoff"] == "US special envoy"
    assert "son-in-law" in (people["Jared Kushner"] or "")
    assert (people["Abbas Araghchi"] or "").casefold() == "iranian foreign minister"
    # Trump is named only as a descriptor of Kushner ("Trump's son-in-law")
    assert "Donald Trump" not in people
    assert {"United States", "Iran"} <= names(sample_event)


def test_sample_expected_countries_and_mediators(sample_event: Event) -> None:
    assert {"Qatar", "Egypt"} <= names(sample_event, expected=True)
    assert "Iran" not in names(sample_event, expected=True)
    assert names(sample_event, role="mediator") == {"Türkiye", "Qatar", "Egypt", "Oman", "Iraq"}


def test_sample_agenda_and_reporting(sample_event: Event) -> None:
    agenda = " | ".join(sample_event.agenda)
    assert "nuclear program" in agenda
    assert "missiles" in sample_event.agenda
    assert "regional militias" in sample_event.agenda
    assert "parallel tracks" not in agenda
    assert sample_event.reported_by[:2] == ("The Wall Street Journal", "The New York Times")
    assert sample_event.reported_on == date(2026, 2, 2)


def test_sample_mentions_merge_into_one_event_with_evidence() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    events = events_of(text, article_id="aa-sample")
    assert len(events) == 1
    evidence = [text[s.start : s.end] for s in events[0].evidence]
    assert any("the planned meeting would bring together" in e for e in evidence)
    assert any(e.startswith("The talks are expected to explore") for e in evidence)
    assert events[0].id == "aa-sample#event-1"


# --------------------------------------------------------------------------- other styles


def test_cancelled_summit_keeps_its_planned_date_and_place() -> None:
    event = only_event(
        "The summit between Brazilian President Ana Souza and Argentine President Carlos Ruiz, "
        "set for Friday in Buenos Aires, was called off on Monday after a dispute over tariffs, "
        "officials said."
    )
    assert event.kind is EventKind.SUMMIT
    assert event.status is EventStatus.CANCELLED
    assert event.location == Place(city="Buenos Aires", country="Argentina")
    assert event.date_start == date(2026, 2, 6)
    assert {"Ana Souza", "Carlos Ruiz", "Brazil", "Argentina"} <= names(event)


def test_held_meeting_in_geneva_with_agenda() -> None:
    event = only_event(
        "GENEVA — German Chancellor Klaus Weber met French President Marie Dupont on Tuesday in "
        "Geneva to discuss energy prices and migration.\n\n"
        "The two leaders also agreed to meet again next month.",
        published=datetime(2026, 2, 4, tzinfo=UTC),
    )
    assert event.kind is EventKind.MEETING
    assert event.status is EventStatus.HELD
    assert event.location == Place(city="Geneva", country="Switzerland")
    assert event.date_start == date(2026, 2, 3)
    assert event.agenda == ("energy prices", "migration")
    roles = {p.name: p.role for p in event.participants}
    assert roles["Klaus Weber"] == "German chancellor"
    assert roles["Marie Dupont"] == "French president"


def test_postponed_visit_moves_forward() -> None:
    event = only_event(
        "A planned visit by Japanese Foreign Minister Kenji Sato to Seoul has been postponed "
        "until March, the ministry said on Sunday. The visit had been expected to focus on "
        "export controls."
    )
    assert event.kind is EventKind.VISIT
    assert event.status is EventStatus.POSTPONED
    assert event.location == Place(city="Seoul", country="South Korea")
    assert (event.date_start, event.date_precision) == (date(2026, 3, 1), DatePrecision.MONTH)
    assert event.agenda == ("export controls",)
    assert len(event.evidence) == 2


def test_phone_call_looks_back_and_ignores_the_attribution() -> None:
    event = only_event(
        "Indian Prime Minister Ravi Kumar spoke by phone with Canadian Prime Minister Ellen Clark "
        "on Monday, discussing trade and visas, his office said."
    )
    assert event.kind is EventKind.CALL
    assert event.status is EventStatus.HELD
    assert event.date_start == date(2026, 2, 2)
    assert event.agenda == ("trade", "visas")
    assert {"Ravi Kumar", "Ellen Clark"} <= names(event)


def test_collapsed_talks_with_mediators_and_source() -> None:
    event = only_event(
        "Peace talks between the Sudanese army and the Rapid Support Forces collapsed in Jeddah on "
        "Saturday, according to Reuters. Mediators from Saudi Arabia and the United States said "
        "they would try again."
    )
    assert event.status is EventStatus.COLLAPSED
    assert event.location == Place(city="Jeddah", country="Saudi Arabia")
    assert event.date_start == date(2026, 1, 31)
    assert names(event, role="mediator") == {"Saudi Arabia", "United States"}
    assert event.reported_by == ("Reuters",)


def test_host_and_expected_attendance() -> None:
    event = only_event(
        "Kenya will host a regional summit on the crisis next week, with leaders from Uganda, "
        "Tanzania and Rwanda expected to attend, the foreign ministry said on Wednesday.",
        published=datetime(2026, 2, 5, tzinfo=UTC),
    )
    assert event.host == "Kenya"
    assert event.status is EventStatus.PLANNED
    assert names(event, expected=True) == {"Uganda", "Tanzania", "Rwanda"}
    assert (event.date_start, event.date_end) == (date(2026, 2, 9), date(2026, 2, 15))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The company failed to meet its targets this year.", id="meet-targets"),
        pytest.param("The minister told a press conference in Oslo that prices rose.", id="press"),
        pytest.param("Inflation rose in January, the statistics office said.", id="no-keyword"),
    ],
)
def test_no_event_without_a_real_event(text: str) -> None:
    assert events_of(text) == []


def test_two_different_meetings_stay_apart() -> None:
    events = events_of(
        "Italian Prime Minister Giulia Conti met Spanish Prime Minister Pablo Ortega in Rome on "
        "Monday. Separately, Conti will meet Greek Prime Minister Nikos Pappas in Athens on "
        "Thursday."
    )
    assert [(e.location.city if e.location else None, e.status) for e in events] == [
        ("Rome", EventStatus.HELD),
        ("Athens", EventStatus.PLANNED),
    ]


# --------------------------------------------------------------------------- across articles


def event(
    event_id: str,
    *parties: str,
    city: str | None = None,
    day: date | None = None,
    status: EventStatus = EventStatus.PLANNED,
    kind: EventKind = EventKind.TALKS,
) -> Event:
    return Event(
        id=event_id,
        article_id=event_id.split("#")[0],
        kind=kind,
        participants=tuple(
            Participant(name=p, kind=EntityKind.COUNTRY, entity_id=f"country:{p.lower()}")
            for p in parties
        ),
        location=Place(city=city, country="X") if city else None,
        date_start=day,
        date_end=day,
        date_precision=DatePrecision.DAY if day else None,
        status=status,
    )


def test_same_event_across_reports() -> None:
    first = event("a#event-1", "Iran", "Oman", city="Muscat", day=date(2026, 2, 6))
    update = event(
        "b#event-1", "Iran", "Oman", city="Muscat", day=date(2026, 2, 6), status=EventStatus.HELD
    )
    moved = event("c#event-1", "Iran", "Oman", city="Doha", day=date(2026, 2, 20), status=POSTPONED)
    other = event("d#event-1", "Peru", "Chile", city="Lima", day=date(2026, 2, 6))
    months_later = event("e#event-1", "Iran", "Oman", city="Muscat", day=date(2026, 9, 1))
    a_call = event("f#event-1", "Iran", "Oman", day=date(2026, 2, 6), kind=EventKind.CALL)
    assert same_event(first, update)
    assert same_event(first, moved)
    assert not same_event(first, other)
    assert not same_event(first, months_later)
    assert not same_event(first, a_call)
    # the same two sides: a meeting held, and a summit of theirs that was called off
    held = event("g#event-1", "Iran", "Oman", day=date(2026, 2, 4), status=EventStatus.HELD)
    called_off = event(
        "h#event-1", "Iran", "Oman", day=date(2026, 2, 6), status=EventStatus.CANCELLED
    )
    assert not same_event(held, called_off)


def test_calls_to_cancel_do_not_cancel() -> None:
    event = only_event(
        "Opposition leaders urged the president to cancel Friday's summit with Chinese President "
        "Li Wei in Beijing, but the two leaders met as planned."
    )
    assert event.status is not EventStatus.CANCELLED


def test_dateline_places_a_lead_event_that_just_happened() -> None:
    found = only_event(
        "Kenyan President Daniel Otieno and Ugandan President Grace Akello met on Tuesday "
        "and agreed to reopen the border.",
        published=datetime(2026, 2, 4, tzinfo=UTC),
        article_id="d1",
        dateline="NAIROBI",
    )
    assert found.location == Place(city="Nairobi", country="Kenya")
    assert found.status is EventStatus.HELD


def test_dateline_does_not_place_a_planned_event() -> None:
    found = only_event(
        "Kenyan President Daniel Otieno will meet Ugandan President Grace Akello next month.",
        published=datetime(2026, 2, 4, tzinfo=UTC),
        article_id="d2",
        dateline="NAIROBI",
    )
    assert found.location is None
    assert found.status is EventStatus.PLANNED


def test_travel_for_talks_with_topic_after_the_hearer() -> None:
    event = only_event(
        "WASHINGTON (AP) — Secretary of State Mark Ellison will travel to Cairo next week for "
        "talks with Egyptian officials on the Gaza ceasefire, the State Department said Friday.",
        published=datetime(2026, 2, 6, tzinfo=UTC),
    )
    assert event.location == Place(city="Cairo", country="Egypt")
    assert event.status is EventStatus.PLANNED
    assert event.agenda == ("Gaza ceasefire",)
    assert "Gaza" not in names(event)  # a topic, not a party
    assert "Egypt" in names(event)
    assert (event.date_start, event.date_precision) == (date(2026, 2, 9), DatePrecision.WEEK)


def test_delay_without_named_parties_is_still_an_event() -> None:
    event = only_event(
        "Talks between the two sides, which were due to resume in Doha on Sunday, have been "
        "delayed indefinitely, a Qatari official said.",
        published=datetime(2026, 2, 6, tzinfo=UTC),
    )
    assert event.status is EventStatus.POSTPONED
    assert event.location == Place(city="Doha", country="Qatar")
    assert event.date_start == date(2026, 2, 8)


def test_negotiators_failing_to_agree_is_not_a_collapse() -> None:
    event = only_event(
        "Russian and Ukrainian negotiators held a second round of talks in Geneva on Tuesday, but "
        "failed to agree on a prisoner exchange.",
        published=datetime(2026, 2, 6, tzinfo=UTC),
    )
    assert (event.kind, event.status) == (EventKind.TALKS, EventStatus.HELD)
    assert names(event) == {"Russia", "Ukraine"}


def test_host_country_named_as_a_party_stays_a_participant() -> None:
    event = only_event(
        "The leaders of France and Germany will hold a summit in Paris next month to discuss "
        "defence spending and energy security."
    )
    assert names(event) == {"France", "Germany"}
    assert event.agenda == ("defence spending", "energy security")


def test_undated_reports_need_publication_dates_to_match() -> None:
    first = event("a#event-1", "Iran", "Oman", city="Muscat")
    second = event("b#event-1", "Iran", "Oman", city="Muscat")
    assert not same_event(first, second)  # nothing tells two meetings apart
    assert same_event(first, second, a_published=date(2026, 2, 3), b_published=date(2026, 2, 5))
    assert not same_event(first, second, a_published=date(2026, 2, 3), b_published=date(2026, 6, 5))


@pytest.mark.parametrize(
    ("text", "mediators"),
    [
        pytest.param(
            "Israeli and Hamas negotiators will resume indirect talks in Cairo on Sunday. Qatar "
            "and Egypt, which have mediated between the two sides for months, are expected to "
            "present a new proposal.",
            {"Qatar", "Egypt"},
            id="which-have-mediated",
        ),
        pytest.param(
            "The Oman-brokered talks between Washington and Tehran will take place in Muscat on "
            "Saturday, aimed at reviving the nuclear deal.",
            {"Oman"},
            id="hyphen-brokered",
        ),
        pytest.param(
            "Delegations from Ethiopia and Sudan met in Nairobi on Monday in talks mediated by "
            "Kenya.",
            {"Kenya"},
            id="mediated-by",
        ),
    ],
)
def test_mediators_in_other_phrasings(text: str, mediators: set[str]) -> None:
    assert names(only_event(text), role="mediator") == mediators


def test_venue_country_as_a_party_and_a_host_ready_to_host() -> None:
    event = only_event(
        "Ethiopia and Sudan held talks in Addis Ababa on Monday hosted by the African Union, "
        "focusing on the border dispute and water sharing."
    )
    assert names(event) == {"Ethiopia", "Sudan"}
    assert event.host == "African Union"
    assert event.agenda == ("border dispute", "water sharing")
    offer = only_event(
        "Turkish President Recep Aydin said Ankara was ready to host peace talks between Russia "
        "and Ukraine."
    )
    assert offer.host == "Türkiye"
    assert names(offer) == {"Russia", "Ukraine"}


def test_agenda_keeps_a_country_topic_but_drops_the_venue() -> None:
    event = only_event(
        "The summit, which Saudi Arabia will host in Riyadh next month, is expected to focus on "
        "the war in Sudan."
    )
    assert event.agenda == ("war in Sudan",)
    assert event.host == "Saudi Arabia"
    trade = only_event("Ministers from Chile and Peru will meet to discuss trade in Geneva.")
    assert trade.agenda == ("trade",)


# --------------------------------------------------------------- other outlets' styles


def _with_city(events: list[Event], city: str) -> Event:
    found = [e for e in events if e.location and e.location.city == city]
    assert len(found) == 1, events
    return found[0]


def test_said_he_met_then_travel_plans_with_a_fronted_place() -> None:
    events = events_of(
        "UN envoy Pavel Druzhin said he met with Prince Fahd bin Nawaf and Foreign Minister "
        "Omar al-Sayegh in Amman on Monday. He will then go to Cairo to see Egyptian Foreign "
        "Minister Hany Mourad and Libyan official Saleh Barghouti. In Cairo, he will meet "
        "separately with Arab League chief Farid Nassar."
    )
    amman = _with_city(events, "Amman")
    assert amman.status is EventStatus.HELD
    assert {"Pavel Druzhin", "Fahd bin Nawaf", "Omar al-Sayegh"} <= names(amman)
    cairo = _with_city(events, "Cairo")
    assert cairo.status is EventStatus.PLANNED
    assert cairo.location == Place(city="Cairo", country="Egypt")
    assert {"Pavel Druzhin", "Hany Mourad", "Saleh Barghouti", "Farid Nassar"} <= names(cairo)
    assert "Omar al-Sayegh" not in names(cairo)


def test_set_to_travel_for_talks_keeps_its_own_status_and_no_title_words() -> None:
    event = only_event(
        "U.S. Trade Representative Dana Whitfield and Commerce Secretary Paul Ostrander are "
        "set to travel to China on Monday for the first face-to-face trade negotiations since "
        "talks broke down in May."
    )
    assert event.status is EventStatus.PLANNED
    assert event.location is not None and event.location.country == "China"
    assert event.date_start == date(2026, 2, 9)
    assert {"Dana Whitfield", "Paul Ostrander"} <= names(event)
    assert "Trade" not in names(event)


def test_travel_to_meet_names_the_traveller() -> None:
    event = only_event(
        "Foreign Minister Ines Barros will travel to Paris on Thursday to meet Claire Dubois."
    )
    assert event.location == Place(city="Paris", country="France")
    assert event.status is EventStatus.PLANNED
    assert {"Ines Barros", "Claire Dubois"} <= names(event)


def test_royal_names_attach_to_the_held_meeting_not_the_next_trip() -> None:
    events = events_of(
        "Secretary of State Tom Ridley said he met with King Tariq, the King's son, Crown "
        "Prince Khalid bin Tariq, and Foreign Minister Nasser al-Ghamdi. Ridley will fly to "
        "Ankara on Wednesday to meet Turkish officials."
    )
    held = [e for e in events if e.status is EventStatus.HELD]
    assert len(held) == 1, events
    people = {p.name: p.role for p in held[0].participants if p.kind is EntityKind.PERSON}
    assert {"Tom Ridley", "King Tariq", "Khalid bin Tariq", "Nasser al-Ghamdi"} <= set(people)
    assert people["Khalid bin Tariq"] == "crown prince"
    ankara = _with_city(events, "Ankara")
    assert ankara.status is EventStatus.PLANNED
    assert "Nasser al-Ghamdi" not in names(ankara)


def test_venue_outside_a_city_and_a_cancelled_summit_elsewhere() -> None:
    events = events_of(
        "The two leaders, President Ana Vidal of Brazil and President Jorge Ruano of Chile, met "
        "at a lakeside resort outside Geneva on Monday. A planned summit in Oslo was cancelled "
        "last week."
    )
    geneva = _with_city(events, "Geneva")
    assert geneva.status is EventStatus.HELD
    assert {"Ana Vidal", "Jorge Ruano"} <= names(geneva)
    assert _with_city(events, "Oslo").status is EventStatus.CANCELLED


def test_held_border_meeting_and_cancelled_summit_stay_apart() -> None:
    events = events_of(
        "Leaders of North and South Korea have met in the border zone for a surprise meeting. "
        "The meeting is just the second between South Korea's Lee Jun-ho and the North's "
        "Kim Song-chol. It comes as the two sides try to put a historic US-North Korea summit "
        "back on track. President Dale Hutton cancelled the summit, scheduled to be held in "
        "Singapore on 12 June. The latest talks were held at 15:00 GMT on the northern side "
        "of the truce village."
    )
    held = [e for e in events if e.status is EventStatus.HELD]
    assert len(held) == 1, events
    assert {"North Korea", "South Korea", "Lee Jun-ho", "Kim Song-chol"} <= names(held[0])
    assert "GMT" not in names(held[0]) and "Dale Hutton" not in names(held[0])
    summit = _with_city(events, "Singapore")
    assert summit.status is EventStatus.CANCELLED
    assert "Dale Hutton" in names(summit)


def test_continued_session_inherits_the_place() -> None:
    events = events_of(
        "Talks between Canada and the United States opened in Washington on Monday. "
        "Canada-U.S. trade talks resume on Wednesday, officials said."
    )
    assert events, events
    assert all(e.location and e.location.city == "Washington" for e in events), events


def test_meeting_at_a_summit_in_a_town_is_not_the_summit() -> None:
    events = events_of(
        '"We have a deal in outline," Mr. Halvorsen said in a meeting with Japanese Prime Minister '
        "Kenji Morita at the Group of Seven summit in Biarritz, France. Mr. Halvorsen sounded "
        "upbeat at the summit, which will end Monday with a press conference."
    )
    meeting = _with_city(events, "Biarritz")
    assert meeting.kind is EventKind.MEETING
    assert meeting.status is EventStatus.HELD
    assert meeting.location == Place(city="Biarritz", country="France")
    assert "Kenji Morita" in names(meeting)
    assert any("Halvorsen" in name for name in names(meeting))
    assert meeting.date_start is None


def test_journalists_and_name_fragments_are_not_parties_or_sources() -> None:
    event = only_event(
        "Leaders met at a North Atlantic Treaty Organization summit in Newport, Wales, on "
        "Thursday, joined by Ukraine's president Petro Halyk. As the BBC's Tom Hale reports, "
        "the summit is meant to reassure members."
    )
    assert "Tom Hale" not in names(event)
    assert "The Atlantic" not in event.reported_by


def test_later_references_to_planned_talks_do_not_join_an_earlier_held_meeting() -> None:
    events = events_of(
        "Trade Minister Ana Costa and Commerce Minister Li Wen will travel to Japan on Monday "
        "for trade negotiations. President Rui Matos and Premier Zhao Lin met at a summit in "
        "Brazil last month. The Japanese requested that the meeting take place in Osaka, "
        "officials said on Tuesday. Costa also said the meeting will hopefully produce results."
    )
    planned = _with_city(events, "Osaka")
    assert planned.status is EventStatus.PLANNED
    assert planned.date_start == date(2026, 2, 9)
    assert {"Ana Costa", "Li Wen"} <= names(planned)
    held = [e for e in events if e.status is EventStatus.HELD]
    assert len(held) == 1, events
    assert "Ana Costa" not in names(held[0])
    assert len(held[0].evidence) == 1


def test_since_clause_parties_and_amid_places_stay_out() -> None:
    event = only_event(
        "Working-level talks in Norway between officials from Seoul and Tokyo have broken off. "
        "The talks, on the outskirts of Oslo, were the first since U.S. President Dale Hutton "
        "and Japanese Prime Minister Kenji Morita met in June after a failed summit in Peru."
    )
    assert event.status is EventStatus.COLLAPSED
    assert event.location == Place(city="Oslo", country="Norway")
    assert "Dale Hutton" not in names(event) and "Kenji Morita" not in names(event)


def test_surname_pair_meeting_pushed_back() -> None:
    events = events_of(
        "Chancellor Greta Vogel will meet President Dale Hutton in Washington on Tuesday. "
        "Hutton-Vogel meeting pushed back to Friday. Their meeting takes place amid deep "
        "unease in France over trade."
    )
    moved = [e for e in events if e.status is EventStatus.POSTPONED]
    assert len(moved) == 1, events
    assert {"Greta Vogel", "Dale Hutton"} <= names(moved[0])
    assert moved[0].date_start == date(2026, 2, 6)
    assert moved[0].location is None or moved[0].location.country != "France"


def test_agenda_sentence_without_a_trigger_joins_the_event_just_named() -> None:
    event = only_event(
        "President Dale Hutton met Premier Zhao Lin in Lisbon on Monday. He said their agenda "
        "would include tariffs, fisheries and Arctic shipping."
    )
    assert {"tariffs", "fisheries", "Arctic shipping"} <= set(event.agenda)
    assert len(event.evidence) == 2


def test_next_leg_of_a_trip_is_its_own_meeting() -> None:
    events = events_of(
        "Foreign Minister Ines Barros met with President Dale Hutton for two hours on Monday. "
        "Later that afternoon, Barros flew to Lisbon to meet with Portuguese Prime Minister "
        "Rui Matos. Matos thanked Barros for coming straight to the capital after her meeting "
        "with Hutton."
    )
    lisbon = _with_city(events, "Lisbon")
    assert lisbon.status is EventStatus.HELD
    assert {"Ines Barros", "Rui Matos"} <= names(lisbon)
    assert "Dale Hutton" not in names(lisbon)


def test_day_words_inside_a_quote_do_not_date_a_second_event() -> None:
    # "today" and "tomorrow" in speech are relative to when it was said, not to publication
    events = events_of(
        "Mayor Rita Galen met dozens of farmers in Lyon on Sunday, aides said.\n\n"
        "“Today's meeting with Mayor Galen was a start,” said farmer Joel Mercier. "
        "“We meet her again tomorrow,” Mercier added."
    )
    assert len(events) == 1, events
    assert events[0].date_start == date(2026, 2, 1)


def test_an_explicit_date_inside_a_quote_still_counts() -> None:
    event = only_event(
        "“The summit with Chancellor Anke Roll will be held on 14 March,” an aide said."
    )
    assert event.date_start == date(2026, 3, 14)


def test_day_words_in_a_dated_quote_are_resolved_from_the_day_it_was_said() -> None:
    article = Article(
        id="a1",
        text=(
            "“Tomorrow's meeting between Premier Kofi Osei and Chancellor Anke Roll is still on,”"
            " aide Lena Ferris said on Sunday."
        ),
        published=TUESDAY,
    )
    from knowledge.extract.quotes import find_quotes

    sentences = split_sentences(article.id, article.text)
    index = find_entities(article, sentences)
    quotes = find_quotes(article, sentences, index)
    events = find_events(article, sentences, index, quotes)
    assert [q.said_on for q in quotes] == [date(2026, 2, 1)]
    assert [e.date_start for e in events] == [date(2026, 2, 2)]


def test_a_place_below_city_level_is_the_event_place() -> None:
    found = only_event(
        "President Luis Moreno's daughter Carla Moreno spoke in Lima on Monday. She met "
        "hundreds of teachers in Plaza Mayor on Saturday."
    )
    assert found.location == Place(city="Plaza Mayor", country=None)


def test_a_venue_takes_the_country_of_the_dateline() -> None:
    article = Article(
        id="d2",
        title="",
        text="Candidate Dan Pierce met hundreds of church leaders in Times Square on Tuesday.",
        published=datetime(2026, 2, 4, tzinfo=UTC),
        dateline="NEW YORK",
    )
    sentences = split_sentences(article.id, article.text)
    [found] = find_events(article, sentences, find_entities(article, sentences))
    assert found.location == Place(city="Times Square", country="United States")
    kinds = {e.name: e.kind for e in find_entities(article, sentences).entities}
    assert kinds.get("Times Square") is EntityKind.PLACE and "The Times" not in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Canada and Australia will hold talks on a fisheries deal in Oslo on Friday. An analyst "
        'warned that "a collapse of the talks would empty the southern fishing grounds."',
        "Canada and Australia will hold talks in Oslo on Friday. Analysts warned of a collapse.",
        "Canada and Australia will hold talks in Oslo on Friday. If the talks collapse, prices "
        "will rise.",
    ],
)
def test_a_prospect_of_collapse_leaves_the_talks_planned(text: str) -> None:
    event = only_event(text)
    assert event.status is EventStatus.PLANNED


def test_a_weekday_meeting_someone_was_invited_to_is_ahead_and_planned() -> None:
    event = only_event(
        "The governor's office on Tuesday invited mayors Tom Reddle and Ana Voss to a Friday "
        "meeting on the cuts.",
        published=datetime(2025, 2, 26, tzinfo=UTC),
    )
    assert event.date_start == date(2025, 2, 28)
    assert event.status is EventStatus.PLANNED


def test_both_invited_people_take_part() -> None:
    event = only_event(
        "The governor's office on Tuesday invited mayors Tom Reddle and Ana Voss to a Friday "
        "meeting on the cuts.",
        published=datetime(2025, 2, 26, tzinfo=UTC),
    )
    assert names(event) >= {"Tom Reddle", "Ana Voss"}


@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministers of Norland and Sudovia will meet in Vienna on Thursday to push "
        "toward a long-delayed peace treaty.",
        "Norland and Sudovia will hold talks in Vienna on Thursday on the much-postponed "
        "border accord.",
    ],
)
def test_adjective_on_another_noun_is_no_status_of_the_event(text: str) -> None:
    event = only_event(text)
    assert event.status is EventStatus.PLANNED


def test_adjective_on_the_event_itself_still_postpones_it() -> None:
    event = only_event("The long-delayed talks between Norland and Sudovia opened in Vienna.")
    assert event.status is not EventStatus.PLANNED
    event = only_event("Norland and Sudovia said the postponed talks will be held in Vienna.")
    assert event.status is EventStatus.POSTPONED


def test_an_agenda_list_goes_on_past_a_short_aside_in_brackets() -> None:
    event = only_event(
        "The foreign ministers of Latvia and Estonia will hold talks in Riga on Friday. The "
        "agenda includes the marking of the 300-km (186-mile) frontier, the reopening of "
        "ferry links and the return of seized trawlers."
    )
    assert "marking of the 300-km frontier" in event.agenda
    assert "return of seized trawlers" in event.agenda


def _names(event: Event) -> dict[str, str | None]:
    return {p.name: p.role for p in event.participants}


def test_people_announced_as_attending_in_their_own_sentence_are_participants() -> None:
    event = only_event(
        "Latvia and Estonia will hold talks in Riga on Friday, officials said. The EU envoy, "
        "Marta Kivisild, will also attend, two diplomats said. Swiss diplomat Odile Brunner "
        "will take part as an observer."
    )
    names = _names(event)
    assert "Marta Kivisild" in names
    assert names.get("Odile Brunner") == "observer"


def test_a_country_not_invited_or_mediating_another_deal_is_no_party() -> None:
    event = only_event(
        "Latvia and Estonia will hold talks in Riga on Friday. Belarus was not invited to the "
        "talks. Qatar mediated a prisoner exchange between the two last month."
    )
    assert set(_names(event)) == {"Latvia", "Estonia"}


def test_the_ministers_will_discuss_gives_the_agenda_of_the_event_just_named() -> None:
    event = only_event(
        "Latvia and Estonia will hold talks in Riga on Friday. According to the ministry, the "
        "ministers will discuss the marking of the frontier, ferry links and fishing quotas."
    )
    assert event.agenda == ("marking of the frontier", "ferry links", "fishing quotas")


def test_covering_the_cost_is_no_agenda() -> None:
    event = only_event(
        "Latvia and Estonia will hold talks in Riga on Friday. Lithuania will cover the cost "
        "of the meeting, estimated at 2 million euros."
    )
    assert event.agenda == ()
