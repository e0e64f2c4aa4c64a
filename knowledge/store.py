"""The fact store: the only module that speaks SQL. SQLite (WAL) is the embedded default.

CONTRACT (skeleton; the store helper fills it in, the answering engine and bot code against it):

    class Store:
        @classmethod
        def open(cls, path: str | Path) -> Store          # ":memory:" for tests; creates/migrates
        def close(self) -> None                            # also a context manager
        schema_version: int

        # writing
        def ingest(self, facts: ArticleFacts) -> IngestResult
            # one transaction per article; the same article twice -> SKIPPED (content hash);
            # a new version of the same URL or id -> UPDATED (its old facts replaced);
            # entities merged across articles by Entity.id (aliases and roles unioned).
            # IngestResult: status (ADDED|UPDATED|SKIPPED), article_id, seq (monotonic ingest
            # sequence number), counts of quotes/events/entities.

        # reading (all return pydantic models from knowledge.models, newest first where dated)
        def article(self, article_id: str) -> Article | None
        def articles(self, *, limit: int | None = None, since: date | None = None) -> list[Article]
        def summary(self, article_id: str) -> str
        def source_ref(self, article_id: str) -> SourceRef | None
        def entity(self, entity_id: str) -> Entity | None
        def entities(self, *, kind: EntityKind | None = None, limit: int | None = None) -> list[Entity]
        def entity_names(self) -> list[tuple[str, str, EntityKind]]
            # (entity_id, surface form, kind) for every canonical name and alias: the
            # engine's fuzzy-linking index, loaded once at start-up
        def quotes(self, *, speaker_ids=None, article_ids=None, since=None, until=None,
                   kind: QuoteKind | None = None, limit: int = 50) -> list[Quote]
        def events(self, *, participant_ids=None, article_ids=None, kinds=None, since=None,
                   until=None, limit: int = 50) -> list[Event]
        def claims(self, *, article_ids=None, limit: int = 50) -> list[Claim]
        def search_sentences(self, query: str, *, limit: int = 20) -> list[tuple[Sentence, float]]
            # FTS5 BM25 over article sentences; query is free text (escaped inside)
        def counts(self) -> dict[str, int]    # articles, entities, quotes, events, claims
        def last_seq(self) -> int             # newest ingest sequence number
        def facts_since(self, seq: int) -> ...  # quotes/events ingested after seq (for alerts)

        # subscriptions (the bot's /follow)
        def follow(self, chat_id: int, topic: str) -> bool
        def unfollow(self, chat_id: int, topic: str) -> bool
        def following(self, chat_id: int) -> list[str]
        def subscriptions(self) -> list[tuple[int, str]]
        # plus a small key/value table for bot state (e.g. last alerted seq, seen feed guids)
"""
