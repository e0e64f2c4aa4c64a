"""The fact store: idempotent ingest, updates, entity merging, migrations, search, threads."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from knowledge.errors import SchemaVersionError, StoreError
from knowledge.models import (
    Article,
    ArticleFacts,
    Claim,
    Entity,
    EntityKind,
    Event,
    EventKind,
    EventStatus,
    Participant,
    Place,
    Quote,
    QuoteKind,
    Role,
    Sentence,
    Span,
    entity_id,
)
from knowledge.store import (
    SCHEMA_VERSION,
    IngestStatus,
    Store,
    fts_query,
)

WITKOFF = entity_id(EntityKind.PERSON, "Steve Witkoff")
ARAGHCHI = entity_id(EntityKind.PERSON, "Abbas Araghchi")
ISTANBUL = entity_id(EntityKind.PLACE, "Istanbul")
TEXT = 'Steve Witkoff will meet Abbas Araghchi in Istanbul. "We want a deal," Witkoff said.'


def make_facts(
    article_id: str = "a1",
    *,
    text: str = TEXT,
    url: str | None = "https://example.org/a1",
    published: datetime | None = datetime(2026, 2, 3, 9, 0, tzinfo=UTC),
    role_title: str = "special envoy",
    extra_alias: str = "Witkoff",
    quote_day: date | None = date(2026, 2, 2),
) -> ArticleFacts:
    """One hand-built article with a person, a place, a quote, an event and a claim."""
    article = Article(
        id=article_id,
        title=f"Talks in Istanbul ({article_id})",
        text=text,
        published=published,
        source="Example Wire",
        url=url,
    )
    first_end = text.index(".") + 1
    sentences = (
        Sentence(article_id=article_id, index=0, start=0, end=first_end, text=text[:first_end]),
        Sentence(
            article_id=article_id,
            index=1,
            start=first_end + 1,
            end=len(text),
            text=text[first_end + 1 :],
        ),
    )
    witkoff = Entity(
        id=WITKOFF,
        kind=EntityKind.PERSON,
        name="Steve Witkoff",
        aliases=(extra_alias,),
        roles=(
            Role(title=role_title, affiliation="US", as_of=date(2026, 2, 3), article_id=article_id),
        ),
        mentions=(Span(article_id=article_id, start=0, end=13),),
    )
    araghchi = Entity(id=ARAGHCHI, kind=EntityKind.PERSON, name="Abbas Araghchi")
    istanbul = Entity(id=ISTANBUL, kind=EntityKind.PLACE, name="Istanbul", country="Türkiye")
    quote_start = text.find('"')
    quotes: tuple[Quote, ...] = ()
    if quote_start >= 0:
        quote_end = text.index('"', quote_start + 1) + 1
        quotes = (
            Quote(
                article_id=article_id,
                text=text[quote_start:quote_end],
                start=quote_start,
                end=quote_end,
                kind=QuoteKind.DIRECT,
                speaker="Steve Witkoff",
                speaker_mention="Witkoff",
                cue="said",
                said_on=quote_day,
            ),
        )
    event = Event(
        id=f"{article_id}:e1",
        article_id=article_id,
        kind=EventKind.TALKS,
        participants=(
            Participant(name="Steve Witkoff", entity_id=WITKOFF),
            Participant(name="Abbas Araghchi"),
        ),
        location=Place(city="Istanbul", country="Türkiye"),
        date_start=date(2026, 2, 6),
        status=EventStatus.PLANNED,
        agenda=("nuclear program",),
    )
    claim = Claim(article_id=article_id, text=text[:first_end], start=0, end=first_end)
    return ArticleFacts(
        article=article,
        summary="US and Iran envoys to meet in Istanbul.",
        sentences=sentences,
        entities=(witkoff, araghchi, istanbul),
        quotes=quotes,
        events=(event,),
        claims=(claim,),
    )


def test_same_article_twice_is_stored_once(store: Store) -> None:
    first = store.ingest(make_facts())
    second = store.ingest(make_facts())
    assert first.status is IngestStatus.ADDED
    assert second.status is IngestStatus.SKIPPED
    assert second.seq == first.seq
    assert store.counts() == {
        "articles": 1,
        "entities": 3,
        "quotes": 1,
        "events": 1,
        "claims": 1,
        "sentences": 2,
    }


def test_same_content_under_another_id_is_skipped(store: Store) -> None:
    store.ingest(make_facts("a1"))
    copy = make_facts("a1")
    copy = copy.model_copy(update={"article": copy.article.model_copy(update={"id": "mirror"})})
    again = store.ingest(copy)
    assert again.article_id == "a1"
    assert again.status is IngestStatus.SKIPPED
    assert store.counts()["articles"] == 1


def test_new_version_of_same_url_replaces_its_facts(store: Store) -> None:
    store.ingest(make_facts("a1"))
    changed = make_facts(
        "a1-v2", text="Steve Witkoff cancelled the trip to Istanbul. No quote here."
    )
    result = store.ingest(changed)
    assert result.status is IngestStatus.UPDATED
    assert [a.id for a in store.articles()] == ["a1-v2"]
    assert store.quotes() == []
    assert [e.article_id for e in store.events()] == ["a1-v2"]
    assert store.counts()["sentences"] == 2
    assert [s.article_id for s, _ in store.search_sentences("cancelled trip")] == ["a1-v2"]
    assert store.search_sentences("deal") == []


def test_changed_content_under_same_id_is_updated(store: Store) -> None:
    first = store.ingest(make_facts("a1", role_title="envoy"))
    changed = make_facts(
        "a1",
        text='Steve Witkoff will meet Abbas Araghchi in Istanbul. "No deal yet," Witkoff said.',
        role_title="special envoy to the Middle East",
    )
    second = store.ingest(changed)
    assert second.status is IngestStatus.UPDATED
    assert second.seq > first.seq
    witkoff = store.entity(WITKOFF)
    assert witkoff is not None
    assert [r.title for r in witkoff.roles] == ["special envoy to the Middle East"]
    assert [q.text for q in store.quotes()] == ['"No deal yet,"']


def test_changed_facts_of_unchanged_article_are_skipped(store: Store) -> None:
    # Idempotency is about the article: re-reading the same text stores nothing new.
    store.ingest(make_facts("a1", role_title="envoy"))
    again = store.ingest(make_facts("a1", role_title="special envoy"))
    assert again.status is IngestStatus.SKIPPED


def test_entities_merge_across_articles(store: Store) -> None:
    store.ingest(make_facts("a1", url="https://example.org/1", extra_alias="Witkoff"))
    store.ingest(
        make_facts(
            "a2",
            url="https://example.org/2",
            text="Steve Witkoff arrived in Istanbul on Friday. Talks began.",
            extra_alias="Steven Witkoff",
            role_title="US envoy",
        )
    )
    witkoff = store.entity(WITKOFF, with_mentions=True)
    assert witkoff is not None
    assert witkoff.aliases == ("Steven Witkoff", "Witkoff")
    assert sorted((r.title, r.article_id) for r in witkoff.roles) == [
        ("US envoy", "a2"),
        ("special envoy", "a1"),
    ]
    assert sorted(m.article_id for m in witkoff.mentions) == ["a1", "a2"]
    assert store.counts()["entities"] == 3
    assert store.articles_mentioning([WITKOFF]) == ["a2", "a1"]  # newest first
    assert store.articles_mentioning([WITKOFF, ISTANBUL], limit=1) == ["a2"]
    names = store.entity_names()
    assert (WITKOFF, "Steven Witkoff", EntityKind.PERSON) in names
    assert (ISTANBUL, "Istanbul", EntityKind.PLACE) in names
    assert store.entity_article_counts()[WITKOFF] == 2


def test_replacing_an_article_drops_entities_only_it_mentioned(store: Store) -> None:
    store.ingest(make_facts("a1"))
    lone = make_facts("a1", text="Nobody said anything. Nothing happened.")
    lone = lone.model_copy(update={"entities": (), "quotes": (), "events": (), "claims": ()})
    assert store.ingest(lone).status is IngestStatus.UPDATED
    assert store.entity(WITKOFF) is None
    assert store.entity_names() == []


def test_quotes_get_speaker_id_from_the_article_entities(store: Store) -> None:
    store.ingest(make_facts())
    quotes = store.quotes(speaker_ids=[WITKOFF])
    assert [q.text for q in quotes] == ['"We want a deal,"']
    assert quotes[0].speaker_id == WITKOFF
    assert store.quotes(speaker_ids=[ARAGHCHI]) == []


def test_quotes_newest_first_and_date_filters(store: Store) -> None:
    store.ingest(make_facts("old", url="https://e.org/old", quote_day=date(2025, 5, 1)))
    store.ingest(make_facts("new", url="https://e.org/new", quote_day=date(2026, 1, 9)))
    store.ingest(make_facts("undated", url="https://e.org/u", quote_day=None, published=None))
    assert [q.article_id for q in store.quotes()] == ["new", "old", "undated"]
    assert [q.article_id for q in store.quotes(since=date(2026, 1, 1))] == ["new"]
    assert [q.article_id for q in store.quotes(until=date(2025, 12, 31))] == ["old"]
    assert [q.article_id for q in store.quotes(limit=1)] == ["new"]


def test_events_by_participant_place_and_date(store: Store) -> None:
    store.ingest(make_facts())
    assert [e.id for e in store.events(participant_ids=[ARAGHCHI])] == ["a1:e1"]
    assert [e.id for e in store.events(place="istanbul")] == ["a1:e1"]
    assert store.events(place="Geneva") == []
    assert [e.id for e in store.events(since=date(2026, 2, 6))] == ["a1:e1"]
    assert store.events(since=date(2026, 2, 7)) == []
    assert store.events(kinds=[EventKind.SUMMIT]) == []
    assert store.events(statuses=[EventStatus.PLANNED])[0].agenda == ("nuclear program",)


def test_article_reads(store: Store) -> None:
    store.ingest(make_facts())
    article = store.article("a1")
    assert article is not None and article.source == "Example Wire"
    assert store.summary("a1") == "US and Iran envoys to meet in Istanbul."
    ref = store.source_ref("a1")
    assert ref is not None
    assert (ref.outlet, ref.published, ref.url) == (
        "Example Wire",
        date(2026, 2, 3),
        "https://example.org/a1",
    )
    assert [s.index for s in store.sentences("a1")] == [0, 1]
    assert store.article("missing") is None
    assert store.claims(article_ids=["a1"])[0].start == 0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Who is meeting in Istanbul?", '"meeting" OR "istanbul"'),
        ('NEAR(x y) AND "unbalanced', '"near" OR "x" OR "y" OR "unbalanced"'),
        ("what is the", None),
        ("column:value*", '"column" OR "value"'),
    ],
    ids=["question", "fts-syntax", "only-stopwords", "column-filter"],
)
def test_fts_query_quotes_every_token(query: str, expected: str | None) -> None:
    assert fts_query(query) == expected


def test_search_sentences_ranks_and_survives_any_input(store: Store) -> None:
    store.ingest(make_facts())
    hits = store.search_sentences("meetings in Istanbul")
    assert [s.index for s, _ in hits] == [0]  # porter stemming: meetings ~ meet
    assert hits[0][1] > 0
    for hostile in ['"', "AND OR NOT", "*", "a:b", "(((", ""]:
        assert store.search_sentences(hostile) == []


def test_facts_since_returns_only_newer_facts(store: Store) -> None:
    first = store.ingest(make_facts("a1", url="https://e.org/1"))
    assert store.last_seq() == first.seq
    second = store.ingest(
        make_facts("a2", url="https://e.org/2", text='Araghchi spoke. "No," he said.')
    )
    new = store.facts_since(first.seq)
    assert new.last_seq == second.seq
    assert [a.id for a in new.articles] == ["a2"]
    assert [q.article_id for q in new.quotes] == ["a2"]
    assert store.facts_since(second.seq).articles == ()


def test_subscriptions_and_state(store: Store) -> None:
    assert store.follow(42, "Iran  talks") is True
    assert store.follow(42, "iran talks") is False
    assert store.follow(42, "Witkoff") is True
    assert store.follow(7, "Istanbul") is True
    assert store.following(42) == ["Iran talks", "Witkoff"]
    assert store.subscriptions() == [(7, "Istanbul"), (42, "Iran talks"), (42, "Witkoff")]
    assert store.unfollow(42, "IRAN TALKS") is True
    assert store.unfollow(42, "IRAN TALKS") is False
    assert store.following(42) == ["Witkoff"]
    assert store.get_state("alerts.seq") is None
    store.set_state("alerts.seq", "5")
    store.set_state("alerts.seq", "9")
    store.set_state("feed.guid.x", "1")
    assert store.get_state("alerts.seq") == "9"
    assert store.state_items("feed.") == {"feed.guid.x": "1"}
    store.delete_state("alerts.seq")
    assert store.get_state("alerts.seq", "0") == "0"


def test_subscriptions_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "facts.db"
    with Store.open(path) as first:
        first.follow(1, "Iran")
        first.ingest(make_facts())
    with Store.open(path) as again:
        assert again.following(1) == ["Iran"]
        assert again.counts()["articles"] == 1


def test_store_shared_by_threads(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "threads.db")
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                store.ingest(
                    make_facts(
                        f"t{n}-{i}",
                        url=f"https://e.org/{n}/{i}",
                        text=f'Text {n} {i}. "Yes," Witkoff said.',
                    )
                )
                store.quotes(speaker_ids=[WITKOFF], limit=5)
                store.search_sentences("Witkoff")
        except BaseException as error:  # collected so the main thread can fail the test
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.counts()["articles"] == 40
    assert len(set(store.entity_article_counts())) == 3
    store.close()


def test_interrupted_ingest_leaves_store_unchanged(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.ingest(make_facts("a1", url="https://e.org/1"))
    before = store.counts()
    broken = make_facts("a1", url="https://e.org/1", text='Changed text. "Changed," Witkoff said.')
    original = Store._insert_facts

    def interrupted(self: Store, *args: object, **kwargs: object) -> int:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "_insert_facts", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.ingest(broken)
    monkeypatch.undo()
    assert store.counts() == before
    assert [q.text for q in store.quotes()] == ['"We want a deal,"']
    assert store.ingest(broken).status is IngestStatus.UPDATED


def test_old_schema_version_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path, schema_version=1) as old:
        assert old.schema_version == 1
    # Rows as a version-1 newsdesk wrote them: no subscriptions table, no entity article counts.
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO articles(id, seq, url, content_hash, title, source, published_utc, day,"
            " summary, data) VALUES ('a1', 1, NULL, 'h', 'T', NULL, NULL, '0000-00-00', '', ?)",
            (Article(id="a1", title="T", text="Abbas Araghchi spoke.").model_dump_json(),),
        )
        db.execute("INSERT INTO ingest_log(article_id, status) VALUES ('a1', 'added')")
        db.execute(f"INSERT INTO entities(id, kind, name) VALUES ('{ARAGHCHI}', 'person', 'A')")
        db.execute(f"INSERT INTO mentions VALUES ('{ARAGHCHI}', 'a1', 1, '[]')")
    with Store.open(path) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION
        assert migrated.entity_article_counts() == {ARAGHCHI: 1}
        assert [e.id for e in migrated.entities(limit=5)] == [ARAGHCHI]
        assert migrated.follow(1, "Istanbul") is True
        assert migrated.ingest(make_facts("a2")).status is IngestStatus.ADDED
        assert migrated.entity_article_counts()[ARAGHCHI] == 2


def test_newer_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Store.open(path) as store:
        store.ingest(make_facts())
    with sqlite3.connect(path) as db:
        db.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    with pytest.raises(SchemaVersionError, match=r"new\.db: .*schema version \d+, newer than"):
        Store.open(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is a text file, not a database" * 100, "not a newsdesk fact base"),
        (b"", None),
    ],
    ids=["text-file", "empty-file"],
)
def test_not_a_database(tmp_path: Path, content: bytes, message: str | None) -> None:
    path = tmp_path / "facts.db"
    path.write_bytes(content)
    if message is None:
        with Store.open(path) as store:  # an empty file is a new, empty database
            assert store.counts()["articles"] == 0
        return
    with pytest.raises(StoreError, match=message):
        Store.open(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(StoreError, match="not a newsdesk fact base"):
        Store.open(path)


def test_unusable_paths(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(StoreError, match=r"file\.txt/facts\.db: cannot create the directory"):
        Store.open(blocker / "facts.db")
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(tmp_path)


def test_closed_store_raises_store_error() -> None:
    store = Store.open(":memory:")
    store.close()
    with pytest.raises(StoreError, match="reading quotes"):
        store.quotes()


def test_search_prefers_sentences_with_every_word_and_can_filter_articles(store: Store) -> None:
    store.ingest(make_facts("a1", url="https://e.org/1", text="Grain exports resumed. Ports shut."))
    store.ingest(
        make_facts("a2", url="https://e.org/2", text="Grain prices fell. Exports of grain rose.")
    )
    hits = store.search_sentences("grain exports")
    found = [(s.article_id, s.index) for s, _ in hits]
    # Both sentences with both words outrank the one with only "grain"; "Ports shut." is out.
    assert sorted(found[:2]) == [("a1", 0), ("a2", 1)]
    assert found[2:] == [("a2", 0)]
    scores = [score for _, score in hits]
    assert scores == sorted(scores, reverse=True)
    only_a1 = store.search_sentences("grain exports", article_ids=["a1"])
    assert [(s.article_id, s.index) for s, _ in only_a1] == [("a1", 0)]
    assert store.search_sentences("grain", article_ids=[]) == []


def test_already_stored_matches_ingest_skip(store: Store) -> None:
    facts = make_facts()
    assert store.already_stored(facts.article) is None
    added = store.ingest(facts)
    skipped = store.already_stored(facts.article)
    assert skipped is not None
    assert (skipped.status, skipped.article_id, skipped.seq) == (
        IngestStatus.SKIPPED,
        "a1",
        added.seq,
    )
    changed = facts.article.model_copy(update={"title": "New title"})
    assert store.already_stored(changed) is None


def test_home_directory_in_path_is_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    with Store.open("~/newsdesk/facts.db") as store:
        assert store.path == str(tmp_path / "newsdesk" / "facts.db")
    assert (tmp_path / "newsdesk" / "facts.db").is_file()


def test_facts_since_pages_through_large_batches(store: Store) -> None:
    for n in range(5):
        store.ingest(
            make_facts(f"p{n}", url=f"https://e.org/p{n}", text=f'P {n}. "Q {n}," Witkoff said.')
        )
    first = store.facts_since(0, limit=2)
    assert [a.id for a in first.articles] == ["p0", "p1"]
    assert [q.article_id for q in first.quotes] == ["p0", "p1"]
    rest = store.facts_since(first.last_seq, limit=10)
    assert [a.id for a in rest.articles] == ["p2", "p3", "p4"]
    assert rest.last_seq == store.last_seq()


def test_state_items_by_prefix(store: Store) -> None:
    for key in ["feed.a", "feed.b", "feed", "feed/", "fee", "feed.\U0010ffff", "fééd.x"]:
        store.set_state(key, key.upper())
    assert sorted(store.state_items("feed.")) == ["feed.a", "feed.b", "feed.\U0010ffff"]
    assert store.state_items("fééd") == {"fééd.x": "FÉÉD.X"}
    assert len(store.state_items()) == 7
