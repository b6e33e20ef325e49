"""Broken and hostile files: each refused with one plain line, quickly, in bounded memory,
with the festival file left byte for byte as it was."""

from __future__ import annotations

import shutil
import struct
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from festival_app.cli import main
from festival_app.imports import reader
from festival_app.imports.errors import WorkbookError
from festival_app.imports.workbook import import_workbook
from festival_app.services import FestivalService
from tests.helpers.workbooks import digest

BOOTHS = {"Booths": [["Code", "Venue", "Category", "Country"], ["M-59", "Mugyo-ro", "food", "FR"]]}


def _good(make_workbook: Callable[..., Path]) -> Path:
    return make_workbook(BOOTHS, "good.xlsx")


def _rewrite(
    source: Path, target: Path, change: dict[str, bytes], extra: dict[str, bytes] | None = None
) -> Path:
    """Copy a workbook, replacing some parts' contents (and adding others)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, change.get(info.filename, old.read(info.filename)))
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


def png(path: Path) -> Path:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    body = (
        chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + body)
    return path


def compound_file(path: Path, streams: list[str]) -> Path:
    """A minimal OLE2 compound file (the container of .xls and of encrypted .xlsx)."""
    end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    header = bytearray(512)
    header[0:8] = reader.OLE2_MAGIC
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 44, 1)  # one FAT sector
    struct.pack_into("<I", header, 48, 1)  # directory starts in sector 1
    struct.pack_into("<I", header, 56, 4096)
    struct.pack_into("<III", header, 60, end, 0, end)
    struct.pack_into("<I", header, 76, 0)  # the FAT is sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, free)
    fat = struct.pack("<II", fat_sector, end) + struct.pack("<I", free) * 126

    def entry(name: str, kind: int, child: int = free, right: int = free) -> bytes:
        raw = name.encode("utf-16-le") + b"\x00\x00"
        data = bytearray(128)
        data[0 : len(raw)] = raw
        struct.pack_into("<HBB", data, 64, len(raw), kind, 1)
        struct.pack_into("<III", data, 68, free, right, child)
        struct.pack_into("<I", data, 116, end)
        return bytes(data)

    entries = [entry("Root Entry", 5, child=1)]
    for n, name in enumerate(streams, start=1):
        entries.append(entry(name, 2, right=n + 1 if n < len(streams) else free))
    directory = b"".join(entries).ljust(512, b"\x00")
    path.write_bytes(bytes(header) + fat + directory)
    return path


def entity_bomb(source: Path, target: Path) -> Path:
    lol = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    sheet = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [{lol}]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        "</sheetData></worksheet>"
    ).encode()
    return _rewrite(source, target, {"xl/worksheets/sheet1.xml": sheet})


def zip_bomb(source: Path, target: Path) -> Path:
    # 60 MB of zeros packs into about 60 KB: far beyond any application form.
    return _rewrite(source, target, {}, {"xl/media/image1.bin": bytes(60 * 1024 * 1024)})


def lying_sizes(source: Path, target: Path) -> Path:
    """A zip whose directory declares a 4 GB sheet (the bytes are small)."""
    shutil.copyfile(source, target)
    data = bytearray(target.read_bytes())
    at = data.rfind(b"PK\x01\x02")
    while at != -1:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        name = bytes(data[at + 46 : at + 46 + name_len])
        if name == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", data, at + 24, 0xFFFFFFF0)  # uncompressed size
        at = data.rfind(b"PK\x01\x02", 0, at)
    target.write_bytes(bytes(data))
    return target


def million_rows(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    start = sheet.index("<dimension")
    end = sheet.index("/>", start) + 2
    sheet = sheet[:start] + '<dimension ref="A1:XFD1048576"/>' + sheet[end:]
    return _rewrite(source, target, {"xl/worksheets/sheet1.xml": sheet.encode()})


def far_row(source: Path, target: Path) -> Path:
    """No dimension, but one cell in row 1,048,576: reading must not walk a million rows."""
    with zipfile.ZipFile(source) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    start = sheet.index("<dimension")
    sheet = sheet[:start] + sheet[sheet.index("/>", start) + 2 :]
    sheet = sheet.replace(
        "</sheetData>", '<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>'
    )
    return _rewrite(source, target, {"xl/worksheets/sheet1.xml": sheet.encode()})


def damaged(source: Path, target: Path) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def corrupt_entry(source: Path, target: Path) -> Path:
    """The zip directory is whole, but the sheet's compressed bytes are garbage."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
    data = bytearray(target.read_bytes())
    at = data.find(b"xl/worksheets/sheet1.xml") + len("xl/worksheets/sheet1.xml") + 40
    data[at : at + 30] = b"\x00" * 30
    target.write_bytes(bytes(data))
    return target


def _text(text: str, encoding: str | None = None) -> Callable[[Path, Path], Path]:
    """A maker that writes `text` to the target and returns it."""

    def make(good: Path, target: Path) -> Path:
        target.write_text(text, encoding=encoding)
        return target

    return make


CASES: dict[str, tuple[Callable[[Path, Path], Path], str, str]] = {
    # name: (maker(good workbook, target), file name, words the message must hold)
    "png": (lambda good, t: png(t), "photo.xlsx", "is an image"),
    "text": (_text("Hello, this is a letter\nnot a workbook"), "letter.xlsx", "CSV"),
    "plain text": (_text("just words here"), "words.xlsx", "not an Excel workbook"),
    "empty": (lambda good, t: (t.write_bytes(b"") and t) or t, "empty.xlsx", "empty"),
    "csv": (
        _text("Code,Venue,Category\nM-01,Mugyo-ro,food\n", encoding="utf-8"),
        "booths.csv",
        "CSV",
    ),
    "xls": (
        lambda good, t: compound_file(t, ["Workbook", "\x05SummaryInformation"]),
        "old.xls",
        "Excel 97-2003",
    ),
    "password": (
        lambda good, t: compound_file(t, ["EncryptionInfo", "EncryptedPackage"]),
        "locked.xlsx",
        "password",
    ),
    "damaged zip": (damaged, "half.xlsx", "damaged"),
    "corrupt entry": (corrupt_entry, "corrupt.xlsx", "damaged"),
    "other zip": (
        lambda good, t: _zip_without_workbook(t),
        "archive.xlsx",
        "not an Excel workbook",
    ),
    "entity bomb": (entity_bomb, "lol.xlsx", "not allowed"),
    "zip bomb": (zip_bomb, "bomb.xlsx", "far larger inside"),
    "lying sizes": (lying_sizes, "liar.xlsx", "far larger inside"),
    "million rows": (million_rows, "huge.xlsx", "1048576 rows"),
    "far row": (far_row, "far.xlsx", "1048576 rows"),
}


def _zip_without_workbook(target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return target


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_is_refused_quickly_in_bounded_memory(
    case: str,
    festival_path: Path,
    tmp_path: Path,
    make_workbook: Callable[..., Path],
) -> None:
    maker, name, words = CASES[case]
    target = maker(_good(make_workbook), tmp_path / name)
    before = digest(festival_path)
    service = FestivalService.open(festival_path)
    try:
        tracemalloc.start()
        with pytest.raises(WorkbookError) as caught:
            import_workbook(service, target)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        service.close()
    message = caught.value.message()
    assert words in message
    assert "\n" not in message and len(message) < 300
    assert peak < 200 * 1024 * 1024, peak
    assert digest(festival_path) == before


@pytest.mark.parametrize("case", ["png", "zip bomb", "entity bomb", "password"])
def test_command_line_refuses_with_exit_code_2(
    case: str,
    festival_path: Path,
    tmp_path: Path,
    make_workbook: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    maker, name, words = CASES[case]
    target = maker(_good(make_workbook), tmp_path / name)
    before = digest(festival_path)
    assert main(["import", str(target), "--db", str(festival_path)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert digest(festival_path) == before


def test_the_good_workbook_imports(festival_path: Path, make_workbook: Callable[..., Path]) -> None:
    """The files above are made from this one, which imports: the refusals are the file's."""
    service = FestivalService.open(festival_path)
    try:
        import_workbook(service, _good(make_workbook))
        assert any(b.code == "M-59" for b in service.booths())
    finally:
        service.close()


def test_without_defusedxml_importing_is_refused(
    festival_path: Path, make_workbook: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    before = digest(festival_path)
    service = FestivalService.open(festival_path)
    try:
        with pytest.raises(WorkbookError, match="defusedxml"):
            import_workbook(service, _good(make_workbook))
    finally:
        service.close()
    assert digest(festival_path) == before
