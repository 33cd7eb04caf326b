"""Small bridges between PTB updates and the core: who is asking, how to show a `Reply`."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot import texts
from bot.core import Core
from bot.replies import Reply
from bot.roles import Role
from bot.users import Person

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
Handler = Callable[[Update, Context], Awaitable[Any]]
H = TypeVar("H", bound=Handler)


def core_of(context: Context) -> Core:
    """The core services, stored in bot_data at start-up."""
    return context.application.bot_data["core"]


def person_of(update: Update) -> Person | None:
    user = update.effective_user
    if user is None:
        return None
    return Person(user.id, user.first_name or "", user.last_name or "", user.username)


def markup(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup([
        [
            InlineKeyboardButton(b.label, url=b.url) if b.url
            else InlineKeyboardButton(b.label, callback_data=b.data)
            for b in row
        ]
        for row in reply.buttons
    ])


async def send(context: Context, chat_id: int, reply: Reply, **kwargs: Any) -> Message:
    """Send a reply as a new message."""
    return await context.bot.send_message(chat_id, reply.text, reply_markup=markup(reply), **kwargs)


async def respond(update: Update, context: Context, reply: Reply) -> Message | None:
    """Send a reply to the chat the update came from."""
    chat = update.effective_chat
    if chat is None:
        return None
    return await send(context, chat.id, reply)


async def edit_or_send(update: Update, context: Context, reply: Reply) -> None:
    """Replace the message whose button was pressed; send a new one if it cannot be edited."""
    query = update.callback_query
    if query is not None and query.message is not None and isinstance(query.message, Message):
        try:
            await query.message.edit_text(reply.text, reply_markup=markup(reply))
            return
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return
            log.info("could not edit message, sending a new one: %s", exc)
    await respond(update, context, reply)


def requires(role: Role, action: str) -> Callable[[H], H]:
    """Refuse the handler politely (and log the attempt) unless the user holds `role`."""

    def decorate(handler: H) -> H:
        @functools.wraps(handler)
        async def guarded(update: Update, context: Context) -> Any:
            user = update.effective_user
            core = core_of(context)
            if user is None or not await core.roles.check(user.id, role, action):
                name = texts.ROLE_ADMIN if role is Role.ADMIN else texts.ROLE_ORGANISER
                message = texts.NOT_ALLOWED.format(role=name)
                if update.callback_query:
                    await update.callback_query.answer(message, show_alert=True)
                elif update.effective_chat:
                    await context.bot.send_message(update.effective_chat.id, message)
                return _conversation_end()
            return await handler(update, context)

        return guarded  # type: ignore[return-value]

    return decorate


def _conversation_end() -> int:
    from telegram.ext import ConversationHandler

    return ConversationHandler.END
