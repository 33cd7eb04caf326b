"""The broadcast outbox: one row per recipient, worked through at just under Telegram's limits.

A confirmed broadcast is written in one transaction as a job (`broadcasts`) plus one delivery
row per recipient (`broadcast_deliveries`, primary key (job, user): nobody is listed twice).
The `Sender` then takes pending rows in order and, for each one:

1. claims it: `pending` → `sending`, committed *before* the HTTP call (just before its turn
   in the pacer), and only if the user still accepts broadcasts (otherwise `skipped`);
2. sends it (through a `deliver` function supplied by the Telegram layer);
3. records the outcome: `sent`, `failed` (bad request), `blocked` (the user is also marked as
   not accepting broadcasts); a flood wait (RetryAfter) pauses all sending for as long as
   Telegram asks, network errors are retried with backoff — neither ever drops the row.

**Which way it errs.** A row is *in doubt* between step 1 and the commit of step 3; only the
last part of that, from Telegram accepting the message to our commit (about half an HTTP
round trip), can turn into a duplicate. At most `max_in_flight` rows are in flight, each for
a different recipient, so after a crash at most one message per recipient is in doubt. On
start-up those `sending` rows are put back to `pending` and sent again: the outbox is
**at-least-once**. A crash can therefore cause a duplicate (if Telegram accepted the message
but the bot died before recording it), never a silent gap. We chose this side because a
missed announcement is invisible to everyone, while a rare duplicate is visible and harmless;
and because a timed-out request (which may have been delivered) must be retried anyway.
`attempts` counts claims, so a row sent with attempts > 1 was resent after a doubt.

Pacing: every send (and every progress edit) first waits for the `Pacer`, which spaces sends
evenly at `messages_per_second` and never lets more than that many start in any one-second
window. Staying a little under Telegram's 30/s leaves room for the bot's answers to questions,
which pass through PTB's AIORateLimiter alongside the broadcast.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import aiosqlite

from bot.clock import Clock
from bot.storage import Database
from bot.users import UserDirectory

log = logging.getLogger(__name__)

BATCH_SIZE = 100


class JobStatus(StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"
    DONE = "done"


class Result(StrEnum):
    """What one attempt to deliver a message came to."""

    SENT = "sent"
    BLOCKED = "blocked"          # Forbidden: blocked the bot or deactivated
    FAILED = "failed"            # BadRequest: chat not found, etc.
    RETRY_AFTER = "retry_after"  # flood control: wait `retry_after` seconds
    NETWORK = "network"          # connection trouble or timeout: retry with backoff


@dataclass(frozen=True)
class Attempt:
    result: Result
    detail: str = ""
    retry_after: float = 0.0


@dataclass(frozen=True)
class Job:
    id: int
    organiser_id: int
    text: str
    audience: str
    audience_label: str
    status: JobStatus
    total: int
    progress_chat_id: int | None
    progress_message_id: int | None
    created_at: str
    finished_at: str | None


@dataclass(frozen=True)
class Progress:
    """Delivery rows of one job, counted by status."""

    total: int = 0
    pending: int = 0
    sending: int = 0
    sent: int = 0
    failed: int = 0
    blocked: int = 0
    skipped: int = 0
    cancelled: int = 0

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.blocked + self.skipped + self.cancelled


Deliver = Callable[[int, str], Awaitable[Attempt]]
Report = Callable[[Job, Progress, bool], Awaitable[None]]


class Outbox:
    """Broadcast jobs and their delivery rows in SQLite."""

    def __init__(self, db: Database, clock: Clock, users: UserDirectory) -> None:
        self.db = db
        self.clock = clock
        self.users = users
        # Set whenever there is something new for the sender: a job, a pause, a stop.
        self.wake = asyncio.Event()

    def _now(self) -> str:
        return self.clock.now().isoformat(timespec="seconds")

    async def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        """Run a query and fetch every row in one step of the database thread.

        `Database.fetchall` executes and fetches in two steps; a write from a concurrent
        delivery in between changes rows under the open statement, which SQLite leaves
        undefined (we saw a status read back as NULL).
        """
        return list(await self.db.connection.execute_fetchall(sql, tuple(params)))

    async def _row(self, sql: str, params: Iterable[Any] = ()) -> aiosqlite.Row | None:
        rows = await self._rows(sql, params)
        return rows[0] if rows else None

    async def deliverable(self, recipients: Iterable[int] | None) -> list[int]:
        """Which of `recipients` (None: everyone) accept broadcasts right now, in id order."""
        if recipients is None:
            rows = await self._rows(
                "SELECT id FROM users WHERE accepts_broadcasts = 1 AND blocked = 0 ORDER BY id")
        else:
            rows = await self._rows(
                "SELECT id FROM users WHERE accepts_broadcasts = 1 AND blocked = 0 "
                "AND id IN (SELECT value FROM json_each(?)) ORDER BY id",
                (_json_ids(recipients),))
        return [row[0] for row in rows]

    async def create(self, organiser_id: int, text: str, audience: str, audience_label: str,
                     recipients: Iterable[int] | None, progress_chat_id: int | None = None,
                     progress_message_id: int | None = None) -> Job:
        """Write the job and one pending row per recipient who accepts broadcasts, atomically."""
        async with self.db.transaction() as tx:
            cursor = await tx.execute(
                "INSERT INTO broadcasts (organiser_id, text, audience, audience_label, total, "
                "progress_chat_id, progress_message_id, created_at) "
                "VALUES (?, ?, ?, ?, 0, ?, ?, ?)",
                (organiser_id, text, audience, audience_label, progress_chat_id,
                 progress_message_id, self._now()))
            job_id = cursor.lastrowid
            await cursor.close()
            where, params = "", [job_id]
            if recipients is not None:
                where = "AND id IN (SELECT value FROM json_each(?))"
                params.append(_json_ids(recipients))
            await tx.execute(
                "INSERT INTO broadcast_deliveries (broadcast_id, user_id) "
                f"SELECT ?, id FROM users WHERE accepts_broadcasts = 1 AND blocked = 0 {where}",
                params)
            await tx.execute(
                "UPDATE broadcasts SET total = (SELECT COUNT(*) FROM broadcast_deliveries "
                "WHERE broadcast_id = ?) WHERE id = ?", (job_id, job_id))
        job = await self.job(job_id)
        assert job is not None
        log.info("broadcast %s created by %s for %s recipients", job.id, organiser_id, job.total)
        self.wake.set()
        return job

    async def job(self, job_id: int) -> Job | None:
        row = await self._row("SELECT * FROM broadcasts WHERE id = ?", (job_id,))
        return _job(row) if row else None

    async def jobs(self, limit: int = 10) -> list[Job]:
        """Unfinished jobs first (oldest first), then the most recent finished ones."""
        rows = await self._rows(
            "SELECT * FROM broadcasts ORDER BY finished_at IS NOT NULL, "
            "CASE WHEN finished_at IS NULL THEN id ELSE -id END LIMIT ?", (limit,))
        return [_job(row) for row in rows]

    async def next_running(self) -> Job | None:
        row = await self._row(
            "SELECT * FROM broadcasts WHERE status = 'running' ORDER BY id LIMIT 1")
        return _job(row) if row else None

    async def stopped_unfinished(self) -> list[Job]:
        """Jobs stopped by their organiser whose final report has not gone out yet."""
        rows = await self._rows(
            "SELECT * FROM broadcasts WHERE status = 'stopped' AND finished_at IS NULL "
            "ORDER BY id")
        return [_job(row) for row in rows]

    async def status(self, job_id: int) -> JobStatus | None:
        row = await self._row("SELECT status FROM broadcasts WHERE id = ?", (job_id,))
        return JobStatus(row[0]) if row else None

    async def set_status(self, job_id: int, status: JobStatus,
                         only_from: Iterable[JobStatus]) -> bool:
        """Change a job's status if it currently is one of `only_from`; wake the sender."""
        allowed = list(only_from)
        marks = ", ".join("?" for _ in allowed)
        changed = await self.db.execute_count(
            f"UPDATE broadcasts SET status = ? WHERE id = ? AND status IN ({marks})",
            (status, job_id, *allowed))
        if changed:
            self.wake.set()
        return changed > 0

    async def next_batch(self, job_id: int, limit: int = BATCH_SIZE) -> list[int]:
        """The next pending recipients of a job, in id order."""
        rows = await self._rows(
            "SELECT user_id FROM broadcast_deliveries "
            "WHERE broadcast_id = ? AND status = 'pending' ORDER BY user_id LIMIT ?",
            (job_id, limit))
        return [row[0] for row in rows]

    async def claim(self, job_id: int, user_id: int) -> bool:
        """Mark a row `sending` just before it is sent; False (and `skipped`) if they left."""
        now = self._now()
        claimed = await self.db.execute_count(
            "UPDATE broadcast_deliveries SET status = 'sending', attempts = attempts + 1, "
            "updated_at = ? WHERE broadcast_id = ? AND user_id = ? AND status = 'pending' "
            "AND EXISTS (SELECT 1 FROM users WHERE id = ? AND accepts_broadcasts = 1)",
            (now, job_id, user_id, user_id))
        if claimed:
            return True
        await self.db.execute(
            "UPDATE broadcast_deliveries SET status = 'skipped', updated_at = ? "
            "WHERE broadcast_id = ? AND user_id = ? AND status = 'pending'",
            (now, job_id, user_id))
        return False

    async def record(self, job_id: int, user_id: int, result: Result, detail: str = "") -> None:
        """Record the final outcome of a claimed row."""
        await self.db.execute(
            "UPDATE broadcast_deliveries SET status = ?, error = ?, updated_at = ? "
            "WHERE broadcast_id = ? AND user_id = ?",
            (str(result), detail[:500] or None, self._now(), job_id, user_id))

    async def release(self, job_id: int, user_id: int) -> None:
        """Put a claimed, unsent row back (job paused), or cancel it (job stopped)."""
        await self.db.execute(
            "UPDATE broadcast_deliveries SET status = CASE WHEN "
            "(SELECT status FROM broadcasts WHERE id = ?) = 'stopped' THEN 'cancelled' "
            "ELSE 'pending' END, updated_at = ? "
            "WHERE broadcast_id = ? AND user_id = ? AND status = 'sending'",
            (job_id, self._now(), job_id, user_id))

    async def requeue_in_doubt(self) -> int:
        """After a restart: rows left `sending` are sent again (at-least-once, see above)."""
        count = await self.db.execute_count(
            "UPDATE broadcast_deliveries SET status = 'pending' WHERE status = 'sending'")
        if count:
            log.warning("%d broadcast deliveries were in flight when the bot stopped; "
                        "sending them again", count)
        return count

    async def finish(self, job_id: int) -> Job:
        """Close a job: a running one is done, a stopped one has its unsent rows cancelled."""
        now = self._now()
        async with self.db.transaction() as tx:
            await tx.execute(
                "UPDATE broadcast_deliveries SET status = 'cancelled', updated_at = ? "
                "WHERE broadcast_id = ? AND status = 'pending' "
                "AND (SELECT status FROM broadcasts WHERE id = ?) = 'stopped'",
                (now, job_id, job_id))
            await tx.execute(
                "UPDATE broadcasts SET status = CASE status WHEN 'running' THEN 'done' "
                "ELSE status END, finished_at = ? WHERE id = ? AND finished_at IS NULL",
                (now, job_id))
        job = await self.job(job_id)
        assert job is not None
        return job

    async def progress(self, job_id: int) -> Progress:
        rows = await self._rows(
            "SELECT status, COUNT(*) FROM broadcast_deliveries WHERE broadcast_id = ? "
            "GROUP BY status", (job_id,))
        counts = {row[0]: row[1] for row in rows}
        return Progress(total=sum(counts.values()), **counts)


def _json_ids(ids: Iterable[int]) -> str:
    return "[" + ",".join(str(int(i)) for i in ids) + "]"


def _job(row: aiosqlite.Row) -> Job:
    return Job(id=row["id"], organiser_id=row["organiser_id"], text=row["text"],
               audience=row["audience"], audience_label=row["audience_label"],
               status=JobStatus(row["status"]), total=row["total"],
               progress_chat_id=row["progress_chat_id"],
               progress_message_id=row["progress_message_id"],
               created_at=row["created_at"], finished_at=row["finished_at"])


class Pacer:
    """Spaces sends evenly at `rate` per second; never more than ⌊rate⌋ start in any second.

    Sends are planned on a fixed schedule, so waking a little late does not lower the rate
    (up to half an interval of lateness is made up, never more: no bursts). The sliding
    window is the hard guarantee on top; it is `margin` longer than a second so that network
    jitter cannot squeeze one more message into a second at Telegram's end. `hold(seconds)`
    stops everything for a flood wait.
    """

    def __init__(self, rate: float, monotonic: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
                 window: float = 1.0, margin: float = 0.01) -> None:
        self.interval = 1.0 / rate
        self.window = window + margin
        self.per_window = max(1, math.floor(rate * window + 1e-9))
        self._monotonic = monotonic
        self._sleep = sleep
        self._recent: deque[float] = deque(maxlen=self.per_window)
        self._next = -math.inf
        self._held_until = -math.inf
        self._lock = asyncio.Lock()

    def hold(self, seconds: float) -> None:
        """Send nothing for `seconds` from now (Telegram's RetryAfter)."""
        self._held_until = max(self._held_until, self._monotonic() + seconds)

    async def wait(self) -> None:
        """Return when the next send may start."""
        async with self._lock:  # the main loop and retrying deliveries take turns
            while True:
                now = self._monotonic()
                start = max(self._next, self._held_until)
                if len(self._recent) == self.per_window:
                    start = max(start, self._recent[0] + self.window)
                if start <= now:
                    break
                await self._sleep(start - now)
            self._recent.append(now)
            self._next = max(start, now - self.interval / 2) + self.interval


class Sender:
    """Works through the outbox: one job at a time, paced, resuming whatever was unfinished."""

    def __init__(self, outbox: Outbox, deliver: Deliver, report: Report, pacer: Pacer,
                 progress_interval: float = 5.0, max_in_flight: int = 8,
                 first_backoff: float = 1.0, max_backoff: float = 60.0,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.outbox = outbox
        self.deliver = deliver
        self.report = report
        self.pacer = pacer
        self.progress_interval = progress_interval
        self.first_backoff = first_backoff
        self.max_backoff = max_backoff
        self._monotonic = monotonic
        self._slots = asyncio.Semaphore(max_in_flight)
        self._in_flight: set[asyncio.Task[None]] = set()
        self._stopping = False

    async def run(self) -> None:
        """Send until `stop()`; call `Outbox.requeue_in_doubt()` once before, at start-up."""
        while not self._stopping:
            self.outbox.wake.clear()
            await self._finish_stopped()
            job = await self.outbox.next_running()
            if job is None:
                await self.outbox.wake.wait()
                continue
            await self._send_job(job)

    def stop(self) -> None:
        """Stop taking new rows; deliveries in flight finish (see `run`)."""
        self._stopping = True
        self.outbox.wake.set()

    async def _finish_stopped(self, current: int | None = None) -> None:
        for job in await self.outbox.stopped_unfinished():
            if job.id != current:
                await self._close(job)

    async def _close(self, job: Job) -> None:
        job = await self.outbox.finish(job.id)
        progress = await self.outbox.progress(job.id)
        log.info("broadcast %s %s: %s", job.id, job.status, progress)
        await self._report(job, progress, final=True)

    async def _send_job(self, job: Job) -> None:
        log.info("broadcast %s: sending to %s recipients", job.id, job.total)
        last_report = self._monotonic()
        batch: deque[int] = deque()
        while not self._stopping:
            if self.outbox.wake.is_set():  # someone paused, resumed or stopped a job
                self.outbox.wake.clear()
                await self._finish_stopped(current=job.id)
                if await self.outbox.status(job.id) is not JobStatus.RUNNING:
                    break
            if not batch:
                batch.extend(await self.outbox.next_batch(job.id))
                if not batch:
                    await self._drain()
                    if await self.outbox.next_batch(job.id, 1):
                        continue  # a row came back (released by a pause/resume race)
                    break
            if self._monotonic() - last_report >= self.progress_interval:
                last_report = self._monotonic()
                await self._report(job, await self.outbox.progress(job.id), final=False)
            user_id = batch.popleft()
            await self._slots.acquire()
            # Claim before waiting for the pacer, so that a slow commit cannot delay one send
            # and bunch it up with the next (a claimed, unsent row is simply sent again).
            if not await self.outbox.claim(job.id, user_id):
                self._slots.release()
                continue
            await self.pacer.wait()
            task = asyncio.create_task(self._deliver(job, user_id))
            self._in_flight.add(task)
            task.add_done_callback(self._in_flight.discard)
        await self._drain()
        if self._stopping:
            return
        status = await self.outbox.status(job.id)
        if status is JobStatus.PAUSED:
            fresh = await self.outbox.job(job.id)
            if fresh is not None:
                await self._report(fresh, await self.outbox.progress(job.id), final=False)
        else:  # done, or stopped
            fresh = await self.outbox.job(job.id)
            if fresh is not None:
                await self._close(fresh)

    async def _drain(self) -> None:
        if self._in_flight:
            await asyncio.gather(*self._in_flight, return_exceptions=True)

    async def _deliver(self, job: Job, user_id: int) -> None:
        """Deliver one claimed row until it has a final outcome (or the job is paused)."""
        backoff = self.first_backoff
        try:
            while True:
                try:
                    attempt = await self.deliver(user_id, job.text)
                except Exception as exc:  # a bug must cost one row, not the whole broadcast
                    log.exception("broadcast %s: delivering to %s failed", job.id, user_id)
                    attempt = Attempt(Result.FAILED, f"{type(exc).__name__}: {exc}")
                if attempt.result in (Result.SENT, Result.FAILED, Result.BLOCKED):
                    if attempt.result is Result.BLOCKED:
                        await self.outbox.users.mark_blocked(user_id)
                    elif attempt.result is Result.FAILED:
                        log.info("broadcast %s: %s failed: %s", job.id, user_id, attempt.detail)
                    await self.outbox.record(job.id, user_id, attempt.result, attempt.detail)
                    return
                if attempt.result is Result.RETRY_AFTER:
                    log.warning("broadcast %s: flood control, waiting %.1fs", job.id,
                                attempt.retry_after)
                    self.pacer.hold(attempt.retry_after)
                else:
                    log.warning("broadcast %s: network trouble sending to %s (%s); "
                                "retrying in %.1fs", job.id, user_id, attempt.detail, backoff)
                    await asyncio.sleep(backoff)
                    backoff = min(backoff * 2, self.max_backoff)
                if await self.outbox.status(job.id) is not JobStatus.RUNNING or self._stopping:
                    await self.outbox.release(job.id, user_id)
                    return
                await self.pacer.wait()
        finally:
            self._slots.release()

    async def _report(self, job: Job, progress: Progress, final: bool) -> None:
        try:
            await self.pacer.wait()  # a progress edit is a message too
            await self.report(job, progress, final)
        except Exception:
            log.exception("broadcast %s: could not report progress", job.id)
