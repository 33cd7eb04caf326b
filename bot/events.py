"""Export events: organisers publish them, UMKM owners register interest in them.

Times are timezone-aware datetimes in the configured zone (Asia/Jakarta) and are stored as
ISO 8601 with their offset. `EventService` is safe to call from concurrent handlers and jobs:
every check-then-write happens inside one database transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import aiosqlite

from bot.clock import Clock
from bot.config import Config
from bot.event_input import EventDraft
from bot.reminders import Reminders
from bot.storage import Database
from bot.users import Person


class Status(StrEnum):
    UPCOMING = "upcoming"
    CANCELLED = "cancelled"
    FINISHED = "finished"


class Registration(StrEnum):
    """What happened when a user said "Saya tertarik"."""

    REGISTERED = "registered"
    ALREADY = "already"
    NEEDS_CONSENT = "needs_consent"
    CLOSED = "closed"            # after the registration deadline
    FULL = "full"
    CANCELLED = "cancelled"
    FINISHED = "finished"
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class Event:
    id: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    place: str
    online_url: str | None
    description: str
    organiser_id: int
    registration_deadline: dt.datetime | None
    capacity: int | None
    status: Status
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def over_at(self) -> dt.datetime:
        """When the event is over: its end, or else the end of the day it starts."""
        if self.ends_at is not None:
            return self.ends_at
        return dt.datetime.combine(self.starts_at.date() + dt.timedelta(days=1), dt.time(),
                                   self.starts_at.tzinfo)

    @property
    def registration_closes_at(self) -> dt.datetime:
        return self.registration_deadline or self.over_at

    def is_over(self, now: dt.datetime) -> bool:
        return self.status is Status.FINISHED or now >= self.over_at


@dataclass(frozen=True)
class EventPage:
    """One page of upcoming events, soonest first; `page` is 0-based and within range."""

    events: list[Event]
    page: int
    pages: int


@dataclass(frozen=True)
class Participant:
    person: Person
    registered_at: dt.datetime


# Fields an organiser may change after creating an event.
EDITABLE = ("title", "when", "place", "description", "registration_deadline", "capacity")


class EventService:
    """Creating, listing, registering for, cancelling and finishing events."""

    def __init__(self, db: Database, clock: Clock, config: Config) -> None:
        self.db = db
        self.clock = clock
        self.tz = config.timezone
        self.page_size = config.events.page_size
        self.reminders = Reminders(self, config.events)

    def now(self) -> dt.datetime:
        return self.clock.now().astimezone(self.tz)

    def iso(self, moment: dt.datetime | None) -> str | None:
        return None if moment is None else moment.astimezone(self.tz).isoformat(timespec="seconds")

    def _time(self, value: str | None) -> dt.datetime | None:
        return None if value is None else dt.datetime.fromisoformat(value).astimezone(self.tz)

    def row_to_event(self, row: aiosqlite.Row) -> Event:
        starts_at = self._time(row["starts_at"])
        created_at = self._time(row["created_at"])
        updated_at = self._time(row["updated_at"])
        assert starts_at and created_at and updated_at  # NOT NULL columns
        return Event(
            id=row["id"], title=row["title"], starts_at=starts_at,
            ends_at=self._time(row["ends_at"]), place=row["place"],
            online_url=row["online_url"], description=row["description"],
            organiser_id=row["organiser_id"],
            registration_deadline=self._time(row["registration_deadline"]),
            capacity=row["capacity"], status=Status(row["status"]),
            created_at=created_at, updated_at=updated_at,
        )

    # --- organisers -------------------------------------------------------------------------

    async def create(self, organiser_id: int, draft: EventDraft) -> Event:
        now = self.iso(self.now())
        event_id = await self.db.execute(
            "INSERT INTO events (title, starts_at, ends_at, place, online_url, description, "
            "organiser_id, registration_deadline, capacity, status, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'upcoming', ?, ?)",
            (draft.title, self.iso(draft.starts_at), self.iso(draft.ends_at), draft.place,
             draft.online_url, draft.description, organiser_id,
             self.iso(draft.registration_deadline), draft.capacity, now, now),
        )
        event = await self.get(event_id)
        assert event is not None
        return event

    async def update(self, event_id: int, changes: Mapping[str, Any]) -> Event | None:
        """Change some of an upcoming event's fields (keys of `EventDraft`); None if it can't.

        Moving the start forgets reminders already sent, so registrants are reminded of the
        new date.
        """
        columns = {"title", "starts_at", "ends_at", "place", "online_url", "description",
                   "registration_deadline", "capacity"}
        unknown = set(changes) - columns
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        values = [self.iso(v) if isinstance(v, dt.datetime) else v for v in changes.values()]
        assignments = ", ".join(f"{name} = ?" for name in changes)
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                f"UPDATE events SET {assignments}, updated_at = ? "
                "WHERE id = ? AND status = 'upcoming'",
                (*values, self.iso(self.now()), event_id),
            )
            if cursor.rowcount == 0:
                return None
            if "starts_at" in changes:
                await conn.execute(
                    "DELETE FROM reminders_sent WHERE event_id = ? AND kind != 'cancelled'",
                    (event_id,),
                )
        return await self.get(event_id)

    async def cancel(self, event_id: int) -> bool:
        """Cancel an upcoming event; False if it was not upcoming (e.g. already cancelled).

        Registrants are told by the notice job (`reminders.due`), once each.
        """
        changed = await self.db.execute_count(
            "UPDATE events SET status = 'cancelled', updated_at = ? "
            "WHERE id = ? AND status = 'upcoming'",
            (self.iso(self.now()), event_id),
        )
        return changed > 0

    async def organiser_events(self, organiser_id: int, include_all: bool = False) -> list[Event]:
        """Upcoming (not cancelled, not over) events the organiser owns; all if `include_all`."""
        events = await self._upcoming()
        return [e for e in events if include_all or e.organiser_id == organiser_id]

    @staticmethod
    def may_manage(event: Event, user_id: int, is_admin: bool) -> bool:
        return is_admin or event.organiser_id == user_id

    async def participants(self, event_id: int) -> list[Participant]:
        rows = await self.db.fetchall(
            "SELECT i.user_id, i.registered_at, u.first_name, u.last_name, u.username "
            "FROM event_interests i LEFT JOIN users u ON u.id = i.user_id "
            "WHERE i.event_id = ? ORDER BY julianday(i.registered_at), i.user_id",
            (event_id,),
        )
        return [
            Participant(
                Person(row["user_id"], row["first_name"] or "", row["last_name"] or "",
                       row["username"]),
                self._time(row["registered_at"]) or self.now(),
            )
            for row in rows
        ]

    # --- everyone ---------------------------------------------------------------------------

    async def get(self, event_id: int) -> Event | None:
        row = await self.db.fetchone("SELECT * FROM events WHERE id = ?", (event_id,))
        return None if row is None else self.row_to_event(row)

    async def _upcoming(self) -> list[Event]:
        """Upcoming events not over yet, soonest first (the finishing job may lag behind)."""
        rows = await self.db.fetchall(
            "SELECT * FROM events WHERE status = 'upcoming' ORDER BY julianday(starts_at), id"
        )
        now = self.now()
        return [event for event in map(self.row_to_event, rows) if not event.is_over(now)]

    async def upcoming_page(self, page: int) -> EventPage:
        """Page `page` of upcoming events, clamped to the pages that exist."""
        events = await self._upcoming()
        pages = max(1, -(-len(events) // self.page_size))
        page = min(max(page, 0), pages - 1)
        start = page * self.page_size
        return EventPage(events[start:start + self.page_size], page, pages)

    async def user_events(self, user_id: int) -> list[Event]:
        """The upcoming events `user_id` is interested in, soonest first."""
        rows = await self.db.fetchall(
            "SELECT e.* FROM events e JOIN event_interests i ON i.event_id = e.id "
            "WHERE i.user_id = ? AND e.status = 'upcoming' ORDER BY julianday(e.starts_at), e.id",
            (user_id,),
        )
        now = self.now()
        return [event for event in map(self.row_to_event, rows) if not event.is_over(now)]

    async def interest_counts(self, event_ids: Iterable[int]) -> dict[int, int]:
        ids = list(event_ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = await self.db.fetchall(
            f"SELECT event_id, COUNT(*) AS n FROM event_interests WHERE event_id IN ({marks}) "
            "GROUP BY event_id",
            ids,
        )
        counts = dict.fromkeys(ids, 0)
        counts.update({row["event_id"]: row["n"] for row in rows})
        return counts

    async def interested_in(self, user_id: int, event_ids: Iterable[int]) -> set[int]:
        """Which of `event_ids` the user is registered for."""
        ids = list(event_ids)
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        rows = await self.db.fetchall(
            f"SELECT event_id FROM event_interests WHERE user_id = ? AND event_id IN ({marks})",
            [user_id, *ids],
        )
        return {row["event_id"] for row in rows}

    async def interested_user_ids(self, event_id: int) -> list[int]:
        rows = await self.db.fetchall(
            "SELECT user_id FROM event_interests WHERE event_id = ? "
            "ORDER BY julianday(registered_at), user_id",
            (event_id,),
        )
        return [row["user_id"] for row in rows]

    async def has_consent(self, user_id: int) -> bool:
        return bool(await self.db.fetchval(
            "SELECT 1 FROM event_consents WHERE user_id = ?", (user_id,)))

    async def give_consent(self, user_id: int) -> None:
        """The user agreed that organisers see their name and username (kept once given)."""
        await self.db.execute(
            "INSERT OR IGNORE INTO event_consents (user_id, given_at) VALUES (?, ?)",
            (user_id, self.iso(self.now())),
        )

    async def register_interest(self, user_id: int, event_id: int) -> Registration:
        """Record that the user is interested; nothing changes unless REGISTERED comes back."""
        now = self.now()
        async with self.db.transaction() as conn:
            async with conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)) as cur:
                row = await cur.fetchone()
            if row is None:
                return Registration.NOT_FOUND
            event = self.row_to_event(row)
            if event.status is Status.CANCELLED:
                return Registration.CANCELLED
            if event.is_over(now):
                return Registration.FINISHED
            async with conn.execute(
                "SELECT (SELECT COUNT(*) FROM event_interests WHERE event_id = ?), "
                "EXISTS (SELECT 1 FROM event_interests WHERE event_id = ? AND user_id = ?), "
                "EXISTS (SELECT 1 FROM event_consents WHERE user_id = ?)",
                (event_id, event_id, user_id, user_id),
            ) as cur:
                count, already, consented = await cur.fetchone() or (0, 0, 0)
            if already:
                return Registration.ALREADY
            if now >= event.registration_closes_at:
                return Registration.CLOSED
            if event.capacity is not None and count >= event.capacity:
                return Registration.FULL
            if not consented:
                return Registration.NEEDS_CONSENT
            await conn.execute(
                "INSERT INTO event_interests (event_id, user_id, registered_at) VALUES (?, ?, ?)",
                (event_id, user_id, self.iso(now)),
            )
        return Registration.REGISTERED

    async def withdraw_interest(self, user_id: int, event_id: int) -> bool:
        """Forget the user's interest; False if they were not registered."""
        changed = await self.db.execute_count(
            "DELETE FROM event_interests WHERE event_id = ? AND user_id = ?", (event_id, user_id)
        )
        return changed > 0

    # --- housekeeping -----------------------------------------------------------------------

    async def finish_past(self) -> list[int]:
        """Mark upcoming events that are over as finished; return their ids."""
        rows = await self.db.fetchall("SELECT * FROM events WHERE status = 'upcoming'")
        now = self.now()
        over = [event.id for event in map(self.row_to_event, rows) if event.is_over(now)]
        for event_id in over:
            await self.db.execute(
                "UPDATE events SET status = 'finished', updated_at = ? "
                "WHERE id = ? AND status = 'upcoming'",
                (self.iso(now), event_id),
            )
        return over
