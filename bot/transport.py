"""A lean HTTP/1.1 keep-alive transport for the Bot API: python-telegram-bot's ``BaseRequest``.

Why not httpx (python-telegram-bot's default ``HTTPXRequest``): under load the bot process
spent more CPU in httpx, httpcore, anyio and h11 per Bot API call than in everything else it
does for a reply (building the request model, form-encoding the text byte by byte with
``urllib.parse.quote``, the pool's bookkeeping, the h11 state machine). The Bot API needs very
little of HTTP: a POST of a JSON body to one host, a JSON reply with a Content-Length, on a
connection kept alive. That is what this module does, on asyncio streams, with the same
contract as ``HTTPXRequest``:

* timeouts: connect, write, read (for the whole reply) and pool (waiting for a free
  connection) from the constructor, overridable per call; any of them -> ``TimedOut``;
* a refused or broken connection, a malformed reply -> ``NetworkError`` (never with the URL in
  the message: Bot API URLs carry the token);
* connections are reused while the server keeps them alive, and dropped when it closes them,
  sends ``Connection: close``, after ``keepalive_expiry`` seconds idle, or after any error or
  cancellation in the middle of a request (its state is then unknown);
* ``https`` with the system's certificate store for the real Bot API.

Calls that upload files (multipart) go through an ``HTTPXRequest`` made on first use; the bot
sends no files, but a ``BaseRequest`` must not refuse what python-telegram-bot asks of it.
``make_request`` picks ``HTTPXRequest`` altogether when a proxy is configured in the
environment (``Settings.proxy``: httpx honours ``HTTPS_PROXY`` and friends; this does not).
"""

from __future__ import annotations

import asyncio
import json
import ssl
import time
from urllib.parse import quote, urlsplit

from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

_MAX_HEAD = 64 * 1024  # bytes of status line and headers; the Bot API sends a few hundred
_POOL_TIMEOUT_MESSAGE = (
    "Pool timeout: All connections in the connection pool are occupied. "
    "Request was *not* sent to Telegram. Consider adjusting the connection "
    "pool size or the pool timeout."
)

_Origin = tuple[str, str, int]  # scheme, host, port


class _Connection:
    """One kept-alive connection to an origin."""

    __slots__ = ("idle_since", "origin", "reader", "used", "writer")

    def __init__(
        self, origin: _Origin, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        self.origin = origin
        self.reader = reader
        self.writer = writer
        self.idle_since = 0.0
        self.used = False  # has carried a request and reply: a kept-alive connection

    def reusable(self, now: float, expiry: float) -> bool:
        # The event loop has already fed an EOF from a server that closed the idle connection:
        # no system call needed to notice it.
        return (
            now - self.idle_since < expiry
            and not self.reader.at_eof()
            and not self.writer.is_closing()
        )

    def close(self) -> None:
        self.writer.close()


class _ProtocolError(Exception):
    """The server's reply is not HTTP/1.x as we understand it."""


class _NoReply(ConnectionError):
    """The connection was closed before any byte of a reply came back."""


class KeepAliveRequest(BaseRequest):
    """``BaseRequest`` over asyncio streams: HTTP/1.1, JSON bodies, kept-alive connections.

    Args:
        connection_pool_size: connections open at once (calls beyond wait up to
            ``pool_timeout`` seconds for one to come free).
        read_timeout, write_timeout, connect_timeout, pool_timeout: seconds, or None for no
            limit; defaults as ``HTTPXRequest``'s.
        keepalive_expiry: seconds an idle connection is kept for reuse.
        ssl_context: for ``https`` origins (default: the system's certificate store).
    """

    __slots__ = (
        "_closed",
        "_connect_timeout",
        "_expiry",
        "_files",
        "_idle",
        "_pool_size",
        "_pool_timeout",
        "_read_timeout",
        "_slots",
        "_ssl",
        "_targets",
        "_write_timeout",
    )

    def __init__(
        self,
        connection_pool_size: int = 8,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        *,
        keepalive_expiry: float = 30.0,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        if connection_pool_size < 1:
            raise ValueError("connection_pool_size must be at least 1")
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._expiry = keepalive_expiry
        self._ssl = ssl_context
        self._slots: asyncio.Semaphore | None = None
        self._idle: list[_Connection] = []
        # Bot API URLs are few (one per method): parse each once.
        self._targets: dict[str, tuple[_Origin, bytes]] = {}
        self._files: HTTPXRequest | None = None
        self._closed = True

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._closed:
            self._slots = asyncio.Semaphore(self._pool_size)
            self._closed = False

    async def shutdown(self) -> None:
        self._closed = True
        idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()
        if self._files is not None:
            await self._files.shutdown()
            self._files = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._closed or self._slots is None:
            raise RuntimeError("This KeepAliveRequest is not initialized!")
        if request_data is not None and request_data.contains_files:
            return await self._upload(
                url, method, request_data, read_timeout, write_timeout, connect_timeout,
                pool_timeout,
            )  # fmt: skip
        read = _given(read_timeout, self._read_timeout)
        write = _given(write_timeout, self._write_timeout)
        connect = _given(connect_timeout, self._connect_timeout)
        pool = _given(pool_timeout, self._pool_timeout)

        origin, path = self._target(url)
        body = b""
        if request_data is not None:
            parameters = request_data.parameters
            if parameters:
                # Nested objects (reply_markup, entities) as JSON, not as JSON in a string.
                # ASCII escapes: text with a lone surrogate still encodes (Telegram judges it).
                body = json.dumps(parameters).encode("ascii")
        head = b"%s %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: %s\r\nContent-Length: %d\r\n" % (
            method.encode("ascii"),
            path,
            _host_header(origin).encode("idna"),
            self.USER_AGENT.encode("ascii"),
            len(body),
        )
        if body:
            head += b"Content-Type: application/json\r\n"
        request = head + b"\r\n" + body

        slots = self._slots
        try:
            async with asyncio.timeout(pool):
                await slots.acquire()
        except TimeoutError as error:
            raise TimedOut(_POOL_TIMEOUT_MESSAGE) from error
        try:
            connection = await self._checkout(origin, connect)
            try:
                try:
                    code, payload, keep = await self._exchange(
                        connection, request, method, write, read
                    )
                except _NoReply:
                    if not connection.used:
                        raise
                    # A kept-alive connection the server closed while we were reusing it (the
                    # close had not reached us yet): nothing came back, so the request was not
                    # handled. Once more on a new connection, as browsers do.
                    connection.close()
                    connection = await self._checkout(origin, connect, fresh=True)
                    code, payload, keep = await self._exchange(
                        connection, request, method, write, read
                    )
            except BaseException:
                connection.close()  # half a request or half a reply: its state is unknown
                raise
            connection.used = True
            if keep and not self._closed:
                connection.idle_since = time.monotonic()
                self._idle.append(connection)
            else:
                connection.close()
            return code, payload
        except TimeoutError as error:
            raise TimedOut() from error
        except (OSError, EOFError, asyncio.LimitOverrunError, _ProtocolError, ValueError) as error:
            # IncompleteReadError is an EOFError: the server closed the connection mid-reply.
            raise NetworkError(f"Bot API connection failed: {type(error).__name__}: {error}") from (
                error
            )
        finally:
            slots.release()

    def _target(self, url: str) -> tuple[_Origin, bytes]:
        target = self._targets.get(url)
        if target is None:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise NetworkError(f"Bot API URL must be http(s)://host/..., not {parts.scheme!r}")
            port = parts.port or (443 if parts.scheme == "https" else 80)
            path = parts.path or "/"
            if parts.query:
                path += "?" + parts.query
            # As httpx does: characters a request line cannot carry (a space in a file's path)
            # are percent-encoded; what is already encoded stays as it is.
            path = quote(path, safe="/?=&%:@!$'()*+,;-._~")
            target = ((parts.scheme, parts.hostname, port), path.encode("ascii"))
            if len(self._targets) >= 256:  # bounded, should URLs ever vary
                self._targets.clear()
            self._targets[url] = target
        return target

    async def _checkout(
        self, origin: _Origin, connect_timeout: float | None, *, fresh: bool = False
    ) -> _Connection:
        """A kept-alive connection to ``origin`` (most recently used first), else a new one."""
        now = time.monotonic()
        idle = [] if fresh else self._idle
        for index in range(len(idle) - 1, -1, -1):
            connection = idle[index]
            if connection.origin != origin:
                continue
            del idle[index]
            if connection.reusable(now, self._expiry):
                return connection
            connection.close()
        scheme, host, port = origin
        context: ssl.SSLContext | None = None
        if scheme == "https":
            if self._ssl is None:
                self._ssl = ssl.create_default_context()
            context = self._ssl
        async with asyncio.timeout(connect_timeout):
            reader, writer = await asyncio.open_connection(host, port, ssl=context, limit=_MAX_HEAD)
        return _Connection(origin, reader, writer)

    @staticmethod
    async def _exchange(
        connection: _Connection,
        request: bytes,
        method: str,
        write_timeout: float | None,
        read_timeout: float | None,
    ) -> tuple[int, bytes, bool]:
        """Send one request and read its reply: (status, body, connection reusable)."""
        writer, reader = connection.writer, connection.reader
        try:
            writer.write(request)
            # Only a request larger than the socket buffer leaves anything to wait for.
            if writer.transport.get_write_buffer_size():
                async with asyncio.timeout(write_timeout):
                    await writer.drain()
        except (ConnectionResetError, BrokenPipeError) as error:
            raise _NoReply from error
        async with asyncio.timeout(read_timeout):
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except ConnectionResetError as error:
                raise _NoReply from error
            except asyncio.IncompleteReadError as error:
                if error.partial:
                    raise
                raise _NoReply from error
            while True:
                code, headers, keep = _parse_head(head)
                if code >= 200:
                    break  # 1xx (100 Continue) are interim: the reply follows
                head = await reader.readuntil(b"\r\n\r\n")
            if method == "HEAD" or code in (204, 304):
                return code, b"", keep
            if "chunked" in headers.get("transfer-encoding", "").lower():
                return code, await _read_chunked(reader), keep
            length = headers.get("content-length")
            if length is not None:
                if not length.isdigit():
                    raise _ProtocolError(f"bad Content-Length {length[:20]!r}")
                return code, await reader.readexactly(int(length)), keep
            # No length: the body runs to the end of the connection, which is then spent.
            return code, await reader.read(), False

    async def _upload(
        self,
        url: str,
        method: str,
        request_data: RequestData,
        read_timeout: ODVInput[float],
        write_timeout: ODVInput[float],
        connect_timeout: ODVInput[float],
        pool_timeout: ODVInput[float],
    ) -> tuple[int, bytes]:
        if self._files is None:
            self._files = HTTPXRequest(
                connection_pool_size=1,
                read_timeout=self._read_timeout,
                write_timeout=self._write_timeout,
                connect_timeout=self._connect_timeout,
                pool_timeout=self._pool_timeout,
            )
            await self._files.initialize()
        return await self._files.do_request(
            url,
            method,
            request_data,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )


def _given(timeout: ODVInput[float], default: float | None) -> float | None:
    """A per-call timeout, or the constructor's when the call leaves it at its default."""
    return default if isinstance(timeout, DefaultValue) else timeout


def _host_header(origin: _Origin) -> str:
    scheme, host, port = origin
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal
    default = 443 if scheme == "https" else 80
    return host if port == default else f"{host}:{port}"


def _parse_head(head: bytes) -> tuple[int, dict[str, str], bool]:
    """Status code, headers (lower-cased names) and whether the connection stays open."""
    lines = head.decode("latin-1").split("\r\n")
    version, _, rest = lines[0].partition(" ")
    status = rest[:3]
    if not version.startswith("HTTP/1.") or not status.isdigit():
        raise _ProtocolError(f"not an HTTP/1.x status line: {lines[0][:40]!r}")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    connection = headers.get("connection", "").lower()
    keep = "keep-alive" in connection if version == "HTTP/1.0" else "close" not in connection
    return int(status), headers, keep


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    parts: list[bytes] = []
    while True:
        size_line = await reader.readuntil(b"\r\n")
        size_text = size_line.split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            raise _ProtocolError(f"bad chunk size {size_text[:20]!r}") from None
        if size == 0:
            # Trailers (rare) up to the blank line.
            while await reader.readuntil(b"\r\n") != b"\r\n":
                pass
            return b"".join(parts)
        parts.append(await reader.readexactly(size))
        if await reader.readexactly(2) != b"\r\n":
            raise _ProtocolError("chunk not followed by CRLF")


def make_request(
    *,
    proxy: bool,
    connection_pool_size: int,
    read_timeout: float | None = 5.0,
    pool_timeout: float | None = 1.0,
) -> BaseRequest:
    """The Bot API transport: ``KeepAliveRequest``, or httpx's when a proxy is configured."""
    if proxy:
        return HTTPXRequest(
            connection_pool_size=connection_pool_size,
            read_timeout=read_timeout,
            pool_timeout=pool_timeout,
        )
    return KeepAliveRequest(
        connection_pool_size, read_timeout=read_timeout, pool_timeout=pool_timeout
    )
