"""The row being planned: where it is, what is wrong with it, and what it changes.

Every sheet's planner reports through one `RowContext`: problems name the sheet, row and
column; a row that fails is counted once; a record found again on another sheet (the
booth workbook's copies) is one record; the change a row makes is counted and kept.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from festival_app.domain.errors import Problem, Severity
from festival_app.domain.record_rules import Record
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.imports import values
from festival_app.imports.errors import ImportProblem
from festival_app.imports.format import FIELD_COLUMN, Column, Sheet
from festival_app.imports.plan.result import Change, ImportPlan, SheetCounts


class _Clear:
    """A cell holding the clear marker: the field is emptied on purpose."""

    def __repr__(self) -> str:
        return "CLEAR"


CLEAR: Any = _Clear()


@dataclass(frozen=True)
class Both:
    """Two columns of one field (the exports' Korean and English country names) that
    name different values; the record's present value tells which one was edited."""

    values: tuple[Any, ...]


class RowFailed(Exception):
    """The row has an error already reported; skip the rest of it."""


@dataclass(frozen=True)
class Sighting:
    """Where a record was first seen in the workbook."""

    source: str  # the workbook's sheet title
    where: str  # as problems name it
    row: int


def put(row: dict[str, Any], key: str, value: Any) -> None:
    """Set a field; a second column of the same field that disagrees makes a Both."""
    if key not in row:
        row[key] = value
        return
    present = row[key]
    if isinstance(present, Both):
        if value not in present.values:
            row[key] = Both((*present.values, value))
    elif present != value:
        row[key] = Both((present, value))


def text(row: dict[str, Any], key: str) -> str:
    """A text field as given for identifying the record ("" when blank or cleared)."""
    value = row.get(key)
    return value if isinstance(value, str) else ""


def options(row: dict[str, Any], key: str) -> list[str]:
    """A text field's values for identifying the record: one, or both of two columns."""
    value = row.get(key)
    if isinstance(value, Both):
        return [v for v in value.values if isinstance(v, str) and v]
    return [value] if isinstance(value, str) and value else []


def record_fields(sheet: Sheet, record_type: type, *, besides: Iterable[str] = ()) -> list[str]:
    """The record's fields a sheet's columns fill directly, in column order (references
    and the fields in `besides` are the sheet's planner's to fill)."""
    own = {spec.name for spec in dataclasses.fields(record_type)} - set(besides)
    return [column.key for column in sheet.columns if column.key in own]


def _empty(record_type: type, name: str) -> Any:
    """What the clear marker leaves in a field: its default ("" for text, None, False, 0)."""
    for spec in dataclasses.fields(record_type):
        if spec.name == name:
            if spec.default is not dataclasses.MISSING:
                return spec.default
            if spec.default_factory is not dataclasses.MISSING:
                return spec.default_factory()
    return ""


def _same(after: Record, before: Record) -> bool:
    """The same content, whatever the (placeholder) ids."""
    return after == before or replace(after, id=before.id) == before


class RowContext:
    """The sheet and row being planned, and the plan its problems and changes go to."""

    def __init__(self, result: ImportPlan) -> None:
        self.result = result
        self.seen: dict[tuple[str, object], Sighting] = {}  # record identity -> first row
        self.sheet: Sheet | None = None
        self.counts = SheetCounts()
        self.source = ""  # the workbook's title of the sheet being read
        self.where = ""  # the sheet as problems and changes name it
        self.row = 0
        self.failed = False

    def begin_row(self, number: int) -> None:
        self.row = number
        self.failed = False

    # -- problems ----------------------------------------------------------------------

    def problem(
        self,
        sheet: str,
        row: int,
        column: str,
        template: str,
        *,
        suggestion: str = "",
        severity: Severity = Severity.ERROR,
        **params: object,
    ) -> None:
        """A problem anywhere (a whole sheet, a header), not only in the current row."""
        self.result.problems.append(
            ImportProblem(sheet, row, column, template, params, suggestion, severity)
        )

    def header(self, key: str) -> str:
        """The English header of a field's column on the current sheet."""
        key = FIELD_COLUMN.get(key, key)
        assert self.sheet is not None
        for column in self.sheet.columns:
            if column.key == key:
                return column.en
        return ""

    def cell_problem(self, column: Column, exc: values.CellError) -> None:
        self.result.problems.append(
            ImportProblem(self.where, self.row, column.en, exc.template, exc.params, exc.suggestion)
        )
        self.failed = True

    def error(self, key: str, template: str, *, suggestion: str = "", **params: object) -> None:
        self.result.problems.append(
            ImportProblem(self.where, self.row, self.header(key), template, params, suggestion)
        )
        self.failed = True

    def fail(self, key: str, template: str, *, suggestion: str = "", **params: object) -> None:
        """Report an error and give up on the row (raises RowFailed)."""
        self.error(key, template, suggestion=suggestion, **params)
        raise RowFailed

    def check(self, problems: Iterable[Problem]) -> None:
        """Report a record's problems (the "Validation" context); RowFailed if any."""
        for problem in problems:
            self.result.problems.append(
                ImportProblem(
                    self.where,
                    self.row,
                    self.header(problem.field),
                    problem.template,
                    problem.params,
                    translate_params=True,
                )
            )
            self.failed = True
        if self.failed:
            raise RowFailed

    # -- identity and changes ----------------------------------------------------------

    def once(self, identity: tuple[str, object], key: str) -> Sighting | None:
        """Refuse a second row for the same record on the same sheet; a row on another
        sheet (the booth workbook's copies) is returned as the first sighting."""
        first = self.seen.setdefault(identity, Sighting(self.source, self.where, self.row))
        if first.source == self.source and first.row == self.row:
            return None
        if first.source == self.source:
            self.fail(key, N("Import", "This is the same record as row {first}."), first=first.row)
        return first

    def remember(self, record_name: str, record: Record) -> None:
        """A created record is found by its (placeholder) id from now on, too."""
        if record.id is not None:
            self.seen.setdefault(
                (record_name, record.id), Sighting(self.source, self.where, self.row)
            )

    def again(
        self, first: Sighting, before: Record | None, original: Record | None, after: Record
    ) -> bool:
        """A record seen before on another sheet: True when this row is its edit.

        Nothing to do when this copy says what the first said or what the festival has;
        when the first copy left the record as it was, this one is the edit.
        """
        if before is not None and _same(after, before):
            return False
        if original is not None and after == original:
            return False
        if original is not None and before == original:
            self.counts.unchanged -= 1  # the first copy was counted as unchanged
            return True
        self.fail(
            "",
            N(
                "Import",
                "This record is also in sheet '{sheet}' row {row} with other values; "
                "change it in one place only.",
            ),
            sheet=first.where,
            row=first.row,
        )
        raise AssertionError  # unreachable: fail raises

    def record(self, before: Record | None, after: Record, *, matched: bool = False) -> None:
        """Count the row's change and keep it for the plan."""
        if before is None:
            self.counts.created += 1
            self.result.changes.append(
                Change(self.where, self.row, None, after, source=self.source)
            )
        elif before == after:
            self.counts.unchanged += 1
        else:
            self.counts.updated += 1
            self.result.changes.append(
                Change(self.where, self.row, before, after, matched, self.source)
            )

    # -- fields ------------------------------------------------------------------------

    def given(
        self, row: dict[str, Any], names: Iterable[str], record_type: type, base: Any
    ) -> dict[str, Any]:
        """The fields a row fills: blank cells are absent; the clear marker gives the
        field's empty value; two disagreeing columns are settled against `base`."""
        out: dict[str, Any] = {}
        for name in names:
            if name not in row:
                continue
            value = row[name]
            if value is CLEAR:
                value = _empty(record_type, name)
            elif isinstance(value, Both):
                value = self._settle(name, value, getattr(base, name, None), record_type)
            out[name] = value
        return out

    def _settle(self, key: str, both: Both, current: Any, record_type: type) -> Any:
        """Of two columns of one field, the one that differs from the record's value."""
        choices = [_empty(record_type, key) if v is CLEAR else v for v in both.values]
        edited: list[Any] = []  # in order, each once (a list of dates is not hashable)
        for value in choices:
            if value != current and value not in edited:
                edited.append(value)
        if len(edited) == 1:
            return edited[0]
        if not edited:
            return current
        self.fail(
            key,
            N(
                "Import",
                "The columns for {header} disagree ({values}); correct one of them.",
            ),
            header=self.header(key),
            values=", ".join(str(v) for v in choices),
        )
        raise AssertionError  # unreachable: fail raises
