"""Writing the site-map printouts (map, map-index, exhibitor-sheets) for the registry."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from festival_app import site_plan
from festival_app.exports import common
from festival_app.exports.common import Cancelled, Progress, Selection, Steps
from festival_app.services import FestivalService


def write_site_pdf(
    kind: str,
    service: FestivalService,
    sel: Selection,
    tmp: Path,
    korean: object,
    paper: str,
    landscape_mode: bool,
    progress: Progress | None,
    cancelled: Cancelled | None,
    invariant: bool,
    now: datetime,
) -> None:
    from festival_app.exports import pdf_site_map
    from festival_app.exports.fonts import KoreanFont
    from festival_app.exports.pdf_common import PdfSetup, page_size

    assert isinstance(korean, KoreanFont)
    area_ids = [v.id for v in sel.booth_venues() if v.id is not None]
    maps = [m for v in area_ids if (m := site_plan.site_map(service, v)) is not None]
    spaces = [s for v in area_ids for s in site_plan.spaces(service, v)]
    site = pdf_site_map.load(sel, maps, spaces)
    setup = PdfSetup(
        font=korean,
        lang=sel.lang,
        festival_title=common.festival_name(sel.festival, sel.lang),
        now=now,
        pagesize=page_size(paper, landscape_mode),
        invariant=invariant,
    )
    writers = {
        "map": (pdf_site_map.count_maps, pdf_site_map.write_maps),
        "map-index": (pdf_site_map.count_index, pdf_site_map.write_index),
        "exhibitor-sheets": (pdf_site_map.count_sheets, pdf_site_map.write_sheets),
    }
    count, write = writers[kind]
    steps = Steps(count(sel), progress, cancelled)
    write(sel, setup, tmp, steps, site)
    steps.finish()
    if cancelled is not None and cancelled():
        raise common.ExportCancelled()
