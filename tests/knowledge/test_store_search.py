"""Article-restricted full-text search over many articles: the kept sets of sentence ids
(knowledge.store) must give exactly what the plain search gives, before and after writes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from knowledge import store as store_module
from knowledge.store import _ARTICLE_SET_SLOTS, Store
from tests.knowledge.test_store import WITKOFF, make_facts

# Forty articles, two sentences each; the words repeat so that a search has many matches.
WORDS = ("grain", "ports", "harbour", "ferries", "strike", "tariffs", "wheat", "storm")


def text_of(number: int) -> str:
    first = f"The {WORDS[number % 8]} report mentions {WORDS[(number * 3) % 8]} again."
    second = f"Officials discussed {WORDS[(number + 5) % 8]} and grain with envoys {number}."
    return f"{first} {second}"


def fill(store: Store, count: int = 40) -> list[str]:
    ids = [f"n{number:02d}" for number in range(count)]
    for number, article_id in enumerate(ids):
        store.ingest(
            make_facts(article_id, url=f"https://e.org/{article_id}", text=text_of(number))
        )
    return ids


def expected(store: Store, query: str, article_ids: list[str], limit: int) -> list[str]:
    """The restricted search as a filter of the whole-base ranking of every match."""
    everything = store.search_sentences(query, limit=10_000)
    ranked = [
        (round(score, 9), f"{s.article_id}:{s.index}")
        for s, score in everything
        if s.article_id in set(article_ids)
    ]
    return [key for _, key in ranked][:limit]


def found(store: Store, query: str, article_ids: list[str], limit: int) -> list[str]:
    hits = store.search_sentences(query, limit=limit, article_ids=article_ids)
    return [f"{s.article_id}:{s.index}" for s, _ in hits]


@pytest.mark.parametrize("size", [5, 19, 20, 25, 40])
def test_restricted_search_keeps_exactly_the_articles_matches(store: Store, size: int) -> None:
    ids = fill(store)
    chosen = ids[::2][:size] if size <= 20 else ids[:size]
    for query in ("grain", "harbour strike", "wheat tariffs storm"):
        for _ in range(2):  # the second time from the kept set
            result = found(store, query, chosen, 200)
            assert set(r.split(":")[0] for r in result) <= set(chosen)
            assert sorted(result) == sorted(expected(store, query, chosen, 200))
    # Bounded by the limit, best first.
    assert len(found(store, "grain", ids, 7)) == 7


def test_kept_sets_follow_updates_and_deletions(store: Store) -> None:
    ids = fill(store)
    before = found(store, "harbour", ids, 200)
    assert "n02:0" in before and not any(hit.startswith("n03:") for hit in before)
    # n02 rewritten without the word, n03 gains it: their new sentences have new ids.
    store.ingest(make_facts("n02", url="https://e.org/n02", text="Nothing here. Nothing else."))
    store.ingest(make_facts("n03", url="https://e.org/n03", text="A harbour opens. Quiet."))
    after = found(store, "harbour", ids, 200)
    assert "n02:0" not in after and "n03:0" in after
    assert sorted(after) == sorted(expected(store, "harbour", ids, 200))
    store.delete_article("n03")
    assert not any(hit.startswith("n03:") for hit in found(store, "harbour", ids, 200))
    # Articles with no sentences at all: nothing, not an error.
    assert found(store, "harbour", [f"missing-{n}" for n in range(30)], 10) == []


def test_many_different_sets_are_searched_right(store: Store) -> None:
    ids = fill(store, count=60)
    # More sets than are kept: the oldest are replaced, and come back right.
    sets = [ids[start : start + 20] for start in range(0, _ARTICLE_SET_SLOTS + 5)]
    for _ in range(2):
        for chosen in sets:
            assert sorted(found(store, "grain", chosen, 100)) == sorted(
                expected(store, "grain", chosen, 100)
            )


def test_kept_sets_see_writes_by_another_connection(tmp_path: Path) -> None:
    path = tmp_path / "facts.db"
    with Store.open(path) as reader, Store.open(path) as writer:
        ids = fill(writer)
        assert "n02:0" in found(reader, "harbour", ids, 200)
        writer.ingest(make_facts("n02", url="https://e.org/n02", text="Gone. Gone again."))
        writer.ingest(make_facts("n03", url="https://e.org/n03", text="A harbour. Quiet."))
        after = found(reader, "harbour", ids, 200)
        assert "n02:0" not in after and "n03:0" in after


def test_quotes_of_several_speaker_ids_are_one_newest_first_list(store: Store) -> None:
    # make_facts' quote is Steve Witkoff's; the same man under a second id in other articles.
    days = [date(2026, 1, day) for day in (5, 9, 2, 9, 7, 1)]
    for number, day in enumerate(days):
        facts = make_facts(f"q{number}", url=f"https://e.org/q{number}", quote_day=day)
        if number % 2:
            quote = facts.quotes[0].model_copy(update={"speaker_id": "person:witkoff"})
            facts = facts.model_copy(update={"quotes": (quote,)})
        store.ingest(facts)
    ids = [WITKOFF, "person:witkoff"]
    every = store.quotes(speaker_ids=ids, limit=50)
    # Newest said-on day first; on the same day the later stored article first.
    assert [(q.article_id, q.said_on) for q in every] == [
        ("q3", date(2026, 1, 9)),
        ("q1", date(2026, 1, 9)),
        ("q4", date(2026, 1, 7)),
        ("q0", date(2026, 1, 5)),
        ("q2", date(2026, 1, 2)),
        ("q5", date(2026, 1, 1)),
    ]
    assert store.quotes(speaker_ids=ids, limit=3) == every[:3]
    assert store.quotes(speaker_ids=[*ids, WITKOFF], limit=50) == every
    assert store.quotes(speaker_ids=ids, until=date(2026, 1, 5), limit=2) == every[3:5]
    assert store.quotes(speaker_ids=ids, article_ids=["q1", "q2"]) == [every[1], every[4]]
    assert [q.article_id for q in store.quotes(speaker_ids=["person:witkoff"])] == [
        "q3",
        "q1",
        "q5",
    ]


def test_kept_reads_are_copies_and_follow_every_write(tmp_path: Path) -> None:
    path = tmp_path / "facts.db"
    with Store.open(path) as reader, Store.open(path) as writer:
        fill(writer, count=3)
        reader.articles_mentioning([WITKOFF], limit=1)
        reader.sentences("n01")
        first = reader.sentences("n01")
        assert [s.text for s in first] == [s.text for s in reader.sentences("n01")]
        first.clear()  # a caller's list is its own
        assert len(reader.sentences("n01")) == 2
        newest = reader.articles_mentioning([WITKOFF], limit=10)
        assert newest == ["n02", "n01", "n00"]
        newest.pop()
        assert reader.articles_mentioning([WITKOFF], limit=10) == ["n02", "n01", "n00"]
        # Another connection rewrites n01 and adds n03: the reader sees both.
        writer.ingest(make_facts("n01", url="https://e.org/n01", text="New text. Second."))
        writer.ingest(make_facts("n03", url="https://e.org/n03", text=text_of(3)))
        assert [s.text for s in reader.sentences("n01")] == ["New text.", "Second."]
        assert reader.articles_mentioning([WITKOFF], limit=10) == ["n03", "n01", "n02", "n00"]
        # The reader's own writes too.
        reader.delete_article("n03")
        assert reader.sentences("n03") == []
        assert reader.articles_mentioning([WITKOFF], limit=2) == ["n01", "n02"]
        reader.ingest(make_facts("n02", url="https://e.org/n02", text="Changed. Again."))
        assert [s.text for s in reader.sentences("n02")] == ["Changed.", "Again."]
        assert reader.articles_mentioning([WITKOFF, WITKOFF], limit=10)[0] == "n02"


def test_kept_quotes_and_events_follow_writes(tmp_path: Path) -> None:
    path = tmp_path / "facts.db"
    with Store.open(path) as reader, Store.open(path) as writer:
        for number in range(3):
            writer.ingest(make_facts(f"n{number:02d}", url=f"https://e.org/n{number:02d}"))
        assert reader.quotes(speaker_ids=[WITKOFF], limit=1)[0].article_id == "n02"
        assert reader.events(limit=1)[0].article_id == "n02"
        # The newest article rewritten: its quote and event rows are replaced, and a new row
        # may take the very id the old one had. By another connection, then by the reader.
        for store in (writer, reader):
            text = 'Witkoff spoke. "A new deal," Witkoff said.'
            facts = make_facts("n02", url="https://e.org/n02", text=text)
            event = facts.events[0].model_copy(update={"agenda": ("a new deal",)})
            store.ingest(facts.model_copy(update={"events": (event,)}))
            assert reader.quotes(speaker_ids=[WITKOFF], limit=1)[0].text == '"A new deal,"'
            assert reader.events(limit=1)[0].agenda == ("a new deal",)
            store.ingest(make_facts("n02", url="https://e.org/n02"))
            assert reader.quotes(speaker_ids=[WITKOFF], limit=1)[0].text == '"We want a deal,"'
            assert reader.events(limit=1)[0].agenda == ("nuclear program",)


def test_kept_search_sentences_follow_writes(tmp_path: Path) -> None:
    path = tmp_path / "facts.db"
    with Store.open(path) as reader, Store.open(path) as writer:
        writer.ingest(
            make_facts("g1", url="https://e.org/g1", text="Grain prices fell. Ports shut.")
        )
        assert [s.text for s, _ in reader.search_sentences("grain")] == ["Grain prices fell."]
        # The last article rewritten: its new sentences may take the ids of the old ones.
        for store in (writer, reader):
            text = "Grain exports rose. Ports reopened."
            store.ingest(make_facts("g1", url="https://e.org/g1", text=text))
            assert [s.text for s, _ in reader.search_sentences("grain")] == ["Grain exports rose."]
            store.ingest(
                make_facts("g1", url="https://e.org/g1", text="Grain prices fell. Ports shut.")
            )
            assert [s.text for s, _ in reader.search_sentences("grain")] == ["Grain prices fell."]


def test_sets_of_articles_stored_together_are_kept_as_ranges(store: Store) -> None:
    ids = fill(store)
    # Each article's sentences were stored together: one range an article.
    ranges = store._ranges_of(store._db, ids[:25])
    assert ranges is not None and len(ranges) == 25
    assert all(high - low == 1 for low, high in ranges)  # two sentences each
    assert store._ranges_of(store._db, ["missing"]) == []


def test_articles_not_stored_together_are_searched_by_their_sentence_ids(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = fill(store)
    # As if another article's sentences lay between some article's: no ranges.
    monkeypatch.setattr(Store, "_ranges_of", lambda self, db, ids: None)
    for query in ("grain", "harbour strike"):
        for _ in range(2):
            assert sorted(found(store, query, ids[:30], 200)) == sorted(
                expected(store, query, ids[:30], 200)
            )


@pytest.mark.parametrize(
    "chosen", [["q03", "q17"], ["q05"], [f"q{n:02d}" for n in range(0, 40, 3)]]
)
def test_a_speakers_quotes_in_a_few_articles_are_those_of_all_their_quotes(
    store: Store, chosen: list[str]
) -> None:
    # Many quotes by one speaker (under two ids), a few articles asked: read from the
    # articles, not the speaker's index, and still newest first.
    for number in range(40):
        facts = make_facts(
            f"q{number:02d}",
            url=f"https://e.org/q{number}",
            quote_day=date(2026, 1, 1 + number % 28),
        )
        if number % 2:
            quote = facts.quotes[0].model_copy(update={"speaker_id": "person:witkoff"})
            facts = facts.model_copy(update={"quotes": (quote,)})
        store.ingest(facts)
    ids = [WITKOFF, "person:witkoff"]
    every = store.quotes(speaker_ids=ids, limit=100)
    for limit in (1, 3, 50):
        restricted = store.quotes(speaker_ids=ids, article_ids=chosen, limit=limit)
        assert restricted == [q for q in every if q.article_id in chosen][:limit]
    assert store.quotes(speaker_ids=["person:nobody"], article_ids=chosen) == []


def test_a_groups_quotes_are_the_same_however_they_are_read(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Thirty members, a quote each in forty articles: merged member by member, one query
    # over them all, or walking the day index newest first, the same list.
    for number in range(40):
        facts = make_facts(
            f"g{number:02d}",
            url=f"https://e.org/g{number}",
            quote_day=date(2026, 2, 1 + number % 9),
        )
        quote = facts.quotes[0].model_copy(update={"speaker_id": f"person:m{number % 30}"})
        store.ingest(facts.model_copy(update={"quotes": (quote,)}))
    members = [f"person:m{number}" for number in range(30)] + ["person:nobody"]
    lists = []
    for merged, walked in ((10**9, 10**9), (2, 10**9), (2, 1)):
        monkeypatch.setattr(store_module, "_MERGED_SPEAKERS", merged)
        monkeypatch.setattr(store_module, "_DAY_WALK_QUOTES", walked)
        store._forget_reads()
        lists.append([(q.article_id, q.start) for q in store.quotes(speaker_ids=members, limit=25)])
    assert len(lists[0]) == 25
    assert lists[0] == lists[1] == lists[2]


def test_searches_of_overlapping_sets_give_what_a_fresh_search_gives(store: Store) -> None:
    ids = fill(store, count=60)
    # A set, part of it, a set reaching past it, and one article: the later searches come
    # partly or wholly from the matches kept by the earlier ones.
    sets = [ids[:30], ids[5:25], ids[20:50], ids[40:41], ids[::3]]
    for query in ("grain", "harbour strike", "strike harbour", "wheat tariffs storm"):
        for chosen in sets:
            for limit in (1, 7, 200):
                assert found(store, query, chosen, limit) == expected(store, query, chosen, limit)


def test_kept_matches_cut_short_still_give_the_best(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = fill(store, count=60)
    # Only the five best matches of each search kept: a later search whose best may lie
    # among those left out searches again.
    monkeypatch.setattr(store_module, "_KEPT_MATCHES_READ", 5)
    for chosen in (ids[:40], ids[10:20], ids[:40], ids[30:35]):
        for limit in (3, 5, 50):
            assert found(store, "grain", chosen, limit) == expected(store, "grain", chosen, limit)


def test_kept_matches_follow_writes(store: Store) -> None:
    ids = fill(store)
    assert "n02:0" in found(store, "harbour", ids, 200)
    store.ingest(make_facts("n02", url="https://e.org/n02", text="Nothing here. Nothing else."))
    store.ingest(make_facts("n03", url="https://e.org/n03", text="A harbour opens. Quiet."))
    after = found(store, "harbour", ids[:10], 200)
    assert "n02:0" not in after and "n03:0" in after
    assert after == expected(store, "harbour", ids[:10], 200)


def test_kept_matches_are_bounded(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = fill(store)
    monkeypatch.setattr(store_module, "_KEPT_MATCH_ROWS", 50)
    for query in WORDS:
        found(store, query, ids, 10)
    assert store._kept_match_rows <= 50 or len(store._kept_matches) == 1
    assert found(store, "grain", ids, 10) == expected(store, "grain", ids, 10)


@pytest.mark.parametrize("restricted", [False, True])
def test_search_articles_names_the_articles_of_the_best_sentences(
    store: Store, restricted: bool
) -> None:
    ids = fill(store)
    chosen = ids[3:33] if restricted else None
    for query in ("grain", "harbour strike", "nothing at all"):
        hits = store.search_sentences(query, limit=25, article_ids=chosen)
        articles = store.search_articles(query, limit=25, article_ids=chosen)
        assert articles == list(dict.fromkeys(s.article_id for s, _ in hits))


def _ranked_in_python(store: Store, tokens: list[str], limit: int) -> list[int]:
    """The whole-base search's definition: each pass's newest SEARCH_CANDIDATES matches,
    every-word pass first, ranked together by score, the newest first among equals."""
    passes = [" AND ".join(f'"{t}"' for t in tokens), " OR ".join(f'"{t}"' for t in tokens)]
    scores: dict[int, float] = {}
    for match in passes[1:] if len(tokens) == 1 else passes:
        scores.update(
            store._db.execute(
                "SELECT rowid, bm25(sentences_fts) FROM sentences_fts"
                " WHERE sentences_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
                (match, store_module.SEARCH_CANDIDATES),
            ).fetchall()
        )
        if len(scores) >= limit:
            break
    return [-negated for _, negated in sorted((s, -r) for r, s in scores.items())[:limit]]


@pytest.mark.parametrize("candidates", [1000, 7])
def test_whole_base_search_ranks_each_pass_in_sqlite_as_defined(
    store: Store, monkeypatch: pytest.MonkeyPatch, candidates: int
) -> None:
    fill(store, count=40)
    monkeypatch.setattr(store_module, "SEARCH_CANDIDATES", candidates)
    for tokens in (["grain"], ["harbour", "strike"], ["wheat", "envoys"], ["storm", "nowhere"]):
        for limit in (1, 5, 30, 200):
            ranked = store._best_matches(store._db, tokens, limit, None)
            assert [rowid for rowid, _ in ranked] == _ranked_in_python(store, tokens, limit)


def test_kept_articles_are_the_stored_ones_and_follow_writes(tmp_path: Path) -> None:
    path = tmp_path / "facts.db"
    with Store.open(path) as reader, Store.open(path) as writer:
        ids = fill(writer, count=5)
        first = reader.articles(ids=ids[:3])
        # Read again (now kept), in the same order, equal to each one read alone.
        again = reader.articles(ids=ids[:3])
        assert [a.id for a in again] == [a.id for a in first]
        assert again == [reader.article(a.id) for a in first]
        assert [a.id for a in reader.articles(limit=2)] == [a.id for a in reader.articles()][:2]
        # Another connection rewrites one, then the reader itself another: both seen.
        writer.ingest(make_facts("n01", url="https://e.org/n01", text="New text. Second."))
        assert next(a for a in reader.articles(ids=ids) if a.id == "n01").text.startswith("New")
        reader.ingest(make_facts("n02", url="https://e.org/n02", text="Changed. Again."))
        assert next(a for a in reader.articles(ids=ids) if a.id == "n02").text.startswith("Cha")
        reader.delete_article("n00")
        assert "n00" not in {a.id for a in reader.articles(ids=ids)}


def test_articles_beyond_what_is_kept_are_all_returned(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = fill(store, count=12)
    monkeypatch.setattr(store_module, "_KEPT_ARTICLE_MODELS", 3)
    everything = store.articles()
    assert sorted(a.id for a in everything) == sorted(ids)
    assert store.articles() == everything
    assert len(store._kept_articles) == 3


def test_whole_base_rankings_are_kept_until_a_write(store: Store) -> None:
    ids = fill(store, count=10)
    first = found(store, "harbour strike", ids, 5)
    whole = [(s.article_id, s.index) for s, _ in store.search_sentences("harbour strike", limit=5)]
    assert store._kept_searches
    again = [(s.article_id, s.index) for s, _ in store.search_sentences("harbour strike", limit=5)]
    assert again == whole and found(store, "harbour strike", ids, 5) == first
    store.ingest(make_facts("n99", url="https://e.org/n99", text="Harbour strike ends. Calm."))
    assert not store._kept_searches
    assert store.search_sentences("harbour strike", limit=1)[0][0].article_id == "n99"


def test_long_whole_base_rankings_are_not_kept(store: Store) -> None:
    fill(store, count=10)
    store.search_sentences("grain", limit=store_module._KEPT_SEARCH_LIMIT + 1)
    assert not store._kept_searches
    store.search_sentences("grain", limit=store_module._KEPT_SEARCH_LIMIT)
    assert len(store._kept_searches) == 1


@pytest.mark.parametrize("restricted", [False, True])
def test_search_hits_are_the_best_sentences_without_reading_them(
    store: Store, restricted: bool
) -> None:
    ids = fill(store)
    chosen = ids[5:30] if restricted else None
    for query in ("grain", "harbour strike", "nothing at all"):
        sentences = store.search_sentences(query, limit=12, article_ids=chosen)
        hits = store.search_hits(query, limit=12, article_ids=chosen)
        assert [article_id for _, article_id in hits] == [s.article_id for s, _ in sentences]
        texts = store.sentence_texts([rowid for rowid, _ in hits])
        assert [texts[rowid] for rowid, _ in hits] == [s.text for s, _ in sentences]


def test_sentence_texts_of_sentences_gone_are_left_out(store: Store) -> None:
    ids = fill(store, count=3)
    hits = store.search_hits("grain", limit=10, article_ids=ids)
    store.ingest(make_facts("n01", url="https://e.org/n01", text="Other words. None here."))
    texts = store.sentence_texts([rowid for rowid, _ in hits])
    assert set(texts) <= {rowid for rowid, _ in hits}
    assert not any("grain" in text for rowid, text in texts.items() if text.startswith("Other"))
    assert store.sentence_texts([]) == {}


def test_quotes_read_by_id_after_sorting_are_those_read_whole(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(6):
        store.ingest(make_facts(f"q{number}", url=f"https://e.org/q{number}"))
    every = store.quotes(limit=100)
    assert store.quotes(limit=100) == every  # from the kept models
    store._kept_quotes.clear()
    # With room for two models only, a read of six still returns all six, in order.
    monkeypatch.setattr(store_module, "_KEPT_MODELS", 2)
    assert store.quotes(limit=100) == every
    assert store.quotes(speaker_ids=[WITKOFF], article_ids=["q1", "q4"]) == [
        q for q in every if q.article_id in ("q1", "q4")
    ]


def test_article_ids_are_those_articles_gives_in_its_order(store: Store) -> None:
    # Published on different days, two on the same day and one undated: the order is
    # newest day first, then the newest published, then the last stored; undated last.
    days = [3, 1, 3, 2, None, 5]
    for number, day in enumerate(days):
        published = None if day is None else datetime(2026, 3, day, 8 + number, tzinfo=UTC)
        store.ingest(make_facts(f"d{number}", url=f"https://e.org/d{number}", published=published))
    assert store.article_ids() == [a.id for a in store.articles()]
    assert store.article_ids(limit=2) == [a.id for a in store.articles(limit=2)]
    chosen = ["d4", "d1", "d2", "nowhere"]
    assert store.article_ids(ids=chosen) == [a.id for a in store.articles(ids=chosen)]
    since = date(2026, 3, 2)
    assert store.article_ids(since=since) == [a.id for a in store.articles(since=since)]
    until = date(2026, 3, 3)
    assert store.article_ids(until=until, limit=2) == [
        a.id for a in store.articles(until=until, limit=2)
    ]
    assert store.article_ids() == ["d5", "d2", "d0", "d3", "d1", "d4"]
