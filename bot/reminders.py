"""Reminders and cancellation notices for interested users, derived from the database.

Nothing is scheduled in memory: a periodic job asks `Reminders.due()` what should go out
now (events + interests − `reminders_sent`), claims each notice, then sends it. So a restart
loses nothing, and a notice is never sent twice: the claim is written *before* sending, which
means a crash between claim and send loses that one notice instead of repeating it.

Each kind has a window; outside it the notice is no longer useful and is skipped:
- day_before: from H-1 at `reminder_day_before` until the event day begins;
- same_day: from `reminder_same_day` on the event day (or an hour before an early start)
  until the event starts;
- cancelled: from the cancellation until the event would have been over.
Someone who registers after a reminder's window opened does not get that reminder: they
have just seen the event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.config import EventsConfig

if TYPE_CHECKING:
    from bot.events import Event, EventService


class NoticeKind(StrEnum):
    DAY_BEFORE = "day_before"
    SAME_DAY = "same_day"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Notice:
    event: Event
    user_id: int
    kind: NoticeKind


class Reminders:
    """Which notices are due, and the bookkeeping that sends each one at most once."""

    def __init__(self, events: EventService, config: EventsConfig) -> None:
        self.events = events
        self.config = config

    def windows(self, event: Event) -> list[tuple[NoticeKind, dt.datetime, dt.datetime]]:
        """(kind, opens, closes) for the notices `event` gets in its current status."""
        tz = event.starts_at.tzinfo
        day = event.starts_at.date()
        if event.status == "cancelled":
            return [(NoticeKind.CANCELLED, event.updated_at, event.over_at)]
        if event.status != "upcoming":
            return []
        day_starts = dt.datetime.combine(day, dt.time(), tz)
        day_before = dt.datetime.combine(day - dt.timedelta(days=1),
                                         self.config.reminder_day_before, tz)
        same_day = dt.datetime.combine(day, self.config.reminder_same_day, tz)
        if same_day >= event.starts_at:  # an early start: remind an hour before instead
            same_day = max(event.starts_at - dt.timedelta(hours=1), day_starts)
        return [
            (NoticeKind.DAY_BEFORE, day_before, min(day_starts, event.starts_at)),
            (NoticeKind.SAME_DAY, same_day, event.starts_at),
        ]

    async def due(self) -> list[Notice]:
        """Every notice whose window is open now and that has not been claimed."""
        db = self.events.db
        now = self.events.now()
        # Only events that can have an open window: not over, and either cancelled or
        # starting within two days.
        horizon = self.events.iso(now + dt.timedelta(days=2))
        rows = await db.fetchall(
            "SELECT * FROM events "
            "WHERE julianday(COALESCE(ends_at, starts_at)) >= julianday(?, '-1 day') "
            "AND (status = 'cancelled' "
            "     OR (status = 'upcoming' AND julianday(starts_at) <= julianday(?)))",
            (self.events.iso(now), horizon),
        )
        notices: list[Notice] = []
        for event in map(self.events.row_to_event, rows):
            open_windows = [(k, opens) for k, opens, closes in self.windows(event)
                            if opens <= now < closes]
            if not open_windows:
                continue
            interests = await db.fetchall(
                "SELECT i.user_id, i.registered_at, "
                "  (SELECT group_concat(kind) FROM reminders_sent r "
                "   WHERE r.event_id = i.event_id AND r.user_id = i.user_id) AS sent "
                "FROM event_interests i LEFT JOIN users u ON u.id = i.user_id "
                "WHERE i.event_id = ? AND COALESCE(u.blocked, 0) = 0 "
                "ORDER BY julianday(i.registered_at), i.user_id",
                (event.id,),
            )
            for row in interests:
                sent = set((row["sent"] or "").split(","))
                registered_at = dt.datetime.fromisoformat(row["registered_at"])
                for kind, opens in open_windows:
                    late = kind is not NoticeKind.CANCELLED and registered_at >= opens
                    if kind not in sent and not late:
                        notices.append(Notice(event, row["user_id"], kind))
        return notices

    async def claim(self, notice: Notice) -> bool:
        """Mark the notice as sent; False if someone already did (send nothing then)."""
        changed = await self.events.db.execute_count(
            "INSERT OR IGNORE INTO reminders_sent (event_id, user_id, kind, claimed_at) "
            "VALUES (?, ?, ?, ?)",
            (notice.event.id, notice.user_id, notice.kind.value,
             self.events.iso(self.events.now())),
        )
        return changed > 0

    async def release(self, notice: Notice) -> None:
        """Sending failed for a passing reason (network, flood limit): try again next time."""
        await self.events.db.execute(
            "DELETE FROM reminders_sent WHERE event_id = ? AND user_id = ? AND kind = ?",
            (notice.event.id, notice.user_id, notice.kind.value),
        )
