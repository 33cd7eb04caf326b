"""Admin tools: reload, upload and restore knowledge files, reports, and the organiser role.

Every command, button and upload here is for admins only (`requires(Role.ADMIN, ...)`): anyone
else gets one polite line and the attempt is logged. Buttons use the `adm:` prefix:
`adm:un:<days>` / `adm:st:<days>` switch a report's period, `adm:rs:<backup>` asks to restore
a backup, `adm:ry:<backup>` restores it, `adm:rx` cancels (<backup> = a short hash of its name,
since file names may not fit Telegram's 64 bytes).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import Application

from bot import texts
from bot.charts import questions_per_day_png
from bot.core import Core
from bot.library import MAX_UPLOAD_BYTES, Backup, revision_reply, upload_file_name, when_id
from bot.replies import Button, Reply, callback, esc, parse_callback
from bot.reports import stats_reply, unanswered_reply, valid_days
from bot.roles import Role
from handlers.common import Context, core_of, edit_or_send, requires, respond

log = logging.getLogger(__name__)

BACKUPS_SHOWN = 10
WATCH_JOB = "knowledge-watch"


# --- the knowledge base ---------------------------------------------------------------------


@requires(Role.ADMIN, "kb.reload")
async def reload(update: Update, context: Context) -> None:
    """/muatulang: re-read the knowledge folder; the admin sees what changed or what is wrong."""
    revision = await core_of(context).library.reload()
    await respond(update, context, revision_reply(revision, "reload"))


@requires(Role.ADMIN, "kb.upload")
async def upload(update: Update, context: Context) -> None:
    """An admin sends a .yaml file: it is checked, then applied (old version kept) or refused."""
    message = update.effective_message
    user = update.effective_user
    if message is None or message.document is None or user is None:
        return
    document = message.document
    name = upload_file_name(document.file_name or "")
    if name is None:
        text = texts.ADMIN_UPLOAD_BAD_NAME.format(name=esc(document.file_name or "?"))
        await respond(update, context, Reply(text))
        return
    if document.file_size and document.file_size > MAX_UPLOAD_BYTES:
        text = texts.ADMIN_UPLOAD_TOO_BIG.format(size=document.file_size // 1000,
                                                 limit=MAX_UPLOAD_BYTES // 1000)
        await respond(update, context, Reply(text))
        return
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    revision = await core_of(context).library.upload(name, data, by=user.id)
    await respond(update, context, revision_reply(revision, "upload"))


@requires(Role.ADMIN, "kb.backups")
async def backups(update: Update, context: Context) -> None:
    """/cadangan: the newest backups, each a button to restore it."""
    found = core_of(context).library.backups()[:BACKUPS_SHOWN]
    if not found:
        await respond(update, context, Reply(texts.ADMIN_BACKUPS_NONE))
        return
    rows = tuple(
        (Button(texts.ADMIN_BACKUP_BUTTON.format(file=b.file, when=when_id(b.taken_at)),
                callback("adm", "rs", _backup_key(b))),)
        for b in found
    )
    await respond(update, context, Reply(texts.ADMIN_BACKUPS_HEADER, rows))


@requires(Role.ADMIN, "kb.download")
async def download(update: Update, context: Context) -> None:
    """/unduhkb: the knowledge files as a zip."""
    chat = update.effective_chat
    if chat is None:
        return
    core = core_of(context)
    data = await asyncio.to_thread(core.library.zip)
    caption = texts.ADMIN_ZIP_CAPTION.format(files=len(core.knowledge.files),
                                             entries=len(core.knowledge.entries))
    await context.bot.send_document(chat.id, data, filename=core.library.zip_name(),
                                    caption=caption)


def _backup_key(backup: Backup) -> str:
    return hashlib.sha256(backup.name.encode()).hexdigest()[:12]


def _find_backup(core: Core, key: str) -> Backup | None:
    return next((b for b in core.library.backups() if _backup_key(b) == key), None)


# --- reports --------------------------------------------------------------------------------


@requires(Role.ADMIN, "report.unanswered")
async def unanswered(update: Update, context: Context) -> None:
    """/belumterjawab [hari]: what users asked that the bot could not answer, grouped."""
    days = valid_days(" ".join(context.args or []))
    if days is None:
        text = texts.ADMIN_DAYS_USAGE.format(command="belumterjawab")
        await respond(update, context, Reply(text))
        return
    groups = await core_of(context).reports.unanswered(days)
    await respond(update, context, unanswered_reply(groups, days))


@requires(Role.ADMIN, "report.stats")
async def statistics(update: Update, context: Context) -> None:
    """/statistik [hari]: usage figures, then a chart of questions per day."""
    days = valid_days(" ".join(context.args or []))
    if days is None:
        await respond(update, context, Reply(texts.ADMIN_DAYS_USAGE.format(command="statistik")))
        return
    await _send_statistics(update, context, days)


async def _send_statistics(update: Update, context: Context, days: int) -> None:
    chat = update.effective_chat
    if chat is None:
        return
    stats = await core_of(context).reports.stats(days)
    await respond(update, context, stats_reply(stats))
    title = texts.ADMIN_CHART_TITLE.format(days=days)
    png = await asyncio.to_thread(questions_per_day_png, stats.per_day, title)
    await context.bot.send_photo(chat.id, png, caption=texts.ADMIN_CHART_CAPTION,
                                 filename="statistik.png")


# --- roles ----------------------------------------------------------------------------------


@requires(Role.ADMIN, "organiser.manage")
async def organiser(update: Update, context: Context) -> None:
    """/organiser tambah|hapus <id>: grant or revoke the organiser role (logged)."""
    user = update.effective_user
    if user is None:
        return
    core = core_of(context)
    args = [a.lower() for a in context.args or []]
    action = {"tambah": "grant", "add": "grant", "hapus": "revoke", "remove": "revoke"}.get(
        args[0] if args else "")
    if action is None or len(args) != 2 or not args[1].isdigit():
        current = ", ".join(f"<code>{i}</code>" for i in sorted(await core.roles.organiser_ids()))
        await respond(update, context, Reply(texts.ADMIN_ORGANISER_USAGE.format(
            current=current or texts.ADMIN_NOTHING)))
        return
    target = int(args[1])
    who = await _describe(core, target)
    if action == "grant":
        changed = await core.roles.grant_organiser(target, by=user.id)
        text = texts.ADMIN_ORGANISER_ADDED if changed else texts.ADMIN_ORGANISER_ALREADY
    else:
        changed = await core.roles.revoke_organiser(target, by=user.id)
        if await core.roles.is_organiser(target):
            text = texts.ADMIN_ORGANISER_FROM_CONFIG
        elif changed:
            text = texts.ADMIN_ORGANISER_REMOVED
        else:
            text = texts.ADMIN_ORGANISER_NOT_GRANTED
    if changed:
        await _refresh_menu(context, core, target)
    await respond(update, context, Reply(text.format(user=who)))


async def _describe(core: Core, user_id: int) -> str:
    record = await core.users.get(user_id)
    name = f"{esc(record.person.display_name)} " if record else ""
    return f"{name}(<code>{user_id}</code>)".strip()


async def _refresh_menu(context: Context, core: Core, user_id: int) -> None:
    """Show the organiser commands in their menu now, or take them away."""
    scope = BotCommandScopeChat(user_id)
    try:
        if await core.roles.is_organiser(user_id):
            commands = texts.COMMANDS_EVERYONE + texts.COMMANDS_ORGANISER
            await context.bot.set_my_commands([BotCommand(n, d) for n, d in commands],
                                              scope=scope)
        else:
            await context.bot.delete_my_commands(scope=scope)
    except TelegramError as exc:  # they have not opened the bot yet
        log.info("could not update the command menu of %s: %s", user_id, exc)


# --- buttons --------------------------------------------------------------------------------


@requires(Role.ADMIN, "admin.button")
async def button(update: Update, context: Context) -> None:
    """The adm: buttons: report periods and restoring backups; stale ones get a friendly note."""
    query = update.callback_query
    user = update.effective_user
    if query is None or user is None:
        return
    core = core_of(context)
    _, parts = parse_callback(query.data)
    kind, arg = [*parts, "", ""][:2]
    days = valid_days(arg) if kind in ("un", "st") and arg else None
    if kind == "un" and days is not None:
        await query.answer()
        await edit_or_send(update, context, unanswered_reply(await core.reports.unanswered(days),
                                                             days))
    elif kind == "st" and days is not None:
        await query.answer()
        await _send_statistics(update, context, days)
    elif kind == "rx":
        await query.answer()
        await edit_or_send(update, context, Reply(texts.ADMIN_RESTORE_CANCELLED))
    elif kind in ("rs", "ry"):
        backup = _find_backup(core, arg)
        if backup is None:
            await query.answer(texts.ADMIN_BACKUP_GONE, show_alert=True)
        elif kind == "rs":
            await query.answer()
            await edit_or_send(update, context, _confirm_restore(backup, arg))
        else:
            await query.answer()
            revision = await core.library.restore(backup.name, by=user.id)
            if revision is None:
                await respond(update, context, Reply(texts.ADMIN_BACKUP_GONE))
                return
            reply = revision_reply(revision, "restore", when=when_id(backup.taken_at))
            await edit_or_send(update, context, reply)
    else:
        await query.answer(texts.OLD_BUTTON, show_alert=True)


def _confirm_restore(backup: Backup, key: str) -> Reply:
    return Reply(
        texts.ADMIN_RESTORE_CONFIRM.format(file=esc(backup.file), when=when_id(backup.taken_at)),
        ((Button(texts.ADMIN_RESTORE_YES, callback("adm", "ry", key)),
          Button(texts.ADMIN_RESTORE_CANCEL, callback("adm", "rx"))),),
    )


# --- watching the knowledge folder ----------------------------------------------------------


async def watch_knowledge(context: Context) -> None:
    """Repeating job: when files in knowledge_dir change, reload and tell the admins."""
    core = core_of(context)
    revision = await core.library.poll()
    if revision is None:
        return
    reply = revision_reply(revision, "watch")
    for admin_id in sorted(core.config.admins):
        try:
            await context.bot.send_message(admin_id, reply.text)
        except TelegramError as exc:  # an admin who never opened the bot
            log.info("could not tell admin %s about the knowledge change: %s", admin_id, exc)


async def on_startup(app: Application) -> None:
    """Start watching knowledge_dir (unless knowledge_watch_seconds is 0)."""
    core: Core = app.bot_data["core"]
    interval = core.config.knowledge_watch_seconds
    if interval > 0 and app.job_queue is not None:
        app.job_queue.run_repeating(watch_knowledge, interval=interval, first=interval,
                                    name=WATCH_JOB)
