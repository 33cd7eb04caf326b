"""Time source: services ask a `Clock` instead of `datetime.now()`, so tests can move time."""

from __future__ import annotations

import datetime as dt


class Clock:
    """The real clock."""

    def now(self) -> dt.datetime:
        """Current time, timezone-aware UTC."""
        return dt.datetime.now(dt.UTC)


class ManualClock(Clock):
    """A clock that only moves when told to (tests, benchmarks)."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware start time")
        self._now = start.astimezone(dt.UTC)

    def now(self) -> dt.datetime:
        return self._now

    def set(self, moment: dt.datetime) -> None:
        self._now = moment.astimezone(dt.UTC)

    def advance(self, delta: dt.timedelta) -> None:
        self._now += delta
