"""Finding and registering an embeddable Korean TrueType font for PDFs.

reportlab's built-in CID fonts are not embedded (a copy shop prints boxes) and Helvetica
turns Hangul into black squares, so every PDF embeds a TrueType font with Hangul. The
font is found automatically per platform, or given as a path (parameter, setting, or the
environment variable FESTIVAL_APP_PDF_FONT; the value "none" switches discovery off).
When the system has none, the font bundled with the program is used (the frozen build
carries NanumGothic in resources/fonts; a source checkout has none).

FESTIVAL_APP_FONT_DIRS (folders separated by os.pathsep; see paths.font_dirs_override)
replaces the system's font folders in the search, for the PDFs and the window alike:
pointed at an empty folder, the program behaves as on a system without a Korean font.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from festival_app import paths
from festival_app.domain.errors import UserError
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate

logger = logging.getLogger(__name__)

ENV_VAR = "FESTIVAL_APP_PDF_FONT"
FONT_DIRS_VAR = paths.FONT_DIRS_VAR
DISABLED = "none"
CONTEXT = "Export"

# Preferred fonts first: plain sans-serif faces read best at a distance.
_PREFERRED = ("NanumGothic.", "NanumBarunGothic.", "malgun.", "AppleGothic.", "NanumSquareR.")
_SAMPLE = "가한글"


class MissingFontError(UserError):
    """No Korean TrueType font could be found or used; the message says what to install."""

    bad_input = False  # the machine lacks a font, not the user's input: exit code 1

    def __init__(self, detail: str = "") -> None:
        self.detail = detail
        super().__init__(self.message())

    def message(self) -> str:
        hint = translate(
            CONTEXT,
            N(
                "Export",
                "No Korean TrueType font was found, so Hangul cannot be printed. Install a "
                "Korean TrueType font: on Debian/Ubuntu 'sudo apt install fonts-nanum'; on "
                "Windows Malgun Gothic ships with the system; on macOS AppleGothic. Or name a "
                ".ttf file in the setting or in FESTIVAL_APP_PDF_FONT.",
            ),
        )
        return f"{hint} ({self.detail})" if self.detail else hint


@dataclass(frozen=True)
class KoreanFont:
    """A registered font pair: use `regular` and `bold` as reportlab font names."""

    regular: str
    bold: str
    path: Path
    bold_path: Path

    @property
    def bundled(self) -> bool:
        """True for the font that came with the program (the system has none)."""
        folder = paths.bundled_fonts_dir()
        return folder is not None and self.path.parent == folder

    def describe(self) -> str:
        """The font's file, and whether it came with the program, for the user to read."""
        if self.bundled:
            return translate(CONTEXT, N("Export", "{0} (bundled with the program)")).format(
                self.path.stem
            )
        return f"{self.path.stem} ({self.path})"


def find_korean_font(path: str | os.PathLike[str] | None = None) -> KoreanFont:
    """Register and return a Korean TrueType font (regular and bold).

    `path` wins, then FESTIVAL_APP_PDF_FONT, then the platform's usual fonts (or those in
    FESTIVAL_APP_FONT_DIRS), then the font bundled with the program.
    Raises MissingFontError when nothing usable is found.
    """
    if path is not None and str(path).strip():
        return _register_or_fail(Path(path))
    override = os.environ.get(ENV_VAR, "").strip()
    if override.lower() == DISABLED:
        raise MissingFontError(f"{ENV_VAR}={override}")
    if override:
        return _register_or_fail(Path(override))
    tried: list[str] = []
    for candidate in candidate_paths():
        try:
            return _register(candidate)
        except Exception as exc:  # a font reportlab cannot read: try the next one
            logger.info("skipping font %s: %s", candidate, exc)
            tried.append(candidate.name)
    bundled = paths.bundled_font()
    if bundled is not None:
        try:
            return _register(bundled)
        except Exception as exc:
            logger.warning("the bundled font %s is unusable: %s", bundled, exc)
            tried.append(bundled.name)
    raise MissingFontError(
        ("tried: " + ", ".join(tried)) if tried else "no Korean font on this system"
    )


def _register_or_fail(path: Path) -> KoreanFont:
    try:
        return _register(path)
    except MissingFontError:
        raise
    except Exception as exc:
        raise MissingFontError(f"{path}: {exc}") from exc


def candidate_paths() -> list[Path]:
    """Korean TrueType fonts on this system, preferred ones first (with
    FESTIVAL_APP_FONT_DIRS: those in its folders instead)."""
    found: list[Path] = []
    override = paths.font_dirs_override()
    if override is not None:
        found = paths.font_files(override)
    elif sys.platform.startswith("win"):
        fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        found += [fonts / "malgun.ttf", fonts / "gulim.ttc", fonts / "batang.ttc"]
    elif sys.platform == "darwin":
        found += [
            Path("/System/Library/Fonts/Supplemental/AppleGothic.ttf"),
            Path("/Library/Fonts/AppleGothic.ttf"),
            Path("/System/Library/Fonts/AppleGothic.ttf"),
        ]
    if override is None:
        found += _fontconfig_korean()
    unique: dict[Path, None] = {}
    for candidate in found:
        if candidate.is_file() and candidate.suffix.lower() in (".ttf", ".ttc"):
            unique.setdefault(candidate, None)

    def rank(p: Path) -> tuple[int, str]:
        for i, prefix in enumerate(_PREFERRED):
            if p.name.startswith(prefix):
                return i, p.name
        # Bold faces only as a last resort for the regular text.
        return len(_PREFERRED) + ("bold" in p.name.lower()), p.name

    return sorted(unique, key=rank)


def _fontconfig_korean() -> list[Path]:
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []
    try:
        out = subprocess.run(
            [fc_list, ":lang=ko", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [Path(line.split(":")[0].strip()) for line in out.splitlines() if line.strip()]


def _bold_sibling(path: Path) -> Path | None:
    stem, suffix = path.stem, path.suffix
    for name in (f"{stem}Bold", f"{stem}bd", f"{stem}-Bold", f"{stem}B"):
        candidate = path.with_name(name + suffix)
        if candidate.is_file() and candidate != path:
            return candidate
    if stem.endswith("R"):  # NanumSquareR -> NanumSquareB
        candidate = path.with_name(stem[:-1] + "B" + suffix)
        if candidate.is_file():
            return candidate
    return None


@cache
def _register(path: Path) -> KoreanFont:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if not path.is_file():
        raise MissingFontError(f"{path} does not exist")
    if path.suffix.lower() not in (".ttf", ".ttc"):
        raise MissingFontError(f"{path} is not a TrueType font (.ttf)")
    regular_name = f"Korean-{path.stem}"
    font = TTFont(regular_name, str(path))  # raises for PostScript outlines
    if not all(font.face.charToGlyph.get(ord(ch)) for ch in _SAMPLE):
        raise MissingFontError(f"{path.name} has no Hangul")
    pdfmetrics.registerFont(font)
    bold_path = _bold_sibling(path)
    bold_name = regular_name
    if bold_path is not None:
        try:
            pdfmetrics.registerFont(TTFont(f"Korean-{bold_path.stem}", str(bold_path)))
            bold_name = f"Korean-{bold_path.stem}"
        except Exception as exc:
            logger.info("bold face %s unusable: %s", bold_path, exc)
            bold_path = None
    # <b> inside Paragraphs picks the bold face.
    addMapping(regular_name, 0, 0, regular_name)
    addMapping(regular_name, 0, 1, regular_name)
    addMapping(regular_name, 1, 0, bold_name)
    addMapping(regular_name, 1, 1, bold_name)
    logger.info("PDF font %s (bold %s)", path, bold_path)
    return KoreanFont(regular_name, bold_name, path, bold_path or path)
