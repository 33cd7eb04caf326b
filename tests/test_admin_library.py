"""The knowledge library: reloads, uploads, backups and watching are safe for the live bot."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.config import load_config
from bot.core import Core
from bot.library import upload_file_name
from tests.admin_kb import BOMB, KEMASAN, LEGALITAS, NEW_ENTRY, PYTHON_TAG, small_knowledge
from tests.conftest import ADMIN_ID, write_config

START = dt.datetime(2026, 11, 22, 3, 0, tzinfo=dt.UTC)  # 10.00 in Jakarta


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    folder = small_knowledge(tmp_path / "knowledge")
    config = load_config(write_config(tmp_path, knowledge_dir=str(folder)))
    opened = await Core.open(config, ManualClock(START))
    yield opened
    await opened.close()


def folder_of(core: Core) -> Path:
    return core.config.knowledge_dir


def touch_later(path: Path) -> None:
    """Make sure the watcher sees a new mtime even on coarse file systems."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


async def test_reload_swaps_in_a_new_base_and_reports_what_changed(core: Core) -> None:
    old = core.knowledge
    (folder_of(core) / "kemasan.yaml").write_text(KEMASAN + NEW_ENTRY, encoding="utf-8")
    revision = await core.library.reload()
    assert revision.applied and revision.changes.added == ("sarang-walet",)
    assert core.knowledge is not old and core.knowledge.entry("sarang-walet") is not None
    assert old.entry("sarang-walet") is None  # an in-flight question keeps the old base whole


async def test_invalid_reload_is_refused_with_file_and_line_and_the_old_base_stays(
        core: Core) -> None:
    old = core.knowledge
    broken = LEGALITAS.replace("reviewed: 2026-11-22", "reviewed: kemarin", 1)
    (folder_of(core) / "legalitas.yaml").write_text(broken, encoding="utf-8")
    revision = await core.library.reload()
    assert not revision.applied
    assert any(str(p).startswith("legalitas.yaml:") and "reviewed" in str(p)
               for p in revision.problems)
    assert core.knowledge is old


async def test_upload_is_validated_in_the_context_of_the_other_files(core: Core) -> None:
    # legalitas.yaml renames nib-oss; a kemasan entry still pointing at it is then refused.
    without_nib = LEGALITAS.split("  - id: npwp-usaha")[0].replace("nib-oss", "nib-baru")
    revision = await core.library.upload("legalitas.yaml", without_nib.encode(), by=ADMIN_ID)
    assert revision.applied  # related ids only point within the same file here
    revision = await core.library.upload(
        "kemasan.yaml", (KEMASAN + NEW_ENTRY.replace("reviewed", "related: [nib-oss]\n    "
                                                     "reviewed")).encode(), by=ADMIN_ID)
    assert not revision.applied
    assert any("unknown id 'nib-oss'" in str(p) for p in revision.problems)
    assert (folder_of(core) / "kemasan.yaml").read_text(encoding="utf-8") == KEMASAN


async def test_applied_upload_keeps_the_previous_version_as_a_backup(core: Core) -> None:
    revision = await core.library.upload("kemasan.yaml", (KEMASAN + NEW_ENTRY).encode(),
                                         by=ADMIN_ID)
    assert revision.applied and revision.backup is not None
    assert revision.backup.file == "kemasan.yaml"
    assert revision.backup.taken_at.hour == 10  # Jakarta time
    backups = core.library.backups()
    assert [b.name for b in backups] == [revision.backup.name]
    assert (core.library.backups_folder / backups[0].name).read_text() == KEMASAN
    # Backups never sit where they would be loaded as knowledge.
    assert not list(folder_of(core).rglob("*.bak"))


async def test_restoring_a_backup_brings_the_old_file_back_and_backs_up_the_current(
        core: Core) -> None:
    first = await core.library.upload("kemasan.yaml", (KEMASAN + NEW_ENTRY).encode(),
                                      by=ADMIN_ID)
    assert first.backup is not None
    core.library.clock.advance(dt.timedelta(minutes=5))  # type: ignore[attr-defined]
    revision = await core.library.restore(first.backup.name, by=ADMIN_ID)
    assert revision is not None and revision.applied
    assert revision.changes.removed == ("sarang-walet",)
    assert (folder_of(core) / "kemasan.yaml").read_text(encoding="utf-8") == KEMASAN
    assert len(core.library.backups()) == 2
    assert await core.library.restore("no-such.yaml.20260101-000000.bak", by=ADMIN_ID) is None


@pytest.mark.parametrize("content", [BOMB, PYTHON_TAG])
async def test_yaml_bombs_and_python_tags_are_refused(core: Core, content: str) -> None:
    old = core.knowledge
    revision = await core.library.upload("jahat.yaml", content.encode(), by=ADMIN_ID)
    assert not revision.applied
    assert all(str(p).startswith("jahat.yaml:") for p in revision.problems)
    assert any("not allowed" in p.message for p in revision.problems)
    assert core.knowledge is old and not (folder_of(core) / "jahat.yaml").exists()


async def test_oversized_and_non_utf8_uploads_are_refused_before_parsing(core: Core) -> None:
    big = await core.library.upload("besar.yaml", b"#" * 1_100_000, by=ADMIN_ID)
    assert not big.applied and "larger than" in big.problems[0].message
    latin = await core.library.upload("latin.yaml", "category: Caf\xe9\n".encode("latin-1"),
                                      by=ADMIN_ID)
    assert not latin.applied and str(latin.problems[0]).startswith("latin.yaml:1: not UTF-8")


async def test_uploads_and_restores_are_in_the_audit_log(core: Core) -> None:
    await core.library.upload("kemasan.yaml", (KEMASAN + NEW_ENTRY).encode(), by=ADMIN_ID)
    await core.library.upload("jahat.yaml", PYTHON_TAG.encode(), by=ADMIN_ID)
    rows = await core.db.fetchall("SELECT user_id, action, detail FROM audit_log ORDER BY id")
    assert [(r["action"], r["detail"]) for r in rows] == [
        ("kb.upload", "kemasan.yaml: applied"), ("kb.upload", "jahat.yaml: refused")]


def test_uploaded_names_map_to_knowledge_files() -> None:
    assert upload_file_name("Legalitas.yaml") == "legalitas.yaml"
    assert upload_file_name("kemasan (1).yml") == "kemasan.yaml"
    assert upload_file_name("../etc/passwd.yaml") is None
    assert upload_file_name("catatan.txt") is None
    assert upload_file_name(".hidden.yaml") is None


async def test_watching_reloads_only_after_the_folder_settles(core: Core) -> None:
    library = core.library
    assert await library.poll() is None  # nothing changed
    path = folder_of(core) / "kemasan.yaml"
    path.write_text(KEMASAN + NEW_ENTRY, encoding="utf-8")
    touch_later(path)
    assert await library.poll() is None  # changed just now: wait one more look
    revision = await library.poll()
    assert revision is not None and revision.applied
    assert revision.changes.added == ("sarang-walet",)
    assert await library.poll() is None  # reported once, not again


async def test_watching_reports_a_broken_file_once_and_ignores_saves_without_changes(
        core: Core) -> None:
    library = core.library
    path = folder_of(core) / "legalitas.yaml"
    path.write_text(LEGALITAS + "  - id: [", encoding="utf-8")
    touch_later(path)
    await library.poll()
    refused = await library.poll()
    assert refused is not None and not refused.applied
    assert all(p.file == "legalitas.yaml" for p in refused.problems)
    touch_later(path)  # saved again, same content
    assert await library.poll() is None and await library.poll() is None


async def test_watching_does_not_report_an_upload_the_admin_already_saw(core: Core) -> None:
    await core.library.upload("kemasan.yaml", (KEMASAN + NEW_ENTRY).encode(), by=ADMIN_ID)
    assert await core.library.poll() is None and await core.library.poll() is None


async def test_download_zips_the_knowledge_files(core: Core) -> None:
    with zipfile.ZipFile(io.BytesIO(core.library.zip())) as archive:
        assert sorted(archive.namelist()) == ["kemasan.yaml", "legalitas.yaml"]
        assert archive.read("kemasan.yaml").decode() == KEMASAN
    assert core.library.zip_name() == "pengetahuan-20261122-1000.zip"
