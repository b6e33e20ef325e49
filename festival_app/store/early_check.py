"""A festival file's check started ahead of its opening, on another thread.

Opening checks the whole file (`triage.inspect`: `quick_check`, `foreign_key_check`,
the values), which reads every page: 15 ms for a 100x festival. While the window starts,
the main thread spends far longer importing its modules, so the window starts the check
first (`start`) and the check's reading runs on a second core meanwhile; SQLite lets
go of Python's lock while it reads. `Database.open` then takes the result (`take`).

A result is used only when it says the file is sound, the file is the same as when it
was checked (device, inode, size, modification time, SQLite's change counter) and it was
checked recently. Anything else (a damaged or busy file, a changed one, a hot journal)
is checked again on the opening's own thread, so what the user is told never depends
on this.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

from festival_app.store import triage

logger = logging.getLogger(__name__)

FRESH_FOR_S = 10.0  # an older result is checked again (the window may have waited)

_started: dict[Path, _Check] = {}


def _identity(path: Path) -> tuple[int, ...] | None:
    """What changes when the file does: where it is, its size and time, and SQLite's
    change counter (header bytes 24-27, counted up by every committed write)."""
    try:
        with path.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            handle.seek(24)
            counter = int.from_bytes(handle.read(4), "big")
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, counter)


class _Check:
    """`triage.inspect(path)` running on a thread of its own."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.version: int | None = None  # set when the file was found sound
        self.identity = _identity(path)
        self.finished_at = 0.0
        self._thread = threading.Thread(target=self._run, name="festival-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self.version = triage.inspect(self.path)
        except Exception as exc:  # told by the opening's own check, which runs again
            logger.debug("the early check of %s found: %r", self.path, exc)
        finally:
            self.finished_at = time.monotonic()

    def result(self) -> int | None:
        self._thread.join()
        fresh = time.monotonic() - self.finished_at < FRESH_FOR_S
        unchanged = self.identity is not None and _identity(self.path) == self.identity
        return self.version if fresh and unchanged else None


def start(path: str | os.PathLike[str]) -> None:
    """Start checking the festival file at `path` on another thread (nothing when it is
    not a file, or has a journal that opening has to roll back first)."""
    path = Path(path).resolve()
    if path in _started or not path.is_file() or triage.journal_path(path).exists():
        return
    _started[path] = _Check(path)


def take(path: str | os.PathLike[str]) -> int | None:
    """The schema version found by a check started for `path`, when that check found
    the file sound and it has not changed since; None otherwise (check it now)."""
    check = _started.pop(Path(path).resolve(), None)
    return None if check is None else check.result()
