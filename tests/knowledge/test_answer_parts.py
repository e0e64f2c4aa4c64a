"""The answering engine's parts alone: text, time words, intents, linking, roles, memory."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from knowledge.answering.compose import render_text, role_text
from knowledge.answering.intents import Intent, classify, correct_typos
from knowledge.answering.linking import EntityLinker
from knowledge.answering.memory import ConversationMemory, Turn
from knowledge.answering.roles import RoleIndex, find_titles, title_index
from knowledge.answering.text import fold, has_phrase, key, normalise_question, stem
from knowledge.answering.timewords import resolve_time
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.models import Answer, AnswerQuote, EntityKind, QuoteKind, Role, SourceRef

# ----------------------------------------------------------------------------- text


def test_fold_and_key_drop_accents_possessives_and_dots() -> None:
    assert fold("Türkiye’s") == "turkiye's"
    assert key("Iran's") == "iran"
    assert key("U.S.") == "us"
    assert key("Peña Nieto") == "pena nieto"


def test_normalise_expands_contractions() -> None:
    assert normalise_question("Who's meeting? What's next?") == "who is meeting? what is next?"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("mediating", "mediators"),
        ("agreed", "agreement"),
        ("spend", "spent"),
        ("cancelled", "cancel"),
        ("meeting", "met"),
    ],
)
def test_stem_brings_word_forms_together(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_has_phrase_is_whole_word() -> None:
    assert has_phrase("Iran's nuclear program", "Iran")
    assert not has_phrase("talks in Tirana", "Iran")


# ----------------------------------------------------------------------------- time words

TODAY = date(2030, 3, 13)  # a Wednesday


@pytest.mark.parametrize(
    ("question", "since", "until"),
    [
        ("what happened today", date(2030, 3, 13), date(2030, 3, 13)),
        ("quotes from yesterday", date(2030, 3, 12), date(2030, 3, 12)),
        ("what did she say this week", date(2030, 3, 11), date(2030, 3, 17)),
        ("news last week", date(2030, 3, 4), date(2030, 3, 10)),
        ("what happened last month", date(2030, 2, 1), date(2030, 2, 28)),
        ("what did he say in 2018", date(2018, 1, 1), date(2018, 12, 31)),
        ("talks in may 2019", date(2019, 5, 1), date(2019, 5, 31)),
    ],
    ids=["today", "yesterday", "this-week", "last-week", "last-month", "year", "month-year"],
)
def test_time_words_become_windows(question: str, since: date, until: date) -> None:
    window = resolve_time(question, TODAY)
    assert (window.since, window.until) == (since, until)


def test_latest_is_a_flag_not_a_window() -> None:
    window = resolve_time("latest quotes", TODAY)
    assert window.latest and not window.bounded


# ----------------------------------------------------------------------------- intents


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Who is meeting where?", Intent.EVENT),
        ("When are the talks?", Intent.EVENT),
        ("Who is hosting the summit?", Intent.EVENT),
        ("latest quotes", Intent.QUOTES),
        ("any quotes from Iran?", Intent.QUOTES),
        ("What did the envoy say about sanctions?", Intent.QUOTES),
        ("Who is Mara Velden?", Intent.WHO_IS),
        ("What was agreed?", Intent.OUTCOME),
        ("what did they offer", Intent.OUTCOME),
        ("Who reported the meeting?", Intent.SOURCES),
        ("sources", Intent.SOURCES),
        ("what's the latest on the border dispute", Intent.SUMMARY),
        ("What topics do you know about?", Intent.TOPICS),
        ("help", Intent.HELP),
        ("who said the talks would fail", Intent.QUOTE_SEARCH),
        ("Which countries are mediating?", Intent.EVENT),
    ],
)
def test_intents(question: str, intent: Intent) -> None:
    assert classify(correct_typos(normalise_question(question))).intent is intent


def test_typos_of_asking_words_are_corrected() -> None:
    assert correct_typos("who is meting in geneva") == "who is meeting in geneva"
    assert correct_typos("latest qoutes") == "latest quotes"


def test_event_aspects_and_follow_up_cues() -> None:
    parsed = classify("who else is attending and where")
    assert {"who", "where"} <= parsed.aspects
    assert parsed.follow_up and parsed.wants_more
    assert classify("and when").aspects == frozenset({"when"})
    assert classify("what else did he say").pronoun == "person"


# ----------------------------------------------------------------------------- linking

NAMES = [
    ("person:donald-trump", "Donald Trump", EntityKind.PERSON),
    ("person:donald-trump", "Trump", EntityKind.PERSON),
    ("person:steve-witkoff", "Steve Witkoff", EntityKind.PERSON),
    ("person:steve-witkoff", "Witkoff", EntityKind.PERSON),
    ("person:kenneth-mckenzie", "McKenzie", EntityKind.PERSON),
    ("person:gary-mckendry", "McKendry", EntityKind.PERSON),
    ("person:gary-speed", "Speed", EntityKind.PERSON),
    ("place:istanbul", "Istanbul", EntityKind.PLACE),
    ("country:united-states", "United States", EntityKind.COUNTRY),
    ("country:iran", "Iran", EntityKind.COUNTRY),
]


@pytest.fixture
def linker() -> EntityLinker:
    gazetteer = load_gazetteer()
    aliases = [
        (alias, name, EntityKind.COUNTRY)
        for name, country in gazetteer.countries.items()
        for alias in (name, *country.aliases, *country.demonyms)
    ]
    return EntityLinker(NAMES, aliases, common_words=["meeting", "quotes"])


@pytest.mark.parametrize(
    ("question", "entity"),
    [
        ("what did trmup say", "person:donald-trump"),
        ("who is meting in istambul", "place:istanbul"),
        ("who is witkof", "person:steve-witkoff"),
        ("What did McKenzy say?", "person:kenneth-mckenzie"),
        ("any quotes from Iranian officials?", "country:iran"),
        ("What did the U.S. say?", "country:united-states"),
    ],
)
def test_names_typos_and_demonyms_link(linker: EntityLinker, question: str, entity: str) -> None:
    links = linker.link(question)
    assert [link.entity_ids[0] for link in links if link.entity_ids] == [entity]


@pytest.mark.parametrize(
    "question",
    ["What did Merkel say?", "what did putin say", "who is Obama", "tell us about it"],
)
def test_unrelated_names_do_not_link(linker: EntityLinker, question: str) -> None:
    assert [link for link in linker.link(question) if link.entity_ids] == []


def test_common_words_are_not_fuzzy_names(linker: EntityLinker) -> None:
    def common(word: str) -> bool:
        return word in {"spend", "speed"}

    assert linker.link("how much did they spend", is_common_word=common) == []
    assert linker.link("what speed", is_common_word=common) == []
    # Written with a capital, it is a name again.
    assert linker.link("What did Speed say", is_common_word=common)


def test_prominence_orders_entities_sharing_a_name() -> None:
    names = [
        ("person:obama", "Obama", EntityKind.PERSON),
        ("person:barack-obama", "Barack Obama", EntityKind.PERSON),
        ("person:barack-obama", "Obama", EntityKind.PERSON),
    ]
    linker = EntityLinker(names, prominence={"person:barack-obama": 40, "person:obama": 3})
    assert linker.link("what did obama say")[0].entity_ids[0] == "person:barack-obama"


# ----------------------------------------------------------------------------- roles


def test_role_index_finds_holders_by_title_and_country() -> None:
    rows = [
        ("person:a", "Ana Ruiz", "foreign minister", "Chile", date(2030, 1, 1), None),
        ("person:b", "Bo Lind", "foreign minister", "Norway", date(2030, 2, 1), None),
        ("person:c", "Cy Old", "Norwegian foreign minister", None, date(2001, 1, 1), None),
        ("person:d", "Di Park", "", None, None, "Norway"),
    ]
    index = RoleIndex(rows, load_gazetteer(), {})
    assert [h.name for h in index.holders("foreign minister", "Norway")] == ["Bo Lind", "Cy Old"]
    assert [h.name for h in index.holders("foreign minister", "Chilean")] == ["Ana Ruiz"]
    assert index.affiliated("Norway") == {"person:b", "person:c", "person:d"}


def test_find_titles_prefers_the_longest() -> None:
    titles = title_index(["minister", "foreign minister", "supreme leader"])
    found = find_titles(["what", "did", "the", "iranian", "foreign", "minister", "say"], titles)
    assert [m.title for m in found] == ["foreign minister"]


def test_role_text() -> None:
    assert role_text(Role(title="special envoy", affiliation="United States")) == (
        "special envoy of the United States"
    )
    assert role_text(Role(title="son-in-law", affiliation="Ann Lee")) == "son-in-law of Ann Lee"


# ----------------------------------------------------------------------------- memory

T0 = datetime(2030, 3, 13, 12, 0, tzinfo=UTC)


def turn(at: datetime, question: str = "q") -> Turn:
    return Turn(at=at, question=question, intent="quotes")


def test_memory_is_per_chat_and_ages_out() -> None:
    memory = ConversationMemory(max_age=timedelta(minutes=30))
    memory.remember(1, turn(T0, "first"))
    assert memory.last(1, T0 + timedelta(minutes=5)).question == "first"  # type: ignore[union-attr]
    assert memory.last(2, T0) is None
    assert memory.last(1, T0 + timedelta(minutes=31)) is None


def test_memory_is_bounded_in_chats_and_turns() -> None:
    memory = ConversationMemory(max_chats=2, max_turns=3)
    for index in range(5):
        memory.remember("a", turn(T0, f"a{index}"))
    assert [t.question for t in memory.recent("a", T0)] == ["a4", "a3", "a2"]
    memory.remember("b", turn(T0))
    memory.remember("c", turn(T0))
    assert len(memory) == 2
    assert memory.last("a", T0) is None  # least recently used chat dropped


def test_no_chat_id_means_no_memory() -> None:
    memory = ConversationMemory()
    memory.remember(None, turn(T0))
    assert len(memory) == 0


# ----------------------------------------------------------------------------- rendering


def test_render_text_shows_quote_speaker_date_and_source() -> None:
    source = SourceRef(
        article_id="a1",
        outlet="Example Wire",
        title="Talks set",
        published=date(2030, 3, 4),
        url="https://example.org/a1",
    )
    answer = Answer(
        question="q",
        intent="quotes",
        known=True,
        summary="Here is what Ana Ruiz said:",
        quotes=(
            AnswerQuote(
                text="We are ready",
                speaker="Ana Ruiz",
                speaker_role="foreign minister of Chile",
                said_on=date(2030, 3, 3),
                kind=QuoteKind.DIRECT,
                attributed_via="Other Post",
                source=source,
            ),
        ),
        sources=(source,),
        confidence=0.9,
    )
    text = render_text(answer)
    assert "“We are ready”" in text
    assert (
        "Ana Ruiz (foreign minister of Chile), 3 March 2030, Other Post, via Example Wire" in text
    )
    assert "Example Wire — Talks set (4 March 2030) https://example.org/a1" in text


def test_only_relative_windows_may_widen() -> None:
    assert resolve_time("what did she say this week", TODAY).relative
    assert not resolve_time("what did she say in 2018", TODAY).relative


def test_lower_case_country_abbreviation_after_the(linker: EntityLinker) -> None:
    links = linker.link("what did the us say about iran")
    assert [link.entity_ids[0] for link in links] == ["country:united-states", "country:iran"]
    assert [link for link in linker.link("tell us about it") if link.entity_ids] == []
