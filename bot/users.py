"""The people who talk to the bot, and whether they accept broadcasts."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.storage import Database


@dataclass(frozen=True)
class Person:
    """A Telegram user as the core sees them (no Telegram types)."""

    id: int
    first_name: str = ""
    last_name: str = ""
    username: str | None = None

    @property
    def display_name(self) -> str:
        name = f"{self.first_name} {self.last_name}".strip()
        return name or (f"@{self.username}" if self.username else str(self.id))


@dataclass(frozen=True)
class UserRecord:
    person: Person
    first_seen: str
    last_seen: str
    accepts_broadcasts: bool
    blocked: bool


class UserDirectory:
    """Records users as they appear and keeps their broadcast preference."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    async def seen(self, person: Person) -> bool:
        """Record that `person` talked to the bot; return True if they are new.

        Talking to the bot again after blocking it means they unblocked it; a user who
        chose /berhenti keeps that choice.
        """
        now = self.clock.now().isoformat(timespec="seconds")
        existed = await self.db.fetchval("SELECT 1 FROM users WHERE id = ?", (person.id,))
        await self.db.execute(
            """
            INSERT INTO users (id, first_name, last_name, username, first_seen, last_seen)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                first_name = excluded.first_name, last_name = excluded.last_name,
                username = excluded.username, last_seen = excluded.last_seen,
                accepts_broadcasts = CASE WHEN users.blocked = 1 THEN 1
                                          ELSE users.accepts_broadcasts END,
                blocked = 0
            """,
            (person.id, person.first_name, person.last_name, person.username, now, now),
        )
        return not existed

    async def get(self, user_id: int) -> UserRecord | None:
        row = await self.db.fetchone("SELECT * FROM users WHERE id = ?", (user_id,))
        if row is None:
            return None
        return UserRecord(
            person=Person(row["id"], row["first_name"], row["last_name"], row["username"]),
            first_seen=row["first_seen"],
            last_seen=row["last_seen"],
            accepts_broadcasts=bool(row["accepts_broadcasts"]),
            blocked=bool(row["blocked"]),
        )

    async def set_accepts_broadcasts(self, user_id: int, accepts: bool) -> bool:
        """Opt a user in or out of broadcasts; return True if that changed anything."""
        changed = await self.db.execute_count(
            "UPDATE users SET accepts_broadcasts = ? WHERE id = ? AND accepts_broadcasts != ?",
            (int(accepts), user_id, int(accepts)),
        )
        return changed > 0

    async def mark_blocked(self, user_id: int) -> None:
        """Telegram refused delivery (blocked or deactivated): stop broadcasting to them."""
        await self.db.execute(
            "UPDATE users SET blocked = 1, accepts_broadcasts = 0 WHERE id = ?", (user_id,)
        )
