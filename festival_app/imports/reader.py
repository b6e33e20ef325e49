"""Step 1 of an import: check that a file is a sane, safe .xlsx and read its raw rows.

Files come from outside. Before openpyxl sees a byte, the file's kind is told from its
first bytes (an old .xls, a password-protected workbook, a CSV, an image), the zip's
directory is checked against what an application form can plausibly hold (declared
sizes and compression ratios: a zip bomb never gets decompressed; Python's zipfile never
inflates an entry past its declared size), and XML is parsed only through defusedxml.
Each sheet's declared dimension is checked and reading stops at a row limit, so a sheet
that claims a million rows costs nothing.
"""

from __future__ import annotations

import logging
import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from festival_app.imports import errors as e
from festival_app.imports.errors import WorkbookError
from festival_app.imports.format import (
    RawSheet,
    RawWorkbook,
    Sheet,
    identify,
    is_auxiliary,
    sheet_for,
)
from festival_app.imports.values import is_blank, text

logger = logging.getLogger(__name__)

MAX_UNCOMPRESSED = 50 * 1024 * 1024  # all entries together, as declared
MAX_SHARED_STRINGS = 25 * 1024 * 1024  # held in memory whole by openpyxl
MAX_RATIO = 100  # declared size / compressed size, for entries above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_ENTRIES = 5000
MAX_ROWS = 50_000  # data rows per sheet
MAX_COLUMNS = 100
HEADER_SEARCH_ROWS = 10  # a title row or two above the header row is tolerated
_PROGRESS_EVERY = 250

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_IMAGE_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*")
_ENCRYPTED_MARKER = "EncryptedPackage".encode("utf-16-le")

Progress = Callable[[int, int], None]  # (rows read, rows expected or 0)


def defused() -> bool:
    """True when openpyxl parses XML through defusedxml (entity bombs refused)."""
    import openpyxl

    return bool(getattr(openpyxl, "DEFUSEDXML", False))


def check_file(path: Path) -> None:
    """Raise WorkbookError unless `path` looks like a safe .xlsx; opens nothing but the zip."""
    name = str(path)
    if not path.exists():
        raise WorkbookError(e.NOT_FOUND, path=name)
    if not path.is_file():
        raise WorkbookError(e.NOT_A_FILE, path=name)
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise WorkbookError(e.UNREADABLE, path=name, detail=exc.strerror or str(exc)) from exc
    if not head:
        raise WorkbookError(e.EMPTY_FILE, path=name)
    if head.startswith(OLE2_MAGIC):
        raise WorkbookError(e.IS_ENCRYPTED if _is_encrypted(path) else e.IS_XLS, path=name)
    if head.startswith(_IMAGE_MAGICS):
        raise WorkbookError(e.IS_IMAGE, path=name)
    if not head.startswith(ZIP_MAGIC):
        if path.suffix.lower() in (".csv", ".tsv") or _looks_like_csv(head):
            raise WorkbookError(e.IS_CSV, path=name)
        raise WorkbookError(e.NOT_WORKBOOK, path=name)
    _check_zip(path)


def _is_encrypted(path: Path) -> bool:
    # An encrypted .xlsx is an OLE2 container holding a stream named EncryptedPackage;
    # its directory sits within the first few MB of any form-sized file.
    with path.open("rb") as handle:
        return _ENCRYPTED_MARKER in handle.read(8 * 1024 * 1024)


def _looks_like_csv(head: bytes) -> bool:
    for encoding in ("utf-8-sig", "cp949"):
        try:
            sample = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        first = sample.splitlines()[0] if sample.splitlines() else ""
        return "," in first or "\t" in first or ";" in first
    return False


def _check_zip(path: Path) -> None:
    name = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise WorkbookError(e.DAMAGED, path=name, detail=str(exc)) from exc
    except (OSError, EOFError, ValueError) as exc:
        raise WorkbookError(e.DAMAGED, path=name, detail=str(exc)) from exc
    if len(infos) > MAX_ENTRIES:
        raise WorkbookError(e.TOO_BIG, path=name, detail=f"{len(infos)} parts")
    total = 0
    names = set()
    for info in infos:
        names.add(info.filename)
        if info.flag_bits & 0x1:
            raise WorkbookError(e.IS_ENCRYPTED, path=name)
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise WorkbookError(
                e.TOO_BIG,
                path=name,
                detail=f"{info.filename}: {info.file_size // 1024 // 1024} MB "
                f"packed {ratio:.0f} to 1",
            )
        if info.filename.endswith("sharedStrings.xml") and info.file_size > MAX_SHARED_STRINGS:
            raise WorkbookError(
                e.TOO_BIG, path=name, detail=f"{info.file_size // 1024 // 1024} MB of text"
            )
    if total > MAX_UNCOMPRESSED:
        raise WorkbookError(e.TOO_BIG, path=name, detail=f"{total // 1024 // 1024} MB unpacked")
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise WorkbookError(e.NOT_WORKBOOK, path=name)


def read_workbook(
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> RawWorkbook:
    """Read every sheet of the import format into raw rows; WorkbookError when it cannot.

    Sheets the format does not know are returned without rows (the plan warns of them).
    """
    path = Path(path)
    if not defused():
        raise WorkbookError(e.NO_DEFUSEDXML)
    check_file(path)
    try:
        return _read(path, progress, should_stop)
    except WorkbookError:
        raise
    except MemoryError as exc:
        raise WorkbookError(e.TOO_BIG, path=str(path), detail="out of memory") from exc
    except Exception as exc:
        if _is_defused_error(exc):
            raise WorkbookError(e.UNSAFE_XML, path=str(path)) from exc
        logger.info("unreadable workbook %s", path, exc_info=True)
        detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise WorkbookError(e.DAMAGED, path=str(path), detail=detail) from exc


def _is_defused_error(exc: BaseException) -> bool:
    try:
        from defusedxml import DefusedXmlException
    except ImportError:  # pragma: no cover - refused earlier
        return False
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, DefusedXmlException):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _read(
    path: Path, progress: Progress | None, should_stop: Callable[[], bool] | None
) -> RawWorkbook:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    formulas: Any = None  # the same workbook read for its formulas, when a sheet has some
    try:
        sheets = [ws for ws in workbook.worksheets if hasattr(ws, "iter_rows")]
        definitions = {ws.title: _definition(ws) for ws in sheets}
        known = [ws for ws in sheets if definitions[ws.title] is not None]
        if not known:
            raise WorkbookError(e.NO_SHEETS, path=str(path))
        expected = 0
        with_formulas: set[str] = set()
        for ws in known:
            rows, columns = ws.max_row or 0, ws.max_column or 0
            # The dimension may be missing or lie; the row tags themselves tell the truth.
            tags, has_formulas = _scan(path, getattr(ws, "_worksheet_path", ""))
            rows = max(rows, tags)
            if has_formulas:
                with_formulas.add(ws.title)
            if rows > MAX_ROWS + HEADER_SEARCH_ROWS or columns > MAX_COLUMNS:
                raise WorkbookError(
                    e.TOO_MANY_CELLS,
                    path=str(path),
                    sheet=ws.title,
                    rows=rows,
                    columns=columns,
                    max_rows=MAX_ROWS,
                    max_columns=MAX_COLUMNS,
                )
            expected += rows
        raw: RawWorkbook = {}
        done = 0
        for ws in sheets:
            if ws not in known:
                raw[ws.title] = RawSheet(ws.title)
                continue
            formula_ws = None
            if ws.title in with_formulas:
                if formulas is None:
                    formulas = openpyxl.load_workbook(
                        path, read_only=True, data_only=False, keep_links=False
                    )
                formula_ws = formulas[ws.title]
            definition = definitions[ws.title]
            assert definition is not None
            sheet = _read_sheet(
                path, ws, definition, formula_ws, done, expected, progress, should_stop
            )
            done += len(sheet.rows)
            raw[ws.title] = sheet
        return raw
    finally:
        workbook.close()
        if formulas is not None:
            formulas.close()


def _definition(ws: Any) -> Sheet | None:
    """The format's sheet that `ws` holds: named by its title, or else told by a header
    row of the format's columns (the booth workbook's sheet per booth area)."""
    found = sheet_for(ws.title)
    if found is not None or is_auxiliary(ws.title):
        return found
    for cells in ws.iter_rows(max_row=HEADER_SEARCH_ROWS, max_col=MAX_COLUMNS, values_only=True):
        labels = [text(c) for c in cells if not is_blank(c)]
        if labels:
            found = identify(labels)
            if found is not None:
                return found
    return None


_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb"\br=\"(\d{1,9})\"")
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _scan(path: Path, part: str) -> tuple[int, bool]:
    """The highest row a sheet's XML holds (by number, or by count when unnumbered), and
    whether it holds any formula.

    One streaming pass over at most MAX_UNCOMPRESSED bytes, without parsing XML.
    """
    if not part:
        return 0, False
    highest = count = 0
    formulas = False
    tail = b""
    with zipfile.ZipFile(path) as archive, archive.open(part.lstrip("/")) as stream:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            cut = data.rfind(b"<")
            cut = cut if cut > 0 else len(data)
            formulas = formulas or _FORMULA_TAG.search(data, 0, cut) is not None
            for match in _ROW_TAG.finditer(data, 0, cut):
                count += 1
                number = _ROW_NUMBER.search(match.group(1))
                if number:
                    highest = max(highest, int(number.group(1)))
            tail = data[cut:]
        formulas = formulas or _FORMULA_TAG.search(tail) is not None
        for match in _ROW_TAG.finditer(tail):
            count += 1
            number = _ROW_NUMBER.search(match.group(1))
            if number:
                highest = max(highest, int(number.group(1)))
    return max(highest, count), formulas


def _is_formula(value: object) -> bool:
    """A cell value as openpyxl reads it without data_only: formulas are '=...' strings
    (or formula objects for array and data-table formulas)."""
    if isinstance(value, str):
        return value.startswith("=")
    return type(value).__name__ in {"ArrayFormula", "DataTableFormula"}


def _read_sheet(
    path: Path,
    ws: Any,  # openpyxl's read-only worksheets: openpyxl has no type information
    definition: Sheet,
    formula_ws: Any | None,
    done: int,
    expected: int,
    progress: Progress | None,
    should_stop: Callable[[], bool] | None,
) -> RawSheet:
    from openpyxl.utils import get_column_letter

    table = definition.headers()
    sheet = RawSheet(ws.title)
    if sheet_for(sheet.title) is not definition:
        sheet.identified_as = definition.en
    declared = ws.max_column if (ws.max_row or 0) > 1 else None
    # Some writers declare just "A1"; then every column up to the limit is read.
    max_col = min(declared or MAX_COLUMNS, MAX_COLUMNS)
    limit = MAX_ROWS + HEADER_SEARCH_ROWS
    rows = ws.iter_rows(max_col=max_col, max_row=limit + 1, values_only=True)
    # The same rows as written, formulas and all (None: the sheet has no formula).
    written = (
        formula_ws.iter_rows(max_col=max_col, max_row=limit + 1, values_only=True)
        if formula_ws is not None
        else None
    )
    headers: list[tuple[int, str]] | None = None
    for number, cells in enumerate(rows, start=1):
        as_written = next(written, None) if written is not None else None
        if number > limit:
            # Rows past the limit, even empty ones a hostile file declares, end the reading.
            raise WorkbookError(
                e.TOO_MANY_ROWS, path=str(path), sheet=sheet.title, max_rows=MAX_ROWS
            )
        if number % _PROGRESS_EVERY == 0:
            if should_stop is not None and should_stop():
                raise WorkbookError(e.CANCELLED)
            if progress is not None:
                progress(done + number, expected)
        if headers is not None and not sheet.rows and _repeats_headers(cells, definition, table):
            continue  # the headers again in the other language, as the template has them
        if headers is None:
            labels = [text(c) for c in cells]
            if number <= HEADER_SEARCH_ROWS and any(
                definition.find(label, table) for label in labels if label
            ):
                # A header written twice: the first column counts (the plan warns).
                positions = [(i, h) for i, h in enumerate(labels) if h]
                firsts = {h: i for i, h in reversed(positions)}
                headers = [(i, h) for i, h in positions if firsts[h] == i]
                sheet.headers = [h for _, h in positions]
            continue
        if as_written is not None:
            sheet.unvalued_formulas.extend(
                (number, h, f"{get_column_letter(i + 1)}{number}")
                for i, h in headers
                if i < len(cells)
                and i < len(as_written)
                and is_blank(cells[i])
                and _is_formula(as_written[i])
            )
        if all(is_blank(c) for c in cells):
            continue
        sheet.rows.append((number, {h: cells[i] for i, h in headers if i < len(cells)}))
    return sheet


def _repeats_headers(cells: tuple[object, ...], definition: Sheet, table: dict[str, Any]) -> bool:
    labels = [text(c) for c in cells if not is_blank(c)]
    return bool(labels) and all(definition.find(label, table) for label in labels)
