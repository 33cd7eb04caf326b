"""Broadcasts as organisers see them: audiences, preview, confirmation, status and control.

The sending itself is the outbox's job (bot/outbox.py); this service decides who may send what
to whom and renders every message the organiser sees as a `Reply`.

Callback data (prefix `bc:`):
- `bc:aud:all`, `bc:aud:event:<event id>` choose the audience (inside the /siaran conversation)
- `bc:send` confirm the draft, `bc:cancel` drop it
- `bc:pause:<job>`, `bc:resume:<job>`, `bc:stop:<job>` control a broadcast
- `bc:status` refresh the /siaran status list
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from bot import texts
from bot.clock import Clock
from bot.events import EventService
from bot.outbox import Job, JobStatus, Outbox, Progress
from bot.replies import TELEGRAM_MESSAGE_LIMIT, Button, Reply, callback, esc, html_to_plain
from bot.roles import Roles
from bot.storage import Database
from bot.users import UserDirectory

log = logging.getLogger(__name__)

EVERYONE = "all"
EVENT_PREFIX = "event:"
MAX_EVENT_AUDIENCES = 8
EXCERPT_CHARS = 60
# The organiser's own text may use what is left of Telegram's limit after our footer.
MAX_TEXT_CHARS = TELEGRAM_MESSAGE_LIMIT - len(html_to_plain(texts.BROADCAST_FOOTER))


class Control(StrEnum):
    PAUSE = "pause"
    RESUME = "resume"
    STOP = "stop"


# action: (new status, statuses it may come from, toast)
_CONTROLS = {
    Control.PAUSE: (JobStatus.PAUSED, (JobStatus.RUNNING,), texts.BROADCAST_PAUSED),
    Control.RESUME: (JobStatus.RUNNING, (JobStatus.PAUSED,), texts.BROADCAST_RESUMED),
    Control.STOP: (JobStatus.STOPPED, (JobStatus.RUNNING, JobStatus.PAUSED),
                   texts.BROADCAST_STOPPED),
}

_STATES = {
    JobStatus.RUNNING: texts.BROADCAST_STATE_RUNNING,
    JobStatus.PAUSED: texts.BROADCAST_STATE_PAUSED,
    JobStatus.STOPPED: texts.BROADCAST_STATE_STOPPED,
    JobStatus.DONE: texts.BROADCAST_STATE_DONE,
}


@dataclass(frozen=True)
class Audience:
    """Who a broadcast goes to, resolved to the people who accept broadcasts right now."""

    key: str  # 'all' or 'event:<id>'
    label: str
    recipients: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.recipients)


@dataclass(frozen=True)
class ControlResult:
    toast: str
    job: Job | None = None  # the job after the change, when the user may see it


class Broadcasts:
    """Composing, confirming and controlling broadcasts."""

    def __init__(self, db: Database, clock: Clock, users: UserDirectory, roles: Roles,
                 events: EventService) -> None:
        self.outbox = Outbox(db, clock, users)
        self.roles = roles
        self.events = events

    # --- composing --------------------------------------------------------------------------

    @staticmethod
    def announcement(text_html: str) -> str:
        """The message exactly as recipients get it: the organiser's text and how to opt out."""
        return text_html.strip() + texts.BROADCAST_FOOTER

    @staticmethod
    def problem_with(plain_text: str) -> str | None:
        """Why this text cannot be broadcast (one polite line), or None if it can."""
        if len(plain_text) > MAX_TEXT_CHARS:
            return texts.BROADCAST_TOO_LONG.format(length=len(plain_text), limit=MAX_TEXT_CHARS)
        return None

    async def audiences(self, organiser_id: int) -> list[Audience]:
        """Everyone who accepts broadcasts, then the people interested in each of their events."""
        found = [Audience(EVERYONE, texts.BROADCAST_AUDIENCE_ALL,
                          tuple(await self.outbox.deliverable(None)))]
        events = await self.events.organiser_events(
            organiser_id, include_all=self.roles.is_admin(organiser_id))
        for event in events[:MAX_EVENT_AUDIENCES]:
            interested = await self.events.interested_user_ids(event.id)
            found.append(Audience(f"{EVENT_PREFIX}{event.id}",
                                  texts.BROADCAST_AUDIENCE_EVENT.format(title=event.title),
                                  tuple(await self.outbox.deliverable(interested))))
        return found

    async def audience(self, organiser_id: int, key: str) -> Audience | None:
        """One audience by key, if this organiser may use it."""
        return next((a for a in await self.audiences(organiser_id) if a.key == key), None)

    async def start(self, organiser_id: int, text_html: str, audience_key: str,
                    progress_chat_id: int, progress_message_id: int) -> Job | None:
        """Confirmed: write the job and its outbox (recipients as of now); None if nobody."""
        audience = await self.audience(organiser_id, audience_key)
        if audience is None or not audience.count:
            return None
        recipients = None if audience.key == EVERYONE else audience.recipients
        job = await self.outbox.create(organiser_id, self.announcement(text_html), audience.key,
                                       audience.label, recipients, progress_chat_id,
                                       progress_message_id)
        await self.roles.audit(organiser_id, "broadcast.start", f"#{job.id} {audience.key} "
                               f"{job.total}", allowed=True)
        return job

    # --- status and control -----------------------------------------------------------------

    async def may_manage(self, user_id: int, job: Job) -> bool:
        return job.organiser_id == user_id or self.roles.is_admin(user_id)

    async def control(self, user_id: int, job_id: int, action: Control) -> ControlResult:
        """Pause, resume or stop a broadcast the user owns (admins: any)."""
        job = await self.outbox.job(job_id)
        if job is None:
            return ControlResult(texts.BROADCAST_NOT_FOUND)
        if not await self.may_manage(user_id, job):
            log.warning("user %s tried to %s broadcast %s of %s", user_id, action, job_id,
                        job.organiser_id)
            await self.roles.audit(user_id, f"broadcast.{action}", f"#{job_id}", allowed=False)
            return ControlResult(texts.BROADCAST_NOT_YOURS)
        status, only_from, toast = _CONTROLS[action]
        if await self.outbox.set_status(job_id, status, only_from):
            await self.roles.audit(user_id, f"broadcast.{action}", f"#{job_id}", allowed=True)
            job = await self.outbox.job(job_id)
            return ControlResult(toast.format(id=job_id), job)
        return ControlResult(texts.BROADCAST_UNCHANGED.format(
            id=job_id, state=_state_words(job.status)), job)

    async def overview(self, limit: int = 10) -> list[tuple[Job, Progress]]:
        """Running and paused broadcasts first, then the most recent finished ones."""
        return [(job, await self.outbox.progress(job.id)) for job in await self.outbox.jobs(limit)]

    # --- what the organiser sees ------------------------------------------------------------

    @staticmethod
    def compose_prompt() -> Reply:
        return Reply(texts.BROADCAST_ASK_TEXT)

    @staticmethod
    def audience_choice(audiences: list[Audience]) -> Reply:
        rows = tuple(
            (Button(texts.BROADCAST_AUDIENCE_BUTTON.format(label=a.label, count=a.count),
                    _audience_data(a.key)),)
            for a in audiences
        )
        cancel = ((Button(texts.BROADCAST_BUTTON_CANCEL, callback("bc", "cancel")),),)
        return Reply(texts.BROADCAST_CHOOSE_AUDIENCE, rows + cancel)

    @staticmethod
    def audience_chosen(audience: Audience) -> Reply:
        return Reply(texts.BROADCAST_AUDIENCE_CHOSEN.format(audience=esc(audience.label)))

    @staticmethod
    def confirmation(audience: Audience) -> Reply:
        return Reply(
            texts.BROADCAST_PREVIEW.format(audience=esc(audience.label), count=audience.count),
            ((Button(texts.BROADCAST_BUTTON_SEND.format(count=audience.count),
                     callback("bc", "send")),
              Button(texts.BROADCAST_BUTTON_CANCEL, callback("bc", "cancel"))),),
        )

    @staticmethod
    def progress_reply(job: Job, progress: Progress) -> Reply:
        """The organiser's progress message, with pause/resume/stop while it runs."""
        total = job.total or progress.total
        percent = round(100 * progress.done / total) if total else 100
        text = texts.BROADCAST_PROGRESS.format(
            id=job.id, state=_STATES[job.status], audience=esc(job.audience_label),
            sent=progress.sent, failed=progress.failed, blocked=progress.blocked,
            total=total, percent=percent)
        return Reply(text, _control_rows(job))

    @staticmethod
    def final_report(job: Job, progress: Progress) -> Reply:
        template = (texts.BROADCAST_REPORT_STOPPED if job.status is JobStatus.STOPPED
                    else texts.BROADCAST_REPORT_DONE)
        return Reply(template.format(
            id=job.id, sent=progress.sent, total=job.total, failed=progress.failed,
            blocked=progress.blocked, skipped=progress.skipped, cancelled=progress.cancelled))

    async def status_reply(self, viewer_id: int,
                           items: list[tuple[Job, Progress]]) -> Reply:
        """/siaran status: every recent broadcast; buttons only on the viewer's own."""
        if not items:
            return Reply(texts.BROADCAST_STATUS_EMPTY)
        lines = [texts.BROADCAST_STATUS_HEADER]
        rows: list[tuple[Button, ...]] = []
        for job, progress in items:
            lines.append(texts.BROADCAST_STATUS_LINE.format(
                id=job.id, state=_STATES[job.status], sent=progress.sent, total=job.total,
                audience=esc(job.audience_label), excerpt=esc(_excerpt(job.text))))
            if await self.may_manage(viewer_id, job):
                rows.extend(_control_rows(job))
        rows.append((Button(texts.BROADCAST_BUTTON_REFRESH, callback("bc", "status")),))
        return Reply("\n\n".join(lines), tuple(rows))


def audience_key(parts: list[str]) -> str:
    """The audience key in `bc:aud:<key>` callback parts (keys may contain ':')."""
    return ":".join(parts[1:])


def _audience_data(key: str) -> str:
    return callback("bc", "aud", key)


def _control_rows(job: Job) -> tuple[tuple[Button, ...], ...]:
    if job.finished_at is not None or job.status in (JobStatus.STOPPED, JobStatus.DONE):
        return ()
    if job.status is JobStatus.RUNNING:
        first = Button(texts.BROADCAST_BUTTON_PAUSE.format(id=job.id),
                       callback("bc", Control.PAUSE, job.id))
    else:
        first = Button(texts.BROADCAST_BUTTON_RESUME.format(id=job.id),
                       callback("bc", Control.RESUME, job.id))
    stop = Button(texts.BROADCAST_BUTTON_STOP.format(id=job.id),
                  callback("bc", Control.STOP, job.id))
    return ((first, stop),)


def _state_words(status: JobStatus) -> str:
    return _STATES[status].split(" ", 1)[-1]


def _excerpt(text_html: str) -> str:
    """The start of an announcement as plain text, footer left out."""
    body = text_html.removesuffix(texts.BROADCAST_FOOTER)
    first = " ".join(html_to_plain(body).split())
    return first if len(first) <= EXCERPT_CHARS else first[: EXCERPT_CHARS - 1] + "…"
