"""Releases in the festival (schema version 5): frozen snapshots as JSON, the printed
baseline mark, and the festival's guid. The same on a festival file and on a server
festival (store/engine.py).

The database keeps a release frozen (triggers refuse any change but the printed mark and
any removal); this module only adds and reads. A snapshot is stored as canonical JSON (keys
sorted, no blanks), and its SHA-256 is kept beside it so that "is the file as it was
released?" is answered without reading the snapshot back.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3  # its IntegrityError: the server's refusals are one too (ConstraintError)
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.releases import Release, Snapshot
from festival_app.domain.times import format_time, parse_time
from festival_app.domain.troupes import Relation, Troupe
from festival_app.domain.venues import Venue, VenueKind
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.store.engine import Store
from festival_app.store.errors import StaleRecordError

FORMAT = 1  # the snapshot's JSON layout; a newer one is refused by snapshot_from_json


class SnapshotFormatError(ValueError):
    """A stored snapshot this program cannot read (written by a newer one)."""


class ReleaseNameTakenError(LookupError):
    """The file refused a new release: its name was taken meanwhile (by another program
    writing to the same file between the check and the insert). Nothing was written."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(name)


def _time(value: Any) -> str | None:
    return None if value is None else format_time(value)


def snapshot_to_data(snap: Snapshot) -> dict[str, Any]:
    f = snap.festival
    return {
        "format": FORMAT,
        "festival": {"name_en": f.name_en, "name_ko": f.name_ko},
        "days": [
            {
                "id": d.id,
                "date": d.date.isoformat(),
                "opens": _time(d.opens),
                "closes": _time(d.closes),
            }
            for d in snap.days
        ],
        "venues": [
            {
                "id": v.id,
                "name_en": v.name_en,
                "name_ko": v.name_ko,
                "kind": v.kind.value,
                "zone": v.zone,
                "code_prefix": v.code_prefix,
            }
            for v in snap.venues
        ],
        "troupes": [
            {
                "id": t.id,
                "name": t.name,
                "name_ko": t.name_ko,
                "city_en": t.city_en,
                "city_ko": t.city_ko,
                "country": t.country,
                "relation": t.relation.value,
                "genre": t.genre,
            }
            for t in snap.troupes
        ],
        "items": [
            {
                "id": i.id,
                "day_id": i.day_id,
                "venue_id": i.venue_id,
                "start": _time(i.start),
                "end": _time(i.end),
                "title_en": i.title_en,
                "title_ko": i.title_ko,
                "kind": i.kind.value,
                "troupe_id": i.troupe_id,
                "status": i.status.value,
                "setup_min": i.setup_min,
                "teardown_min": i.teardown_min,
            }
            for i in snap.items
        ],
        "booths": [
            {
                "id": b.id,
                "venue_id": b.venue_id,
                "category": b.category.value,
                "code": b.code,
                "country": b.country,
                "organization": b.organization,
                "exhibitor": b.exhibitor,
                "power": b.power,
                "water": b.water,
                "gas": b.gas,
                "day_ids": sorted(b.day_ids),
            }
            for b in snap.booths
        ],
    }


def snapshot_to_json(snap: Snapshot) -> str:
    """The snapshot as canonical JSON: the same program always gives the same text."""
    return json.dumps(
        snapshot_to_data(snap), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snapshot_from_json(text: str) -> Snapshot:
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise SnapshotFormatError(f"snapshot format {data.get('format')!r}")
    f = data["festival"]
    return Snapshot(
        festival=Festival(name_en=f["name_en"], name_ko=f["name_ko"]),
        days=tuple(
            FestivalDay(
                date=date.fromisoformat(d["date"]),
                opens=parse_time(d["opens"]),
                closes=parse_time(d["closes"]),
                id=d["id"],
            )
            for d in data["days"]
        ),
        venues=tuple(
            Venue(
                name_en=v["name_en"],
                name_ko=v["name_ko"],
                kind=VenueKind(v["kind"]),
                zone=v["zone"],
                code_prefix=v["code_prefix"],
                id=v["id"],
            )
            for v in data["venues"]
        ),
        troupes=tuple(
            Troupe(
                name=t["name"],
                name_ko=t["name_ko"],
                city_en=t["city_en"],
                city_ko=t["city_ko"],
                country=t["country"],
                relation=Relation(t["relation"]),
                genre=t["genre"],
                id=t["id"],
            )
            for t in data["troupes"]
        ),
        items=tuple(
            ProgramItem(
                day_id=i["day_id"],
                venue_id=i["venue_id"],
                start=parse_time(i["start"]),
                end=parse_time(i["end"]),
                title_en=i["title_en"],
                title_ko=i["title_ko"],
                kind=ItemKind(i["kind"]),
                troupe_id=i["troupe_id"],
                setup_min=i["setup_min"],
                teardown_min=i["teardown_min"],
                status=ItemStatus(i["status"]),
                id=i["id"],
            )
            for i in data["items"]
        ),
        booths=tuple(
            Booth(
                venue_id=b["venue_id"],
                category=BoothCategory(b["category"]),
                code=b["code"],
                country=b["country"],
                organization=b["organization"],
                exhibitor=b["exhibitor"],
                power=b["power"],
                water=b["water"],
                gas=b["gas"],
                day_ids=frozenset(b["day_ids"]),
                id=b["id"],
            )
            for b in data["booths"]
        ),
    )


_COLUMNS = "id, name, comment_ko, comment_en, created_at, printed, content_hash"


def _release(row: Any) -> Release:
    return Release(
        id=row[0],
        name=row[1],
        comment_ko=row[2],
        comment_en=row[3],
        created_at=datetime.fromisoformat(row[4]),
        printed=bool(row[5]),
        content_hash=row[6],
    )


class ReleaseRepository:
    """Adds and reads releases; never changes one (the database would refuse)."""

    def __init__(self, db: Store) -> None:
        self.db = db

    def all(self) -> list[Release]:
        """Every release, oldest first."""
        return [_release(r) for r in self.db.query(f"SELECT {_COLUMNS} FROM release ORDER BY id")]

    def named(self, name: str) -> Release | None:
        rows = self.db.query(f"SELECT {_COLUMNS} FROM release WHERE name = ?", (name,))
        return _release(rows[0]) if rows else None

    def snapshot(self, release_id: int) -> Snapshot:
        rows = self.db.query("SELECT snapshot FROM release WHERE id = ?", (release_id,))
        if not rows:
            raise KeyError(release_id)
        return snapshot_from_json(rows[0][0])

    def insert(self, release: Release, snap: Snapshot) -> Release:
        """Store a new release of `snap` in one transaction (joining an open one).
        ReleaseNameTakenError when the name is taken meanwhile; nothing is written then."""
        text = snapshot_to_json(snap)
        created = release.created_at or datetime.now(UTC)
        digest = content_hash(text)
        try:
            with self.db.transaction():
                return self._insert(release, text, created, digest)
        except sqlite3.IntegrityError as exc:
            if self.named(release.name) is not None:  # the name's UNIQUE refused it
                raise ReleaseNameTakenError(release.name) from exc
            raise

    def _insert(self, release: Release, text: str, created: datetime, digest: str) -> Release:
        cursor = self.db.conn.execute(
            "INSERT INTO release (name, comment_ko, comment_en, created_at, printed, "
            "content_hash, snapshot) VALUES (?, ?, ?, ?, 0, ?, ?) RETURNING id",
            (
                release.name,
                release.comment_ko,
                release.comment_en,
                created.astimezone(UTC).isoformat(timespec="seconds"),
                digest,
                text,
            ),
        )
        made = Release(
            name=release.name,
            comment_ko=release.comment_ko,
            comment_en=release.comment_en,
            created_at=created.astimezone(UTC).replace(microsecond=0),
            printed=False,
            content_hash=digest,
            id=int(cursor.fetchone()[0]),
        )
        if release.printed:
            self.mark_printed(made.id)
            made = replace(made, printed=True)
        return made

    def mark_printed(self, release_id: int | None) -> None:
        """Make `release_id` the printed baseline (None: no release is), in one transaction."""
        with self.db.transaction():
            self.db.conn.execute("UPDATE release SET printed = 0 WHERE printed = 1")
            if release_id is not None:
                self.db.conn.execute("UPDATE release SET printed = 1 WHERE id = ?", (release_id,))

    def move_printed(self, release_id: int | None, expected_id: int | None) -> None:
        """Move the printed mark from `expected_id` to `release_id` in one transaction;
        StaleRecordError (nothing written) when someone else moved it meanwhile."""
        with self.db.transaction():
            found = self.db.query("SELECT id FROM release WHERE printed = 1")
            current = int(found[0][0]) if found else None
            if current != expected_id:
                raise StaleRecordError(
                    self.db.path, N("StoreError", "The printed version"), table="release"
                )
            self.mark_printed(release_id)

    def festival_guid(self) -> str:
        return str(self.db.query("SELECT guid FROM festival_guid WHERE id = 1")[0][0])
