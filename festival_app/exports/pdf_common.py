"""Shared PDF machinery: page layout, styles, header and "page n of m" footer, fitting text."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A2, A3, A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from festival_app.domain.text import without_controls
from festival_app.exports.common import Steps, printed, printed_in_each, printed_stamp
from festival_app.exports.fonts import KoreanFont
from festival_app.i18n import QT_TRANSLATE_NOOP as N

_TAG_RE = re.compile(r"<[^>]*>")

MARGIN = 12 * mm
FOOTER_HEIGHT = 9 * mm
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#888888")
SHADE = colors.HexColor("#e9eef5")
# reportlab's paragraph alignments: TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY.
Alignment = Literal[0, 1, 2, 4]
# One command of a TableStyle: name, first cell, last cell, values.
StyleCommand = tuple[str, tuple[int, int], tuple[int, int], *tuple[Any, ...]]


def esc(text: str) -> str:
    """User text made safe for a Paragraph: markup escaped, control characters gone,
    line breaks kept."""
    clean = without_controls(text).replace("\t", " ")
    return escape(clean).replace("\n", "<br/>")


def page_size(paper: str, landscape_mode: bool) -> tuple[float, float]:
    size = {"A2": A2, "A3": A3}.get(paper.upper(), A4)
    return landscape(size) if landscape_mode else portrait(size)


@dataclass
class PdfSetup:
    """Everything a PDF kind needs to lay out its pages."""

    font: KoreanFont
    lang: str
    festival_title: str
    now: datetime
    pagesize: tuple[float, float]
    invariant: bool = False
    # The version the printout shows, as its footer says it ("Release v2 of ..." or
    # "Draft, not released"; see exports/release_footer.py); empty: not said.
    release: str = ""
    _styles: dict[tuple[object, ...], ParagraphStyle] = field(default_factory=dict)

    def style(
        self,
        size: float,
        *,
        bold: bool = False,
        leading: float | None = None,
        color: Any = INK,
        align: Alignment = TA_LEFT,
        space_after: float = 0,
    ) -> ParagraphStyle:
        key = (size, bold, leading, str(color), align, space_after)
        cached = self._styles.get(key)
        if cached is not None:
            return cached
        self._styles[key] = made = ParagraphStyle(
            f"s{size}{bold}{align}",
            fontName=self.font.bold if bold else self.font.regular,
            fontSize=size,
            leading=leading or size * 1.22,
            textColor=color,
            alignment=align,
            spaceAfter=space_after,
            splitLongWords=1,
        )
        return made

    def para(self, text: str, size: float, **kwargs: Any) -> Paragraph:
        """A Paragraph of user text (escaped)."""
        return Paragraph(esc(text), self.style(size, **kwargs))


@dataclass
class Section:
    """The header of a run of pages (a venue's day); repeated on continuation pages."""

    title: str
    subtitle: str
    note: str = ""


class SectionStart(Flowable):
    """Zero-size marker: from here on, pages carry this section's header.

    It also counts progress and checks for cancel as the document is laid out.
    """

    def __init__(self, section: Section, steps: Steps | None = None) -> None:
        super().__init__()
        self.section = section
        self.steps = steps
        self._counted = False

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        if isinstance(canv, SectionCanvas):
            canv.festival_section = (self.section, canv.getPageNumber())
        if self.steps is not None and not self._counted:
            self._counted = True
            self.steps.step()


class SectionCanvas(Canvas):
    """A canvas that knows the section its page belongs to (set by SectionStart) and the
    page that section began on, for the section header."""

    festival_section: tuple[Section, int] | None = None


def numbered_canvas(setup: PdfSetup, *, footer: bool = True) -> type[SectionCanvas]:
    """A canvas class that adds "Printed ... · page n of m" and the festival name to every
    page once the number of pages is known (without `footer`: nothing, for what the
    public reads, such as booth signs)."""

    class NumberedCanvas(SectionCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1 if setup.invariant else kwargs.get("invariant", 0)
            # No Helvetica anywhere: every page starts in the embedded Korean font.
            kwargs["initialFontName"] = setup.font.regular
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own; not in its stubs

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                if footer:
                    self._footer(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, number: int, total: int) -> None:
            width, _ = self._pagesize  # type: ignore[attr-defined]  # reportlab's own; not in its stubs
            y = MARGIN - 5 * mm
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, y + 4.2 * mm, width - MARGIN, y + 4.2 * mm)
            self.setFillColor(MUTED)
            self.setFont(setup.font.regular, 8)
            left = printed_in_each(
                N("Export", "Printed {stamp} · page {page} of {pages}"),
                setup.lang,
                stamp=printed_stamp(setup.now),
                page=number,
                pages=total,
            )
            if setup.release:
                left = f"{setup.release} · {left}"
            self.drawString(MARGIN, y, left)
            room = width - 2 * MARGIN - stringWidth(left, setup.font.regular, 8) - 10 * mm
            self.drawRightString(
                width - MARGIN, y, clip_text(setup.festival_title, setup.font.regular, 8, room)
            )
            self.restoreState()

    return NumberedCanvas


def clip_text(text: str, font: str, size: float, width: float) -> str:
    """`text` shortened with an ellipsis so it fits `width` on one line."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…" if text else ""


def fit_size(text: str, font: str, width: float, largest: float, smallest: float) -> float:
    """The largest font size (down to `smallest`) at which `text` fits one line of `width`."""
    natural = stringWidth(text, font, largest)
    if natural <= width or natural == 0:
        return largest
    return max(smallest, largest * width / natural * 0.999)


def fitted_paragraph(
    text_markup: str,
    setup: PdfSetup,
    width: float,
    height: float,
    largest: float,
    smallest: float,
    *,
    bold: bool = False,
    align: Alignment = TA_LEFT,
    color: Any = INK,
) -> tuple[Paragraph, float]:
    """A Paragraph of already escaped markup at the largest size that fits the box.

    Returns the paragraph and its height; at the smallest size it may still be taller
    than the box, and the caller clips it.
    """
    # Start near the size at which the text's area fills the box (a character takes
    # about 0.7 size² with its line spacing), so that few sizes are tried.
    chars = max(1, len(_TAG_RE.sub("", text_markup)))
    estimate = (max(width, 1) * max(height, 1) / (0.7 * chars)) ** 0.5 * 1.15
    size = max(smallest, min(largest, estimate))
    while True:
        para = Paragraph(
            text_markup,
            setup.style(size, bold=bold, align=align, color=color, leading=size * 1.15),
        )
        _, used = para.wrap(width, height)
        if used <= height or size <= smallest:
            return para, used
        size = max(smallest, size * 0.85)


def draw_clipped(
    canv: Canvas,
    para: Flowable,
    x: float,
    y: float,
    width: float,
    height: float,
    used: float,
    *,
    center: bool = False,
) -> None:
    """Draw a wrapped paragraph in the box (x, y bottom-left), clipped to it."""
    canv.saveState()
    path = canv.beginPath()
    path.rect(x, y, width, height)
    canv.clipPath(path, stroke=0, fill=0)
    top = y + height
    offset = (height - used) / 2 if center and used < height else 0
    para.drawOn(canv, x, top - offset - used)
    canv.restoreState()


def _text_length(cell: object) -> int:
    if isinstance(cell, list | tuple):
        return sum(_text_length(part) for part in cell)
    return len(getattr(cell, "text", "") or (cell if isinstance(cell, str) else ""))


class _Headings:
    """The column headings of one list: the row that heads it on its first page and again
    at the top of every page it continues on, each time as a fresh table of the same cells
    and style."""

    def __init__(self, cells: Sequence[object], widths: Sequence[float], style: TableStyle) -> None:
        self.cells = list(cells)
        self.widths = list(widths)
        self.style = style
        self._height: tuple[float, float] | None = None  # (width, height) once measured

    def table(self, *, first: bool = False) -> Table:
        table = _HeadingRow([list(self.cells)], colWidths=self.widths)
        table.setStyle(self.style)
        if first:
            # Never alone at the bottom of a page; placing it opens the list.
            table.keepWithNext = True
            table.opens = self
        return table

    def height(self, width: float) -> float:
        if self._height is None or self._height[0] != width:
            _, used = self.table().wrap(width, 1e6)
            self._height = (width, used)
        return self._height[1]


class _HeadingRow(Table):
    """A list's header row. The one at the head of the list carries `opens`: once it is
    placed, every page the list continues on starts with the row again."""

    opens: _Headings | None = None


class _Row(Table):
    """One row of a list. Table.split makes its parts of this class too, without
    `headings`: a part splits like any table."""

    headings: _Headings | None = None
    splitInRow: int  # set by Table.__init__
    _height: float  # set by Table.wrap

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if parts or self.splitInRow or self.headings is None:
            return parts
        # A row taller than a page below the header row would never go whole: it splits.
        # (_aH: the height of the empty frame.)
        frame = getattr(self, "_frame", None)
        # reportlab has no public name for the frame's height.
        if frame is None or self._height <= frame._aH - self.headings.height(availWidth):  # noqa: SLF001
            return parts
        self.splitInRow = 1
        split: list[Flowable] = super().split(availWidth, availHeight)
        return split


class _ListEnd(ActionFlowable):
    """After a list's last row: later pages no longer repeat its headings."""

    def apply(self, doc: BaseDocTemplate) -> None:
        if isinstance(doc, _ListDocTemplate):
            doc.open_list = None


class _ListDocTemplate(BaseDocTemplate):
    """A document whose lists repeat their column headings at the top of every page they
    continue on. A list is open from its headings being placed to its last row."""

    open_list: _Headings | None = None

    def handle_frameBegin(
        self, resume: int = 0, pageTopFlowables: list[Flowable] | None = None
    ) -> None:
        if self.open_list is not None:
            pageTopFlowables = [*(pageTopFlowables or []), self.open_list.table()]
        super().handle_frameBegin(resume, pageTopFlowables)

    def afterFlowable(self, flowable: Flowable) -> None:
        opens = getattr(flowable, "opens", None)
        if isinstance(opens, _Headings):
            self.open_list = opens


def row_tables(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    setup: PdfSetup,
    *,
    shade: bool = True,
    top_padding: float = 3,
    bottom_padding: float = 3,
    right_padding: float = 3,
) -> list[Flowable]:
    """A header row and then one small table per row.

    One big table is measured again at every page break, which makes long venues
    quadratic; small tables keep layout linear. A row moves to the next page whole,
    unless it holds so much text that it may need more than a page, or is taller than a
    page below the header row (then it splits). Every page the list continues on starts
    with the header row again (laid out by `build`).
    """
    base: list[StyleCommand] = [
        # Paragraph cells carry their own font; this keeps Helvetica out.
        ("FONTNAME", (0, 0), (-1, -1), setup.font.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), right_padding),
        ("TEXTCOLOR", (0, 0), (-1, -1), MUTED),  # plain-string cells: fixed labels
    ]
    headings = _Headings(
        rows[0], widths, TableStyle([*base, ("LINEBELOW", (0, 0), (-1, -1), 0.8, INK)])
    )
    out: list[Flowable] = [headings.table(first=True)]
    for index, row in enumerate(rows[1:]):
        size = sum(_text_length(cell) for cell in row)
        table = _Row([list(row)], colWidths=list(widths), splitInRow=1 if size > 600 else 0)
        table.headings = headings
        style: list[StyleCommand] = [
            *base,
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), top_padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), bottom_padding),
        ]
        if shade and index % 2:
            style.append(("BACKGROUND", (0, 0), (-1, -1), SHADE))
        table.setStyle(TableStyle(style))
        out.append(table)
    out.append(_ListEnd())
    return out


def build(
    out: Path,
    setup: PdfSetup,
    story: Sequence[Flowable],
    *,
    header_height: float,
    title: str,
    on_page_end: Callable[[Canvas, BaseDocTemplate], None] | None = None,
    footer: bool = True,
) -> None:
    """Lay out `story` into `out` with the header area and the numbered footer; lists made
    by `row_tables` repeat their header row on every page they continue on. Without
    `footer` the pages carry no print time, page number or festival name at the foot,
    and the body takes that room."""
    width, height = setup.pagesize
    frame = Frame(
        MARGIN,
        MARGIN + (FOOTER_HEIGHT if footer else 0),
        width - 2 * MARGIN,
        height - 2 * MARGIN - (FOOTER_HEIGHT if footer else 0) - header_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    def page_end(canv: Canvas, doc: BaseDocTemplate) -> None:
        if on_page_end is not None:
            on_page_end(canv, doc)
        else:
            draw_section_header(canv, setup, header_height)

    # reportlab writes into a file of ours, closed here even when writing fails (its own
    # would stay open, and an open file cannot be removed on Windows).
    with open(out, "wb") as handle:
        doc = _ListDocTemplate(
            handle,
            pagesize=setup.pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=title,
            author=setup.festival_title,
            creator="Seoul Friendship Festival organizer",
            invariant=1 if setup.invariant else 0,
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=page_end)])
        doc.build(list(story), canvasmaker=numbered_canvas(setup, footer=footer))


def draw_section_header(canv: Canvas, setup: PdfSetup, header_height: float) -> None:
    """Festival name, section title and subtitle at the top of the page."""
    current = canv.festival_section if isinstance(canv, SectionCanvas) else None
    if current is None or header_height <= 0:
        return
    section, first_page = current
    width, height = setup.pagesize
    inner = width - 2 * MARGIN
    top = height - MARGIN
    canv.saveState()
    canv.setFillColor(MUTED)
    canv.setFont(setup.font.regular, 10)
    canv.drawString(
        MARGIN, top - 10, clip_text(setup.festival_title, setup.font.regular, 10, inner)
    )
    continued = canv.getPageNumber() > first_page
    subtitle = section.subtitle
    if continued:
        subtitle = printed(N("Export", "{subtitle} (continued)"), setup.lang, subtitle=subtitle)
    # The title takes what is left of the header above the subtitle line.
    title_box = header_height - 10 - 18 - 8
    para, used = fitted_paragraph(esc(section.title), setup, inner, title_box, 26, 11, bold=True)
    draw_clipped(canv, para, MARGIN, top - 14 - title_box, inner, title_box, used)
    canv.setFillColor(INK)
    canv.setFont(setup.font.bold, 14)
    canv.drawString(
        MARGIN, top - 14 - title_box - 16, clip_text(subtitle, setup.font.bold, 14, inner)
    )
    if section.note:
        canv.setFont(setup.font.regular, 9)
        canv.setFillColor(MUTED)
        canv.drawRightString(
            width - MARGIN,
            top - 14 - title_box - 16,
            clip_text(section.note, setup.font.regular, 9, inner / 2),
        )
    canv.setStrokeColor(INK)
    canv.setLineWidth(1.2)
    line_y = height - MARGIN - header_height + 3
    canv.line(MARGIN, line_y, width - MARGIN, line_y)
    canv.restoreState()


__all__ = [
    "MARGIN",
    "TA_CENTER",
    "PdfSetup",
    "Section",
    "SectionStart",
    "build",
    "clip_text",
    "draw_clipped",
    "esc",
    "fit_size",
    "fitted_paragraph",
    "page_size",
]
