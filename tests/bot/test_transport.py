"""The Bot API transport (bot.transport.KeepAliveRequest) against a scripted local HTTP server:
keep-alive reuse, servers that close, timeouts, broken replies, the pool limit."""

from __future__ import annotations

import asyncio
import json
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import NetworkError, RetryAfter, TimedOut
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from bot.transport import KeepAliveRequest, make_request

TOKEN = "123456789:AAHsecretsecretsecretsecretsecretsec"

Reply = Callable[[bytes, asyncio.StreamWriter], Awaitable[bool]]
"""Writes the reply to one request (its body given); returns False to close the connection."""


@dataclass
class Server:
    """A local HTTP server whose replies a test scripts; counts connections and requests."""

    reply: Reply
    connections: int = 0
    requests: list[tuple[str, dict[str, str], bytes]] = field(default_factory=list)
    url: str = ""

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                headers = {
                    k.strip().lower(): v.strip()
                    for k, _, v in (line.partition(":") for line in lines[1:] if line)
                }
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                self.requests.append((lines[0], headers, body))
                if not await self.reply(body, writer):
                    break
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


async def ok(body: bytes, writer: asyncio.StreamWriter) -> bool:
    payload = json.dumps({"ok": True, "result": True}).encode()
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(payload), payload))
    return True


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    state = Server(reply=ok)
    listener = await asyncio.start_server(state.serve, "127.0.0.1", 0)
    port = listener.sockets[0].getsockname()[1]
    state.url = f"http://127.0.0.1:{port}/bot{TOKEN}/getMe"
    async with listener:
        yield state


@pytest.fixture
async def request_() -> AsyncIterator[KeepAliveRequest]:
    transport = KeepAliveRequest(2, read_timeout=2.0, pool_timeout=1.0)
    async with transport:
        yield transport


async def test_requests_reuse_one_kept_alive_connection(server: Server, request_: KeepAliveRequest):
    for _ in range(5):
        assert await request_.post(server.url) is True
    assert server.connections == 1
    line, headers, body = server.requests[0]
    assert line == f"POST /bot{TOKEN}/getMe HTTP/1.1"
    assert headers["host"] == server.url.split("/")[2]
    assert body == b""


async def test_parameters_go_as_one_json_body_with_nested_objects(
    server: Server, request_: KeepAliveRequest
):
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Sources", callback_data="src|=q")]])
    data = RequestData(
        [
            RequestParameter.from_input("chat_id", 42),
            RequestParameter.from_input("text", "Ünïcode <b>&</b>"),
            RequestParameter.from_input("reply_markup", markup),
        ]
    )
    await request_.post(server.url, data)
    _, headers, body = server.requests[0]
    assert headers["content-type"] == "application/json"
    assert json.loads(body) == {
        "chat_id": 42,
        "text": "Ünïcode <b>&</b>",
        "reply_markup": {"inline_keyboard": [[{"text": "Sources", "callback_data": "src|=q"}]]},
    }


async def test_a_connection_the_server_closes_is_replaced(
    server: Server, request_: KeepAliveRequest
):
    async def close_after(body: bytes, writer: asyncio.StreamWriter) -> bool:
        await ok(body, writer)
        return False  # closes the connection after replying, without saying so

    server.reply = close_after
    for _ in range(3):
        await request_.post(server.url)
        await asyncio.sleep(0.05)  # the close reaches the client
    assert server.connections == 3


async def test_connection_close_header_is_honoured(server: Server, request_: KeepAliveRequest):
    async def say_close(body: bytes, writer: asyncio.StreamWriter) -> bool:
        writer.write(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 22\r\n\r\n")
        writer.write(b'{"ok":true,"result":1}')
        return True  # the server would keep it; the client must not

    server.reply = say_close
    assert await request_.post(server.url) == 1
    assert await request_.post(server.url) == 1
    assert server.connections == 2


async def test_chunked_and_unsized_replies_are_read(server: Server, request_: KeepAliveRequest):
    async def chunked(body: bytes, writer: asyncio.StreamWriter) -> bool:
        writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        writer.write(b'5\r\n{"ok"\r\n11;ext=1\r\n:true,"result":7}\r\n0\r\n\r\n')
        return True

    server.reply = chunked
    assert await request_.post(server.url) == 7

    async def unsized(body: bytes, writer: asyncio.StreamWriter) -> bool:
        writer.write(b'HTTP/1.1 200 OK\r\n\r\n{"ok":true,"result":8}')
        return False  # the end of the body is the end of the connection

    server.reply = unsized
    assert await request_.post(server.url) == 8


async def test_error_statuses_become_telegram_errors(
    server: Server, request_: KeepAliveRequest, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # RetryAfter.retry_after as a timedelta, no warning

    async def flood(body: bytes, writer: asyncio.StreamWriter) -> bool:
        payload = json.dumps(
            {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 3",
             "parameters": {"retry_after": 3}}
        ).encode()  # fmt: skip
        writer.write(b"HTTP/1.1 429 Too Many\r\nContent-Length: %d\r\n\r\n" % len(payload))
        writer.write(payload)
        return True

    server.reply = flood
    with pytest.raises(RetryAfter) as caught:
        await request_.post(server.url)
    assert caught.value.retry_after == timedelta(seconds=3)
    assert server.connections == 1  # an error reply leaves the connection usable
    server.reply = ok
    assert await request_.post(server.url) is True
    assert server.connections == 1


async def test_a_slow_reply_is_timed_out_and_its_connection_dropped(
    server: Server, request_: KeepAliveRequest
):
    async def stall(body: bytes, writer: asyncio.StreamWriter) -> bool:
        await asyncio.sleep(1.0)
        return await ok(body, writer)

    server.reply = stall
    with pytest.raises(TimedOut):
        await request_.post(server.url, read_timeout=0.1)
    server.reply = ok
    assert await request_.post(server.url) is True
    assert server.connections == 2  # the timed-out one was not reused (its reply may follow)


async def test_a_broken_reply_is_a_network_error_without_the_token(
    server: Server, request_: KeepAliveRequest
):
    async def garbage(body: bytes, writer: asyncio.StreamWriter) -> bool:
        writer.write(b"SMTP ready\r\n\r\n")
        return True

    server.reply = garbage
    with pytest.raises(NetworkError) as caught:
        await request_.post(server.url)
    assert TOKEN not in str(caught.value)

    async def hang_up(body: bytes, writer: asyncio.StreamWriter) -> bool:
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{")
        return False  # closes mid-body

    server.reply = hang_up
    with pytest.raises(NetworkError, match="IncompleteReadError"):
        await request_.post(server.url)


async def test_a_refused_connection_is_a_network_error_without_the_token(
    request_: KeepAliveRequest,
):
    async def nothing(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.close()

    listener = await asyncio.start_server(nothing, "127.0.0.1", 0)  # a port free once closed
    port = listener.sockets[0].getsockname()[1]
    listener.close()
    await listener.wait_closed()
    with pytest.raises(NetworkError) as caught:
        await request_.post(f"http://127.0.0.1:{port}/bot{TOKEN}/getMe")
    assert not isinstance(caught.value, TimedOut)
    assert TOKEN not in str(caught.value)


async def test_calls_beyond_the_pool_wait_then_time_out(server: Server):
    release = asyncio.Event()

    async def held(body: bytes, writer: asyncio.StreamWriter) -> bool:
        await release.wait()
        return await ok(body, writer)

    server.reply = held
    async with KeepAliveRequest(1, read_timeout=5.0) as transport:
        first = asyncio.create_task(transport.post(server.url))
        await asyncio.sleep(0.05)
        with pytest.raises(TimedOut, match="Pool timeout"):
            await transport.post(server.url, pool_timeout=0.1)
        waiting = asyncio.create_task(transport.post(server.url, pool_timeout=2.0))
        await asyncio.sleep(0.05)
        release.set()
        assert await first is True
        assert await waiting is True
    assert server.connections == 1


async def test_a_cancelled_call_frees_its_slot_and_drops_its_connection(server: Server):
    async def stall(body: bytes, writer: asyncio.StreamWriter) -> bool:
        await asyncio.sleep(0.5)
        return await ok(body, writer)

    server.reply = stall
    async with KeepAliveRequest(1) as transport:
        call = asyncio.create_task(transport.post(server.url))
        await asyncio.sleep(0.05)
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await call
        server.reply = ok
        assert await transport.post(server.url, pool_timeout=0.5) is True
    assert server.connections == 2


async def test_not_initialized_is_refused(server: Server):
    transport = KeepAliveRequest()
    with pytest.raises(NetworkError, match="not initialized"):
        await transport.post(server.url)


def test_a_proxy_in_the_environment_selects_httpx():
    from telegram.request import HTTPXRequest

    assert isinstance(make_request(proxy=True, connection_pool_size=2), HTTPXRequest)
    assert isinstance(make_request(proxy=False, connection_pool_size=2), KeepAliveRequest)


async def test_a_connection_idle_too_long_is_not_reused(server: Server):
    async with KeepAliveRequest(2, keepalive_expiry=0.05) as transport:
        await transport.post(server.url)
        await transport.post(server.url)
        await asyncio.sleep(0.1)
        await transport.post(server.url)
    assert server.connections == 2


async def test_a_kept_alive_connection_closed_under_a_request_is_retried_once_on_a_new_one(
    server: Server, request_: KeepAliveRequest
):
    served: dict[int, int] = {}

    async def close_on_second(body: bytes, writer: asyncio.StreamWriter) -> bool:
        # The server's idle timeout fires just as the client reuses the connection: the
        # request is read but never answered.
        key = id(writer)
        served[key] = served.get(key, 0) + 1
        if served[key] == 2:
            return False
        return await ok(body, writer)

    server.reply = close_on_second
    assert await request_.post(server.url) is True
    assert await request_.post(server.url) is True
    assert server.connections == 2
    assert len(server.requests) == 3  # the unanswered one, then once more


async def test_a_new_connection_closed_without_a_reply_is_not_retried(
    server: Server, request_: KeepAliveRequest
):
    async def close(body: bytes, writer: asyncio.StreamWriter) -> bool:
        return False

    server.reply = close
    with pytest.raises(NetworkError):
        await request_.post(server.url)
    assert server.connections == 1


async def test_characters_a_request_line_cannot_carry_are_percent_encoded(
    server: Server, request_: KeepAliveRequest
):
    base = server.url.rsplit("/bot", 1)[0]
    await request_.retrieve(f"{base}/file/bot{TOKEN}/documents/my file é%41.txt")
    assert server.requests[0][0] == (
        f"GET /file/bot{TOKEN}/documents/my%20file%20%C3%A9%41.txt HTTP/1.1"
    )


# A self-signed certificate for localhost and 127.0.0.1, valid until 2126, made once with
# `openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=localhost
# -addext subjectAltName=DNS:localhost,IP:127.0.0.1`; it exists only for these tests.
_CERT = Path(__file__).parent / "fixtures" / "localhost-cert.pem"
_KEY = Path(__file__).parent / "fixtures" / "localhost-key.pem"


@pytest.fixture
async def tls_server() -> AsyncIterator[Server]:
    state = Server(reply=ok)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(_CERT, _KEY)
    listener = await asyncio.start_server(state.serve, "127.0.0.1", 0, ssl=context)
    port = listener.sockets[0].getsockname()[1]
    state.url = f"https://127.0.0.1:{port}/bot{TOKEN}/getMe"
    async with listener:
        yield state


async def test_https_is_verified_and_kept_alive(tls_server: Server):
    # The real Bot API is https: the certificate is checked against the trusted roots and
    # the host name, and the TLS connection is reused like a plain one.
    trusted = ssl.create_default_context(cafile=str(_CERT))
    async with KeepAliveRequest(2, read_timeout=2.0, ssl_context=trusted) as transport:
        for _ in range(3):
            assert await transport.post(tls_server.url) is True
    assert tls_server.connections == 1
    assert tls_server.requests[0][0] == f"POST /bot{TOKEN}/getMe HTTP/1.1"


async def test_an_untrusted_certificate_is_a_network_error_without_the_token(
    tls_server: Server,
):
    # The default context trusts only the system's roots, which never signed this test
    # certificate: the call must fail rather than talk to an unverified server.
    async with KeepAliveRequest(2, read_timeout=2.0, connect_timeout=2.0) as transport:
        with pytest.raises(NetworkError) as caught:
            await transport.post(tls_server.url)
    assert "CERTIFICATE_VERIFY_FAILED" in str(caught.value)
    assert TOKEN not in str(caught.value)
    assert tls_server.requests == []
