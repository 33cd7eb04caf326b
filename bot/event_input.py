"""Reading what organisers type when they create or edit an event.

Every function raises `InvalidInput` with one polite Indonesian line saying what to fix, so the
conversation can show it and ask again.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot import texts

TITLE_MAX = 120
PLACE_MAX = 200
DESCRIPTION_MAX = 1500
CAPACITY_MAX = 100_000


class InvalidInput(ValueError):
    """The organiser's input cannot be used; `str(error)` is the message to show."""


@dataclass(frozen=True)
class EventDraft:
    """A new event as the organiser described it, validated, not stored yet."""

    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    place: str
    online_url: str | None = None
    description: str = ""
    registration_deadline: dt.datetime | None = None
    capacity: int | None = None


_DATE = r"(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/-](\d{1,2})[/-](\d{4}))"
_TIME = r"(\d{1,2})[:.](\d{2})"
_WHEN = re.compile(
    rf"^{_DATE}\s+(?:pukul\s+|jam\s+)?{_TIME}"
    rf"(?:\s*(?:-|–|—|s/?d|sampai)\s*(?:{_DATE}\s+)?{_TIME})?"
    r"\s*(?:wib)?$",
    re.IGNORECASE,
)
_DAY_ONLY = re.compile(rf"^{_DATE}(?:\s+(?:pukul\s+|jam\s+)?{_TIME})?\s*(?:wib)?$", re.IGNORECASE)
_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_ONLINE_WORDS = re.compile(r"^\s*(daring|online|virtual|zoom)\b", re.IGNORECASE)
_CLEAR = {"-", "tidak ada", "tidak", "hapus", "kosong"}


def _date(groups: tuple[str | None, ...]) -> dt.date:
    year, month, day = (groups[0], groups[1], groups[2]) if groups[0] else (
        groups[5], groups[4], groups[3])
    try:
        return dt.date(int(year or 0), int(month or 0), int(day or 0))
    except ValueError:
        raise InvalidInput(texts.EV_BAD_DATE) from None


def _time(hour: str, minute: str) -> dt.time:
    try:
        return dt.time(int(hour), int(minute))
    except ValueError:
        raise InvalidInput(texts.EV_BAD_TIME) from None


def parse_when(text: str, tz: ZoneInfo, now: dt.datetime) -> tuple[dt.datetime, dt.datetime | None]:
    """'2026-12-05 09:00', '2026-12-05 09:00-12:00' or '… 09:00 - 2026-12-07 17:00'."""
    match = _WHEN.match(" ".join(text.split()))
    if not match:
        raise InvalidInput(texts.EV_BAD_WHEN)
    g = match.groups()
    day = _date(g[0:6])
    starts_at = dt.datetime.combine(day, _time(g[6], g[7]), tz)
    ends_at = None
    if g[14] is not None:
        end_day = _date(g[8:14]) if (g[8] or g[11]) else day
        ends_at = dt.datetime.combine(end_day, _time(g[14], g[15]), tz)
        if ends_at <= starts_at:
            raise InvalidInput(texts.EV_END_BEFORE_START)
    if starts_at <= now:
        raise InvalidInput(texts.EV_PAST)
    return starts_at, ends_at


def parse_title(text: str) -> str:
    title = " ".join(text.split())
    if not 3 <= len(title) <= TITLE_MAX:
        raise InvalidInput(texts.EV_BAD_TITLE.format(limit=TITLE_MAX))
    return title


def parse_place(text: str) -> tuple[str, str | None]:
    """A venue, or an online event: 'Daring https://…' (or just the link)."""
    place = " ".join(text.split())
    url_match = _URL.search(place)
    if url_match:
        url = url_match.group(0).rstrip(".,;)")
        rest = (place[: url_match.start()] + place[url_match.end():]).strip(" -:,")
        return (rest or texts.EV_ONLINE)[:PLACE_MAX], url
    if _ONLINE_WORDS.match(place):
        raise InvalidInput(texts.EV_ONLINE_NEEDS_LINK)
    if not 2 <= len(place) <= PLACE_MAX:
        raise InvalidInput(texts.EV_BAD_PLACE.format(limit=PLACE_MAX))
    return place, None


def parse_description(text: str) -> str:
    description = text.strip()
    if len(description) > DESCRIPTION_MAX:
        raise InvalidInput(texts.EV_LONG_DESCRIPTION.format(limit=DESCRIPTION_MAX))
    return "" if description.lower() in _CLEAR else description


def parse_deadline(text: str, tz: ZoneInfo, starts_at: dt.datetime,
                   now: dt.datetime) -> dt.datetime | None:
    """A date (closing at the end of that day) or date and time; '-' removes the deadline."""
    if text.strip().lower() in _CLEAR:
        return None
    match = _DAY_ONLY.match(" ".join(text.split()))
    if not match:
        raise InvalidInput(texts.EV_BAD_DEADLINE)
    g = match.groups()
    day = _date(g[0:6])
    at = _time(g[6], g[7]) if g[6] is not None else dt.time(23, 59)
    deadline = dt.datetime.combine(day, at, tz)
    if deadline <= now:
        raise InvalidInput(texts.EV_PAST)
    return min(deadline, starts_at)


def parse_capacity(text: str) -> int | None:
    """A positive whole number of places; '-' means no limit."""
    value = text.strip().lower()
    if value in _CLEAR:
        return None
    value = value.removesuffix("orang").strip().replace(".", "")
    if not value.isdigit() or not 1 <= int(value) <= CAPACITY_MAX:
        raise InvalidInput(texts.EV_BAD_CAPACITY)
    return int(value)


_OPTION = re.compile(r"^(kuota|batas)\s*:?\s*(.+)$", re.IGNORECASE)


def parse_one_line(text: str, tz: ZoneInfo, now: dt.datetime) -> EventDraft:
    """`Judul | 2026-12-05 09:00[-12:00] | Tempat | Deskripsi [| kuota 50] [| batas 2026-12-01]`."""
    parts = [part.strip() for part in text.split("|")]
    if len(parts) < 3 or not all(parts[:3]):
        raise InvalidInput(texts.EV_ONE_LINE_USAGE)
    options: dict[str, str] = {}
    while len(parts) > 3 and (option := _OPTION.match(parts[-1])):
        options[option.group(1).lower()] = option.group(2)
        parts.pop()
    title = parse_title(parts[0])
    starts_at, ends_at = parse_when(parts[1], tz, now)
    place, url = parse_place(parts[2])
    description = parse_description(" | ".join(parts[3:]))
    deadline = (parse_deadline(options["batas"], tz, starts_at, now)
                if "batas" in options else None)
    capacity = parse_capacity(options["kuota"]) if "kuota" in options else None
    return EventDraft(title, starts_at, ends_at, place, url, description, deadline, capacity)
