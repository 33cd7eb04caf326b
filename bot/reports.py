"""What users still need and how the bot is used: the admins' reports, in chat and on the CLI.

`unanswered` groups the questions the bot could not answer (and those whose answer got a 👎)
when they are near-duplicates, so admins see which entries to write next. `stats` counts
users, questions by outcome, top entries, feedback, events and broadcasts for a period.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from rapidfuzz import fuzz

from bot import texts
from bot.clock import Clock
from bot.config import Config
from bot.knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from bot.normalise import STOP_WORDS, tokenize
from bot.replies import Button, Reply, callback, esc, fit_message, html_to_plain
from bot.storage import Database

log = logging.getLogger(__name__)

PERIODS = (7, 30, 90)  # the period buttons under a report, in days
MAX_DAYS = 366
MAX_QUESTIONS = 5000  # newest questions grouped; older ones would not change the top
GROUPS_SHOWN = 10
EXAMPLES_SHOWN = 3
TOP_ENTRIES = 5
# Two questions are the same need when their sorted terms are this similar…
SAME_ORDERLESS = 80
# …or when one's terms (at least two of them) are all in the other's.
SAME_SUBSET = 90
OUTCOMES = ("answer", "suggest", "unknown")


@dataclass
class QuestionGroup:
    """Near-duplicate questions users still need answered."""

    key: str
    count: int = 0
    users: set[int] = field(default_factory=set)
    examples: list[str] = field(default_factory=list)  # distinct wordings, most asked first
    disliked: Counter[str] = field(default_factory=Counter)  # entry id -> 👎 count
    comments: list[str] = field(default_factory=list)
    # "answered entry → entry the asker picked from the 🔎 buttons" -> count
    picked: Counter[str] = field(default_factory=Counter)
    # entry the asker opened from the nearest topics under "belum tahu" -> count
    opened: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Stats:
    """Usage over a period, in local time; `per_day` is dates with counts per outcome."""

    days: int
    since: dt.datetime
    until: dt.datetime
    users_total: int
    users_new: int
    users_active: int
    users_opted_out: int
    outcomes: dict[str, int]
    top_entries: list[tuple[str, str, int]]  # id, title, times answered or picked
    helpful: int
    not_helpful: int
    comments: int
    events: dict[str, int] | None  # None: the events feature keeps no data (yet)
    broadcasts: dict[str, int] | None
    per_day: list[tuple[dt.date, dict[str, int]]]

    @property
    def questions(self) -> int:
        return sum(self.outcomes.values())

    def rate(self, outcome: str) -> float:
        return self.outcomes.get(outcome, 0) / self.questions if self.questions else 0.0


class Reports:
    """Reads the question log, feedback, users, events and broadcasts for admins."""

    def __init__(
        self, db: Database, clock: Clock, timezone: ZoneInfo,
        knowledge: Callable[[], KnowledgeBase | None],
    ) -> None:
        self.db = db
        self.clock = clock
        self.timezone = timezone
        self._knowledge = knowledge

    def _since(self, days: int) -> tuple[dt.datetime, str]:
        since = self.clock.now() - dt.timedelta(days=days)
        return since, since.astimezone(dt.UTC).isoformat(timespec="seconds")

    # --- what users still need ----------------------------------------------------------------

    async def unanswered(self, days: int) -> list[QuestionGroup]:
        """What users still need from the last `days` days, grouped, most frequent first:
        unknown questions, 👎 answers, and answers the asker swapped for a 🔎 alternative."""
        _, since = self._since(days)
        rows = await self.db.fetchall(
            "SELECT user_id, text, NULL AS entry_id, NULL AS comment, NULL AS picked, "
            "picked AS opened FROM questions WHERE outcome = 'unknown' AND asked_at >= ? "
            "UNION ALL "
            "SELECT f.user_id, COALESCE(q.text, f.comment, f.entry_id), f.entry_id, f.comment, "
            "NULL, NULL FROM feedback f LEFT JOIN questions q ON q.id = f.question_id "
            "WHERE f.helpful = 0 AND f.updated_at >= ? "
            "UNION ALL "  # answered, but the asker picked another entry under the answer
            "SELECT user_id, text, NULL, NULL, entry_id || ' → ' || picked, NULL FROM questions "
            "WHERE outcome = 'answer' AND picked IS NOT NULL AND asked_at >= ? "
            "LIMIT ?",
            (since, since, since, MAX_QUESTIONS),
        )
        key_of = self._grouping_key()
        groups: list[QuestionGroup] = []
        by_key: dict[str, QuestionGroup] = {}
        wordings: dict[str, Counter[str]] = {}
        # Most common keys first, so each group is named after its most asked form.
        keyed = [(key_of(row["text"]), row) for row in rows]
        frequency = Counter(key for key, _ in keyed)
        keyed.sort(key=lambda pair: -frequency[pair[0]])
        for key, row in keyed:
            group = by_key.get(key) or _closest(groups, key)
            if group is None:
                group = QuestionGroup(key)
                groups.append(group)
            by_key[key] = group
            group.count += 1
            group.users.add(row["user_id"])
            wordings.setdefault(group.key, Counter())[" ".join(row["text"].split())] += 1
            if row["entry_id"]:
                group.disliked[row["entry_id"]] += 1
            if row["comment"]:
                group.comments.append(row["comment"])
            if row["picked"]:
                group.picked[row["picked"]] += 1
            if row["opened"]:
                group.opened[row["opened"]] += 1
        for group in groups:
            group.examples = [text for text, _ in wordings[group.key].most_common()]
        groups.sort(key=lambda g: (-g.count, -len(g.users), g.key))
        return groups

    def _grouping_key(self) -> Callable[[str], str]:
        """Question -> its terms, sorted: the knowledge normaliser folds slang, typos, affixes."""
        kb = self._knowledge()

        def key(text: str) -> str:
            if kb is not None:
                terms = kb.matcher.normaliser.terms(text)
            else:
                terms = [t for t in tokenize(text) if t not in STOP_WORDS]
            return " ".join(sorted(set(terms))) or " ".join(text.lower().split())

        return key

    # --- statistics -------------------------------------------------------------------------

    async def stats(self, days: int) -> Stats:
        since, since_iso = self._since(days)
        until = self.clock.now()
        users_total = await self._count("SELECT COUNT(*) FROM users")
        users_new = await self._count("SELECT COUNT(*) FROM users WHERE first_seen >= ?",
                                      since_iso)
        users_active = await self._count(
            "SELECT COUNT(DISTINCT user_id) FROM questions WHERE asked_at >= ?", since_iso)
        opted_out = await self._count("SELECT COUNT(*) FROM users WHERE accepts_broadcasts = 0")
        rows = await self.db.fetchall(
            "SELECT outcome, asked_at FROM questions WHERE asked_at >= ?", (since_iso,))
        outcomes = dict.fromkeys(OUTCOMES, 0)
        per_day = {
            (since + dt.timedelta(days=i + 1)).astimezone(self.timezone).date():
                dict.fromkeys(OUTCOMES, 0)
            for i in range(days)
        }
        for row in rows:
            outcomes[row["outcome"]] = outcomes.get(row["outcome"], 0) + 1
            day = dt.datetime.fromisoformat(row["asked_at"]).astimezone(self.timezone).date()
            per_day.setdefault(day, dict.fromkeys(OUTCOMES, 0))[row["outcome"]] += 1
        kb = self._knowledge()
        top = await self.db.fetchall(
            "SELECT entry_id, COUNT(*) AS n FROM questions WHERE asked_at >= ? "
            "AND entry_id IS NOT NULL GROUP BY entry_id ORDER BY n DESC, entry_id LIMIT ?",
            (since_iso, TOP_ENTRIES),
        )
        top_entries = [
            (r["entry_id"], e.title if kb and (e := kb.entry(r["entry_id"])) else r["entry_id"],
             r["n"])
            for r in top
        ]
        feedback = await self.db.fetchone(
            "SELECT COALESCE(SUM(helpful = 1), 0) AS up, COALESCE(SUM(helpful = 0), 0) AS down, "
            "COALESCE(SUM(comment IS NOT NULL), 0) AS comments "
            "FROM feedback WHERE updated_at >= ?", (since_iso,))
        assert feedback is not None  # an aggregate always returns a row
        return Stats(
            days=days, since=since.astimezone(self.timezone),
            until=until.astimezone(self.timezone), users_total=users_total, users_new=users_new,
            users_active=users_active, users_opted_out=opted_out, outcomes=outcomes,
            top_entries=top_entries, helpful=feedback["up"], not_helpful=feedback["down"],
            comments=feedback["comments"],
            events=await self._events(since_iso, until.isoformat(timespec="seconds")),
            broadcasts=await self._broadcasts(since_iso), per_day=sorted(per_day.items()),
        )

    async def _count(self, sql: str, *params: object) -> int:
        return int(await self.db.fetchval(sql, params, default=0))

    async def _columns(self, table: str) -> set[str]:
        """The table's columns; empty if it does not exist (a feature not installed yet)."""
        rows = await self.db.fetchall(f"PRAGMA table_info({table})")
        return {row["name"] for row in rows}

    async def _events(self, since: str, now: str) -> dict[str, int] | None:
        """Events created, held and coming up, and interest registrations; None if no table."""
        if not {"created_at", "starts_at", "status"} <= await self._columns("events"):
            return None
        # Event times carry their own offset: compare them as instants, not as text.
        created = await self._count(
            "SELECT COUNT(*) FROM events WHERE julianday(created_at) >= julianday(?)", since)
        held = await self._count(
            "SELECT COUNT(*) FROM events WHERE status != 'cancelled' "
            "AND julianday(starts_at) BETWEEN julianday(?) AND julianday(?)", since, now)
        upcoming = await self._count(
            "SELECT COUNT(*) FROM events WHERE status = 'upcoming' "
            "AND julianday(starts_at) > julianday(?)", now)
        interests = 0
        if "registered_at" in await self._columns("event_interests"):
            interests = await self._count(
                "SELECT COUNT(*) FROM event_interests "
                "WHERE julianday(registered_at) >= julianday(?)", since)
        return {"created": created, "held": held, "upcoming": upcoming, "interests": interests}

    async def _broadcasts(self, since: str) -> dict[str, int] | None:
        """Broadcasts started in the period and how their deliveries went; None if no table."""
        if "created_at" not in await self._columns("broadcasts"):
            return None
        started = await self._count(
            "SELECT COUNT(*) FROM broadcasts WHERE julianday(created_at) >= julianday(?)", since)
        delivered = failed = 0
        if {"broadcast_id", "status"} <= await self._columns("broadcast_deliveries"):
            row = await self.db.fetchone(
                "SELECT COALESCE(SUM(d.status = 'sent'), 0) AS delivered, "
                "COALESCE(SUM(d.status IN ('failed', 'blocked')), 0) AS failed "
                "FROM broadcast_deliveries d JOIN broadcasts b ON b.id = d.broadcast_id "
                "WHERE julianday(b.created_at) >= julianday(?)", (since,))
            if row is not None:
                delivered, failed = int(row["delivered"]), int(row["failed"])
        return {"broadcasts": started, "delivered": delivered, "failed": failed}


def _closest(groups: list[QuestionGroup], key: str) -> QuestionGroup | None:
    """The first group whose key means the same need as `key`, if any."""
    words = key.split()
    for group in groups:
        if fuzz.token_sort_ratio(key, group.key) >= SAME_ORDERLESS:
            return group
        shorter = min(len(words), len(group.key.split()))
        if shorter >= 2 and fuzz.token_set_ratio(key, group.key) >= SAME_SUBSET:
            return group
    return None


# --- rendering ------------------------------------------------------------------------------


def _period_buttons(kind: str, days: int) -> tuple[tuple[Button, ...], ...]:
    return ((
        *(Button(texts.ADMIN_PERIOD_BUTTON.format(days=d) + (" ✓" if d == days else ""),
                 callback("adm", kind, d)) for d in PERIODS),
    ),)


def unanswered_reply(groups: list[QuestionGroup], days: int) -> Reply:
    """The /belumterjawab message: the top groups with counts and example wording."""
    if not groups:
        return Reply(texts.ADMIN_UNANSWERED_NONE.format(days=days), _period_buttons("un", days))
    total = sum(g.count for g in groups)
    lines = [texts.ADMIN_UNANSWERED_HEADER.format(days=days, total=total, groups=len(groups))]
    for number, group in enumerate(groups[:GROUPS_SHOWN], 1):
        lines.append("")
        lines.append(texts.ADMIN_UNANSWERED_GROUP.format(
            number=number, count=group.count, users=len(group.users),
            example=esc(_shorten(group.examples[0], 150))))
        for other in group.examples[1:EXAMPLES_SHOWN]:
            lines.append(texts.ADMIN_UNANSWERED_EXAMPLE.format(example=esc(_shorten(other, 100))))
        if group.disliked:
            ids = ", ".join(esc(i) for i, _ in group.disliked.most_common(3))
            lines.append(texts.ADMIN_UNANSWERED_DISLIKED.format(entries=ids))
        if group.picked:
            swaps = ", ".join(esc(p) for p, _ in group.picked.most_common(3))
            lines.append(texts.ADMIN_UNANSWERED_PICKED.format(swaps=swaps))
        if group.opened:
            opened = ", ".join(esc(i) for i, _ in group.opened.most_common(3))
            lines.append(texts.ADMIN_UNANSWERED_OPENED.format(entries=opened))
        if group.comments:
            lines.append(texts.ADMIN_UNANSWERED_COMMENT.format(
                comment=esc(_shorten(group.comments[0], 150))))
    if len(groups) > GROUPS_SHOWN:
        lines.append("")
        lines.append(texts.ADMIN_UNANSWERED_MORE.format(count=len(groups) - GROUPS_SHOWN))
    return Reply(fit_message("\n".join(lines)), _period_buttons("un", days))


def stats_reply(stats: Stats) -> Reply:
    """The /statistik message."""
    percent = {o: f"{stats.rate(o):.0%}" for o in OUTCOMES}
    lines = [
        texts.ADMIN_STATS_HEADER.format(
            days=stats.days, since=texts.date_id(stats.since.date()),
            until=texts.date_id(stats.until.date())),
        "",
        texts.ADMIN_STATS_USERS.format(total=stats.users_total, new=stats.users_new,
                                       active=stats.users_active,
                                       opted_out=stats.users_opted_out),
        "",
        texts.ADMIN_STATS_QUESTIONS.format(
            total=stats.questions, answered=stats.outcomes["answer"],
            answered_rate=percent["answer"], suggested=stats.outcomes["suggest"],
            suggested_rate=percent["suggest"], unknown=stats.outcomes["unknown"],
            unknown_rate=percent["unknown"]),
        "",
        texts.ADMIN_STATS_FEEDBACK.format(helpful=stats.helpful, not_helpful=stats.not_helpful,
                                          comments=stats.comments),
    ]
    if stats.top_entries:
        lines += ["", texts.ADMIN_STATS_TOP_HEADER]
        lines += [texts.ADMIN_STATS_TOP_ENTRY.format(title=esc(title), count=count)
                  for _, title, count in stats.top_entries]
    lines.append("")
    if stats.events is None:
        lines.append(texts.ADMIN_STATS_EVENTS_NONE)
    else:
        lines.append(texts.ADMIN_STATS_EVENTS.format(**stats.events))
    if stats.broadcasts is None:
        lines.append(texts.ADMIN_STATS_BROADCASTS_NONE)
    else:
        lines.append(texts.ADMIN_STATS_BROADCASTS.format(**stats.broadcasts))
    return Reply(fit_message("\n".join(lines)), _period_buttons("st", stats.days))


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def valid_days(raw: str | None, default: int = 30) -> int | None:
    """A period typed by an admin ("7", "30"); None if it is not a sensible number of days."""
    if raw is None or not raw.strip():
        return default
    raw = raw.strip().lower().removesuffix("hari").strip()
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_DAYS:
        return None
    return int(raw)


# --- the command line -----------------------------------------------------------------------


async def print_report(config: Config, which: str, days: int) -> int:
    """`exportbot report unanswered|stats --days N`: print the report as plain text."""
    if not 1 <= days <= MAX_DAYS:
        print(f"exportbot: --days must be between 1 and {MAX_DAYS}", file=sys.stderr)
        return 2
    try:
        kb: KnowledgeBase | None = load_knowledge(config.knowledge_dir, config.matcher)
    except KnowledgeError as exc:
        # Reports still work without titles and the normaliser; say why they look plainer.
        print(f"note: knowledge base not loaded ({len(exc.problems)} problem(s)); "
              "grouping by plain words", file=sys.stderr)
        kb = None
    db = await Database.open(config.database)
    try:
        reports = Reports(db, Clock(), config.timezone, lambda: kb)
        if which == "unanswered":
            reply = unanswered_reply(await reports.unanswered(days), days)
        elif which == "stats":
            reply = stats_reply(await reports.stats(days))
        else:
            print(f"exportbot: unknown report {which!r}", file=sys.stderr)
            return 2
    finally:
        await db.close()
    print(html_to_plain(reply.text))
    return 0
