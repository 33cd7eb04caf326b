"""Per-user flood control: a sliding window of recent messages, one notice per burst."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum


class Verdict(Enum):
    ALLOW = "allow"
    NOTIFY = "notify"  # over the limit: tell the user once
    DROP = "drop"      # still over the limit: stay silent


@dataclass
class _UserWindow:
    times: deque[float]
    notified: bool = False


class FloodGuard:
    """Allows at most `limit` messages per user within `window` seconds."""

    # Past this many tracked users, idle ones are dropped so memory stays bounded.
    TRACKED_USERS = 10_000

    def __init__(self, limit: int, window: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._users: dict[int, _UserWindow] = {}

    def check(self, user_id: int) -> Verdict:
        now = self.clock()
        if user_id not in self._users and len(self._users) >= self.TRACKED_USERS:
            self.forget_idle()
        state = self._users.setdefault(user_id, _UserWindow(deque()))
        while state.times and now - state.times[0] > self.window:
            state.times.popleft()
        if len(state.times) < self.limit:
            state.times.append(now)
            state.notified = False
            return Verdict.ALLOW
        if state.notified:
            return Verdict.DROP
        state.notified = True
        return Verdict.NOTIFY

    def forget_idle(self) -> None:
        """Drop users with no recent messages so memory stays bounded."""
        now = self.clock()
        idle = [uid for uid, s in self._users.items()
                if not s.times or now - s.times[-1] > self.window]
        for uid in idle:
            del self._users[uid]
