"""End to end: admins keep the knowledge base current, safely, and see what users still need.

The bot runs on a copy of the repository's knowledge folder in tmp_path (the real folder is
never touched) and looks for edits on disk every 0.2 s.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.admin_kb import BOMB, PYTHON_TAG, entry_yaml
from tests.conftest import ADMIN_ID, KNOWLEDGE, ORGANISER_ID, FakeUser
from tests.fake_telegram import FakeTelegram

NIB_QUESTION = "Bagaimana cara membuat NIB di OSS?"
NIB_TITLE = "NIB lewat OSS sebagai identitas eksportir"
AGLONEMA = entry_yaml("aglonema-ekspor", "Ekspor tanaman hias aglonema",
                      "Apa syarat ekspor aglonema?",
                      "Aglonema perlu sertifikat kesehatan tumbuhan (phytosanitary).")
REFUSED = "khusus untuk admin"


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    return folder


@pytest.fixture
def config_overrides(knowledge: Path) -> dict[str, Any]:
    return {"knowledge_dir": str(knowledge), "knowledge_watch_seconds": 0.2}


@pytest.fixture
def admin(user) -> FakeUser:
    return user(ADMIN_ID, first_name="Admin")


def with_new_entry(text: str, entry: str = AGLONEMA) -> str:
    """An entry file with one more entry at the end of its `entries:` list."""
    return text.rstrip("\n") + "\n" + entry


def break_nib_answer(knowledge: Path) -> str:
    """Change nib-oss's title and add an invalid date to the same file; return the text."""
    text = (knowledge / "legalitas.yaml").read_text(encoding="utf-8")
    text = text.replace(NIB_TITLE, "JUDUL BARU NIB", 1)
    return text.replace("reviewed: 2026-11-22", "reviewed: minggu lalu", 1)


async def test_valid_edit_on_disk_is_picked_up_without_restart(admin, user,
                                                               knowledge: Path) -> None:
    rina = user(201)
    before = await rina.ask("syarat ekspor aglonema")
    assert "aglonema" not in before.text.lower() or "belum tahu" in before.text
    path = knowledge / "karantina.yaml"
    path.write_text(with_new_entry(path.read_text(encoding="utf-8")), encoding="utf-8")
    notice = await admin.next_message()
    assert "sudah dipakai" in notice.text and "aglonema-ekspor" in notice.text
    answer = await rina.ask("syarat ekspor aglonema")
    assert "Ekspor tanaman hias aglonema" in answer.text


async def test_invalid_edit_on_disk_is_refused_and_questions_keep_the_old_answers(
        admin, user, knowledge: Path) -> None:
    (knowledge / "legalitas.yaml").write_text(break_nib_answer(knowledge), encoding="utf-8")
    notice = await admin.next_message()
    assert "belum</b> dipakai" in notice.text
    assert "<code>legalitas.yaml:" in notice.text and "reviewed must be a date" in notice.text
    answer = await user(202).ask(NIB_QUESTION)
    assert NIB_TITLE in answer.text and "JUDUL BARU" not in answer.text
    # /muatulang says the same, and still nothing changes.
    again = await admin.ask("/muatulang")
    assert "tidak</b> dimuat ulang" in again.text and "legalitas.yaml:" in again.text
    assert NIB_TITLE in (await user(202).ask(NIB_QUESTION)).text


async def test_reload_command_summarises_what_changed(admin) -> None:
    reply = await admin.ask("/muatulang")
    assert "dimuat ulang" in reply.text and "topik" in reply.text
    assert "tidak ada yang berubah" in reply.text


async def test_invalid_upload_is_refused_with_file_and_line(admin, user,
                                                            knowledge: Path) -> None:
    await admin.send_document("legalitas.yaml", break_nib_answer(knowledge).encode())
    reply = await admin.next_message()
    assert "ditolak" in reply.text and "<code>legalitas.yaml:" in reply.text
    assert NIB_TITLE in (await user(203).ask(NIB_QUESTION)).text
    assert NIB_TITLE in (knowledge / "legalitas.yaml").read_text(encoding="utf-8")


async def test_upload_is_applied_and_the_backup_can_be_restored(admin, user,
                                                                knowledge: Path) -> None:
    original = (knowledge / "karantina.yaml").read_text(encoding="utf-8")
    await admin.send_document("karantina.yaml", with_new_entry(original).encode())
    applied = await admin.next_message()
    assert "diterima dan sudah dipakai" in applied.text and "aglonema-ekspor" in applied.text
    assert "cadangan" in applied.text
    dewi = user(204)
    assert "Ekspor tanaman hias aglonema" in (await dewi.ask("syarat ekspor aglonema")).text
    assert await admin.no_message()  # the watcher does not report the upload a second time

    listing = await admin.ask("/cadangan")
    await admin.press(listing, "karantina.yaml")
    confirm = await admin.edited(listing, 0)
    assert "Pulihkan <b>karantina.yaml</b>" in confirm.text
    await admin.press(confirm, "Ya, pulihkan")
    restored = await admin.edited(listing, 1)
    assert "dipulihkan" in restored.text and "aglonema-ekspor" in restored.text
    assert (knowledge / "karantina.yaml").read_text(encoding="utf-8") == original
    assert "Ekspor tanaman hias aglonema" not in (await dewi.ask("syarat ekspor aglonema")).text


async def test_cancelling_a_restore_changes_nothing(admin, knowledge: Path) -> None:
    original = (knowledge / "kemasan.yaml").read_text(encoding="utf-8")
    await admin.send_document("kemasan.yaml", (original + "\n# catatan\n").encode())
    await admin.next_message()
    listing = await admin.ask("/cadangan")
    await admin.press(listing, "kemasan.yaml")
    confirm = await admin.edited(listing, 0)
    await admin.press(confirm, "Batal")
    assert "tidak ada yang dipulihkan" in (await admin.edited(listing, 1)).text
    assert (knowledge / "kemasan.yaml").read_text(encoding="utf-8").endswith("# catatan\n")


@pytest.mark.parametrize(("content", "problem"), [(BOMB, "anchor"), (PYTHON_TAG, "python")])
async def test_yaml_bombs_and_python_tags_are_refused(admin, knowledge: Path, content: str,
                                                      problem: str) -> None:
    await admin.send_document("jahat.yaml", content.encode())
    reply = await admin.next_message()
    assert "ditolak" in reply.text and "jahat.yaml:" in reply.text and problem in reply.text
    assert not (knowledge / "jahat.yaml").exists()


async def test_badly_named_upload_is_refused_politely(admin) -> None:
    await admin.send_document("catatan saya.yaml", b"category: x\n")
    reply = await admin.next_message()
    assert "tidak bisa dipakai" in reply.text and "legalitas.yaml" in reply.text


async def test_download_sends_the_knowledge_files_as_a_zip(admin) -> None:
    await admin.send("/unduhkb")
    document = await admin.next_message()
    assert document.method == "sendDocument" and (document.filename or "").endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(document.document or b"")) as archive:
        names = archive.namelist()
    assert "legalitas.yaml" in names and "kosakata.yaml" in names
    assert all(not name.startswith("kb-backups") for name in names)


async def test_unanswered_report_groups_near_duplicate_questions(admin, user) -> None:
    for user_id, question in ((301, "gimana ekspor kembang api ke korea"),
                              (302, "cara ekspor kembang api ke korea selatan"),
                              (303, "Ekspor kembang api Korea?"),
                              (304, "ekspor aglonema ke belanda")):
        await user(user_id).ask(question)
    reply = await admin.ask("/belumterjawab")
    assert "3×</b> dari 3 orang" in reply.text
    assert "1×</b> dari 1 orang" in reply.text and "aglonema" in reply.text
    assert "kembang api" in reply.text.lower()
    await admin.press(reply, "7 hari")
    assert "7 hari terakhir" in (await admin.edited(reply, 0)).text


async def test_statistics_come_with_a_chart(admin, user, telegram: FakeTelegram) -> None:
    await user(401).ask(NIB_QUESTION)
    await user(402).ask("gimana ekspor durian ke korea")
    text = await admin.ask("/statistik 7")
    assert "Statistik 7 hari terakhir" in text.text and "Pertanyaan: 2" in text.text
    assert NIB_TITLE in text.text  # top entries
    chart = await admin.next_message()
    assert chart.caption and "per hari" in chart.caption
    photos = [p for m, p in telegram.calls if m == "sendPhoto" and int(p["chat_id"]) == ADMIN_ID]
    assert photos and photos[-1]["photo"][1].startswith(b"\x89PNG")


async def test_admin_grants_and_revokes_the_organiser_role(admin, user, bot) -> None:
    core = bot.bot_data["core"]
    reply = await admin.ask("/organiser tambah 555")
    assert "sekarang penyelenggara acara" in reply.text
    assert await core.roles.is_organiser(555)
    assert "/buatacara" in (await user(555).ask("/bantuan")).text
    assert "sudah menjadi" in (await admin.ask("/organiser tambah 555")).text
    assert "dicabut" in (await admin.ask("/organiser hapus 555")).text
    assert not await core.roles.is_organiser(555)
    config_one = await admin.ask(f"/organiser hapus {ORGANISER_ID}")
    assert "config.yaml" in config_one.text
    usage = await admin.ask("/organiser")
    assert "/organiser tambah" in usage.text
    actions = [r["action"] for r in await core.db.fetchall("SELECT action FROM audit_log")]
    assert actions.count("organiser.grant") == 2 and "organiser.revoke" in actions


@pytest.mark.parametrize("command", ["/muatulang", "/cadangan", "/unduhkb", "/belumterjawab",
                                     "/statistik", "/organiser tambah 801"])
async def test_non_admins_are_refused_every_admin_command(user, bot, command: str) -> None:
    for person in (user(501), user(ORGANISER_ID)):
        reply = await person.ask(command)
        assert REFUSED in reply.text
        assert await person.no_message(0.3)
    core = bot.bot_data["core"]
    refused = await core.db.fetchall("SELECT user_id FROM audit_log WHERE allowed = 0")
    assert {r["user_id"] for r in refused} == {501, ORGANISER_ID}
    assert not await core.roles.is_organiser(801)


async def test_non_admin_upload_is_refused_without_being_read(user, knowledge: Path,
                                                              telegram: FakeTelegram) -> None:
    stranger = user(502)
    await stranger.send_document("legalitas.yaml", b"category: diganti\n")
    assert REFUSED in (await stranger.next_message()).text
    assert not any(method == "getFile" for method, _ in telegram.calls)
    assert "diganti" not in (knowledge / "legalitas.yaml").read_text(encoding="utf-8")


async def test_non_admin_cannot_press_admin_buttons(admin, user, telegram: FakeTelegram) -> None:
    await admin.send_document("kemasan.yaml",
                              (KNOWLEDGE / "kemasan.yaml").read_bytes() + b"\n# catatan\n")
    await admin.next_message()
    listing = await admin.ask("/cadangan")
    data = listing.buttons[0]["callback_data"]
    stranger = user(503)
    query = await stranger.press_data(listing, data.replace("rs", "ry"))
    answer = await stranger.callback_answer(query)
    assert REFUSED in answer["text"]
    assert listing.edits == 0


async def test_stale_admin_buttons_get_a_friendly_answer(admin) -> None:
    listing = await admin.ask("/belumterjawab")
    query = await admin.press_data(listing, "adm:ry:000000000000")
    assert "sudah tidak ada" in (await admin.callback_answer(query))["text"]
    query = await admin.press_data(listing, "adm:zz")
    assert "tidak berlaku" in (await admin.callback_answer(query))["text"]


async def test_admin_reports_are_not_posted_in_groups(user) -> None:
    admin_in_group = user(ADMIN_ID, chat_id=-1001)
    await admin_in_group.send("/statistik")
    assert await admin_in_group.no_message()
