"""End to end: the real bot over HTTP against the local Bot API server — start and help."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ADMIN_ID, ORGANISER_ID, ROOT, TOKEN, FakeUser, write_config
from tests.fake_telegram import FakeTelegram


async def test_start_greets_in_indonesian_with_buttons_to_the_main_areas(user) -> None:
    siti = user(101, first_name="Siti")
    reply = await siti.ask("/start")
    assert "Halo, Siti!" in reply.text
    assert "pertanyaan" in reply.text
    assert any("topik" in label.lower() for label in reply.button_labels)
    assert any("Acara" in label for label in reply.button_labels)


async def test_greeting_escapes_the_users_name(user) -> None:
    sneaky = user(102, first_name="<b>Budi</b> & co")
    reply = await sneaky.ask("/start")
    assert "&lt;b&gt;Budi&lt;/b&gt; &amp; co" in reply.text


async def test_help_lists_commands_and_the_disclaimer(user) -> None:
    reply = await user(103).ask("/bantuan")
    assert "/topik" in reply.text and "/acara" in reply.text
    assert "panduan umum" in reply.text
    assert "/siaran" not in reply.text  # organiser commands are for organisers only


async def test_help_shows_organiser_and_admin_commands_to_them(user) -> None:
    organiser = await user(ORGANISER_ID).ask("/bantuan")
    assert "/buatacara" in organiser.text and "/muatulang" not in organiser.text
    admin = await user(ADMIN_ID).ask("/bantuan")
    assert "/buatacara" in admin.text and "/muatulang" in admin.text


async def test_help_button_on_the_greeting_opens_help(user) -> None:
    rina = user(104)
    greeting = await rina.ask("/start")
    await rina.press(greeting, "Bantuan")
    reply = await rina.next_message()
    assert "/bantuan" in reply.text


async def test_command_menus_are_published_per_audience(bot, telegram: FakeTelegram) -> None:
    private = [c["command"] for c in telegram.commands["all_private_chats"]]
    assert {"start", "bantuan", "topik", "acara"} <= set(private)
    groups = [c["command"] for c in telegram.commands["all_group_chats"]]
    assert "tanya" in groups
    admin_menu = [c["command"] for c in telegram.commands[f"chat:{ADMIN_ID}"]]
    assert "muatulang" in admin_menu and "siaran" in admin_menu
    organiser_menu = [c["command"] for c in telegram.commands[f"chat:{ORGANISER_ID}"]]
    assert "siaran" in organiser_menu and "muatulang" not in organiser_menu


async def test_unknown_command_gets_a_friendly_reply(user) -> None:
    reply = await user(105).ask("/entahlah")
    assert "tidak saya kenal" in reply.text


async def test_users_who_talk_to_the_bot_are_recorded(bot, user) -> None:
    await user(106, first_name="Ani", username="ani_umkm").ask("/start")
    core = bot.bot_data["core"]
    record = await core.users.get(106)
    assert record is not None and record.person.username == "ani_umkm"
    assert record.accepts_broadcasts


async def test_exportbot_run_answers_start_over_http(tmp_path: Path,
                                                     telegram: FakeTelegram) -> None:
    """`exportbot run --config X` with a token talks to the Bot API server in X."""
    config = write_config(tmp_path, telegram)
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--config", str(config),
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        visitor = FakeUser(telegram, 111, first_name="Dewi")
        reply = await visitor.ask("/start", timeout=30)
        assert "Halo, Dewi!" in reply.text
    finally:
        process.terminate()
        output, _ = await asyncio.wait_for(process.communicate(), 30)
    log = output.decode()
    assert process.returncode == 0, log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert "user=111 kind=message" in log
    assert "/start" not in log  # no message text at INFO


def test_start_without_token_opens_the_terminal_chat(tmp_path: Path) -> None:
    """What `make run` does without TELEGRAM_BOT_TOKEN."""
    config = write_config(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "start", "--config", str(config)],
        input="/bantuan\n", capture_output=True, text=True, env=env, cwd=ROOT, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("TELEGRAM_BOT_TOKEN belum diatur")
    assert "/topik" in result.stdout and "<b>" not in result.stdout
    assert result.stdout.rstrip().endswith("Sampai jumpa! 👋")
