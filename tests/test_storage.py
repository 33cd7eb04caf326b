"""Storage: migrations run once, in order, and keep data; users are recorded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.clock import ManualClock
from bot.storage import Database, discover_migrations
from bot.users import Person, UserDirectory


async def test_migrations_apply_in_order_and_only_once(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    db = await Database.open(path)
    numbers = [n for n, _ in discover_migrations()]
    assert numbers == sorted(numbers) and numbers[0] == 1
    assert await db.schema_version() == numbers[-1]
    assert await db.fetchval("PRAGMA journal_mode") == "wal"
    assert await db.fetchval("PRAGMA foreign_keys") == 1
    await db.execute("INSERT INTO users (id, first_seen, last_seen) VALUES (1, 'a', 'a')")
    await db.close()

    db = await Database.open(path)
    assert await db.migrate() == []
    assert await db.fetchval("SELECT COUNT(*) FROM users") == 1
    await db.close()


async def test_new_migration_is_applied_on_next_start_without_losing_data(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "db.sqlite3")
    await db.execute("INSERT INTO users (id, first_seen, last_seen) VALUES (7, 'a', 'a')")
    extra = tmp_path / "migrations"
    extra.mkdir()
    for _number, path in discover_migrations():
        (extra / path.name).write_text(path.read_text())
    (extra / "999_notes.sql").write_text("CREATE TABLE notes (id INTEGER PRIMARY KEY);")
    assert await db.migrate(extra) == [999]
    assert await db.schema_version() == 999
    assert await db.fetchval("SELECT id FROM users") == 7
    await db.close()


async def test_failed_transaction_leaves_nothing_behind(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "db.sqlite3")
    try:
        async with db.transaction() as conn:
            await conn.execute("INSERT INTO users (id, first_seen, last_seen) VALUES (1, 'a', 'a')")
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert await db.fetchval("SELECT COUNT(*) FROM users") == 0
    await db.close()


async def test_users_are_recorded_and_keep_their_broadcast_choice(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "db.sqlite3")
    clock = ManualClock(dt.datetime(2026, 11, 22, 8, tzinfo=dt.UTC))
    users = UserDirectory(db, clock)
    assert await users.seen(Person(5, "Siti", "", "siti")) is True
    clock.advance(dt.timedelta(hours=1))
    assert await users.seen(Person(5, "Siti", "Aminah", "siti_a")) is False
    record = await users.get(5)
    assert record is not None
    assert record.person.username == "siti_a" and record.person.last_name == "Aminah"
    assert record.first_seen < record.last_seen
    assert record.accepts_broadcasts

    assert await users.set_accepts_broadcasts(5, False) is True
    await users.seen(Person(5, "Siti"))
    assert not (await users.get(5)).accepts_broadcasts  # /berhenti is kept

    await users.set_accepts_broadcasts(5, True)
    await users.mark_blocked(5)
    assert not (await users.get(5)).accepts_broadcasts
    await users.seen(Person(5, "Siti"))  # talking again means they unblocked the bot
    assert (await users.get(5)).accepts_broadcasts
    await db.close()
