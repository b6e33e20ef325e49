"""tools/build.py's rules, without building: which Qt goes in, the data files, the font."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.helpers.build import NANUM, REPO, load_build_tool

build = load_build_tool()


@pytest.mark.parametrize(
    ("plugin_type", "filename", "kept"),
    [
        ("platforms", "libqoffscreen.so", True),
        ("platforms", "libqxcb.so", True),
        ("platforms", "qwindows.dll", True),
        ("platforms", "libqwayland.so", False),
        ("platforms", "libqeglfs.so", False),
        ("imageformats", "libqjpeg.so", True),
        ("imageformats", "qgif.dll", True),
        ("imageformats", "libqsvg.so", False),
        ("imageformats", "libqpdf.so", False),
        ("iconengines", "libqsvgicon.so", False),
        ("platforminputcontexts", "libibusplatforminputcontextplugin.so", True),
        ("platforminputcontexts", "libqtvirtualkeyboardplugin.so", False),
        ("platformthemes", "libqgtk3.so", False),
        ("styles", "qmodernwindowsstyle.dll", True),
        ("tls", "libqopensslbackend.so", False),
    ],
)
def test_qt_plugins(plugin_type: str, filename: str, kept: bool) -> None:
    assert build.plugin_kept(plugin_type, filename) is kept


@pytest.mark.parametrize(
    ("filename", "name"),
    [
        ("libQt6Widgets.so.6", "Widgets"),
        ("Qt6Core.dll", "Core"),
        ("libQt6XcbQpa.so.6", "XcbQpa"),
        ("libQt6Network.so.6", "Network"),
        ("QtWidgets.abi3.so", None),
        ("libpython3.11.so.1.0", None),
    ],
)
def test_qt_library_names(filename: str, name: str | None) -> None:
    assert build.qt_library_name(filename) == name


def test_data_files_leave_translation_sources_out(tmp_path: Path) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "NanumGothic.ttf").write_bytes(b"")
    pairs = build.data_files(str(REPO / "resources"), str(fonts))
    destinations = {Path(source).name: Path(dest).as_posix() for source, dest in pairs}
    assert destinations["festival_ko.qm"] == "festival_app/resources/translations"
    assert destinations["festival_2018.json"] == "festival_app/resources/sample"
    assert destinations["NanumGothic.ttf"] == "festival_app/resources/fonts"
    assert "festival_ko.ts" not in destinations


def test_only_korean_translations_and_locales_are_kept() -> None:
    datas = [
        ("PySide6/Qt/translations/qtbase_ko.qm", "x", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
        ("PySide6\\translations\\qt_help_ko.qm", "x", "DATA"),
        ("babel/locale-data/ko.dat", "x", "DATA"),
        ("babel/locale-data/ko_KR.dat", "x", "DATA"),
        ("babel/locale-data/en.dat", "x", "DATA"),
        ("babel/locale-data/root.dat", "x", "DATA"),
        ("babel/locale-data/de.dat", "x", "DATA"),
        ("babel/locale-data/en_GB.dat", "x", "DATA"),
        ("babel/global.dat", "x", "DATA"),
        ("festival_app/resources/translations/festival_ko.qm", "x", "DATA"),
    ]
    kept = [d[0] for d in build.trimmed_datas(datas)]
    assert kept == [
        "PySide6/Qt/translations/qtbase_ko.qm",
        "babel/locale-data/ko.dat",
        "babel/locale-data/ko_KR.dat",
        "babel/locale-data/en.dat",
        "babel/locale-data/root.dat",
        "babel/global.dat",
        "festival_app/resources/translations/festival_ko.qm",
    ]


def test_the_spec_is_python() -> None:
    text = build.SPEC.format(
        tool="tools/build.py",
        script="main.py",
        repo=".",
        resources="resources",
        fonts="fonts",
        excludes=build.EXCLUDES,
        name=build.NAME,
    )
    compile(text, "festival-app.spec", "exec")
    assert "hide_console" in text and "X utf8" in text


def test_the_program_is_an_exe_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert build.executable(Path("dist")) == Path("dist", "festival-app", "festival-app.exe")
    monkeypatch.setattr(sys, "platform", "linux")
    assert build.executable(Path("dist")) == Path("dist", "festival-app", "festival-app")


def test_the_font_needs_its_licence(tmp_path: Path) -> None:
    with pytest.raises(build.BuildError, match="missing"):
        build.find_fonts(tmp_path / "none.ttf", None)
    font = tmp_path / "NanumGothic-Regular.ttf"
    font.write_bytes(b"ttf")
    with pytest.raises(build.BuildError, match="licence"):
        build.find_fonts(font, None)
    licence = tmp_path / "OFL.txt"
    licence.write_text("SIL OPEN FONT LICENSE Version 1.1", encoding="utf-8")
    (tmp_path / "NanumGothic-Bold.ttf").write_bytes(b"bold")
    regular, bold, found = build.find_fonts(font, licence)
    assert (regular, bold, found) == (font, tmp_path / "NanumGothic-Bold.ttf", licence)
    staged = tmp_path / "staged"
    build.stage_fonts(staged, regular, bold, found)
    assert sorted(p.name for p in staged.iterdir()) == [
        "LICENSE-NanumGothic.txt",
        "NanumGothic.ttf",
        "NanumGothicBold.ttf",
    ]
    text = (staged / "LICENSE-NanumGothic.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in text and "SIL OPEN FONT LICENSE Version 1.1" in text


@pytest.mark.skipif(not NANUM.is_file(), reason="needs fonts-nanum")
def test_the_system_font_and_licence_are_found() -> None:
    regular, bold, licence = build.find_fonts(None, None)
    assert regular == NANUM and bold == NANUM.with_name("NanumGothicBold.ttf")
    assert "Open Font License" in licence.read_text(encoding="utf-8")


@pytest.mark.skipif(not NANUM.is_file(), reason="needs fonts-nanum")
def test_a_build_without_the_font_licence_stops(tmp_path: Path) -> None:
    font = tmp_path / "NanumGothic.ttf"
    shutil.copyfile(NANUM, font)
    code = build.main(
        ["--dist", str(tmp_path / "d"), "--work", str(tmp_path / "w"), "--font", str(font)]
    )
    assert code == 1
    assert not (tmp_path / "d").exists()
