"""Feed polling and fetching, with an injected httpx transport (no network)."""

from __future__ import annotations

import httpx
import pytest

from bot.feeds import FeedPoller, FetchError, fetch
from knowledge.store import Store

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example World News</title>
<link>https://news.example.com/</link><description>World</description>
<item>
  <title>Ministers meet in Vienna over grain exports</title>
  <link>https://news.example.com/vienna-grain</link>
  <guid>https://news.example.com/vienna-grain</guid>
  <pubDate>Tue, 10 Feb 2026 09:00:00 GMT</pubDate>
  <description>VIENNA - Agriculture ministers from Austria and Hungary met in Vienna on Monday
  to discuss grain exports. "We need open borders for food," the Austrian minister
  said.</description>
</item>
</channel></rss>
"""


class FeedServer:
    """Serves one feed with an ETag and answers 304 to a matching If-None-Match."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.headers.get("If-None-Match") == '"v1"':
            return httpx.Response(304)
        return httpx.Response(
            200, content=RSS, headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'}
        )


async def test_poller_ingests_new_entries_then_uses_the_etag():
    server = FeedServer()
    notified: list[int] = []

    async def on_ingested() -> None:
        notified.append(1)

    with Store.open(":memory:") as store:
        poller = FeedPoller(
            store,
            ["https://news.example.com/rss"],
            transport=httpx.MockTransport(server),
            on_ingested=on_ingested,
        )
        assert await poller.poll() == 1
        assert store.counts()["articles"] == 1
        assert notified == [1]
        assert await poller.poll() == 0  # 304 Not Modified: nothing read, nothing stored
        assert server.requests[-1].headers["If-None-Match"] == '"v1"'
        assert notified == [1]


async def test_unreachable_feed_is_logged_not_raised(caplog: pytest.LogCaptureFixture):
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with Store.open(":memory:") as store:
        poller = FeedPoller(
            store, ["https://down.example.com/rss"], transport=httpx.MockTransport(refuse)
        )
        assert await poller.poll() == 0
    assert "could not fetch https://down.example.com/rss: ConnectError" in caplog.text


async def test_fetch_refuses_huge_bodies(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("bot.feeds.MAX_FETCH_BYTES", 100)

    def big(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 1000)

    with pytest.raises(FetchError, match="larger than"):
        await fetch("https://example.com/big", transport=httpx.MockTransport(big))
