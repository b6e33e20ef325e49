"""Export tests read PDFs back with poppler's tools."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(autouse=True)
def _need_poppler() -> None:
    if shutil.which("pdftotext") is None:  # pragma: no cover - installed on CI and here
        pytest.skip("poppler-utils (pdftotext) is not installed")
