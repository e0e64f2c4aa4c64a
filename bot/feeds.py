"""Adding articles while the bot runs: uploaded documents, ``/ingest URL`` and polled feeds.

Fetching is async (httpx, transport injectable so tests never touch the network); reading,
extraction and storage are CPU and disk work and run in a worker thread, off the event loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

import httpx

from knowledge.ingest import IngestReport, ingest_articles
from knowledge.readers import read_document
from knowledge.store import Store

logger = logging.getLogger(__name__)

MAX_FETCH_BYTES = 10 * 1024 * 1024
"""The largest page or feed the bot downloads: a news page is far smaller."""
USER_AGENT = "newsdesk/0.1 (+https://github.com/newsdesk; news fact bot)"


class FetchError(Exception):
    """A URL could not be fetched; the message is fit for the person who asked."""


def ingest_bytes(store: Store, name: str, data: bytes, url: str | None = None) -> IngestReport:
    """Read one document held in memory and store its articles' facts (blocking)."""
    return ingest_articles(store, read_document(name, data, url=url))


def describe(report: IngestReport) -> str:
    """One line for the operator who sent the article."""
    line = report.summary_line()
    if report.errors:
        line += f". First problem: {report.errors[0][:300]}"
    return line


async def fetch(
    url: str,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 20.0,
) -> httpx.Response:
    """GET ``url`` (redirects followed, size capped); FetchError with a readable reason."""
    request_headers = {"User-Agent": USER_AGENT, **(headers or {})}
    try:
        async with (
            httpx.AsyncClient(
                transport=transport, follow_redirects=True, timeout=timeout
            ) as client,
            client.stream("GET", url, headers=request_headers) as response,
        ):
            chunks = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > MAX_FETCH_BYTES:
                    raise FetchError(f"{url} is larger than {MAX_FETCH_BYTES // 1_000_000} MB")
                chunks.append(chunk)
            # Rebuild a plain response that holds the whole body and its metadata.
            return httpx.Response(
                response.status_code,
                headers=response.headers,
                content=b"".join(chunks),
                request=response.request,
            )
    except httpx.InvalidURL as error:
        raise FetchError(f"not a valid URL: {error}") from error
    except httpx.HTTPError as error:
        raise FetchError(f"could not fetch {url}: {type(error).__name__}") from error


async def fetch_and_ingest(
    store: Store, url: str, *, transport: httpx.AsyncBaseTransport | None = None
) -> IngestReport:
    """``/ingest URL``: download a page or feed and store its articles."""
    response = await fetch(url, transport=transport)
    if response.status_code != 200:
        raise FetchError(f"{url} answered HTTP {response.status_code}")
    return await asyncio.to_thread(ingest_bytes, store, url, response.content, url)


class FeedPoller:
    """Polls RSS/Atom feeds; a JobQueue callback. Conditional GETs keep polling cheap.

    Entries already stored are skipped by the store (same content hash), so polling a feed
    again only adds what is new. ``on_ingested`` is awaited after a poll that stored something
    (the bot uses it to send alerts at once).
    """

    def __init__(
        self,
        store: Store,
        urls: Sequence[str],
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        on_ingested: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self._store = store
        self._urls = tuple(urls)
        self._transport = transport
        self._on_ingested = on_ingested
        self._busy = asyncio.Lock()

    async def poll(self) -> int:
        """Poll every feed once; return the number of articles added or updated."""
        if self._busy.locked():
            return 0  # the previous poll is still running: skip rather than pile up
        async with self._busy:
            stored = 0
            for url in self._urls:
                stored += await self._poll_one(url)
            if stored and self._on_ingested is not None:
                await self._on_ingested()
            return stored

    async def _poll_one(self, url: str) -> int:
        key = f"feed.etag.{url}"
        etag = await asyncio.to_thread(self._store.get_state, key)
        headers = {"If-None-Match": etag} if etag else {}
        try:
            response = await fetch(url, transport=self._transport, headers=headers)
        except FetchError as error:
            logger.warning("feed %s: %s", url, error)
            return 0
        if response.status_code == 304:
            return 0
        if response.status_code != 200:
            logger.warning("feed %s: HTTP %s", url, response.status_code)
            return 0
        report = await asyncio.to_thread(ingest_bytes, self._store, url, response.content, url)
        if response.headers.get("ETag"):
            await asyncio.to_thread(self._store.set_state, key, response.headers["ETag"])
        logger.info("feed %s: %s", url, report.summary_line())
        for problem in report.errors[:3]:
            logger.warning("feed %s: %s", url, problem)
        return report.stored
