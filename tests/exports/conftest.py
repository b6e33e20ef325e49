"""Export tests read PDFs back with poppler's tools."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

# The tests import their helpers (export_helpers.py) from this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True)
def _need_poppler() -> None:
    if shutil.which("pdftotext") is None:  # pragma: no cover - installed on CI and here
        pytest.skip("poppler-utils (pdftotext) is not installed")
