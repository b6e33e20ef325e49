"""What every export shares: the selection, names in one or two languages, safe writing."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from festival_app.domain import countries
from festival_app.domain.booths import BOOTH_CATEGORY_LABELS, Booth
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ITEM_KIND_LABELS, ITEM_STATUS_LABELS, ProgramItem
from festival_app.domain.times import normalize_text, parse_date
from festival_app.domain.troupes import RELATION_LABELS, Troupe
from festival_app.domain.venues import Venue, VenueKind
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate, translate_into
from festival_app.services import FestivalService
from festival_app.store import outputs

CONTEXT = "Export"
LANGUAGES = ("ko", "en", "both")
PAPERS = ("A4", "A3")

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ExportError(Exception):
    """An export that cannot be made; `bad_input` marks the user's mistake (exit code 2)."""

    def __init__(self, message: str, *, bad_input: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.bad_input = bad_input


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


def message(text: str, **params: object) -> str:
    """Translate a marked English message of the Export context and fill its slots."""
    return translate(CONTEXT, text).format(**params)


@dataclass
class Selection:
    """The festival's data an export works on, read once."""

    festival: Festival
    days: list[FestivalDay]
    venues: list[Venue]  # the chosen venues, in the festival's order
    all_venues: list[Venue]
    troupes: dict[int, Troupe]
    items: list[ProgramItem]  # on the chosen days and venues, in running order
    booths: list[Booth]  # in the chosen venues, present on a chosen day
    lang: str = "both"
    venue_chosen: bool = False  # the user named venues
    _venue_by_id: dict[int, Venue] = field(default_factory=dict)
    _day_by_id: dict[int, FestivalDay] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._venue_by_id = {v.id: v for v in self.all_venues if v.id is not None}
        self._day_by_id = {d.id: d for d in self.days if d.id is not None}

    def venue(self, venue_id: int) -> Venue | None:
        return self._venue_by_id.get(venue_id)

    def day(self, day_id: int) -> FestivalDay | None:
        return self._day_by_id.get(day_id)

    def troupe(self, troupe_id: int | None) -> Troupe | None:
        return self.troupes.get(troupe_id) if troupe_id is not None else None

    def items_at(self, venue: Venue, day: FestivalDay) -> list[ProgramItem]:
        return [i for i in self.items if i.venue_id == venue.id and i.day_id == day.id]

    def stage_venues(self) -> list[Venue]:
        """Venues with a program: chosen ones, else every venue but the booth areas
        (a booth area only when something is scheduled there)."""
        if self.venue_chosen:
            return self.venues
        used = {i.venue_id for i in self.items}
        return [v for v in self.venues if v.kind != VenueKind.BOOTH_AREA or v.id in used]

    def booth_venues(self) -> list[Venue]:
        return [v for v in self.venues if v.kind == VenueKind.BOOTH_AREA]


def select(
    service: FestivalService,
    *,
    venues: Iterable[str | int] | None = None,
    days: Iterable[str | date] | None = None,
    lang: str = "both",
) -> Selection:
    """Read what an export needs; unknown venues and days outside the festival raise."""
    if lang not in LANGUAGES:
        raise ExportError(
            message(N("Export", "Language must be ko, en or both, not '{value}'."), value=lang)
        )
    festival = service.festival()
    all_days = service.days()
    all_venues = service.venues()
    chosen_venues = resolve_venues(all_venues, venues) if venues else list(all_venues)
    chosen_days = resolve_days(all_days, days) if days else list(all_days)
    venue_ids = {v.id for v in chosen_venues}
    day_ids = {d.id for d in chosen_days}
    day_order = {d.id: i for i, d in enumerate(all_days)}
    venue_order = {v.id: i for i, v in enumerate(all_venues)}
    items = [i for i in service.program() if i.venue_id in venue_ids and i.day_id in day_ids]
    items.sort(
        key=lambda i: (
            day_order.get(i.day_id, 0),
            venue_order.get(i.venue_id, 0),
            i.start,
            i.end,
            i.id or 0,
        )
    )
    booths = [
        b
        for b in service.booths()
        if b.venue_id in venue_ids and (not b.day_ids or b.day_ids & day_ids)
    ]
    booths.sort(key=lambda b: (venue_order.get(b.venue_id, 0), not b.code, b.code or "", b.label()))
    return Selection(
        festival=festival,
        days=chosen_days,
        venues=chosen_venues,
        all_venues=all_venues,
        troupes={t.id: t for t in service.troupes() if t.id is not None},
        items=items,
        booths=booths,
        lang=lang,
        venue_chosen=bool(venues),
    )


def resolve_venues(all_venues: Sequence[Venue], wanted: Iterable[str | int]) -> list[Venue]:
    """Venues named by id, Korean or English name (case-insensitive), in festival order."""
    chosen: set[int | None] = set()
    for name in wanted:
        if isinstance(name, int):
            hits = [v for v in all_venues if v.id == name]
        else:
            key = normalize_text(name).casefold()
            hits = [
                v
                for v in all_venues
                if key
                in (normalize_text(v.name_en).casefold(), normalize_text(v.name_ko).casefold())
            ]
        if not hits:
            known = ", ".join(v.name("en") for v in all_venues)
            raise ExportError(
                message(
                    N("Export", "There is no venue called '{name}'. The venues are: {known}."),
                    name=name,
                    known=known or "-",
                )
            )
        chosen.update(v.id for v in hits)
    return [v for v in all_venues if v.id in chosen]


def resolve_days(
    all_days: Sequence[FestivalDay], wanted: Iterable[str | date]
) -> list[FestivalDay]:
    chosen: set[date] = set()
    known = ", ".join(d.date.isoformat() for d in all_days) or "-"
    for value in wanted:
        if isinstance(value, date):
            when = value
        else:
            try:
                when = parse_date(value)
            except ValueError:
                raise ExportError(
                    message(
                        N(
                            "Export",
                            "'{value}' is not a date like 2018-09-01. The festival days are: {known}.",
                        ),
                        value=value,
                        known=known,
                    )
                ) from None
        if when not in {d.date for d in all_days}:
            raise ExportError(
                message(
                    N("Export", "{day} is not a festival day. The festival days are: {known}."),
                    day=when.isoformat(),
                    known=known,
                )
            )
        chosen.add(when)
    return [d for d in all_days if d.date in chosen]


# -- names in one or both languages ----------------------------------------------------


def pair(korean: str, english: str, lang: str, sep: str = " / ") -> str:
    """Korean, English or both ("서울광장 / Seoul Plaza"), falling back to what exists."""
    korean, english = korean.strip(), english.strip()
    if lang == "ko":
        return korean or english
    if lang == "en":
        return english or korean
    if korean and english and korean != english:
        return f"{korean}{sep}{english}"
    return korean or english


def venue_name(venue: Venue, lang: str) -> str:
    return pair(venue.name_ko, venue.name_en, lang)


def festival_name(festival: Festival, lang: str) -> str:
    return pair(festival.name_ko, festival.name_en, lang)


def item_title(item: ProgramItem, lang: str) -> str:
    return pair(item.title_ko, item.title_en, lang)


def troupe_name(troupe: Troupe, lang: str) -> str:
    return pair(troupe.name_ko, troupe.name, lang)


def troupe_city(troupe: Troupe, lang: str) -> str:
    city = pair(troupe.city_ko, troupe.city_en, lang)
    country = pair(countries.name(troupe.country, "ko"), countries.name(troupe.country, "en"), lang)
    if city and country:
        return f"{city}, {country}"
    return city or country


def label(context: str, english: str, lang: str) -> str:
    """A fixed-list label: translated for Korean, English source for English, both for both."""
    translated = translate_into("ko", context, english)
    if lang == "en":
        return english
    if lang == "ko":
        return translated
    return pair(translated, english, "both")


def kind_label(item: ProgramItem, lang: str) -> str:
    return label("ItemKind", ITEM_KIND_LABELS[item.kind], lang)


def status_label(item: ProgramItem, lang: str) -> str:
    return label("ItemStatus", ITEM_STATUS_LABELS[item.status], lang)


def category_label(booth: Booth, lang: str) -> str:
    return label("BoothCategory", BOOTH_CATEGORY_LABELS[booth.category], lang)


def relation_label(troupe: Troupe, lang: str) -> str:
    return label("Relation", RELATION_LABELS[troupe.relation], lang)


def heading(english: str, lang: str) -> str:
    """A column heading or caption of the Export context in the chosen language(s)."""
    return label(CONTEXT, english, lang)


def printed(english: str, lang: str, **params: object) -> str:
    """A printed sentence of the Export context in the printout's language, its slots
    filled; a printout in both languages says it in the interface's."""
    if lang == "en":
        template = english
    elif lang == "ko":
        template = translate_into("ko", CONTEXT, english)
    else:
        template = translate(CONTEXT, english)
    return template.format(**params)


def format_date(day: date, lang: str) -> str:
    weekday_en = day.strftime("%a")
    weekday_ko = "월화수목금토일"[day.weekday()]
    en = f"{weekday_en} {day.day} {day.strftime('%b')} {day.year}"
    ko = f"{day.year}년 {day.month}월 {day.day}일 ({weekday_ko})"
    return pair(ko, en, lang)


def printed_stamp(now: datetime) -> str:
    return now.strftime("%Y-%m-%d %H:%M")


# -- writing atomically ----------------------------------------------------------------


def check_output(out_path: Path, festival: Path | None = None) -> None:
    """Refuse an output path that cannot or must not be written, before any work is done:
    a festival file (`festival`, or any other), its journal, lock or backups (see
    store.outputs), a folder, a missing or read-only folder, a read-only file."""
    refuse_protected(out_path, festival)
    folder = out_path.parent
    if out_path.is_dir():
        raise ExportError(
            message(N("Export", "{path} is a folder; give a file name."), path=out_path)
        )
    if not folder.is_dir():
        raise ExportError(
            message(N("Export", "The folder {folder} does not exist."), folder=folder)
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(
            message(N("Export", "The folder {folder} cannot be written."), folder=folder)
        )
    if out_path.exists() and not os.access(out_path, os.W_OK):
        raise ExportError(
            message(N("Export", "{path} exists and cannot be replaced."), path=out_path)
        )


def refuse_protected(out_path: Path, festival: Path | None = None) -> None:
    """ExportError (bad input) when `out_path` would replace a festival file, its
    journal, lock or backups."""
    try:
        outputs.refuse_protected_target(out_path, festival)
    except outputs.OutputError as exc:
        raise ExportError(exc.message(), bad_input=exc.bad_input) from exc


@contextlib.contextmanager
def atomic_output(out_path: Path, festival: Path | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `out_path`; rename it into place only on success.

    On any failure or cancel the temporary file is removed and an existing file at
    `out_path` stays as it was. A protected target (see `check_output`) is refused; an
    OSError while writing (a full disk, a file larger than allowed) becomes a plain
    ExportError that is not the user's mistake. The temporary file carries this process's
    id; those of writers that were killed are removed first (see store.outputs).
    """
    check_output(out_path, festival)
    try:
        with outputs.atomic_output(out_path, festival) as tmp:
            yield tmp
    except outputs.OutputError as exc:
        raise ExportError(exc.message(), bad_input=exc.bad_input) from exc


class Steps:
    """Progress reporting and cancel checks for one export."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled
        self.report()

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled()

    def report(self) -> None:
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)

    def step(self, count: int = 1) -> None:
        self.done += count
        self.check()
        self.report()

    def finish(self) -> None:
        self.done = self.total
        self.report()
