"""A fake Telegram Bot API server on 127.0.0.1 that validates what Telegram validates.

It runs its own asyncio loop in a daemon thread, so that synchronous tests, async tests (each
with their own loop) and the benchmark can all drive it. The bot under test reaches it through
``base_url`` / ``TELEGRAM_API_BASE_URL`` = ``server.base_url``.

What it checks, as the real server does: the token; HTML that is well formed and uses only
Telegram's tags and entities; message text of 1..4096 UTF-16 code units after parsing; callback
data of 1..64 bytes; at most 50 inline results with unique ids; bot command names and
descriptions; editing a message that exists, with changed text. Invalid requests get the same
kind of 400 error Telegram sends. ``fail_next`` makes the next calls of a method fail with 429
(``retry_after``) or 500, so tests can see the bot ride through them.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

JSON = dict[str, Any]

ALLOWED_TAGS: dict[str, set[str]] = {
    "b": set(),
    "strong": set(),
    "i": set(),
    "em": set(),
    "u": set(),
    "ins": set(),
    "s": set(),
    "strike": set(),
    "del": set(),
    "span": {"class"},
    "tg-spoiler": set(),
    "a": {"href"},
    "code": {"class"},
    "pre": set(),
    "blockquote": {"expandable"},
    "tg-emoji": {"emoji-id"},
}
_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:=\"[^\"<>]*\"|='[^'<>]*')?)*)\s*>"
)
_ATTR = re.compile(r"([a-zA-Z-]+)(?:=(\"[^\"]*\"|'[^']*'))?")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);")
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
_SPECIAL = re.compile(r"[<&>]")


class BadRequest(Exception):
    """A request Telegram would refuse with 400."""


class Forbidden(Exception):
    """A request Telegram would refuse with 403 (the user blocked the bot)."""


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> str:
    """The visible text of Telegram HTML; raises BadRequest where Telegram would."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        # Plain text up to the next markup character in one piece: the benchmark sends
        # ~200 messages a second through this server, on the same cores as the bot.
        special = _SPECIAL.search(text, i)
        if special is None:
            out.append(text[i:])
            break
        if special.start() > i:
            out.append(text[i : special.start()])
            i = special.start()
        ch = text[i]
        if ch == "<":
            m = _TAG.match(text, i)
            if m is None:
                raise BadRequest(f"Can't parse entities: unexpected '<' at byte offset {i}")
            closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
            if name not in ALLOWED_TAGS:
                raise BadRequest(
                    f'Can\'t parse entities: unsupported start tag "{name}" at byte offset {i}'
                )
            if closing:
                if not stack or stack[-1] != name:
                    expected = stack[-1] if stack else ""
                    raise BadRequest(
                        f"Can't parse entities: unmatched end tag at byte offset {i}, "
                        f'expected "</{expected}>", found "</{name}>"'
                    )
                stack.pop()
            else:
                for am in _ATTR.finditer(attrs):
                    attr, value = am.group(1).lower(), am.group(2)
                    if attr not in ALLOWED_TAGS[name]:
                        continue  # Telegram ignores unknown attributes
                    if name == "span" and (value or "").strip("\"'") != "tg-spoiler":
                        raise BadRequest("Can't parse entities: span must have class tg-spoiler")
                    if name == "a" and attr == "href":
                        href = html.unescape((value or "").strip("\"'"))
                        if not re.match(r"^(https?|tg)://", href):
                            raise BadRequest(f"Can't parse entities: wrong HTTP URL {href!r}")
                if name == "span" and "class" not in attrs:
                    raise BadRequest("Can't parse entities: span must have class tg-spoiler")
                stack.append(name)
            i = m.end()
        elif ch == "&":
            m = _ENTITY.match(text, i)
            if m is None:
                raise BadRequest(f"Can't parse entities: unsupported entity at byte offset {i}")
            out.append(html.unescape(m.group(0)))
            i = m.end()
        else:
            # Telegram tolerates a bare '>' but html.escape never produces one; flag it as a bug.
            raise BadRequest(f"Can't parse entities: unescaped '>' at byte offset {i}")
    if stack:
        raise BadRequest(
            f"Can't parse entities: can't find end tag corresponding to start tag \"{stack[-1]}\""
        )
    return "".join(out)


def check_text(text: Any, parse_mode: Any) -> str:
    """Validate a message text; return what the user sees."""
    if not isinstance(text, str):
        raise BadRequest("message text is empty")
    visible = parse_html(text) if str(parse_mode).upper() == "HTML" else text
    if not visible.strip():
        raise BadRequest("message text is empty")
    if utf16_len(visible) > 4096:
        raise BadRequest("message is too long")
    return visible


def check_markup(markup: Any) -> None:
    if markup is None:
        return
    if not isinstance(markup, dict):
        raise BadRequest("can't parse reply keyboard markup JSON object")
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not button.get("text"):
                raise BadRequest("text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode("utf-8")) <= 64:
                raise BadRequest("BUTTON_DATA_INVALID")
            if button.get("url") is not None and not re.match(r"^(https?|tg)://", button["url"]):
                raise BadRequest("BUTTON_URL_INVALID")


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: JSON
    at: float
    visible: str | None = None
    result: Any = None


@dataclass
class _Failure:
    status: int
    retry_after: int
    remaining: int


@dataclass
class FakeBotAPI:
    """The server. Use as a context manager, or ``start()`` / ``stop()``."""

    token: str = "123456789:AAHfakefakefakefakefakefakefakefake1"
    bot_id: int = 123456789
    username: str = "newsdesk_test_bot"
    host: str = "127.0.0.1"
    port: int = 0
    calls: list[Call] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    push_times: dict[int, float] = field(default_factory=dict)
    commands: list[JSON] = field(default_factory=list)
    webhook: JSON = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    blocked: set[int] = field(default_factory=set)
    """Chats that blocked the bot: sending to them is refused with 403."""
    pages: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    """Web pages and feeds served at ``/static/<name>`` (body, content type): for /ingest URL
    and --feeds, which must not reach the internet from a test."""
    on_call: Callable[[Call], None] | None = None
    """Called (in the server's thread) with every successful call: the benchmark's hook."""
    keep_calls: bool = True
    """False: do not keep calls in ``calls`` (a long benchmark would hoard them)."""

    def __post_init__(self) -> None:
        self._cond = threading.Condition()
        self._updates: list[JSON] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._messages: dict[tuple[int, int], JSON] = {}
        self._failures: dict[str, list[_Failure]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._new_update: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.Server | None = None
        self._started = threading.Event()
        self._unix_date = int(time.time())

    # ------------------------------------------------------------------ lifecycle

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/bot"

    def static_url(self, name: str) -> str:
        return f"http://{self.host}:{self.port}/static/{name}"

    @property
    def base_file_url(self) -> str:
        return f"http://{self.host}:{self.port}/file/bot"

    def start(self) -> FakeBotAPI:
        self._thread = threading.Thread(target=self._run, name="fakebotapi", daemon=True)
        self._thread.start()
        if not self._started.wait(10):
            raise RuntimeError("fake Bot API server did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None and self._loop.is_running():
            asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(5)
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def _shutdown(self) -> None:
        assert self._server is not None and self._loop is not None
        self._server.close()
        current = asyncio.current_task()
        tasks = [t for t in asyncio.all_tasks() if t is not current]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._loop.call_soon(self._loop.stop)

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        self._new_update = asyncio.Event()
        self._server = loop.run_until_complete(
            asyncio.start_server(self._serve_connection, self.host, self.port, backlog=512)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._started.set()
        try:
            loop.run_forever()
        finally:
            self._server.close()
            loop.close()

    # ------------------------------------------------------------------ test-side API

    def fail_next(
        self, method: str, status: int = 429, *, count: int = 1, retry_after: int = 1
    ) -> None:
        """Make the next ``count`` calls of ``method`` fail with ``status`` (429 or 5xx)."""
        with self._cond:
            self._failures.setdefault(method, []).append(_Failure(status, retry_after, count))

    def push_update(self, update: JSON) -> int:
        """Queue an update for getUpdates; returns its update_id."""
        update = dict(update)
        update_id = next(self._update_ids)
        update["update_id"] = update_id
        with self._cond:
            self._updates.append(update)
            self.push_times[update_id] = time.perf_counter()
        assert self._loop is not None and self._new_update is not None
        self._loop.call_soon_threadsafe(self._new_update.set)
        return update_id

    def user(self, user_id: int, first_name: str = "Reader") -> JSON:
        return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "en"}

    def message(
        self,
        text: str,
        *,
        user_id: int = 1001,
        chat_id: int | None = None,
        chat_type: str = "private",
        reply_to: JSON | None = None,
        entities: list[JSON] | None = None,
        document: JSON | None = None,
    ) -> JSON:
        """A user's message as Telegram would deliver it (bot commands get their entity)."""
        chat_id = user_id if chat_id is None else chat_id
        chat: JSON = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = "Reader"
        else:
            chat["title"] = "Newsroom"
        msg: JSON = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": self.user(user_id),
        }
        if document is not None:
            msg["document"] = document
            if text:
                msg["caption"] = text
        else:
            msg["text"] = text
            ents = list(entities or [])
            if text.startswith("/"):
                command = text.split()[0]
                ents.append({"type": "bot_command", "offset": 0, "length": utf16_len(command)})
            for m in re.finditer(r"@[A-Za-z0-9_]{5,}", text):
                start = utf16_len(text[: m.start()])
                ents.append({"type": "mention", "offset": start, "length": utf16_len(m.group(0))})
            if ents:
                msg["entities"] = ents
        if reply_to is not None:
            msg["reply_to_message"] = reply_to
        return msg

    def send_text(self, text: str, **kwargs: Any) -> int:
        """Push a message update; returns the update_id."""
        return self.push_update({"message": self.message(text, **kwargs)})

    def press_button(self, message: JSON, data: str, *, user_id: int = 1001) -> int:
        """Push a callback query for a button under ``message`` (a sent-message result)."""
        query = {
            "id": str(next(self._message_ids)),
            "from": self.user(user_id),
            "chat_instance": "ci-1",
            "message": message,
            "data": data,
        }
        return self.push_update({"callback_query": query})

    def inline_query(self, query: str, *, user_id: int = 1001) -> int:
        inline = {
            "id": str(next(self._message_ids)),
            "from": self.user(user_id),
            "query": query,
            "offset": "",
        }
        return self.push_update({"inline_query": inline})

    def bot_user(self) -> JSON:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Newsdesk",
            "username": self.username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    def find(
        self, method: str | None = None, predicate: Callable[[Call], bool] | None = None
    ) -> list[Call]:
        with self._cond:
            return [
                c
                for c in self.calls
                if (method is None or c.method == method) and (predicate is None or predicate(c))
            ]

    def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        *,
        timeout: float = 10.0,
        count: int = 1,
        after: int = 0,
    ) -> list[Call]:
        """Block until ``count`` matching calls (among calls[after:]) arrived; return them."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [
                    c
                    for c in self.calls[after:]
                    if c.method == method and (predicate is None or predicate(c))
                ]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.params.get("chat_id")) for c in self.calls[after:]][-20:]
                    raise TimeoutError(
                        f"no {count} x {method} within {timeout}s; "
                        f"errors={self.errors[-5:]}; seen={seen}"
                    )
                self._cond.wait(left)

    def mark(self) -> int:
        """The number of calls so far: pass as ``after=`` to wait only for new ones."""
        with self._cond:
            return len(self.calls)

    def replies_to(
        self, chat_id: int, *, after: int = 0, timeout: float = 10.0, count: int = 1
    ) -> list[Call]:
        return self.wait_for(
            "sendMessage",
            lambda c: int(c.params.get("chat_id", 0)) == chat_id,
            timeout=timeout,
            count=count,
            after=after,
        )

    # ------------------------------------------------------------------ HTTP

    async def _serve_connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        try:
            while True:
                request_line = await reader.readline()
                if not request_line:
                    break
                method, target, _ = request_line.decode("latin-1").split(" ", 2)
                headers: dict[str, str] = {}
                while True:
                    line = await reader.readline()
                    if line in (b"\r\n", b"\n", b""):
                        break
                    name, _, value = line.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = b""
                if "content-length" in headers:
                    body = await reader.readexactly(int(headers["content-length"]))
                elif headers.get("transfer-encoding", "").lower() == "chunked":
                    body = await self._read_chunked(reader)
                status, content_type, payload = await self._dispatch(method, target, headers, body)
                head = (
                    f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\n"
                    f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n"
                    "Connection: keep-alive\r\n\r\n"
                )
                writer.write(head.encode("latin-1") + payload)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            pass
        except asyncio.CancelledError:
            # Shutting down: end quietly (a cancelled connection task makes 3.11's streams
            # module log a spurious traceback).
            pass
        finally:
            writer.close()

    @staticmethod
    async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
        body = b""
        while True:
            size = int((await reader.readline()).strip(), 16)
            if size == 0:
                await reader.readline()
                return body
            body += await reader.readexactly(size)
            await reader.readline()

    async def _dispatch(
        self, verb: str, target: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, str, bytes]:
        path = unquote(urlsplit(target).path)
        if path.startswith("/static/"):
            page = self.pages.get(path[len("/static/") :])
            if page is None:
                return 404, "text/plain", b"Not Found"
            return 200, page[1], page[0]
        file_prefix = f"/file/bot{self.token}/"
        if path.startswith(file_prefix):
            data = self.files.get(path[len(file_prefix) :])
            if data is None:
                return 404, "text/plain", b"Not Found"
            return 200, "application/octet-stream", data
        m = re.match(r"^/bot([^/]+)/([A-Za-z]+)$", path)
        if m is None:
            return self._error(404, "Not Found")
        if m.group(1) != self.token:
            return self._error(401, "Unauthorized")
        method = m.group(2)
        params = self._params(target, headers, body)
        failure = self._take_failure(method)
        if failure is not None:
            with self._cond:
                self.errors.append((method, f"injected {failure.status}"))
            if failure.status == 429:
                return self._error(
                    429,
                    f"Too Many Requests: retry after {failure.retry_after}",
                    {"retry_after": failure.retry_after},
                )
            return self._error(failure.status, "Internal Server Error")
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return self._error(404, "Not Found: method not found")
        call = Call(method, params, time.perf_counter())
        try:
            result = (
                await handler(params, call) if method == "getUpdates" else handler(params, call)
            )
        except BadRequest as error:
            with self._cond:
                self.errors.append((method, str(error)))
                self._cond.notify_all()
            return self._error(400, f"Bad Request: {error}")
        except Forbidden as error:
            return self._error(403, f"Forbidden: {error}")
        call.result = result
        if method != "getUpdates":
            if self.keep_calls:
                with self._cond:
                    self.calls.append(call)
                    self._cond.notify_all()
            if self.on_call is not None:
                self.on_call(call)
        return 200, "application/json", json.dumps({"ok": True, "result": result}).encode()

    def _take_failure(self, method: str) -> _Failure | None:
        with self._cond:
            queue = self._failures.get(method)
            if not queue:
                return None
            failure = queue[0]
            failure.remaining -= 1
            if failure.remaining <= 0:
                queue.pop(0)
            return failure

    @staticmethod
    def _error(
        code: int, description: str, parameters: JSON | None = None
    ) -> tuple[int, str, bytes]:
        body: JSON = {"ok": False, "error_code": code, "description": description}
        if parameters:
            body["parameters"] = parameters
        return code, "application/json", json.dumps(body).encode()

    @staticmethod
    def _params(target: str, headers: dict[str, str], body: bytes) -> JSON:
        params: JSON = dict(parse_qsl(urlsplit(target).query))
        ctype = headers.get("content-type", "")
        if ctype.startswith("application/json") and body:
            params.update(json.loads(body))
            return params
        if ctype.startswith("application/x-www-form-urlencoded"):
            raw = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        elif ctype.startswith("multipart/form-data"):
            raw = FakeBotAPI._multipart(ctype, body)
        else:
            raw = {}
        for key, value in raw.items():
            # PTB JSON-encodes every non-string value; strings are sent as they are.
            if value[:1] in ("{", "[") or value in ("true", "false"):
                try:
                    params[key] = json.loads(value)
                    continue
                except json.JSONDecodeError:
                    pass
            params[key] = value
        return params

    @staticmethod
    def _multipart(ctype: str, body: bytes) -> dict[str, str]:
        boundary = ctype.split("boundary=", 1)[1].strip('"').encode()
        fields: dict[str, str] = {}
        for part in body.split(b"--" + boundary):
            head, _, content = part.partition(b"\r\n\r\n")
            m = re.search(rb'name="([^"]+)"', head)
            if m and b"filename=" not in head:
                fields[m.group(1).decode()] = content.rstrip(b"\r\n").decode("utf-8")
        return fields

    # ------------------------------------------------------------------ methods

    def _m_getMe(self, params: JSON, call: Call) -> JSON:
        return self.bot_user()

    def _m_logOut(self, params: JSON, call: Call) -> bool:
        return True

    def _m_close(self, params: JSON, call: Call) -> bool:
        return True

    def _m_deleteWebhook(self, params: JSON, call: Call) -> bool:
        self.webhook = {}
        if params.get("drop_pending_updates") in (True, "true"):
            with self._cond:
                self._updates.clear()
        return True

    def _m_setWebhook(self, params: JSON, call: Call) -> bool:
        url = params.get("url", "")
        if url and not url.startswith("https://") and not url.startswith("http://127.0.0.1"):
            raise BadRequest("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = dict(params)
        return True

    def _m_getWebhookInfo(self, params: JSON, call: Call) -> JSON:
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _m_setMyCommands(self, params: JSON, call: Call) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise BadRequest("commands must be a list of at most 100 commands")
        for command in commands:
            if not _COMMAND.match(command.get("command", "")):
                raise BadRequest("BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise BadRequest("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands = commands
        return True

    def _m_getMyCommands(self, params: JSON, call: Call) -> list[JSON]:
        return self.commands

    def _m_deleteMyCommands(self, params: JSON, call: Call) -> bool:
        self.commands = []
        return True

    def _m_sendChatAction(self, params: JSON, call: Call) -> bool:
        if "chat_id" not in params or not params.get("action"):
            raise BadRequest("chat_id and action are required")
        return True

    def _m_sendMessage(self, params: JSON, call: Call) -> JSON:
        if "chat_id" not in params:
            raise BadRequest("chat not found")
        if int(params["chat_id"]) in self.blocked:
            raise Forbidden("bot was blocked by the user")
        call.visible = check_text(params.get("text"), params.get("parse_mode"))
        check_markup(params.get("reply_markup"))
        chat_id = int(params["chat_id"])
        message: JSON = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": self.bot_user(),
            "text": call.visible,
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        with self._cond:
            self._messages[(chat_id, message["message_id"])] = message
        return message

    def _m_editMessageText(self, params: JSON, call: Call) -> JSON | bool:
        call.visible = check_text(params.get("text"), params.get("parse_mode"))
        check_markup(params.get("reply_markup"))
        if "inline_message_id" in params:
            return True
        key = (int(params.get("chat_id", 0)), int(params.get("message_id", 0)))
        with self._cond:
            message = self._messages.get(key)
            if message is None:
                raise BadRequest("message to edit not found")
            if message.get("text") == call.visible and message.get("reply_markup") == params.get(
                "reply_markup"
            ):
                raise BadRequest(
                    "message is not modified: specified new message content and reply markup"
                    " are exactly the same"
                )
            message = dict(message, text=call.visible, edit_date=int(time.time()))
            if params.get("reply_markup"):
                message["reply_markup"] = params["reply_markup"]
            self._messages[key] = message
        return message

    def _m_answerCallbackQuery(self, params: JSON, call: Call) -> bool:
        if not params.get("callback_query_id"):
            raise BadRequest("query is too old and response timeout expired or query ID is invalid")
        if len(params.get("text") or "") > 200:
            raise BadRequest("MESSAGE_TOO_LONG")
        return True

    def _m_answerInlineQuery(self, params: JSON, call: Call) -> bool:
        results = params.get("results")
        if not isinstance(results, list):
            raise BadRequest("RESULTS_INVALID")
        if len(results) > 50:
            raise BadRequest("RESULTS_TOO_MUCH")
        ids = [r.get("id", "") for r in results]
        if len(set(ids)) != len(ids) or any(not 1 <= len(i.encode()) <= 64 for i in ids):
            raise BadRequest("RESULT_ID_INVALID")
        for result in results:
            if not result.get("title"):
                raise BadRequest("RESULT_TITLE_EMPTY")
            content = result.get("input_message_content") or {}
            check_text(content.get("message_text"), content.get("parse_mode"))
            check_markup(result.get("reply_markup"))
        return True

    def _m_getFile(self, params: JSON, call: Call) -> JSON:
        file_id = params.get("file_id", "")
        if file_id not in self.files:
            raise BadRequest("invalid file_id")
        return {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_size": len(self.files[file_id]),
            "file_path": file_id,
        }

    async def _m_getUpdates(self, params: JSON, call: Call) -> list[JSON]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        assert self._new_update is not None
        deadline = time.monotonic() + timeout
        while True:
            with self._cond:
                if offset:
                    # Telegram forgets every update before the offset: they are confirmed.
                    self._updates = [u for u in self._updates if u["update_id"] >= offset]
                pending = self._updates[:limit]
                self._new_update.clear()
            left = deadline - time.monotonic()
            if pending or left <= 0:
                return pending
            try:
                await asyncio.wait_for(self._new_update.wait(), left)
            except TimeoutError:
                return []
