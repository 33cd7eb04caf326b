"""`exportbot chat`: the same conversation in a terminal, buttons as numbers."""

from __future__ import annotations

import io
from pathlib import Path

from bot.config import load_config
from bot.terminal import run_terminal_chat
from tests.conftest import write_config


async def chat(tmp_path: Path, lines: list[str], user_id: int = 0) -> str:
    config = load_config(write_config(tmp_path))
    out = io.StringIO()
    code = await run_terminal_chat(config, user_id=user_id,
                                   stdin=io.StringIO("\n".join(lines) + "\n"), out=out)
    assert code == 0
    return out.getvalue()


async def test_question_then_number_presses_a_follow_up_button(tmp_path: Path) -> None:
    output = await chat(tmp_path, ["PEB itu apa sih", "1"])
    assert "PEB" in output and "[1] ➡️" in output
    assert output.count("Terakhir diperiksa:") == 2  # the answer and the follow-up
    assert "<b>" not in output and "&amp;" not in output
    assert output.rstrip().endswith("Sampai jumpa! 👋")


async def test_topics_can_be_browsed_with_numbers(tmp_path: Path) -> None:
    output = await chat(tmp_path, ["/topik", "1", "1"])
    assert "Pilih kategori" in output and "Pilih topik" in output
    assert "Sumber resmi" in output


async def test_unknown_commands_and_bad_numbers_are_explained(tmp_path: Path) -> None:
    output = await chat(tmp_path, ["/entah", "/topik", "99", "/siaran"])
    assert "tidak saya kenal" in output
    assert "Tidak ada pilihan dengan nomor itu" in output
    assert "hanya tersedia di Telegram" in output


async def test_admin_sees_admin_commands_in_help(tmp_path: Path) -> None:
    output = await chat(tmp_path, ["/bantuan"], user_id=900)
    assert "/muatulang" in output
