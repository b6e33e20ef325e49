"""What planning an import gives: the changes it would write, the counts per sheet and
every problem found."""

from __future__ import annotations

from dataclasses import dataclass, field

from festival_app.domain.festival import Festival
from festival_app.domain.record_rules import Record
from festival_app.imports.describe import Names
from festival_app.imports.errors import ImportProblem
from festival_app.imports.format import RawWorkbook

RowKey = tuple[str, int]  # (the workbook's sheet title, row number)


@dataclass
class Change:
    """One record the import writes: before is None when it is created."""

    sheet: str  # the format's English sheet name, or the workbook's title (ImportSheet)
    row: int
    before: Record | None
    after: Record  # references to created records hold negative placeholder ids
    # The row found the record by a secondary key (category and country, …), not its own.
    matched: bool = False
    source: str = ""  # the workbook's sheet title: (source, row) is what to leave out

    @property
    def key(self) -> RowKey:
        return (self.source or self.sheet, self.row)


@dataclass
class FestivalChange:
    """The festival's own fields (the Festival sheet)."""

    sheet: str
    row: int
    before: Festival
    after: Festival
    matched: bool = False
    source: str = ""

    @property
    def key(self) -> RowKey:
        return (self.source or self.sheet, self.row)


@dataclass
class SheetCounts:
    """How the rows of one sheet fare."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: int = 0  # rows with at least one error
    warnings: int = 0

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged + self.errors


@dataclass
class ImportPlan:
    """What an import would do, and everything wrong with the workbook."""

    counts: dict[str, SheetCounts] = field(default_factory=dict)  # canonical sheet -> counts
    problems: list[ImportProblem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    festival: tuple[Festival, Festival] | None = None  # (before, after) when it changes
    festival_change: FestivalChange | None = None  # the same, with its row
    # Venues, days and troupes as the import leaves them, to name references.
    names: Names = field(default_factory=Names)
    # The rows read, to plan again with some changes left out (see `workbook.replan`).
    raw: RawWorkbook | None = field(default=None, repr=False)
    skipped: frozenset[RowKey] = frozenset()

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)

    @property
    def error_rows(self) -> int:
        return sum(c.errors for c in self.counts.values()) or (1 if self.has_errors else 0)

    @property
    def has_changes(self) -> bool:
        return bool(self.changes) or self.festival is not None

    def shown(self) -> list[Change | FestivalChange]:
        """Every change for the preview, the festival's first, then in sheet order."""
        out: list[Change | FestivalChange] = []
        if self.festival_change is not None:
            out.append(self.festival_change)
        out += self.changes
        return out

    @property
    def created(self) -> int:
        return sum(c.created for c in self.counts.values())

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.counts.values())

    @property
    def unchanged(self) -> int:
        return sum(c.unchanged for c in self.counts.values())

    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.is_error]

    def warnings(self) -> list[ImportProblem]:
        return [p for p in self.problems if not p.is_error]
