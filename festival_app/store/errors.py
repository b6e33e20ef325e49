"""Errors of the festival file that are the environment's fault, told in plain words."""

from __future__ import annotations

from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate


class StoreError(Exception):
    """A problem with the festival file that the user can understand and act on."""

    template = N("StoreError", "The festival file could not be used: {detail}")
    bad_input = False  # True when the file given is at fault (exit code 2), not the system

    def __init__(self, path: object = "", detail: str = "", **params: object) -> None:
        self.path = str(path)
        self.detail = detail
        self.params = params
        super().__init__(self.message())

    def message(self) -> str:
        return translate("StoreError", self.template).format(
            path=self.path, detail=self.detail, **self.params
        )


class FileMissingError(StoreError):
    bad_input = True
    template = N(
        "StoreError",
        "There is no festival file at {path}. Create one with 'festival-app init {path}'.",
    )


class NotAFestivalFileError(StoreError):
    bad_input = True
    template = N("StoreError", "{path} is not a festival file ({detail}). It was left unchanged.")


class NewerVersionError(StoreError):
    bad_input = True
    template = N(
        "StoreError",
        "{path} was written by a newer version of this program (file format {found}; "
        "this program reads up to {supported}). Please update the program. "
        "The file was left unchanged.",
    )


class DamagedFileError(StoreError):
    bad_input = True
    template = N(
        "StoreError",
        "{path} is damaged ({detail}). It was not changed; a copy was kept as {copy}.",
    )


class ReadOnlyError(StoreError):
    template = N("StoreError", "{path} is open read-only, so this change was not saved. {detail}")


class LockedError(StoreError):
    template = N(
        "StoreError",
        "The festival file is busy: another program is writing to it. Try again in a moment.",
    )


class WriteFailedError(StoreError):
    template = N(
        "StoreError",
        "The change could not be written to {path}: {detail}. "
        "Nothing was changed; the file is as it was before this edit.",
    )


class ExistsError(StoreError):
    bad_input = True
    template = N("StoreError", "{path} already exists; it was left unchanged.")
