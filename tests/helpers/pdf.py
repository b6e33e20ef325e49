"""Helpers for the export tests: reading PDFs back with poppler, odd user text."""

from __future__ import annotations

import html
import re
import subprocess
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

NOW = datetime(2018, 8, 31, 9, 30)
MARKUP = 'R&D <b>bold</b> <img src="x">'


def pdf_text(path: Path) -> str:
    """The PDF's text in drawing order, whitespace collapsed to single spaces."""
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return re.sub(r"\s+", " ", out)


def pdf_fonts(path: Path) -> list[tuple[str, str]]:
    """(name, emb) of each font `pdffonts` lists."""
    out = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    rows = []
    for line in out:
        parts = line.split()
        # name type... encoding emb sub uni object id: emb is the 5th field from the end.
        rows.append((parts[0], parts[-5]))
    return rows


def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", out, re.M)
    assert match
    return int(match.group(1))


Word = tuple[str, float, float, float, float]  # text, left, top, right, bottom (from the top)


def pdf_page_text(path: Path, page: int) -> str:
    """One page's text in drawing order, whitespace collapsed to single spaces."""
    pages = ["-f", str(page), "-l", str(page)]
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", *pages, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return re.sub(r"\s+", " ", out).strip()


def pdf_page_words(path: Path, page: int) -> tuple[float, list[Word]]:
    """One page's height and its words in drawing order, with their boxes in points from
    the top left."""
    pages = ["-f", str(page), "-l", str(page)]
    out = subprocess.run(
        ["pdftotext", "-raw", "-bbox", "-enc", "UTF-8", *pages, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    height = re.search(r'<page width="[\d.]+" height="([\d.]+)"', out)
    assert height
    return float(height.group(1)), [
        (html.unescape(text), float(x0), float(y0), float(x1), float(y1))
        for x0, y0, x1, y1, text in re.findall(pattern, out)
    ]


Box = tuple[float, float, float, float]  # left, top, right, bottom (from the top)


def pdf_filled_boxes(path: Path, page: int) -> list[Box]:
    """The filled and stroked rectangles drawn on one page ("x y w h re" then "B"), such
    as the overview's program blocks, in points from the page's top left."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(path)
    sheet = reader.pages[page - 1]
    height = float(sheet.mediabox.height)
    content = ContentStream(sheet.get_contents(), reader)
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    saved: list[list[float]] = []
    pending: list[float] | None = None
    boxes: list[Box] = []

    def apply(x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = ctm
        return a * x + c * y + e, b * x + d * y + f

    for operands, operator in content.operations:
        if operator == b"q":
            saved.append(list(ctm))
        elif operator == b"Q":
            ctm = saved.pop()
        elif operator == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            n = ctm
            ctm = [
                a * n[0] + b * n[2],
                a * n[1] + b * n[3],
                c * n[0] + d * n[2],
                c * n[1] + d * n[3],
                e * n[0] + f * n[2] + n[4],
                e * n[1] + f * n[3] + n[5],
            ]
        elif operator == b"re":
            pending = [float(v) for v in operands]
        elif operator in (b"B", b"B*") and pending is not None:
            x, y, w, h = pending
            (x0, y0), (x1, y1) = apply(x, y), apply(x + w, y + h)
            boxes.append((min(x0, x1), height - max(y0, y1), max(x0, x1), height - min(y0, y1)))
            pending = None
        else:
            pending = None if operator != b"re" else pending
    return boxes


def embedded_truetype_fonts(reader: PdfReader) -> set[str]:
    """The names (without the subset prefix) of the fonts the PDF's pages use, as pypdf
    reads them; fails unless each one is embedded as a TrueType font program."""
    names: set[str] = set()
    for page in reader.pages:
        resources = page["/Resources"]
        assert isinstance(resources, DictionaryObject)
        page_fonts = resources["/Font"]
        assert isinstance(page_fonts, DictionaryObject)
        for entry in page_fonts.values():
            font = entry.get_object()
            assert isinstance(font, DictionaryObject)
            descriptor = font["/FontDescriptor"]
            assert isinstance(descriptor, DictionaryObject)
            assert "/FontFile2" in descriptor
            names.add(str(font["/BaseFont"]).split("+", 1)[-1])
    return names
