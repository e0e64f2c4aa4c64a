"""The answering engine over hand-built facts in an in-memory store.

The articles here are invented (people who do not exist, real countries and cities), so that
the engine is tested on general behaviour, not on the sample article.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from knowledge.answer import COMMANDS, Engine, render_text
from knowledge.models import (
    ArticleFacts,
    Entity,
    EntityKind,
    Event,
    EventKind,
    EventStatus,
    Participant,
    Place,
    Quote,
    QuoteKind,
    Span,
    entity_id,
)
from knowledge.store import Store
from tests.knowledge.asking import ask, says_unknown
from tests.knowledge.factkit import country_party, person, place, quote, report

NOW = datetime(2030, 3, 7, 12, 0, tzinfo=UTC)

TALKS_TEXT = (
    "Norway and Chile will hold talks in Geneva on Thursday, officials said. "
    "Norwegian Foreign Minister Mara Velden and Chilean envoy Tomas Okonkwo are expected to "
    "attend, with Switzerland hosting. "
    "“We are ready to settle the fishing quota dispute,” Velden said on Sunday. "
    "Okonkwo warned that any delay would be costly for coastal towns. "
    "The talks will cover fishing quotas and shipping lanes."
)
CANCEL_TEXT = (
    "The Geneva talks between Norway and Chile have been cancelled, the foreign ministry said. "
    "“We regret that the meeting cannot go ahead,” Velden said on Wednesday. "
    "Diplomats blamed a row over salmon farming licences."
)
OTHER_TEXT = (
    "Brazilian striker Joao Pereira scored twice as his club won the cup final in Lisbon. "
    "“This is the best night of my career,” Pereira said after the match."
)


def talks_facts() -> ArticleFacts:
    aid = "wire-talks"
    start = TALKS_TEXT.index("Norwegian Foreign Minister")
    end = start + len("Norwegian Foreign Minister")
    return report(
        aid,
        "Norway and Chile to hold fishing talks in Geneva",
        TALKS_TEXT,
        published=datetime(2030, 3, 4, 9, 0, tzinfo=UTC),
        source="Example Wire",
        url="https://example.org/talks",
        summary="Norway and Chile will hold talks in Geneva on Thursday.",
        entities=(
            person("Mara Velden", "Velden", "foreign minister", "Norway", aid),
            person("Tomas Okonkwo", "Okonkwo", "envoy", "Chile", aid),
            place(EntityKind.COUNTRY, "Norway", aid),
            place(EntityKind.COUNTRY, "Chile", aid),
            place(EntityKind.COUNTRY, "Switzerland", aid),
            place(EntityKind.PLACE, "Geneva", aid),
        ),
        quotes=(
            quote(
                aid,
                TALKS_TEXT,
                "We are ready to settle the fishing quota dispute,",
                "Mara Velden",
                QuoteKind.DIRECT,
                date(2030, 3, 3),
            ),
            quote(
                aid,
                TALKS_TEXT,
                "any delay would be costly for coastal towns",
                "Tomas Okonkwo",
                QuoteKind.INDIRECT,
                None,
            ),
        ),
        events=(
            Event(
                id="talks-1",
                article_id=aid,
                kind=EventKind.TALKS,
                participants=(
                    Participant(
                        name="Mara Velden",
                        entity_id=entity_id(EntityKind.PERSON, "Mara Velden"),
                        role="Norwegian Foreign Minister",
                    ),
                    Participant(
                        name="Tomas Okonkwo",
                        entity_id=entity_id(EntityKind.PERSON, "Tomas Okonkwo"),
                        role="Chilean envoy",
                        expected=True,
                    ),
                    country_party("Norway"),
                    country_party("Chile"),
                ),
                location=Place(city="Geneva", country="Switzerland"),
                host="Switzerland",
                date_start=date(2030, 3, 7),
                date_end=date(2030, 3, 7),
                date_text="Thursday",
                status=EventStatus.PLANNED,
                agenda=("fishing quotas", "shipping lanes"),
                reported_by=("Example Wire",),
                reported_on=date(2030, 3, 4),
                evidence=(Span(article_id=aid, start=start, end=end),),
            ),
        ),
    )


def cancel_facts() -> ArticleFacts:
    aid = "post-cancel"
    return report(
        aid,
        "Geneva fishing talks called off",
        CANCEL_TEXT,
        published=datetime(2030, 3, 6, 18, 0, tzinfo=UTC),
        source="Other Post",
        summary="The Geneva talks between Norway and Chile have been cancelled.",
        entities=(
            person("Mara Velden", "Velden", "foreign minister", "Norway", aid),
            place(EntityKind.COUNTRY, "Norway", aid),
            place(EntityKind.COUNTRY, "Chile", aid),
            place(EntityKind.PLACE, "Geneva", aid),
        ),
        quotes=(
            quote(
                aid,
                CANCEL_TEXT,
                "We regret that the meeting cannot go ahead,",
                "Mara Velden",
                QuoteKind.DIRECT,
                date(2030, 3, 6),
            ),
        ),
        events=(
            Event(
                id="talks-1",
                article_id=aid,
                kind=EventKind.TALKS,
                participants=(
                    country_party("Norway"),
                    country_party("Chile"),
                ),
                location=Place(city="Geneva", country="Switzerland"),
                date_start=date(2030, 3, 7),
                status=EventStatus.CANCELLED,
                reported_on=date(2030, 3, 6),
            ),
        ),
    )


def football_facts() -> ArticleFacts:
    aid = "sport-cup"
    return report(
        aid,
        "Pereira double wins the cup",
        OTHER_TEXT,
        published=datetime(2029, 5, 20, tzinfo=UTC),
        source="Sports Daily",
        summary="Joao Pereira scored twice as his club won the cup final in Lisbon.",
        entities=(
            person("Joao Pereira", "Pereira", "striker", "Brazil", aid),
            place(EntityKind.PLACE, "Lisbon", aid),
        ),
        quotes=(
            quote(
                aid,
                OTHER_TEXT,
                "This is the best night of my career,",
                "Joao Pereira",
                QuoteKind.DIRECT,
                date(2029, 5, 20),
            ),
        ),
    )


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as opened:
        opened.ingest(football_facts())
        opened.ingest(talks_facts())
        yield opened


@pytest.fixture
def engine(store: Store) -> Engine:
    return Engine(store, clock=lambda: NOW)


@pytest.fixture
def cancelled(store: Store) -> Engine:
    """The engine after a second report, of the talks' cancellation, has come in."""
    store.ingest(cancel_facts())
    return Engine(store, clock=lambda: NOW)


# ----------------------------------------------------------------------------- events


def test_who_is_meeting_where_names_participants_and_city(engine: Engine) -> None:
    text = ask(engine, "Who is meeting where?")
    assert "mara velden" in text
    assert "tomas okonkwo" in text
    assert "geneva" in text


def test_when_gives_the_event_date(engine: Engine) -> None:
    text = ask(engine, "When are the Norway-Chile talks?")
    assert "7 march 2030" in text


def test_host_and_agenda(engine: Engine) -> None:
    assert "switzerland" in ask(engine, "Who is hosting the talks?")
    text = ask(engine, "What will the talks cover?")
    assert "fishing quotas" in text and "shipping lanes" in text


def test_disagreeing_reports_are_named_with_both_sources(cancelled: Engine) -> None:
    answer = cancelled.answer("Are the Geneva talks still on?")
    text = render_text(answer)
    assert "Reports differ" in text
    assert "Other Post" in text and "Example Wire" in text
    assert "cancelled" in text and "planned" in text


# ----------------------------------------------------------------------------- quotes


def test_quotes_by_person_exclude_other_speakers(engine: Engine) -> None:
    text = ask(engine, "What did Velden say?")
    assert "fishing quota dispute" in text
    assert "coastal towns" not in text
    assert "best night" not in text


def test_quote_shows_speaker_date_and_source(engine: Engine) -> None:
    answer = engine.answer("What did Mara Velden say?")
    assert answer.known
    first = answer.quotes[0]
    assert first.speaker == "Mara Velden"
    assert first.said_on == date(2030, 3, 3)
    assert first.source.outlet == "Example Wire"
    text = render_text(answer)
    assert "3 March 2030" in text and "Example Wire" in text


@pytest.mark.parametrize("typo", ["what did veldn say", "what did okonkwu say"])
def test_misspelt_names_are_linked(engine: Engine, typo: str) -> None:
    answer = engine.answer(typo)
    assert answer.known
    assert answer.quotes


@pytest.mark.parametrize("name", ["Merkel", "Macron", "Velasquez", "Okafor"])
def test_unrelated_names_do_not_match(engine: Engine, name: str) -> None:
    answer = engine.answer(f"What did {name} say?")
    text = render_text(answer).casefold()
    assert not answer.quotes
    assert says_unknown(text)


def test_quotes_from_a_country_through_its_people(engine: Engine) -> None:
    text = ask(engine, "Any quotes from Norway?")
    assert "fishing quota dispute" in text
    assert "coastal towns" not in text


def test_quotes_by_role_reference_with_demonym(engine: Engine) -> None:
    text = ask(engine, "What did the Norwegian foreign minister say?")
    assert "fishing quota dispute" in text


def test_latest_quotes_newest_first(cancelled: Engine) -> None:
    answer = cancelled.answer("latest quotes")
    texts = [q.text for q in answer.quotes]
    assert texts[0].startswith("We regret")
    assert any("best night" in t for t in texts)


def test_time_words_restrict_quotes(engine: Engine) -> None:
    # Nothing of his is dated this week (the clock says March 2030): the reply says so, then
    # gives the most recent instead of nothing.
    answer = engine.answer("What did Pereira say this week?")
    text = render_text(answer)
    assert text.startswith("I couldn't find anything dated this week.")
    assert [q.said_on for q in answer.quotes] == [date(2029, 5, 20)]
    assert engine.answer("What did Pereira say in 2029?").quotes
    assert not engine.answer("What did Velden say in 2029?").quotes


# ----------------------------------------------------------------------------- people


def test_who_is_gives_role_and_affiliation(engine: Engine) -> None:
    text = ask(engine, "Who is Mara Velden?")
    assert "foreign minister" in text and "norway" in text


def test_who_is_a_role(engine: Engine) -> None:
    text = ask(engine, "Who is Chile's envoy?")
    assert "tomas okonkwo" in text


# ----------------------------------------------------------------------------- fallback, abstention


def test_sentence_fallback_returns_verbatim_sentence_with_source(cancelled: Engine) -> None:
    answer = cancelled.answer("What was the row about salmon farming?")
    text = render_text(answer)
    assert "Diplomats blamed a row over salmon farming licences." in text
    assert "Other Post" in text


def test_unanswerable_question_abstains_without_padding(engine: Engine) -> None:
    answer = engine.answer("Who won the 2031 chess olympiad?")
    text = render_text(answer).casefold()
    assert not answer.known
    assert says_unknown(text)
    assert "velden" not in text and "pereira" not in text and "geneva" not in text


def test_empty_store_asks_for_an_ingest() -> None:
    with Store.open(":memory:") as empty:
        answer = Engine(empty, clock=lambda: NOW).answer("What did Trump say?")
    assert not answer.known
    assert "ingest" in answer.summary


# ----------------------------------------------------------------------------- conversation


def test_follow_up_pronoun_resolves_to_previous_person(engine: Engine) -> None:
    ask(engine, "What did Velden say?", chat_id=1)
    text = ask(engine, "Who is she?", chat_id=1)
    assert "foreign minister" in text


def test_follow_up_when_uses_previous_event(engine: Engine) -> None:
    ask(engine, "Who is meeting in Geneva?", chat_id=7)
    assert "7 march 2030" in ask(engine, "and when?", chat_id=7)


def test_who_else_excludes_people_already_named(engine: Engine) -> None:
    ask(engine, "Is Mara Velden attending the talks?", chat_id=3)
    answer = engine.answer("who else is attending?", chat_id=3)
    assert "Tomas Okonkwo" in render_text(answer)


def test_what_else_did_he_say_gives_new_quotes_only(cancelled: Engine) -> None:
    first = cancelled.answer("What did Velden say?", chat_id=5)
    assert len(first.quotes) == 2
    more = cancelled.answer("what else did she say?", chat_id=5)
    assert not more.quotes
    assert says_unknown(render_text(more).casefold())


def test_chats_do_not_share_context(engine: Engine) -> None:
    ask(engine, "What did Velden say?", chat_id=1)
    answer = engine.answer("Who is she?", chat_id=2)
    assert "foreign minister" not in render_text(answer).casefold()


# ----------------------------------------------------------------------------- commands and alerts


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_answers(engine: Engine, name: str) -> None:
    answer = engine.command(name, None, chat_id=9)
    assert answer.summary


def test_command_quotes_with_argument(engine: Engine) -> None:
    answer = engine.command("quotes", "Pereira")
    assert [q.speaker for q in answer.quotes] == ["Joao Pereira"]


def test_unknown_command_is_polite(engine: Engine) -> None:
    answer = engine.command("launch", None)
    assert not answer.known
    assert "don't know" in answer.summary


def test_alerts_report_only_new_matching_facts(store: Store) -> None:
    engine = Engine(store, clock=lambda: NOW)
    seq = store.last_seq()
    assert engine.alerts("Velden", seq) is None
    store.ingest(cancel_facts())
    alert = engine.alerts("Velden", seq)
    assert alert is not None
    assert [q.text for q in alert.quotes] == ["We regret that the meeting cannot go ahead,"]
    assert engine.alerts("Pereira", seq) is None


def test_help_lists_examples(engine: Engine) -> None:
    answer = engine.answer("help")
    assert answer.intent == "help"
    assert answer.facts


# ----------------------------------------------------------------------------- later additions


def test_quotes_about_a_topic_come_from_articles_about_it(cancelled: Engine) -> None:
    # The cancellation report is about salmon licences; the quote itself never says so.
    text = render_text(cancelled.answer("What did Velden say about salmon farming?"))
    assert "We regret that the meeting cannot go ahead" in text
    assert "fishing quota dispute" not in text


def test_more_quotes_button_keeps_the_speaker(cancelled: Engine) -> None:
    cancelled.answer("What did Velden say?", chat_id=11)
    first = cancelled.command("more_quotes", chat_id=11)
    again = cancelled.command("more_quotes", chat_id=11)
    assert not first.quotes and not again.quotes
    assert "Mara Velden" in first.summary and "Mara Velden" in again.summary


def test_unlinked_capitalised_phrase_must_match_whole(engine: Engine) -> None:
    # "cup" and "won" occur in the football report, but "Davis Cup" does not.
    answer = engine.answer("Who won the 2029 Davis Cup final?")
    assert not answer.known
    assert "pereira" not in render_text(answer).casefold()


def test_role_reference_resolved_from_sentences(store: Store) -> None:
    aid = "wire-port"
    text = (
        "Ana Silva, Brazil's trade minister, said the port deal would be signed in June. "
        "“We expect exports to double,” Silva said."
    )
    start = text.index("We expect")
    store.ingest(
        report(
            aid,
            "Port deal to be signed",
            text,
            published=datetime(2030, 3, 5, tzinfo=UTC),
            source="Example Wire",
            # No role stored for her: only the sentence says what she is.
            entities=(
                Entity(
                    id=entity_id(EntityKind.PERSON, "Ana Silva"),
                    kind=EntityKind.PERSON,
                    name="Ana Silva",
                    aliases=("Silva",),
                    mentions=(Span(article_id=aid, start=0, end=9),),
                ),
                place(EntityKind.COUNTRY, "Brazil", aid),
            ),
            quotes=(
                Quote(
                    article_id=aid,
                    text="We expect exports to double,",
                    start=start,
                    end=start + len("We expect exports to double,"),
                    kind=QuoteKind.DIRECT,
                    speaker="Ana Silva",
                    speaker_id=entity_id(EntityKind.PERSON, "Ana Silva"),
                ),
            ),
        )
    )
    engine = Engine(store, clock=lambda: NOW)
    text_out = render_text(engine.answer("What did Brazil's trade minister say?"))
    assert "We expect exports to double" in text_out


def test_why_question_gives_the_reported_cause(cancelled: Engine) -> None:
    text = render_text(cancelled.answer("Why were the Geneva talks cancelled?"))
    assert "Diplomats blamed a row over salmon farming licences." in text


def test_generic_role_is_not_one_person(engine: Engine) -> None:
    # "a foreign minister" is anyone with the title: it must not become Mara Velden.
    query_text = render_text(engine.answer("What did Velden say?"))
    assert "fishing quota dispute" in query_text
    generic = engine.answer("Has a foreign minister ever visited the Moon?")
    assert not generic.quotes
    assert "velden" not in render_text(generic).casefold()


def test_relation_reference_is_about_the_relative(store: Store) -> None:
    aid = "sport-family"
    text = (
        "Joao Pereira was cheered by his family in Lisbon. "
        "Pereira's mother said she had never been so proud of her son."
    )
    store.ingest(
        report(
            aid,
            "Family cheers cup hero",
            text,
            published=datetime(2029, 5, 21, tzinfo=UTC),
            source="Sports Daily",
            entities=(person("Joao Pereira", "Pereira", "striker", "Brazil", aid),),
        )
    )
    engine = Engine(store, clock=lambda: NOW)
    text_out = render_text(engine.answer("What did Pereira's mother say?"))
    assert "never been so proud of her son" in text_out
    assert "best night of my career" not in text_out


def test_they_after_an_event_are_its_participants(engine: Engine) -> None:
    ask(engine, "Who is meeting in Geneva?", chat_id=21)
    answer = engine.answer("what did they say?", chat_id=21)
    speakers = {q.speaker for q in answer.quotes}
    assert speakers <= {"Mara Velden", "Tomas Okonkwo"}
    assert "Mara Velden" in speakers


def test_unheld_role_is_not_answered_with_the_place(engine: Engine) -> None:
    answer = engine.answer("Who is the mayor of Geneva?")
    assert not answer.known
    assert says_unknown(render_text(answer).casefold())
