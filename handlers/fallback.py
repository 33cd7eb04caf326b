"""Last-resort handlers: unknown commands and buttons nobody else recognised."""

from __future__ import annotations

from telegram import Update

from bot import texts
from handlers.common import Context


async def unknown_command(update: Update, context: Context) -> None:
    """A command the bot does not know (private chats only)."""
    if update.effective_chat:
        await context.bot.send_message(update.effective_chat.id, texts.UNKNOWN_COMMAND)


async def unknown_button(update: Update, context: Context) -> None:
    """A stale or unknown button (e.g. from before a restart): a friendly note, never a crash."""
    if update.callback_query:
        await update.callback_query.answer(texts.OLD_BUTTON, show_alert=True)
