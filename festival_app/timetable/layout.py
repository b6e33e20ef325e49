"""Where things are on the timetable: minutes to y, venue columns to x, and back."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.times import STEP_MINUTES, snap, to_minutes
from festival_app.domain.venues import Venue

GUTTER = 58.0  # time labels on the left
HEADER = 44.0  # venue names on top
TOP_PAD = 10.0  # room for the first time label below the header
COLUMN_WIDTH = 180.0  # the narrowest a column gets
MAX_COLUMN_WIDTH = 320.0  # the widest, when the view has room
BOTTOM_MARGIN = 12.0
ZOOM_LEVELS = (0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0)  # pixels per minute
DEFAULT_ZOOM = 3  # index into ZOOM_LEVELS


def venue_hours(venue: Venue, day: FestivalDay) -> tuple[int, int]:
    """Minutes the venue is open on the day: its own hours when it has them, else the day's
    (the rule the clash check applies)."""
    if venue.opens is not None and venue.closes is not None:
        return to_minutes(venue.opens), to_minutes(venue.closes)
    return to_minutes(day.opens), to_minutes(day.closes)


def lanes(items: Iterable[ProgramItem]) -> dict[int, tuple[int, int]]:
    """Side-by-side lanes for items that overlap at one venue: item id -> (lane, lanes).

    Items whose busy times (setup and teardown included) overlap share their column, each
    in its own lane, so that a double booking shows both items instead of one on the other.
    """
    by_venue: dict[int, list[ProgramItem]] = {}
    for item in items:
        if item.id is not None:
            by_venue.setdefault(item.venue_id, []).append(item)
    out: dict[int, tuple[int, int]] = {}
    for venue_items in by_venue.values():
        venue_items.sort(key=lambda i: (i.busy_from, i.busy_until, i.id or 0))
        group: list[tuple[int, int]] = []  # (item id, lane) of the overlapping run
        ends: list[int] = []  # per lane, when its last item frees it
        run_end = -1
        for item in venue_items:
            if item.busy_from >= run_end and group:
                out.update({i: (lane, len(ends)) for i, lane in group})
                group, ends = [], []
            lane = next((n for n, end in enumerate(ends) if end <= item.busy_from), len(ends))
            if lane == len(ends):
                ends.append(item.busy_until)
            else:
                ends[lane] = item.busy_until
            group.append((item.id or 0, lane))
            run_end = max(run_end, item.busy_until) if group[:-1] else item.busy_until
        out.update({i: (lane, len(ends)) for i, lane in group})
    return out


@dataclass(frozen=True)
class GridGeometry:
    """The mapping between festival time and venues and scene coordinates."""

    start_min: int  # minute at the top of the grid
    end_min: int  # minute at the bottom
    venue_ids: tuple[int, ...]  # visible columns, left to right
    ppm: float  # pixels per minute
    column_width: float = COLUMN_WIDTH

    @classmethod
    def for_day(
        cls,
        day: FestivalDay,
        venues: Sequence[Venue],
        items: Iterable[ProgramItem],
        ppm: float,
        column_width: float = COLUMN_WIDTH,
    ) -> GridGeometry:
        """Span the day's and the venues' hours and every item of the day, in half hours."""
        first, last = to_minutes(day.opens), to_minutes(day.closes)
        for venue in venues:
            if venue.opens is not None and venue.closes is not None:
                first = min(first, to_minutes(venue.opens))
                last = max(last, to_minutes(venue.closes))
        for item in items:
            first = min(first, item.busy_from)
            last = max(last, item.busy_until)
        first = max(0, math.floor(first / 30) * 30)
        last = min(24 * 60, math.ceil(last / 30) * 30)
        return cls(first, last, tuple(v.id for v in venues if v.id is not None), ppm, column_width)

    # -- time ----------------------------------------------------------------------

    def y(self, minute: float) -> float:
        return HEADER + TOP_PAD + (minute - self.start_min) * self.ppm

    def minute_at(self, y: float) -> float:
        return self.start_min + (y - HEADER - TOP_PAD) / self.ppm

    def snapped_minute_at(self, y: float) -> int:
        return snap(self.minute_at(y))

    def label_step(self) -> int:
        """Minutes between time labels: 15 when there is room, else 30 or 60."""
        for step in (15, 30):
            if step * self.ppm >= 22:
                return step
        return 60

    def contains_span(self, start: int, end: int) -> bool:
        return self.start_min <= start and end <= self.end_min

    # -- venues --------------------------------------------------------------------

    def x(self, column: int) -> float:
        return GUTTER + column * self.column_width

    def column_of(self, venue_id: int) -> int | None:
        try:
            return self.venue_ids.index(venue_id)
        except ValueError:
            return None

    def column_at(self, x: float) -> int | None:
        if x < GUTTER:
            return None
        column = int((x - GUTTER) // self.column_width)
        return column if column < len(self.venue_ids) else None

    def venue_at(self, x: float) -> int | None:
        column = self.column_at(x)
        return None if column is None else self.venue_ids[column]

    # -- the whole grid ------------------------------------------------------------

    @property
    def width(self) -> float:
        return GUTTER + max(1, len(self.venue_ids)) * self.column_width

    @property
    def height(self) -> float:
        return self.y(self.end_min) + BOTTOM_MARGIN

    @property
    def body_bottom(self) -> float:
        return self.y(self.end_min)


__all__ = [
    "COLUMN_WIDTH",
    "DEFAULT_ZOOM",
    "GUTTER",
    "HEADER",
    "STEP_MINUTES",
    "ZOOM_LEVELS",
    "GridGeometry",
    "venue_hours",
]
