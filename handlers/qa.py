"""Questions and answers: any text in a private chat, mentions and /tanya in groups,
the answer buttons (follow-ups, feedback, suggestions) and /topik browsing."""

from __future__ import annotations

import re

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatAction

from bot import texts
from bot.flood import FloodGuard, Verdict
from bot.replies import Reply
from handlers.common import Context, core_of, edit_or_send, markup, person_of, respond


def flood_guard(context: Context) -> FloodGuard:
    guard = context.application.bot_data.get("flood")
    if guard is None:
        chat = core_of(context).config.chat
        guard = context.application.bot_data["flood"] = FloodGuard(chat.flood_messages,
                                                                   chat.flood_window)
    return guard


async def _within_flood_limit(update: Update, context: Context) -> bool:
    """False if the user is flooding; they get one polite notice per burst."""
    user = update.effective_user
    if user is None:
        return False
    verdict = flood_guard(context).check(user.id)
    if verdict is Verdict.NOTIFY and update.effective_chat:
        await context.bot.send_message(update.effective_chat.id, texts.FLOOD)
    return verdict is Verdict.ALLOW


async def _answer(update: Update, context: Context, question: str) -> None:
    person = person_of(update)
    message = update.effective_message
    if person is None or message is None:
        return
    core = core_of(context)
    await core.users.seen(person)
    reply = await core.assistant.ask(person, question)
    await message.reply_text(reply.text, reply_markup=markup(reply),
                             do_quote=message.chat.type != "private")


async def private_text(update: Update, context: Context) -> None:
    """Any text in a private chat is a question (or the awaited comment on a 👎)."""
    message = update.effective_message
    if message is None or not message.text:
        return
    if not await _within_flood_limit(update, context):
        return
    await context.bot.send_chat_action(message.chat_id, ChatAction.TYPING)
    await _answer(update, context, message.text)


async def edited_text(update: Update, context: Context) -> None:
    """An edited message in a private chat is answered again, with a short note."""
    message = update.edited_message
    if message is None or not message.text or message.text.startswith("/"):
        return
    if not await _within_flood_limit(update, context):
        return
    await context.bot.send_message(message.chat_id, texts.EDITED_MESSAGE)
    await _answer(update, context, message.text)


def _mentioned_question(message: Message, bot_username: str) -> str | None:
    """The question in a group message that mentions the bot or replies to it, else None."""
    text = message.text or ""
    mention = f"@{bot_username}".lower()
    mentioned = any(
        entity.type == MessageEntity.MENTION
        and text[entity.offset: entity.offset + entity.length].lower() == mention
        for entity in message.entities
    )
    replied = bool(
        message.reply_to_message
        and message.reply_to_message.from_user
        and message.reply_to_message.from_user.username
        and message.reply_to_message.from_user.username.lower() == bot_username.lower()
    )
    if not (mentioned or replied):
        return None
    return re.sub(re.escape(mention), " ", text, flags=re.IGNORECASE).strip()


async def group_text(update: Update, context: Context) -> None:
    """In groups, answer only when the bot is mentioned or replied to."""
    message = update.effective_message
    if message is None:
        return
    question = _mentioned_question(message, context.bot.username)
    if question is None:
        return
    if not await _within_flood_limit(update, context):
        return
    if not question:
        await message.reply_text(texts.GROUP_ASK_USAGE, do_quote=True)
        return
    await _answer(update, context, question)


async def ask_command(update: Update, context: Context) -> None:
    """/tanya <pertanyaan>: ask explicitly (the way to ask in groups)."""
    message = update.effective_message
    if message is None:
        return
    question = " ".join(context.args or [])
    if not question.strip():
        await message.reply_text(texts.GROUP_ASK_USAGE, do_quote=message.chat.type != "private")
        return
    if not await _within_flood_limit(update, context):
        return
    await _answer(update, context, question)


async def topics(update: Update, context: Context) -> None:
    """/topik: browse categories and entries."""
    await respond(update, context, core_of(context).assistant.topics_home())


async def button(update: Update, context: Context) -> None:
    """The qa:, fb: and kb: buttons: follow-ups, suggestions, feedback and browsing."""
    query = update.callback_query
    person = person_of(update)
    if query is None or person is None:
        return
    result = await core_of(context).assistant.press(person, query.data or "")
    if result is None:
        await query.answer(texts.OLD_BUTTON)
        return
    await query.answer(result.toast)
    if result.reply is None:
        return
    if result.edit:
        await edit_or_send(update, context, result.reply)
    else:
        await respond(update, context, result.reply)


async def not_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice, files, locations…: say politely that we read text."""
    if not await _within_flood_limit(update, context):
        return
    await respond(update, context, Reply(texts.NOT_TEXT))
