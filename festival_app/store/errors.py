"""Errors of the festival file that are the environment's fault, told in plain words."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from festival_app.domain.errors import UserError
from festival_app.domain.text import tidy_message
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate


def detail_text(detail: str, params: Mapping[str, object] | None = None) -> str:
    """A detail in the interface's language, made when the message is.

    The store passes `detail` as an English source marked with N("StoreError", ...) ("it is
    not a database"), its slots filled from `params`; a system's own words (an OS error)
    are not in the translation and pass through unchanged.
    """
    text = translate("StoreError", detail) if detail else detail
    if params and "{" in text:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return detail
    return text


class StoreError(UserError):
    """A problem with the festival file that the user can understand and act on.

    `detail` is an English source marked for translation (or a system's own words);
    it is translated when the message is made, so no English is left in a Korean one.
    """

    template = N("StoreError", "The festival file could not be used: {detail}")
    bad_input = False  # True when the file given is at fault (exit code 2), not the system

    def __init__(self, path: object = "", detail: str = "", **params: object) -> None:
        self.path = str(path)
        self.detail = detail
        self.params = params
        super().__init__(self.message())

    def detail_text(self) -> str:
        return detail_text(self.detail, self.params)

    def message(self) -> str:
        return tidy_message(
            translate("StoreError", self.template).format(
                path=self.path, detail=self.detail_text(), **self.params
            )
        )


class FileMissingError(StoreError):
    """There is no file at the path given."""

    bad_input = True
    template = N(
        "StoreError",
        "There is no festival file at {path}. Create one with 'festival-app init {path}'.",
    )


class NotAFestivalFileError(StoreError):
    """The file is not an SQLite festival file."""

    bad_input = True
    template = N("StoreError", "{path} is not a festival file ({detail}). It was left unchanged.")


class _OffersBackup:
    """Mixin: names the newest good backup of the file, when there is one."""

    newest_backup: Path | None = None
    backup_template = N(
        "StoreError",
        "The newest good backup is {backup}, taken {taken}; it can be put in the file's "
        'place (on the command line: festival-app restore --db "{path}" '
        '--from "{backup}").',
    )

    def offer_backup(self, backup: Path | None, taken: datetime | None = None) -> None:
        self.newest_backup = backup
        self._taken = taken
        message = getattr(self, "message", None)
        if message is not None:
            Exception.__init__(self, message())  # type: ignore[arg-type]  # str(error) follows

    def backup_sentence(self, path: str) -> str:
        if self.newest_backup is None:
            return ""
        taken = getattr(self, "_taken", None)
        return translate("StoreError", self.backup_template).format(
            backup=self.newest_backup,
            taken=taken.strftime("%Y-%m-%d %H:%M") if taken else "?",
            path=path,
        )


class NewerVersionError(_OffersBackup, StoreError):
    """The file was written by a newer version of the program."""

    bad_input = True
    template = N(
        "StoreError",
        "{path} was written by a newer version of this program (file format {found}; "
        "this program reads up to {supported}). Please update the program. "
        "The file was left unchanged.",
    )

    def message(self) -> str:
        text = super().message()
        extra = self.backup_sentence(self.path)
        return tidy_message(f"{text} {extra}")


class DamagedFileError(_OffersBackup, StoreError):
    """The file is damaged: it is never written to; `copy` is the copy kept of it (or None)."""

    bad_input = True
    template = N(
        "StoreError",
        "{path} is damaged ({detail}). It was not changed; a copy was kept as {copy}.",
    )
    template_no_copy = N("StoreError", "{path} is damaged ({detail}). It was not changed.")

    def message(self) -> str:
        template = self.template if self.params.get("copy") else self.template_no_copy
        text = translate("StoreError", template).format(
            path=self.path, detail=self.detail_text(), **self.params
        )
        extra = self.backup_sentence(self.path)
        return tidy_message(f"{text} {extra}")

    def keep_copy(self, copy: str | None) -> None:
        """Name the copy kept of the damaged file (None: none could be made)."""
        self.params["copy"] = copy
        Exception.__init__(self, self.message())

    @property
    def copy(self) -> Path | None:
        copy = self.params.get("copy")
        return Path(str(copy)) if copy and copy != "-" else None


class EmptyFileError(DamagedFileError, NotAFestivalFileError):
    """A festival file of zero bytes (a copy cut short): nothing in it to keep a copy of."""

    template_no_copy = N(
        "StoreError", "{path} is empty ({detail}), so it is not a usable festival file."
    )


class ReadOnlyError(StoreError):
    """The file is open read-only, so a change could not be saved."""

    template = N("StoreError", "{path} is open read-only, so this change was not saved. {detail}")


class LockedError(StoreError):
    """Busy, not damaged: another connection holds SQLite's write lock on the file."""

    template = N(
        "StoreError",
        "{path} is busy: another program is writing to it. Nothing was changed; try again "
        "in a moment.",
    )
    holder_template = N(
        "StoreError",
        "{path} is busy: {who}, who has it open since {since}, is writing to it. Nothing "
        "was changed; try again in a moment.",
    )

    def message(self) -> str:
        template = self.holder_template if "who" in self.params else self.template
        return tidy_message(translate("StoreError", template).format(path=self.path, **self.params))


class WriteFailedError(StoreError):
    """The disk refused the change (full, gone, an I/O error); nothing was changed."""

    template = N(
        "StoreError",
        "The change could not be written to {path}: {detail}. "
        "Nothing was changed; the file is as it was before this edit.",
    )


class FolderMissingError(StoreError):
    """A new file's folder does not exist."""

    bad_input = True
    template = N("StoreError", "The folder {folder} does not exist, so {path} cannot be made.")


class ExistsError(StoreError):
    """A new file would replace one that already exists."""

    bad_input = True
    template = N("StoreError", "{path} already exists; it was left unchanged.")


class LockedByOtherError(StoreError):
    """Another copy of the program has the file open for editing (see store/lock.py).

    `holder` describes it; `stale` is True when that program is no longer running (or
    has not shown a sign of life for a long time), so the lock may be taken over.
    """

    template = N(
        "StoreError",
        "{path} is opened by {who} since {since}, so it can only be opened read-only now.",
    )
    stale_template = N(
        "StoreError",
        "{path} was left open by {who} since {since}, but that program is no longer "
        "running (it may have crashed). You can take the file over or open it read-only.",
    )

    def __init__(self, path: object, holder: object, *, stale: bool) -> None:
        self.holder = holder
        self.stale = stale
        who = getattr(holder, "who", lambda: "?")()
        since = getattr(holder, "since", lambda: "?")()
        super().__init__(path, "", who=who, since=since)

    def holder_is_gone(self) -> bool:
        """True when the holder certainly has ended (see store.lock.LockHolder.is_gone)."""
        is_gone = getattr(self.holder, "is_gone", None)
        return bool(is_gone()) if is_gone is not None else False

    def message(self) -> str:
        template = self.stale_template if self.stale else self.template
        return tidy_message(translate("StoreError", template).format(path=self.path, **self.params))


class BackupError(StoreError):
    """A backup could not be made or used."""

    template = N("StoreError", "The backup could not be made or used: {detail}")


class BadBackupError(BackupError):
    """A backup that cannot be restored (damaged, not a festival file, too new)."""

    bad_input = True
    template = N(
        "StoreError",
        "{path} cannot be restored ({detail}). The festival file was not changed.",
    )


class StaleRecordError(StoreError):
    """A record was changed or deleted in the file since it was read here (by another
    program or window): its row no longer has the row_version the record carries, so
    nothing was written (optimistic concurrency, see store/repositories.py).

    `detail` names the record ("The troupe 'Seoul Youth Choir'"); `deleted` tells whether
    its row is gone; `table` and `record_id` say which row it is.
    """

    template = N(
        "StoreError",
        "{detail} was changed elsewhere (by another program or window) since it was read "
        "here. Nothing was written; the record is shown again as it is now.",
    )
    named_template = N(
        "StoreError",
        "{detail} was changed by {who} at {when} since it was read here. Nothing was "
        "written; the record is shown again as it is now.",
    )
    deleted_template = N(
        "StoreError",
        "{detail} was deleted elsewhere (by another program or window) since it was read "
        "here. Nothing was written.",
    )

    def __init__(
        self,
        path: object,
        detail: str,
        *,
        deleted: bool = False,
        table: str = "",
        record_id: int | None = None,
        changed_by: str = "",
        changed_at: str = "",
    ) -> None:
        self.deleted = deleted
        self.table = table
        self.record_id = record_id
        self.changed_by = changed_by  # "HOST (user)" of the last write, when known
        self.changed_at = changed_at  # its time, UTC 'YYYY-MM-DDTHH:MM:SSZ'
        super().__init__(path, detail)

    def message(self) -> str:
        template = self.deleted_template if self.deleted else self.template
        if self.changed_by and not self.deleted:
            template = self.named_template
        return translate("StoreError", template).format(
            path=self.path,
            detail=self.detail_text(),
            who=self.changed_by,
            when=local_time(self.changed_at),
        )


def local_time(stamp: str) -> str:
    """A UTC 'YYYY-MM-DDTHH:MM:SSZ' as this computer's local 'YYYY-MM-DD HH:MM:SS'."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
