"""The fact store: the only module that speaks SQL. SQLite (WAL) is the embedded default.

Schema (version ``SCHEMA_VERSION``; ``MIGRATIONS[n - 1]`` takes a file from version n-1 to n)::

    schema_version(version)                      one row: the version this file was written with
    ingest_log(seq PK AUTOINCREMENT, ...)        one row per stored article version; ``seq`` is
                                                 monotonic and never reused (alerts: "since seq")
    articles(id PK, seq, url, content_hash, title, source, published_utc, day, summary, data)
        data = the whole ``Article`` as JSON; the other columns exist to filter and sort;
        content_hash (of everything but the id) makes re-ingesting the same article a no-op
    sentences(id PK, article_id, idx, start, end, paragraph, text)
    sentences_fts                                FTS5 (porter, unicode61) over sentences.text,
                                                 external content, kept in step by ``ingest``
    entities(id PK, kind, name, country, article_count)
                                                 merged across articles by ``Entity.id``;
                                                 article_count orders by prominence
    entity_aliases(entity_id, alias, article_id) aliases, remembered per article
    entity_roles(id PK, entity_id, article_id, title, affiliation, as_of, start, end)
                                                 roles keep the article that stated them
    mentions(entity_id, article_id, seq, spans)  which articles mention which entity (+ spans)
    quotes(id PK, article_id, seq, speaker_id, kind, day, start, data)
    events(id PK, event_id, article_id, seq, kind, status, day_start, day_end, city,
           country, data)
    event_participants(event_row, entity_id)     who takes part, for "events with X"
    claims(id PK, article_id, seq, attributed_to, day, start, data)
    subscriptions(id PK, chat_id, topic_key, topic, created_seq)   the bot's /follow (v2)
    state(key PK, value)                         small key/value state for the bot (v2)

``data`` columns hold the pydantic model as JSON (what reads return); the columns beside them
exist to filter and sort, and each filter the answering engine uses has an index: quotes by
(speaker_id, day), day, and (article_id, speaker_id, day, seq, start) (v5: a speaker's quotes
in given articles without reading the table), events by day_start, participant, city and
country (v4), mentions by (entity, seq), articles by url, content hash and (day, published,
seq).

Every table that holds facts references ``articles(id) ON DELETE CASCADE``, so replacing an
article removes exactly its old facts (and an entity no other article mentions). ``day``
columns hold ISO dates (a quote's said-on date, else its article's publication date);
undated rows hold ``UNDATED`` so that "newest first" can walk an index instead of sorting.

Every public method takes the store's lock, so one ``Store`` may be shared by worker threads
(the bot answers via ``asyncio.to_thread``). Every ``sqlite3`` error surfaces as ``StoreError``
with a one-line message naming the database file.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import os
import re
import sqlite3
import threading
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date
from enum import StrEnum
from operator import itemgetter
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field

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
    Quote,
    QuoteKind,
    Role,
    Sentence,
    SourceRef,
    Span,
    entity_id,
)

_Model = TypeVar("_Model", bound=BaseModel)
_Value = TypeVar("_Value")

UNDATED = "0000-00-00"
"""The sort key of an undated fact: before every real ISO date, so newest-first puts it last."""

# --------------------------------------------------------------------------- result models


class IngestStatus(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    SKIPPED = "skipped"


class IngestResult(BaseModel):
    """What ``Store.ingest`` did with one article."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    status: IngestStatus
    article_id: str
    seq: int
    sentences: int = 0
    quotes: int = 0
    events: int = 0
    claims: int = 0
    entities: int = 0
    new_entities: int = 0


class FactsSince(BaseModel):
    """Facts ingested after a sequence number: what the bot's alerts are made of."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    since_seq: int
    last_seq: int = Field(description="the facts are complete through this sequence number")
    articles: tuple[Article, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()


# --------------------------------------------------------------------------- schema


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run several statements inside the caller's transaction.

    ``executescript`` would commit first, so a failed migration could leave a half-built schema.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            db.execute(pending)
            pending = ""
    if pending.strip():
        db.execute(pending)


def _migrate_1(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE ingest_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id TEXT NOT NULL,
            status TEXT NOT NULL
        );
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            url TEXT,
            content_hash TEXT NOT NULL,
            title TEXT NOT NULL,
            source TEXT,
            published_utc TEXT,
            day TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            data TEXT NOT NULL
        );
        CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
        CREATE INDEX articles_hash ON articles(content_hash);
        CREATE INDEX articles_seq ON articles(seq);

        CREATE TABLE sentences (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            paragraph INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX sentences_article ON sentences(article_id, idx);
        -- Kept in step by the store itself, not by triggers: a per-row trigger made
        -- ingest several times slower than one INSERT ... SELECT per article.
        CREATE VIRTUAL TABLE sentences_fts USING fts5(
            text, content='sentences', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            country TEXT
        );
        CREATE TABLE entity_aliases (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (entity_id, alias, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX entity_aliases_article ON entity_aliases(article_id);
        CREATE TABLE entity_roles (
            id INTEGER PRIMARY KEY,
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            article_id TEXT REFERENCES articles(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            affiliation TEXT,
            as_of TEXT,
            start INTEGER,
            "end" INTEGER
        );
        CREATE INDEX entity_roles_entity ON entity_roles(entity_id);
        CREATE INDEX entity_roles_article ON entity_roles(article_id);
        CREATE TABLE mentions (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            spans TEXT NOT NULL,
            PRIMARY KEY (entity_id, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE INDEX mentions_entity_seq ON mentions(entity_id, seq);

        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            speaker_id TEXT,
            kind TEXT NOT NULL,
            day TEXT NOT NULL,
            start INTEGER NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX quotes_article ON quotes(article_id, start);
        CREATE INDEX quotes_speaker_day ON quotes(speaker_id, day, seq);
        CREATE INDEX quotes_day ON quotes(day, seq);

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            day_start TEXT NOT NULL,
            day_end TEXT NOT NULL,
            city TEXT COLLATE NOCASE,
            country TEXT COLLATE NOCASE,
            data TEXT NOT NULL
        );
        CREATE INDEX events_article ON events(article_id);
        CREATE INDEX events_event_id ON events(event_id);
        CREATE INDEX events_day ON events(day_start, seq);
        CREATE TABLE event_participants (
            event_row INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,
            PRIMARY KEY (entity_id, event_row)
        ) WITHOUT ROWID;
        CREATE INDEX event_participants_event ON event_participants(event_row);

        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            attributed_to TEXT,
            day TEXT NOT NULL,
            start INTEGER NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX claims_article ON claims(article_id, start);
        CREATE INDEX claims_day ON claims(day, seq);
        """,
    )


def _migrate_2(db: sqlite3.Connection) -> None:
    # The bot's own tables came after the fact tables: a fact base built by the CLI alone
    # (version 1) gains them when the bot first opens it.
    _run_script(
        db,
        """
        CREATE TABLE subscriptions (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL,
            topic_key TEXT NOT NULL,
            topic TEXT NOT NULL,
            created_seq INTEGER NOT NULL DEFAULT 0,
            UNIQUE (chat_id, topic_key)
        );
        CREATE INDEX subscriptions_topic ON subscriptions(topic_key);
        CREATE TABLE state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
    )


def _migrate_3(db: sqlite3.Connection) -> None:
    # Measured with ~10,000 articles: listing entities by prominence and articles by date
    # sorted whole tables; a maintained article count and a date index make both index walks.
    # Early version-1 files kept the full-text index in step with triggers, which made ingest
    # several times slower; the store now does it itself (both at once would index twice).
    _run_script(
        db,
        """
        DROP TRIGGER IF EXISTS sentences_ai;
        DROP TRIGGER IF EXISTS sentences_ad;
        DROP INDEX IF EXISTS quotes_seq;
        DROP INDEX IF EXISTS events_seq;
        DROP INDEX IF EXISTS articles_published;
        DROP INDEX IF EXISTS entities_kind;
        CREATE INDEX articles_newest ON articles(day, published_utc, seq);
        ALTER TABLE entities ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
        UPDATE entities SET article_count =
            (SELECT count(*) FROM mentions WHERE mentions.entity_id = entities.id);
        CREATE INDEX entities_prominence ON entities(article_count);
        CREATE INDEX entities_kind_prominence ON entities(kind, article_count);
        """,
    )


def _migrate_4(db: sqlite3.Connection) -> None:
    # Measured with ~10,000 articles: "events in Helsinki" walked the whole date index (a
    # rare place), ~2 ms an event question; ``Store.events`` now looks a rare place up here.
    _run_script(
        db,
        """
        CREATE INDEX events_city ON events(city);
        CREATE INDEX events_country ON events(country);
        """,
    )


def _migrate_5(db: sqlite3.Connection) -> None:
    # A speaker's quotes in the reports on a topic (hundreds of articles, ~12 quotes each)
    # were found through quotes_article and each row read from the table to test its
    # speaker and sort it (~1 us a row, ~3,600 rows: 1.5-4 ms a question about a president
    # at 10k); with the speaker and the sort keys in the index, the table is not read.
    # Built from the stored quotes when an older file is opened.
    _run_script(
        db,
        """
        CREATE INDEX quotes_article_speaker ON quotes(article_id, speaker_id, day, seq, start);
        """,
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _migrate_1,
    _migrate_2,
    _migrate_3,
    _migrate_4,
    _migrate_5,
)
"""``MIGRATIONS[n - 1]`` brings a database from version ``n - 1`` to version ``n``."""

SCHEMA_VERSION = len(MIGRATIONS)


# --------------------------------------------------------------------------- search queries

_STOPWORD_TEXT = """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    tell say said says please anything know latest news today yesterday
"""
# Words that say nothing about what a sentence is about; left in, an OR query matches everything.
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_TOKEN = re.compile(r"\w+", re.UNICODE)


SEARCH_CANDIDATES = 1000
"""How many of the newest matching sentences one search pass ranks (see ``search_sentences``)."""


# Matches per article below which an article-restricted search looks up each match's
# article rather than collecting the articles' sentence ids (see ``search_sentences``).
_LOOKED_UP_MATCHES_PER_ARTICLE = 12

_ARTICLE_SET_MIN = 20
"""From how many articles a restricted search keeps their sentence ids in a temp table."""
_ARTICLE_SET_SLOTS = 24
"""How many such sets of articles are kept (the least recently searched goes first): an
answer uses 3-5, and a question file of ~40 questions at 10k kept its repeats warm with 24."""
_KEPT_RANGES = 200_000
"""How many articles' sentence id ranges are kept before they are all read again."""
# Quotes stored per article, about (11.5 at 10k articles), and the most articles a quote
# read by speaker walks the articles' index for (see ``quotes``).
_QUOTES_PER_ARTICLE = 12
_QUOTE_ARTICLES = 500
# Up to how many speaker ids a quote read merges each one's newest quotes (see ``quotes``).
_MERGED_SPEAKERS = 24
# From how many quotes of a group's members their newest are found walking the day index.
_DAY_WALK_QUOTES = 4000
# How much more often than elsewhere a search's words are in the articles it is restricted to
# (a speaker's reports on the topic asked): for guessing whether they hold more matches than
# asked for (see ``_match_set``).
_ABOUT_THEM = 3
_KEPT_ARTICLES = 512
"""How many articles' sentences the store keeps after reading them (see ``sentences``)."""
_KEPT_MENTION_LISTS = 128
"""How many ``articles_mentioning`` answers the store keeps."""
_KEPT_MODELS = 8192
"""How many parsed quotes, and as many events, the store keeps (see ``_parsed``)."""
_KEPT_SENTENCE_ROWS = 16384
"""How many sentences found by searches the store keeps, by id."""
_KEPT_ARTICLE_MODELS = 1024
"""How many parsed articles the store keeps (see ``articles``); ~10 KB each."""
_KEPT_SEARCHES = 1024
"""How many whole-base search rankings the store keeps (see ``search_sentences``)."""
_KEPT_SEARCH_LIMIT = 400
"""The longest ranking kept (answering asks for 30-400): ~100 bytes a sentence, so the kept
rankings stay within ~40 MB even at their longest."""
_KEPT_MATCH_ROWS = 200_000
"""How many matches of article-restricted searches the store keeps, over all their words
(see ``_Matches``); about 100 bytes each."""
_NO_HIGHER_ID = 2**63 - 1
"""Above every sentence id (SQLite's largest integer)."""
_BLOCK_SHIFT = 6
"""Sentence ids by blocks of 2**_BLOCK_SHIFT (64): an article set's block mask marks the
blocks holding its sentences (see ``Store._set_test``)."""
_KEPT_ENTITIES = 4096
"""How many entities (without mentions) the store keeps after reading them."""
_WARM_ENTITIES = 50
"""How many of the most mentioned entities a start-up reads (see ``warm_searches``)."""
_WARM_FACTS = 300
"""How many of the newest events, and as many quotes, a start-up parses (see
``warm_searches``)."""
_KEPT_MATCHES_READ = 4000
"""At most how many matches one restricted search keeps (its best): past that, the kept
matches answer only searches whose results all rank above the weakest kept."""


def content_tokens(text: str) -> list[str]:
    """The distinct content words of free text, casefolded, in order; stopwords dropped.

    Tokens are runs of letters and digits only, so quoting them makes any user input safe to
    give FTS5: nothing can be read as its syntax (``AND``, ``NEAR``, ``*``, ``col:``, quotes).
    """
    seen: dict[str, None] = {}
    for token in _TOKEN.findall(text.casefold()):
        token = token.strip("_")
        if token and token not in _STOPWORDS:
            seen.setdefault(token, None)
    return list(seen)


def fts_query(text: str) -> str | None:
    """Free text as a safe FTS5 query: its content words, quoted, OR-ed; None when none are left."""
    tokens = content_tokens(text)
    return " OR ".join(f'"{token}"' for token in tokens) if tokens else None


def topic_key(topic: str) -> str:
    """How two spellings of a followed topic are recognised as the same: case and spacing folded."""
    return " ".join(topic.casefold().split())


# --------------------------------------------------------------------------- the store


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _content_hash(article: Article) -> str:
    # The id is left out so that the same content arriving under a second id (a mirrored
    # feed, a corpus duplicate) is recognised as the same article and stored once.
    payload = article.model_dump_json(exclude={"id"})
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _chunks(values: Sequence[_Value], size: int = 500) -> Iterator[Sequence[_Value]]:
    """Slices small enough for SQLite's limit on bound parameters."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _placeholders(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


class _Where:
    """A WHERE clause built from the optional filters a read method was given."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[object] = []

    def add(self, clause: str, *params: object) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def one_of(self, column: str, values: Sequence[object] | None) -> None:
        if values is not None:
            self.add(f"{column} IN ({_placeholders(values)})", *values)

    def dated(self, since: date | None, until: date | None, start: str, end: str) -> None:
        """Rows whose [start, end] days overlap [since, until]; undated rows never pass until."""
        if since is not None:
            self.add(f"{end} >= ?", since.isoformat())
        if until is not None:
            self.add(f"{start} <= ? AND {start} != ?", until.isoformat(), UNDATED)

    def sql(self) -> str:
        return "WHERE " + " AND ".join(self.clauses) if self.clauses else ""


class _Matches:
    """Every match of one full-text query in the articles it was searched in, kept by
    article, so that a later search of the same words in some of those articles is a
    filter, not another search.

    A restricted search of common words costs the walk of their every match in the base
    (~5-10 ms at 10k articles, however few the articles), and a quote answer searches the
    same topic words in overlapping sets of a speaker's reports three or four times. A
    match's BM25 score does not depend on which articles are searched, so the best matches
    in any of the articles are the best of the kept ones.
    """

    __slots__ = ("by_article", "cut", "size")

    def __init__(self) -> None:
        # article id -> its matches as (bm25, -rowid, article id): sorting them ranks them
        # best first, the newest first among equals, as ``search_sentences`` does.
        self.by_article: dict[str, list[tuple[float, int, str]]] = {}
        # article id -> the last match kept of the search that read it, as (bm25, -rowid),
        # when that search found more than _KEPT_MATCHES_READ and kept the best only.
        self.cut: dict[str, tuple[float, int]] = {}
        self.size = 0


def _held_split(order: list[str], held: list[str]) -> tuple[str, str | None] | None:
    """For ``search_hits_holding``: the held words' query, and "held AND others" with its
    words in the query's order (``order``), when BM25 scores its matches to the last bit as
    the whole query does; None when it may not (search the whole query instead).

    BM25 adds the words' parts in the order the query names them. "held AND others" names
    the held words first (or last): the query's order when they come before (or after) all
    the others in it; otherwise only when a sentence can have at most two parts, one held
    word and one other (two numbers add the same either way round)."""
    wanted = set(held)
    if not wanted <= set(order):
        return None  # a held word the query lacks: its sentences are not the query's
    inside = [t for t in order if t in wanted]
    others = [t for t in order if t not in wanted]
    held_match = " OR ".join(f'"{t}"' for t in inside)
    if not others:
        return held_match, None  # the held words are the whole query
    other_match = " OR ".join(f'"{t}"' for t in others)
    if order == inside + others or (len(inside) == 1 and len(others) == 1):
        return held_match, f"({held_match}) AND ({other_match})"
    if order == others + inside:
        return held_match, f"({other_match}) AND ({held_match})"
    return None


def _block_mask(ranges: Sequence[tuple[int, int]], high: int) -> bytes:
    """A byte per block of sentence ids up to ``high``, 1 where one of the ranges has a
    sentence (see ``Store._set_test``)."""
    mask = bytearray((high >> _BLOCK_SHIFT) + 1)
    for low, top in ranges:
        first, last = low >> _BLOCK_SHIFT, top >> _BLOCK_SHIFT
        mask[first : last + 1] = b"\x01" * (last - first + 1)
    return bytes(mask)


def _in_article_set(table: str) -> str:
    """The condition that a full-text match ``f`` is one of the sentences a temp table of
    ``Store._article_set`` holds.

    A ranges table keeps a match when the range starting last at or before it reaches it:
    one seek in the ranges' rowid tree. A set table is tested by "+f.rowid IN": without the
    "+" the ids would be handed to FTS5 as a list of rowids, each one a new search.
    """
    if table.startswith("article_ranges_"):
        return (
            f"(SELECT hi FROM temp.{table} WHERE lo <= f.rowid ORDER BY lo DESC LIMIT 1) >= f.rowid"
        )
    return f"+f.rowid IN (SELECT id FROM temp.{table})"


class Store:
    """The fact base. Open with ``Store.open(path)``; ``":memory:"`` for tests."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self._db = connection
        self.path = path
        self._lock = threading.RLock()
        self.schema_version = 0
        # Sentence ids of the article sets restricted searches were asked (see
        # ``_article_set``): set -> (temp table slot, lowest id, highest id, by ranges).
        self._article_sets: OrderedDict[frozenset[str], tuple[int, int, int, bool]] = OrderedDict()
        self._article_set_tables = False
        # The block mask of each ranges table's set (see ``_set_test``), by table name.
        self._set_masks: dict[str, bytes] = {}
        # Each article's sentence ids as one range (lowest, highest), None when other ids
        # fall between them; forgotten with the kept reads.
        self._sentence_ranges: dict[str, tuple[int, int] | None] = {}
        # Reads answers repeat (an article's sentences, the newest reports of a name): kept,
        # bounded, and forgotten on any write (see ``_forget_reads``).
        self._kept_sentences: OrderedDict[str, tuple[Sentence, ...]] = OrderedDict()
        self._kept_mentions: OrderedDict[tuple[tuple[str, ...], int], tuple[str, ...]] = (
            OrderedDict()
        )
        self._kept_quotes: OrderedDict[int, Quote] = OrderedDict()
        self._kept_rows: OrderedDict[int, Sentence] = OrderedDict()  # found by searches
        self._kept_events: OrderedDict[int, Event] = OrderedDict()
        self._kept_articles: OrderedDict[str, Article] = OrderedDict()
        # Entities without mentions, by id (see ``entities_by_ids``).
        self._kept_entities: OrderedDict[str, Entity] = OrderedDict()
        self._kept_searches: OrderedDict[
            tuple[tuple[str, ...], int], tuple[tuple[int, float], ...]
        ] = OrderedDict()
        # Matches of article-restricted searches by query (see ``_Matches``).
        self._kept_matches: OrderedDict[str, _Matches] = OrderedDict()
        self._kept_match_rows = 0
        # How many sentences hold a word (see ``word_rows``).
        self._kept_word_rows: OrderedDict[str, int] = OrderedDict()
        self._read_version = -1  # PRAGMA data_version the kept reads were made at

    # ----------------------------------------------------------------------- lifecycle

    @classmethod
    def open(cls, path: str | Path, *, schema_version: int | None = None) -> Store:
        """Open (creating and migrating) the fact base at ``path``.

        Args:
            path: a file path, or ``":memory:"`` for a private in-memory store.
            schema_version: migrate only up to this version (tests of migrations use it to
                build an old database); default: the newest.

        Raises:
            SchemaVersionError: the file was written by a newer newsdesk.
            StoreError: the file cannot be opened or created, or is not a newsdesk fact base.
        """
        name = str(path)
        if name != ":memory:":
            name = os.path.expanduser(name)  # NEWSDESK_DB="~/..." is not expanded by a shell
        target = SCHEMA_VERSION if schema_version is None else schema_version
        if name != ":memory:":
            parent = Path(name).parent
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(
                    f"{name}: cannot create the directory for the fact base: "
                    f"{error.strerror or error}"
                ) from None
            if Path(name).is_dir():
                raise StoreError(f"{name}: is a directory, not a fact base file")
        try:
            # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE ... COMMIT) so
            # that one article is exactly one transaction.
            # cached_statements: the statements of answering (IN lists of many lengths) are
            # ~560 distinct over the 322 bench questions; the default 128 re-prepared 1,347
            # of 11,263 executions (~40 us each), 1,024 only the first use of each.
            connection = sqlite3.connect(
                name,
                check_same_thread=False,
                isolation_level=None,
                timeout=10.0,
                cached_statements=1024,
            )
        except sqlite3.Error as error:
            raise StoreError(f"{name}: cannot open the fact base: {error}") from None
        store = cls(connection, name)
        try:
            store._configure()
            store._migrate(target)
        except sqlite3.Error as error:
            connection.close()
            raise StoreError(f"{name}: cannot open the fact base: {_reason(error)}") from None
        except StoreError:
            connection.close()
            raise
        return store

    def _configure(self) -> None:
        db = self._db
        # Reading the schema first makes "file is not a database" surface here, at open.
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if self.path != ":memory:":
            db.execute("PRAGMA journal_mode=WAL").fetchone()
            # In WAL mode NORMAL is still crash-safe (a commit may roll back on power loss,
            # never corrupt) and saves an fsync per article.
            db.execute("PRAGMA synchronous=NORMAL")
            # Checkpoints (copying the WAL back and syncing) dominated bulk ingest at the
            # default of 1000 pages; a larger WAL checkpoints less often and merges rewrites
            # of the same pages. 10000 pages is about 40 MB of WAL at most.
            db.execute("PRAGMA wal_autocheckpoint=10000")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=10000")
        db.execute("PRAGMA temp_store=MEMORY")
        db.execute("PRAGMA cache_size=-32768")  # 32 MB: the indexes the engine walks stay hot
        # Pages read through a memory map, not copied by a read call each: the first answer
        # touching a common word's index pages costs page faults, not thousands of reads.
        db.execute("PRAGMA mmap_size=1073741824").fetchone()

    def _migrate(self, target: int) -> None:
        db = self._db
        tables = {
            row[0]
            for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
        }
        if "schema_version" in tables:
            row = db.execute("SELECT max(version) FROM schema_version").fetchone()
            current = int(row[0]) if row and row[0] is not None else 0
        elif tables:
            raise StoreError(f"{self.path}: is an SQLite database but not a newsdesk fact base")
        else:
            current = 0
        if current > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.path}: the fact base has schema version {current}, newer than this "
                f"newsdesk supports ({SCHEMA_VERSION}); upgrade newsdesk or use another --db"
            )
        if current < target:
            db.execute("BEGIN IMMEDIATE")
            try:
                if current == 0:
                    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
                    db.execute("INSERT INTO schema_version VALUES (0)")
                for version in range(current + 1, target + 1):
                    MIGRATIONS[version - 1](db)
                db.execute("UPDATE schema_version SET version = ?", (target,))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            current = target
        self.schema_version = current

    def close(self) -> None:
        """Close the connection; further use raises ``StoreError``."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _guard(self, action: str) -> Iterator[sqlite3.Connection]:
        """Hold the lock and turn any sqlite3 error into a one-line ``StoreError``."""
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as error:
                raise StoreError(f"{self.path}: {action}: {_reason(error)}") from None

    @contextmanager
    def _transaction(self, action: str) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back whole (even on Ctrl-C)."""
        with self._guard(action) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    # ----------------------------------------------------------------------- writing

    def ingest(self, facts: ArticleFacts) -> IngestResult:
        """Store one article and its facts in one transaction.

        The same content twice is SKIPPED; a changed article under the same id or URL is
        UPDATED (its old facts removed first); entities merge across articles by id.
        """
        article = facts.article
        digest = _content_hash(article)
        with self._transaction(f"storing article {article.id!r}") as db:
            self._forget_reads()  # an updated article's sentences get new ids
            row = self._stored_version(db, article.id, digest)
            if row is not None and row[2] == digest:
                return IngestResult(
                    status=IngestStatus.SKIPPED, article_id=str(row[0]), seq=int(row[1])
                )
            replaced = {str(row[0])} if row is not None else set()
            if article.url:
                replaced.update(
                    str(r[0])
                    for r in db.execute("SELECT id FROM articles WHERE url = ?", (article.url,))
                )
            status = IngestStatus.UPDATED if replaced else IngestStatus.ADDED
            for old_id in sorted(replaced):
                self._delete_article(db, old_id)
            cursor = db.execute(
                "INSERT INTO ingest_log(article_id, status) VALUES (?, ?)",
                (article.id, status.value),
            )
            seq = int(cursor.lastrowid or 0)
            new_entities = self._insert_facts(db, facts, digest, seq)
        return IngestResult(
            status=status,
            article_id=article.id,
            seq=seq,
            sentences=len(facts.sentences),
            quotes=len(facts.quotes),
            events=len(facts.events),
            claims=len(facts.claims),
            entities=len(facts.entities),
            new_entities=new_entities,
        )

    @staticmethod
    def _stored_version(
        db: sqlite3.Connection, article_id: str, digest: str
    ) -> tuple[Any, ...] | None:
        """(id, seq, content_hash) of the stored article with this id, else of one with this
        content under another id (corpora repeat articles under new ids)."""
        row = db.execute(
            "SELECT id, seq, content_hash FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            row = db.execute(
                "SELECT id, seq, content_hash FROM articles WHERE content_hash = ? LIMIT 1",
                (digest,),
            ).fetchone()
        return tuple(row) if row is not None else None

    def already_stored(self, article: Article) -> IngestResult | None:
        """The SKIPPED result ``ingest`` would give this article, or None if it would store it.

        Lets the pipeline skip extraction of articles it has seen: re-running an ingest or
        re-polling a feed then costs a hash and an index lookup per article.
        """
        digest = _content_hash(article)
        with self._guard("looking up an article") as db:
            row = self._stored_version(db, article.id, digest)
        if row is None or row[2] != digest:
            return None
        return IngestResult(status=IngestStatus.SKIPPED, article_id=str(row[0]), seq=int(row[1]))

    def delete_article(self, article_id: str) -> bool:
        """Remove an article and every fact derived from it; False when it was not stored."""
        with self._transaction(f"deleting article {article_id!r}") as db:
            self._forget_reads()
            return self._delete_article(db, article_id)

    def _delete_article(self, db: sqlite3.Connection, article_id: str) -> bool:
        entity_ids = [
            r[0]
            for r in db.execute(
                "SELECT entity_id FROM mentions WHERE article_id = ?", (article_id,)
            )
        ]
        # An external-content FTS5 index forgets a row only when told its old text.
        db.execute(
            "INSERT INTO sentences_fts(sentences_fts, rowid, text)"
            " SELECT 'delete', id, text FROM sentences WHERE article_id = ?",
            (article_id,),
        )
        deleted = db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0
        # Cascades removed the article's facts; an entity no other article mentions goes too.
        db.executemany(
            "UPDATE entities SET article_count = article_count - 1 WHERE id = ?",
            [(eid,) for eid in entity_ids],
        )
        db.executemany(
            "DELETE FROM entities WHERE id = ? AND article_count <= 0",
            [(eid,) for eid in entity_ids],
        )
        return deleted

    def _insert_facts(
        self, db: sqlite3.Connection, facts: ArticleFacts, digest: str, seq: int
    ) -> int:
        article = facts.article
        aid = article.id
        published_utc = article.published.astimezone(UTC).isoformat() if article.published else None
        article_day = article.published.date().isoformat() if article.published else UNDATED
        db.execute(
            "INSERT INTO articles(id, seq, url, content_hash, title, source, published_utc, day,"
            " summary, data) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                aid,
                seq,
                article.url,
                digest,
                article.title,
                article.source,
                published_utc,
                article_day,
                facts.summary,
                article.model_dump_json(),
            ),
        )
        db.executemany(
            'INSERT INTO sentences(article_id, idx, start, "end", paragraph, text)'
            " VALUES (?,?,?,?,?,?)",
            [(aid, s.index, s.start, s.end, s.paragraph, s.text) for s in facts.sentences],
        )
        db.execute(
            "INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences"
            " WHERE article_id = ?",
            (aid,),
        )

        # Entities: the canonical row is created once; aliases, roles and mentions are kept
        # per article so that replacing an article removes exactly what it contributed.
        by_surface: dict[str, str] = {}
        merged: dict[str, Entity] = {}
        for entity in facts.entities:
            previous = merged.get(entity.id)
            if previous is None:
                merged[entity.id] = entity
            else:
                merged[entity.id] = previous.model_copy(
                    update={
                        "aliases": previous.aliases + entity.aliases,
                        "roles": previous.roles + entity.roles,
                        "mentions": previous.mentions + entity.mentions,
                        "country": previous.country or entity.country,
                    }
                )
        ids = list(merged)
        existing: set[str] = set()
        for chunk in _chunks(ids):
            existing.update(
                str(r[0])
                for r in db.execute(
                    f"SELECT id FROM entities WHERE id IN ({_placeholders(chunk)})", chunk
                )
            )
        db.executemany(
            "INSERT INTO entities(id, kind, name, country, article_count) VALUES (?,?,?,?,0)",
            [
                (e.id, e.kind.value, e.name, e.country)
                for e in merged.values()
                if e.id not in existing
            ],
        )
        db.executemany(
            "UPDATE entities SET country = ? WHERE id = ? AND country IS NULL",
            [(e.country, e.id) for e in merged.values() if e.id in existing and e.country],
        )
        alias_rows: list[tuple[str, str, str]] = []
        role_rows: list[tuple[object, ...]] = []
        mention_rows: list[tuple[str, str, int, str]] = []
        for entity in merged.values():
            by_surface.setdefault(entity.name.casefold(), entity.id)
            aliases = sorted({a for a in entity.aliases if a.strip() and a != entity.name})
            for alias in aliases:
                by_surface.setdefault(alias.casefold(), entity.id)
                alias_rows.append((entity.id, alias, aid))
            # A role always belongs to the article being stored: that is where it was read.
            role_rows.extend(
                (entity.id, aid, r.title, r.affiliation, _iso(r.as_of), r.start, r.end)
                for r in dict.fromkeys(entity.roles)
            )
            spans = [[m.start, m.end] for m in entity.mentions if m.article_id == aid]
            mention_rows.append((entity.id, aid, seq, json.dumps(spans)))
        db.executemany(
            "INSERT OR IGNORE INTO entity_aliases(entity_id, alias, article_id) VALUES (?,?,?)",
            alias_rows,
        )
        db.executemany(
            "INSERT INTO entity_roles(entity_id, article_id, title, affiliation, as_of,"
            ' start, "end") VALUES (?,?,?,?,?,?,?)',
            role_rows,
        )
        db.executemany(
            "INSERT INTO mentions(entity_id, article_id, seq, spans) VALUES (?,?,?,?)",
            mention_rows,
        )
        db.executemany(
            "UPDATE entities SET article_count = article_count + 1 WHERE id = ?",
            [(eid,) for eid in ids],
        )
        new_entities = len(ids) - len(existing)

        quote_rows = []
        for quote in facts.quotes:
            stored = quote
            if stored.speaker_id is None and stored.speaker:
                found = by_surface.get(stored.speaker.casefold())
                if found is not None:
                    stored = stored.model_copy(update={"speaker_id": found})
            day = _iso(stored.said_on) or article_day
            quote_rows.append(
                (
                    aid,
                    seq,
                    stored.speaker_id,
                    stored.kind.value,
                    day,
                    stored.start,
                    stored.model_dump_json(),
                )
            )
        db.executemany(
            "INSERT INTO quotes(article_id, seq, speaker_id, kind, day, start, data)"
            " VALUES (?,?,?,?,?,?,?)",
            quote_rows,
        )

        for event in facts.events:
            participants = []
            for participant in event.participants:
                pid = participant.entity_id or by_surface.get(participant.name.casefold())
                participants.append(pid or entity_id(participant.kind, participant.name))
            day_start = _iso(event.date_start) or _iso(event.reported_on) or article_day
            day_end = _iso(event.date_end) or day_start
            location = event.location
            cursor = db.execute(
                "INSERT INTO events(event_id, article_id, seq, kind, status, day_start, day_end,"
                " city, country, data) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    event.id,
                    aid,
                    seq,
                    event.kind.value,
                    event.status.value,
                    day_start,
                    day_end,
                    location.city if location else None,
                    location.country if location else None,
                    event.model_dump_json(),
                ),
            )
            row_id = cursor.lastrowid
            db.executemany(
                "INSERT OR IGNORE INTO event_participants(event_row, entity_id) VALUES (?,?)",
                [(row_id, pid) for pid in participants],
            )

        db.executemany(
            "INSERT INTO claims(article_id, seq, attributed_to, day, start, data)"
            " VALUES (?,?,?,?,?,?)",
            [
                (
                    aid,
                    seq,
                    claim.attributed_to,
                    _iso(claim.said_on) or article_day,
                    claim.start,
                    claim.model_dump_json(),
                )
                for claim in facts.claims
            ],
        )
        return new_entities

    # ----------------------------------------------------------------------- articles

    def article(self, article_id: str) -> Article | None:
        """One article by id."""
        with self._guard("reading an article") as db:
            row = db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Article.model_validate_json(row[0]) if row else None

    def articles(
        self,
        *,
        limit: int | None = None,
        since: date | None = None,
        until: date | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[Article]:
        """Articles, newest published first (undated last)."""
        with self._guard("reading articles") as db:
            ids = self._article_ids(db, limit, since, until, ids)
            # An article's JSON (its whole text) took ~40 us to validate, and the answers
            # that read articles read the same ones for every question on a topic: the
            # models are kept (frozen: one instance serves every reader), the rest read.
            self._check_read_version(db)
            kept = self._kept_articles
            found: dict[str, Article] = {}
            for article_id in ids:
                article = kept.get(article_id)
                if article is not None:
                    kept.move_to_end(article_id)
                    found[article_id] = article
            missing = [article_id for article_id in ids if article_id not in found]
            for chunk in _chunks(missing):
                for article_id, data in db.execute(
                    f"SELECT id, data FROM articles WHERE id IN ({_placeholders(chunk)})", chunk
                ):
                    article = Article.model_validate_json(data)
                    found[str(article_id)] = article
                    _keep(kept, str(article_id), article, _KEPT_ARTICLE_MODELS)
        return [found[article_id] for article_id in ids if article_id in found]

    def article_ids(
        self,
        *,
        limit: int | None = None,
        since: date | None = None,
        until: date | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[str]:
        """The ids ``articles`` would return (same arguments), in its order, without reading
        the articles: for callers that want which articles and their order, and take titles
        and outlets from ``source_refs``. (Validating an article's JSON, its whole text, costs
        ~30-40 us: ~9 ms for the newest 300 whose outlets a sources answer counts.)"""
        with self._guard("reading articles") as db:
            return self._article_ids(db, limit, since, until, ids)

    def _article_ids(
        self,
        db: sqlite3.Connection,
        limit: int | None,
        since: date | None,
        until: date | None,
        ids: Sequence[str] | None,
    ) -> list[str]:
        where, params = self._article_filter(since, until, ids)
        sql = f"SELECT id FROM articles {where} ORDER BY day DESC, published_utc DESC, seq DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [str(r[0]) for r in db.execute(sql, params).fetchall()]

    @staticmethod
    def _article_filter(
        since: date | None, until: date | None, ids: Sequence[str] | None
    ) -> tuple[str, list[object]]:
        where = _Where()
        where.dated(since, until, "day", "day")
        where.one_of("id", ids)
        return where.sql(), where.params

    def summary(self, article_id: str) -> str:
        """The article's short summary ('' when unknown)."""
        with self._guard("reading a summary") as db:
            row = db.execute("SELECT summary FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row[0]) if row else ""

    def source_ref(self, article_id: str) -> SourceRef | None:
        """Where an article was published: outlet, title, date, url."""
        return self.source_refs([article_id]).get(article_id)

    def source_refs(self, article_ids: Sequence[str]) -> dict[str, SourceRef]:
        """``source_ref`` for many articles in one query."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        with self._guard("reading sources") as db:
            rows = db.execute(
                "SELECT id, source, title, day, url FROM articles"
                f" WHERE id IN ({_placeholders(ids)})",
                ids,
            ).fetchall()
        return {
            str(r[0]): SourceRef(
                article_id=str(r[0]),
                outlet=r[1],
                title=r[2],
                published=date.fromisoformat(r[3]) if r[3] != UNDATED else None,
                url=r[4],
            )
            for r in rows
        }

    def sentences(self, article_id: str) -> list[Sentence]:
        """An article's sentences in order."""
        with self._guard("reading sentences") as db:
            # Half of the articles read in answering had been read before (the reports most
            # about a name, read whole for every question on it): ~0.3 ms each at 10k.
            self._check_read_version(db)
            kept = self._kept_sentences.get(article_id)
            if kept is not None:
                self._kept_sentences.move_to_end(article_id)
                return list(kept)
            rows = db.execute(
                'SELECT article_id, idx, start, "end", text, paragraph FROM sentences'
                " WHERE article_id = ? ORDER BY idx",
                (article_id,),
            ).fetchall()
            # Built directly from the typed columns (an article's every sentence, read for
            # each article an answer quotes: converting each value again cost ~2 ms an answer).
            built = tuple(
                Sentence(
                    article_id=r[0], index=r[1], start=r[2], end=r[3], text=r[4], paragraph=r[5]
                )
                for r in rows
            )
            _keep(self._kept_sentences, article_id, built, _KEPT_ARTICLES)
        return list(built)

    def article_sentence_texts(self, article_id: str) -> list[str]:
        """An article's sentence texts in order, as ``sentences`` gives them: for a caller
        that reads only the words of a whole report (building ~65 Sentence models a report
        cost about as much as reading its words), kept nowhere."""
        with self._guard("reading sentences") as db:
            self._check_read_version(db)
            kept = self._kept_sentences.get(article_id)
            if kept is not None:
                return [s.text for s in kept]
            rows = db.execute(
                "SELECT text FROM sentences WHERE article_id = ? ORDER BY idx", (article_id,)
            ).fetchall()
        return [str(r[0]) for r in rows]

    def _check_read_version(self, db: sqlite3.Connection) -> None:
        """Forget the kept reads when another connection has written since they were made
        (this store's own writes forget them as they happen)."""
        (version,) = db.execute("PRAGMA data_version").fetchone()
        if version != self._read_version:
            self._forget_reads()
            self._read_version = version

    def _forget_reads(self) -> None:
        self._article_sets.clear()
        self._set_masks.clear()
        self._sentence_ranges.clear()
        self._kept_sentences.clear()
        self._kept_mentions.clear()
        self._kept_quotes.clear()
        self._kept_events.clear()
        self._kept_articles.clear()
        self._kept_entities.clear()
        self._kept_searches.clear()
        self._kept_rows.clear()
        self._kept_matches.clear()
        self._kept_match_rows = 0
        self._kept_word_rows.clear()

    def search_sentences(
        self, query: str, *, limit: int = 20, article_ids: Sequence[str] | None = None
    ) -> list[tuple[Sentence, float]]:
        """Full-text search (FTS5 BM25) over sentences; best first, score higher is better.

        ``query`` is free text: it is reduced to its content words, each quoted. Sentences
        holding all of them are searched first, then, if those are fewer than ``limit``,
        sentences holding any. Over the whole fact base each pass ranks only the
        ``SEARCH_CANDIDATES`` most recently stored matches, so that a common word costs a
        few milliseconds, not a ranking of every sentence that has it. With ``article_ids``
        every match in those articles is ranked.
        """
        tokens = content_tokens(query)
        if not tokens:
            return []
        with self._guard("searching sentences") as db:
            scores = dict(self._best_matches(db, tokens, limit, article_ids))
            best = list(scores)
            if not best:
                return []
            # Half the sentences searches find were found before (by another search of the
            # same answer or an earlier question): those are kept by id, the rest read.
            found = self._sentences_by_id(db, best)
        # bm25() is lower-is-better and negative; flip it so callers can treat it as a score.
        return [(found[rowid], -scores[rowid]) for rowid in best if rowid in found]

    def search_articles(
        self, query: str, *, limit: int = 20, article_ids: Sequence[str] | None = None
    ) -> list[str]:
        """The articles of the ``limit`` best matches of ``search_sentences`` (same
        arguments), best first, each once: for callers that want which articles match,
        without reading the sentences."""
        hits = self.search_hits(query, limit=limit, article_ids=article_ids)
        return list(dict.fromkeys(article_id for _, article_id in hits))

    def search_hits(
        self, query: str, *, limit: int = 20, article_ids: Sequence[str] | None = None
    ) -> list[tuple[int, str]]:
        """(sentence id, article id) of the ``limit`` best matches of ``search_sentences``
        (same arguments), best first: where the best matches are, without reading the
        sentences (``sentence_texts`` reads those a caller needs)."""
        tokens = content_tokens(query)
        if not tokens:
            return []
        with self._guard("searching sentences") as db:
            best = [rowid for rowid, _ in self._best_matches(db, tokens, limit, article_ids)]
            articles = _articles_of_sentences(db, best)
        return [(rowid, articles[rowid]) for rowid in best if rowid in articles]

    def sentence_texts(self, sentence_ids: Sequence[int]) -> dict[int, str]:
        """The text of each sentence id that ``search_hits`` gave (those still stored)."""
        ids = list(dict.fromkeys(sentence_ids))
        with self._guard("reading sentences") as db:
            self._check_read_version(db)
            kept = self._kept_rows
            texts = {rowid: kept[rowid].text for rowid in ids if rowid in kept}
            missing = [rowid for rowid in ids if rowid not in texts]
            for chunk in _chunks(missing):
                texts.update(
                    db.execute(
                        f"SELECT id, text FROM sentences WHERE id IN ({_placeholders(chunk)})",
                        chunk,
                    ).fetchall()
                )
        return texts

    def search_sentence_set(
        self, query: str, *, limit: int, article_ids: Sequence[str]
    ) -> list[Sentence]:
        """The sentences of the ``limit`` newest matches (most recently stored: the highest
        ids) of the query's words, any of them, in the articles, in no particular order:
        for callers that use them as a set. All the matches when they are no more.

        The newest, not the best ranked, as the whole-base search ranks only its newest
        matches: ranking every match of a common word in a much-reported person's reports
        (BM25 ~1-2 us a sentence, hundreds to thousands of them) cost ~5-10 ms at 10,000
        articles, where the newest are found by walking the matches down from the highest
        id and stopping at ``limit`` (or read from the kept matches of the same words)."""
        tokens = content_tokens(query)
        ids = list(dict.fromkeys(article_ids))
        if not tokens or not ids or limit <= 0:
            return []
        any_match = " OR ".join(f'"{t}"' for t in sorted(tokens))
        with self._guard("searching sentences") as db:
            self._check_read_version(db)
            kept = self._kept_matches.get(any_match)
            if (
                kept is not None
                and all(article_id in kept.by_article for article_id in ids)
                and not any(article_id in kept.cut for article_id in ids)
            ):
                # Every match of these articles is kept (none left out past a cut).
                by_article = kept.by_article
                found = heapq.nlargest(
                    limit, (-negated for a in ids for _, negated, _ in by_article[a])
                )
            else:
                found = self._newest_matches(db, any_match, ids, limit)
            return list(self._sentences_by_id(db, found).values())

    def _newest_matches(
        self, db: sqlite3.Connection, match: str, ids: list[str], limit: int
    ) -> list[int]:
        """The sentence ids of the ``limit`` newest matches in the articles, newest first:
        FTS5 walks the matches from the highest id down and stops at ``limit``."""
        spans = None if len(ids) >= _ARTICLE_SET_MIN else self._ranges_of(db, ids)
        if spans is not None and not spans:
            return []
        return self._set_matches(db, match, ids, limit, spans, newest=True)

    def _set_matches(
        self,
        db: sqlite3.Connection,
        match: str,
        ids: list[str],
        limit: int,
        spans: Sequence[tuple[int, int]] | None,
        *,
        newest: bool,
    ) -> list[int]:
        """The sentence ids of at most ``limit`` matches in the articles (newest first when
        ``newest``, else in FTS5's order). A large set is tested through its temp table; a
        small one by its sentence ids, within ``spans`` (its runs of ids; None: unknown)."""
        order = " ORDER BY f.rowid DESC" if newest else ""
        if len(ids) >= _ARTICLE_SET_MIN:
            table, low, high = self._article_set(db, ids)
            if low > high:
                return []
            in_set, mask = self._set_test(table)
            rows = db.execute(
                "SELECT f.rowid FROM sentences_fts f WHERE sentences_fts MATCH ?"
                f" AND f.rowid BETWEEN ? AND ? AND {in_set}{order} LIMIT ?",
                [match, low, high, *mask, limit],
            ).fetchall()
        else:
            # FTS5 seeks to the articles' sentences when each is one run of ids.
            low = min((lo for lo, _ in spans), default=0) if spans else 0
            high = max((hi for _, hi in spans), default=0) if spans else _NO_HIGHER_ID
            # The articles' sentence ids collected once, each match probed against them
            # ("+": not handed to FTS5 as rowids, each of which would be a new search).
            rows = db.execute(
                "SELECT f.rowid FROM sentences_fts f WHERE sentences_fts MATCH ?"
                " AND f.rowid BETWEEN ? AND ? AND +f.rowid IN (SELECT id FROM sentences"
                f" WHERE article_id IN ({_placeholders(ids)})){order} LIMIT ?",
                [match, low, high, *ids, limit],
            ).fetchall()
        return [int(r[0]) for r in rows]

    def search_article_set(self, query: str, *, limit: int, article_ids: Sequence[str]) -> set[str]:
        """The articles of ``search_articles``' ``limit`` best matches in the articles (same
        arguments), as a set: found without ranking when they are all the matches (see
        ``search_sentence_set``)."""
        found = self._match_set(query, limit, article_ids)
        if found is None:
            return set(self.search_articles(query, limit=limit, article_ids=article_ids))
        ids = list(dict.fromkeys(article_ids))
        with self._guard("searching sentences") as db:
            return set(self._articles_of_rows(db, ids, found))

    def _match_set(self, query: str, limit: int, article_ids: Sequence[str]) -> list[int] | None:
        """Every match of the query's words in the articles, unranked, when they are no
        more than ``limit``; None when they are more (rank them)."""
        tokens = content_tokens(query)
        ids = list(dict.fromkeys(article_ids))
        if not tokens or not ids:
            return []
        any_match = " OR ".join(f'"{t}"' for t in sorted(tokens))
        with self._guard("searching sentences") as db:
            self._check_read_version(db)
            kept = self._kept_matches.get(any_match)
            if kept is not None and all(article_id in kept.by_article for article_id in ids):
                return None  # ranked already: the kept matches answer at once
            spans = self._ranges_of(db, ids)
            if spans is None:
                return None
            if not spans:
                return []
            # Looking for more than ``limit`` matches costs half a ranking, wasted: expected
            # more (the words' share of the base in the articles' sentences, the articles
            # being about them thrice as often), rank at once.
            held = sum(hi - lo + 1 for lo, hi in spans)
            words = self.word_rows(" ".join(tokens))
            everything = max(self.sentence_rows_bound(), 1)
            if _ABOUT_THEM * sum(words.values()) * held > limit * everything:
                return None
            found = self._set_matches(db, any_match, ids, limit + 1, spans, newest=False)
        return None if len(found) > limit else found

    def _sentences_by_id(
        self, db: sqlite3.Connection, rowids: Sequence[int]
    ) -> dict[int, Sentence]:
        """The sentences of these ids (those stored): kept ones as they are, the others read
        (and kept)."""
        self._check_read_version(db)
        kept = self._kept_rows
        found: dict[int, Sentence] = {}
        missing: list[int] = []
        for rowid in rowids:
            sentence = kept.get(rowid)
            if sentence is None:
                missing.append(rowid)
            else:
                kept.move_to_end(rowid)
                found[rowid] = sentence
        for chunk in _chunks(missing):
            for r in db.execute(
                'SELECT id, article_id, idx, start, "end", text, paragraph FROM sentences'
                f" WHERE id IN ({_placeholders(chunk)})",
                chunk,
            ):
                sentence = Sentence(
                    article_id=r[1], index=r[2], start=r[3], end=r[4], text=r[5], paragraph=r[6]
                )
                found[int(r[0])] = sentence
                _keep(kept, int(r[0]), sentence, _KEPT_SENTENCE_ROWS)
        return found

    def word_rows(self, text: str) -> dict[str, int]:
        """Each content word of the text, as the full-text searches read it, with how many
        sentences hold it (its document frequency, which BM25's IDF is made of); kept until
        the next write."""
        out: dict[str, int] = {}
        with self._guard("counting words") as db:
            self._check_read_version(db)
            for token in content_tokens(text):
                known = self._kept_word_rows.get(token)
                if known is None:
                    (known,) = db.execute(
                        "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?",
                        (f'"{token}"',),
                    ).fetchone()
                    _keep(self._kept_word_rows, token, int(known), _KEPT_SEARCHES)
                out[token] = int(known)
        return out

    def sentence_rows_bound(self) -> int:
        """At least as many as the sentences stored (the highest sentence id): the document
        count BM25's IDF is made of, from above, in one index seek."""
        with self._guard("reading the sentence count") as db:
            (highest,) = db.execute("SELECT max(id) FROM sentences").fetchone()
        return int(highest or 0)

    def search_hits_holding(
        self, query: str, holding: str, *, article_ids: Sequence[str]
    ) -> list[tuple[int, str, float]] | None:
        """(sentence id, article id, score) of the matches of ``query`` in the articles that
        hold a word of ``holding``, best first, scored and ordered exactly as
        ``search_hits`` ranks them (the whole query's BM25, higher is better, the newest
        first among equals).

        The strong end of that ranking without scoring the sentences that hold only the
        query's other words: a common word (a president's name) is in thousands of the
        articles' sentences, and BM25 costs ~1 us a sentence. None when the articles are
        too few for a kept article set (search them whole: that is cheap).
        """
        tokens = content_tokens(query)
        held = content_tokens(holding)
        ids = list(dict.fromkeys(article_ids))
        if not tokens or not held or len(ids) < _ARTICLE_SET_MIN:
            return None
        # The words in the order ``_restricted_matches`` gives them: BM25 sums the words'
        # parts in query order, and the scores must be the same to the last bit.
        order = sorted(tokens)
        any_match = " OR ".join(f'"{t}"' for t in order)
        with self._guard("searching sentences") as db:
            table, low, high = self._article_set(db, ids)
            if low > high:
                return []
            in_set, mask = self._set_test(table)
            split = _held_split(order, held)
            if split is None:
                # The holding words' sentences are collected once (an uncorrelated IN); "+":
                # not handed to FTS5 as rowids, each of which would be a new search.
                held_match = " OR ".join(f'"{t}"' for t in held)
                rows = db.execute(
                    "SELECT f.rowid, bm25(sentences_fts) AS score FROM sentences_fts f"
                    " WHERE sentences_fts MATCH ? AND f.rowid BETWEEN ? AND ?"
                    " AND +f.rowid IN (SELECT rowid FROM sentences_fts WHERE sentences_fts"
                    " MATCH ? AND rowid BETWEEN ? AND ?)"
                    f" AND {in_set} ORDER BY score, rowid DESC",
                    [any_match, low, high, held_match, low, high, *mask],
                ).fetchall()
            else:
                rows = self._holding_rows(db, split, low, high, (in_set, mask))
            owners = self._articles_of_rows(db, ids, [int(rowid) for rowid, _ in rows])
        return [
            (int(rowid), article_id, -float(score))
            for (rowid, score), article_id in zip(rows, owners, strict=True)
        ]

    @staticmethod
    def _holding_rows(
        db: sqlite3.Connection,
        split: tuple[str, str | None],
        low: int,
        high: int,
        in_set: tuple[str, list[object]],
    ) -> list[tuple[int, float]]:
        """(rowid, bm25 of the whole query) of the matches holding a held word, best first,
        without walking the other words' matches (see ``_held_split``).

        Two searches that walk only the held words' matches: the held words alone score
        every such sentence as the whole query does when it holds none of the others (their
        parts are zero), and "held AND others", whose words stand in the query's order,
        scores those that hold some of the others. The common word's thousands of matches
        are only skipped over, where the full search walked and tested each (~8 ms for a
        president's name at 10,000 articles)."""
        held_match, both_match = split
        test, mask = in_set
        search = (
            "SELECT f.rowid, bm25(sentences_fts) AS score FROM sentences_fts f"
            f" WHERE sentences_fts MATCH ? AND f.rowid BETWEEN ? AND ? AND {test}"
        )
        scores: dict[int, float] = dict(
            db.execute(search, [held_match, low, high, *mask]).fetchall()
        )
        if both_match is not None:
            scores.update(db.execute(search, [both_match, low, high, *mask]).fetchall())
        ranked = sorted((score, -rowid) for rowid, score in scores.items())
        return [(-negated, score) for score, negated in ranked]

    def _best_matches(
        self,
        db: sqlite3.Connection,
        tokens: list[str],
        limit: int,
        article_ids: Sequence[str] | None,
    ) -> list[tuple[int, float]]:
        """(rowid, bm25) of the ``limit`` best matches of the tokens, best first (the newest
        first among equals): in the articles given, else among the newest matches of the
        base (see ``search_sentences``)."""
        if article_ids is not None:
            ids = list(dict.fromkeys(article_ids))
            if not ids:
                return []
            return self._restricted_matches(db, tokens, ids, limit)
        # The same words are searched again by later questions (a name tested as a word,
        # a topic asked about twice): the ranking is kept until the next write.
        self._check_read_version(db)
        key = (tuple(tokens), limit)
        known = self._kept_searches.get(key)
        if known is not None:
            self._kept_searches.move_to_end(key)
            return list(known)
        any_match = " OR ".join(f'"{t}"' for t in tokens)
        passes = (
            [any_match] if len(tokens) == 1 else [" AND ".join(f'"{t}"' for t in tokens), any_match]
        )
        scores: dict[int, float] = {}
        for match in passes:
            # The pass's best ``limit`` of its newest matches, ranked by SQLite: handing
            # all of them (up to a thousand) to Python to rank cost ~0.4 ms a search, and
            # a question searches the whole base 2-6 times (one per word tested as a name).
            best = db.execute(
                "SELECT rowid, score FROM (SELECT rowid, bm25(sentences_fts) AS score"
                " FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid DESC LIMIT ?)"
                " ORDER BY score, rowid DESC LIMIT ?",
                (match, SEARCH_CANDIDATES, limit),
            ).fetchall()
            scores.update(best)
            if len(best) >= limit:
                break  # enough sentences hold every word: no need for any-word ones
        # Best score first, the newest first among equals (the passes' best together); a
        # sentence found by both passes has the same score in both.
        ranked = sorted((score, -rowid) for rowid, score in scores.items())[:limit]
        found = tuple((-negated, score) for score, negated in ranked)
        if limit <= _KEPT_SEARCH_LIMIT:
            _keep(self._kept_searches, key, found, _KEPT_SEARCHES)
        return list(found)

    def _restricted_matches(
        self, db: sqlite3.Connection, tokens: list[str], ids: list[str], limit: int
    ) -> list[tuple[int, float]]:
        """(rowid, bm25) of the ``limit`` best matches in the articles, best first, from the
        kept matches of the same words (see ``_Matches``), searching only the articles not
        searched for them before."""
        # The words in one order, so that "trump summit" and "summit trump" share their
        # kept matches (the OR of the same words matches and scores the same).
        any_match = " OR ".join(f'"{t}"' for t in sorted(tokens))
        self._check_read_version(db)
        kept = self._kept_matches.get(any_match)
        if kept is None:
            kept = self._kept_matches[any_match] = _Matches()
        self._kept_matches.move_to_end(any_match)
        missing = [article_id for article_id in ids if article_id not in kept.by_article]
        if missing:
            self._keep_matches(db, any_match, missing, kept)
        by_article = kept.by_article
        best = heapq.nsmallest(
            limit, (match for article_id in ids for match in by_article[article_id])
        )
        cut = min((kept.cut[a] for a in ids if a in kept.cut), default=None)
        if cut is not None and (len(best) < limit or best[-1][:2] > cut):
            # Matches left out of what was kept (those ranked after ``cut``) may be
            # among the best here: search these articles whole.
            rows = self._search_articles_matches(db, any_match, ids, limit)
            return [
                (-negated, score)
                for score, negated in sorted((float(r[1]), -int(r[0])) for r in rows)
            ]
        return [(-negated, score) for score, negated, _ in best]

    def _keep_matches(
        self, db: sqlite3.Connection, match: str, ids: list[str], kept: _Matches
    ) -> None:
        """Search the articles for the query and keep their matches (the best
        _KEPT_MATCHES_READ), by article."""
        rows = self._search_articles_matches(db, match, ids, _KEPT_MATCHES_READ)
        by_article = kept.by_article
        for article_id in ids:
            by_article[article_id] = []
        # (sqlite3 gives the rowids as int and the scores as float already.)
        owners = self._articles_of_rows(db, ids, [rowid for rowid, _ in rows])
        for (rowid, score), article_id in zip(rows, owners, strict=True):
            by_article[article_id].append((score, -rowid, article_id))
        if len(rows) >= _KEPT_MATCHES_READ:
            weakest = max((score, -rowid) for rowid, score in rows)
            for article_id in ids:
                kept.cut[article_id] = weakest
        kept.size += len(rows) + len(ids)
        self._kept_match_rows += len(rows) + len(ids)
        while self._kept_match_rows > _KEPT_MATCH_ROWS and len(self._kept_matches) > 1:
            _, oldest = self._kept_matches.popitem(last=False)
            self._kept_match_rows -= oldest.size

    def _articles_of_rows(
        self, db: sqlite3.Connection, ids: list[str], rowids: list[int]
    ) -> list[str]:
        """The article of each sentence id, all of them sentences of these articles: from
        the articles' sentence id ranges when each is one run, else read."""
        if not rowids:
            return []
        ranges = self._ranges_of(db, ids)
        if ranges is not None:
            known = self._sentence_ranges
            spans = sorted(
                (span[0], article_id)
                for article_id in ids
                if (span := known.get(article_id)) is not None and span[0] <= span[1]
            )
            lows = [low for low, _ in spans]
            owners = [article_id for _, article_id in spans]
            return [owners[bisect_right(lows, rowid) - 1] for rowid in rowids]
        articles = _articles_of_sentences(db, rowids)
        return [articles[rowid] for rowid in rowids]

    def _search_articles_matches(
        self, db: sqlite3.Connection, match: str, ids: list[str], limit: int
    ) -> list[tuple[int, float]]:
        """(rowid, bm25) of the ``limit`` best matches in the articles, in no order."""
        if len(ids) >= _ARTICLE_SET_MIN:
            return self._search_article_set(db, match, ids, limit)
        return self._search_few_articles(db, match, ids, limit)

    def _search_article_set(
        self, db: sqlite3.Connection, match: str, ids: list[str], limit: int
    ) -> list[tuple[int, float]]:
        """(rowid, bm25) of the best matches in many articles, through their sentence ids
        kept in a temp table: FTS5 walks every match of the words in the base, and each is
        kept by a look-up in that table's rowid tree."""
        table, low, high = self._article_set(db, ids)
        if low > high:
            return []
        in_set, mask = self._set_test(table)
        # The articles' sentences span [low, high]: FTS5 seeks to it.
        return db.execute(
            "SELECT f.rowid, bm25(sentences_fts) AS score FROM sentences_fts f"
            " WHERE sentences_fts MATCH ? AND f.rowid BETWEEN ? AND ?"
            f" AND {in_set} ORDER BY score, f.rowid DESC LIMIT ?",
            [match, low, high, *mask, limit],
        ).fetchall()

    def _article_set(self, db: sqlite3.Connection, ids: list[str]) -> tuple[str, int, int]:
        """The temp table holding the sentence ids of these articles, and their lowest and
        highest id (low > high: no sentences).

        Collecting the ids of hundreds of articles costs ~20 us an article (~10 ms for 500)
        and the same sets come back: a person's newest reports are searched for every
        question about them, several times an answer. So the last few sets are kept, in
        fixed temp tables (a new table per set would make SQLite re-prepare every statement).
        Any write (an updated article's sentences get new ids) forgets them, including a
        write by another connection (``PRAGMA data_version``).
        """
        self._check_read_version(db)
        key = frozenset(ids)
        held = self._article_sets.get(key)
        if held is not None:
            self._article_sets.move_to_end(key)
            slot, low, high, ranged = held
            return f"article_{'ranges' if ranged else 'set'}_{slot}", low, high
        self._create_article_set_tables(db)
        if len(self._article_sets) >= _ARTICLE_SET_SLOTS:
            _, (slot, _, _, _) = self._article_sets.popitem(last=False)
        else:
            used = {held[0] for held in self._article_sets.values()}
            slot = min(n for n in range(_ARTICLE_SET_SLOTS) if n not in used)
        ranges = self._ranges_of(db, ids)
        if ranges is not None:
            # Each article's sentences are stored together (ids lo..hi): the set is its
            # articles' ranges, a row an article, not a row a sentence (~1 ms for 500
            # articles, not ~9), and a match is tested by one seek as before.
            table = f"article_ranges_{slot}"
            db.execute(f"DELETE FROM temp.{table}")
            db.executemany(f"INSERT INTO temp.{table} VALUES (?, ?)", sorted(ranges))
            low = min((lo for lo, _ in ranges), default=1)
            high = max((hi for _, hi in ranges), default=0)
            self._set_masks[table] = _block_mask(ranges, high)
            self._article_sets[key] = (slot, low, high, True)
            return table, low, high
        table = f"article_set_{slot}"
        db.execute(f"DELETE FROM temp.{table}")
        for chunk in _chunks(ids):
            # In id order the table is filled by appending (in index order, article by
            # article, each insert searched its place): 11.6 -> 7.7 ms for 434 articles.
            db.execute(
                f"INSERT INTO temp.{table}"
                f" SELECT id FROM sentences WHERE article_id IN ({_placeholders(chunk)})"
                " ORDER BY id",
                chunk,
            )
        low, high = db.execute(f"SELECT min(id), max(id) FROM temp.{table}").fetchone()
        if low is None:
            low, high = 1, 0
        self._article_sets[key] = (slot, low, high, False)
        return table, low, high

    def _create_article_set_tables(self, db: sqlite3.Connection) -> None:
        """The temp tables restricted searches keep article sets in (see ``_article_set``),
        once a connection."""
        if self._article_set_tables:
            return
        for number in range(_ARTICLE_SET_SLOTS):
            db.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS article_set_{number} (id INTEGER PRIMARY KEY)"
            )
            db.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS article_ranges_{number}"
                " (lo INTEGER PRIMARY KEY, hi INTEGER NOT NULL)"
            )
        self._article_set_tables = True

    def _set_test(self, table: str) -> tuple[str, list[object]]:
        """The condition that a full-text match ``f`` is in the article set of ``table``
        (``_in_article_set``), with its parameters.

        A ranges table's set comes with a block mask: a match in a block none of the
        set's sentences is in is let go at once, by one byte of the mask, before the seek
        in the ranges' tree (~0.15 us a match). The articles of a person who is not the
        most reported are scattered over the base, and a common word's matches between
        them are most of a restricted search's walk: ~2 ms of ~9 at 10,000 articles.
        """
        test = _in_article_set(table)
        mask = self._set_masks.get(table)
        if mask is None:
            return test, []
        return f"substr(?, (f.rowid >> {_BLOCK_SHIFT}) + 1, 1) = x'01' AND {test}", [mask]

    def warm_searches(self) -> None:
        """Read every article's sentence id range at once (~70 ms at 10,000 articles, one
        pass over an index), for a start-up: the restricted searches of the first answers
        then need not read them article by article (~10 us each, hundreds an answer).
        And parse the newest events and quotes (``_WARM_FACTS`` of each, ~9 ms): every list
        of what is newest starts with them ("who reported it?" with nothing matched reads
        the newest 300 of both), and they are kept parsed, not validated again.
        Forgotten, and read again as needed, after any write."""
        self.events(limit=_WARM_FACTS)
        self.quotes(limit=_WARM_FACTS)
        # And the most mentioned entities: the people asked about most, whose aliases and
        # roles are the most rows to read (~20 ms for 50 at 10,000 articles).
        with self._guard("reading entities") as db:
            most = db.execute(
                "SELECT id FROM entities ORDER BY article_count DESC, name LIMIT ?",
                (_WARM_ENTITIES,),
            ).fetchall()
        self.entities_by_ids([str(r[0]) for r in most])
        with self._guard("reading sentence ranges") as db:
            # Made now, not by the first restricted search: a new table changes the schema,
            # and every statement prepared before it is prepared again on its next use.
            self._create_article_set_tables(db)
            self._check_read_version(db)
            known = self._sentence_ranges
            for article_id, low, high, count in db.execute(
                "SELECT article_id, min(id), max(id), count(*) FROM sentences GROUP BY article_id"
            ):
                known[article_id] = (low, high) if high - low + 1 == count else None

    def _ranges_of(self, db: sqlite3.Connection, ids: list[str]) -> list[tuple[int, int]] | None:
        """The sentence id ranges of these articles (those with sentences), or None when
        one article's ids are not one run (another article's sentences between them)."""
        known = self._sentence_ranges
        if len(known) > _KEPT_RANGES:
            known.clear()
        missing = [article_id for article_id in ids if article_id not in known]
        if missing:
            for chunk in _chunks(missing):
                for article_id, low, high, count in db.execute(
                    "SELECT article_id, min(id), max(id), count(*) FROM sentences"
                    f" WHERE article_id IN ({_placeholders(chunk)}) GROUP BY article_id",
                    chunk,
                ):
                    known[article_id] = (low, high) if high - low + 1 == count else None
            for article_id in missing:
                # No sentences: an empty range, left out below.
                known.setdefault(article_id, (1, 0))
        out: list[tuple[int, int]] = []
        for article_id in ids:
            span = known.get(article_id)
            if span is None:
                return None
            if span[0] <= span[1]:
                out.append(span)
        return out

    @staticmethod
    def _search_few_articles(
        db: sqlite3.Connection, any_match: str, ids: list[str], limit: int
    ) -> list[tuple[int, float]]:
        """(rowid, bm25) of the best matches in a few articles."""
        # An article's sentences are stored together, so the articles' sentence ids
        # span a range FTS5 can seek to (the newest reports asked about are close
        # together); within it, a match is kept by its id alone. Joining every match
        # of a common word to its sentence row instead cost ~30 ms on 10k articles.
        # ("+rowid": handed to FTS5 as a list of rowids, each is a new search.)
        in_articles = f"article_id IN ({_placeholders(ids)})"
        low, high = db.execute(
            f"SELECT min(id), max(id) FROM sentences WHERE {in_articles}", ids
        ).fetchone()
        if low is None:
            return []
        # Collecting the articles' sentence ids costs ~20 us an article, however few
        # sentences match; looking up the article of each match costs ~1 us a match.
        # Counting the matches, up to the break-even, is cheap.
        cap = _LOOKED_UP_MATCHES_PER_ARTICLE * len(ids)
        (matches,) = db.execute(
            "SELECT count(*) FROM (SELECT rowid FROM sentences_fts"
            " WHERE sentences_fts MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?)",
            (any_match, low, high, cap),
        ).fetchone()
        if matches < cap:
            return db.execute(
                "SELECT f.rowid, bm25(sentences_fts) AS score FROM sentences_fts f"
                " WHERE sentences_fts MATCH ? AND f.rowid BETWEEN ? AND ?"
                " AND (SELECT article_id FROM sentences WHERE id = f.rowid)"
                f" IN ({_placeholders(ids)}) ORDER BY score, rowid DESC LIMIT ?",
                [any_match, low, high, *ids, limit],
            ).fetchall()
        return db.execute(
            "SELECT rowid, bm25(sentences_fts) AS score FROM sentences_fts"
            " WHERE sentences_fts MATCH ? AND rowid BETWEEN ? AND ?"
            f" AND +rowid IN (SELECT id FROM sentences WHERE {in_articles})"
            " ORDER BY score, rowid DESC LIMIT ?",
            [any_match, low, high, *ids, limit],
        ).fetchall()

    # ----------------------------------------------------------------------- entities

    def entity(self, entity_id: str, *, with_mentions: bool = False) -> Entity | None:
        """One entity with aliases and roles (mention spans only on request: they can be many)."""
        found = self.entities_by_ids([entity_id], with_mentions=with_mentions)
        return found.get(entity_id)

    def entities_by_ids(
        self, entity_ids: Sequence[str], *, with_mentions: bool = False
    ) -> dict[str, Entity]:
        """Several entities in a few queries, keyed by id.

        Without mentions, an entity read is kept until the next write: a much-reported
        person's aliases and roles are thousands of rows (~5 ms for a president at 10,000
        articles), and ``warm_searches`` reads the most mentioned entities at start-up."""
        ids = list(dict.fromkeys(entity_ids))
        if not ids:
            return {}
        with self._guard("reading entities") as db:
            if with_mentions:
                return self._read_entities(db, ids, with_mentions=True)
            self._check_read_version(db)
            kept = self._kept_entities
            found = {i: kept[i] for i in ids if i in kept}
            missing = [i for i in ids if i not in found]
            if missing:
                read = self._read_entities(db, missing, with_mentions=False)
                for entity_id, entity in read.items():
                    _keep(kept, entity_id, entity, _KEPT_ENTITIES)
                found.update(read)
            # In id order, as one read by their primary key gives them.
            return {i: found[i] for i in sorted(found)}

    def _read_entities(
        self, db: sqlite3.Connection, ids: list[str], *, with_mentions: bool
    ) -> dict[str, Entity]:
        """The stored entities of these ids, read (no kept ones)."""
        rows: list[tuple[str, str, str, str | None]] = []
        for chunk in _chunks(ids):
            rows += db.execute(
                "SELECT id, kind, name, country FROM entities"
                f" WHERE id IN ({_placeholders(chunk)})",
                chunk,
            ).fetchall()
        return self._build_entities(db, rows, with_mentions)

    def entities(self, *, kind: EntityKind | None = None, limit: int | None = None) -> list[Entity]:
        """Entities, the most often mentioned first."""
        sql = "SELECT id, kind, name, country FROM entities"
        params: list[object] = []
        if kind is not None:
            sql += " WHERE kind = ?"
            params.append(EntityKind(kind).value)
        sql += " ORDER BY article_count DESC, name"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._guard("reading entities") as db:
            rows = db.execute(sql, params).fetchall()
            built = self._build_entities(db, rows, with_mentions=False)
        return [built[str(r[0])] for r in rows]

    def _build_entities(
        self,
        db: sqlite3.Connection,
        rows: list[tuple[str, str, str, str | None]],
        with_mentions: bool,
    ) -> dict[str, Entity]:
        ids = [str(r[0]) for r in rows]
        if not ids:
            return {}
        aliases: dict[str, list[str]] = {i: [] for i in ids}
        roles: dict[str, list[Role]] = {i: [] for i in ids}
        mentions: dict[str, list[Span]] = {i: [] for i in ids}
        # Chunked: SQLite limits the number of bound parameters per statement.
        for chunk in _chunks(ids):
            marks = _placeholders(chunk)
            for eid, alias in db.execute(
                "SELECT DISTINCT entity_id, alias FROM entity_aliases"
                f" WHERE entity_id IN ({marks})",
                chunk,
            ):
                aliases[eid].append(alias)
            # One role per (title, affiliation), as most recently stated: a person named in
            # a thousand articles has a thousand role rows, and callers want the distinct ones.
            for eid, aid, title, affiliation, as_of, start, end, _ in db.execute(
                'SELECT entity_id, article_id, title, affiliation, as_of, start, "end",'
                f" max(id) AS newest FROM entity_roles WHERE entity_id IN ({marks})"
                " GROUP BY entity_id, title, affiliation"
                " ORDER BY as_of IS NULL, as_of DESC, newest DESC",
                chunk,
            ):
                roles[eid].append(
                    Role(
                        title=title,
                        affiliation=affiliation,
                        as_of=date.fromisoformat(as_of) if as_of else None,
                        article_id=aid,
                        start=start,
                        end=end,
                    )
                )
            if with_mentions:
                for eid, aid, spans in db.execute(
                    "SELECT entity_id, article_id, spans FROM mentions"
                    f" WHERE entity_id IN ({marks}) ORDER BY seq DESC",
                    chunk,
                ):
                    mentions[eid].extend(
                        Span(article_id=aid, start=s, end=e) for s, e in json.loads(spans)
                    )
        return {
            str(r[0]): Entity(
                id=str(r[0]),
                kind=EntityKind(r[1]),
                name=r[2],
                aliases=tuple(sorted(aliases[str(r[0])], key=str.casefold)),
                roles=tuple(roles[str(r[0])]),
                country=r[3],
                mentions=tuple(mentions[str(r[0])]),
            )
            for r in rows
        }

    def entity_names(self) -> list[tuple[str, str, EntityKind]]:
        """(entity_id, surface form, kind) for every canonical name and alias, in one query."""
        # Two index scans merged here: a UNION would sort every per-article alias row.
        kinds = {k.value: k for k in EntityKind}
        names: list[tuple[str, str, EntityKind]] = []
        seen: set[tuple[str, str]] = set()
        with self._guard("reading entity names") as db:
            kind_of: dict[str, EntityKind] = {}
            for eid, name, kind in db.execute("SELECT id, name, kind FROM entities"):
                kind_of[eid] = kinds[kind]
                seen.add((eid, name))
                names.append((eid, name, kinds[kind]))
            for eid, alias in db.execute("SELECT DISTINCT entity_id, alias FROM entity_aliases"):
                if (eid, alias) not in seen and eid in kind_of:
                    seen.add((eid, alias))
                    names.append((eid, alias, kind_of[eid]))
        return names

    def person_roles(self) -> list[tuple[str, str, str, str | None, date | None, str | None]]:
        """(entity_id, name, title, affiliation, as_of, country) for every person's role, and a
        row with an empty title for each person with a country: the engine's role index
        ("the foreign minister", "quotes from Iran"), read as plain rows because building
        ``Entity`` models for every person would cost seconds at 10,000 articles."""
        with self._guard("reading roles") as db:
            rows = db.execute(
                "SELECT r.entity_id, e.name, r.title, r.affiliation, r.as_of, e.country"
                " FROM entity_roles r JOIN entities e ON e.id = r.entity_id"
                " WHERE e.kind = 'person'"
                " UNION ALL"
                " SELECT id, name, '', NULL, NULL, country FROM entities"
                " WHERE kind = 'person' AND country IS NOT NULL"
            ).fetchall()
        return [
            (
                str(r[0]),
                str(r[1]),
                str(r[2]),
                r[3],
                date.fromisoformat(r[4]) if r[4] else None,
                r[5],
            )
            for r in rows
        ]

    def entity_article_counts(self) -> dict[str, int]:
        """How many articles mention each entity: a prominence prior for entity linking."""
        with self._guard("counting mentions") as db:
            rows = db.execute("SELECT id, article_count FROM entities").fetchall()
        return {str(r[0]): int(r[1]) for r in rows}

    def articles_mentioning(self, entity_ids: Sequence[str], *, limit: int = 50) -> list[str]:
        """Ids of the articles that mention any of ``entity_ids``, most recently ingested first."""
        ids = list(dict.fromkeys(entity_ids))
        if not ids:
            return []
        with self._guard("reading mentions") as db:
            # Asked again and again for the same names (linking, search, quotes, events of
            # one question, and every question about a name): ~0.7 ms for 2000 reports.
            self._check_read_version(db)
            key = (tuple(ids), limit)
            kept = self._kept_mentions.get(key)
            if kept is None:
                kept = tuple(self._articles_mentioning(db, ids, limit))
                _keep(self._kept_mentions, key, kept, _KEPT_MENTION_LISTS)
            else:
                self._kept_mentions.move_to_end(key)
        return list(kept)

    @staticmethod
    def _articles_mentioning(db: sqlite3.Connection, ids: list[str], limit: int) -> list[str]:
        # Per entity, the newest mentions walk the (entity_id, seq) index; merging those
        # short lists gives the same answer as grouping every mention of a common entity.
        if len(ids) == 1:
            # One row per (entity, article), already newest first: no merging needed,
            # and linking asks this for one entity dozens of times an answer.
            newest = db.execute(
                "SELECT article_id FROM mentions WHERE entity_id = ? ORDER BY seq DESC LIMIT ?",
                (ids[0], limit),
            ).fetchall()
            return [str(r[0]) for r in newest]
        rows: list[tuple[str, int]] = []
        for eid in ids:
            rows += db.execute(
                "SELECT article_id, seq FROM mentions WHERE entity_id = ?"
                " ORDER BY seq DESC LIMIT ?",
                (eid, limit),
            ).fetchall()
        if not rows:
            return []
        # An article first met at its newest mention (a stable sort: equal seqs keep their
        # order), deduplicated in C: a Python step per mention cost ~5 ms an answer.
        rows.sort(key=itemgetter(1), reverse=True)
        newest_first = list(dict.fromkeys(next(zip(*rows, strict=True))))[:limit]
        return [str(aid) for aid in newest_first]

    # ----------------------------------------------------------------------- quotes, events, claims

    def quotes(
        self,
        *,
        speaker_ids: Sequence[str] | None = None,
        article_ids: Sequence[str] | None = None,
        since: date | None = None,
        until: date | None = None,
        kind: QuoteKind | None = None,
        limit: int = 50,
    ) -> list[Quote]:
        """Quotes, newest first (by said-on date, else the article's date), then in text order."""
        speakers = None if speaker_ids is None else list(dict.fromkeys(speaker_ids))

        def where_for(speaker: Sequence[str] | None) -> _Where:
            where = _Where()
            where.one_of("speaker_id", speaker)
            where.one_of("article_id", article_ids)
            where.dated(since, until, "day", "day")
            if kind is not None:
                where.add("kind = ?", QuoteKind(kind).value)
            return where

        order = "ORDER BY day DESC, seq DESC, start LIMIT ?"
        with self._guard("reading quotes") as db:
            self._check_read_version(db)

            def counted(ids: list[str], cap: int) -> int:
                """The speakers' quotes, counted up to ``cap``."""
                (many,) = db.execute(
                    "SELECT count(*) FROM (SELECT 1 FROM quotes"
                    f" WHERE speaker_id IN ({_placeholders(ids)}) LIMIT ?)",
                    [*ids, cap],
                ).fetchone()
                return int(many)

            def not_by_speaker_index(ids: list[str]) -> list[Quote]:
                """The quotes found through the other filters' indexes, the speakers tested
                on each row ("+": SQLite must not walk the speaker index)."""
                where = where_for(None)
                where.add(f"+speaker_id IN ({_placeholders(ids)})", *ids)
                rows = db.execute(
                    f"SELECT id FROM quotes {where.sql()} {order}",
                    [*where.params, limit],
                ).fetchall()
                return self._quotes_of(db, [int(r[0]) for r in rows])

            if speakers and article_ids is not None and len(article_ids) <= _QUOTE_ARTICLES:
                # A speaker's quotes in a few articles: the speaker's index walks every quote
                # they were given until ``limit`` fall in those articles (thousands for a
                # president: ~5 ms for 13 articles at 10k); the articles' quotes of the
                # speaker, sorted, are fewer when the speaker has more quotes than the
                # articles hold ("+": not the speaker's index). Counted up to that point.
                cap = _QUOTES_PER_ARTICLE * len(article_ids)
                if counted(speakers, cap) >= cap:
                    return not_by_speaker_index(speakers)
            # A group's members, many of them: when they were given thousands of quotes, their
            # newest are met soon walking the day index newest first (~2 ms), not by sorting
            # every one of them (~11-18 ms for 93 members at 10k articles).
            if (
                speakers is not None
                and len(speakers) > _MERGED_SPEAKERS
                and article_ids is None
                and counted(speakers, _DAY_WALK_QUOTES) >= _DAY_WALK_QUOTES
            ):
                return not_by_speaker_index(speakers)
            if speakers is None or len(speakers) < 2 or len(speakers) > _MERGED_SPEAKERS:
                # (Many speakers, a group's members: one query, not one a member.)
                where = where_for(speakers)
                rows = db.execute(
                    f"SELECT id FROM quotes {where.sql()} {order}", [*where.params, limit]
                ).fetchall()
                return self._quotes_of(db, [int(r[0]) for r in rows])
            # Several ids of one speaker (a president under three): each one's newest quotes
            # walk the (speaker_id, day, seq) index, then merge. An IN over them sorted every
            # quote they were ever given, JSON and all (~9 ms for 5,800 at 10k articles).
            merged: list[tuple[int, str, int, int]] = []
            for speaker in sorted(speakers):
                where = where_for([speaker])
                merged += db.execute(
                    f"SELECT id, day, seq, start FROM quotes {where.sql()} {order}",
                    [*where.params, limit],
                ).fetchall()
            # The same order as the one query: day and seq newest first, then text order
            # (two stable sorts; equal keys keep the speakers' order).
            merged.sort(key=itemgetter(3))
            merged.sort(key=itemgetter(1, 2), reverse=True)
            return self._quotes_of(db, [int(r[0]) for r in merged[:limit]])

    def _quotes_of(self, db: sqlite3.Connection, ids: list[int]) -> list[Quote]:
        """The quotes of these row ids, in this order: the kept ones as they are, the
        JSON of the others read by id. (Sorting the rows a filter finds with their JSON
        carried along cost ~4 ms for the ~3,000 quotes of 300 articles at 10k; their ids,
        days and positions sort in a fraction of that.)"""
        kept = self._kept_quotes
        found: dict[int, Quote] = {}
        for row_id in ids:
            quote = kept.get(row_id)
            if quote is not None:
                kept.move_to_end(row_id)
                found[row_id] = quote
        missing = [row_id for row_id in ids if row_id not in found]
        for chunk in _chunks(missing):
            for row_id, data in db.execute(
                f"SELECT id, data FROM quotes WHERE id IN ({_placeholders(chunk)})", chunk
            ):
                quote = Quote.model_validate_json(data)
                found[int(row_id)] = quote
                _keep(kept, int(row_id), quote, _KEPT_MODELS)
        return [found[row_id] for row_id in ids if row_id in found]

    def events(
        self,
        *,
        participant_ids: Sequence[str] | None = None,
        article_ids: Sequence[str] | None = None,
        kinds: Sequence[EventKind] | None = None,
        statuses: Sequence[EventStatus] | None = None,
        place: str | None = None,
        since: date | None = None,
        until: date | None = None,
        ascending: bool = False,
        limit: int = 50,
    ) -> list[Event]:
        """Events, newest first (``ascending=True``: soonest first, e.g. for upcoming ones).

        ``since``/``until`` select events whose date range overlaps them (undated events take
        the date they were reported). ``place`` matches the city or the country, any case.
        """
        with self._guard("reading events") as db:
            # A common participant or place (hundreds of events) is best met walking the
            # date index newest first until ``limit`` events pass; a rare one is best looked
            # up and its few events sorted. Either plan gives the same rows in the same order
            # (id breaks every tie); the wrong one cost 1-2 ms an event question at 10k.
            cap = 3 * limit
            counts: list[int] = []
            if participant_ids is not None:
                counts += db.execute(
                    "SELECT count(*) FROM (SELECT 1 FROM event_participants"
                    f" WHERE entity_id IN ({_placeholders(participant_ids)}) LIMIT ?)",
                    [*participant_ids, cap],
                ).fetchone()
            if place is not None:
                counts += db.execute(
                    "SELECT count(*) FROM (SELECT 1 FROM events WHERE city = ? OR country = ?"
                    " LIMIT ?)",
                    (place, place, cap),
                ).fetchone()
            walk = bool(counts) and min(counts) >= cap
            # "+column": not looked up by its index, so the date index orders the walk.
            plus = "+" if walk else ""
            where = _Where()
            if participant_ids is not None:
                where.add(
                    f"{plus}id IN (SELECT event_row FROM event_participants"
                    f" WHERE entity_id IN ({_placeholders(participant_ids)}))",
                    *participant_ids,
                )
            where.one_of("article_id", article_ids)
            where.one_of("kind", None if kinds is None else [EventKind(k).value for k in kinds])
            where.one_of(
                "status", None if statuses is None else [EventStatus(x).value for x in statuses]
            )
            if place is not None:
                where.add(f"({plus}city = ? OR {plus}country = ?)", place, place)
            where.dated(since, until, "day_start", "day_end")
            order = "ASC" if ascending else "DESC"
            self._check_read_version(db)
            rows = db.execute(
                f"SELECT id, data FROM events {where.sql()}"
                f" ORDER BY day_start {order}, seq {order}, id LIMIT ?",
                [*where.params, limit],
            ).fetchall()
            return self._parsed(self._kept_events, rows, Event.model_validate_json)

    @staticmethod
    def _parsed(
        kept: OrderedDict[int, _Model],
        rows: Sequence[Sequence[Any]],
        parse: Callable[[str], _Model],
    ) -> list[_Model]:
        """The models of (row id, JSON) rows, parsed once while kept: an event's JSON took
        ~150 us to validate, and 70% of those read in answering had been read before (a
        quote's ~13 us, 36%). Models are frozen, so one instance serves every reader."""
        out: list[_Model] = []
        for row_id, data in rows:
            model = kept.get(row_id)
            if model is None:
                model = parse(data)
                _keep(kept, row_id, model, _KEPT_MODELS)
            else:
                kept.move_to_end(row_id)
            out.append(model)
        return out

    def claims(
        self,
        *,
        article_ids: Sequence[str] | None = None,
        since: date | None = None,
        limit: int = 50,
    ) -> list[Claim]:
        """Reported claims, newest first, then in text order."""
        where = _Where()
        where.one_of("article_id", article_ids)
        where.dated(since, None, "day", "day")
        params = [*where.params, limit]
        with self._guard("reading claims") as db:
            rows = db.execute(
                f"SELECT data FROM claims {where.sql()} ORDER BY day DESC, seq DESC, start LIMIT ?",
                params,
            ).fetchall()
        return [Claim.model_validate_json(r[0]) for r in rows]

    # ----------------------------------------------------------------------- bookkeeping

    def counts(self) -> dict[str, int]:
        """How many articles, entities, quotes, events, claims and sentences are stored."""
        tables = ("articles", "entities", "quotes", "events", "claims", "sentences")
        with self._guard("counting facts") as db:
            return {
                table: int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in tables
            }

    def last_seq(self) -> int:
        """The newest ingest sequence number (0 for an empty store)."""
        with self._guard("reading the ingest sequence") as db:
            row = db.execute("SELECT max(seq) FROM ingest_log").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def facts_since(self, seq: int, *, limit: int = 500) -> FactsSince:
        """The articles stored after ``seq`` (oldest first, at most ``limit``) with all their
        quotes and events, for alerts.

        ``last_seq`` is the sequence number the result is complete through: the newest one
        when everything fitted, else the last article included (ask again from it for more).
        """
        with self._guard("reading new facts") as db:
            newest = db.execute("SELECT max(seq) FROM ingest_log").fetchone()[0] or 0
            articles = db.execute(
                "SELECT seq, data FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                (seq, limit),
            ).fetchall()
            through = int(articles[-1][0]) if len(articles) == limit else int(newest)
            # Through the articles' seq index: facts carry their article's seq.
            quotes = db.execute(
                "SELECT q.data FROM articles a JOIN quotes q ON q.article_id = a.id"
                " WHERE a.seq > ? AND a.seq <= ? ORDER BY a.seq, q.start",
                (seq, through),
            ).fetchall()
            events = db.execute(
                "SELECT e.data FROM articles a JOIN events e ON e.article_id = a.id"
                " WHERE a.seq > ? AND a.seq <= ? ORDER BY a.seq, e.id",
                (seq, through),
            ).fetchall()
        return FactsSince(
            since_seq=seq,
            last_seq=through,
            articles=tuple(Article.model_validate_json(r[1]) for r in articles),
            quotes=tuple(Quote.model_validate_json(r[0]) for r in quotes),
            events=tuple(Event.model_validate_json(r[0]) for r in events),
        )

    # ----------------------------------------------------------------------- subscriptions

    def follow(self, chat_id: int, topic: str) -> bool:
        """Subscribe a chat to a topic; False when it already follows it."""
        key = topic_key(topic)
        if not key:
            return False
        with self._transaction("saving a subscription") as db:
            seq = db.execute("SELECT coalesce(max(seq), 0) FROM ingest_log").fetchone()[0]
            cursor = db.execute(
                "INSERT OR IGNORE INTO subscriptions(chat_id, topic_key, topic, created_seq)"
                " VALUES (?,?,?,?)",
                (chat_id, key, " ".join(topic.split()), seq),
            )
            return cursor.rowcount > 0

    def unfollow(self, chat_id: int, topic: str) -> bool:
        """Unsubscribe; False when the chat did not follow the topic."""
        with self._transaction("removing a subscription") as db:
            cursor = db.execute(
                "DELETE FROM subscriptions WHERE chat_id = ? AND topic_key = ?",
                (chat_id, topic_key(topic)),
            )
            return cursor.rowcount > 0

    def following(self, chat_id: int) -> list[str]:
        """The topics a chat follows, in the order it followed them."""
        with self._guard("reading subscriptions") as db:
            rows = db.execute(
                "SELECT topic FROM subscriptions WHERE chat_id = ? ORDER BY id", (chat_id,)
            ).fetchall()
        return [str(r[0]) for r in rows]

    def subscriptions(self) -> list[tuple[int, str]]:
        """Every (chat_id, topic) pair."""
        with self._guard("reading subscriptions") as db:
            rows = db.execute(
                "SELECT chat_id, topic FROM subscriptions ORDER BY chat_id, id"
            ).fetchall()
        return [(int(r[0]), str(r[1])) for r in rows]

    # ----------------------------------------------------------------------- key/value state

    def get_state(self, key: str, default: str | None = None) -> str | None:
        """A small piece of bot state (last alerted seq, seen feed guids ...)."""
        with self._guard("reading state") as db:
            row = db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set_state(self, key: str, value: str) -> None:
        """Store a piece of bot state, replacing the old value."""
        with self._transaction("saving state") as db:
            db.execute(
                "INSERT INTO state(key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def delete_state(self, key: str) -> None:
        """Forget a piece of bot state."""
        with self._transaction("saving state") as db:
            db.execute("DELETE FROM state WHERE key = ?", (key,))

    def state_items(self, prefix: str = "") -> dict[str, str]:
        """Every state entry whose key starts with ``prefix``."""
        with self._guard("reading state") as db:
            # A key range walks the primary key (seen-feed-entry keys can be thousands).
            # BINARY collation compares UTF-8 bytes, which keeps code point order, so every
            # key starting with the prefix sorts below the prefix with its last character
            # incremented.
            if prefix and ord(prefix[-1]) < 0x10FFFF:
                upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
                rows = db.execute(
                    "SELECT key, value FROM state WHERE key >= ? AND key < ?", (prefix, upper)
                ).fetchall()
            else:
                rows = db.execute(
                    "SELECT key, value FROM state WHERE substr(key, 1, ?) = ?",
                    (len(prefix), prefix),
                ).fetchall()
        return {str(r[0]): str(r[1]) for r in rows}


def _articles_of_sentences(db: sqlite3.Connection, rowids: list[int]) -> dict[int, str]:
    """The article of each sentence id (those stored)."""
    articles: dict[int, str] = {}
    for chunk in _chunks(rowids):
        articles.update(
            db.execute(
                f"SELECT id, article_id FROM sentences WHERE id IN ({_placeholders(chunk)})",
                chunk,
            ).fetchall()
        )
    return articles


def _keep(kept: OrderedDict[Any, Any], key: object, value: object, size: int) -> None:
    """Remember a read, the least recently used going first beyond ``size``."""
    kept[key] = value
    kept.move_to_end(key)
    while len(kept) > size:
        kept.popitem(last=False)


def _reason(error: sqlite3.Error) -> str:
    """sqlite3's message on one line, in words a user can act on."""
    message = " ".join(str(error).split()) or type(error).__name__
    if "file is not a database" in message:
        return "not a newsdesk fact base (file is not an SQLite database)"
    if "unable to open database file" in message:
        return "cannot open or create the file (check the path and its permissions)"
    if "readonly database" in message:
        return "the database file is read-only"
    return message


__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SEARCH_CANDIDATES",
    "UNDATED",
    "FactsSince",
    "IngestResult",
    "IngestStatus",
    "Store",
    "content_tokens",
    "fts_query",
    "topic_key",
]
