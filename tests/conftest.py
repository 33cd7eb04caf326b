"""Shared fixtures: a fake Bot API server, a running bot against it, and simulated users.

A test reads as a user's story:

    async def test_typo_question_gets_halal_answer(user):
        alice = user(101)
        reply = await alice.ask("gmn cara dpt sertif halal")
        assert "halal" in reply.text.lower()
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.clock import Clock
from bot.config import Config, load_config
from tests.fake_telegram import BOT_USERNAME, FakeTelegram, SentMessage

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
ADMIN_ID = 900
ORGANISER_ID = 800
TOKEN = "123456:TEST-TOKEN-not-a-secret"


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegram]:
    """A fake Bot API server on 127.0.0.1."""
    fake = FakeTelegram()
    await fake.start()
    yield fake
    await fake.stop()


def write_config(folder: Path, telegram: FakeTelegram | None = None, **overrides: Any) -> Path:
    """Write a config.yaml for tests into `folder` and return its path."""
    data: dict[str, Any] = {
        "telegram": {
            "api_base_url": telegram.base_url if telegram else "http://127.0.0.1:9/bot",
            "api_file_url": telegram.file_url if telegram else "http://127.0.0.1:9/file/bot",
        },
        "knowledge_dir": str(KNOWLEDGE),
        "database": str(folder / "bot.sqlite3"),
        "admins": [ADMIN_ID],
        "organisers": [ORGANISER_ID],
        "chat": {"flood_messages": 8, "flood_window": 10},
        "broadcast": {"messages_per_second": 28, "progress_interval": 0.5},
        # The repo's knowledge/ may be edited while tests run: only tests that ask for it watch.
        "knowledge_watch_seconds": 0,
    }
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def config_overrides() -> dict[str, Any]:
    """Override in a test module to change config keys for the `bot` fixture."""
    return {}


@pytest.fixture
def config(tmp_path: Path, telegram: FakeTelegram, config_overrides: dict[str, Any],
           monkeypatch: pytest.MonkeyPatch) -> Config:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    return load_config(write_config(tmp_path, telegram, **config_overrides))


@pytest.fixture
def clock() -> Clock:
    """The bot's clock; override with a ManualClock where time must move."""
    return Clock()


@pytest.fixture
async def bot(config: Config, clock: Clock, telegram: FakeTelegram) -> AsyncIterator[Any]:
    """The real bot, polling the fake server."""
    from handlers.application import running_bot

    async with running_bot(config, clock) as app:
        yield app


_message_ids = itertools.count(1)


class FakeUser:
    """A Telegram user driving the bot through the fake server."""

    def __init__(self, telegram: FakeTelegram, user_id: int, chat_id: int | None = None,
                 first_name: str = "", username: str | None = None) -> None:
        self.telegram = telegram
        self.id = user_id
        self.chat_id = chat_id if chat_id is not None else user_id
        self.first_name = first_name or f"User{user_id}"
        self.username = username if username is not None else f"user{user_id}"
        self._seen = len(telegram.messages_to(self.chat_id))

    # --- what the user sends ---

    @property
    def _from(self) -> dict[str, Any]:
        sender: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name,
                                  "language_code": "id"}
        if self.username:
            sender["username"] = self.username
        return sender

    @property
    def _chat(self) -> dict[str, Any]:
        if self.chat_id > 0:
            return {"id": self.chat_id, "type": "private", "first_name": self.first_name}
        return {"id": self.chat_id, "type": "supergroup", "title": "Grup UMKM"}

    def _message(self, **fields: Any) -> dict[str, Any]:
        return {"message_id": next(_message_ids), "date": int(dt.datetime.now().timestamp()),
                "chat": self._chat, "from": self._from, **fields}

    async def send(self, text: str, reply_to: SentMessage | None = None,
                   entities: list[dict[str, Any]] | None = None) -> int:
        """Send a text message (commands get their bot_command entity)."""
        fields: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            length = len(text.split()[0])
            fields["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        mention = f"@{BOT_USERNAME}"
        if mention in text:
            fields.setdefault("entities", []).append(
                {"type": "mention", "offset": text.index(mention), "length": len(mention)})
        if entities:
            fields.setdefault("entities", []).extend(entities)
        if reply_to is not None:
            fields["reply_to_message"] = {
                "message_id": reply_to.message_id, "date": 0, "chat": self._chat,
                "text": reply_to.text or "x",
                "from": {"id": 7000001, "is_bot": True, "first_name": "Asisten Ekspor",
                         "username": BOT_USERNAME},
            }
        message = self._message(**fields)
        await self.telegram.push_update({"message": message})
        return message["message_id"]

    async def send_raw(self, **fields: Any) -> None:
        """Send a non-text message, e.g. sticker={...} or photo=[...]."""
        await self.telegram.push_update({"message": self._message(**fields)})

    async def send_sticker(self) -> None:
        await self.send_raw(sticker={"file_id": "stk1", "file_unique_id": "s1", "width": 512,
                                     "height": 512, "is_animated": False, "is_video": False,
                                     "type": "regular", "emoji": "😀"})

    async def send_document(self, filename: str, content: bytes, caption: str = "") -> None:
        file_id = f"file{next(_message_ids)}"
        self.telegram.add_file(file_id, content)
        fields: dict[str, Any] = {"document": {"file_id": file_id, "file_unique_id": f"u{file_id}",
                                               "file_name": filename, "file_size": len(content)}}
        if caption:
            fields["caption"] = caption
        await self.send_raw(**fields)

    async def edit(self, message_id: int, text: str) -> None:
        message = self._message(text=text, edit_date=int(dt.datetime.now().timestamp()))
        message["message_id"] = message_id
        await self.telegram.push_update({"edited_message": message})

    async def press(self, message: SentMessage, label: str) -> str:
        """Press the inline button whose label contains `label`; return the query id."""
        return await self.press_data(message, message.button(label)["callback_data"])

    async def press_data(self, message: SentMessage, data: str) -> str:
        query_id = f"q{next(_message_ids)}"
        await self.telegram.push_update({"callback_query": {
            "id": query_id, "from": self._from, "chat_instance": f"ci{self.chat_id}",
            "data": data,
            "message": {"message_id": message.message_id, "date": 0, "chat": self._chat,
                        "text": message.text or "x",
                        "from": {"id": 7000001, "is_bot": True, "first_name": "Asisten Ekspor",
                                 "username": BOT_USERNAME}},
        }})
        return query_id

    # --- what the user reads ---

    async def next_message(self, timeout: float = 10.0) -> SentMessage:
        """The next new message the bot sends to this chat."""

        def arrived() -> SentMessage | None:
            messages = self.telegram.messages_to(self.chat_id)
            return messages[self._seen] if len(messages) > self._seen else None

        message = await self.telegram.wait_for(arrived, timeout)
        self._seen += 1
        return message

    async def no_message(self, wait: float = 0.6) -> bool:
        """True if the bot sends nothing new to this chat within `wait` seconds."""
        try:
            await self.telegram.wait_for(
                lambda: len(self.telegram.messages_to(self.chat_id)) > self._seen, wait)
        except TimeoutError:
            return True
        return False

    def skip_pending(self) -> None:
        """Forget messages already received (e.g. greetings) before the next expectation."""
        self._seen = len(self.telegram.messages_to(self.chat_id))

    async def ask(self, text: str, timeout: float = 10.0) -> SentMessage:
        """Send `text` and return the bot's first reply."""
        await self.send(text)
        return await self.next_message(timeout)

    async def callback_answer(self, query_id: str, timeout: float = 10.0) -> dict[str, Any]:
        """The bot's answerCallbackQuery for a button press (its toast text, if any)."""

        def answered() -> dict[str, Any] | None:
            return next((a for a in self.telegram.callback_answers
                         if a.get("callback_query_id") == query_id), None)

        return await self.telegram.wait_for(answered, timeout)

    async def edited(self, message: SentMessage, edits_before: int,
                     timeout: float = 10.0) -> SentMessage:
        """Wait until `message` has been edited more than `edits_before` times."""
        await self.telegram.wait_for(lambda: message.edits > edits_before, timeout)
        return message


@pytest.fixture
def user(bot: Any, telegram: FakeTelegram) -> Callable[..., FakeUser]:
    """Make a user: `user(101)`, or a group member: `user(101, chat_id=-1001)`."""

    def make(user_id: int, chat_id: int | None = None, **kwargs: Any) -> FakeUser:
        return FakeUser(telegram, user_id, chat_id, **kwargs)

    return make


def pytest_configure(config: pytest.Config) -> None:
    # Never let a developer's real token leak into tests.
    os.environ.pop("TELEGRAM_BOT_TOKEN", None)
