"""Every Telegram handler, registered in one place, in order.

PTB tries handlers of a group in the order they are added and stops at the first match, so
order matters: specific commands and conversations come before the catch-all text handler,
and the catch-alls for unknown commands and buttons come last.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from handlers import admin, broadcast, events, fallback, qa, start
from handlers.common import Context, core_of, person_of

PRIVATE = filters.ChatType.PRIVATE
GROUPS = filters.ChatType.GROUPS


async def record_user(update: Update, context: Context) -> None:
    """Remember everyone who talks to the bot (group -1: runs before, never blocks, others)."""
    person = person_of(update)
    if person is not None and update.effective_chat and update.effective_chat.type == "private":
        await core_of(context).users.seen(person)


def register_handlers(app: Application) -> None:
    """Add every handler to `app`."""
    app.add_handler(TypeHandler(Update, record_user), group=-1)

    # --- start and help ---
    # Deep links from event posters (/start acara-<id>) must come before the plain /start.
    app.add_handler(CommandHandler("start", events.start_deep_link, filters=PRIVATE
                                   & filters.Regex(events.DEEP_LINK)))
    app.add_handler(CommandHandler("start", start.start))
    app.add_handler(CommandHandler(["bantuan", "help"], start.help_command))
    app.add_handler(CallbackQueryHandler(start.help_button, pattern=r"^start:help$"))

    # --- conversations that read free text must come before the question handler ---
    app.add_handler(broadcast.compose_conversation())  # /siaran, before the free-text handler
    app.add_handler(events.create_conversation())
    app.add_handler(events.edit_conversation())

    # --- events ---
    app.add_handler(CommandHandler("acara", events.list_events, filters=PRIVATE))
    app.add_handler(CommandHandler("acaraku", events.my_registrations, filters=PRIVATE))
    app.add_handler(CommandHandler("acarasaya", events.organiser_events, filters=PRIVATE))
    app.add_handler(CommandHandler("peserta", events.participants, filters=PRIVATE))
    # Organiser buttons first: they are guarded; the general one also answers stale ev: data.
    app.add_handler(CallbackQueryHandler(events.organiser_button,
                                         pattern=events.ORGANISER_BUTTONS))
    app.add_handler(CallbackQueryHandler(events.button, pattern=r"^ev:"))

    # --- broadcasts ---
    app.add_handler(CommandHandler("berhenti", broadcast.unsubscribe, filters=PRIVATE))
    app.add_handler(CommandHandler("langganan", broadcast.subscribe, filters=PRIVATE))
    # Pause/resume/stop/refresh; also answers a draft's stale bc: buttons after /batal.
    app.add_handler(CallbackQueryHandler(broadcast.button, pattern=r"^bc:"))

    # --- admin tools ---
    # Admin commands only in private chats: reports and files are not for a group's eyes.
    app.add_handler(CommandHandler("muatulang", admin.reload, filters=PRIVATE))
    app.add_handler(CommandHandler("cadangan", admin.backups, filters=PRIVATE))
    app.add_handler(CommandHandler("unduhkb", admin.download, filters=PRIVATE))
    app.add_handler(CommandHandler("belumterjawab", admin.unanswered, filters=PRIVATE))
    app.add_handler(CommandHandler("statistik", admin.statistics, filters=PRIVATE))
    app.add_handler(CommandHandler("organiser", admin.organiser, filters=PRIVATE))
    app.add_handler(CallbackQueryHandler(admin.button, pattern=r"^adm:"))
    # Knowledge uploads: before qa.not_text, which would otherwise say "I read text only".
    app.add_handler(MessageHandler(PRIVATE & (filters.Document.FileExtension("yaml")
                                              | filters.Document.FileExtension("yml")),
                                   admin.upload))

    # --- questions and answers ---
    app.add_handler(CommandHandler("tanya", qa.ask_command))
    app.add_handler(CommandHandler("topik", qa.topics))
    app.add_handler(CallbackQueryHandler(qa.button, pattern=r"^(qa|fb|kb):"))
    app.add_handler(MessageHandler(PRIVATE & filters.TEXT & ~filters.COMMAND
                                   & filters.UpdateType.MESSAGE, qa.private_text))
    app.add_handler(MessageHandler(PRIVATE & filters.UpdateType.EDITED_MESSAGE & filters.TEXT,
                                   qa.edited_text))
    app.add_handler(MessageHandler(GROUPS & filters.TEXT & ~filters.COMMAND
                                   & filters.UpdateType.MESSAGE, qa.group_text))
    app.add_handler(MessageHandler(PRIVATE & filters.UpdateType.MESSAGE
                                   & ~filters.TEXT & ~filters.StatusUpdate.ALL, qa.not_text))

    # --- last resort ---
    app.add_handler(MessageHandler(PRIVATE & filters.COMMAND, fallback.unknown_command))
    app.add_handler(CallbackQueryHandler(fallback.unknown_button))
