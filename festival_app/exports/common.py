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
from festival_app.domain.errors import UserError
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
PAPERS = ("A4", "A3", "A2")

# What an export is made of, which decides the venues it fits (see `fitting_venues`).
PROGRAM = "program"  # the program items: stages, the parade route, ...
BOOTHS = "booths"  # the booths: the booth areas
TROUPES = "troupes"  # the troupes; by venue, those performing there

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ExportError(UserError):
    """An export that cannot be made; `bad_input` marks the user's mistake (exit code 2)."""

    def __init__(self, text: str, *, bad_input: bool = True) -> None:
        super().__init__(text)
        self.text = text
        self.bad_input = bad_input

    def message(self) -> str:
        return self.text


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
    # The whole program and every booth, whatever was chosen: which venues fit a kind.
    all_items: list[ProgramItem] = field(default_factory=list)
    all_booths: list[Booth] = field(default_factory=list)
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

    def check_not_empty(self, covers: str) -> None:
        """ExportError (bad input) when the export would hold nothing: a venue named that
        does not fit the kind (a stage for a booth list), or venues and days with nothing
        of the kind. The message names the venues that would fit."""
        if covers == TROUPES and not self.venue_chosen:
            if not self.troupes:
                raise ExportError(
                    message(N("Export", "There are no troupes in this festival file."))
                )
            return
        fitting = fitting_venues(covers, self.all_venues, self.all_items, self.all_booths)
        if not fitting:
            raise ExportError(
                message(N("Export", "There are no booth areas in this festival file."))
                if covers == BOOTHS
                else message(
                    N("Export", "There are no venues with a program in this festival file.")
                )
            )
        fitting_ids = {v.id for v in fitting}
        if self.venue_chosen:
            unfit = [v for v in self.venues if v.id not in fitting_ids]
            if unfit:
                params = {"venues": _names(unfit), "fitting": _names(fitting)}
                if covers == BOOTHS:
                    text = N(
                        "Export", "There are no booths at {venues}. The booth areas are: {fitting}."
                    )
                else:
                    text = N(
                        "Export",
                        "Nothing is scheduled at {venues}. The venues with a program are: {fitting}.",
                    )
                raise ExportError(message(text, **params))
        if covers == BOOTHS:
            if self.booths:
                return
            day_ids = {d.id for d in self.days}
            busy_ids = {b.venue_id for b in self.all_booths if not b.day_ids or b.day_ids & day_ids}
        else:
            if self.troupes if covers == TROUPES else self.items:
                return
            if not self.days:
                raise ExportError(
                    message(N("Export", "There are no festival days in this festival file."))
                )
            day_ids = {d.id for d in self.days}
            busy_ids = {
                i.venue_id
                for i in self.all_items
                if i.day_id in day_ids and (covers == PROGRAM or i.troupe_id is not None)
            }
        busy = [v for v in self.all_venues if v.id in busy_ids and v.id in fitting_ids]
        days = ", ".join(d.date.isoformat() for d in self.days) or "-"
        if self.venue_chosen and busy:
            params = {"venues": _names(self.venues), "days": days, "busy": _names(busy)}
            if covers == BOOTHS:
                text = N(
                    "Export",
                    "There are no booths at {venues} on {days}. On those days there are booths at: {busy}.",
                )
            else:
                text = N(
                    "Export",
                    "Nothing is scheduled at {venues} on {days}. On those days there is a program at: {busy}.",
                )
            raise ExportError(message(text, **params))
        if covers == BOOTHS:
            text = N("Export", "There are no booths on {days}: there is nothing to export.")
        else:
            text = N("Export", "Nothing is scheduled on {days}: there is nothing to export.")
        raise ExportError(message(text, days=days))


def fitting_venues(
    covers: str, venues: Sequence[Venue], items: Sequence[ProgramItem], booths: Sequence[Booth]
) -> list[Venue]:
    """The venues an export made of `covers` (PROGRAM, BOOTHS, TROUPES) can be about: the
    booth areas (and any venue holding booths) for booths; every other venue (and a booth
    area where something is scheduled) for the program and the troupes."""
    if covers == BOOTHS:
        held = {b.venue_id for b in booths}
        return [v for v in venues if v.kind == VenueKind.BOOTH_AREA or v.id in held]
    used = {i.venue_id for i in items}
    return [v for v in venues if v.kind != VenueKind.BOOTH_AREA or v.id in used]


def _names(venues: Iterable[Venue]) -> str:
    return ", ".join(v.name("en") for v in venues) or "-"


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
    every_item = service.program()
    every_booth = service.booths()
    items = [i for i in every_item if i.venue_id in venue_ids and i.day_id in day_ids]
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
        b for b in every_booth if b.venue_id in venue_ids and (not b.day_ids or b.day_ids & day_ids)
    ]
    booths.sort(key=lambda b: (venue_order.get(b.venue_id, 0), not b.code, b.code or "", b.label()))
    troupes = {t.id: t for t in service.troupes() if t.id is not None}
    if venues:
        # By venue: the troupes performing there (a roster of the main stage's troupes).
        performing = {i.troupe_id for i in items}
        troupes = {k: t for k, t in troupes.items() if k in performing}
    return Selection(
        festival=festival,
        days=chosen_days,
        venues=chosen_venues,
        all_venues=all_venues,
        troupes=troupes,
        items=items,
        booths=booths,
        lang=lang,
        venue_chosen=bool(venues),
        all_items=every_item,
        all_booths=every_booth,
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
        # A text may hold both languages already ("NGO / 국제 기관"): what the English
        # repeats of it is not said twice ("NGO / 국제 기관 / international organization").
        said = {part.strip().casefold() for part in korean.split(sep)}
        rest = [part for part in english.split(sep) if part.strip().casefold() not in said]
        if not rest:
            return korean
        return f"{korean}{sep}{sep.join(rest)}"
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


def printed_in_each(english: str, lang: str, **params: object) -> str:
    """A printed sentence in the printout's language; a printout in both languages says it
    in both, Korean first ("인쇄 … / Printed …"), like its headings."""
    if lang != "both":
        return printed(english, lang, **params)
    return pair(printed(english, "ko", **params), printed(english, "en", **params), "both")


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
