"""The day at a glance: every venue side by side, time running down, blocks as tall as
their duration (like the festival's published "Events / Venue" table)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import unescape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph

from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.times import format_time
from festival_app.domain.venues import Venue
from festival_app.exports import common
from festival_app.exports.common import Selection, Steps, message
from festival_app.exports.pdf_common import (
    FOOTER_HEIGHT,
    INK,
    MARGIN,
    MUTED,
    RULE,
    Alignment,
    PdfSetup,
    Section,
    SectionStart,
    build,
    draw_clipped,
    esc,
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


_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>")

# Text in a block or a venue head keeps this far from its borders (points).
PAD_X = 4.0
PAD_Y = 3.0
# The text sizes tried, largest first; one of them is the printout's (see TextSizes).
BLOCK_SIZES = (13.0, 12.0, 11.0, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0)
HEAD_SIZES = (12.0, 11.0, 10.0, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0)
SMALLEST = 4.5  # a block too short for one line at the printout's size, and only it
LEADING = 1.15
AXIS_W = 14 * mm
HEAD_H = 16 * mm


@dataclass(frozen=True)
class Block:
    """One program item's box on a day's grid (x, bottom: from the grid's bottom left)."""

    item: ProgramItem
    x: float
    bottom: float
    width: float
    height: float

    def text_box(self) -> tuple[float, float, float, float]:
        """Where its text goes: inside the border, PAD_X and PAD_Y away from it."""
        return (
            self.x + PAD_X,
            self.bottom + 0.5 + PAD_Y,
            max(1.0, self.width - 2 * PAD_X),
            max(1.0, self.height - 1 - 2 * PAD_Y),
        )


@dataclass(frozen=True)
class Grid:
    """Where everything of one day's page goes."""

    first: int  # the minute at the top of the grid
    last: int
    per_min: float
    col_w: float
    grid_top: float
    blocks: list[Block]


def _grid(
    sel: Selection, day: FestivalDay, venues: list[Venue], width: float, height: float
) -> Grid:
    items = [i for i in sel.items if i.day_id == day.id]
    starts = [i.start_min for i in items] + [day.opens.hour * 60 + day.opens.minute]
    ends = [i.end_min for i in items] + [day.closes.hour * 60 + day.closes.minute]
    first = min(starts) // 60 * 60
    last = -(-max(ends) // 60) * 60
    grid_top = height - HEAD_H
    per_min = grid_top / max(last - first, 60)
    col_w = (width - AXIS_W) / max(1, len(venues))
    blocks = []
    for index, venue in enumerate(venues):
        mine = [i for i in items if i.venue_id == venue.id]
        lane_of, lanes = _lanes(mine)
        lane_w = col_w / lanes
        for item in mine:
            top = grid_top - (item.start_min - first) * per_min
            bottom = grid_top - (item.end_min - first) * per_min
            x = AXIS_W + index * col_w + lane_of[id(item)] * lane_w + 1.5
            blocks.append(Block(item, x, bottom, lane_w - 3, top - bottom))
    return Grid(first, last, per_min, col_w, grid_top, blocks)


def _block_text(sel: Selection, item: ProgramItem, lang: str, *, troupe: bool = True) -> str:
    text = (
        f"<font color='#444444'>{format_time(item.start)}–{format_time(item.end)}</font> "
        f"<b>{esc(common.item_title(item, lang))}</b>"
    )
    if item.status == ItemStatus.CANCELLED:
        text = f"<strike>{text}</strike> [{esc(common.status_label(item, lang))}]"
    who = sel.troupe(item.troupe_id)
    if troupe and who is not None:
        text += f"<br/><font color='#333333'>{esc(common.troupe_name(who, lang))}</font>"
    return text


def _head_text(venue: Venue, lang: str) -> str:
    return f"<b>{esc(common.venue_name(venue, lang))}</b>"


class Measure:
    """The printout's paragraphs, laid out once: the search for its text sizes and the
    drawing share them (parsing a paragraph's markup is what costs)."""

    def __init__(self, setup: PdfSetup) -> None:
        self.setup = setup
        self._laid: dict[tuple[str, float, int, float, float], tuple[Paragraph, float]] = {}
        self._widths: dict[str, list[float]] = {}  # of each line at size 1
        self._styles: dict[tuple[float, int], ParagraphStyle] = {}

    def lay(
        self, markup: str, size: float, width: float, height: float, align: Alignment = 0
    ) -> tuple[Paragraph, float]:
        """The paragraph of `markup` at `size`, wrapped to `width`, and its height."""
        key = (markup, size, align, round(width, 1), round(height, 1))
        laid = self._laid.get(key)
        if laid is None:
            style = self._styles.get((size, align))
            if style is None:
                base = self.setup.style(size, leading=size * LEADING, align=align)
                # A block shows as many lines as it holds, even one (see DayGrid._text).
                style = self._styles[(size, align)] = ParagraphStyle(
                    f"{base.name}-lines", parent=base, allowOrphans=1, allowWidows=1
                )
            para = Paragraph(markup, style)
            _, used = para.wrap(width, height)
            laid = self._laid[key] = (para, used)
        return laid

    def fits(self, markup: str, size: float, width: float, height: float) -> bool:
        if self._least_height(markup, size, width) > height:
            return False  # surely too tall: no need to lay it out
        return self.lay(markup, size, width, height)[1] <= height

    def _least_height(self, markup: str, size: float, width: float) -> float:
        """A lower bound of the paragraph's height: each of its lines (between <br/>)
        takes at least its width divided by `width` lines, and bold is never narrower."""
        widths = self._widths.get(markup)
        if widths is None:
            font = self.setup.font.regular
            widths = self._widths[markup] = [
                stringWidth(unescape(_TAG.sub("", part)), font, 1) * 0.97
                for part in _BREAK.split(markup)
            ]
        lines = sum(max(1, math.ceil(w * size / max(width, 1))) for w in widths)
        return lines * size * LEADING

    def largest(
        self, markup: str, sizes: tuple[float, ...], width: float, height: float
    ) -> float | None:
        """The largest of `sizes` (largest first) at which `markup` fits the box; None."""
        if self.fits(markup, sizes[0], width, height):
            return sizes[0]  # most blocks: the size found so far fits them too
        if not self.fits(markup, sizes[-1], width, height):
            return None
        low, high = 1, len(sizes) - 1  # the answer is in sizes[low:high + 1]
        while low < high:
            middle = (low + high) // 2
            if self.fits(markup, sizes[middle], width, height):
                high = middle
            else:
                low = middle + 1
        return sizes[low]


@dataclass(frozen=True)
class TextSizes:
    """The printout's one size for block texts and one for venue heads: the largest at
    which every block's whole text (every head) fits, but not below the smallest size
    tried. A block whose whole text does not fit at it drops the troupe, then lines."""

    block: float
    head: float


def text_sizes(
    sel: Selection,
    measure: Measure,
    pages: list[tuple[FestivalDay, list[Venue]]],
    size: tuple[float, float],
) -> TextSizes:
    lang = measure.setup.lang
    block = BLOCK_SIZES[0]
    head = HEAD_SIZES[0]
    for day, venues in pages:
        grid = _grid(sel, day, venues, *size)
        for b in grid.blocks:
            _, _, w, h = b.text_box()
            markup = _block_text(sel, b.item, lang)
            found = measure.largest(markup, BLOCK_SIZES[BLOCK_SIZES.index(block) :], w, h)
            # A block too small for its whole text at the smallest size is shortened at
            # the printout's size; it does not make every other block small.
            if found is not None:
                block = found
        for venue in venues:
            found = measure.largest(
                _head_text(venue, lang),
                HEAD_SIZES[HEAD_SIZES.index(head) :],
                grid.col_w - 2 * PAD_X,
                HEAD_H - 2 * PAD_Y,
            )
            head = found if found is not None else HEAD_SIZES[-1]
    return TextSizes(block, head)


class DayGrid(Flowable):
    """One day's grid, drawn straight on the canvas to fill the frame."""

    def __init__(
        self,
        sel: Selection,
        setup: PdfSetup,
        day: FestivalDay,
        venues: list[Venue],
        sizes: TextSizes,
        measure: Measure,
    ) -> None:
        super().__init__()
        self.sel, self.setup, self.day, self.venues = sel, setup, day, venues
        self.sizes, self.measure = sizes, measure
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, availHeight - 1
        return self.width, self.height

    def draw(self) -> None:
        canv, setup, lang = self.canv, self.setup, self.setup.lang
        grid = _grid(self.sel, self.day, self.venues, self.width, self.height)
        first, last, grid_top, col_w = grid.first, grid.last, grid.grid_top, grid.col_w

        def y_of(minute: int) -> float:
            return grid_top - (minute - first) * grid.per_min

        # Hour lines and labels.
        canv.setLineWidth(0.3)
        for minute in range(first, last + 1, 30):
            canv.setStrokeColor(RULE if minute % 60 == 0 else colors.HexColor("#cccccc"))
            canv.setDash([] if minute % 60 == 0 else [2, 2])
            canv.line(AXIS_W, y_of(minute), self.width, y_of(minute))
            if minute % 60 == 0 and minute < last:
                canv.setFillColor(INK)
                canv.setFont(setup.font.bold, 10)
                canv.drawRightString(AXIS_W - 2 * mm, y_of(minute) - 10, f"{minute // 60:02d}:00")
        canv.setDash([])
        # Venue heads and column rules.
        for index, venue in enumerate(self.venues):
            x = AXIS_W + index * col_w
            canv.setStrokeColor(INK)
            canv.setLineWidth(0.6)
            canv.line(x, 0, x, self.height)
            box = (x + PAD_X, grid_top + PAD_Y, col_w - 2 * PAD_X, HEAD_H - 2 * PAD_Y)
            self._text(_head_text(venue, lang), self.sizes.head, box, center=True)
        canv.line(self.width, 0, self.width, self.height)
        canv.line(AXIS_W, grid_top, self.width, grid_top)
        # Program blocks.
        for block in grid.blocks:
            item = block.item
            cancelled = item.status == ItemStatus.CANCELLED
            canv.setFillColor(colors.HexColor("#f4f4f4") if cancelled else KIND_COLORS[item.kind])
            canv.setStrokeColor(MUTED)
            canv.setLineWidth(0.5)
            canv.rect(block.x, block.bottom + 0.5, block.width, block.height - 1, stroke=1, fill=1)
            self._block(block)

    def _block(self, block: Block) -> None:
        """The block's text at the printout's size: whole, else without the troupe, else
        as many whole lines as fit; a block too short for one line gets a smaller size."""
        size = self.sizes.block
        box = block.text_box()
        x, y, w, h = box
        whole = _block_text(self.sel, block.item, self.setup.lang)
        if self.measure.fits(whole, size, w, h):
            para, used = self.measure.lay(whole, size, w, h)
            draw_clipped(self.canv, para, x, y, w, h, used)
            return
        short = _block_text(self.sel, block.item, self.setup.lang, troupe=False)
        if h < size * LEADING:
            # Too short for a line at the printout's size: one smaller line, centred in
            # what the border leaves (at least a point from it); none in a sliver.
            inner = block.height - 1
            size = min(size, (inner - 2) / LEADING)
            if size < SMALLEST:
                return
            line = size * LEADING
            box = (x, block.bottom + 0.5 + (inner - line) / 2, w, line)
        self._text(short, size, box)

    def _text(
        self,
        markup: str,
        size: float,
        box: tuple[float, float, float, float],
        *,
        center: bool = False,
    ) -> None:
        """`markup` at `size` in the box, top down (or centred); whole lines only."""
        x, y, w, h = box
        para, used = self.measure.lay(markup, size, w, h, TA_CENTER if center else 0)
        shown: Flowable = para
        if used > h:
            parts = para.split(w, h)
            if not parts:
                return
            shown = parts[0]
            _, used = shown.wrap(w, h)
        draw_clipped(self.canv, shown, x, y, w, h, used, center=center)


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
    # The grid fills the frame below the header (DayGrid.wrap: one point less).
    page_w, page_h = setup.pagesize
    grid_size = (page_w - 2 * MARGIN, page_h - 2 * MARGIN - FOOTER_HEIGHT - HEADER_HEIGHT - 1)
    measure = Measure(setup)
    sizes = text_sizes(sel, measure, [(d, g) for d in sel.days for g in groups], grid_size)
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
            story.append(DayGrid(sel, setup, day, group, sizes, measure))
    build(
        out,
        setup,
        story,
        header_height=HEADER_HEIGHT,
        title=common.printed(N("Export", "Program overview"), setup.lang),
    )
