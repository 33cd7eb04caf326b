"""/start and /bantuan: the greeting and the help page."""

from __future__ import annotations

from telegram import Update

from handlers.common import Context, core_of, person_of, respond


async def start(update: Update, context: Context) -> None:
    """The user opens the bot: a greeting that says what it can do, with buttons."""
    person = person_of(update)
    if person is None:
        return
    await respond(update, context, core_of(context).assistant.welcome(person))


async def help_command(update: Update, context: Context) -> None:
    """The user asks for help: the commands they can use, and the disclaimer."""
    user = update.effective_user
    if user is None:
        return
    core = core_of(context)
    reply = core.assistant.help(
        is_organiser=await core.roles.is_organiser(user.id),
        is_admin=core.roles.is_admin(user.id),
    )
    await respond(update, context, reply)


async def help_button(update: Update, context: Context) -> None:
    """The "Bantuan" button on the greeting."""
    if update.callback_query:
        await update.callback_query.answer()
    await help_command(update, context)
