"""The question log and answer feedback, which the admin reports read."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.matcher import Outcome
from bot.storage import Database


@dataclass(frozen=True)
class LoggedQuestion:
    id: int
    user_id: int
    text: str
    outcome: str
    entry_id: str | None
    score: float
    suggestions: tuple[str, ...]


class QuestionLog:
    """Records every question with its outcome; records which suggestion a user picked."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def _now(self) -> str:
        return self.clock.now().isoformat(timespec="seconds")

    async def record(self, user_id: int, text: str, outcome: Outcome, source: str) -> int:
        """Store one question; return its id."""
        return await self.db.execute(
            "INSERT INTO questions (user_id, text, outcome, entry_id, score, suggestions, "
            "source, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (user_id, text, outcome.kind, outcome.entry_id, outcome.score,
             ",".join(outcome.suggestions), source, self._now()),
        )

    async def get(self, question_id: int) -> LoggedQuestion | None:
        row = await self.db.fetchone("SELECT * FROM questions WHERE id = ?", (question_id,))
        if row is None:
            return None
        return LoggedQuestion(
            id=row["id"], user_id=row["user_id"], text=row["text"], outcome=row["outcome"],
            entry_id=row["entry_id"], score=row["score"],
            suggestions=tuple(s for s in row["suggestions"].split(",") if s),
        )

    async def record_choice(self, question_id: int, user_id: int, entry_id: str) -> bool:
        """Remember which suggested entry the asker picked (only theirs, only once)."""
        changed = await self.db.execute_count(
            "UPDATE questions SET entry_id = ? WHERE id = ? AND user_id = ? "
            "AND outcome = 'suggest' AND entry_id IS NULL",
            (entry_id, question_id, user_id),
        )
        return changed > 0

    async def record_nearby(self, question_id: int, user_id: int, entry_id: str) -> bool:
        """Remember that the asker opened `entry_id`, offered under "belum tahu" (once)."""
        changed = await self.db.execute_count(
            "UPDATE questions SET picked = ? WHERE id = ? AND user_id = ? "
            "AND outcome = 'unknown' AND picked IS NULL",
            (entry_id, question_id, user_id),
        )
        return changed > 0

    async def record_alternative(self, question_id: int, user_id: int, entry_id: str) -> bool:
        """Remember that the asker picked `entry_id`, offered beside the answer (once)."""
        changed = await self.db.execute_count(
            "UPDATE questions SET picked = ? WHERE id = ? AND user_id = ? "
            "AND outcome = 'answer' AND picked IS NULL "
            "AND instr(',' || suggestions || ',', ',' || ? || ',') > 0",
            (entry_id, question_id, user_id, entry_id),
        )
        return changed > 0


class FeedbackStore:
    """👍/👎 per user per entry; pressing again changes the vote, a comment may follow 👎."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    async def vote(self, user_id: int, entry_id: str, helpful: bool) -> bool:
        """Store the vote; return True if it is new or changed (False: same as before)."""
        now = self.clock.now().isoformat(timespec="seconds")
        question_id = await self.db.fetchval(
            "SELECT id FROM questions WHERE user_id = ? AND entry_id = ? ORDER BY id DESC LIMIT 1",
            (user_id, entry_id),
        )
        changed = await self.db.execute_count(
            """
            INSERT INTO feedback (user_id, entry_id, helpful, question_id, updated_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (user_id, entry_id) DO UPDATE SET
                helpful = excluded.helpful, updated_at = excluded.updated_at,
                comment = CASE WHEN feedback.helpful = excluded.helpful
                               THEN feedback.comment ELSE NULL END
            WHERE feedback.helpful != excluded.helpful
            """,
            (user_id, entry_id, int(helpful), question_id, now),
        )
        return changed > 0

    async def comment(self, user_id: int, entry_id: str, text: str) -> None:
        await self.db.execute(
            "UPDATE feedback SET comment = ?, updated_at = ? WHERE user_id = ? AND entry_id = ?",
            (text, self.clock.now().isoformat(timespec="seconds"), user_id, entry_id),
        )

    async def get(self, user_id: int, entry_id: str) -> tuple[bool, str | None] | None:
        row = await self.db.fetchone(
            "SELECT helpful, comment FROM feedback WHERE user_id = ? AND entry_id = ?",
            (user_id, entry_id),
        )
        return None if row is None else (bool(row["helpful"]), row["comment"])
