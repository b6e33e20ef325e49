"""Helpers for the frozen build's and the font search's tests: where things are, font sets
without Hangul, tools/build.py loaded as a module, the built folder."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent.parent
NANUM = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
LATIN_FONTS = Path("/usr/share/fonts/truetype/dejavu")
# Reuse a build made before (a folder holding festival-app/) instead of building anew.
FROZEN_VAR = "FESTIVAL_APP_FROZEN_DIST"


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
