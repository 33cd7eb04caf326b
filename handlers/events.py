"""Export events on Telegram: /acara, /acaraku, deep links, the `ev:` buttons; organisers'
/buatacara, /acarasaya and /peserta; and the job that sends reminders and finishes events.

Creating an event (ConversationHandler; /batal at any step, a bad value is asked again):

    /buatacara ─► TITLE ─► WHEN ─► PLACE ─► DESCRIPTION ─► PREVIEW ─► Terbitkan | Batal
    /buatacara Judul | 2026-12-05 09:00 | Tempat | Deskripsi      (saved at once, no steps)

Editing: /acarasaya ─► event ─► Ubah ─► field (`ev:ef:<id>:<field>`) ─► VALUE ─► saved
"""

from __future__ import annotations

import asyncio
import logging
import re
import warnings
from typing import Any

from telegram import Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.helpers import create_deep_linked_url
from telegram.warnings import PTBUserWarning

from bot import event_views, texts
from bot.core import Core
from bot.event_input import (
    EventDraft,
    InvalidInput,
    parse_capacity,
    parse_deadline,
    parse_description,
    parse_one_line,
    parse_place,
    parse_title,
    parse_when,
)
from bot.events import EDITABLE, Event, Registration, Status
from bot.replies import Reply, esc, parse_callback
from bot.roles import Role
from handlers.common import Context, core_of, edit_or_send, requires, respond, send

log = logging.getLogger(__name__)

DEEP_LINK = re.compile(r"^/start(@\w+)? acara-(\d+)$")
ORGANISER_BUTTONS = r"^ev:(org|man|edit|cx|cxy|csv)(:|$)"
CONVERSATION_TIMEOUT = 30 * 60
TEXT = filters.TEXT & ~filters.COMMAND


def deep_link(context: Context, event_id: int) -> str:
    """The link organisers put on posters: https://t.me/<bot>?start=acara-<id>."""
    return create_deep_linked_url(context.bot.username, f"acara-{event_id}")


async def _tell(update: Update, context: Context, text: str, alert: bool = True) -> None:
    """A short answer: a toast on a button press, else a message."""
    if update.callback_query:
        await update.callback_query.answer(text, show_alert=alert)
    elif update.effective_chat:
        await context.bot.send_message(update.effective_chat.id, text)


# --- what everyone sees ---------------------------------------------------------------------

async def _page(core: Core, user_id: int, page: int) -> Reply:
    found = await core.events.upcoming_page(page)
    ids = [event.id for event in found.events]
    return event_views.events_page(found, await core.events.interest_counts(ids),
                                   await core.events.interested_in(user_id, ids))


async def _card(core: Core, user_id: int, event: Event) -> Reply:
    count = (await core.events.interest_counts([event.id]))[event.id]
    registered = bool(await core.events.interested_in(user_id, [event.id]))
    return event_views.event_card(event, count, registered, core.events.now())


async def _mine(core: Core, user_id: int) -> Reply:
    events = await core.events.user_events(user_id)
    counts = await core.events.interest_counts(e.id for e in events)
    return event_views.my_events(events, counts)


async def _view(core: Core, user_id: int, event_id: int, view: str) -> Reply | None:
    """Re-render the message a button was on: a list page, one event, or /acaraku."""
    if view.startswith("p") and view[1:].isdigit():
        return await _page(core, user_id, int(view[1:]))
    if view == "k":
        return await _mine(core, user_id)
    event = await core.events.get(event_id)
    return None if event is None else await _card(core, user_id, event)


async def list_events(update: Update, context: Context) -> None:
    """/acara: upcoming events, soonest first, with "Saya tertarik" buttons."""
    if update.effective_user:
        await respond(update, context, await _page(core_of(context), update.effective_user.id, 0))


async def my_registrations(update: Update, context: Context) -> None:
    """/acaraku: the events the user registered for, each with Batalkan."""
    if update.effective_user:
        await respond(update, context, await _mine(core_of(context), update.effective_user.id))


async def start_deep_link(update: Update, context: Context) -> None:
    """/start acara-<id> from a poster or WhatsApp: the event with its button."""
    message, user = update.effective_message, update.effective_user
    match = DEEP_LINK.match(message.text or "") if message else None
    if match is None or user is None:
        return
    core = core_of(context)
    event = await core.events.get(int(match.group(2)))
    await respond(update, context, Reply(texts.EV_NOT_FOUND) if event is None
                  else await _card(core, user.id, event))


async def button(update: Update, context: Context) -> None:
    """Every `ev:` button for everyone; stale or unknown data gets a friendly toast."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None:
        return
    core = core_of(context)
    _, parts = parse_callback(query.data)
    action, args = (parts[0], parts[1:]) if parts else ("", [])
    number = int(args[0]) if args and args[0].isdigit() else None
    view = args[1] if len(args) > 1 else "e"

    if action in ("list", "pg") and number is not None:
        await query.answer()
        reply = await _page(core, user.id, number)
        if action == "pg":
            await edit_or_send(update, context, reply)
        else:  # the greeting's button: a new message, the greeting stays
            await respond(update, context, reply)
    elif action == "show" and number is not None:
        event = await core.events.get(number)
        if event is None:
            await query.answer(texts.EV_NOT_FOUND, show_alert=True)
            return
        await query.answer()
        await respond(update, context, await _card(core, user.id, event))
    elif action in ("in", "ok") and number is not None:
        if action == "ok":
            await core.events.give_consent(user.id)
        outcome = await core.events.register_interest(user.id, number)
        if outcome is Registration.NEEDS_CONSENT:
            await query.answer()
            await respond(update, context, event_views.consent(number, view))
            return
        await query.answer(event_views.OUTCOME_TEXTS[outcome],
                           show_alert=outcome is not Registration.REGISTERED)
        # After consent the consent question turns into the event card.
        reply = await _view(core, user.id, number, "e" if action == "ok" else view)
        if reply is not None:
            await edit_or_send(update, context, reply)
    elif action == "out" and number is not None:
        withdrawn = await core.events.withdraw_interest(user.id, number)
        await query.answer(texts.EV_WITHDRAWN if withdrawn else texts.EV_NOT_REGISTERED)
        reply = await _view(core, user.id, number, view)
        if reply is not None:
            await edit_or_send(update, context, reply)
    elif action == "no":
        await query.answer()
        await edit_or_send(update, context, Reply(texts.EV_CONSENT_DECLINED))
    else:
        await query.answer(texts.EV_OLD_BUTTON, show_alert=True)


# --- organisers: managing their events ------------------------------------------------------

async def _managed_event(update: Update, context: Context, event_id: int | None,
                         action: str) -> Event | None:
    """The event if this organiser may manage it (their own, or any for admins)."""
    core = core_of(context)
    user = update.effective_user
    event = None if event_id is None else await core.events.get(event_id)
    if user is None or event is None:
        await _tell(update, context, texts.EV_NOT_FOUND)
        return None
    if not core.events.may_manage(event, user.id, core.roles.is_admin(user.id)):
        log.warning("refused %s on event %s for user %s (not theirs)", action, event.id, user.id)
        await core.roles.audit(user.id, action, f"event {event.id}: not the organiser",
                               allowed=False)
        await _tell(update, context, texts.EV_NOT_YOURS)
        return None
    return event


async def _manage_card(context: Context, event: Event) -> Reply:
    count = (await core_of(context).events.interest_counts([event.id]))[event.id]
    return event_views.manage_card(event, count, deep_link(context, event.id))


async def _organiser_list(update: Update, context: Context) -> Reply:
    core = core_of(context)
    user_id = update.effective_user.id if update.effective_user else 0
    everyone = core.roles.is_admin(user_id)
    events = await core.events.organiser_events(user_id, include_all=everyone)
    counts = await core.events.interest_counts(e.id for e in events)
    return event_views.organiser_list(events, counts, everyone)


@requires(Role.ORGANISER, "events.list_own")
async def organiser_events(update: Update, context: Context) -> None:
    """/acarasaya: the organiser's upcoming events, each a button to manage it."""
    await respond(update, context, await _organiser_list(update, context))


@requires(Role.ORGANISER, "events.manage")
async def organiser_button(update: Update, context: Context) -> None:
    """Manage, edit, cancel, download: only the event's organiser or an admin."""
    query = update.callback_query
    if query is None:
        return
    _, parts = parse_callback(query.data)
    action = parts[0] if parts else ""
    if action == "org":
        await query.answer()
        await edit_or_send(update, context, await _organiser_list(update, context))
        return
    event_id = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    event = await _managed_event(update, context, event_id, f"events.{action}")
    if event is None:
        return
    core = core_of(context)
    if action == "csv":
        await query.answer()
        await _send_participants(update, context, event)
    elif action == "cxy":
        if await core.events.cancel(event.id):
            log.info("event %s cancelled by %s", event.id, query.from_user.id)
            count = len(await core.events.interested_user_ids(event.id))
            await query.answer()
            await edit_or_send(update, context, Reply(
                texts.EV_EVENT_CANCELLED.format(title=esc(event.title), count=count)))
            notify_soon(context.application)
        else:
            await query.answer(texts.EV_NOT_EDITABLE, show_alert=True)
    elif event.status is not Status.UPCOMING and action in ("edit", "cx"):
        await query.answer(texts.EV_NOT_EDITABLE, show_alert=True)
    elif action == "edit":
        await query.answer()
        await edit_or_send(update, context, event_views.edit_menu(event))
    elif action == "cx":
        await query.answer()
        count = len(await core.events.interested_user_ids(event.id))
        await edit_or_send(update, context, event_views.cancel_confirmation(event, count))
    else:  # "man"
        await query.answer()
        await edit_or_send(update, context, await _manage_card(context, event))


async def _send_participants(update: Update, context: Context, event: Event) -> None:
    """The CSV of interested users, with a one-line summary as its caption."""
    chat = update.effective_chat
    if chat is None:
        return
    participants = await core_of(context).events.participants(event.id)
    await context.bot.send_document(
        chat.id, event_views.participants_csv(participants),
        filename=f"peminat-acara-{event.id}.csv",
        caption=event_views.participants_summary(event, len(participants)),
    )


@requires(Role.ORGANISER, "events.participants")
async def participants(update: Update, context: Context) -> None:
    """/peserta <id>: the CSV of interested users, for the event's organiser or an admin."""
    args = context.args or []
    if len(args) != 1 or not args[0].isdigit():
        await _tell(update, context, texts.EV_PARTICIPANTS_USAGE)
        return
    event = await _managed_event(update, context, int(args[0]), "events.participants")
    if event is not None:
        await _send_participants(update, context, event)


# --- organisers: creating an event ----------------------------------------------------------

TITLE, WHEN, PLACE, DESCRIPTION, PREVIEW = range(5)
EDIT_VALUE = 10
_DRAFT = "ev_draft"
_EDITING = "ev_editing"


def _draft(context: Context) -> dict[str, Any]:
    data = context.user_data if context.user_data is not None else {}
    return data.setdefault(_DRAFT, {})


async def _created(update: Update, context: Context, draft: EventDraft) -> None:
    core = core_of(context)
    user = update.effective_user
    assert user is not None
    event = await core.events.create(user.id, draft)
    log.info("event %s created by %s", event.id, user.id)
    await core.roles.audit(user.id, "events.create", str(event.id), allowed=True)
    reply = event_views.created(event, deep_link(context, event.id))
    if update.callback_query:
        await edit_or_send(update, context, reply)
    else:
        await respond(update, context, reply)


@requires(Role.ORGANISER, "events.create")
async def create_start(update: Update, context: Context) -> int:
    """/buatacara: start the guided steps, or create at once from the one-line form."""
    message = update.effective_message
    if message is None:
        return ConversationHandler.END
    rest = (message.text or "").partition(" ")[2].strip()
    if rest:
        core = core_of(context)
        try:
            draft = parse_one_line(rest, core.events.tz, core.events.now())
        except InvalidInput as problem:
            await message.reply_text(str(problem))
            return ConversationHandler.END
        await _created(update, context, draft)
        return ConversationHandler.END
    _draft(context).clear()
    await message.reply_text(texts.EV_ASK_TITLE)
    return TITLE


async def _step(update: Update, context: Context, read: Any, store: Any,
                same: int, ask: str | None, following: int) -> int:
    """Read one answer; on a bad value say why and stay; else store it and ask the next."""
    message = update.effective_message
    if message is None or not message.text:
        return same
    try:
        _draft(context).update(store(read(message.text)))
    except InvalidInput as problem:
        await message.reply_text(str(problem))
        return same
    if ask is not None:
        await message.reply_text(ask)
    return following


async def create_title(update: Update, context: Context) -> int:
    return await _step(update, context, parse_title, lambda v: {"title": v},
                       TITLE, texts.EV_ASK_WHEN, WHEN)


async def create_when(update: Update, context: Context) -> int:
    events = core_of(context).events
    return await _step(update, context, lambda t: parse_when(t, events.tz, events.now()),
                       lambda v: {"starts_at": v[0], "ends_at": v[1]},
                       WHEN, texts.EV_ASK_PLACE, PLACE)


async def create_place(update: Update, context: Context) -> int:
    return await _step(update, context, parse_place,
                       lambda v: {"place": v[0], "online_url": v[1]},
                       PLACE, texts.EV_ASK_DESCRIPTION, DESCRIPTION)


async def create_description(update: Update, context: Context) -> int:
    state = await _step(update, context, parse_description, lambda v: {"description": v},
                        DESCRIPTION, None, PREVIEW)
    if state == PREVIEW:
        await respond(update, context, event_views.preview(EventDraft(**_draft(context))))
    return state


async def create_preview_text(update: Update, context: Context) -> int:
    """Text while the preview waits for a button: show the preview again."""
    await respond(update, context, event_views.preview(EventDraft(**_draft(context))))
    return PREVIEW


async def create_confirm(update: Update, context: Context) -> int:
    """Terbitkan or Batal on the preview."""
    query = update.callback_query
    if query is None:
        return PREVIEW
    await query.answer()
    draft = EventDraft(**_draft(context))
    _draft(context).clear()
    if query.data != "ev:new:ok":
        await edit_or_send(update, context, Reply(texts.EV_CREATE_CANCELLED))
        return ConversationHandler.END
    if draft.starts_at <= core_of(context).events.now():  # the preview sat for too long
        await edit_or_send(update, context, Reply(texts.EV_PAST))
        return ConversationHandler.END
    await _created(update, context, draft)
    return ConversationHandler.END


async def create_abort(update: Update, context: Context) -> int:
    """/batal during creation: nothing is saved."""
    _draft(context).clear()
    await respond(update, context, Reply(texts.EV_CREATE_CANCELLED))
    return ConversationHandler.END


def _conversation(**kwargs: Any) -> ConversationHandler:
    # Buttons inside these conversations belong to the one organiser talking to the bot,
    # so tracking per user (not per message) is what we want; silence PTB's hint about it.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*per_message.*", category=PTBUserWarning)
        return ConversationHandler(conversation_timeout=CONVERSATION_TIMEOUT, **kwargs)


def create_conversation() -> ConversationHandler:
    return _conversation(
        name="events:create",
        entry_points=[CommandHandler("buatacara", create_start, filters=filters.ChatType.PRIVATE)],
        states={
            TITLE: [MessageHandler(TEXT, create_title)],
            WHEN: [MessageHandler(TEXT, create_when)],
            PLACE: [MessageHandler(TEXT, create_place)],
            DESCRIPTION: [MessageHandler(TEXT, create_description)],
            PREVIEW: [CallbackQueryHandler(create_confirm, pattern=r"^ev:new:"),
                      MessageHandler(TEXT, create_preview_text)],
        },
        fallbacks=[CommandHandler("batal", create_abort)],
    )


# --- organisers: editing an event -----------------------------------------------------------

def _changes(field: str, text: str, event: Event, core: Core) -> dict[str, Any]:
    """The columns to update for one edited field (raises InvalidInput)."""
    tz, now = core.events.tz, core.events.now()
    if field == "title":
        return {"title": parse_title(text)}
    if field == "when":
        starts_at, ends_at = parse_when(text, tz, now)
        changes: dict[str, Any] = {"starts_at": starts_at, "ends_at": ends_at}
        if event.registration_deadline and event.registration_deadline > starts_at:
            changes["registration_deadline"] = starts_at
        return changes
    if field == "place":
        place, url = parse_place(text)
        return {"place": place, "online_url": url}
    if field == "description":
        return {"description": parse_description(text)}
    if field == "registration_deadline":
        return {"registration_deadline": parse_deadline(text, tz, event.starts_at, now)}
    return {"capacity": parse_capacity(text)}


@requires(Role.ORGANISER, "events.edit")
async def edit_start(update: Update, context: Context) -> int:
    """A field button on the edit menu: ask for its new value."""
    query = update.callback_query
    _, parts = parse_callback(query.data if query else None)
    if query is None or len(parts) != 3 or not parts[1].isdigit() or parts[2] not in EDITABLE:
        await _tell(update, context, texts.EV_OLD_BUTTON)
        return ConversationHandler.END
    event = await _managed_event(update, context, int(parts[1]), "events.edit")
    if event is None:
        return ConversationHandler.END
    if event.status is not Status.UPCOMING:
        await query.answer(texts.EV_NOT_EDITABLE, show_alert=True)
        return ConversationHandler.END
    await query.answer()
    if context.user_data is not None:
        context.user_data[_EDITING] = (event.id, parts[2])
    await respond(update, context, Reply(texts.EV_EDIT_ASK[parts[2]] + texts.EV_EDIT_HINT))
    return EDIT_VALUE


async def edit_value(update: Update, context: Context) -> int:
    """The new value: saved if valid (else asked again), then the event is shown."""
    message = update.effective_message
    editing = (context.user_data or {}).get(_EDITING)
    if message is None or not message.text or editing is None:
        return ConversationHandler.END
    core = core_of(context)
    event = await core.events.get(editing[0])
    if event is None or event.status is not Status.UPCOMING:
        await message.reply_text(texts.EV_NOT_EDITABLE)
        return ConversationHandler.END
    try:
        changes = _changes(editing[1], message.text, event, core)
    except InvalidInput as problem:
        await message.reply_text(str(problem))
        return EDIT_VALUE
    updated = await core.events.update(event.id, changes)
    if updated is None:
        await message.reply_text(texts.EV_NOT_EDITABLE)
        return ConversationHandler.END
    if update.effective_user:
        await core.roles.audit(update.effective_user.id, "events.edit",
                               f"{event.id} {editing[1]}", allowed=True)
    await message.reply_text(texts.EV_EDITED)
    await respond(update, context, await _manage_card(context, updated))
    return ConversationHandler.END


async def edit_abort(update: Update, context: Context) -> int:
    if context.user_data is not None:
        context.user_data.pop(_EDITING, None)
    await respond(update, context, Reply(texts.EV_EDIT_CANCELLED))
    return ConversationHandler.END


def edit_conversation() -> ConversationHandler:
    return _conversation(
        name="events:edit",
        entry_points=[CallbackQueryHandler(edit_start, pattern=r"^ev:ef:")],
        states={EDIT_VALUE: [MessageHandler(TEXT, edit_value)]},
        fallbacks=[CommandHandler("batal", edit_abort)],
    )


# --- reminders, cancellation notices, finishing ---------------------------------------------

NOTICE_JOB = "events:notices"


async def send_due_notices(context: Context) -> None:
    """The periodic job: finish past events, then send every due reminder and notice once."""
    core: Core | None = context.application.bot_data.get("core")
    if core is None:
        return
    lock = context.application.bot_data.setdefault("events:notice_lock", asyncio.Lock())
    if lock.locked():  # a run is still sending; it or the next one picks up the rest
        return
    async with lock:
        finished = await core.events.finish_past()
        if finished:
            log.info("events finished: %s", finished)
        for notice in await core.events.reminders.due():
            if not await core.events.reminders.claim(notice):
                continue
            try:
                await send(context, notice.user_id, event_views.notice(notice))
            except Forbidden:
                await core.users.mark_blocked(notice.user_id)
            except BadRequest as exc:  # will not get better by retrying; keep the claim
                log.warning("%s notice for event %s to %s refused: %s", notice.kind,
                            notice.event.id, notice.user_id, exc)
            except TelegramError as exc:  # network or flood limit: try again next round
                log.info("%s notice to %s postponed: %s", notice.kind, notice.user_id, exc)
                await core.events.reminders.release(notice)
            else:
                log.info("%s notice for event %s sent to %s", notice.kind, notice.event.id,
                         notice.user_id)


def notify_soon(app: Application) -> None:
    """Run the notice job now (after a cancellation) instead of at its next interval."""
    if app.job_queue is not None:
        app.job_queue.run_once(send_due_notices, 0, name=f"{NOTICE_JOB}:now")


async def on_startup(app: Application) -> None:
    """Start the notice job; it works from the database, so nothing is lost by a restart."""
    if app.job_queue is None:
        log.error("no JobQueue: event reminders will not be sent")
        return
    interval = app.bot_data["core"].config.events.reminder_check_seconds
    app.job_queue.run_repeating(send_due_notices, interval=interval, first=0, name=NOTICE_JOB)
