"""Helpers for the export tests: reading PDFs back with poppler, odd user text."""

from __future__ import annotations

import html
import re
import subprocess
from datetime import datetime
from pathlib import Path

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
