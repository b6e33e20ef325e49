"""Files written where the user says (exports, the import template, copies): never over
a festival file, and whole or not at all.

`refuse_protected_target` is the one guard: no output may replace a festival file (the
one being worked on, or any other, whatever its name), its journal or lock file, or
anything in the backups folder. `atomic_output` writes through a temporary file beside
the target that carries the writer's host and process id (`.NAME.HOST.PID.part`), so one
left by a killed writer is recognised and removed by the next write of the same file; a
failing write (disk full, file too large, ...) becomes an `OutputWriteError` in plain
words and leaves nothing behind. Qt-free, like the rest of `store`.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import logging
import os
import re
import stat
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate
from festival_app.store import backup_folder, schema
from festival_app.store import lock as _lock
from festival_app.store.errors import StoreError

logger = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
PART_SUFFIX = ".part"
# A temporary file whose writer cannot be asked (another PC, an older version of the
# program) is removed only once it is this old: no export takes a day.
FOREIGN_PART_AGE_S = 24 * 3600.0
# Beside a festival file NAME, SQLite and the program keep NAME-journal (NAME-wal and
# NAME-shm for a file in WAL mode) and the lock ~NAME.lock.
_COMPANION_SUFFIXES = ("-journal", "-wal", "-shm")

FESTIVAL, FESTIVAL_LINK, JOURNAL, LOCK, BACKUPS, OTHER_FESTIVAL = (
    "festival",
    "festival-link",
    "journal",
    "lock",
    "backups",
    "other-festival",
)


class OutputError(StoreError):
    """An output file that was not written (see the subclasses)."""


class ProtectedTargetError(OutputError):
    """The output would replace a festival file, its journal or lock, or a backup."""

    bad_input = True
    template = N(
        "StoreError",
        "{path} is the festival file. An export or copy never replaces it; nothing was "
        "written. Choose another file name.",
    )
    templates = {
        FESTIVAL: template,
        FESTIVAL_LINK: N(
            "StoreError",
            "{path} is the festival file {festival} under another name (a link). An export "
            "or copy never replaces it; nothing was written. Choose another file name.",
        ),
        JOURNAL: N(
            "StoreError",
            "{path} is the journal of the festival file {festival}. An export or copy never "
            "replaces it; nothing was written. Choose another file name.",
        ),
        LOCK: N(
            "StoreError",
            "{path} is the lock file of the festival file {festival}. An export or copy "
            "never replaces it; nothing was written. Choose another file name.",
        ),
        BACKUPS: N(
            "StoreError",
            "{path} is in the backups folder {folder}. An export or copy is never written "
            "there; nothing was written. Choose another folder.",
        ),
        OTHER_FESTIVAL: N(
            "StoreError",
            "{path} is a festival file. An export or copy never replaces a festival file; "
            "nothing was written. Choose another file name.",
        ),
    }

    def __init__(
        self, path: object, reason: str, *, festival: object = "", folder: object = ""
    ) -> None:
        self.reason = reason
        super().__init__(path, "", festival=str(festival), folder=str(folder))

    def message(self) -> str:
        template = self.templates.get(getattr(self, "reason", FESTIVAL), self.template)
        return translate("StoreError", template).format(path=self.path, **self.params)


class OutputWriteError(OutputError):
    """Writing an output failed for a reason of the system (disk full, too large, ...)."""

    bad_input = False
    template = N(
        "StoreError",
        "{path} could not be written: {detail}. Nothing was written; a file already "
        "there was left unchanged.",
    )


class FolderNotWritableError(OutputError):
    """The target's folder does not take a new file (no permission, read-only, ...)."""

    bad_input = True
    template = N(
        "StoreError",
        "{path} was not written: the folder {folder} cannot be written ({detail}). "
        "Choose another folder.",
    )


# Failures of the system, not of the place the user chose: the disk, its quota, a limit.
_SYSTEM_FAILURES = frozenset(
    n
    for n in (
        errno.ENOSPC,
        errno.EFBIG,
        errno.EIO,
        getattr(errno, "EDQUOT", None),
    )
    if n is not None
)


def write_failure_reason(exc: OSError) -> str:
    """Why a write failed, in plain words."""
    if exc.errno == errno.ENOSPC:
        return translate("StoreError", N("StoreError", "the disk is full"))
    if exc.errno == errno.EFBIG:
        return translate("StoreError", N("StoreError", "the file would be larger than allowed"))
    if exc.errno == getattr(errno, "EDQUOT", None):
        return translate("StoreError", N("StoreError", "the disk quota is used up"))
    return exc.strerror or str(exc)


def pid_running(pid: int) -> bool:
    """Whether process `pid` runs on this computer (asks; never signals it)."""
    return _lock.pid_running(pid)


# -- the guard --------------------------------------------------------------------------


def is_festival_file(path: str | os.PathLike[str]) -> bool:
    """An existing file (of any name) that is a festival file: a SQLite header with our
    application id. Reads the first 100 bytes only; SQLite never opens it."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a folder, a pipe or a device: never read (a pipe would block)
        with open(path, "rb") as handle:
            head = handle.read(100)
    except (OSError, ValueError):  # missing or unreadable: nothing to recognise
        return False
    return (
        len(head) >= 72
        and head.startswith(SQLITE_HEADER)
        and int.from_bytes(head[68:72], "big") == schema.APPLICATION_ID
    )


def _key(path: Path) -> str:
    return os.path.normcase(str(path))


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))


def _resolved(path: Path) -> Path:
    try:
        return _absolute(path).resolve()
    except (OSError, RuntimeError):  # a symlink loop: compare the absolute name
        return _absolute(path)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)  # follows symlinks: a link to the file is the file
    except (OSError, ValueError):
        return None


def _same(target: Path, target_stat: os.stat_result | None, other: Path) -> bool:
    """The same file by resolved name, or by identity (device and inode: hard links)."""
    if _key(_resolved(target)) == _key(_resolved(other)):
        return True
    if target_stat is None:
        return False
    other_stat = _stat(other)
    return other_stat is not None and os.path.samestat(target_stat, other_stat)


def companions(festival: Path) -> list[tuple[str, Path]]:
    """The festival file's journal(s) and lock files, named as given and as resolved."""
    out: list[tuple[str, Path]] = []
    for name in dict.fromkeys((_absolute(festival), _resolved(festival))):
        out.extend((JOURNAL, name.with_name(name.name + s)) for s in _COMPANION_SUFFIXES)
        out.append((LOCK, _lock.lock_path(name)))
    try:
        identity = _lock.identity_lock_path(festival)  # the lock a hard link cannot escape
    except OSError:  # no usable temporary folder: then there is no such lock either
        identity = None
    if identity is not None:
        out.append((LOCK, identity))
    return out


def _inside(folder: Path, target: Path) -> bool:
    """Whether `target` lies in `folder` (or below it), by resolved name or identity."""
    parent = _resolved(target).parent
    folder_resolved = _resolved(folder)
    folder_stat = _stat(folder)
    for ancestor in (parent, *parent.parents):
        if _key(ancestor) == _key(folder_resolved):
            return True
        if folder_stat is not None:
            ancestor_stat = _stat(ancestor)
            if ancestor_stat is not None and os.path.samestat(ancestor_stat, folder_stat):
                return True
    return False


def refuse_protected_target(
    target: str | os.PathLike[str], festival: str | os.PathLike[str] | None = None
) -> None:
    """Raise ProtectedTargetError when writing `target` would replace a festival file.

    Refused: the festival file `festival` itself, its journal or lock file (by resolved
    name and by file identity, so symlinks and hard links count, whether or not they
    exist yet); anything in its backups folder (or another festival file's: they share
    one parent); an existing file that is a festival file of any name, or the journal or
    lock of one beside it.
    """
    target = Path(target)
    target_stat = _stat(target)
    if festival is not None:
        festival = Path(festival)
        if _same(target, target_stat, festival):
            same_name = _key(_absolute(target)) == _key(_absolute(festival))
            reason = FESTIVAL if same_name else FESTIVAL_LINK
            raise ProtectedTargetError(target, reason, festival=festival)
        for reason, path in companions(festival):
            if _same(target, target_stat, path):
                raise ProtectedTargetError(target, reason, festival=festival)
        folder = backup_folder.folder_if_any(festival)
        if folder is not None:
            for protected in (folder, folder.parent):  # its backups, and every file's
                if _inside(protected, target):
                    raise ProtectedTargetError(target, BACKUPS, folder=protected)
    if is_festival_file(target):
        raise ProtectedTargetError(target, OTHER_FESTIVAL)
    owner = _companion_of(target)
    if owner is not None:
        reason = LOCK if target.name.startswith("~") else JOURNAL
        raise ProtectedTargetError(target, reason, festival=owner)


def _companion_of(target: Path) -> Path | None:
    """The festival file beside `target` whose journal or lock file `target` names."""
    name = target.name
    candidates: list[Path] = []
    if name.startswith("~") and name.endswith(".lock") and len(name) > 6:
        candidates.append(target.with_name(name[1:-5]))
    for suffix in _COMPANION_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            candidates.append(target.with_name(name[: -len(suffix)]))
    for candidate in candidates:
        if is_festival_file(candidate):
            return candidate
    return None


# -- temporary files named after their writer --------------------------------------------

_active: set[str] = set()  # temporary files this process is writing right now
_active_lock = threading.Lock()


def _host_tag() -> str:
    return re.sub(r"[^A-Za-z0-9-]+", "-", _lock.this_host()).strip("-")[:40] or "host"


def _part_pattern(target: Path) -> re.Pattern[str]:
    """`.NAME.HOST.PID.part` and `.NAME.HOST.PID-N.part` of one target."""
    return re.compile(
        rf"^\.{re.escape(target.name)}\.(?P<host>[A-Za-z0-9-]+)\.(?P<pid>\d+)(?:-\d+)?"
        rf"{re.escape(PART_SUFFIX)}$"
    )


def _legacy_pattern(target: Path) -> re.Pattern[str]:
    """What earlier versions named their temporary file: `.STEM-RANDOM.SUFFIX.part`."""
    return re.compile(
        rf"^\.{re.escape(target.stem)}-[A-Za-z0-9_]{{8}}{re.escape(target.suffix + PART_SUFFIX)}$"
    )


def part_name(target: Path, pid: int | None = None, n: int = 1) -> Path:
    """The temporary file of process `pid` (this one) writing `target`:
    `.NAME.HOST.PID.part`, `.NAME.HOST.PID-2.part` for its second at once."""
    pid = os.getpid() if pid is None else pid
    extra = "" if n == 1 else f"-{n}"
    return target.with_name(f".{target.name}.{_host_tag()}.{pid}{extra}{PART_SUFFIX}")


def _create_part(target: Path) -> Path:
    """Create this writer's temporary file beside `target` (never an existing one)."""
    for n in range(1, 1000):
        part = part_name(target, n=n)
        with _active_lock:
            if str(part) in _active:
                continue  # another thread of this process writes the same file
            try:
                fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                continue  # a leftover that could not be removed: leave it be
            _active.add(str(part))
        os.close(fd)
        return part
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))


def stale_parts(target: str | os.PathLike[str], *, now: float | None = None) -> list[Path]:
    """Temporary files of writes of `target` whose writer is gone: killed or crashed."""
    target = Path(target)
    now = time.time() if now is None else now
    ours, legacy, host = _part_pattern(target), _legacy_pattern(target), _host_tag()
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    out: list[Path] = []
    for name in names:
        if not name.endswith(PART_SUFFIX):
            continue
        path = target.parent / name
        match = ours.match(name)
        if match is not None and match["host"] == host:
            pid = int(match["pid"])
            if pid == os.getpid():
                with _active_lock:
                    gone = str(path) not in _active
            else:
                gone = not pid_running(pid)
        elif match is not None or legacy.match(name):
            try:
                gone = now - os.stat(path).st_mtime > FOREIGN_PART_AGE_S
            except OSError:
                gone = False
        else:
            continue
        if gone:
            out.append(path)
    return out


def remove_stale_parts(target: str | os.PathLike[str]) -> list[Path]:
    """Remove what `stale_parts` finds; returns what was removed."""
    removed: list[Path] = []
    for path in stale_parts(target):
        try:
            path.unlink()
        except OSError:
            continue
        logger.info("removed %s, left by an interrupted write", path)
        removed.append(path)
    return removed


@contextlib.contextmanager
def atomic_output(
    target: str | os.PathLike[str], festival: str | os.PathLike[str] | None = None
) -> Iterator[Path]:
    """Yield a temporary path beside `target`; put it in `target`'s place only when the
    block ends without an error.

    Refuses a protected target first (see `refuse_protected_target`), and again just
    before the rename. An OSError while writing (in the block or on renaming) comes out
    as OutputWriteError; on any failure or cancel the temporary file is removed and a
    file already at `target` stays as it was. The caller checks the folder beforehand.
    """
    target = Path(target)
    refuse_protected_target(target, festival)
    remove_stale_parts(target)
    try:
        part = _create_part(target)
    except OSError as exc:
        if exc.errno in _SYSTEM_FAILURES:
            raise OutputWriteError(target, write_failure_reason(exc)) from exc
        raise FolderNotWritableError(
            target, write_failure_reason(exc), folder=target.parent
        ) from exc
    done = False
    try:
        yield part
        refuse_protected_target(target, festival)  # it may have appeared meanwhile
        _copy_mode(target, part)
        os.replace(part, target)
        done = True
    except OSError as exc:
        _release_quietly(exc)
        raise OutputWriteError(target, write_failure_reason(exc)) from exc
    finally:
        with _active_lock:
            _active.discard(str(part))
        if not done:
            with contextlib.suppress(OSError):
                part.unlink()


def _release_quietly(exc: BaseException) -> None:
    """Let go of what the failed writer left half-open, now and without a word.

    A writer library may keep its file in a generator of a frame of the traceback
    (openpyxl does); when that is collected later, closing it fails once more on the same
    full disk and Python prints "Exception ignored in: <generator ...>" with a traceback
    under the command's plain message. The finished frames are cleared and collected
    here, with such second failures ignored. Only on the main thread (the command line):
    a collection on a worker thread could finalise the window's Qt objects there.
    """
    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, OSError):
            previous(unraisable)

    sys.unraisablehook = hook
    try:
        traceback.clear_frames(exc.__traceback__)  # frees what only they held (a ZipFile)
        if threading.current_thread() is threading.main_thread():
            gc.collect()  # and what is held in a cycle (openpyxl's generators)
    finally:
        sys.unraisablehook = previous


def _read_umask() -> int:
    # Reading the umask means setting it: done once, at import, not while threads write.
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_UMASK = _read_umask()


def _copy_mode(target: Path, part: Path) -> None:
    """The permissions of the file being replaced, or the usual ones of a new file."""
    with contextlib.suppress(OSError):
        if target.exists():
            os.chmod(part, target.stat().st_mode & 0o777)
        else:
            os.chmod(part, 0o666 & ~_UMASK)
