"""The day at a glance: every venue side by side, time running down, blocks as tall as
their duration (like the festival's published "Events / Venue" table)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.times import format_time
from festival_app.domain.venues import Venue
from festival_app.exports import common
from festival_app.exports.common import Selection, Steps, message
from festival_app.exports.pdf_common import (
    INK,
    MUTED,
    RULE,
    PdfSetup,
    Section,
    SectionStart,
    build,
    draw_clipped,
    esc,
    fitted_paragraph,
)
from festival_app.i18n import QT_TRANSLATE_NOOP as N

HEADER_HEIGHT = 24 * mm

KIND_COLORS = {
    ItemKind.PARADE: colors.HexColor("#fde2c4"),
    ItemKind.CEREMONY: colors.HexColor("#f6d2dc"),
    ItemKind.PERFORMANCE: colors.HexColor("#d4e6f7"),
    ItemKind.ENCORE: colors.HexColor("#dcefd2"),
    ItemKind.FINALE: colors.HexColor("#e6dcf3"),
    ItemKind.OTHER: colors.HexColor("#eeeeee"),
}


def _lanes(items: list[ProgramItem]) -> tuple[dict[int, int], int]:
    """Side-by-side lanes for items of one venue that overlap (a clash still prints)."""
    lane_end: list[int] = []
    lane_of: dict[int, int] = {}
    for index, item in enumerate(sorted(items, key=lambda i: (i.start_min, i.end_min))):
        for lane, end in enumerate(lane_end):
            if end <= item.start_min:
                lane_end[lane] = item.end_min
                lane_of[id(item)] = lane
                break
        else:
            lane_end.append(item.end_min)
            lane_of[id(item)] = len(lane_end) - 1
        del index
    return lane_of, max(1, len(lane_end))


class DayGrid(Flowable):
    """One day's grid, drawn straight on the canvas to fill the frame."""

    def __init__(
        self, sel: Selection, setup: PdfSetup, day: FestivalDay, venues: list[Venue]
    ) -> None:
        super().__init__()
        self.sel, self.setup, self.day, self.venues = sel, setup, day, venues
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, availHeight - 1
        return self.width, self.height

    def draw(self) -> None:
        canv, setup, lang = self.canv, self.setup, self.setup.lang
        items = [i for i in self.sel.items if i.day_id == self.day.id]
        starts = [i.start_min for i in items] + [self.day.opens.hour * 60 + self.day.opens.minute]
        ends = [i.end_min for i in items] + [self.day.closes.hour * 60 + self.day.closes.minute]
        first = min(starts) // 60 * 60
        last = -(-max(ends) // 60) * 60
        axis_w = 14 * mm
        head_h = 16 * mm
        grid_top = self.height - head_h
        per_min = grid_top / max(last - first, 60)
        col_w = (self.width - axis_w) / max(1, len(self.venues))

        def y_of(minute: int) -> float:
            return grid_top - (minute - first) * per_min

        # Hour lines and labels.
        canv.setLineWidth(0.3)
        for minute in range(first, last + 1, 30):
            canv.setStrokeColor(RULE if minute % 60 == 0 else colors.HexColor("#cccccc"))
            canv.setDash([] if minute % 60 == 0 else [2, 2])
            canv.line(axis_w, y_of(minute), self.width, y_of(minute))
            if minute % 60 == 0 and minute < last:
                canv.setFillColor(INK)
                canv.setFont(setup.font.bold, 10)
                canv.drawRightString(axis_w - 2 * mm, y_of(minute) - 10, f"{minute // 60:02d}:00")
        canv.setDash([])
        # Venue heads and column rules.
        for index, venue in enumerate(self.venues):
            x = axis_w + index * col_w
            canv.setStrokeColor(INK)
            canv.setLineWidth(0.6)
            canv.line(x, 0, x, self.height)
            para, used = fitted_paragraph(
                f"<b>{esc(common.venue_name(venue, lang))}</b>",
                setup,
                col_w - 4,
                head_h - 4,
                12,
                6,
                align=TA_CENTER,
            )
            draw_clipped(canv, para, x + 2, grid_top + 2, col_w - 4, head_h - 4, used, center=True)
        canv.line(self.width, 0, self.width, self.height)
        canv.line(axis_w, grid_top, self.width, grid_top)
        # Program blocks.
        for index, venue in enumerate(self.venues):
            mine = [i for i in items if i.venue_id == venue.id]
            lane_of, lanes = _lanes(mine)
            lane_w = col_w / lanes
            for item in mine:
                x = axis_w + index * col_w + lane_of[id(item)] * lane_w + 1.5
                top, bottom = y_of(item.start_min), y_of(item.end_min)
                w, h = lane_w - 3, top - bottom
                cancelled = item.status == ItemStatus.CANCELLED
                canv.setFillColor(
                    colors.HexColor("#f4f4f4") if cancelled else KIND_COLORS[item.kind]
                )
                canv.setStrokeColor(MUTED)
                canv.setLineWidth(0.5)
                canv.rect(x, bottom + 0.5, w, h - 1, stroke=1, fill=1)
                troupe = self.sel.troupe(item.troupe_id)
                text = (
                    f"<font color='#444444'>{format_time(item.start)}–{format_time(item.end)}</font> "
                    f"<b>{esc(common.item_title(item, lang))}</b>"
                )
                if cancelled:
                    text = f"<strike>{text}</strike> [{esc(common.status_label(item, lang))}]"
                if troupe is not None:
                    text += (
                        f"<br/><font color='#333333'>{esc(common.troupe_name(troupe, lang))}</font>"
                    )
                pad = 2
                para, used = fitted_paragraph(text, setup, w - 2 * pad, h - 2 * pad - 1, 13, 4.5)
                draw_clipped(canv, para, x + pad, bottom + pad, w - 2 * pad, h - 2 * pad - 1, used)


def _per_page(setup: PdfSetup) -> int:
    """How many venue columns a page holds and stays readable."""
    return max(3, int(setup.pagesize[0] // (28 * mm)) - 1)


def _chunks(venues: list[Venue], size: int) -> list[list[Venue]]:
    return [venues[i : i + size] for i in range(0, len(venues), size)] or [[]]


def count_overview(sel: Selection) -> int:
    # Progress counts pages; the paper size is not known here, so count days.
    return len(sel.days)


def write_overview(sel: Selection, setup: PdfSetup, out: Path, steps: Steps) -> None:
    lang = setup.lang
    venues = sel.stage_venues()
    if not venues:
        raise common.ExportError(message(N("Export", "There is no venue with a program to print.")))
    story: list[Flowable] = []
    groups = _chunks(venues, _per_page(setup))
    title = common.heading(N("Export", "Program overview"), lang)
    for day in sel.days:
        for number, group in enumerate(groups, start=1):
            if story:
                story.append(PageBreak())
            note = f"{number}/{len(groups)}" if len(groups) > 1 else ""
            # Progress steps once per day, on its first page.
            marker_steps = steps if number == 1 else None
            story.append(
                SectionStart(Section(title, common.format_date(day.date, lang), note), marker_steps)
            )
            story.append(DayGrid(sel, setup, day, group))
    build(
        out,
        setup,
        story,
        header_height=HEADER_HEIGHT,
        title=common.printed(N("Export", "Program overview"), setup.lang),
    )
