"""Broadcast throughput, pacing, duplicates and gaps — plainly, and across a SIGKILL.

    .venv/bin/python benchmarks/broadcast.py                       # 10,000 recipients (~13 min)
    .venv/bin/python benchmarks/broadcast.py --recipients 1000     # quicker
    .venv/bin/python benchmarks/broadcast.py --runs kill           # only the kill-and-restart run

Each run starts from a fresh database holding N users, runs the fake Bot API server
(tests/fake_telegram.py) in this process and the real bot as a subprocess
(`python -m bot run --config <tmp>/config.yaml`, TELEGRAM_BOT_TOKEN set). The organiser
composes and confirms `/siaran` through the server, as in the chat; meanwhile another user
asks a question every two seconds and the time to the bot's reply is measured (and compared
with the same questions asked before the broadcast). The `kill` run SIGKILLs the bot at a
random point between 30% and 60% of the broadcast, counts the rows left in doubt, and starts
the bot again; the broadcast must finish by itself.

Printed per run: messages per second (first to last broadcast message; for the kill run also
without the restart pause), the most broadcast messages and the most bot messages of any
kind (sendMessage + editMessageText) in any one-second window, duplicates, gaps, and
question latency.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.storage import Database  # noqa: E402
from tests.conftest import ORGANISER_ID, TOKEN, FakeUser, write_config  # noqa: E402
from tests.fake_telegram import FakeTelegram, SentMessage, max_in_window  # noqa: E402

ANNOUNCEMENT = "Benchmark: Pameran Ekspor UMKM, Sabtu 09.00 di Gedung Serbaguna"
QUESTIONER_ID = 555
QUESTION = "apa itu PEB"
FIRST_USER_ID = 10_000_000
QUESTION_EVERY = 2.0


@dataclass
class RunResult:
    name: str
    recipients: int = 0
    delivered: int = 0
    duplicates: int = 0
    gaps: int = 0
    elapsed: float = 0.0
    rate: float = 0.0
    rate_without_restart: float | None = None
    max_broadcast_window: int = 0
    max_overall_window: int = 0
    kills: list[tuple[int, int, int]] = field(default_factory=list)  # sent, in doubt, reached
    baseline_latency: list[float] = field(default_factory=list)
    broadcast_latency: list[float] = field(default_factory=list)


async def populate(db_path: Path, count: int) -> None:
    """N users who have opened the bot and accept broadcasts."""
    db = await Database.open(db_path)
    now = "2026-01-01T00:00:00+00:00"
    async with db.transaction() as tx:
        await tx.executemany(
            "INSERT INTO users (id, first_name, first_seen, last_seen) VALUES (?, ?, ?, ?)",
            [(FIRST_USER_ID + i, f"UMKM {i}", now, now) for i in range(count)])
    await db.close()


async def db_rows(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    db = await Database.open(db_path)
    try:
        return [tuple(row) for row in await db.fetchall(sql)]
    finally:
        await db.close()


async def start_bot(config: Path, log_file: Path) -> asyncio.subprocess.Process:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN}
    with log_file.open("ab") as log:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", "--config", str(config),
            env=env, cwd=ROOT, stdout=log, stderr=log)


def is_announcement(message: SentMessage) -> bool:
    return message.text.startswith(ANNOUNCEMENT)


async def ask(user: FakeUser, latencies: list[float]) -> None:
    started = time.monotonic()
    await user.ask(QUESTION, timeout=30)
    latencies.append(time.monotonic() - started)


async def until(check: Callable[[], bool], timeout: float, every: float = 0.2) -> None:
    """Poll `check` (cheaply: not on every server call, which would load the fake server)."""
    for _ in range(int(timeout / every)):
        if check():
            return
        await asyncio.sleep(every)
    raise TimeoutError("the broadcast did not get there in time")


async def keep_asking(user: FakeUser, latencies: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            await ask(user, latencies)
        except TimeoutError:
            latencies.append(float("inf"))
        try:
            await asyncio.wait_for(stop.wait(), QUESTION_EVERY)
        except TimeoutError:
            pass


async def run_once(name: str, recipients: int, kills: int, rng: random.Random,
                   folder: Path) -> RunResult:
    result = RunResult(name)
    telegram = FakeTelegram()
    telegram.record_calls = False
    await telegram.start()
    config = write_config(folder, telegram, broadcast={"messages_per_second": 28,
                                                        "progress_interval": 5})
    db_path = folder / "bot.sqlite3"
    await populate(db_path, recipients)
    log_file = folder / "bot.log"
    bot = await start_bot(config, log_file)
    try:
        organiser = FakeUser(telegram, ORGANISER_ID)
        questioner = FakeUser(telegram, QUESTIONER_ID)
        await organiser.ask("/start", timeout=60)  # the bot is up
        await questioner.ask("/berhenti")  # so that only answers reach this chat
        for _ in range(5):  # spaced as during the broadcast, and within the flood limit
            await asyncio.sleep(QUESTION_EVERY)
            await ask(questioner, result.baseline_latency)

        await organiser.send(f"/siaran {ANNOUNCEMENT}")
        choice = await organiser.next_message(30)
        await organiser.press(choice, "Semua pengguna")
        await organiser.next_message(30)  # the announcement as it will arrive
        confirmation = await organiser.next_message(30)
        await organiser.press(confirmation, "Kirim ke")
        await telegram.wait_for(lambda: confirmation.edits > 0, 30)

        stop_asking = asyncio.Event()
        asking = asyncio.create_task(keep_asking(questioner, result.broadcast_latency,
                                                 stop_asking))
        expected = {row[0] for row in await db_rows(
            db_path, "SELECT user_id FROM broadcast_deliveries WHERE broadcast_id = 1")}
        result.recipients = len(expected)

        def delivered() -> int:
            # Every message but the organiser's and the questioner's is a broadcast copy.
            return len(telegram.sent) - before

        before = len(telegram.sent)
        deadline = len(expected) / 10 + 120
        for fraction in sorted(rng.uniform(0.2, 0.8) for _ in range(kills)):
            await until(lambda f=fraction: delivered() >= f * len(expected), deadline)
            # Kill at a random moment, not right after a delivery the server just saw.
            await asyncio.sleep(rng.uniform(0, 1))
            bot.send_signal(signal.SIGKILL)
            await bot.wait()
            doubt = {row[0] for row in await db_rows(
                db_path, "SELECT user_id FROM broadcast_deliveries WHERE status = 'sending'")}
            reached = {m.chat_id for m in telegram.sent if is_announcement(m)}
            result.kills.append((delivered(), len(doubt), len(doubt & reached)))
            bot = await start_bot(config, log_file)

        await until(lambda: any("selesai</b>" in m.text
                                for m in telegram.messages_to(ORGANISER_ID)), deadline, 1.0)
        stop_asking.set()
        await asking
    finally:
        if bot.returncode is None:
            bot.terminate()
            await bot.wait()
        await telegram.stop()

    copies = Counter(m.chat_id for m in telegram.sent if is_announcement(m))
    copies[ORGANISER_ID] -= 1  # the preview
    result.delivered = sum(1 for chat in expected if copies[chat] > 0)
    result.duplicates = sum(count - 1 for count in copies.values() if count > 1)
    result.gaps = len(expected - {chat for chat, count in copies.items() if count > 0})
    preview_at = next(m.sent_at for m in telegram.sent if is_announcement(m))
    times = sorted(m.sent_at for m in telegram.sent if is_announcement(m) and
                   m.sent_at > preview_at)
    result.elapsed = times[-1] - times[0]
    result.rate = (len(times) - 1) / result.elapsed
    if kills:
        pauses = sorted(b - a for a, b in itertools.pairwise(times))[-kills:]
        result.rate_without_restart = (len(times) - 1 - kills) / (result.elapsed - sum(pauses))
    result.max_broadcast_window = max_in_window(times)
    overall = [at for at, method, _, status in telegram.responses
               if status == 200 and method in ("sendMessage", "editMessageText")
               and at >= times[0]]
    result.max_overall_window = max_in_window(overall)
    return result


def latency_line(values: list[float]) -> str:
    finite = [v for v in values if v != float("inf")]
    lost = len(values) - len(finite)
    if not finite:
        return "no answers"
    text = (f"median {statistics.median(finite) * 1000:.0f} ms, "
            f"max {max(finite) * 1000:.0f} ms over {len(finite)} questions")
    return text + (f", {lost} unanswered within 30 s" if lost else "")


def report(result: RunResult) -> None:
    print(f"\n== {result.name} ==")
    print(f"recipients:                    {result.recipients}")
    print(f"delivered:                     {result.delivered}")
    print(f"duplicates:                    {result.duplicates}")
    print(f"gaps:                          {result.gaps}")
    print(f"time first→last message:       {result.elapsed:.1f} s")
    print(f"messages per second:           {result.rate:.2f}")
    if result.rate_without_restart is not None:
        print(f"  without the restart pause:   {result.rate_without_restart:.2f}")
    print(f"max broadcast msgs in any 1 s: {result.max_broadcast_window}")
    print(f"max bot msgs+edits in any 1 s: {result.max_overall_window}")
    for number, (sent, doubt, reached) in enumerate(result.kills, 1):
        print(f"SIGKILL {number}: after {sent} sent, {doubt} rows in doubt "
              f"({reached} of them had already reached the server, so resending made "
              f"{reached} duplicate(s))")
    print(f"question latency before:       {latency_line(result.baseline_latency)}")
    print(f"question latency during:       {latency_line(result.broadcast_latency)}")


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=10_000,
                        help="users who accept broadcasts (default 10000)")
    parser.add_argument("--runs", choices=["both", "plain", "kill"], default="both")
    parser.add_argument("--kills", type=int, default=1,
                        help="how many times the kill run kills the bot (default 1)")
    parser.add_argument("--seed", type=int, default=None, help="seed for the kill point")
    parser.add_argument("--keep", action="store_true", help="keep the temp folders (bot.log)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    runs = [("plain", 0), ("kill", args.kills)]
    if args.runs != "both":
        runs = [run for run in runs if run[0] == args.runs]
    results = []
    for name, kill in runs:
        folder = Path(tempfile.mkdtemp(prefix=f"broadcast-bench-{name}-"))
        title = (f"{name}: {args.recipients} users"
                 + (f", SIGKILL mid-broadcast and restart ×{kill}" if kill else ""))
        print(f"running {title} … (folder {folder})", flush=True)
        result = await run_once(title, args.recipients, kill, rng, folder)
        report(result)
        results.append(result)
        if not args.keep:
            shutil.rmtree(folder)
    ok = all(r.duplicates == 0 and r.gaps == 0 and r.max_broadcast_window <= 30
             for r in results)
    verdict = "0 duplicates, 0 gaps, never above 30/s" if ok else "PROBLEMS, see above"
    print(f"\nall runs: {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
