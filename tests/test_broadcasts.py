"""The broadcast core without Telegram: the outbox, the sender, resuming, pacing."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bot.clock import Clock
from bot.outbox import (
    Attempt,
    Job,
    JobStatus,
    Outbox,
    Pacer,
    Progress,
    Result,
    Sender,
)
from bot.storage import Database
from bot.users import Person, UserDirectory
from tests.fake_telegram import max_in_window


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "bot.sqlite3")
    yield database
    await database.close()


@pytest.fixture
async def users(db: Database) -> UserDirectory:
    directory = UserDirectory(db, Clock())
    for user_id in range(1, 21):
        await directory.seen(Person(user_id, f"User{user_id}"))
    return directory


@pytest.fixture
def outbox(db: Database, users: UserDirectory) -> Outbox:
    return Outbox(db, Clock(), users)


class FakeChannel:
    """Stands in for Telegram: records every delivery and plays scripted errors."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, str, float]] = []
        self.script: dict[int, list[Attempt]] = {}
        self.reports: list[tuple[Job, Progress, bool]] = []

    async def deliver(self, user_id: int, text: str) -> Attempt:
        self.calls.append((user_id, text, time.monotonic()))
        queue = self.script.get(user_id)
        if queue:
            return queue.pop(0)
        return Attempt(Result.SENT)

    async def report(self, job: Job, progress: Progress, final: bool) -> None:
        self.reports.append((job, progress, final))

    def delivered_to(self) -> list[int]:
        """Recipients of calls that were not scripted failures, in order."""
        return [user for user, _, _ in self.calls]


def make_sender(outbox: Outbox, channel: FakeChannel, rate: float = 1000.0,
                **kwargs: float) -> Sender:
    return Sender(outbox, channel.deliver, channel.report, Pacer(rate),
                  progress_interval=kwargs.pop("progress_interval", 60.0),
                  first_backoff=kwargs.pop("first_backoff", 0.01), **kwargs)


async def run_until(outbox: Outbox, sender: Sender, done: Callable[[], object],
                    timeout: float = 10.0) -> None:
    """Run the sender until `done()` (an awaitable factory) is truthy, then stop it."""
    task = asyncio.create_task(sender.run())
    try:
        deadline = time.monotonic() + timeout
        while not await done():  # type: ignore[misc]
            assert time.monotonic() < deadline, "the sender did not finish in time"
            await asyncio.sleep(0.01)
    finally:
        sender.stop()
        await asyncio.wait_for(task, 5)


async def eventually(check: Callable[[], Awaitable[bool] | bool], timeout: float = 10.0) -> None:
    """Wait until `check()` holds (it may be a coroutine function)."""
    for _ in range(int(timeout / 0.01)):
        result = check()
        if await result if inspect.isawaitable(result) else result:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the sender did not get there in time")


def finished(outbox: Outbox, job_id: int) -> Callable[[], object]:
    async def check() -> bool:
        job = await outbox.job(job_id)
        return job is not None and job.finished_at is not None
    return check


# --- the outbox -------------------------------------------------------------------------------


async def test_confirmation_writes_one_row_per_accepting_recipient(outbox: Outbox,
                                                                   users: UserDirectory) -> None:
    await users.set_accepts_broadcasts(3, False)
    await users.mark_blocked(4)
    job = await outbox.create(800, "Halo", "all", "Semua", None)
    assert job.total == 18 and job.status is JobStatus.RUNNING
    assert 3 not in await outbox.next_batch(job.id, 100)
    assert 4 not in await outbox.next_batch(job.id, 100)


async def test_an_audience_list_is_filtered_and_never_lists_anyone_twice(outbox: Outbox,
                                                                         users: UserDirectory
                                                                         ) -> None:
    await users.set_accepts_broadcasts(2, False)
    job = await outbox.create(800, "Halo", "event:1", "Peminat", [1, 1, 2, 5, 999])
    assert job.total == 2
    assert await outbox.next_batch(job.id) == [1, 5]
    assert await outbox.deliverable([1, 1, 2, 5, 999]) == [1, 5]


async def test_claiming_a_row_of_someone_who_left_skips_it(outbox: Outbox,
                                                           users: UserDirectory) -> None:
    job = await outbox.create(800, "Halo", "all", "Semua", [7])
    await users.set_accepts_broadcasts(7, False)
    assert not await outbox.claim(job.id, 7)
    assert (await outbox.progress(job.id)).skipped == 1


# --- the sender -------------------------------------------------------------------------------


async def test_every_recipient_gets_the_message_exactly_once(outbox: Outbox) -> None:
    channel = FakeChannel()
    job = await outbox.create(800, "<b>Pameran</b>", "all", "Semua", None)
    await run_until(outbox, make_sender(outbox, channel), finished(outbox, job.id))
    assert sorted(channel.delivered_to()) == list(range(1, 21))
    assert {text for _, text, _ in channel.calls} == {"<b>Pameran</b>"}
    final = [r for r in channel.reports if r[2]]
    assert len(final) == 1 and final[0][0].status is JobStatus.DONE
    assert final[0][1].sent == 20


async def test_restart_resends_only_the_row_in_doubt_and_nothing_already_sent(
        outbox: Outbox) -> None:
    job = await outbox.create(800, "Halo", "all", "Semua", list(range(1, 11)))
    for user_id in (1, 2, 3):  # sent before the crash
        assert await outbox.claim(job.id, user_id)
        await outbox.record(job.id, user_id, Result.SENT)
    assert await outbox.claim(job.id, 4)  # in flight when the process died
    assert await outbox.requeue_in_doubt() == 1

    channel = FakeChannel()
    await run_until(outbox, make_sender(outbox, channel), finished(outbox, job.id))
    assert sorted(channel.delivered_to()) == list(range(4, 11))
    progress = await outbox.progress(job.id)
    assert progress.sent == 10 and progress.pending == progress.sending == 0
    attempts = await outbox.db.fetchval(
        "SELECT attempts FROM broadcast_deliveries WHERE broadcast_id = ? AND user_id = 4",
        (job.id,))
    assert attempts == 2  # visible as resent after a doubt


async def test_a_user_who_blocked_the_bot_is_marked_and_left_out_next_time(
        outbox: Outbox, users: UserDirectory) -> None:
    channel = FakeChannel()
    channel.script[5] = [Attempt(Result.BLOCKED, "Forbidden: bot was blocked by the user")]
    job = await outbox.create(800, "Satu", "all", "Semua", None)
    await run_until(outbox, make_sender(outbox, channel), finished(outbox, job.id))
    assert (await outbox.progress(job.id)).blocked == 1
    record = await users.get(5)
    assert record is not None and record.blocked and not record.accepts_broadcasts
    second = await outbox.create(800, "Dua", "all", "Semua", None)
    assert 5 not in await outbox.next_batch(second.id)


async def test_flood_wait_pauses_all_sending_then_delivers_once(outbox: Outbox) -> None:
    channel = FakeChannel()
    channel.script[3] = [Attempt(Result.RETRY_AFTER, "flood", retry_after=0.3)]
    job = await outbox.create(800, "Halo", "all", "Semua", list(range(1, 8)))
    await run_until(outbox, make_sender(outbox, channel, max_in_flight=1),
                    finished(outbox, job.id))
    users_called = channel.delivered_to()
    assert users_called.count(3) == 2  # the 429, then the delivery
    assert sorted(set(users_called)) == list(range(1, 8))
    flood_at = channel.calls[users_called.index(3)][2]
    after = [at for _, _, at in channel.calls if at > flood_at]
    assert after and min(after) - flood_at >= 0.29
    assert (await outbox.progress(job.id)).sent == 7


async def test_network_errors_are_retried_with_backoff_never_dropped(outbox: Outbox) -> None:
    channel = FakeChannel()
    channel.script[2] = [Attempt(Result.NETWORK, "timed out")] * 3
    job = await outbox.create(800, "Halo", "all", "Semua", [1, 2, 3])
    await run_until(outbox, make_sender(outbox, channel), finished(outbox, job.id))
    assert channel.delivered_to().count(2) == 4
    assert (await outbox.progress(job.id)).sent == 3


async def test_a_bad_request_counts_as_failed_and_the_rest_continue(outbox: Outbox) -> None:
    channel = FakeChannel()
    channel.script[2] = [Attempt(Result.FAILED, "Bad Request: chat not found")]
    job = await outbox.create(800, "Halo", "all", "Semua", [1, 2, 3])
    await run_until(outbox, make_sender(outbox, channel), finished(outbox, job.id))
    progress = await outbox.progress(job.id)
    assert (progress.sent, progress.failed) == (2, 1)


async def test_an_unexpected_error_costs_one_row_not_the_broadcast(outbox: Outbox) -> None:
    channel = FakeChannel()

    async def deliver(user_id: int, text: str) -> Attempt:
        if user_id == 2:
            raise RuntimeError("bug")
        return await channel.deliver(user_id, text)

    job = await outbox.create(800, "Halo", "all", "Semua", [1, 2, 3])
    sender = Sender(outbox, deliver, channel.report, Pacer(1000))
    await run_until(outbox, sender, finished(outbox, job.id))
    progress = await outbox.progress(job.id)
    assert (progress.sent, progress.failed) == (2, 1)


async def test_pause_stops_sending_and_resume_finishes_the_rest(outbox: Outbox) -> None:
    channel = FakeChannel()
    job = await outbox.create(800, "Halo", "all", "Semua", None)
    sender = make_sender(outbox, channel, rate=50)
    task = asyncio.create_task(sender.run())
    try:
        await eventually(lambda: len(channel.calls) >= 5)
        assert await outbox.set_status(job.id, JobStatus.PAUSED, [JobStatus.RUNNING])
        await asyncio.sleep(0.3)
        paused_at = len(channel.calls)
        assert paused_at < 20
        await asyncio.sleep(0.3)
        assert len(channel.calls) == paused_at  # nothing while paused
        assert any(r[0].status is JobStatus.PAUSED and not r[2] for r in channel.reports)
        assert await outbox.set_status(job.id, JobStatus.RUNNING, [JobStatus.PAUSED])
        await eventually(finished(outbox, job.id))  # type: ignore[arg-type]
    finally:
        sender.stop()
        await asyncio.wait_for(task, 5)
    assert sorted(channel.delivered_to()) == list(range(1, 21))


async def test_stop_cancels_the_rest_and_sends_a_final_report(outbox: Outbox) -> None:
    channel = FakeChannel()
    job = await outbox.create(800, "Halo", "all", "Semua", None)
    sender = make_sender(outbox, channel, rate=50)
    task = asyncio.create_task(sender.run())
    try:
        await eventually(lambda: len(channel.calls) >= 3)
        assert await outbox.set_status(job.id, JobStatus.STOPPED, [JobStatus.RUNNING])
        await eventually(finished(outbox, job.id))  # type: ignore[arg-type]
    finally:
        sender.stop()
        await asyncio.wait_for(task, 5)
    progress = await outbox.progress(job.id)
    assert progress.sent == len(channel.calls) < 20
    assert progress.cancelled == 20 - progress.sent and progress.pending == 0
    final = [r for r in channel.reports if r[2]]
    assert len(final) == 1 and final[0][0].status is JobStatus.STOPPED


async def test_stopping_a_paused_job_while_another_runs_reports_it_at_once(
        outbox: Outbox) -> None:
    channel = FakeChannel()
    first = await outbox.create(800, "Satu", "all", "Semua", [1, 2])
    await outbox.set_status(first.id, JobStatus.PAUSED, [JobStatus.RUNNING])
    second = await outbox.create(800, "Dua", "all", "Semua", None)
    sender = make_sender(outbox, channel, rate=20)
    task = asyncio.create_task(sender.run())
    try:
        await eventually(lambda: len(channel.calls) >= 2)
        await outbox.set_status(first.id, JobStatus.STOPPED, [JobStatus.PAUSED])
        await eventually(finished(outbox, first.id))  # type: ignore[arg-type]
        assert not await finished(outbox, second.id)()  # type: ignore[misc]
    finally:
        sender.stop()
        await asyncio.wait_for(task, 5)
    assert [r[0].id for r in channel.reports if r[2]] == [first.id]


async def test_progress_is_reported_while_sending(outbox: Outbox) -> None:
    channel = FakeChannel()
    job = await outbox.create(800, "Halo", "all", "Semua", None)
    await run_until(outbox, make_sender(outbox, channel, rate=50, progress_interval=0.1),
                    finished(outbox, job.id))
    interim = [progress for _, progress, final in channel.reports if not final]
    assert len(interim) >= 2
    assert interim[-1].sent > interim[0].sent


# --- pacing -----------------------------------------------------------------------------------


class VirtualTime:
    """A monotonic clock that moves only when someone sleeps."""

    def __init__(self) -> None:
        self.now = 100.0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds * 1.03 + 0.0004  # sleeping always overshoots a little


async def test_pacer_never_starts_more_than_the_rate_in_any_second() -> None:
    clock = VirtualTime()
    pacer = Pacer(28, clock.monotonic, clock.sleep)
    starts = []
    for number in range(600):
        await pacer.wait()
        starts.append(clock.now)
        if number % 50 == 0:
            clock.now += 0.4  # a slow request: the pacer must not burst to catch up
    assert max_in_window(starts) <= 28


async def test_pacer_sustains_the_configured_rate_despite_late_wakeups() -> None:
    clock = VirtualTime()
    pacer = Pacer(28, clock.monotonic, clock.sleep)
    starts = []
    for _ in range(281):
        await pacer.wait()
        starts.append(clock.now)
    rate = 280 / (starts[-1] - starts[0])
    assert 27.5 <= rate <= 28.0


async def test_pacer_hold_delays_every_send_for_the_flood_wait() -> None:
    clock = VirtualTime()
    pacer = Pacer(28, clock.monotonic, clock.sleep)
    await pacer.wait()
    before = clock.now
    pacer.hold(3.0)
    await pacer.wait()
    assert clock.now - before >= 3.0
