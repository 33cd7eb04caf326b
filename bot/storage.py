"""SQLite storage through aiosqlite, with forward-only numbered migrations.

Migrations are the files `bot/migrations/NNN_name.sql`, applied in order at start-up inside
one transaction each; `schema_version` records which ones ran. Never edit a migration that
has shipped: add a new file.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def utc_now_iso() -> str:
    """Current UTC time as stored in the database (ISO 8601, seconds precision)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def discover_migrations(folder: Path = MIGRATIONS_DIR) -> list[tuple[int, Path]]:
    """The migration files in `folder`, ordered by number; numbers must be unique."""
    found: dict[int, Path] = {}
    for path in folder.glob("*.sql"):
        match = _MIGRATION_NAME.match(path.name)
        if not match:
            raise RuntimeError(f"badly named migration file: {path.name}")
        number = int(match.group(1))
        if number in found:
            raise RuntimeError(
                f"two migrations numbered {number}: {found[number].name}, {path.name}"
            )
        found[number] = path
    return sorted(found.items())


class Database:
    """One aiosqlite connection in WAL mode with foreign keys on.

    Writes are serialised by one lock, because concurrent handlers share the connection and
    SQLite has one transaction per connection. Inside `transaction()` use the yielded
    connection directly, not `execute()` (which would wait for the lock you hold).
    """

    def __init__(self, connection: aiosqlite.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path) -> Database:
        """Open (creating if needed) the database at `path` and apply pending migrations."""
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        connection = await aiosqlite.connect(path, isolation_level=None)
        connection.row_factory = aiosqlite.Row
        await connection.execute("PRAGMA journal_mode=WAL")
        await connection.execute("PRAGMA foreign_keys=ON")
        await connection.execute("PRAGMA synchronous=NORMAL")
        await connection.execute("PRAGMA busy_timeout=5000")
        db = cls(connection, path)
        await db.migrate()
        return db

    async def close(self) -> None:
        await self.connection.close()

    async def schema_version(self) -> int:
        await self.connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_version "
            "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        row = await self.fetchone("SELECT MAX(version) AS v FROM schema_version")
        return int(row["v"] or 0) if row else 0

    async def migrate(self, folder: Path = MIGRATIONS_DIR) -> list[int]:
        """Apply every migration newer than the recorded version; return the numbers applied."""
        current = await self.schema_version()
        applied = []
        for number, path in discover_migrations(folder):
            if number <= current:
                continue
            script = path.read_text(encoding="utf-8")
            # executescript commits first; wrap the script so it lands whole or not at all.
            await self.connection.executescript(
                "BEGIN IMMEDIATE;\n" + script + "\n"
                f"INSERT INTO schema_version (version, applied_at) "
                f"VALUES ({number}, '{utc_now_iso()}');\nCOMMIT;"
            )
            applied.append(number)
        return applied

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction: committed on success, rolled back on error."""
        async with self._write_lock:
            await self.connection.execute("BEGIN IMMEDIATE")
            try:
                yield self.connection
            except BaseException:
                await self.connection.execute("ROLLBACK")
                raise
            else:
                await self.connection.execute("COMMIT")

    async def execute(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run one statement (autocommit); return the last row id."""
        async with self._write_lock:
            cursor = await self.connection.execute(sql, tuple(params))
            row_id = cursor.lastrowid or 0
            await cursor.close()
        return row_id

    async def execute_count(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run one statement (autocommit); return how many rows it changed."""
        async with self._write_lock:
            cursor = await self.connection.execute(sql, tuple(params))
            count = cursor.rowcount
            await cursor.close()
        return count

    # Reads run the query and fetch its rows in one call on aiosqlite's thread, so a write
    # from another coroutine can never slip in between (undefined behaviour in SQLite).

    async def fetchone(self, sql: str, params: Iterable[Any] = ()) -> aiosqlite.Row | None:
        rows = await self.connection.execute_fetchall(sql, tuple(params))
        return next(iter(rows), None)

    async def fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        return list(await self.connection.execute_fetchall(sql, tuple(params)))

    async def fetchval(self, sql: str, params: Iterable[Any] = (), default: Any = None) -> Any:
        row = await self.fetchone(sql, params)
        return default if row is None or row[0] is None else row[0]
