"""One repository per kind of record: rows of the festival file to domain objects and back."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, replace
from datetime import date, time
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeVar

from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.times import format_time, parse_time
from festival_app.domain.troupes import Relation, Troupe
from festival_app.domain.venues import Venue, VenueKind
from festival_app.store.acknowledgements import AcknowledgementRepository
from festival_app.store.db import Database


class HasId(Protocol):
    @property
    def id(self) -> int | None: ...


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

    def __init__(self, db: Database) -> None:
        self.db = db
        names = [f.name for f in fields(self.entity) if f.name not in self.skip]  # type: ignore[arg-type]
        self.columns = [n for n in names if n != "id"]
        # Optional columns use _opt codecs, which pass None through.
        self._decoders = [c[1] if (c := self.codecs.get(n)) else None for n in self.columns]
        self._select = "SELECT id, {}{} FROM {} ".format(
            ", ".join(f'"{c}"' for c in self.columns), self.extra_columns, self.table
        )

    # -- conversion -----------------------------------------------------------------

    def _to_row(self, obj: T) -> list[Any]:
        values = []
        for name in self.columns:
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
        """Insert `obj`; keeps its id when it has one (undo re-inserts with the same id)."""
        cols = ["id", *self.columns]
        sql = "INSERT INTO {} ({}) VALUES ({})".format(
            self.table, ", ".join(f'"{c}"' for c in cols), ", ".join("?" * len(cols))
        )
        cursor = self.db.conn.execute(sql, [obj.id, *self._to_row(obj)])
        return replace(obj, id=cursor.lastrowid)  # type: ignore[type-var]

    def update(self, obj: T) -> None:
        sql = "UPDATE {} SET {} WHERE id = ?".format(
            self.table, ", ".join(f'"{c}" = ?' for c in self.columns)
        )
        self.db.conn.execute(sql, [*self._to_row(obj), obj.id])

    def delete(self, ids: Iterable[int]) -> None:
        self.db.conn.executemany(f"DELETE FROM {self.table} WHERE id = ?", [(i,) for i in ids])


class FestivalRepository:
    """The single festival row."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self) -> Festival:
        row = self.db.conn.execute(
            "SELECT name_en, name_ko, min_changeover, notes FROM festival WHERE id = 1"
        ).fetchone()
        return Festival(name_en=row[0], name_ko=row[1], min_changeover=row[2], notes=row[3])

    def update(self, festival: Festival) -> None:
        self.db.conn.execute(
            "UPDATE festival SET name_en = ?, name_ko = ?, min_changeover = ?, notes = ? "
            "WHERE id = 1",
            (festival.name_en, festival.name_ko, festival.min_changeover, festival.notes),
        )


class DayRepository(Repository[FestivalDay]):
    table = "festival_day"
    entity = FestivalDay
    codecs = {"date": DATE, "opens": TIME, "closes": TIME}
    order_by = "date"

    def on_date(self, day: date) -> list[FestivalDay]:
        return self.where("date = ?", (day.isoformat(),))


class VenueRepository(Repository[Venue]):
    table = "venue"
    entity = Venue
    codecs = {"kind": _enum(VenueKind), "opens": TIME, "closes": TIME}


class TroupeRepository(Repository[Troupe]):
    table = "troupe"
    entity = Troupe
    codecs = {"relation": _enum(Relation), "arrival": DATE, "departure": DATE}
    order_by = "name COLLATE NOCASE, city_en, id"

    def named(self, name: str, city_en: str) -> list[Troupe]:
        """Troupes of this name from this city, case ignored (the same troupe to people)."""
        return self.where("name = ? COLLATE NOCASE AND city_en = ? COLLATE NOCASE", (name, city_en))


class ProgramRepository(Repository[ProgramItem]):
    table = "program_item"
    entity = ProgramItem
    codecs = {"start": TIME, "end": TIME, "kind": _enum(ItemKind), "status": _enum(ItemStatus)}
    order_by = "day_id, start, venue_id, id"

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
    extra_columns = (
        ", (SELECT group_concat(day_id) FROM booth_day WHERE booth_day.booth_id = booth.id)"
    )

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

    def update(self, obj: Booth) -> None:
        super().update(obj)
        self.db.conn.execute("DELETE FROM booth_day WHERE booth_id = ?", (obj.id,))
        self._write_days(obj)

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


class Repositories:
    """Every repository of one open festival file."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.festival = FestivalRepository(db)
        self.days = DayRepository(db)
        self.venues = VenueRepository(db)
        self.troupes = TroupeRepository(db)
        self.program = ProgramRepository(db)
        self.booths = BoothRepository(db)
        self.acknowledgements = AcknowledgementRepository(db)
