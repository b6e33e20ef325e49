"""Helpers for the import tests: workbooks written with openpyxl, festival files, digests."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest

from tests.helpers.workbooks import digest

WorkbookMaker = Callable[..., Path]


@pytest.fixture
def make_workbook(tmp_path: Path) -> WorkbookMaker:
    """Write {sheet title: [header row, data rows...]} as an .xlsx and return its path."""

    def make(
        sheets: dict[str, Sequence[Sequence[object]]], name: str = "applications.xlsx"
    ) -> Path:
        workbook = openpyxl.Workbook()
        first = workbook.active
        assert first is not None
        workbook.remove(first)
        for title, rows in sheets.items():
            ws = workbook.create_sheet(title)
            for row in rows:
                ws.append(list(row))
        path = tmp_path / name
        workbook.save(path)
        return path

    return make


@pytest.fixture
def festival_path(sample_file: Path, tmp_path: Path) -> Path:
    """A copy of the 2018 sample festival file."""
    copy = tmp_path / "festival.sqlite3"
    shutil.copyfile(sample_file, copy)
    return copy


@pytest.fixture
def file_digest() -> Callable[[Path], str]:
    return digest
