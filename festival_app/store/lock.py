"""One writer at a time: a lock file beside the festival file.

SQLite's own locks only last for one transaction, and over network folders they are not
to be trusted, so two people could otherwise edit one file from two PCs and overwrite
each other's work. The program that opens a file for editing creates `~NAME.lock` beside
it, atomically (O_EXCL), holding who has it; others are told and may open it read-only.

A lock left by a crashed program is recognised as stale: on the same PC when its process
is gone, from another PC when its heartbeat (the lock file's modification time, refreshed
every minute while the file is open) is older than `STALE_AFTER_S`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.store import errors

logger = logging.getLogger(__name__)

HEARTBEAT_S = 60.0
STALE_AFTER_S = 10 * 60.0  # ten missed heartbeats: the other program is gone
UNREADABLE_GRACE_S = 5.0  # a lock file still being written looks empty for a moment


def lock_path(path: Path) -> Path:
    """`~NAME.lock` beside the festival file (the tilde sorts it away from the file).

    A symbolic link is followed first, so every name of the file shares one lock.
    """
    resolved = path.resolve()
    return resolved.with_name(f"~{resolved.name}.lock")


def identity_lock_path(path: Path) -> Path | None:
    """The lock of the file's identity on this computer (device and inode), which a
    hard link under another name cannot escape; None when the file cannot be examined."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return _identity_folder() / f"{stat.st_dev}-{stat.st_ino}.lock"


def _identity_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "festival-app-locks"
    if not folder.is_dir():
        with contextlib.suppress(OSError):
            folder.mkdir(exist_ok=True)
            os.chmod(folder, 0o1777)  # every user of this computer locks files here
    return folder


def this_host() -> str:
    """This computer's name ("?" when it has none)."""
    if hasattr(os, "uname"):  # read directly: the platform module is slow to import
        return os.uname().nodename or "?"
    import platform

    return platform.node() or "?"


def this_user() -> str:
    import getpass  # only when the name is needed (getpass imports termios)

    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (services, containers)
        return "?"


@dataclass(frozen=True)
class LockHolder:
    """Who holds a lock, as written in the lock file."""

    host: str
    user: str
    pid: int
    started: datetime
    token: str = ""
    heartbeat: float = 0.0  # the lock file's mtime when read
    file: str = ""  # the festival file, as its holder resolved it

    def who(self) -> str:
        """'KIM-PC (kim)'."""
        return f"{self.host} ({self.user})"

    def since(self, now: datetime | None = None) -> str:
        """'10:32' today, '2026-11-26 10:32' on another day."""
        now = now or datetime.now()
        local = self.started.astimezone() if self.started.tzinfo else self.started
        if local.date() == now.date():
            return local.strftime("%H:%M")
        return local.strftime("%Y-%m-%d %H:%M")

    def is_gone(self) -> bool:
        """True when the holder certainly is gone: a process of this computer that has
        ended (killed, crashed)."""
        return self.host == this_host() and self.pid > 0 and not pid_running(self.pid)

    def is_stale(self, now: float | None = None) -> bool:
        """True when the holder is certainly or very probably gone."""
        now = time.time() if now is None else now
        return self.is_gone() or now - self.heartbeat > STALE_AFTER_S

    def to_json(self) -> str:
        import json  # imported when a lock is written or read, not with the store

        return json.dumps(
            {
                "host": self.host,
                "user": self.user,
                "pid": self.pid,
                "started": self.started.isoformat(timespec="seconds"),
                "token": self.token,
                "file": self.file,
            }
        )


def pid_running(pid: int) -> bool:
    """True when a process with this id exists on this computer."""
    if sys.platform == "win32":
        # os.kill(pid, 0) would terminate the process on Windows: ask, never signal.
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    except OSError:
        return False
    return True


def read_holder(path: Path) -> LockHolder | None:
    """The holder written in lock file `path`, or None when there is none or it is unreadable."""
    import json

    try:
        stat = path.stat()
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(
            host=str(data["host"]),
            user=str(data["user"]),
            pid=int(data["pid"]),
            started=datetime.fromisoformat(str(data["started"])),
            token=str(data.get("token", "")),
            heartbeat=stat.st_mtime,
            file=str(data.get("file", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


class FileLock:
    """The lock this program holds on one festival file, with its heartbeat."""

    def __init__(self, festival_path: Path, holder: LockHolder) -> None:
        self.festival_path = festival_path
        self.path = lock_path(festival_path)
        self.identity_path: Path | None = None  # taken after the named lock
        self.holder = holder
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def acquire(cls, festival_path: Path, *, take_over: bool = False) -> FileLock:
        """Take the lock or raise LockedByOtherError naming who has it.

        With `take_over`, a stale lock is replaced; a live one never is.
        """
        holder = LockHolder(
            host=this_host(),
            user=this_user(),
            pid=os.getpid(),
            started=datetime.now().astimezone(),
            token=os.urandom(16).hex(),  # as random as a uuid4, without importing uuid
            file=str(festival_path.resolve()),
        )
        lock = cls(festival_path, holder)
        for _attempt in range(3):
            if lock._create(lock.path):
                try:
                    lock._take_identity()
                except BaseException:
                    with contextlib.suppress(OSError):
                        lock.path.unlink()
                    raise
                lock._start_heartbeat()
                return lock
            other = read_holder(lock.path)
            if other is None:
                other = _unreadable_holder(lock.path)
                if other is None:
                    continue  # it vanished meanwhile: try again
            stale = other.is_stale()
            if not (stale and take_over):
                raise errors.LockedByOtherError(festival_path, other, stale=stale)
            logger.warning("taking over the stale lock of %s held by %s", festival_path, other)
            with contextlib.suppress(FileNotFoundError):
                lock.path.unlink()
        raise errors.LockedByOtherError(
            festival_path, read_holder(lock.path) or _unknown_holder(), stale=False
        )

    def _create(self, path: Path) -> bool:
        """Create lock file `path` holding this holder, whole or not at all.

        The lock is written under a temporary name first and then linked into place,
        which fails when `path` exists: a program killed in between leaves no empty,
        unreadable lock that would block everybody.
        """
        _remove_abandoned_drafts(path)
        draft = path.with_name(f"{path.name}.{os.getpid()}.draft")
        try:
            fd = os.open(draft, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o644)
            try:
                os.write(fd, self.holder.to_json().encode("utf-8"))
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                os.link(draft, path)
            except FileExistsError:
                return False
            except OSError:
                # No hard links here (some network shares): create in one step instead.
                return self._create_exclusive(path)
            return True
        except OSError as exc:
            raise errors.StoreError(
                self.festival_path,
                N("StoreError", "the lock file could not be created: {error}"),
                error=exc.strerror or exc,
            ) from exc
        finally:
            with contextlib.suppress(OSError):
                draft.unlink()

    def _create_exclusive(self, path: Path) -> bool:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return False
        try:
            os.write(fd, self.holder.to_json().encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        return True

    def _take_identity(self) -> None:
        """Lock the file's identity too: another name of the same file (a hard link) has
        another `~NAME.lock`, but the same device and inode."""
        path = identity_lock_path(self.festival_path)
        if path is None:
            return
        for _attempt in range(3):
            try:
                if self._create(path):
                    self.identity_path = path
                    return
            except errors.StoreError:
                # No shared temporary folder to lock in: the named lock still holds.
                logger.warning("no identity lock for %s", self.festival_path, exc_info=True)
                return
            other = read_holder(path) or _unreadable_holder(path)
            if other is None:
                continue  # it vanished meanwhile: try again
            if not _obsolete_identity(other, path):
                raise errors.LockedByOtherError(self.festival_path, other, stale=False)
            logger.info("removing the obsolete identity lock %s", path)
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        raise errors.LockedByOtherError(
            self.festival_path, read_holder(path) or _unknown_holder(), stale=False
        )

    def still_ours(self) -> bool:
        other = read_holder(self.path)
        return other is not None and other.token == self.holder.token

    def heartbeat(self) -> None:
        """Show that this program is still alive (refresh the lock files' mtimes)."""
        for path in (self.path, self.identity_path):
            if path is None:
                continue
            try:
                os.utime(path)
            except OSError:  # the folder went away; writing will tell the user
                logger.warning("lock heartbeat failed for %s", path, exc_info=True)

    def _start_heartbeat(self) -> None:
        def beat() -> None:
            while not self._stop.wait(HEARTBEAT_S):
                self.heartbeat()

        self._thread = threading.Thread(target=beat, name="festival-lock-heartbeat", daemon=True)
        self._thread.start()

    def release(self) -> None:
        """Remove the lock file, unless another program took it over meanwhile."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1.0)
            self._thread = None
        if self.still_ours():
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        if self.identity_path is not None:
            other = read_holder(self.identity_path)
            if other is not None and other.token == self.holder.token:
                with contextlib.suppress(FileNotFoundError):
                    self.identity_path.unlink()
            self.identity_path = None


_DRAFT = re.compile(r"^(?P<lock>.+)\.(?P<pid>\d+)\.draft$")


def _remove_abandoned_drafts(path: Path) -> None:
    """Remove the drafts of lock file `path` left by programs killed while writing one."""
    import glob

    with contextlib.suppress(OSError):
        for candidate in path.parent.glob(f"{glob.escape(path.name)}.*.draft"):
            match = _DRAFT.match(candidate.name)
            if match and int(match["pid"]) != os.getpid() and not pid_running(int(match["pid"])):
                candidate.unlink(missing_ok=True)


def _obsolete_identity(holder: LockHolder, path: Path) -> bool:
    """An identity lock that no longer stands for a live hold of that file: its program
    is gone, or the file it named is gone and its inode number was given to another."""
    if holder.is_stale():
        return True
    if not holder.file:
        return False
    return identity_lock_path(Path(holder.file)) != path


def _unreadable_holder(path: Path) -> LockHolder | None:
    """A lock file that cannot be read: being written right now, or left half-written."""
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return None
    holder = _unknown_holder()
    # Fresh: someone is writing it this instant. Old: a crash left it half-written.
    if time.time() - mtime < UNREADABLE_GRACE_S:
        return LockHolder("?", "?", 0, holder.started, heartbeat=time.time())
    return LockHolder("?", "?", 0, holder.started, heartbeat=0.0)


def _unknown_holder() -> LockHolder:
    return LockHolder("?", "?", 0, datetime.now().astimezone(), heartbeat=time.time())
