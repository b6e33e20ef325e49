"""`festival-app --self-test`: whether this installation works, from start to printout.

In a temporary folder: create the sample festival, check it for clashes, look that the
Korean translation is there and used, export a Korean PDF (its Korean font embedded), a
workbook and a calendar, and read each back. One line per step; the run stops at the
first step that fails. Made for a frozen build on a PC nobody has set up (a missing
library, font, translation or data file shows here), and it works the same on an
installed program.

No Qt here (the command line loads the Korean labels before, with QtCore only). The PDF
is read back without a PDF library: reportlab writes plain objects, so the font
descriptors, the embedded font programs (/FontFile2) and their /ToUnicode maps are found
with a few regular expressions and zlib.
"""

from __future__ import annotations

import base64
import logging
import re
import tempfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from festival_app import __version__, i18n, language
from festival_app.i18n import translate

if TYPE_CHECKING:
    from festival_app.services import FestivalService

logger = logging.getLogger(__name__)

QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # a compiled Qt translation
# A text of the exports (context Export) that any Korean translation has.
PROBE = ("Export", "All booths")


class StepFailed(Exception):
    """A step found something wrong; the message says what."""


@dataclass(frozen=True)
class Outcome:
    """The result of one step of the self-test."""

    step: str
    ok: bool
    detail: str

    def line(self) -> str:
        # "ok"/"FAILED" and the step's name stay the same in every language (scripts).
        return f"{'ok' if self.ok else 'FAILED':<7} {self.step:<12} {self.detail}"


# -- reading a PDF back ------------------------------------------------------------------

_OBJECT = re.compile(rb"(\d+)\s+0\s+obj\b(.*?)\bendobj\b", re.DOTALL)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\n?endstream", re.DOTALL)


@dataclass(frozen=True)
class EmbeddedFont:
    """A font embedded in the test printout, and how much Hangul it covers."""

    name: str  # without the subset prefix (ABCDEF+)
    size: int  # bytes of the embedded font program, as stored
    hangul: int  # Hangul syllables its /ToUnicode map gives glyphs for


def _objects(data: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(data)}


def _stream(body: bytes) -> bytes:
    """The decoded stream of an object (ASCII85 and Flate, as reportlab writes them)."""
    match = _STREAM.search(body)
    if match is None:
        return b""
    raw = match.group(1)
    head = body[: match.start()]
    filters = re.findall(rb"/(ASCII85Decode|FlateDecode)", head)
    for name in filters:
        if name == b"ASCII85Decode":
            raw = raw.strip()
            raw = base64.a85decode(raw if raw.startswith(b"<~") else b"<~" + raw, adobe=True)
        else:
            raw = zlib.decompress(raw)
    return raw


def _reference(body: bytes, key: bytes) -> int | None:
    match = re.search(rb"/" + key + rb"\s+(\d+)\s+0\s+R", body)
    return int(match.group(1)) if match else None


def _hangul_in(cmap: bytes) -> int:
    """How many Hangul syllables (U+AC00-D7A3) a /ToUnicode CMap maps to."""
    count = 0
    for match in re.finditer(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>", cmap):
        if 0xAC00 <= int(match.group(2), 16) <= 0xD7A3:
            count += 1
    return count


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def embedded_fonts(data: bytes) -> tuple[list[EmbeddedFont], list[str]]:
    """The fonts a PDF embeds (TrueType, /FontFile2), and those it only names (not
    embedded: the reader substitutes them, and Hangul turns into boxes)."""
    objects = _objects(data)
    embedded: list[EmbeddedFont] = []
    named: list[str] = []
    for body in objects.values():
        base = re.search(rb"/BaseFont\s*/([^\s/<>\[\]()]+)", body)
        if base is None or not re.search(rb"/Type\s*/Font\b", body):
            continue
        if re.search(rb"/Subtype\s*/Type0\b", body):
            continue  # a composite font: its descendant (a font dict too) has the file
        name = base.group(1).decode("latin-1").split("+", 1)[-1]
        descriptor = _reference(body, b"FontDescriptor")
        program = None
        if descriptor is not None and descriptor in objects:
            program = _reference(objects[descriptor], b"FontFile2")
        if program is None or program not in objects:
            named.append(name)
            continue
        stored = _STREAM.search(objects[program])
        size = len(stored.group(1)) if stored else 0
        cmap_ref = _reference(body, b"ToUnicode")
        hangul = _hangul_in(_stream(objects[cmap_ref])) if cmap_ref in objects else 0
        embedded.append(EmbeddedFont(name, size, hangul))
    return embedded, named


# -- the steps ---------------------------------------------------------------------------


class _Run:
    """The state the steps share: the temporary folder and the open festival file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "selftest.sqlite3"
        self.service: FestivalService | None = None

    def open(self) -> FestivalService:
        from festival_app.services import FestivalService

        if self.service is None:
            self.service = FestivalService.open(self.path, read_only=True)
        return self.service

    def close(self) -> None:
        if self.service is not None:
            self.service.close()
            self.service = None

    def create(self) -> str:
        from festival_app.imports.sample import fill_with_sample
        from festival_app.services import FestivalService

        FestivalService.create(self.path, fill=fill_with_sample).close()
        service = self.open()
        troupes, booths, items = (
            len(service.troupes()),
            len(service.booths()),
            len(service.program()),
        )
        if not (troupes and booths and items):
            raise StepFailed(translate("SelfTest", "The sample festival came out empty."))
        return translate(
            "SelfTest", "Created the sample festival: {0} troupes, {1} booths, {2} program items."
        ).format(troupes, booths, items)

    def check(self) -> str:
        from festival_app import clash_checks
        from festival_app.domain.errors import Severity

        clashes = clash_checks.check(self.open(), None, "en")
        errors = [c for c in clashes if c.severity == Severity.ERROR and not c.acknowledged]
        if errors:
            raise StepFailed(
                translate(
                    "SelfTest", "The sample festival has {0} clashes marked as errors: {1}"
                ).format(len(errors), errors[0].message())
            )
        return translate(
            "SelfTest", "Checked for clashes: {0} found, none of them an error."
        ).format(len(clashes))

    def translations(self) -> str:
        folder = language.translations_folder()
        qm = folder / f"{language.TRANSLATION_NAME}_ko.qm" if folder else None
        if qm is None or not qm.is_file():
            raise StepFailed(translate("SelfTest", "The Korean translation file is missing."))
        if not qm.read_bytes().startswith(QM_MAGIC):
            raise StepFailed(translate("SelfTest", "{0} is not a compiled translation.").format(qm))
        context, text = PROBE
        if i18n.translate_into("ko", context, text) == text:
            raise StepFailed(
                translate("SelfTest", "The Korean translation is there but not used: {0}").format(
                    qm
                )
            )
        return translate("SelfTest", "Korean translation loaded ({0}).").format(qm.name)

    def pdf(self) -> str:
        from festival_app.exports import MissingFontError, export
        from festival_app.exports.fonts import find_korean_font

        out = self.folder / "timetable-ko.pdf"
        try:
            font = find_korean_font()
            export("timetable", self.open(), out, lang="ko")
        except MissingFontError as exc:
            raise StepFailed(exc.message()) from exc
        data = out.read_bytes()
        if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
            raise StepFailed(translate("SelfTest", "The PDF is cut off or not a PDF."))
        pages = pdf_pages(data)
        embedded, named = embedded_fonts(data)
        if pages == 0:
            raise StepFailed(translate("SelfTest", "The PDF has no pages."))
        if named:
            raise StepFailed(
                translate("SelfTest", "The PDF uses fonts it does not embed: {0}").format(
                    ", ".join(named)
                )
            )
        korean = [f for f in embedded if f.hangul and f.size > 0]
        if not korean:
            raise StepFailed(
                translate(
                    "SelfTest", "No embedded font of the PDF holds Hangul (fonts: {0})."
                ).format(", ".join(f.name for f in embedded) or "-")
            )
        return translate(
            "SelfTest",
            "Korean PDF: {0} pages, {1} embedded with glyphs for {2} Hangul syllables; font {3}.",
        ).format(pages, korean[0].name, max(f.hangul for f in korean), font.describe())

    def workbook(self) -> str:
        from openpyxl import load_workbook

        from festival_app.exports import export

        service = self.open()
        out = export("booths", service, self.folder / "booths.xlsx")
        booths = len(service.booths())
        book = load_workbook(out, read_only=True)
        try:
            sheet = book.worksheets[0]
            rows = [r for r in sheet.iter_rows(min_row=2, values_only=True) if any(r)]
            sheets = len(book.worksheets)
        finally:
            book.close()
        if len(rows) != booths:
            raise StepFailed(
                translate("SelfTest", "The workbook lists {0} booths instead of {1}.").format(
                    len(rows), booths
                )
            )
        return translate("SelfTest", "Booth workbook: {0} sheets, {1} booths read back.").format(
            sheets, booths
        )

    def calendar(self) -> str:
        from icalendar import Calendar

        from festival_app.domain.program import ItemStatus
        from festival_app.exports import export

        service = self.open()
        out = export("calendar", service, self.folder / "program.ics")
        events = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
        day_ids = {d.id for d in service.days()}
        expected = [
            i for i in service.program() if i.status != ItemStatus.CANCELLED and i.day_id in day_ids
        ]
        if len(events) != len(expected) or not all(e.get("dtstart") for e in events):
            raise StepFailed(
                translate("SelfTest", "The calendar holds {0} events instead of {1}.").format(
                    len(events), len(expected)
                )
            )
        return translate("SelfTest", "Calendar: {0} events read back.").format(len(events))

    def publish(self) -> str:
        """Publish the program as it is: the schedule read back, a Korean title's slug
        romanized (the transliteration tables are data files a build must carry)."""
        import xml.etree.ElementTree as ET

        from festival_app.publishing.publish import publish

        out = publish(self.open(), self.folder / "site", release="now")
        events = ET.parse(out / "schedule.xml").getroot().findall("day/room/event")
        slugs = [e.findtext("slug", "") for e in events]
        if not events or not all(s.isascii() for s in slugs):
            raise StepFailed(translate("SelfTest", "The published schedule is empty or wrong."))
        if not any(s.endswith("-gaemagsig") for s in slugs):  # 개막식, the opening ceremony
            raise StepFailed(translate("SelfTest", "Korean titles are not romanized."))
        return translate("SelfTest", "Published: {0} events read back.").format(len(events))


# The steps in order: (name, method of _Run).
STEPS: list[tuple[str, Callable[[_Run], str]]] = [
    ("create", _Run.create),
    ("check", _Run.check),
    ("translations", _Run.translations),
    ("pdf", _Run.pdf),
    ("workbook", _Run.workbook),
    ("calendar", _Run.calendar),
    ("publish", _Run.publish),
]
STEP_NAMES = [name for name, _ in STEPS]


def outcomes(folder: Path | None = None) -> Iterator[Outcome]:
    """Run the steps in a temporary folder (inside `folder` when given), yielding each
    outcome as it comes; stops after the first failure."""
    with tempfile.TemporaryDirectory(
        prefix="festival-selftest-", dir=folder, ignore_cleanup_errors=True
    ) as name:
        run = _Run(Path(name))
        try:
            for step, action in STEPS:
                try:
                    detail = action(run)
                except StepFailed as exc:
                    yield Outcome(step, False, str(exc))
                    return
                except Exception as exc:
                    logger.info("self-test step %s failed", step, exc_info=True)
                    message = getattr(exc, "message", None)
                    text = message() if callable(message) else message or str(exc)
                    yield Outcome(step, False, f"{type(exc).__name__}: {text}")
                    return
                yield Outcome(step, True, detail)
        finally:
            run.close()


def run(out: Callable[[str], None] = print, folder: Path | None = None) -> str | None:
    """Run the self-test, writing one line per step with `out`; returns the name of the
    step that failed, None when all passed."""
    out(translate("SelfTest", "festival-app {0} self-test").format(__version__))
    for outcome in outcomes(folder):
        out(outcome.line())
        if not outcome.ok:
            return outcome.step
    return None


__all__ = ["STEP_NAMES", "EmbeddedFont", "Outcome", "embedded_fonts", "pdf_pages", "run"]
