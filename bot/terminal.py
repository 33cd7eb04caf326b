"""`exportbot chat`: the same conversation as on Telegram, in a terminal.

Buttons are shown as numbers; typing a number presses it. Works with piped input and ends
cleanly at end of input.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from bot import texts
from bot.config import Config
from bot.core import Core
from bot.knowledge import KnowledgeError
from bot.replies import Button, Reply, render_plain
from bot.users import Person

# Commands that need Telegram (files, buttons for organisers, broadcasts…).
_TELEGRAM_ONLY = {name for name, _ in texts.COMMANDS_ORGANISER + texts.COMMANDS_ADMIN} | {
    "acara", "acaraku", "berhenti", "langganan",
}


class TerminalChat:
    """One terminal user talking to the core."""

    def __init__(self, core: Core, person: Person, out: TextIO) -> None:
        self.core = core
        self.person = person
        self.out = out
        self.buttons: list[Button] = []

    def show(self, reply: Reply) -> None:
        self.buttons = [b for b in reply.all_buttons() if b.data]
        print(render_plain(reply), file=self.out)
        print(file=self.out, flush=True)

    async def handle(self, line: str) -> None:
        text = line.strip()
        if not text:
            return
        if text.isdigit() and self.buttons:
            await self.press(int(text))
            return
        if text.startswith("/"):
            await self.command(text)
            return
        self.show(await self.core.assistant.ask(self.person, text, source="terminal"))

    async def press(self, number: int) -> None:
        if not 1 <= number <= len(self.buttons):
            print(texts.TERMINAL_NO_SUCH_BUTTON, file=self.out, flush=True)
            return
        data = self.buttons[number - 1].data or ""
        if data == "start:help":
            self.show(await self._help())
            return
        result = await self.core.assistant.press(self.person, data)
        if result is None:
            print(texts.TERMINAL_NOT_AVAILABLE, file=self.out, flush=True)
            return
        if result.toast:
            print(f"({result.toast})", file=self.out, flush=True)
        if result.reply:
            self.show(result.reply)

    async def command(self, text: str) -> None:
        name, _, rest = text[1:].partition(" ")
        name = name.split("@")[0].lower()
        if name == "start":
            self.show(self.core.assistant.welcome(self.person))
        elif name in ("bantuan", "help"):
            self.show(await self._help())
        elif name == "topik":
            self.show(self.core.assistant.topics_home())
        elif name == "tanya" and rest.strip():
            self.show(await self.core.assistant.ask(self.person, rest, source="terminal"))
        elif name in _TELEGRAM_ONLY:
            print(texts.TERMINAL_NOT_AVAILABLE, file=self.out, flush=True)
        else:
            print(texts.UNKNOWN_COMMAND, file=self.out, flush=True)

    async def _help(self) -> Reply:
        roles = self.core.roles
        return self.core.assistant.help(
            is_organiser=await roles.is_organiser(self.person.id),
            is_admin=roles.is_admin(self.person.id),
        )


async def run_terminal_chat(
    config: Config, user_id: int = 0, stdin: TextIO | None = None, out: TextIO | None = None,
) -> int:
    """Run the chat until end of input; return the exit code."""
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    try:
        core = await Core.open(config)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    person = Person(id=user_id, first_name="Anda")
    chat = TerminalChat(core, person, out)
    try:
        # The terminal user is not recorded as a Telegram user: broadcasts must not target them.
        print(texts.TERMINAL_HELLO, file=out, flush=True)
        while True:
            if stdin.isatty():
                print("> ", end="", file=out, flush=True)
            line = await asyncio.to_thread(stdin.readline)
            if not line:
                break
            await chat.handle(line)
    except KeyboardInterrupt:
        pass
    finally:
        await core.close()
    print(texts.TERMINAL_BYE, file=out, flush=True)
    return 0
