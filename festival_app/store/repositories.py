"""One repository per kind of record: rows of the festival file to domain objects and back.

Optimistic concurrency: every record row has a `row_version` (schema version 3), read into
the record's `row_version` field. Every write adds one to it, and a record read from the
file is written back only while its row still has the version it was read with, so a
stale copy (read before another program or window changed the row) never overwrites a
newer one: that raises StaleRecordError, and the caller's transaction writes nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import Field, fields, replace
from datetime import date, time
from enum import StrEnum
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.site_map import BoothSpace, SiteMap
from festival_app.domain.times import format_time, parse_time
from festival_app.domain.troupes import Relation, Troupe
from festival_app.domain.venues import Venue, VenueKind
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate
from festival_app.store.acknowledgements import AcknowledgementRepository
from festival_app.store.engine import Store
from festival_app.store.errors import StaleRecordError


class HasId(Protocol):
    """What a repository needs of a record: a dataclass with an id and a row version."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    @property
    def id(self) -> int | None: ...

    @property
    def row_version(self) -> int: ...


T = TypeVar("T", bound=HasId)

# Python value -> column value, column value -> Python value
Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]


def _opt(encode: Callable[[Any], Any], decode: Callable[[Any], Any]) -> Codec:
    return (lambda v: None if v is None else encode(v), lambda v: None if v is None else decode(v))


@functools.lru_cache(maxsize=4096)
def _read_time(text: str) -> time:
    """A stored 'HH:MM' as a time, one shared object per clock time: a program of 100,000
    items holds a few hundred distinct times, read once each."""
    return parse_time(text)


TIME: Codec = _opt(format_time, _read_time)
DATE: Codec = _opt(date.isoformat, date.fromisoformat)
BOOL: Codec = (int, bool)


def _enum(kind: type[StrEnum]) -> Codec:
    return (lambda v: v.value, kind)


class Repository(Generic[T]):
    """Reads and writes one table whose columns are the dataclass's fields."""

    table: str
    entity: type[T]
    codecs: dict[str, Codec] = {}
    order_by = "id"
    skip: tuple[str, ...] = ()
    extra_columns = ""  # computed columns appended to every SELECT
    # How a StaleRecordError names a record of this kind: "The troupe '{name}'" (each
    # kind marks its own for translation).
    label_template = "{name}"

    def __init__(self, db: Store) -> None:
        self.db = db
        dialect = db.dialect
        names = [f.name for f in fields(self.entity) if f.name not in self.skip]
        self.columns = [n for n in names if n != "id"]  # row_version included: it is read
        self._content = [n for n in self.columns if n != "row_version"]  # what a write sets
        # Optional columns use _opt codecs, which pass None through.
        self._decoders = [c[1] if (c := self.codecs.get(n)) else None for n in self.columns]
        self._select = "SELECT id, {}{} FROM {} ".format(
            ", ".join(f'"{c}"' for c in self.columns), self.extra_columns, self.table
        )
        # Every write also notes who made it and when (schema version 6): a refused
        # stale write names them.
        sets = ", ".join(f'"{c}" = ?' for c in self._content)
        self._update = (
            f"UPDATE {self.table} SET {sets}, row_version = row_version + 1, "
            f"changed_by = ?, changed_at = {dialect.now} WHERE id = ?"
        )
        cols = [*self._content, "row_version", "changed_by"]
        # With its own id (undo puts a record back), or a new one from the engine.
        self._insert = "INSERT INTO {} ({}, changed_at) VALUES ({}, {}) RETURNING id".format(
            self.table,
            ", ".join(f'"{c}"' for c in ["id", *cols]),
            ", ".join("?" * (len(cols) + 1)),
            dialect.now,
        )
        self._insert_new = "INSERT INTO {} ({}, changed_at) VALUES ({}, {}) RETURNING id".format(
            self.table, ", ".join(f'"{c}"' for c in cols), ", ".join("?" * len(cols)), dialect.now
        )

    # -- conversion -----------------------------------------------------------------

    def _to_row(self, obj: T) -> list[Any]:
        """The column values of the record's content (not its id or row_version)."""
        values = []
        for name in self._content:
            value = getattr(obj, name)
            codec = self.codecs.get(name)
            values.append(codec[0](value) if codec else value)
        return values

    def _from_row(self, row: Sequence[Any]) -> T:
        kwargs: dict[str, Any] = {"id": row[0]}
        for name, decode, value in zip(self.columns, self._decoders, row[1:], strict=False):
            kwargs[name] = value if decode is None else decode(value)
        return self.entity(**kwargs)

    # -- reading --------------------------------------------------------------------

    def all(self) -> list[T]:
        rows = self.db.conn.execute(self._select + f"ORDER BY {self.order_by}").fetchall()
        return [self._from_row(r) for r in rows]

    def get(self, record_id: int) -> T | None:
        row = self.db.conn.execute(self._select + "WHERE id = ?", (record_id,)).fetchone()
        return self._from_row(row) if row else None

    def where(self, condition: str, params: Sequence[Any] = ()) -> list[T]:
        sql = self._select + f"WHERE {condition} ORDER BY {self.order_by}"
        return [self._from_row(r) for r in self.db.conn.execute(sql, params).fetchall()]

    def where_in(self, column: str, values: Sequence[Any]) -> list[T]:
        """The records whose `column` is one of `values`."""
        if not values:
            return []
        return self.where(f'"{column}" IN ({",".join("?" * len(values))})', values)

    def count(self) -> int:
        return int(self.db.conn.execute(f"SELECT count(*) FROM {self.table}").fetchone()[0])

    # -- writing (callers hold a transaction) ---------------------------------------

    def insert(self, obj: T) -> T:
        """Insert `obj` and return it as stored (with its id and row_version).

        Keeps its id when it has one and its row_version when that is 1 or more: an undo
        puts a deleted record back exactly as it was. A new record starts at version 1.
        """
        version = obj.row_version if obj.row_version >= 1 else 1
        values = [*self._to_row(obj), version, self.db.who]
        if obj.id is None:
            row = self.db.conn.execute(self._insert_new, values).fetchone()
        else:
            row = self.db.conn.execute(self._insert, [obj.id, *values]).fetchone()
        return replace(obj, id=row[0], row_version=version)

    def update(self, obj: T) -> T:
        """Write `obj` over its row; returns it as stored, with its new row_version.

        A record read from the file (row_version 1 or more) is written only while its
        row still has that version; otherwise the row was changed or deleted elsewhere
        since, and StaleRecordError is raised with nothing written. A record with
        row_version 0 was not read from the file (built by hand): it is written whatever
        version its row has, as before row versions existed (StaleRecordError only when
        the row is gone). Either way the row's version goes up by one.
        """
        values = self._to_row(obj)
        if obj.row_version >= 1:
            cursor = self.db.conn.execute(
                self._update + " AND row_version = ?",
                [*values, self.db.who, obj.id, obj.row_version],
            )
            if cursor.rowcount != 1:
                raise self.stale(obj)
            return replace(obj, row_version=obj.row_version + 1)
        cursor = self.db.conn.execute(self._update, [*values, self.db.who, obj.id])
        if cursor.rowcount != 1:
            raise self.stale(obj)
        return replace(obj, row_version=self.version_of(obj.id))

    def delete(self, ids: Iterable[int]) -> None:
        """Delete the rows of these ids, whatever their versions (callers that hold
        records check them first, or use delete_record)."""
        self.db.conn.executemany(f"DELETE FROM {self.table} WHERE id = ?", [(i,) for i in ids])

    def delete_record(self, obj: T) -> None:
        """Delete the row of `obj` only while it still has the record's row_version
        (any version when that is 0); StaleRecordError otherwise."""
        sql = f"DELETE FROM {self.table} WHERE id = ?"
        params: list[Any] = [obj.id]
        if obj.row_version >= 1:
            sql += " AND row_version = ?"
            params.append(obj.row_version)
        if self.db.conn.execute(sql, params).rowcount != 1:
            raise self.stale(obj)

    # -- row versions ---------------------------------------------------------------

    def version_of(self, record_id: int | None) -> int:
        """The row_version of the row `record_id` in the file now; 0 when there is none."""
        row = self.db.conn.execute(
            f"SELECT row_version FROM {self.table} WHERE id = ?", (record_id,)
        ).fetchone()
        return int(row[0]) if row else 0

    def stale(self, obj: T, *, deleted: bool | None = None) -> StaleRecordError:
        """The error telling that `obj`'s row was changed, or deleted, elsewhere (`deleted`
        None: whichever the file shows now)."""
        row = self.db.conn.execute(
            f"SELECT changed_by, changed_at FROM {self.table} WHERE id = ?", (obj.id,)
        ).fetchone()
        if deleted is None:
            deleted = row is None
        return StaleRecordError(
            self.db.path,
            self.describe(obj),
            deleted=deleted,
            table=self.table,
            record_id=obj.id,
            changed_by=row[0] if row and not deleted else "",
            changed_at=row[1] if row and not deleted else "",
        )

    def describe(self, obj: T) -> str:
        """The record as a message names it: "The troupe 'Seoul Youth Choir'"."""
        return translate("StoreError", self.label_template).format(name=self.label(obj))

    def label(self, obj: T) -> str:
        return f"#{obj.id}"


class FestivalRepository:
    """The single festival row."""

    def __init__(self, db: Store) -> None:
        self.db = db

    def get(self) -> Festival:
        row = self.db.conn.execute(
            "SELECT name_en, name_ko, min_changeover, notes, row_version FROM festival WHERE id = 1"
        ).fetchone()
        return Festival(
            name_en=row[0], name_ko=row[1], min_changeover=row[2], notes=row[3], row_version=row[4]
        )

    def update(self, festival: Festival) -> Festival:
        """Write the festival's name and settings; returns them with the new row_version.

        As a record's (see Repository.update): with a row_version of 1 or more only while
        the row still has it, else StaleRecordError and nothing written.
        """
        sql = (
            "UPDATE festival SET name_en = ?, name_ko = ?, min_changeover = ?, notes = ?, "
            f"row_version = row_version + 1, changed_by = ?, changed_at = {self.db.dialect.now} "
            "WHERE id = 1"
        )
        params: list[Any] = [
            festival.name_en,
            festival.name_ko,
            festival.min_changeover,
            festival.notes,
            self.db.who,
        ]
        if festival.row_version >= 1:
            sql += " AND row_version = ?"
            params.append(festival.row_version)
        if self.db.conn.execute(sql, params).rowcount != 1:
            raise self.stale()
        row = self.db.conn.execute("SELECT row_version FROM festival WHERE id = 1").fetchone()
        return replace(festival, row_version=int(row[0]))

    def stale(self) -> StaleRecordError:
        row = self.db.conn.execute(
            "SELECT changed_by, changed_at FROM festival WHERE id = 1"
        ).fetchone()
        return StaleRecordError(
            self.db.path,
            translate("StoreError", N("StoreError", "The festival's name and settings")),
            table="festival",
            record_id=1,
            changed_by=row[0] if row else "",
            changed_at=row[1] if row else "",
        )


class DayRepository(Repository[FestivalDay]):
    """The festival's days, in date order."""

    table = "festival_day"
    entity = FestivalDay
    codecs = {"date": DATE, "opens": TIME, "closes": TIME}
    order_by = "date"
    label_template = N("StoreError", "The festival day {name}")

    def label(self, obj: FestivalDay) -> str:
        return obj.date.isoformat()

    def on_date(self, day: date) -> list[FestivalDay]:
        return self.where("date = ?", (day.isoformat(),))


class VenueRepository(Repository[Venue]):
    """The venues: stages and booth streets."""

    table = "venue"
    entity = Venue
    codecs = {"kind": _enum(VenueKind), "opens": TIME, "closes": TIME}
    label_template = N("StoreError", "The venue '{name}'")

    def label(self, obj: Venue) -> str:
        return obj.name()


class TroupeRepository(Repository[Troupe]):
    """The troupes, by name and city."""

    table = "troupe"
    entity = Troupe
    codecs = {"relation": _enum(Relation), "arrival": DATE, "departure": DATE}
    label_template = N("StoreError", "The troupe '{name}'")

    def __init__(self, db: Store) -> None:
        self.order_by = f"{db.dialect.fold('name')}, city_en, id"
        super().__init__(db)

    def label(self, obj: Troupe) -> str:
        return obj.display_name()

    def named(self, name: str, city_en: str) -> list[Troupe]:
        """Troupes of this name from this city, case ignored (the same troupe to people)."""
        fold = self.db.dialect.fold
        return self.where(
            f"{fold('name')} = {fold('?')} AND {fold('city_en')} = {fold('?')}", (name, city_en)
        )


class ProgramRepository(Repository[ProgramItem]):
    """The program items, by day, time and venue."""

    table = "program_item"
    entity = ProgramItem
    codecs = {"start": TIME, "end": TIME, "kind": _enum(ItemKind), "status": _enum(ItemStatus)}
    order_by = "day_id, start, venue_id, id"
    label_template = N("StoreError", "The program item '{name}'")

    def label(self, obj: ProgramItem) -> str:
        return obj.title()

    def for_day(self, day_id: int) -> list[ProgramItem]:
        return self.where("day_id = ?", (day_id,))

    def troupes_confirmed(self) -> set[int]:
        """Ids of the troupes that have a confirmed item."""
        rows = self.db.conn.execute(
            "SELECT DISTINCT troupe_id FROM program_item "
            "WHERE status = 'confirmed' AND troupe_id IS NOT NULL"
        )
        return {r[0] for r in rows}

    def count_by_troupe(self) -> dict[int, int]:
        rows = self.db.conn.execute(
            "SELECT troupe_id, count(*) FROM program_item WHERE troupe_id IS NOT NULL "
            "GROUP BY troupe_id"
        )
        return dict(rows.fetchall())


class BoothRepository(Repository[Booth]):
    """Booths; the days a booth is present live in booth_day (none: every day)."""

    table = "booth"
    entity = Booth
    codecs = {
        "category": _enum(BoothCategory),
        "code": (lambda v: v or None, lambda v: v or ""),
        "power": BOOL,
        "water": BOOL,
        "gas": BOOL,
    }
    order_by = "venue_id, code IS NULL, code, id"
    skip = ("day_ids",)
    label_template = N("StoreError", "The booth {name}")

    def __init__(self, db: Store) -> None:
        self.extra_columns = (
            f", (SELECT {db.dialect.joined('day_id')} FROM booth_day "
            "WHERE booth_day.booth_id = booth.id)"
        )
        super().__init__(db)

    def _from_row(self, row: Sequence[Any]) -> Booth:
        booth = super()._from_row(row)
        days = row[-1]
        if days:
            # Frozen dataclass: set the computed field without a second __init__.
            object.__setattr__(booth, "day_ids", frozenset(int(d) for d in days.split(",")))
        return booth

    def insert(self, obj: Booth) -> Booth:
        stored = super().insert(obj)
        self._write_days(stored)
        return stored

    def update(self, obj: Booth) -> Booth:
        stored = super().update(obj)  # raises StaleRecordError before the days are touched
        self.db.conn.execute("DELETE FROM booth_day WHERE booth_id = ?", (obj.id,))
        self._write_days(stored)
        return stored

    def label(self, obj: Booth) -> str:
        return f"{obj.code} ({obj.label()})" if obj.code else obj.label()

    def _write_days(self, booth: Booth) -> None:
        self.db.conn.executemany(
            "INSERT INTO booth_day (booth_id, day_id) VALUES (?, ?)",
            [(booth.id, d) for d in sorted(booth.day_ids)],
        )

    def present_on(self, day_ids: Sequence[int]) -> list[Booth]:
        """Booths present on one of these days by name (not those present every day)."""
        marks = ",".join("?" * len(day_ids))
        return self.where(
            f"id IN (SELECT booth_id FROM booth_day WHERE day_id IN ({marks}))", day_ids
        )

    def code_owner(self, code: str) -> int | None:
        row = self.db.conn.execute("SELECT id FROM booth WHERE code = ?", (code,)).fetchone()
        return row[0] if row else None

    def counts_by_category(self) -> dict[BoothCategory, int]:
        rows = self.db.conn.execute("SELECT category, count(*) FROM booth GROUP BY category")
        return {BoothCategory(k): v for k, v in rows}


# -- site maps and booth spaces (schema version 4) ----------------------------------


class SiteMapRepository(Repository[SiteMap]):
    """The booth areas' maps: a picture and its scale, one per area."""

    table = "site_map"
    entity = SiteMap
    label_template = N("StoreError", "The map of {name}")

    def for_venue(self, venue_id: int) -> SiteMap | None:
        found = self.where("venue_id = ?", (venue_id,))
        return found[0] if found else None

    def label(self, obj: SiteMap) -> str:
        row = self.db.conn.execute(
            "SELECT coalesce(nullif(name_en, ''), name_ko) FROM venue WHERE id = ?",
            (obj.venue_id,),
        ).fetchone()
        return str(row[0]) if row else f"#{obj.venue_id}"


class SpaceRepository(Repository[BoothSpace]):
    """The booth spaces drawn on the maps; a space's code is its booth's."""

    table = "booth_space"
    entity = BoothSpace
    codecs = {"power": BOOL, "water": BOOL, "gas": BOOL, "blocked": BOOL}
    order_by = "venue_id, code, id"
    label_template = N("StoreError", "The space {name}")

    def label(self, obj: BoothSpace) -> str:
        return obj.code

    def in_venue(self, venue_id: int) -> list[BoothSpace]:
        return self.where("venue_id = ?", (venue_id,))


class Repositories:
    """Every repository of one open festival file."""

    def __init__(self, db: Store) -> None:
        self.db = db
        self.festival = FestivalRepository(db)
        self.days = DayRepository(db)
        self.venues = VenueRepository(db)
        self.troupes = TroupeRepository(db)
        self.program = ProgramRepository(db)
        self.booths = BoothRepository(db)
        self.acknowledgements = AcknowledgementRepository(db)
        self.site_maps = SiteMapRepository(db)
        self.spaces = SpaceRepository(db)
