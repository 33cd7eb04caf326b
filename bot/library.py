"""The knowledge files on disk, kept current safely: reload, upload, backups, watching, zip.

Every change goes through the same gate as `exportbot kb check`: the folder is validated as it
would be after the change, and only a valid base is swapped in, whole (questions already being
answered keep the base they started with). A refused change leaves both the files and the live
base as they were. Replaced files are kept as timestamped backups beside the database, outside
the knowledge folder, so they are never loaded as knowledge.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import io
import logging
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from bot import texts
from bot.clock import Clock
from bot.config import Config
from bot.knowledge import (
    MAX_FILE_BYTES,
    KnowledgeBase,
    KnowledgeChanges,
    KnowledgeError,
    Problem,
    load_knowledge,
)
from bot.replies import Reply, esc, fit_message
from bot.roles import Roles

log = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = MAX_FILE_BYTES
BACKUPS_KEPT_PER_FILE = 20
BACKUP_FOLDER = "kb-backups"
# Phones add " (1)" to a re-downloaded file's name; the admin still means the same file.
_UPLOAD_NAME = re.compile(r"^(?P<stem>[a-z0-9][a-z0-9_-]{0,39})(?: ?\(\d+\))?\.ya?ml$")
_BACKUP_NAME = re.compile(r"^(?P<file>[a-z0-9][a-z0-9_-]*\.yaml)\.(?P<stamp>\d{8}-\d{6})"
                          r"(?:-\d+)?\.bak$")
_STAMP = "%Y%m%d-%H%M%S"

Fingerprint = dict[str, tuple[int, int]]  # file name -> (size, mtime in ns)


@dataclass(frozen=True)
class Backup:
    """A previous version of one knowledge file."""

    name: str  # the backup's own file name, also its id in buttons
    file: str  # the knowledge file it is a version of
    taken_at: dt.datetime  # when it was replaced (timezone-aware)
    size: int


@dataclass(frozen=True)
class Revision:
    """What came of a reload, upload or restore: applied (with changes) or refused."""

    applied: bool
    problems: tuple[Problem, ...] = ()
    changes: KnowledgeChanges = field(default_factory=lambda: KnowledgeChanges((), (), ()))
    entries: int = 0  # entries in the live base afterwards
    file: str = ""  # the file uploaded or restored
    backup: Backup | None = None  # the version it replaced, if any

    @property
    def changed_anything(self) -> bool:
        c = self.changes
        return bool(c.added or c.changed or c.removed)


def upload_file_name(name: str) -> str | None:
    """The knowledge file an uploaded document replaces, or None if the name is unusable."""
    match = _UPLOAD_NAME.match(name.strip().lower())
    return f"{match.group('stem')}.yaml" if match else None


class Library:
    """The knowledge folder and its backups; swaps the live base only when the result is valid."""

    def __init__(
        self,
        config: Config,
        clock: Clock,
        roles: Roles,
        current: Callable[[], KnowledgeBase],
        install: Callable[[KnowledgeBase], None],
    ) -> None:
        self.folder = config.knowledge_dir
        self.backups_folder = config.database.parent / BACKUP_FOLDER
        self.matcher_config = config.matcher
        self.timezone = config.timezone
        self.clock = clock
        self.roles = roles
        self._current = current
        self._install = install
        self._lock = asyncio.Lock()  # one change at a time: check, write and swap together
        self._seen: Fingerprint = self.fingerprint()
        self._settling: Fingerprint | None = None
        self._last_tried: dict[str, str] = dict(current().files)

    # --- reload -----------------------------------------------------------------------------

    async def reload(self) -> Revision:
        """Re-read the folder; swap the base in only if every file is valid."""
        async with self._lock:
            return await self._reload()

    async def _reload(self) -> Revision:
        self._seen = self.fingerprint()
        self._settling = None
        try:
            kb = await asyncio.to_thread(load_knowledge, self.folder, self.matcher_config)
        except KnowledgeError as exc:
            self._last_tried = self._disk_hashes()
            log.warning("knowledge reload refused: %d problem(s)", len(exc.problems))
            return Revision(applied=False, problems=tuple(exc.problems))
        self._last_tried = dict(kb.files)
        return self._swap(kb)

    def _swap(self, kb: KnowledgeBase, file: str = "", backup: Backup | None = None) -> Revision:
        changes = kb.changes_from(self._current())
        self._install(kb)
        log.info("knowledge base swapped: %d entries (+%d ~%d -%d)", len(kb.entries),
                 len(changes.added), len(changes.changed), len(changes.removed))
        return Revision(applied=True, changes=changes, entries=len(kb.entries), file=file,
                        backup=backup)

    # --- watching the folder ----------------------------------------------------------------

    def fingerprint(self) -> Fingerprint:
        """Size and modification time of every knowledge file: cheap to compare often."""
        found: Fingerprint = {}
        if self.folder.is_dir():
            for path in self.folder.glob("*.yaml"):
                try:
                    stat = path.stat()
                except OSError:  # deleted between glob and stat
                    continue
                found[path.name] = (stat.st_size, stat.st_mtime_ns)
        return found

    def _disk_hashes(self) -> dict[str, str]:
        hashes = {}
        for name in self.fingerprint():
            try:
                hashes[name] = hashlib.sha256((self.folder / name).read_bytes()).hexdigest()
            except OSError:
                continue
        return hashes

    async def poll(self) -> Revision | None:
        """Called every few seconds: reload after files changed and then stayed still.

        Editors save in several steps and admins copy several files, so a change is acted on
        only once the folder looks the same on two polls in a row (debounce). Returns None
        when there is nothing to report, including saves that left the content unchanged.
        """
        if self._lock.locked():
            return None
        now = self.fingerprint()
        if now == self._seen:
            self._settling = None
            return None
        if now != self._settling:
            self._settling = now
            return None
        async with self._lock:
            if await asyncio.to_thread(self._disk_hashes) == self._last_tried:
                self._seen, self._settling = now, None
                return None
            return await self._reload()

    # --- uploads ----------------------------------------------------------------------------

    async def upload(self, file_name: str, data: bytes, by: int) -> Revision:
        """Apply an uploaded file if the folder stays valid with it; back up the old version."""
        problems = _upload_problems(file_name, data)
        if problems:
            await self.roles.audit(by, "kb.upload", f"{file_name}: refused", allowed=True)
            return Revision(applied=False, problems=problems, file=file_name)
        text = data.decode("utf-8-sig")
        async with self._lock:
            revision = await self._replace(file_name, text)
        outcome = "applied" if revision.applied else "refused"
        await self.roles.audit(by, "kb.upload", f"{file_name}: {outcome}", allowed=True)
        return revision

    async def _replace(self, file_name: str, text: str) -> Revision:
        """Check the folder with `file_name` as `text`; if valid, back up, write and swap."""
        try:
            kb = await asyncio.to_thread(load_knowledge, self.folder, self.matcher_config,
                                         {file_name: text})
        except KnowledgeError as exc:
            return Revision(applied=False, problems=tuple(exc.problems), file=file_name)
        backup = self._back_up(file_name)
        self._write(file_name, text)
        self._seen = self.fingerprint()
        self._settling = None
        self._last_tried = dict(kb.files)
        return self._swap(kb, file=file_name, backup=backup)

    def _write(self, file_name: str, text: str) -> None:
        """Write atomically, so the watcher or a restart never reads half a file."""
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f".{file_name}.uploading"  # not *.yaml: never loaded
        temporary.write_bytes(text.encode("utf-8"))
        os.replace(temporary, self.folder / file_name)

    # --- backups ----------------------------------------------------------------------------

    def _back_up(self, file_name: str) -> Backup | None:
        """Copy the current version of `file_name` aside; None if it did not exist yet."""
        source = self.folder / file_name
        if not source.is_file():
            return None
        self.backups_folder.mkdir(parents=True, exist_ok=True)
        taken_at = self.clock.now().astimezone(self.timezone)
        base = f"{file_name}.{taken_at.strftime(_STAMP)}"
        name, counter = f"{base}.bak", 1
        while (self.backups_folder / name).exists():  # several changes within one second
            name, counter = f"{base}-{counter}.bak", counter + 1
        data = source.read_bytes()
        (self.backups_folder / name).write_bytes(data)
        self._prune(file_name)
        return Backup(name, file_name, taken_at, len(data))

    def _prune(self, file_name: str) -> None:
        old = [b for b in self.backups() if b.file == file_name][BACKUPS_KEPT_PER_FILE:]
        for backup in old:
            (self.backups_folder / backup.name).unlink(missing_ok=True)

    def backups(self) -> list[Backup]:
        """Every backup, newest first."""
        found = []
        if self.backups_folder.is_dir():
            for path in self.backups_folder.iterdir():
                match = _BACKUP_NAME.match(path.name)
                if not match:
                    continue
                stamp = dt.datetime.strptime(match.group("stamp"), _STAMP)
                found.append(Backup(path.name, match.group("file"),
                                    stamp.replace(tzinfo=self.timezone), path.stat().st_size))
        return sorted(found, key=lambda b: (b.taken_at, b.name), reverse=True)

    def backup(self, name: str) -> Backup | None:
        return next((b for b in self.backups() if b.name == name), None)

    async def restore(self, name: str, by: int) -> Revision | None:
        """Put a backup back (validated like an upload); None if no such backup."""
        backup = self.backup(name)
        if backup is None:
            return None
        data = (self.backups_folder / backup.name).read_bytes()
        problems = _upload_problems(backup.file, data)
        if problems:
            return Revision(applied=False, problems=problems, file=backup.file)
        async with self._lock:
            revision = await self._replace(backup.file, data.decode("utf-8-sig"))
        outcome = "applied" if revision.applied else "refused"
        await self.roles.audit(by, "kb.restore", f"{name}: {outcome}", allowed=True)
        return revision

    # --- download ---------------------------------------------------------------------------

    def zip(self) -> bytes:
        """The knowledge files as they are on disk now, in one zip."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(self.folder.glob("*.yaml")) + sorted(self.folder.glob("*.md")):
                if path.is_file():
                    archive.write(path, arcname=path.name)
        return buffer.getvalue()

    def zip_name(self) -> str:
        return f"pengetahuan-{self.clock.now().astimezone(self.timezone):%Y%m%d-%H%M}.zip"


def _upload_problems(file_name: str, data: bytes) -> tuple[Problem, ...]:
    """What is wrong with the file before YAML is even looked at: size and encoding."""
    if len(data) > MAX_UPLOAD_BYTES:
        return (Problem(file_name, 1, f"file is larger than {MAX_UPLOAD_BYTES // 1000} KB"),)
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return (Problem(file_name, line, "not UTF-8 text: save the file as UTF-8"),)
    return ()


# --- rendering ------------------------------------------------------------------------------

PROBLEMS_SHOWN = 25
_KINDS = {  # what happened -> (text when applied, text when refused)
    "reload": (texts.ADMIN_RELOAD_APPLIED, texts.ADMIN_RELOAD_REFUSED),
    "watch": (texts.ADMIN_WATCH_APPLIED, texts.ADMIN_WATCH_REFUSED),
    "upload": (texts.ADMIN_UPLOAD_APPLIED, texts.ADMIN_UPLOAD_REFUSED),
    "restore": (texts.ADMIN_RESTORE_APPLIED, texts.ADMIN_RESTORE_REFUSED),
}


def when_id(moment: dt.datetime) -> str:
    """A backup's time for admins: '22 November 2026 10.15'."""
    return f"{texts.date_id(moment.date())} {moment:%H.%M}"


def revision_reply(revision: Revision, kind: str, when: str = "") -> Reply:
    """The admin's message for a reload ('reload', 'watch'), 'upload' or 'restore'."""
    applied_text, refused_text = _KINDS[kind]
    if not revision.applied:
        lines = [texts.ADMIN_PROBLEM.format(problem=esc(p))
                 for p in revision.problems[:PROBLEMS_SHOWN]]
        if len(revision.problems) > PROBLEMS_SHOWN:
            lines.append(texts.ADMIN_PROBLEMS_MORE.format(
                count=len(revision.problems) - PROBLEMS_SHOWN))
        return Reply(fit_message(refused_text.format(
            count=len(revision.problems), problems="\n".join(lines), file=esc(revision.file),
            when=when)))
    if revision.backup is not None:
        backup = texts.ADMIN_UPLOAD_BACKUP.format(when=when_id(revision.backup.taken_at))
    else:
        backup = texts.ADMIN_UPLOAD_NEW_FILE
    return Reply(fit_message(applied_text.format(
        entries=revision.entries, changes=_changes_text(revision), file=esc(revision.file),
        backup=backup, when=when)))


def _changes_text(revision: Revision) -> str:
    if not revision.changed_anything:
        return texts.ADMIN_NO_CHANGES
    c = revision.changes

    def ids(found: tuple[str, ...]) -> str:
        return ", ".join(esc(i) for i in found) if found else texts.ADMIN_NOTHING

    return texts.ADMIN_CHANGES.format(added=ids(c.added), changed=ids(c.changed),
                                      removed=ids(c.removed))
