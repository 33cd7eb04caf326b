"""Loading and validating `config.yaml`.

Every problem is reported as one `ConfigError` line naming the file, the key and what is
wrong, so start-up can stop with a clear message instead of a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"


class ConfigError(Exception):
    """The configuration file is missing or invalid; the message is one readable line."""


@dataclass(frozen=True)
class TelegramConfig:
    api_base_url: str = "https://api.telegram.org/bot"
    api_file_url: str = "https://api.telegram.org/file/bot"


@dataclass(frozen=True)
class MatcherConfig:
    answer_threshold: float = 0.5
    suggest_threshold: float = 0.5
    max_suggestions: int = 3


@dataclass(frozen=True)
class EventsConfig:
    reminder_day_before: dt.time = dt.time(16, 0)
    reminder_same_day: dt.time = dt.time(7, 0)
    page_size: int = 5
    reminder_check_seconds: float = 60.0


@dataclass(frozen=True)
class BroadcastConfig:
    messages_per_second: float = 28.0
    progress_interval: float = 5.0


@dataclass(frozen=True)
class ChatConfig:
    max_question_chars: int = 1000
    flood_messages: int = 8
    flood_window: float = 10.0


@dataclass(frozen=True)
class Config:
    """The whole configuration, with paths already resolved."""

    path: Path
    knowledge_dir: Path
    database: Path
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Jakarta"))
    admins: frozenset[int] = frozenset()
    organisers: frozenset[int] = frozenset()
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    matcher: MatcherConfig = field(default_factory=MatcherConfig)
    events: EventsConfig = field(default_factory=EventsConfig)
    broadcast: BroadcastConfig = field(default_factory=BroadcastConfig)
    chat: ChatConfig = field(default_factory=ChatConfig)
    # Seconds between looks at knowledge_dir for edits on disk; 0 turns watching off.
    knowledge_watch_seconds: float = 5.0

    @property
    def token(self) -> str | None:
        """The bot token, read only from the environment."""
        return os.environ.get(TOKEN_ENV) or None


class _Reader:
    """Reads typed values out of the parsed YAML, raising `ConfigError` with the key path."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.path}: key '{key}': {problem}")

    def section(self, key: str) -> dict[str, Any]:
        value = self.data.get(key, {})
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(key, "must be a mapping of settings")
        unknown = sorted(set(value) - _KNOWN_KEYS.get(key, set(value)))
        if unknown:
            raise self.fail(f"{key}.{unknown[0]}", "unknown setting")
        return value

    def string(self, section: dict[str, Any], key: str, name: str, default: str) -> str:
        value = section.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, "must be a non-empty text")
        return value.strip()

    def number(
        self, section: dict[str, Any], key: str, name: str, default: float,
        low: float, high: float, integer: bool = False,
    ) -> float:
        value = section.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(name, f"must be a number, got {value!r}")
        if integer and not isinstance(value, int):
            raise self.fail(name, f"must be a whole number, got {value!r}")
        if not low <= value <= high:
            raise self.fail(name, f"must be between {low:g} and {high:g}, got {value!r}")
        return value

    def clock(self, section: dict[str, Any], key: str, name: str, default: dt.time) -> dt.time:
        value = section.get(key, default.strftime("%H:%M"))
        if isinstance(value, int):  # YAML 1.1 reads 16:00 unquoted as a sexagesimal number
            value = f"{value // 60:02d}:{value % 60:02d}"
        try:
            return dt.time.fromisoformat(str(value))
        except ValueError:
            raise self.fail(name, f"must be a time like \"16:00\", got {value!r}") from None

    def ids(self, key: str) -> frozenset[int]:
        value = self.data.get(key) or []
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            raise self.fail(key, "must be a list of Telegram user ids (numbers)")
        return frozenset(value)

    def path_value(self, key: str, default: str) -> Path:
        value = self.data.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "must be a path")
        path = Path(value).expanduser()
        return path if path.is_absolute() else (self.path.parent / path).resolve()


_KNOWN_KEYS: dict[str, set[str]] = {
    "": {
        "telegram", "knowledge_dir", "database", "timezone", "admins", "organisers",
        "matcher", "events", "broadcast", "chat", "knowledge_watch_seconds",
    },
    "telegram": {"api_base_url", "api_file_url"},
    "matcher": {"answer_threshold", "suggest_threshold", "max_suggestions"},
    "events": {"reminder_day_before", "reminder_same_day", "page_size",
               "reminder_check_seconds"},
    "broadcast": {"messages_per_second", "progress_interval"},
    "chat": {"max_question_chars", "flood_messages", "flood_window"},
}


def load_config(path: str | os.PathLike[str] = "config.yaml") -> Config:
    """Read and validate the configuration file at `path`."""
    path = Path(path).expanduser().resolve()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}:{where} not valid YAML: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: must be a mapping of settings, not {type(data).__name__}")
    unknown = sorted(set(data) - _KNOWN_KEYS[""])
    r = _Reader(path, data)
    if unknown:
        raise r.fail(str(unknown[0]), "unknown setting")

    tg = r.section("telegram")
    base_url = r.string(tg, "api_base_url", "telegram.api_base_url", TelegramConfig.api_base_url)
    file_url = r.string(tg, "api_file_url", "telegram.api_file_url", TelegramConfig.api_file_url)
    for name, url in (("telegram.api_base_url", base_url), ("telegram.api_file_url", file_url)):
        if not url.startswith(("http://", "https://")):
            raise r.fail(name, f"must start with http:// or https://, got {url!r}")

    tz_name = r.string(data, "timezone", "timezone", "Asia/Jakarta")
    try:
        timezone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise r.fail("timezone", f"unknown time zone {tz_name!r}") from None

    m = r.section("matcher")
    answer = r.number(m, "answer_threshold", "matcher.answer_threshold", 0.5, 0, 1)
    suggest = r.number(m, "suggest_threshold", "matcher.suggest_threshold", 0.5, 0, 1)
    if suggest > answer:
        raise r.fail("matcher.suggest_threshold", "must not be above matcher.answer_threshold")
    matcher = MatcherConfig(
        answer_threshold=float(answer),
        suggest_threshold=float(suggest),
        max_suggestions=int(r.number(m, "max_suggestions", "matcher.max_suggestions", 3, 1, 8,
                                     integer=True)),
    )

    e = r.section("events")
    events = EventsConfig(
        reminder_day_before=r.clock(e, "reminder_day_before", "events.reminder_day_before",
                                    EventsConfig.reminder_day_before),
        reminder_same_day=r.clock(e, "reminder_same_day", "events.reminder_same_day",
                                  EventsConfig.reminder_same_day),
        page_size=int(r.number(e, "page_size", "events.page_size", 5, 1, 20, integer=True)),
        reminder_check_seconds=float(r.number(e, "reminder_check_seconds",
                                              "events.reminder_check_seconds", 60, 0.05, 3600)),
    )

    b = r.section("broadcast")
    broadcast = BroadcastConfig(
        messages_per_second=float(r.number(b, "messages_per_second",
                                           "broadcast.messages_per_second", 28, 0.1, 30)),
        progress_interval=float(r.number(b, "progress_interval", "broadcast.progress_interval",
                                         5, 0.1, 300)),
    )

    c = r.section("chat")
    chat = ChatConfig(
        max_question_chars=int(r.number(c, "max_question_chars", "chat.max_question_chars",
                                        1000, 20, 4096, integer=True)),
        flood_messages=int(r.number(c, "flood_messages", "chat.flood_messages", 8, 1, 1000,
                                    integer=True)),
        flood_window=float(r.number(c, "flood_window", "chat.flood_window", 10, 0.1, 3600)),
    )

    return Config(
        path=path,
        knowledge_dir=r.path_value("knowledge_dir", "knowledge"),
        database=r.path_value("database", "data/exportbot.sqlite3"),
        timezone=timezone,
        admins=r.ids("admins"),
        organisers=r.ids("organisers"),
        telegram=TelegramConfig(api_base_url=base_url, api_file_url=file_url),
        matcher=matcher,
        events=events,
        broadcast=broadcast,
        chat=chat,
        knowledge_watch_seconds=float(r.number(data, "knowledge_watch_seconds",
                                               "knowledge_watch_seconds", 5, 0, 3600)),
    )
