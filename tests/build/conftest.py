"""Fixtures for the frozen build and the font search: a build made once per session and
the program's texts in English (the helpers are in tests/helpers/build.py)."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.build import FROZEN_VAR, Frozen, load_build_tool


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    # In this process and in the programs it starts: these tests read English messages.
    monkeypatch.setenv("FESTIVAL_APP_LANG", "en")


@pytest.fixture(scope="session")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Frozen]:
    """The frozen build, made once per session in a temporary folder with tools/build.py
    (or the one FESTIVAL_APP_FROZEN_DIST names)."""
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (.[build])")
    given = os.environ.get(FROZEN_VAR)
    if given:
        yield Frozen(Path(given), None)
        return
    build = load_build_tool()
    base = tmp_path_factory.mktemp("frozen")
    begin = time.perf_counter()
    code = build.main(["--dist", str(base / "dist"), "--work", str(base / "work")])
    assert code == 0, "tools/build.py failed (see its output above)"
    yield Frozen(base / "dist", time.perf_counter() - begin)
    shutil.rmtree(base, ignore_errors=True)  # 200 MB
