"""Who may do what: admins and organisers from config, plus organisers granted in the chat."""

from __future__ import annotations

import logging
from enum import StrEnum

from bot.clock import Clock
from bot.config import Config
from bot.storage import Database

log = logging.getLogger(__name__)


class Role(StrEnum):
    ADMIN = "admin"
    ORGANISER = "organiser"


class Roles:
    """Role checks. Admins are organisers too."""

    def __init__(self, config: Config, db: Database, clock: Clock) -> None:
        self.config = config
        self.db = db
        self.clock = clock

    def is_admin(self, user_id: int) -> bool:
        return user_id in self.config.admins

    async def is_organiser(self, user_id: int) -> bool:
        if self.is_admin(user_id) or user_id in self.config.organisers:
            return True
        return bool(await self.db.fetchval(
            "SELECT 1 FROM organiser_grants WHERE user_id = ?", (user_id,)
        ))

    async def has(self, user_id: int, role: Role) -> bool:
        return self.is_admin(user_id) if role is Role.ADMIN else await self.is_organiser(user_id)

    async def check(self, user_id: int, role: Role, action: str) -> bool:
        """Return whether `user_id` holds `role`; log and record a refused attempt."""
        allowed = await self.has(user_id, role)
        if not allowed:
            log.warning("refused %s for user %s (needs %s)", action, user_id, role)
            await self.audit(user_id, action, f"needs {role}", allowed=False)
        return allowed

    async def audit(self, user_id: int, action: str, detail: str = "", *, allowed: bool) -> None:
        await self.db.execute(
            "INSERT INTO audit_log (user_id, action, detail, allowed, at) VALUES (?, ?, ?, ?, ?)",
            (user_id, action, detail, int(allowed), self.clock.now().isoformat(timespec="seconds")),
        )

    async def grant_organiser(self, user_id: int, by: int) -> bool:
        """Grant the organiser role; return False if they already had it from the chat."""
        changed = await self.db.execute_count(
            "INSERT OR IGNORE INTO organiser_grants (user_id, granted_by, granted_at) "
            "VALUES (?, ?, ?)",
            (user_id, by, self.clock.now().isoformat(timespec="seconds")),
        )
        await self.audit(by, "organiser.grant", str(user_id), allowed=True)
        return changed > 0

    async def revoke_organiser(self, user_id: int, by: int) -> bool:
        """Revoke a chat-granted organiser role; config.yaml organisers stay."""
        changed = await self.db.execute_count(
            "DELETE FROM organiser_grants WHERE user_id = ?", (user_id,)
        )
        await self.audit(by, "organiser.revoke", str(user_id), allowed=True)
        return changed > 0

    async def organiser_ids(self) -> set[int]:
        rows = await self.db.fetchall("SELECT user_id FROM organiser_grants")
        return set(self.config.organisers) | set(self.config.admins) | {r[0] for r in rows}
