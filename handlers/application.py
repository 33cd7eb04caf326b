"""The one place that builds and runs the PTB `Application` from the configuration."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, Defaults

from bot import texts
from bot.clock import Clock
from bot.config import Config
from bot.core import Core
from bot.knowledge import KnowledgeError
from handlers import admin, broadcast, events, register_handlers
from handlers.common import Context

log = logging.getLogger(__name__)

# Start-up and shutdown steps of the feature areas.
Hook = Callable[[Application], Coroutine[Any, Any, None]]
STARTUP_HOOKS: tuple[Hook, ...] = (
    admin.on_startup,  # watch knowledge_dir for edits on disk
    events.on_startup,  # reminders and finishing, worked out from the DB
    broadcast.on_startup,  # resume unfinished broadcasts
)
SHUTDOWN_HOOKS: tuple[Hook, ...] = (
    broadcast.on_shutdown,  # let deliveries in flight finish
)


class ExportBotApplication(Application):
    """PTB Application that logs one line per handled update: user, kind, time taken."""

    async def process_update(self, update: object) -> None:
        started = time.perf_counter()
        try:
            await super().process_update(update)
        finally:
            if isinstance(update, Update):
                user = update.effective_user
                kind = next((k for k in _UPDATE_KINDS if getattr(update, k, None)), "other")
                log.info("update %s user=%s kind=%s took=%.1fms", update.update_id,
                         user.id if user else "-", kind, (time.perf_counter() - started) * 1000)


_UPDATE_KINDS = ("message", "edited_message", "callback_query", "channel_post", "my_chat_member",
                 "chat_member", "inline_query")


def build_application(config: Config, clock: Clock | None = None) -> Application:
    """Build the Application (not started). The core is opened in `on_startup`."""
    if not config.token:
        raise RuntimeError("TELEGRAM_BOT_TOKEN is not set")
    app = (
        ApplicationBuilder()
        .application_class(ExportBotApplication)
        .token(config.token)
        .base_url(config.telegram.api_base_url)
        .base_file_url(config.telegram.api_file_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=config.timezone,
                           link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .rate_limiter(AIORateLimiter(max_retries=3))
        # Handlers must not block each other: one user's slow update never delays another's.
        .concurrent_updates(True)
        .post_init(on_startup)
        # Feature shutdown work runs after stop, while the HTTP client can still send.
        .post_stop(on_stop)
        .post_shutdown(on_shutdown)
        .build()
    )
    app.bot_data["config"] = config
    app.bot_data["clock"] = clock or Clock()
    register_handlers(app)
    app.add_error_handler(on_error)
    return app


async def on_startup(app: Application) -> None:
    """Open the core, publish the command menus, run the feature start-up hooks."""
    config: Config = app.bot_data["config"]
    app.bot_data["core"] = await Core.open(config, app.bot_data["clock"])
    await publish_commands(app)
    for hook in STARTUP_HOOKS:
        await hook(app)
    log.info("bot @%s is running", app.bot.username)


async def on_stop(app: Application) -> None:
    """Run the feature shutdown hooks (e.g. let broadcast deliveries in flight finish)."""
    for hook in SHUTDOWN_HOOKS:
        await hook(app)


async def on_shutdown(app: Application) -> None:
    """Close the core (the database) last."""
    core: Core | None = app.bot_data.pop("core", None)
    if core is not None:
        await core.close()


def _commands(*groups: tuple[tuple[str, str], ...]) -> list[BotCommand]:
    return [BotCommand(name, desc) for group in groups for name, desc in group]


async def publish_commands(app: Application) -> None:
    """Command menus per audience: private chats, groups, organisers, admins."""
    core: Core = app.bot_data["core"]
    bot = app.bot
    await bot.set_my_commands(_commands(texts.COMMANDS_EVERYONE),
                              scope=BotCommandScopeAllPrivateChats())
    await bot.set_my_commands(_commands(texts.COMMANDS_GROUP), scope=BotCommandScopeAllGroupChats())
    for user_id in await core.roles.organiser_ids():
        groups = [texts.COMMANDS_EVERYONE, texts.COMMANDS_ORGANISER]
        if core.roles.is_admin(user_id):
            groups.append(texts.COMMANDS_ADMIN)
        try:
            await bot.set_my_commands(_commands(*groups), scope=BotCommandScopeChat(user_id))
        except TelegramError as exc:  # the user has not opened the bot yet
            log.info("no personal command menu for %s yet: %s", user_id, exc)


async def on_error(update: object, context: Context) -> None:
    """Log the error and tell the user, in Indonesian, that something went wrong."""
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update):
        if update.callback_query:
            try:
                await update.callback_query.answer(texts.ERROR, show_alert=True)
                return
            except TelegramError:
                pass
        if update.effective_chat:
            try:
                await context.bot.send_message(update.effective_chat.id, texts.ERROR)
            except TelegramError:
                log.warning("could not tell the user about the error")


@asynccontextmanager
async def running_bot(config: Config, clock: Clock | None = None,
                      poll_interval: float = 0.0, timeout: int = 1) -> AsyncIterator[Application]:
    """Run the bot inside an existing event loop (tests, benchmarks), stopping it on exit."""
    app = build_application(config, clock)
    await app.initialize()
    await on_startup(app)
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=poll_interval, timeout=timeout,
                                    allowed_updates=Update.ALL_TYPES)
    try:
        yield app
    finally:
        # The same order as run_polling: stop, post_stop, shutdown, post_shutdown.
        await app.updater.stop()
        await app.stop()
        await on_stop(app)
        await app.shutdown()
        await on_shutdown(app)


def run_polling(config: Config) -> int:
    """Run on Telegram with long polling until SIGINT/SIGTERM; return the exit code."""
    try:
        app = build_application(config)
    except RuntimeError as exc:
        log.error("%s", exc)
        return 2
    try:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
    except KnowledgeError as exc:
        for problem in exc.problems:
            log.error("knowledge base problem: %s", problem)
        return 1
    return 0
