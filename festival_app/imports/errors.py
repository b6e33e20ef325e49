"""What can go wrong with a workbook: the whole file (WorkbookError) or one cell (ImportProblem)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from festival_app.domain.errors import Severity, UserError
from festival_app.domain.text import tidy_message
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate

CONTEXT = "Import"


class WorkbookError(UserError):
    """The workbook cannot be imported at all; nothing was changed.

    The message is one plain line, marked for translation in the "Import" context.
    """

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message())

    def message(self) -> str:
        # A detail may itself be a whole sentence ending in a full stop.
        return tidy_message(translate(CONTEXT, self.template).format(**self.params))


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong in a workbook, with where it is and, if one is close, a suggestion.

    `sheet` is the canonical English sheet name, `column` the English header (empty when
    the problem concerns a whole row or sheet), `row` the spreadsheet row number (0 for
    the whole sheet).
    """

    sheet: str
    row: int
    column: str
    template: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)
    suggestion: str = ""
    severity: Severity = Severity.ERROR
    translate_params: bool = False  # params hold marked text of the "Validation" context

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    def text(self) -> str:
        """What is wrong, without the place."""
        if self.translate_params:
            from festival_app.domain.errors import Problem

            body = Problem("", self.template, self.params).message()
        else:
            body = translate(CONTEXT, self.template).format(**self.params)
        if self.suggestion:
            body = translate(CONTEXT, "{text}; did you mean '{suggestion}'?").format(
                text=body.rstrip("."), suggestion=self.suggestion
            )
        return body

    def place(self) -> str:
        """'Booths row 14, Category' (translated)."""
        sheet = translate("ImportSheet", self.sheet)
        column = translate("ImportColumn", self.column) if self.column else ""
        if self.row and column:
            return translate(CONTEXT, "{sheet} row {row}, {column}").format(
                sheet=sheet, row=self.row, column=column
            )
        if self.row:
            return translate(CONTEXT, "{sheet} row {row}").format(sheet=sheet, row=self.row)
        if column:
            return translate(CONTEXT, "{sheet}, {column}").format(sheet=sheet, column=column)
        return sheet

    def message(self) -> str:
        """The problem in one sentence.

        For example "Booths row 14, Category: 'Foods' is not a category; did you mean 'food'?"
        """
        return translate(CONTEXT, "{place}: {text}").format(place=self.place(), text=self.text())

    def __str__(self) -> str:
        return self.message()


# Sentences used for the whole file, collected here so translators see them together.
NOT_FOUND = N("Import", "{path} does not exist.")
NOT_A_FILE = N("Import", "{path} is not a file.")
UNREADABLE = N("Import", "{path} could not be read: {detail}.")
EMPTY_FILE = N("Import", "{path} is empty, not an Excel workbook.")
IS_CSV = N(
    "Import",
    "{path} is a CSV text file; open it in Excel and save it as an Excel workbook (.xlsx) first.",
)
IS_XLS = N(
    "Import",
    "{path} is an old Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx first.",
)
IS_ENCRYPTED = N(
    "Import",
    "{path} is protected with a password; save an unprotected copy and import that.",
)
IS_IMAGE = N("Import", "{path} is an image, not an Excel workbook.")
NOT_WORKBOOK = N("Import", "{path} is not an Excel workbook (.xlsx).")
DAMAGED = N("Import", "{path} is damaged and cannot be read ({detail}).")
TOO_BIG = N(
    "Import",
    "{path} is far larger inside than an application form can be ({detail}); it was not opened.",
)
TOO_MANY_CELLS = N(
    "Import",
    "Sheet '{sheet}' of {path} declares {rows} rows and {columns} columns; "
    "at most {max_rows} rows and {max_columns} columns can be imported.",
)
TOO_MANY_ROWS = N(
    "Import", "Sheet '{sheet}' of {path} has more than {max_rows} rows; split the file."
)
UNSAFE_XML = N(
    "Import", "{path} contains XML constructs that are not allowed (such as entity definitions)."
)
NO_DEFUSEDXML = N(
    "Import",
    "Importing is switched off because the package 'defusedxml' that protects against "
    "hostile files is missing; reinstall the program.",
)
NO_SHEETS = N(
    "Import",
    "{path} has none of the sheets Days, Venues, Troupes, Program or Booths (or 일정, 장소, "
    "공연단, 프로그램, 부스).",
)
HAS_ERRORS = N("Import", "The workbook has {count} rows with errors; nothing was imported.")
WRITE_FAILED = N("Import", "The import could not be written: {detail}. Nothing was changed.")
CANCELLED = N("Import", "Reading the workbook was cancelled.")
