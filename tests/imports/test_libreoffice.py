"""A workbook saved by a real spreadsheet application imports (where LibreOffice exists)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from festival_app.imports.workbook import preview_workbook
from festival_app.services import FestivalService

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here")
def test_csv_converted_by_libreoffice_imports(
    tmp_path: Path, sample_service: FestivalService
) -> None:
    assert SOFFICE is not None
    source = tmp_path / "Booths.csv"  # the sheet takes the file's name
    source.write_text(
        "Code,Venue,Category,Country,Power,Days\n"
        "M-59,Mugyo-ro,food,FR,yes,all\n"
        "P-75,서울광장,관광,대한민국,O,2018-09-01\n",
        encoding="utf-8",
    )
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--infilter=CSV:44,34,76",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        timeout=120,
        capture_output=True,
    )
    converted = tmp_path / "Booths.xlsx"
    plan = preview_workbook(sample_service, converted)
    assert not plan.has_errors, [p.message() for p in plan.problems]
    assert plan.counts["Booths"].created == 2
