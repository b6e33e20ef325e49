"""The row versions one service wrote, so that undo and redo write only over rows that
are still as this service last left them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from festival_app.domain.festival import Festival
from festival_app.domain.record_rules import Record
from festival_app.store.db import Database
from festival_app.store.repositories import Repository

if TYPE_CHECKING:  # psycopg is imported only when a server is used
    from festival_app.store.postgres import ServerDatabase

R = TypeVar("R", bound=Record)
RowKey = tuple[type[Any], int | None]  # (type of record, id): one row of the file


def row_key(record: Record | Festival) -> RowKey:
    """The row a record is stored in (the festival's own row has id 1)."""
    return (Festival, 1) if isinstance(record, Festival) else (type(record), record.id)


class RowVersions:
    """The row version the service last wrote to each row it wrote (0: it deleted the
    row), as committed.

    The undo stack is linear: when a step is undone or redone, the rows it touches hold
    what this service last wrote to them, unless another program wrote since; so undo
    and redo expect these versions (a step's own log has older ones when later steps
    were undone since).
    """

    def __init__(self, db: Database | ServerDatabase) -> None:
        self.db = db
        self._written: dict[RowKey, int] = {}
        self._staged: dict[RowKey, int] | None = None  # written in the open transaction

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction (joining an open one) that keeps the row versions written
        in it once it is committed, and forgets them when it is rolled back."""
        outer = self._staged is None
        if outer:
            self._staged = {}
        try:
            with self.db.transaction():
                yield
        except BaseException:
            if outer:
                self._staged = None
            raise
        if outer:
            staged, self._staged = self._staged or {}, None
            self._written.update(staged)

    def wrote(self, record: Record | Festival, version: int) -> None:
        """Note the version just written to `record`'s row (0: the row was deleted)."""
        if self._staged is not None:
            self._staged[row_key(record)] = version

    def expected(self, record: Record | Festival, fallback: int) -> int:
        """The version `record`'s row has if nobody else wrote it since this service last
        did; `fallback` (a step's own) when this service has not written it."""
        key = row_key(record)
        found = self._staged.get(key) if self._staged is not None else None
        if found is None:
            found = self._written.get(key)
        return found if found else fallback

    def forget(self) -> None:
        """Forget every version (the file was replaced, by a restored backup say)."""
        self._written.clear()


# Undo, redo and undelete write what the file held before, which fits its rules unless it
# was changed elsewhere meanwhile (a deleted record's id taken, a record it refers to
# deleted): such a conflict is a StaleRecordError naming the record, not a crash.


def put_back(repo: Repository[R], record: R) -> R:
    """Insert `record` as it was (same id and row version)."""
    try:
        return repo.insert(record)
    except sqlite3.IntegrityError as exc:
        raise repo.stale(record, deleted=False) from exc


def write_over(repo: Repository[R], record: R) -> R:
    """Update with the row-version check; a conflict with the file's rules is stale too."""
    try:
        return repo.update(record)
    except sqlite3.IntegrityError as exc:
        raise repo.stale(record) from exc


def take_out(repo: Repository[R], record: R) -> None:
    """Delete `record`'s row while it still has the record's version."""
    try:
        repo.delete_record(record)
    except sqlite3.IntegrityError as exc:
        raise repo.stale(record) from exc
