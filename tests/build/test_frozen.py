"""The frozen one-folder build (tools/build.py): what it holds, its --self-test, Korean
PDFs without a Korean system font, the window offscreen.

Marked `build`: the build takes a while (about 20 s here, with PyInstaller's --clean);
`pytest -m "not build"` leaves these out. Set FESTIVAL_APP_FROZEN_DIST to a folder
holding festival-app/ to test a build made before.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers.build import Frozen, load_build_tool, no_korean_font

pytestmark = pytest.mark.build

STEPS = ["create", "check", "translations", "pdf", "workbook", "calendar", "publish"]


def run(
    frozen: Frozen, *args: str, tmp_path: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FESTIVAL_APP_DATA_DIR": str(tmp_path / "data"),
        "FESTIVAL_APP_LANG": "en",
        **(env or {}),
    }
    return subprocess.run(
        [str(frozen.program), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        env=environment,
        cwd=tmp_path,
    )


def embedded_font_names(pdf: Path) -> list[tuple[str, bool]]:
    """(font name without subset prefix, embedded) for every font of the PDF, by pypdf."""
    fonts: dict[str, bool] = {}
    for page in PdfReader(pdf).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"]).split("+", 1)[-1].lstrip("/")] = embedded
    return sorted(fonts.items())


def test_the_folder_holds_the_program_its_resources_and_only_the_qt_it_uses(
    frozen: Frozen,
) -> None:
    build = load_build_tool()
    assert frozen.program.is_file()
    assert build.check_folder(frozen.folder) == []
    fonts = frozen.folder / "_internal" / "festival_app" / "resources" / "fonts"
    assert sorted(p.name for p in fonts.iterdir()) == [
        "LICENSE-NanumGothic.txt",
        "NanumGothic.ttf",
        "NanumGothicBold.ttf",
    ]
    assert "Open Font License" in (fonts / "LICENSE-NanumGothic.txt").read_text(encoding="utf-8")
    internal = frozen.folder / "_internal"
    names = {p.name for p in internal.rglob("*")}
    # The platforms a window needs here, headless and on X11; no Wayland, SVG, PDF, QML.
    assert {"libqoffscreen.so", "libqxcb.so"} <= names or {
        "qoffscreen.dll",
        "qwindows.dll",
    } <= names
    qt_libraries = {build.qt_library_name(n) for n in names} - {None}
    assert qt_libraries <= build.QT_LIBRARIES, qt_libraries
    assert not any(re.match(r"Qt(Network|Qml|Quick|Svg|Pdf|Sql|DBus)\W", n) for n in names)
    size = build.folder_size(frozen.folder)
    assert size < 260e6, f"{size / 1e6:.0f} MB"
    if frozen.seconds is not None:
        print(f"frozen build: {size / 1e6:.1f} MB, built in {frozen.seconds:.0f} s")


def test_self_test_passes(frozen: Frozen, tmp_path: Path) -> None:
    result = run(frozen, "--self-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[1] for line in lines[1:-1]] == STEPS
    assert all(line.startswith("ok ") for line in lines[1:-1]), lines
    assert lines[-1] == "Self-test passed."


def test_without_a_korean_system_font_the_bundled_one_is_embedded(
    frozen: Frozen, tmp_path: Path
) -> None:
    env = no_korean_font(tmp_path)
    result = run(frozen, "--self-test", tmp_path=tmp_path, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "NanumGothic (bundled with the program)" in result.stdout
    festival = tmp_path / "festival.sqlite3"
    assert run(frozen, "init", str(festival), tmp_path=tmp_path, env=env).returncode == 0
    out = tmp_path / "timetable-ko.pdf"
    result = run(
        frozen, "export", "timetable", "--db", str(festival), "--out", str(out),
        "--lang", "ko", tmp_path=tmp_path, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    fonts = embedded_font_names(out)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert {name for name, _ in fonts} <= {"NanumGothic", "NanumGothicBold"}
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True
        ).stdout
        # Hangul comes out as text (the font's glyphs map back to their letters).
        assert "서울광장 메인무대" in text and "2018년 9월 1일 (토)" in text


def test_window_starts_offscreen(frozen: Frozen, tmp_path: Path) -> None:
    festival = tmp_path / "festival.sqlite3"
    assert run(frozen, "init", str(festival), tmp_path=tmp_path).returncode == 0
    result = run(frozen, "--db", str(festival), "--smoke-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    # Without a Korean system font too, and in Korean.
    env = {**no_korean_font(tmp_path), "FESTIVAL_APP_LANG": "ko"}
    result = run(frozen, "--db", str(festival), "--smoke-test", tmp_path=tmp_path, env=env)
    assert result.returncode == 0, result.stderr


def test_the_command_line_speaks_korean(frozen: Frozen, tmp_path: Path) -> None:
    result = run(frozen, "--help", tmp_path=tmp_path, env={"FESTIVAL_APP_LANG": "ko"})
    assert result.returncode == 0 and "사용법" in result.stdout
    version = run(frozen, "--version", tmp_path=tmp_path)
    assert version.stdout.strip().startswith("festival-app ")


def test_the_frozen_program_sets_up_and_opens_a_server_festival(
    frozen: Frozen, server_url: str, tmp_path: Path
) -> None:
    """Psycopg (its compiled libpq) and the team mode's modules are in the folder: the
    frozen program sets a festival up on the test's PostgreSQL server, checks it, opens
    the window on it and pulls it back into a file."""
    assert run(frozen, "server", "init", server_url, tmp_path=tmp_path).returncode == 0
    checked = run(frozen, "check", "--server", server_url, tmp_path=tmp_path)
    assert checked.returncode in (0, 1) and "Traceback" not in checked.stderr, checked.stderr
    started = run(frozen, "--server", server_url, "--smoke-test", tmp_path=tmp_path)
    assert started.returncode == 0, started.stderr
    pulled = tmp_path / "pulled.sqlite3"
    result = run(frozen, "server", "pull", server_url, "--out", str(pulled), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert pulled.is_file()
