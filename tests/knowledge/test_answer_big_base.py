"""A big base, where the same names recur in many stories: a question naming the topic of
an older story finds that story, though the speaker is quoted in many newer ones.

Invented articles go through the real reader, extraction and store; the decoys stand in
for the thousands of newer reports quoting the same person.
"""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine, render_text

NOW = datetime(2033, 6, 1, 9, 0, tzinfo=UTC)

_DECOY_TOPICS = (
    "the harbour budget",
    "the tram strike",
    "the school meals plan",
    "the river flood defences",
    "the airport tax",
    "the census delay",
    "the fishing quota",
    "the library closures",
    "the bridge tolls",
    "the hospital waiting lists",
)

ARTICLES: list[dict[str, str | None]] = [
    {
        "id": "mini-old-summit",
        "title": "Leaders of the two islands meet at last",
        "published": "2031-04-02",
        "source": "Coral Times",
        "text": (
            "Governor Halvard Quist cancelled the planned Lagos summit with the eastern "
            "islands last week, blaming their hostility.\n\n"
            "On Friday Mr Quist said that talks had taken place on reinstating the summit "
            "with the islands' chief.\n\n"
            'Mr Quist told reporters: "We will have to wait and see. The islands put out '
            'a gracious message."'
        ),
    },
    *(
        {
            "id": f"mini-decoy-{index}",
            "title": f"Quist speaks on {topic}",
            "published": f"2033-05-{index % 20 + 10:02d}",
            "source": "Harbour Daily",
            "text": (
                f'Governor Halvard Quist spoke in Lagos about {topic}. "Point {index} on {topic} '
                f'stands," Mr Quist said.'
            ),
        }
        # More newer reports quoting him than a search restricted to his newest reports reads.
        for index, topic in enumerate(_DECOY_TOPICS * 52)
    ),
]


def test_an_old_story_named_by_its_topic_is_found_past_the_speakers_newer_reports(
    mini_engine: Engine,
) -> None:
    answer = mini_engine.answer("What did Quist say about reinstating the Lagos summit?")
    text = render_text(answer)
    assert "wait and see" in text or "gracious message" in text, text
    assert "Coral Times" in text


def test_with_no_topic_the_newest_quotes_come_first(mini_engine: Engine) -> None:
    answer = mini_engine.answer("What did Quist say?")
    assert answer.quotes
    assert answer.quotes[0].source.outlet == "Harbour Daily"


ARTICLES += [
    {
        "id": "mini-chile-deal",
        "title": "Chile and Peru reach agreement in water talks",
        "published": "2031-09-14",
        "source": "Andes Wire",
        "text": (
            "Chile and Peru agreed on Saturday to share the waters of the border river.\n\n"
            '"While we have made real progress, much work remains," Envoy Mara Olsen said.'
        ),
    },
    *(
        {
            "id": f"mini-chile-{index}",
            "title": f"Chile braces for {trouble}",
            "published": f"2033-0{index + 1}-20",
            "source": "Santiago Daily",
            "text": (
                f"Chile is bracing for {trouble}, officials said.\n\n"
                f'"Chile must be ready for {trouble}," Envoy Mara Olsen said.'
            ),
        }
        for index, trouble in enumerate(("floods", "a drought", "strikes"))
    ),
]


def test_a_story_whose_headline_says_the_whole_topic_comes_before_newer_namings(
    mini_engine: Engine,
) -> None:
    # "agreement" alone decides nothing, but with "Chile" it makes the older report the
    # one asked about, though newer quotes name Chile in their own words.
    answer = mini_engine.answer("What did Olsen say about the Chile agreement?")
    assert answer.quotes, render_text(answer)
    assert "real progress" in answer.quotes[0].text, render_text(answer)


ARTICLES += [
    {
        "id": f"mini-alliance-{year}",
        "title": f"Alliance leaders gather in {city}",
        "published": f"{year}-09-0{index + 2}",
        "source": "Capital Herald",
        "text": (
            f"Leaders of the North Atlantic Treaty Organization (NATO) will meet at a summit "
            f"in {city} on September {index + 5}, {year}.\n\n"
            f"The NATO summit in {city} is expected to discuss defence spending."
        ),
    }
    for index, (year, city) in enumerate(((2027, "Valletta"), (2031, "Tallinn")))
]


def test_a_year_before_an_occasion_asks_for_that_years_occasion() -> None:
    from datetime import date

    from knowledge.answering.timewords import resolve_time

    today = date(2033, 6, 1)
    window = resolve_time("where was the 2014 nato summit", today)
    assert (window.since, window.until) == (date(2014, 1, 1), date(2014, 12, 31))
    window = resolve_time("what happened to the 2016 presidential election", today)
    assert (window.since, window.until) == (date(2016, 1, 1), date(2016, 12, 31))
    # A year-like count before other nouns is no year.
    assert not resolve_time("where are the 2000 troops going", today).bounded


def test_the_older_occasion_named_by_its_year_is_found(mini_engine: Engine) -> None:
    text = render_text(mini_engine.answer("Where was the 2027 NATO summit?"))
    assert "Valletta" in text, text
    assert "Tallinn" not in text.split("\n")[0], text


ARTICLES += [
    {
        "id": "mini-davos-cup",
        "title": "Rovers win the cup in Davos",
        "published": "2033-02-11",
        "source": "Alpine Sport",
        "text": (
            "The Rovers won the cup final in Davos on Saturday, beating the Lakers 3-1 in "
            "front of a crowd of nine thousand.\n\n"
            "Their captain Lena Broch lifted the trophy."
        ),
    }
]


def test_a_name_inside_a_longer_capitalised_name_is_no_misspelling(mini_engine: Engine) -> None:
    # "Davis" of "the Davis Cup" is not a typo of the stored "Davos": the cup final in
    # Davos does not answer it.
    answer = mini_engine.answer("Who won the Davis Cup final?")
    assert not answer.known, render_text(answer)
    assert "Rovers" not in render_text(answer)


ARTICLES.append(
    {
        "id": "mini-chile-summit",
        "title": "Envoys weigh the river pact",
        "published": "2032-11-03",
        "source": "Andes Wire",
        "text": (
            "Envoys met in Lima to weigh the river pact.\n\n"
            'Envoy Mara Olsen said Chile\'s stance at the summit was "timid" and called on '
            "ministers to act."
        ),
    }
)


def test_a_quote_saying_more_of_the_topics_words_comes_first(mini_engine: Engine) -> None:
    # Newer quotes name Chile; only one names Chile and the summit asked about.
    answer = mini_engine.answer("What did Olsen say about Chile at the summit?")
    assert answer.quotes, render_text(answer)
    assert "timid" in answer.quotes[0].text, render_text(answer)


_TOWNS = ("Bergen", "Tromso", "Bodo", "Molde", "Hamar", "Narvik", "Alta", "Harstad", "Kiruna")

ARTICLES += [
    {
        "id": "mini-quist-brandt",
        "title": "Quist and Brandt to meet in Oslo",
        "published": "2030-01-10",
        "source": "Nordic Wire",
        "text": (
            "Governor Halvard Quist will meet Chancellor Ilse Brandt in Oslo on Friday, "
            "January 17, 2030, to discuss fishing rights.\n\n"
            "The two leaders last met two years ago."
        ),
    },
    *(
        {
            "id": f"mini-quist-meets-{index}",
            "title": f"Quist to meet mayor in {_TOWNS[index % len(_TOWNS)]}",
            "published": f"2033-04-{index % 28 + 1:02d}",
            "source": "Harbour Daily",
            "text": (
                f"Governor Halvard Quist will meet Mayor Oda Lind{index} in "
                f"{_TOWNS[index % len(_TOWNS)]} on April {index % 28 + 2}, 2033, to discuss "
                "the harbour budget.\n\nChancellor Ilse Brandt has criticised Quist's "
                "harbour budget."
            ),
        }
        for index in range(50)
    ),
]


def test_the_meeting_of_both_people_asked_is_found_past_one_persons_newer_events(
    mini_engine: Engine,
) -> None:
    # Quist's fifty newer meetings with mayors fill a list of his newest events, and the
    # reports of them naming Brandt too fill a search for both names.
    text = render_text(mini_engine.answer("When will Brandt meet Quist?"))
    first = text.split("\n")[0]
    assert "17 January 2030" in first, text
    assert "couldn't find" not in first


ARTICLES += [
    {
        "id": "mini-quist-brandt-negotiation",
        "title": "Quist and Brandt negotiate in Riga",
        "published": "2029-05-02",
        "source": "Nordic Wire",
        "text": (
            "Governor Halvard Quist and Chancellor Ilse Brandt negotiated for three days in "
            "Riga over the fishing rights, officials said on Thursday, May 2, 2029.\n\n"
            "Quist and Brandt agreed on a shared quota for herring."
        ),
    }
]


def test_a_negotiation_asked_is_the_negotiation_not_their_newer_meeting(
    mini_engine: Engine,
) -> None:
    text = render_text(mini_engine.answer("Where did Brandt and Quist negotiate?"))
    assert "Riga" in text.split("\n")[0], text


ARTICLES += [
    {
        "id": "mini-quist-brandt-talks",
        "title": "Fishing talks end in Kaunas",
        "published": "2029-08-20",
        "source": "Nordic Wire",
        "text": (
            "Governor Halvard Quist held talks with Chancellor Ilse Brandt in Kaunas on "
            "Monday, August 20, 2029.\n\n"
            "The two sides discussed fishing rights for six hours.\n\n"
            "Boats waited in the harbour all day.\n\n"
            "Crowds gathered outside the town hall.\n\n"
            '"The sea belongs to all of us," Mr Quist said.'
        ),
    },
    {
        "id": "mini-quist-on-brandt",
        "title": "Quist hits back",
        "published": "2033-05-30",
        "source": "Harbour Daily",
        "text": (
            "Governor Halvard Quist answered his critics on Friday.\n\n"
            '"Brandt is wrong about the harbour," Mr Quist said.'
        ),
    },
]


def test_what_was_said_at_a_meeting_with_someone_comes_from_its_reports(
    mini_engine: Engine,
) -> None:
    # The newer quote names Brandt; the one said at their talks does not.
    answer = mini_engine.answer("What did Quist say at his meeting with Brandt?")
    assert answer.quotes, render_text(answer)
    assert "sea belongs" in answer.quotes[0].text, render_text(answer)


ARTICLES += [
    {
        "id": f"mini-ferry-{index}",
        "title": f"Ferry deal close, says Quist ({index})",
        "published": f"2033-03-{index + 1:02d}",
        "source": "Harbour Daily",
        "text": (
            f"Governor Halvard Quist said a deal on ferry line {index} was close; Chancellor "
            "Ilse Brandt was not consulted, and Quist said Brandt would hear of the deal later."
        ),
    }
    for index in range(20)
]


def test_what_two_people_agreed_comes_from_the_reports_of_their_meetings(
    mini_engine: Engine,
) -> None:
    # Twenty newer reports name both and a deal that is Quist's alone.
    text = render_text(mini_engine.answer("What did Quist and Brandt agree on?"))
    assert "herring" in text, text
