"""A local Bot API server for end-to-end tests and benchmarks.

It speaks the Bot API's JSON over HTTP on 127.0.0.1, so the real bot (PTB `Application` with its
real HTTP client) talks to it exactly as it would to Telegram. Tests push user updates into it
and read what the bot sent. Failures (403, 429, 400, network drops) can be injected per chat.

Run it standalone for manual checks:  python -m tests.fake_telegram --port 8081
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_ID = 7000001
BOT_USERNAME = "exportbot_test_bot"


@dataclass
class SentMessage:
    """A message the bot sent (and its later edits)."""

    chat_id: int
    message_id: int
    text: str = ""
    reply_markup: dict[str, Any] | None = None
    parse_mode: str | None = None
    method: str = "sendMessage"
    document: bytes | None = None
    filename: str | None = None
    caption: str = ""
    sent_at: float = field(default_factory=time.monotonic)
    edits: int = 0

    @property
    def buttons(self) -> list[dict[str, Any]]:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]

    @property
    def button_labels(self) -> list[str]:
        return [b["text"] for b in self.buttons]

    def button(self, label: str) -> dict[str, Any]:
        """The button whose label contains `label` (exactly one must)."""
        found = [b for b in self.buttons if label in b["text"]]
        if len(found) != 1:
            raise AssertionError(f"expected one button {label!r}, got {self.button_labels}")
        return found[0]


@dataclass
class Failure:
    """An error to return instead of delivering to a chat."""

    status: int
    description: str
    retry_after: int | None = None
    times: int = 1


class FakeTelegram:
    """State and HTTP handlers of the fake Bot API server."""

    def __init__(self) -> None:
        self.updates: list[dict[str, Any]] = []
        self._new_update = asyncio.Condition()
        self._activity = asyncio.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self.sent: list[SentMessage] = []  # every message the bot sent, in order
        self.messages: dict[tuple[int, int], SentMessage] = {}
        self.callback_answers: list[dict[str, Any]] = []
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.failures: dict[int, list[Failure]] = defaultdict(list)
        self.blocked: set[int] = set()
        self.files: dict[str, bytes] = {}
        self.record_calls = True
        # (monotonic time, method, chat_id, HTTP status) of every answered call but getUpdates,
        # e.g. to see when a 429 was returned and what was sent after it.
        self.responses: list[tuple[float, str, int | None, int]] = []
        self._holds: dict[int, asyncio.Future[bool]] = {}
        self.held: list[int] = []  # chats whose sendMessage is waiting at the door (see hold)
        self.closing = False
        self.runner: web.AppRunner | None = None
        self.port = 0

    # --- server lifecycle -------------------------------------------------------------------

    async def start(self, port: int = 0) -> str:
        """Start listening on 127.0.0.1; return the base URL for `telegram.api_base_url`."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.*}", self._download)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self.base_url

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    async def stop(self) -> None:
        """Stop serving; pending long polls return at once instead of holding shutdown."""
        self.closing = True
        async with self._new_update:
            self._new_update.notify_all()
        if self.runner:
            await self.runner.cleanup()

    # --- what users do ----------------------------------------------------------------------

    async def push_update(self, update: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        update["update_id"] = update_id
        async with self._new_update:
            self.updates.append(update)
            self._new_update.notify_all()
        return update_id

    def next_message_id(self) -> int:
        return next(self._message_ids)

    def add_file(self, file_id: str, content: bytes) -> None:
        self.files[file_id] = content

    def fail(self, chat_id: int, status: int, description: str,
             retry_after: int | None = None, times: int = 1) -> None:
        """Make the next `times` sends to `chat_id` fail with this error."""
        self.failures[chat_id].append(Failure(status, description, retry_after, times))

    def hold(self, chat_id: int) -> None:
        """Keep the next sendMessage to `chat_id` waiting, unprocessed, until `release`."""
        self._holds[chat_id] = asyncio.get_running_loop().create_future()

    def release(self, chat_id: int, deliver: bool = True) -> None:
        """Let the held sendMessage through, or drop it as if it never reached Telegram."""
        future = self._holds.pop(chat_id, None)
        if future is not None and not future.done():
            future.set_result(deliver)

    # --- reading what the bot did -----------------------------------------------------------

    def messages_to(self, chat_id: int) -> list[SentMessage]:
        return [m for m in self.sent if m.chat_id == chat_id]

    async def wait_for(self, predicate: Any, timeout: float = 10.0) -> Any:
        """Wait until `predicate()` returns something truthy; return it."""
        deadline = time.monotonic() + timeout
        async with self._activity:
            while True:
                result = predicate()
                if result:
                    return result
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError("the bot did not do what the test waited for")
                try:
                    await asyncio.wait_for(self._activity.wait(), remaining)
                except TimeoutError:
                    pass

    async def _notify(self) -> None:
        async with self._activity:
            self._activity.notify_all()

    # --- HTTP -------------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            body = await request.read()
            if body:
                params.update(json.loads(body))
        elif request.content_type == "multipart/form-data":
            reader = await request.multipart()
            async for part in reader:
                if part.filename:
                    params[part.name] = (part.filename, await part.read())
                else:
                    params[part.name] = (await part.read()).decode()
        elif request.can_read_body:
            params.update(dict(await request.post()))
        for key in ("reply_markup", "commands", "scope", "link_preview_options", "allowed_updates"):
            if isinstance(params.get(key), str):
                try:
                    params[key] = json.loads(params[key])
                except ValueError:
                    pass
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        if self.record_calls and method != "getUpdates":
            self.calls.append((method, params))
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            return _error(404, f"Not Found: method {method} not supported by the fake")
        status = 500
        try:
            response = await handler(params)
            status = response.status
            return response
        finally:
            if method != "getUpdates":
                chat = params.get("chat_id")
                self.responses.append((time.monotonic(), method,
                                       int(chat) if str(chat).lstrip("-").isdigit() else None,
                                       status))
                await self._notify()

    async def _download(self, request: web.Request) -> web.Response:
        path = request.match_info["path"]
        content = self.files.get(path.removeprefix("documents/"))
        if content is None:
            return web.Response(status=404)
        return web.Response(body=content)

    def _failure_for(self, chat_id: int) -> web.Response | None:
        if chat_id in self.blocked:
            return _error(403, "Forbidden: bot was blocked by the user")
        queue = self.failures.get(chat_id)
        if not queue:
            return None
        failure = queue[0]
        failure.times -= 1
        if failure.times <= 0:
            queue.pop(0)
        extra = {"parameters": {"retry_after": failure.retry_after}} if failure.retry_after else {}
        return _error(failure.status, failure.description, **extra)

    # --- Bot API methods --------------------------------------------------------------------

    async def api_getMe(self, params: dict[str, Any]) -> web.Response:
        return _ok({"id": BOT_ID, "is_bot": True, "first_name": "Asisten Ekspor",
                    "username": BOT_USERNAME, "can_join_groups": True,
                    "can_read_all_group_messages": False, "supports_inline_queries": False})

    async def api_deleteWebhook(self, params: dict[str, Any]) -> web.Response:
        return _ok(True)

    async def api_setMyCommands(self, params: dict[str, Any]) -> web.Response:
        scope = params.get("scope") or {"type": "default"}
        key = scope.get("type", "default") + (f":{scope['chat_id']}" if "chat_id" in scope else "")
        self.commands[key] = params.get("commands", [])
        return _ok(True)

    async def api_deleteMyCommands(self, params: dict[str, Any]) -> web.Response:
        return _ok(True)

    async def api_getUpdates(self, params: dict[str, Any]) -> web.Response:
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + timeout
        async with self._new_update:
            # Confirmed updates (below offset) are forgotten, as Telegram does.
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            while not self.updates and time.monotonic() < deadline and not self.closing:
                try:
                    await asyncio.wait_for(self._new_update.wait(), deadline - time.monotonic())
                except TimeoutError:
                    break
            return _ok(self.updates[:limit])

    def _message_result(self, message: SentMessage) -> dict[str, Any]:
        result: dict[str, Any] = {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": {"id": message.chat_id, "type": "private" if message.chat_id > 0 else "group"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Asisten Ekspor",
                     "username": BOT_USERNAME},
        }
        if message.text:
            result["text"] = message.text
        if message.reply_markup:
            result["reply_markup"] = message.reply_markup
        if message.document is not None:
            result["document"] = {"file_id": f"doc{message.message_id}",
                                  "file_unique_id": f"u{message.message_id}",
                                  "file_name": message.filename}
            if message.caption:
                result["caption"] = message.caption
        return result

    async def api_sendMessage(self, params: dict[str, Any]) -> web.Response:
        chat_id = int(params["chat_id"])
        hold = self._holds.get(chat_id)
        if hold is not None:
            self.held.append(chat_id)
            await self._notify()
            if not await hold:
                return _error(502, "Bad Gateway")
        failure = self._failure_for(chat_id)
        if failure:
            return failure
        text = str(params.get("text", ""))
        if not text.strip():
            return _error(400, "Bad Request: message text is empty")
        if len(text) > 4096 and params.get("parse_mode") is None:
            return _error(400, "Bad Request: message is too long")
        message = SentMessage(chat_id, self.next_message_id(), text, params.get("reply_markup"),
                              params.get("parse_mode"))
        if params.get("parse_mode") == "HTML":
            problem = _check_html(text)
            if problem:
                return _error(400, f"Bad Request: can't parse entities: {problem}")
        self.sent.append(message)
        self.messages[(chat_id, message.message_id)] = message
        return _ok(self._message_result(message))

    async def api_sendDocument(self, params: dict[str, Any]) -> web.Response:
        chat_id = int(params["chat_id"])
        failure = self._failure_for(chat_id)
        if failure:
            return failure
        document = params.get("document")
        filename, content = document if isinstance(document, tuple) else ("file", b"")
        message = SentMessage(chat_id, self.next_message_id(), "", params.get("reply_markup"),
                              params.get("parse_mode"), "sendDocument", content, filename,
                              str(params.get("caption", "")))
        self.sent.append(message)
        self.messages[(chat_id, message.message_id)] = message
        return _ok(self._message_result(message))

    api_sendPhoto = api_sendDocument

    async def api_editMessageText(self, params: dict[str, Any]) -> web.Response:
        key = (int(params["chat_id"]), int(params["message_id"]))
        message = self.messages.get(key)
        if message is None:
            return _error(400, "Bad Request: message to edit not found")
        text = str(params.get("text", ""))
        if text == message.text and params.get("reply_markup") == message.reply_markup:
            return _error(400, "Bad Request: message is not modified")
        message.text = text
        message.reply_markup = params.get("reply_markup")
        message.edits += 1
        return _ok(self._message_result(message))

    async def api_editMessageReplyMarkup(self, params: dict[str, Any]) -> web.Response:
        key = (int(params["chat_id"]), int(params["message_id"]))
        message = self.messages.get(key)
        if message is None:
            return _error(400, "Bad Request: message to edit not found")
        message.reply_markup = params.get("reply_markup")
        message.edits += 1
        return _ok(self._message_result(message))

    async def api_deleteMessage(self, params: dict[str, Any]) -> web.Response:
        self.messages.pop((int(params["chat_id"]), int(params["message_id"])), None)
        return _ok(True)

    async def api_answerCallbackQuery(self, params: dict[str, Any]) -> web.Response:
        self.callback_answers.append(params)
        return _ok(True)

    async def api_sendChatAction(self, params: dict[str, Any]) -> web.Response:
        return _ok(True)

    async def api_getFile(self, params: dict[str, Any]) -> web.Response:
        file_id = str(params["file_id"])
        if file_id not in self.files:
            return _error(400, "Bad Request: invalid file_id")
        return _ok({"file_id": file_id, "file_unique_id": f"u-{file_id}",
                    "file_size": len(self.files[file_id]), "file_path": f"documents/{file_id}"})

    async def api_close(self, params: dict[str, Any]) -> web.Response:
        return _ok(True)

    async def api_logOut(self, params: dict[str, Any]) -> web.Response:
        return _ok(True)


def max_in_window(times: list[float], window: float = 1.0) -> int:
    """Rate checks on send times: the most events in any half-open window [t, t + window)."""
    times = sorted(times)
    best, start = 0, 0
    for end, at in enumerate(times):
        while at - times[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(status: int, description: str, **extra: Any) -> web.Response:
    return web.json_response(
        {"ok": False, "error_code": status, "description": description, **extra}, status=status
    )


_ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
                 "blockquote", "tg-spoiler", "span"}


def _check_html(text: str) -> str | None:
    """Reject HTML Telegram would reject: unknown tags, unbalanced tags, bare '<' or '&'."""
    import re

    stack: list[str] = []
    for match in re.finditer(r"<(/?)([a-zA-Z-]*)[^>]*>|<|&(?!(lt|gt|amp|quot|#\d+);)", text):
        token = match.group(0)
        if token in ("<", "&") or not match.group(2):
            return f"unescaped {token!r} at offset {match.start()}"
        closing, name = match.group(1), match.group(2).lower()
        if name not in _ALLOWED_TAGS:
            return f"unsupported start tag {name!r} at offset {match.start()}"
        if closing:
            if not stack or stack[-1] != name:
                return f"unmatched end tag {name!r}"
            stack.pop()
        else:
            stack.append(name)
    return f"unclosed tag {stack[-1]!r}" if stack else None


async def _serve(port: int) -> None:
    fake = FakeTelegram()
    url = await fake.start(port)
    print(f"fake Bot API server at {url}  (file URL {fake.file_url})", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8081)
    asyncio.run(_serve(parser.parse_args().port))
