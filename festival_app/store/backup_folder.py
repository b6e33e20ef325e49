"""Where a festival file's backups are kept: the user data folder's `backups/`, one
subfolder per festival file."""

from __future__ import annotations

from pathlib import Path

from festival_app import paths
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.store import errors


def folder_for(path: str | Path) -> Path:
    """The backups subfolder of one festival file.

    Named after the file and a short hash of where it is, so two files both called
    festival.sqlite3 in different folders keep their backups apart.
    """
    import hashlib  # here, not with the store: loading OpenSSL is slow for a start-up

    path = Path(path).resolve()
    digest = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:8]
    try:
        folder = paths.backups_dir() / f"{path.name}-{digest}"
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise errors.BackupError(
            path, N("StoreError", "the backups folder cannot be written ({error})"), error=exc
        ) from exc
    return folder


def folder_if_any(path: str | Path) -> Path | None:
    """The backups subfolder of one festival file, or None when none can be made (no user
    data folder can be written)."""
    try:
        return folder_for(path)
    except errors.StoreError:
        return None
