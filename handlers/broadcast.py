"""/siaran (organisers' announcements), /berhenti and /langganan (everyone's choice).

Composing (ConversationHandler; /batal or the Batal button at any step; nothing is sent
before the organiser presses "Kirim ke N orang"):

    /siaran [teks] ─► TEXT ─► AUDIENCE (bc:aud:…) ─► CONFIRM (bc:send | bc:cancel)
    /siaran status ─► running and recent broadcasts, with pause / resume / stop buttons

Sending is done by the outbox's `Sender` (bot/outbox.py), started by `on_startup` so that a
broadcast interrupted by a restart resumes by itself. This module gives it `deliver` (one
sendMessage, Telegram errors turned into an `Attempt`) and `report` (the organiser's progress
message edited in place, then a final report).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import warnings
from typing import Any

from telegram import Message, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot import texts
from bot.broadcasts import Broadcasts, Control, audience_key
from bot.core import Core
from bot.outbox import Attempt, Job, Pacer, Progress, Result, Sender
from bot.replies import Reply, parse_callback
from bot.roles import Role
from handlers.common import Context, core_of, edit_or_send, markup, requires, respond

log = logging.getLogger(__name__)

TEXT, AUDIENCE, CONFIRM = range(3)
CONVERSATION_TIMEOUT = 30 * 60
PRIVATE = filters.ChatType.PRIVATE
WRITTEN = PRIVATE & filters.TEXT & ~filters.COMMAND
_COMMAND = re.compile(r"^/\S*\s*")
_SENDER = "broadcast_sender"


def _draft(context: Context) -> dict[str, Any]:
    return context.user_data if context.user_data is not None else {}  # type: ignore[return-value]


# --- composing ------------------------------------------------------------------------------

@requires(Role.ORGANISER, "broadcast.compose")
async def compose(update: Update, context: Context) -> int:
    """/siaran: start an announcement (its text may follow the command), or /siaran status."""
    message = update.effective_message
    if message is None:
        return ConversationHandler.END
    if [a.lower() for a in context.args or []] == ["status"]:
        await show_status(update, context)
        return ConversationHandler.END
    _draft(context).pop("broadcast", None)
    # text_html keeps the organiser's bold, italics and links; the command itself is plain.
    html = _COMMAND.sub("", message.text_html or "", count=1)
    plain = _COMMAND.sub("", message.text or "", count=1)
    if plain.strip():
        return await _take_text(update, context, html, plain)
    await respond(update, context, Broadcasts.compose_prompt())
    return TEXT


@requires(Role.ORGANISER, "broadcast.compose")
async def written(update: Update, context: Context) -> int:
    """The announcement as the next message (a new text replaces the draft)."""
    message = update.effective_message
    if message is None or not message.text:
        return TEXT
    return await _take_text(update, context, message.text_html, message.text)


async def _take_text(update: Update, context: Context, html: str, plain: str) -> int:
    problem = Broadcasts.problem_with(plain)
    if problem:
        await respond(update, context, Reply(problem))
        return TEXT
    user = update.effective_user
    assert user is not None
    _draft(context)["broadcast"] = {"text": html}
    audiences = await core_of(context).broadcasts.audiences(user.id)
    await respond(update, context, Broadcasts.audience_choice(audiences))
    return AUDIENCE


@requires(Role.ORGANISER, "broadcast.compose")
async def choose_audience(update: Update, context: Context) -> int:
    """An audience button: show the announcement as it will arrive, with the exact count."""
    query = update.callback_query
    user = update.effective_user
    draft = _draft(context).get("broadcast")
    if query is None or user is None or not isinstance(query.message, Message):
        return AUDIENCE
    if not draft:
        await query.answer(texts.BROADCAST_EXPIRED, show_alert=True)
        return ConversationHandler.END
    audience = await core_of(context).broadcasts.audience(
        user.id, audience_key(parse_callback(query.data)[1]))
    if audience is None:
        await query.answer(texts.OLD_BUTTON, show_alert=True)
        return AUDIENCE
    if not audience.count:
        await query.answer(texts.BROADCAST_NO_RECIPIENTS, show_alert=True)
        return AUDIENCE
    await query.answer()
    draft["audience"] = audience.key
    await edit_or_send(update, context, Broadcasts.audience_chosen(audience))
    await context.bot.send_message(query.message.chat_id, Broadcasts.announcement(draft["text"]))
    await respond(update, context, Broadcasts.confirmation(audience))
    return CONFIRM


@requires(Role.ORGANISER, "broadcast.send")
async def confirm(update: Update, context: Context) -> int:
    """"Kirim ke N orang": write the outbox; the confirmation becomes the progress message."""
    query = update.callback_query
    user = update.effective_user
    draft = _draft(context).pop("broadcast", None)
    if query is None or user is None or not isinstance(query.message, Message):
        return ConversationHandler.END
    if not draft or "audience" not in draft:
        await query.answer(texts.BROADCAST_EXPIRED, show_alert=True)
        return ConversationHandler.END
    core = core_of(context)
    job = await core.broadcasts.start(user.id, draft["text"], draft["audience"],
                                      query.message.chat_id, query.message.message_id)
    if job is None:
        await query.answer()
        await edit_or_send(update, context, Reply(texts.BROADCAST_NO_RECIPIENTS))
        return ConversationHandler.END
    await query.answer(texts.BROADCAST_STARTED)
    progress = await core.broadcasts.outbox.progress(job.id)
    await edit_or_send(update, context, Broadcasts.progress_reply(job, progress))
    return ConversationHandler.END


async def cancel(update: Update, context: Context) -> int:
    """/batal or the Batal button: drop the draft; nothing was sent."""
    _draft(context).pop("broadcast", None)
    if update.callback_query:
        await update.callback_query.answer()
        await edit_or_send(update, context, Reply(texts.BROADCAST_CANCELLED))
    else:
        await respond(update, context, Reply(texts.BROADCAST_CANCELLED))
    return ConversationHandler.END


def compose_conversation() -> ConversationHandler:
    # The buttons belong to the one organiser composing, so per-user tracking is what we
    # want; silence PTB's hint about per_message.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*per_message.*", category=PTBUserWarning)
        return ConversationHandler(
            name="broadcast:compose",
            entry_points=[CommandHandler("siaran", compose, filters=PRIVATE)],
            states={
                TEXT: [MessageHandler(WRITTEN, written)],
                AUDIENCE: [CallbackQueryHandler(choose_audience, pattern=r"^bc:aud:"),
                           MessageHandler(WRITTEN, written)],
                CONFIRM: [CallbackQueryHandler(confirm, pattern=r"^bc:send$"),
                          MessageHandler(WRITTEN, written)],
            },
            fallbacks=[CommandHandler("batal", cancel),
                       CallbackQueryHandler(cancel, pattern=r"^bc:cancel$")],
            allow_reentry=True,
            conversation_timeout=CONVERSATION_TIMEOUT,
        )


# --- status and control ---------------------------------------------------------------------

async def show_status(update: Update, context: Context) -> None:
    """/siaran status: running and recent broadcasts."""
    user = update.effective_user
    if user is None:
        return
    broadcasts = core_of(context).broadcasts
    await respond(update, context,
                  await broadcasts.status_reply(user.id, await broadcasts.overview()))


@requires(Role.ORGANISER, "broadcast.control")
async def button(update: Update, context: Context) -> None:
    """bc: buttons outside the composing conversation: pause, resume, stop, refresh."""
    query = update.callback_query
    user = update.effective_user
    if query is None or user is None:
        return
    broadcasts = core_of(context).broadcasts
    _, parts = parse_callback(query.data)
    if parts == ["status"]:
        await query.answer()
        await edit_or_send(update, context,
                           await broadcasts.status_reply(user.id, await broadcasts.overview()))
        return
    if len(parts) != 2 or parts[0] not in set(Control) or not parts[1].isdigit():
        # A draft's buttons after /batal, a timeout or a restart, or data we don't know.
        await query.answer(texts.BROADCAST_EXPIRED, show_alert=True)
        return
    result = await broadcasts.control(user.id, int(parts[1]), Control(parts[0]))
    await query.answer(result.toast)
    job = result.job
    if job is None:
        return
    pressed = query.message
    if (isinstance(pressed, Message) and pressed.message_id == job.progress_message_id
            and pressed.chat_id == job.progress_chat_id):
        progress = await broadcasts.outbox.progress(job.id)
        await edit_or_send(update, context, Broadcasts.progress_reply(job, progress))
    else:
        await edit_or_send(update, context,
                           await broadcasts.status_reply(user.id, await broadcasts.overview()))


# --- everyone: leaving and rejoining announcements -------------------------------------------

async def unsubscribe(update: Update, context: Context) -> None:
    """/berhenti: no more broadcasts, from now on (even those already under way)."""
    user = update.effective_user
    if user is None:
        return
    changed = await core_of(context).users.set_accepts_broadcasts(user.id, False)
    text = texts.BROADCAST_UNSUBSCRIBED if changed else texts.BROADCAST_ALREADY_UNSUBSCRIBED
    await respond(update, context, Reply(text))


async def subscribe(update: Update, context: Context) -> None:
    """/langganan: receive broadcasts again."""
    user = update.effective_user
    if user is None:
        return
    changed = await core_of(context).users.set_accepts_broadcasts(user.id, True)
    text = texts.BROADCAST_SUBSCRIBED if changed else texts.BROADCAST_ALREADY_SUBSCRIBED
    await respond(update, context, Reply(text))


# --- the sender: Telegram side ---------------------------------------------------------------

async def deliver(app: Application, user_id: int, text: str) -> Attempt:
    """Send one announcement; say what happened in the outbox's terms."""
    try:
        await app.bot.send_message(user_id, text)
    except Forbidden as exc:
        return Attempt(Result.BLOCKED, str(exc))
    except RetryAfter as exc:
        return Attempt(Result.RETRY_AFTER, str(exc), _seconds(exc))
    except BadRequest as exc:  # before NetworkError: PTB makes BadRequest a NetworkError
        return Attempt(Result.FAILED, str(exc))
    except NetworkError as exc:  # includes TimedOut: the message may or may not have arrived
        return Attempt(Result.NETWORK, str(exc))
    except TelegramError as exc:
        return Attempt(Result.FAILED, str(exc))
    except Exception as exc:
        if not app.running:  # the HTTP client is closing under us: not sent, try again later
            return Attempt(Result.NETWORK, f"bot is stopping: {exc}")
        raise
    return Attempt(Result.SENT)


def _seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that retry_after will become a timedelta
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


async def report(app: Application, job: Job, progress: Progress, final: bool) -> None:
    """Edit the organiser's progress message; when finished, also send the final report."""
    if job.progress_chat_id is None:
        return
    reply = Broadcasts.progress_reply(job, progress)
    if job.progress_message_id is not None:
        try:
            await app.bot.edit_message_text(reply.text, job.progress_chat_id,
                                            job.progress_message_id, reply_markup=markup(reply))
        except BadRequest as exc:
            if "not modified" not in str(exc).lower():
                log.info("broadcast %s: progress message not edited: %s", job.id, exc)
        except TelegramError as exc:
            log.info("broadcast %s: progress message not edited: %s", job.id, exc)
    if final:
        final_reply = Broadcasts.final_report(job, progress)
        await app.bot.send_message(job.progress_chat_id, final_reply.text)


async def on_startup(app: Application) -> None:
    """Resume unfinished broadcasts: rows in doubt go back to pending, then the sender runs."""
    core: Core = app.bot_data["core"]
    settings = core.config.broadcast
    await core.broadcasts.outbox.requeue_in_doubt()

    async def send(user_id: int, text: str) -> Attempt:
        return await deliver(app, user_id, text)

    async def tell(job: Job, progress: Progress, final: bool) -> None:
        await report(app, job, progress, final)

    sender = Sender(core.broadcasts.outbox, send, tell, Pacer(settings.messages_per_second),
                    progress_interval=settings.progress_interval)
    # A plain task, not app.create_task: Application.stop() waits for those, and this one
    # runs until on_shutdown stops it.
    task = asyncio.create_task(sender.run(), name="broadcast-sender")
    task.add_done_callback(_log_failure)
    app.bot_data[_SENDER] = (sender, task)


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("broadcast sender stopped by an error", exc_info=task.exception())


async def on_shutdown(app: Application) -> None:
    """Stop taking new rows; let deliveries in flight finish (what remains resumes later)."""
    running = app.bot_data.pop(_SENDER, None)
    if running is None:
        return
    sender, task = running
    sender.stop()
    try:
        await asyncio.wait_for(task, 10)
    except TimeoutError:
        log.warning("broadcast sender did not stop in time; unsent rows resume at next start")
    except Exception:
        pass  # already logged by _log_failure
