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

from handlers import fallback, qa, start
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

    # --- start and help (events add a deep-link /start handler before the plain one) ---
    # @events-start-handlers
    app.add_handler(CommandHandler("start", start.start))
    app.add_handler(CommandHandler(["bantuan", "help"], start.help_command))
    app.add_handler(CallbackQueryHandler(start.help_button, pattern=r"^start:help$"))

    # --- conversations that read free text must come before the question handler ---
    # @conversations

    # --- events (issue 6) ---
    # @events

    # --- broadcasts (issue 7) ---
    # @broadcast

    # --- admin tools (issue 8) ---
    # @admin

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
