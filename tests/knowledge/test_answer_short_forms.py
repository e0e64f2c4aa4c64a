"""Short and yes/no question forms seen failing on unseen articles ("X's role?", "has X
offered anything?", "when was this reported?"), and words the stemmer must bring together
("died" / "die", "passing" / "pass").

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from knowledge.answer import Engine, render_text
from knowledge.answering.facts import FactBase
from knowledge.answering.quotes import speech_sentences
from knowledge.answering.reading import read_question
from knowledge.answering.search import find_sentences
from knowledge.answering.text import stem
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.ingest import ingest_articles
from knowledge.readers import read_document
from knowledge.store import Store
from tests.knowledge.asking import says_unknown

NOW = datetime(2031, 7, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    {
        "id": "mini-quota",
        "title": "Fisheries ministers meet on catch quotas",
        "published": "2031-07-08",
        "source": "Harbour Gazette",
        "text": (
            "Press secretary Dale Orwin said: “The ministers need to compromise on the quota.”\n\n"
            "“The Fisheries Council has ignored the small boats for years,” Orwin said.\n\n"
            "Australia has signaled readiness to cut its catch quota under certain conditions, "
            "Australian officials said.\n\n"
            "The talks will cover the catch quota and the protection of reefs, officials said."
        ),
    },
    {
        "id": "mini-mallow",
        "title": "Singer Corin Mallow dies at 70",
        "published": "2031-07-02",
        "source": "Leeds Courier",
        "text": (
            "Singer Corin Mallow has died at the age of 70, his family said.\n\n"
            "Mallow died on Tuesday night at his home in Leeds after a long battle with lung "
            "cancer.\n\n"
            "He recorded eleven albums over four decades."
        ),
    },
    {
        "id": "mini-ferry",
        "title": "Ferry operators warn of strike",
        "published": "2031-07-10",
        "source": "Kent Herald",
        "text": (
            "Ferry unions said the bill would be passed by parliament next month.\n\n"
            "The ferry operators warned that a strike would close the port for a week."
        ),
    },
]


ARTICLES.append(
    {
        "id": "mini-wheat",
        "title": "Canada and Australia to hold wheat talks",
        "published": "2031-07-09",
        "source": "Prairie Wire",
        "text": (
            "Canada and Australia will hold talks on a wheat deal in Oslo on Friday, officials "
            "said.\n\n"
            "Mediators from Norway and Iceland have been passing messages between the two "
            "governments for weeks.\n\n"
            "Canada plans to ship its surplus barley to Kenya, officials said.\n\n"
            "Russia said the grain corridor must stay open. “The grain corridor is not a "
            "bargaining chip,” the Russian foreign ministry said."
        ),
    }
)

ARTICLES.append(
    {
        "id": "mini-port",
        "title": "Port closure feared",
        "published": "2031-07-05",
        "source": "Coast Times",
        "text": (
            "Omar Reyes of the Coastal Research Institute said that “the port cannot survive "
            "another closure.”\n\n"
            "Market analyst Lena Troy said: “Shares in the port operator will fall further.”"
        ),
    }
)

ARTICLES += [
    {
        "id": "mini-cup-singer",
        "title": "Singer to perform at cup final",
        "published": "2031-06-20",
        "source": "Harbour Gazette",
        "text": "Singer Ava Lind will perform at the Harlow Cup final on Saturday.",
    },
    {
        "id": "mini-cup-crowd",
        "title": "Record crowd expected",
        "published": "2031-06-21",
        "source": "Kent Herald",
        "text": "The Harlow Cup final is expected to draw a record crowd of 40,000 fans.",
    },
    {
        "id": "mini-sprint",
        "title": "Sprint result",
        "published": "2031-06-22",
        "source": "Kent Herald",
        "text": (
            "The Dunmore Sprint was rowed in heavy rain on Sunday.\n\n"
            "The Tamsin Eights won the Dunmore Sprint by two lengths."
        ),
    },
]

ARTICLES += [
    {
        "id": "mini-leaflet",
        "title": "Opposition attacks council",
        "published": "2031-06-15",
        "source": "Kent Herald",
        "text": (
            "The Harbour Strategy leaflet was launched at the town hall on Tuesday.\n\n"
            "Opposition leader Kay Brandt said voters deserved better.\n\n"
            "Brandt has led the opposition group since 2029.\n\n"
            "The council meets again in September.\n\n"
            "Brandt attacked the document, which officials say has cost about £4,200 to print."
        ),
    },
    {
        "id": "mini-lorne",
        "title": "Premier seeks wider fishing pact",
        "published": "2031-05-01",
        "source": "Prairie Wire",
        "text": (
            "Premier Ida Lorne said she wanted a broader fishing deal with Chile, and President "
            "Otto Kessler's aides agreed."
        ),
    },
    {
        "id": "mini-kessler",
        "title": "Kessler weighs Chile talks",
        "published": "2031-06-30",
        "source": "Kent Herald",
        "text": (
            "President Otto Kessler spoke to reporters on Sunday, saying: “We are close. "
            "Hopefully, we make a deal soon.”"
        ),
    },
]

ARTICLES += [
    {
        "id": "mini-analyst-rates",
        "title": "Rates to stay high",
        "published": "2031-07-09",
        "source": "Prairie Wire",
        "text": "Bank analyst Vera Holt said: “Rates will stay high until spring.”",
    },
    {
        "id": "mini-analyst-ferry",
        "title": "Ferry strike looms",
        "published": "2031-06-01",
        "source": "Kent Herald",
        "text": (
            "Transport analyst Piet Dekker said: “A ferry strike would cost the port dearly.”"
        ),
    },
]

ARTICLES.append(
    {
        "id": "mini-pike",
        "title": "Governor meets mayor",
        "published": "2031-06-25",
        "source": "Harbour Gazette",
        "text": (
            "Governor Ana Pike met Mayor Tom Reed in Lyon on Sunday.\n\n"
            "Pike thanked Reed for coming straight from the airport, calling it an important "
            'day. She said, "I dearly hope the river deal will be signed this summer."\n\n'
            "Reed asked Pike to share the plans with the public."
        ),
    }
)

ARTICLES.append(
    {
        "id": "mini-analyst-forum",
        "title": "Forum dates set",
        "published": "2031-06-02",
        "source": "Coast Times",
        "text": (
            "The analyst forum on shipping is expected to end in March.\n\n"
            "This year the analyst forum on shipping will be held in Porto."
        ),
    }
)


def _reply(engine: Engine, question: str, chat: str | None = None) -> str:
    return render_text(engine.answer(question, chat_id=chat))


@pytest.mark.parametrize(
    "question",
    ["orwin's role?", "role of dale orwin?", "what role does orwin play", "orwin job"],
)
def test_short_role_forms(mini_engine: Engine, question: str) -> None:
    reply = _reply(mini_engine, question)
    assert "press secretary" in reply.casefold()
    assert not says_unknown(reply)


def test_yes_no_offer_question(mini_engine: Engine) -> None:
    reply = _reply(mini_engine, "has australia offered anything on the quota?")
    assert "readiness to cut" in reply


def test_when_was_this_reported_names_a_date(mini_engine: Engine) -> None:
    # In a fresh chat "this" is the newest report.
    assert "10 July 2031" in _reply(mini_engine, "when was this reported")


def test_when_was_that_published_follows_the_last_answer(mini_engine: Engine) -> None:
    _reply(mini_engine, "who is dale orwin", chat="pub")
    reply = _reply(mini_engine, "when was that published?", chat="pub")
    assert "8 July 2031" in reply
    assert "10 July 2031" not in reply


def test_when_was_the_article_about_a_topic_published(mini_engine: Engine) -> None:
    reply = _reply(mini_engine, "when was the article about the ferry strike published")
    assert "10 July 2031" in reply


def test_stem_short_and_double_s_verbs() -> None:
    assert stem("died") == stem("dies") == stem("die") == stem("dying")
    assert stem("used") == stem("uses") == stem("use")
    assert stem("passing") == stem("pass") == stem("passed")
    assert stem("pressed") == stem("press")
    assert stem("discussed") == stem("discuss")
    # Unchanged: the ordinary plural and past endings.
    assert stem("needs") == stem("need")
    assert stem("meetings") == stem("meet")


def test_what_did_x_die_of(mini_engine: Engine) -> None:
    reply = _reply(mini_engine, "what did corin mallow die of")
    assert "lung cancer" in reply


def test_when_did_x_die(mini_engine: Engine) -> None:
    reply = _reply(mini_engine, "when did mallow die")
    assert "Tuesday" in reply


def test_he_in_a_follow_up_is_the_speaker_not_the_topic(mini_engine: Engine) -> None:
    _reply(mini_engine, "who is dale orwin", chat="he-speaks")
    reply = _reply(mini_engine, "what did he say about the fisheries council", chat="he-speaks")
    assert "what Dale Orwin said" in reply
    assert "small boats" in reply


def test_capitals_stand_for_their_governments(mini_engine: Engine) -> None:
    reply = _reply(mini_engine, "which countries are passing messages between ottawa and canberra")
    assert "Norway" in reply and "Iceland" in reply
    assert not says_unknown(reply)


def test_a_capital_as_a_place_stays_a_place(mini_engine: Engine) -> None:
    reply = _reply(mini_engine, "what is happening in oslo")
    assert "Oslo" in reply


def test_a_body_named_by_the_end_of_its_name(mini_engine: Engine) -> None:
    reply = _reply(mini_engine, "what did the research institute say")
    assert "Coastal Research Institute" in reply.split("\n")[0]
    assert "cannot survive" in reply


def test_a_bodys_analyst_is_not_another_bodys(mini_engine: Engine) -> None:
    reply = _reply(mini_engine, "what did the research institute analyst say about the port")
    assert "cannot survive" in reply
    assert "Shares" not in reply


def test_who_won_with_no_sentence_saying_so_is_unknown(mini_engine: Engine) -> None:
    answer = mini_engine.answer("who won the harlow cup")
    assert not answer.known
    assert says_unknown(render_text(answer))


def test_who_won_puts_the_sentence_saying_so_first(mini_engine: Engine) -> None:
    answer = mini_engine.answer("who won the dunmore sprint")
    assert answer.known
    assert "Tamsin Eights won" in answer.facts[0].text


def test_how_much_did_it_cost_finds_the_sum(mini_engine: Engine) -> None:
    answer = mini_engine.answer("how much did the harbour strategy leaflet cost")
    assert "£4,200" in answer.facts[0].text


def test_does_x_want_gives_xs_own_words_first(mini_engine: Engine) -> None:
    answer = mini_engine.answer("does kessler want a deal with chile")
    assert "Hopefully" in answer.facts[0].text


def test_a_body_named_by_its_first_and_last_words(mini_engine: Engine) -> None:
    reply = _reply(mini_engine, "what did the coastal institute analyst say")
    assert "cannot survive" in reply
    assert not says_unknown(reply)


ACRONYM_ARTICLES = [
    {
        "id": "mini-inspectors",
        "title": "Inspectors report",
        "published": "2031-01-02",
        "source": "Kent Herald",
        "text": (
            "No W.M.D. turned up anywhere, inspectors said.\n\nThe valley was searched for months."
        ),
    },
    {
        "id": "mini-weather",
        "title": "Cold spell",
        "published": "2031-01-03",
        "source": "Kent Herald",
        "text": "The weather in the valley was cold.",
    },
]


@pytest.mark.parametrize("question", ["WMD?", "what about wmd?"])
def test_an_acronym_finds_its_dotted_spelling(question: str) -> None:
    data = "\n".join(json.dumps(a) for a in ACRONYM_ARTICLES).encode()
    with Store.open(":memory:") as store:
        ingest_articles(store, read_document("mini.jsonl", data))
        engine = Engine(store, clock=lambda: NOW)
        answer = engine.answer(question)
        # The full-text search itself finds it (a small base is also read whole).
        facts = FactBase(store, load_gazetteer())
        facts.refresh()
        found = find_sentences(facts, read_question(facts, question, NOW))
    assert answer.facts and "W.M.D." in answer.facts[0].text
    assert any("W.M.D." in sentence.text for sentence, _ in found.hits)


@pytest.mark.parametrize(
    "question",
    [
        "what did moscow say about the grain corridor",
        "what is moscow's position on the grain corridor",
    ],
)
def test_a_capital_speaking_is_its_government(mini_engine: Engine, question: str) -> None:
    reply = _reply(mini_engine, question)
    assert "grain corridor" in reply
    assert not says_unknown(reply)


@pytest.mark.parametrize(
    "question",
    ["who does omar reyes work for", "where does reyes work", "which group is reyes with"],
)
def test_affiliation_questions_are_who_is(mini_engine: Engine, question: str) -> None:
    answer = mini_engine.answer(question)
    assert answer.intent == "who"
    assert "Coastal Research Institute" in render_text(answer)


def test_is_x_going_to_a_place_is_an_event_question(mini_engine: Engine) -> None:
    answer = mini_engine.answer("is australia going to oslo")
    assert answer.intent == "event"
    assert "Oslo" in answer.summary and "Australia" in answer.summary


def test_the_analyst_is_the_one_of_the_story_asked_about(mini_engine: Engine) -> None:
    # The newest analyst (on rates) is not the one meant by a question about the ferries.
    reply = _reply(mini_engine, "what did the analyst say about the ferry strike")
    assert "cost the port dearly" in reply
    assert "Rates will stay high" not in reply


def test_where_of_no_meeting_is_not_the_meetings_venue(mini_engine: Engine) -> None:
    answer = mini_engine.answer("where will canada ship its surplus barley")
    assert "Kenya" in render_text(answer).split("\n\n")[1]
    assert "Oslo" not in answer.summary


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("orwin on the fisheries council?", "small boats"),
        ("what does orwin think of the fisheries council", "small boats"),
        ("dale orwin's take on the quota", "compromise on the quota"),
        ("how did orwin react to the quota", "compromise on the quota"),
    ],
)
def test_views_asked_are_quotes_on_the_topic(mini_engine: Engine, question: str, said: str) -> None:
    answer = mini_engine.answer(question)
    assert answer.intent == "quotes"
    assert said in answer.quotes[0].text


def test_when_with_no_sentence_saying_when_is_unknown(mini_engine: Engine) -> None:
    answer = mini_engine.answer("when does the grain corridor close")
    assert not answer.known
    assert says_unknown(render_text(answer))
    # What is known of it is still offered, as related.
    assert any("grain corridor" in f.text for f in answer.facts)


def test_where_with_no_sentence_naming_a_place_is_unknown(mini_engine: Engine) -> None:
    answer = mini_engine.answer("where will the grain corridor be moved")
    assert not answer.known
    assert says_unknown(render_text(answer))


def test_a_pronouns_words_after_a_sentence_the_person_begins(mini_engine: Engine) -> None:
    reply = _reply(mini_engine, "what did ana pike say to reed")
    assert "dearly hope the river deal" in reply
    # The fallback for a quote extraction gave to someone else ("She" read as Reed): the
    # sentences where the person speaks include the pronoun's words after a sentence the
    # person begins, with that sentence, so that the reader sees who "she" is.
    facts = FactBase(mini_engine._facts.store, load_gazetteer())
    facts.refresh()
    query = read_question(facts, "what did ana pike say", NOW)
    found = [f.text for f in speech_sentences(facts, query, set(), [], limit=5)]
    assert any("Pike thanked Reed" in t and "dearly hope" in t for t in found)
    # Reed begins no sentence followed by words of a pronoun: nothing of Pike's is his.
    query = read_question(facts, "what did tom reed say", NOW)
    assert not any("dearly hope" in f.text for f in speech_sentences(facts, query, set(), []))


def test_a_visit_of_someone_unknown_is_not_another_event_there(mini_engine: Engine) -> None:
    answer = mini_engine.answer("when will maria tolvan visit oslo")
    assert not answer.known
    assert "Maria Tolvan" in answer.summary
    # A known party's event there is still the answer.
    assert "Oslo" in mini_engine.answer("when will canada hold talks in oslo").summary


def test_a_title_qualifying_a_thing_is_no_person(mini_engine: Engine) -> None:
    # "analyst" here qualifies the forum: no analyst stored is meant.
    answer = mini_engine.answer("where is the analyst forum being held")
    assert answer.known
    # The sentence naming a place comes first ("in March" is no place).
    assert "Porto" in answer.facts[0].text
