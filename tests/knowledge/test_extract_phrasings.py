"""Extraction of phrasings met in other outlets' copy: party words, roles after "is",
attendance stated as an expectation, offices and spokesmen as speakers, "the elder X".

Every sentence here is invented; the names are no one in the sample articles.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowledge.extract import extract
from knowledge.models import Article, ArticleFacts, Entity, EntityKind
from tests.knowledge.factkit import entity_index as _index


def _facts(text: str) -> ArticleFacts:
    article = Article(id="phrasings-1", text=text, published=datetime(2031, 3, 3, 9, 0, tzinfo=UTC))
    return extract(article)


def _names(entities: tuple[Entity, ...] | list[Entity], kind: EntityKind) -> list[str]:
    return [e.name for e in entities if e.kind is kind]


def _roles(entities: tuple[Entity, ...] | list[Entity], name: str) -> list[tuple[str, str | None]]:
    found = [e for e in entities if e.kind is EntityKind.PERSON and e.name == name]
    assert found, f"{name} not among {_names(entities, EntityKind.PERSON)}"
    return [(r.title, r.affiliation) for r in found[0].roles]


# --------------------------------------------------------------------------- party words


@pytest.mark.parametrize(
    "text",
    [
        "Republican presidential candidate Dale Mercer spoke in Ohio on Monday.",
        "The poll gave a lead to Republican challenger Dale Mercer over the governor.",
        "Democrat strategist Dale Mercer said the race was close.",
    ],
    ids=["opens-sentence", "mid-sentence", "democrat"],
)
def test_a_party_word_before_a_title_names_the_party_not_a_body_called_so(text: str) -> None:
    index = _index(text)
    orgs = _names(index.entities, EntityKind.ORGANISATION)
    assert "Republican" not in orgs and "Democrat" not in orgs
    assert _roles(index.entities, "Dale Mercer")[0][1] in ("Republican Party", "Democratic Party")


# --------------------------------------------------------------------------- roles after "is"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Tomas Varga is the foreign minister of Hungary.",
            "Tomas Varga",
            ("foreign minister", "Hungary"),
        ),
        (
            "Anna Weiss is Austria's defence minister.",
            "Anna Weiss",
            ("defence minister", "Austria"),
        ),
        (
            "Pavel Novak is the acting foreign minister of South Korea.",
            "Pavel Novak",
            ("acting foreign minister", "South Korea"),
        ),
        (
            "Peter Holm is the chief executive of Northbay Water.",
            "Peter Holm",
            ("chief executive", "Northbay Water"),
        ),
        (
            "Ivan Petrov was the ambassador to Japan until 2019.",
            "Ivan Petrov",
            ("former ambassador to Japan", None),
        ),
        ("Olga Marin is a Hungarian diplomat.", "Olga Marin", ("diplomat", "Hungary")),
        (
            "Elena Rusu, who is Moldova's defence minister, attended.",
            "Elena Rusu",
            ("defence minister", "Moldova"),
        ),
    ],
    ids=[
        "of-country",
        "possessive",
        "modifier",
        "of-body",
        "past-to",
        "demonym",
        "relative-clause",
    ],
)
def test_a_role_stated_after_is_belongs_to_the_name_before_it(
    text: str, name: str, role: tuple[str, str | None]
) -> None:
    assert _roles(_index(text).entities, name) == [role]


@pytest.mark.parametrize(
    "text",
    [
        "Pavel Novak is the first minister to resign.",
        "Pavel Novak is the leader in the polls.",
        "Pavel Novak is the president's son.",
    ],
    ids=["superlative", "not-an-office", "kinship-of-a-title"],
)
def test_a_copula_with_more_than_a_title_states_no_role(text: str) -> None:
    assert _roles(_index(text).entities, "Pavel Novak") == []


def test_a_lone_word_before_a_copula_is_not_made_a_person() -> None:
    index = _index("The two judges met. Neither is a lawyer, but both spoke.")
    assert "Neither" not in _names(index.entities, EntityKind.PERSON)


def test_a_city_owner_stays_the_city() -> None:
    index = _index("Back then Coleman Harte was Detroit's mayor, and the city was broke.")
    assert _roles(index.entities, "Coleman Harte") == [("former mayor", "Detroit")]


# --------------------------------------------------------------------------- attendance

GENEVA_TALKS = (
    "Foreign ministers from several countries will hold talks in Geneva next week on the "
    "Danube water accord.\n\n"
    "Hungarian Foreign Minister Tomas Varga is expected to arrive in Geneva on Tuesday. "
    "Moldovan Prime Minister Elena Rusu is due to attend the opening session. "
    "Austrian Chancellor Karl Huber arrives in Geneva on Monday. "
    "German envoy Klaus Berger will travel to Geneva for the talks.\n\n"
    "Separately, Polish President Marek Zielinski arrived in Rome on a private visit."
)


def _parties(facts: ArticleFacts) -> dict[str, bool]:
    """The first event's participants, each with whether it is only expected."""
    assert facts.events, "no event found"
    return {p.name: p.expected for p in facts.events[0].participants}


def test_people_expected_to_arrive_or_attend_are_parties_of_the_event_named() -> None:
    parties = _parties(_facts(GENEVA_TALKS))
    assert parties["Tomas Varga"] is True  # "is expected to arrive in Geneva"
    assert parties["Elena Rusu"] is True  # "is due to attend"
    assert parties["Karl Huber"] is False  # "arrives in Geneva on Monday": a plan as firm
    assert "Klaus Berger" in parties  # "will travel to Geneva for the talks"


def test_an_arrival_somewhere_else_is_not_a_party_of_the_event() -> None:
    facts = _facts(GENEVA_TALKS)
    everyone = {
        p.name
        for e in facts.events
        for p in e.participants
        if e.location and e.location.city == "Geneva"
    }
    assert "Marek Zielinski" not in everyone


# --------------------------------------------------------------------------- counterparts


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "President Lena Ortiz met with her French counterpart, Marc Dubois, at the palace. "
            "She said the talks were useful.",
            "Lena Ortiz",
        ),
        (
            "Prime Minister Omar Haddad met his Jordanian counterpart, Foreign Minister Sami "
            "Nasser, on Monday. He told reporters the border would reopen.",
            "Omar Haddad",
        ),
        (
            "Chancellor Ana Weber hosted her counterpart from Austria, Karl Huber, in Berlin. "
            '"This is a good day," she said.',
            "Ana Weber",
        ),
        (
            "Her French counterpart, Marc Dubois, said the mood was warm. "
            '"We agree on most things," he said.',
            "Marc Dubois",
        ),
    ],
    ids=["comma-apposition", "title-in-apposition", "from-phrase", "counterpart-as-subject"],
)
def test_a_pronoun_after_meeting_a_counterpart_means_who_met(text: str, speaker: str) -> None:
    quotes = _facts(text).quotes
    assert quotes, "no quote found"
    assert quotes[-1].speaker == speaker


# --------------------------------------------------------------------------- offices


OFFICES = (
    "South Korean President Park Min-jun met Chinese leader Li Wei in Seoul on Monday. "
    "Mr Park's office said the talks were frank. "
    "Li's spokesman said nothing had been agreed. "
    "A spokeswoman for Mr Park said the two would meet again. "
    "Mr Park's spokeswoman, Kim Soo-ah, said the mood was good.\n\n"
    "Separately, the governor's office said the roads would reopen."
)


def _said(facts: ArticleFacts, words: str) -> tuple[str | None, str | None]:
    found = [q for q in facts.quotes if words in q.text]
    assert found, f"no quote with {words!r}"
    return found[0].speaker, found[0].speaker_id


@pytest.mark.parametrize(
    ("words", "speaker", "speaker_id"),
    [
        ("talks were frank", "Park Min-jun’s office", "person:park-min-jun"),
        ("nothing had been agreed", "Li Wei’s spokesman", "person:li-wei"),
        ("meet again", "Park Min-jun’s spokeswoman", "person:park-min-jun"),
        ("mood was good", "Kim Soo-ah", "person:kim-soo-ah"),
        ("roads would reopen", "the governor’s office", None),
    ],
    ids=[
        "honorific-office",
        "surname-spokesman",
        "spokeswoman-for",
        "named-aide",
        "unknown-holder",
    ],
)
def test_an_office_or_spokesperson_speaks_for_its_person_and_says_so(
    words: str, speaker: str, speaker_id: str | None
) -> None:
    assert _said(_facts(OFFICES), words) == (speaker, speaker_id)


def test_the_office_of_a_title_resolves_to_its_holder_and_goes_on_speaking() -> None:
    facts = _facts(
        "Prime Minister Ravi Kumar flew home on Sunday. The prime minister's office said the "
        'visit had been a success. "We expect more investment," it said. "Trade will double."'
    )
    assert _said(facts, "visit had been a success") == (
        "Ravi Kumar’s office",
        "person:ravi-kumar",
    )
    assert _said(facts, "Trade will double")[0] == "Ravi Kumar’s office"


def test_her_office_is_the_persons_office_not_the_person() -> None:
    facts = _facts(
        "Senator Maria Lopez was not available on Friday. Her office said she would vote "
        "against the bill."
    )
    assert _said(facts, "vote against the bill") == (
        "Maria Lopez’s office",
        "person:maria-lopez",
    )


def test_a_claim_by_an_office_names_whose_office() -> None:
    facts = _facts("The president's office said a summit with the neighbours was possible.")
    assert [c.attributed_to for c in facts.claims] == ["president's office"]


# --------------------------------------------------------------------------- namesakes

HARLANS = (
    "Former President George Harlan and his son, President Jeb Harlan, attended the ceremony "
    'in Texas on Monday.\n\n"It is a proud day," the elder Harlan said. "My father taught me '
    'everything," said the younger Mr Harlan. Harlan senior said he was tired.'
)


def test_the_elder_and_the_younger_namesake_are_told_apart_and_make_no_new_name() -> None:
    facts = _facts(HARLANS)
    assert sorted(_names(facts.entities, EntityKind.PERSON)) == ["George Harlan", "Jeb Harlan"]
    assert _said(facts, "proud day")[0] == "George Harlan"
    assert _said(facts, "taught me everything")[0] == "Jeb Harlan"
    assert _said(facts, "he was tired")[0] == "George Harlan"


def test_the_elder_of_one_bearer_is_that_bearer() -> None:
    facts = _facts('Tomas Varga spoke first. "We are ready," the elder Varga said.')
    assert _said(facts, "We are ready")[0] == "Tomas Varga"
    assert _names(facts.entities, EntityKind.PERSON) == ["Tomas Varga"]


# --------------------------------------------------------------------------- continuations


def test_a_quote_continued_by_stated_added_or_no_attribution_keeps_its_speaker() -> None:
    facts = _facts(
        "Helena Marsh, the chief executive of Northbay Water, defended the rise on Monday.\n\n"
        '"We have invested more than ever in the network," she stated.\n\n'
        '"Customers will see the benefit within a year," she continued.\n\n'
        '"Nobody likes paying more. But the alternative is leaking pipes."\n\n'
        'Regulator chief Tom Pike disagreed. "The rise is not justified," Pike said. '
        '"Customers are paying for years of neglect," he added.'
    )
    assert _said(facts, "invested more")[0] == "Helena Marsh"
    assert _said(facts, "benefit within a year")[0] == "Helena Marsh"
    assert _said(facts, "Nobody likes paying more")[0] == "Helena Marsh"
    assert _said(facts, "years of neglect")[0] == "Tom Pike"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Kay Rowe, the Democratic Senate candidate, sent an email to supporters.", "Senate"),
        ("The Republican House passed the bill on Friday.", "House"),
    ],
    ids=["senate-candidate", "house"],
)
def test_a_party_word_before_a_chamber_leaves_the_chamber(text: str, body: str) -> None:
    orgs = _names(_index(text).entities, EntityKind.ORGANISATION)
    assert body in orgs
    assert not any(o.startswith(("Democratic ", "Republican ")) and body in o for o in orgs)


def test_then_party_before_a_title_is_the_party() -> None:
    index = _index("Then-Republican candidate Dale Mercer attended two events.")
    assert "Then-Republican" not in _names(index.entities, EntityKind.ORGANISATION)
    assert _roles(index.entities, "Dale Mercer") == [("candidate", "Republican Party")]


def test_a_party_label_before_a_full_name_is_no_part_of_it() -> None:
    index = _index(
        "The chairwoman of the panel, Democrat Dianne Roe of California, was reluctant to act."
    )
    assert "Dianne Roe" in _names(index.entities, EntityKind.PERSON)
    assert "Democrat Dianne Roe" not in _names(index.entities, EntityKind.PERSON)


def test_plural_title_abbreviations_are_titles_of_each_name() -> None:
    index = _index("Republican Sens. Dale Mercer and Kay Rowe voted against it.")
    people = _names(index.entities, EntityKind.PERSON)
    assert "Dale Mercer" in people and "Kay Rowe" in people
    assert _roles(index.entities, "Dale Mercer")[0][0] == "senator"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The Foreign Ministry said it welcomed the talks.", "Foreign Ministry"),
        ("A Defence Ministry spokesman declined to comment.", "Defence Ministry"),
        ("The Interior Department said the lizard was safe.", "Interior Department"),
    ],
    ids=["foreign", "defence", "interior"],
)
def test_a_portfolio_before_a_body_is_part_of_its_name(text: str, body: str) -> None:
    orgs = _names(_index(text).entities, EntityKind.ORGANISATION)
    assert orgs == [body]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Pavel Novak served as foreign minister from 2010 to 2014.",
            ("former foreign minister", None),
        ),
        (
            "Pavel Novak has served as the chief executive of Northbay Water since 2019.",
            ("chief executive", "Northbay Water"),
        ),
        ("Pavel Novak is currently the finance minister of Chile.", ("finance minister", "Chile")),
        ("Pavel Novak had served as mayor.", ("former mayor", None)),
    ],
    ids=["served-as-past", "has-served-as", "currently", "had-served"],
)
def test_a_role_stated_with_served_as_or_an_adverb(text: str, role: tuple[str, str | None]) -> None:
    assert _roles(_index(text).entities, "Pavel Novak") == [role]


def test_served_as_something_that_is_no_title_states_no_role() -> None:
    assert (
        _roles(_index("Pavel Novak served as a bridge between the sides.").entities, "Pavel Novak")
        == []
    )


def test_a_journey_expected_for_the_talks_makes_an_expected_party() -> None:
    parties = _parties(
        _facts(
            "German envoy Klaus Berger is expected to travel to Geneva for the talks next week. "
            "Moldovan Prime Minister Elena Rusu will travel to Geneva for the talks too."
        )
    )
    assert parties["Klaus Berger"] is True
    assert parties["Elena Rusu"] is False  # "will travel": a plan stated as firm


def test_a_pronoun_expected_to_arrive_at_the_event_place_is_its_person() -> None:
    facts = _facts(
        "Foreign ministers from several countries will hold talks in Geneva next week on the "
        "water accord.\n\nHungarian Foreign Minister Tomas Varga spoke to reporters in Budapest "
        "on Sunday. He is expected to arrive in Geneva on Tuesday.\n\n"
        "Polish President Marek Zielinski gave a speech. He arrived in Rome on Monday."
    )
    assert _parties(facts) == {"Tomas Varga": True}


def test_deputy_leader_is_one_title() -> None:
    index = _index("Marta Kos, who is also the party's deputy leader, spoke first.")
    assert _roles(index.entities, "Marta Kos") == [("deputy leader", None)]


def test_the_office_said_after_a_persons_office_is_that_office() -> None:
    facts = _facts(
        "The summit ended without a deal. President Park Min-jun's office said it regretted the "
        "outcome. The foreign minister's spokesman said talks would go on. "
        '"We are disappointed," the office said.'
    )
    assert _said(facts, "We are disappointed") == ("Park Min-jun’s office", "person:park-min-jun")
    assert _said(facts, "talks would go on") == ("the foreign minister’s spokesman", None)
