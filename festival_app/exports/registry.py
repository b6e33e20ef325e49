"""One entry point for every export: `export(kind, service, out_path, ...)`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from festival_app.exports import common, release_footer
from festival_app.exports.common import (
    BOOTHS,
    LANGUAGES,
    PAPERS,
    Cancelled,
    ExportError,
    Progress,
    Selection,
    Steps,
    atomic_output,
    message,
    select,
)
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate
from festival_app.services import FestivalService

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Kind:
    """One kind of export: its name, file suffix, default orientation and label, and what
    it is made of (common.PROGRAM, BOOTHS or TROUPES: which venues it fits)."""

    name: str
    suffix: str
    label: str
    landscape: bool
    default_paper: str = "A4"
    covers: str = common.PROGRAM

    @property
    def is_pdf(self) -> bool:
        return self.suffix == ".pdf"

    @property
    def has_pages(self) -> bool:
        """Whether paper and orientation are the user's to choose: a PDF's. A workbook
        keeps its page setup (A4 landscape, fitted to the width, for any spreadsheet
        program to change); a calendar does not print."""
        return self.is_pdf


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("timetable", ".pdf", N("Export", "Venue timetables (PDF)"), False),
        Kind(
            "overview",
            ".pdf",
            N("Export", "Program overview, all venues side by side (PDF)"),
            True,
            "A3",
        ),
        Kind("cuesheet", ".pdf", N("Export", "Cue sheets for MC and stage manager (PDF)"), True),
        Kind(
            "booths-pdf",
            ".pdf",
            N("Export", "Booth list by venue (PDF)"),
            True,
            covers=common.BOOTHS,
        ),
        Kind(
            "signs",
            ".pdf",
            N("Export", "Booth signs, one page per booth (PDF)"),
            True,
            covers=common.BOOTHS,
        ),
        Kind("booths", ".xlsx", N("Export", "Booth list (Excel)"), True, covers=common.BOOTHS),
        Kind("roster", ".xlsx", N("Export", "Troupe roster (Excel)"), True, covers=common.TROUPES),
        Kind("program", ".xlsx", N("Export", "Program (Excel)"), True),
        Kind("calendar", ".ics", N("Export", "Program as calendar (.ics)"), False),
        Kind("map", ".pdf", N("Export", "Site maps of the booth areas (PDF)"), True, "A3", BOOTHS),
        Kind(
            "map-index",
            ".pdf",
            N("Export", "Booth index by country and code (PDF)"),
            False,
            covers=BOOTHS,
        ),
        Kind(
            "exhibitor-sheets",
            ".pdf",
            N("Export", "Exhibitor sheets: where each booth stands (PDF)"),
            True,  # streets are long: the map reads larger across the page
            covers=BOOTHS,
        ),
    )
}


def check_suffix(kind: str, out_path: str | Path) -> None:
    """ExportError (bad input) when `out_path` does not end in the kind's extension (a
    PDF named .xlsx would open in no program)."""
    spec = KINDS[kind]
    out = Path(out_path)
    if out.suffix.lower() != spec.suffix:
        raise ExportError(
            message(
                N(
                    "Export",
                    "{name} does not end in {suffix}: {kind} is written as a {suffix} file. "
                    "Give a name like {example}.",
                ),
                name=out.name,
                suffix=spec.suffix,
                kind=translate(common.CONTEXT, spec.label),
                example=(out.stem or spec.name) + spec.suffix,
            )
        )


def export(
    kind: str,
    service: FestivalService,
    out_path: str | Path,
    *,
    venues: Iterable[str | int] | None = None,
    days: Iterable[str | date] | None = None,
    lang: str = "both",
    paper: str | None = None,
    landscape: bool | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    font: str | Path | None = None,
    invariant: bool = False,
    now: datetime | None = None,
) -> Path:
    """Write one export to `out_path` atomically and return the path.

    `venues` by id or Korean/English name, `days` as dates or ISO strings (None: all).
    `progress(done, total)` is called as work goes on; when `cancelled()` turns true the
    export stops with ExportCancelled and leaves no file. Raises ExportError for bad input
    (`bad_input`: among them an `out_path` that is the festival file, its journal, lock
    or backups, or any festival file, an `out_path` without the kind's extension, a venue
    that does not fit the kind, and a choice that leaves nothing to export) and for a
    failed write (a full disk: not `bad_input`), MissingFontError when a PDF cannot embed
    a Korean font.
    """
    spec = KINDS.get(kind)
    if spec is None:
        raise ExportError(
            message(
                N("Export", "Unknown export '{kind}'. Choose one of: {kinds}."),
                kind=kind,
                kinds=", ".join(KINDS),
            )
        )
    paper = (paper or spec.default_paper).upper()
    if paper not in PAPERS:
        raise ExportError(
            message(N("Export", "Paper must be A4, A3 or A2, not '{value}'."), value=paper)
        )
    if lang not in LANGUAGES:
        raise ExportError(
            message(N("Export", "Language must be ko, en or both, not '{value}'."), value=lang)
        )
    out = Path(out_path)
    festival = service.path  # never written over, nor its journal, lock or backups
    common.check_output(out, festival)
    check_suffix(kind, out)
    sel = select(service, venues=venues, days=days, lang=lang)
    sel.check_not_empty(spec.covers)
    landscape_mode = spec.landscape if landscape is None else landscape
    stamp = now or datetime.now().replace(second=0, microsecond=0)
    if spec.is_pdf:
        # Before any work: a PDF without a Korean font would print boxes.
        from festival_app.exports.fonts import find_korean_font

        korean = find_korean_font(font)
    if spec.name in ("map", "map-index", "exhibitor-sheets"):
        from festival_app.exports.site_map_export import write_site_pdf

        with atomic_output(out, festival) as tmp:
            write_site_pdf(
                spec.name,
                service,
                sel,
                tmp,
                korean,
                paper,
                landscape_mode,
                progress,
                cancelled,
                invariant,
                stamp,
            )
        logger.info("exported %s to %s", kind, out)
        return out
    with atomic_output(out, festival) as tmp:
        if spec.is_pdf:
            release = release_footer.footer_label(service, sel.lang)
            _write_pdf(
                spec,
                sel,
                tmp,
                korean,
                paper,
                landscape_mode,
                progress,
                cancelled,
                invariant,
                stamp,
                release,
            )
        elif spec.suffix == ".xlsx":
            _write_excel(spec, sel, tmp, paper, landscape_mode, progress, cancelled)
        else:
            from festival_app.exports import ics

            steps = Steps(ics.count_calendar(sel), progress, cancelled)
            ics.write_calendar(sel, tmp, steps, now=now)
            steps.finish()
        if cancelled is not None and cancelled():
            raise common.ExportCancelled()
    logger.info("exported %s to %s", kind, out)
    return out


def _write_pdf(
    spec: Kind,
    sel: Selection,
    tmp: Path,
    korean: object,
    paper: str,
    landscape_mode: bool,
    progress: Progress | None,
    cancelled: Cancelled | None,
    invariant: bool,
    now: datetime,
    release: str = "",
) -> None:
    from festival_app.exports import pdf_booths, pdf_overview, pdf_program
    from festival_app.exports.fonts import KoreanFont
    from festival_app.exports.pdf_common import PdfSetup, page_size

    assert isinstance(korean, KoreanFont)
    setup = PdfSetup(
        font=korean,
        lang=sel.lang,
        festival_title=common.festival_name(sel.festival, sel.lang),
        now=now,
        pagesize=page_size(paper, landscape_mode),
        invariant=invariant,
        release=release,
    )
    writers: dict[
        str, tuple[Callable[[Selection], int], Callable[[Selection, PdfSetup, Path, Steps], None]]
    ] = {
        "timetable": (pdf_program.count_timetable, pdf_program.write_timetable),
        "cuesheet": (pdf_program.count_cuesheet, pdf_program.write_cuesheet),
        "overview": (pdf_overview.count_overview, pdf_overview.write_overview),
        "booths-pdf": (pdf_booths.count_booth_list, pdf_booths.write_booth_list),
        "signs": (pdf_booths.count_signs, pdf_booths.write_signs),
    }
    count, write = writers[spec.name]
    steps = Steps(count(sel), progress, cancelled)
    write(sel, setup, tmp, steps)
    steps.finish()


def _write_excel(
    spec: Kind,
    sel: Selection,
    tmp: Path,
    paper: str,
    landscape_mode: bool,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> None:
    from festival_app.exports import excel

    writers = {
        "booths": (excel.count_booths, excel.write_booths),
        "roster": (excel.count_roster, excel.write_roster),
        "program": (excel.count_program, excel.write_program),
    }
    count, write = writers[spec.name]
    steps = Steps(count(sel), progress, cancelled)
    write(sel, tmp, steps, paper=paper, landscape=landscape_mode)
    steps.finish()
