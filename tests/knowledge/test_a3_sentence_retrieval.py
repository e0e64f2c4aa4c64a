"""Sentence retrieval for numbers and topics: a name's possessive typed without its apostrophe
("corvos campaign"), a misspelt name word, the amount asked for. Invented articles."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from tests.knowledge.asking import ask, says_unknown

NOW = datetime(2031, 5, 2, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "fund-1",
        "title": "Corvo challenged for party leadership",
        "published": "2031-04-28",
        "source": "Daily Ledger",
        "url": "https://example.org/fund1",
        "text": "Governor Mira Corvo is facing a challenge from within her own party.\n\n"
        '"We will win this fight," Mira Corvo said on Monday.\n\n'
        "Ms Corvo's campaign said on Sunday it had raised more than $12m in the first "
        "quarter of the year, far ahead of her rivals.\n\n"
        "The party will hold its convention in the autumn.\n\n"
        "Senator Tomas Rhee has been mentioned as a potential challenger to Ms Corvo.\n\n"
        "Ms Corvo faces a challenge over her record on party funding.",
    },
    {
        "id": "bank-2",
        "title": "Holmbrook Bank profits hit record",
        "published": "2031-04-29",
        "source": "Money Weekly",
        "url": "https://example.org/bank2",
        "text": "Holmbrook Bank has reported record annual profits, helped by strong growth at "
        "its lending arm.\n\nProfits for the year rose 18% to £3.2bn.\n\n"
        "The bank said the outlook for the coming year was good.",
    },
    {
        "id": "shop-3",
        "title": "Retailer Tansy profits slip",
        "published": "2031-04-30",
        "source": "Money Weekly",
        "url": "https://example.org/shop3",
        "text": "The retailer Tansy made a profit of £150m last year, down from £190m.\n\n"
        "Tansy said its shops had a poor winter.",
    },
    {
        "id": "water-4",
        "title": "Lake Orva water talks to open in Astana",
        "published": "2031-04-30",
        "source": "Steppe Wire",
        "url": "https://example.org/water4",
        "text": "Ministers will meet in Astana next week for talks on sharing the waters of "
        "Lake Orva.\n\nThe talks will be hosted by Kazakhstan's Foreign Ministry at its "
        "residence.",
    },
    {
        "id": "marl-6",
        "title": "Marlowe profits rise again",
        "published": "2031-04-26",
        "source": "Money Weekly",
        "url": "https://example.org/marl6",
        "text": "Earnings at Marlowe Capital, the group's trading arm, doubled.\n\n"
        "Profits for the year rose 12% to £2.1bn.\n\nShares closed 3% higher.",
    },
    {
        "id": "vega-7",
        "title": "Judge Rosa Vega retires",
        "published": "2031-04-25",
        "source": "Daily Ledger",
        "url": "https://example.org/vega7",
        "text": "Judge Rosa Vega retired on Friday after 30 years on the bench.\n\n"
        "Vega was the first woman to sit on the court.",
    },
    {
        "id": "vegas-8",
        "title": "Concert shooting",
        "published": "2031-04-26",
        "source": "Daily Ledger",
        "url": "https://example.org/vegas8",
        "text": "A shooting at a concert in Las Vegas left 12 people dead on Saturday, police said."
        "\n\nThe gunman was found dead.",
    },
    {
        "id": "ferry-9",
        "title": "Ferry crews walk out",
        "published": "2031-04-24",
        "source": "Coastal Post",
        "url": "https://example.org/ferry9",
        "text": "Ferry crews stopped work on Monday.\n\nThe crews are demanding a 5% pay rise "
        "and shorter shifts.",
    },
    {
        "id": "count-10",
        "title": "Candidate disputes result",
        "published": "2031-04-29",
        "source": "Daily Ledger",
        "url": "https://example.org/count10",
        "text": "The losing candidate addressed supporters on Sunday.\n\n"
        '"I demand a recount of every ballot," she said.\n\nThe demand was rejected.',
    },
    {
        "id": "panel-11",
        "title": "Inside the harbour panel's secret plan",
        "published": "2031-04-23",
        "source": "Coastal Post",
        "url": "https://example.org/panel11",
        "text": "The harbour panel is preparing to release its long-awaited plan for the old "
        "docks.\n\nWho sits on the harbour panel? The list includes Ilse Marten, a former "
        "mayor; Oskar Brandt, an engineer; and Lena Fisk, a banker.\n\nThe harbour panel "
        "meets in private every Tuesday.",
    },
    {
        "id": "coral-12",
        "title": "Singer Coral Vance tours the north",
        "published": "2031-04-22",
        "source": "Arts Desk",
        "url": "https://example.org/coral12",
        "text": "The singer Coral Vance opened her northern tour on Friday.\n\n"
        "Vance said the tour would raise money for the miners' welfare fund.",
    },
    {
        "id": "ridge-13",
        "title": "Miners walk out at Coral Ridge pit",
        "published": "2031-04-21",
        "source": "Coastal Post",
        "url": "https://example.org/ridge13",
        "text": "About 800 miners at the Coral Ridge pit walked off the job on Monday after "
        "pay talks broke down.\n\nThe union, which called the strike, wants a 9% rise.",
    },
    {
        "id": "tide-5",
        "title": "Activists launch drive for cleaner rivers",
        "published": "2031-04-27",
        "source": "Coastal Post",
        "url": "https://example.org/tide5",
        "text": "A coalition of river groups launched its Blue Tide drive on Monday.\n\n"
        "The campaign will hold rallies in Tarnholm, Vesby and Ostrava in the coming weeks."
        "\n\nOrganisers hope to gather a million signatures.\n\nThey are promising to "
        "levy a small charge on river polluters to pay for the clean-up.",
    },
]


def test_possessive_without_apostrophe(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "how much money did corvos campaign raise in the first quarter")
    assert "$12m" in reply


def test_misspelt_name_word_in_a_question(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "how much profit did holmbruk bank make")
    assert "3.2bn" in reply
    assert "150m" not in reply


def test_who_else_could_names_the_people_mentioned(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "who else could challenge corvo for the party leadership")
    assert "tomas rhee" in reply


def test_who_will_succeed_abstains(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "who will succeed mira corvo as governor")
    assert says_unknown(reply)


def test_a_body_a_country_qualifies_is_that_countrys(mini_engine: Engine) -> None:
    # Kazakhstan's foreign ministry is not the Chinese one.
    reply = ask(mini_engine, "what did the chinese foreign ministry say about the lake orva talks")
    assert says_unknown(reply)


def test_where_words_said_elsewhere_in_the_report(mini_engine: Engine) -> None:
    # The sentence says "the campaign" and "rallies"; its report names the Blue Tide drive.
    reply = ask(mini_engine, "where will the blue tide campaign hold rallies?")
    assert "tarnholm" in reply


def test_promising_on_tax_meets_a_levy(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what is the coalition promising on tax?")
    assert "levy" in reply


def test_misspelt_word_of_a_longer_stored_name(mini_engine: Engine) -> None:
    # "Marlowe" is stored only inside "Marlowe Capital"; "marlowe" is corrected all the same.
    reply = ask(mini_engine, "how much profit did marlowr make")
    assert "2.1bn" in reply


def test_a_word_of_a_longer_name_is_no_possessive(mini_engine: Engine) -> None:
    # "vegas" is not "Vega's": it is the second word of Las Vegas.
    reply = ask(mini_engine, "how many people died in the las vegas shooting")
    assert "12 people dead" in reply


def test_what_was_demanded_needs_more_than_the_verb(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what were the ferry crews demanding?")
    assert "5% pay rise" in reply
    assert "recount" not in reply


def test_a_reports_own_question_is_answered_by_the_next_sentence(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "who sits on the harbour panel")
    assert "oskar brandt" in reply


def test_a_first_name_read_as_a_person_does_not_sink_the_answer(mini_engine: Engine) -> None:
    # "coral" may be read as the singer Coral Vance; the count is in the pit's report.
    reply = ask(mini_engine, "how many miners are on strike at coral ridge")
    assert "800 miners" in reply
