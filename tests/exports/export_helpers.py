"""Helpers for the export tests: reading PDFs back with poppler, odd user text."""

from __future__ import annotations

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
