"""Fixtures for the frozen build and the font search: a build made once per session, font
sets without Hangul, and the program's texts in English."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
NANUM = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
LATIN_FONTS = Path("/usr/share/fonts/truetype/dejavu")
# Reuse a build made before (a folder holding festival-app/) instead of building anew.
FROZEN_VAR = "FESTIVAL_APP_FROZEN_DIST"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    # In this process and in the programs it starts: these tests read English messages.
    monkeypatch.setenv("FESTIVAL_APP_LANG", "en")


def load_build_tool() -> ModuleType:
    """tools/build.py as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("festival_build", REPO / "tools" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fontconfig_file(folder: Path, fonts: Path) -> Path:
    """A fontconfig configuration that knows only the fonts in `fonts` (for Qt, fc-list)."""
    config = folder / "fonts.conf"
    config.write_text(
        f"<?xml version='1.0'?><fontconfig><dir>{fonts}</dir>"
        f"<cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return config


def no_korean_font(folder: Path) -> dict[str, str]:
    """Environment of a system without a Korean font: the program's font search pointed at
    an empty folder and, for Qt and fc-list, a font set without Hangul (or none)."""
    empty = folder / "no-fonts"
    empty.mkdir(exist_ok=True)
    latin = LATIN_FONTS if LATIN_FONTS.is_dir() else empty
    return {
        "FESTIVAL_APP_FONT_DIRS": str(empty),
        "FONTCONFIG_FILE": str(fontconfig_file(folder, latin)),
    }


class Frozen:
    """The built folder and how long building it took."""

    def __init__(self, dist: Path, seconds: float | None) -> None:
        self.folder = dist / "festival-app"
        self.seconds = seconds
        exe = "festival-app.exe" if sys.platform.startswith("win") else "festival-app"
        self.program = self.folder / exe


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
