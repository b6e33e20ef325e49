"""Build the program as one folder with PyInstaller: `python tools/build.py`.

    pip install -e ".[build]"        # PyInstaller, pinned in pyproject.toml
    python tools/build.py            # -> dist/festival-app/festival-app(.exe)
    dist/festival-app/festival-app --self-test

The folder (one folder, not one file: one-file builds unpack themselves on every start,
start slowly and upset antivirus programs) holds the program (`festival-app`, or
`festival-app.exe` on Windows) and `_internal/` with Python, the libraries, the program's
resources (sample festival, compiled translations) and a Korean TrueType font with its
licence (`_internal/festival_app/resources/fonts/`), which the program uses when the
system has no Korean font.

The font is NanumGothic (SIL Open Font License), taken at build time from the system:
`/usr/share/fonts/truetype/nanum/NanumGothic.ttf` (Debian's fonts-nanum) with its licence
`/usr/share/doc/fonts-nanum/copyright`, or the files given with `--font` and
`--font-licence` (on Windows, where no system folder has it). NanumGothicBold beside the
regular face is bundled too. Without the font or its licence the build stops.

Only the Qt the program uses goes in: the QtCore, QtGui and QtWidgets modules (with the
Qt libraries they need: Core, Gui, Widgets, and DBus/XcbQpa on Linux) and the plugins
listed in QT_PLUGINS (no SVG, PDF, Wayland, network or QML plugins, which would pull in
further Qt libraries), Qt's Korean translation only, and Babel's locale data for Korean
and English only. After the build the folder is checked against these rules, and its size
and the build time are printed.

Works on Linux and Windows alike (macOS untried): paths are handled with pathlib, the
spec file gives PyInstaller (source, destination) pairs (so no `--add-data` separator,
':' or ';', is involved), and the program is `festival-app.exe` on Windows, where its
console window is hidden when it was started by a double click (hide_console) but stays
for the command line. .github/workflows/windows.yml builds it there.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NAME = "festival-app"
FONT_FILE = "NanumGothic.ttf"
BOLD_FILE = "NanumGothicBold.ttf"
LICENCE_FILE = "LICENSE-NanumGothic.txt"
# Debian's fonts-nanum.
SYSTEM_FONT = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
SYSTEM_LICENCE = Path("/usr/share/doc/fonts-nanum/copyright")

# Qt plugins to bundle, by type and name (the file name without "lib" and extension:
# libqxcb.so and qwindows.dll are "qxcb" and "qwindows"); "*" keeps every plugin of the type.
QT_PLUGINS: dict[str, set[str]] = {
    # offscreen and minimal for headless runs, xcb for X11 (and XWayland), the others for
    # Windows and macOS.
    "platforms": {"qoffscreen", "qminimal", "qxcb", "qwindows", "qdirect2d", "qcocoa"},
    # The desktop portal (file dialogs in sandboxes); not qgtk3, which needs GTK.
    "platformthemes": {"qxdgdesktopportal"},
    # Typing Hangul through ibus, dead keys through compose (not the QML virtual keyboard).
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    # Every image format that needs no further Qt module (qsvg needs QtSvg, qpdf QtPdf).
    "imageformats": {"qgif", "qico", "qjpeg", "qtiff", "qwebp", "qwbmp", "qtga", "qicns"},
    "xcbglintegrations": {"*"},
    # Windows' native look (qmodernwindowsstyle, qwindowsvistastyle) and macOS'.
    "styles": {"*"},
}
# Qt libraries the bundled modules and plugins link to; any other is an error.
QT_LIBRARIES = {"Core", "Gui", "Widgets", "DBus", "XcbQpa"}
QT_TRANSLATIONS = {"qtbase_ko.qm"}  # language.load_qt loads qtbase_<language>
BABEL_LOCALES = re.compile(r"^(root|en|ko(_\w+)?)\.dat$")  # countries.py: Locale("en"/"ko")
# Python packages the program never imports that PyInstaller's analysis may reach.
EXCLUDES = [
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "tkinter",
    "_tkinter",
    "pytest",
    "hypothesis",
    "pypdf",
    "mypy",
    "ruff",
    "IPython",
]

SPEC = """\
# Written by tools/build.py on each build; edit that file instead.
import importlib.util
import sys

_spec = importlib.util.spec_from_file_location("festival_build", {tool!r})
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)
build.restrict_qt_plugins()

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

a = Analysis(
    [{script!r}],
    pathex=[{repo!r}],
    # anyascii's transliteration tables (the published schedule's slugs) are data files.
    datas=build.data_files({resources!r}, {fonts!r}) + collect_data_files("anyascii"),
    hiddenimports=collect_submodules("festival_app"),
    excludes={excludes!r},
    noarchive=False,
)
a.datas = build.trimmed_datas(a.datas)
pyz = PYZ(a.pure)
exe = EXE(
    pyz,
    a.scripts,
    # UTF-8 mode: Korean messages reach a redirected stdout (CI logs) on Windows too.
    [("X utf8", None, "OPTION")],
    exclude_binaries=True,
    name={name!r},
    console=True,
    hide_console="hide-early" if sys.platform.startswith("win") else None,
    upx=False,
    debug=False,
)
coll = COLLECT(exe, a.binaries, a.datas, upx=False, name={name!r})
"""


# -- used inside PyInstaller's run, from the spec ----------------------------------------


def plugin_kept(plugin_type: str, filename: str) -> bool:
    """Whether the Qt plugin `filename` of `plugin_type` is bundled (see QT_PLUGINS)."""
    wanted = QT_PLUGINS.get(plugin_type)
    if not wanted:
        return False
    stem = Path(filename).name.split(".")[0]
    stem = stem.removeprefix("lib")
    return "*" in wanted or stem in wanted


def restrict_qt_plugins() -> None:
    """Make PyInstaller's Qt hooks collect only the plugins in QT_PLUGINS.

    The hooks collect every plugin of a type a module may use (all platforms, all image
    formats, the QML virtual keyboard ...) together with the Qt libraries those need;
    filtering the plugin list before the dependency analysis keeps those libraries out.
    """
    from PyInstaller.utils.hooks import qt

    original = qt.QtLibraryInfo.collect_plugins
    if getattr(original, "festival_filtered", False):
        return

    def collect_plugins(self: object, plugin_type: str) -> list[tuple[str, str]]:
        found = original(self, plugin_type)
        return [(src, dest) for src, dest in found if plugin_kept(plugin_type, src)]

    collect_plugins.festival_filtered = True  # type: ignore[attr-defined]  # a mark: installed once
    qt.QtLibraryInfo.collect_plugins = collect_plugins


def data_files(resources: str, fonts: str) -> list[tuple[str, str]]:
    """(source, destination folder) pairs: the resources where paths.resources_dir()
    looks in an installed program, the fonts in their fonts/ folder."""
    pairs: list[tuple[str, str]] = []
    root = Path(resources)
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix != ".ts":  # .ts: translation sources
            destination = Path("festival_app", "resources", path.parent.relative_to(root))
            pairs.append((str(path), str(destination)))
    for path in sorted(Path(fonts).iterdir()):
        pairs.append((str(path), str(Path("festival_app", "resources", "fonts"))))
    return pairs


def _parts(dest: str) -> list[str]:
    return dest.replace("\\", "/").split("/")


def trimmed_datas(datas: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Qt's translations but Korean and Babel's locales but Korean and English left out."""
    kept = []
    for entry in datas:
        parts = _parts(entry[0])
        qt_translation = "PySide6" in parts and len(parts) >= 2 and parts[-2] == "translations"
        if qt_translation and parts[-1] not in QT_TRANSLATIONS:
            continue
        if parts[:2] == ["babel", "locale-data"] and not BABEL_LOCALES.match(parts[-1]):
            continue
        kept.append(entry)
    return kept


# -- the build ---------------------------------------------------------------------------


class BuildError(Exception):
    """The build cannot go on; the message says why."""


def find_fonts(font: Path | None, licence: Path | None) -> tuple[Path, Path | None, Path]:
    """(regular, bold or None, licence) of the font to bundle."""
    regular = font or SYSTEM_FONT
    if not regular.is_file():
        raise BuildError(
            f"The Korean font {regular} is missing. On Debian/Ubuntu: apt install "
            "fonts-nanum; elsewhere give NanumGothic with --font and its licence with "
            "--font-licence."
        )
    licence = licence or (SYSTEM_LICENCE if font is None else None)
    if licence is None or not licence.is_file():
        raise BuildError(
            f"The licence of {regular.name} was not found ({licence}); the font is "
            "bundled only with its licence beside it (--font-licence)."
        )
    bold = None
    for name in ("NanumGothicBold.ttf", "NanumGothic-Bold.ttf"):
        if (regular.parent / name).is_file():
            bold = regular.parent / name
            break
    return regular, bold, licence


def stage_fonts(folder: Path, regular: Path, bold: Path | None, licence: Path) -> None:
    """The fonts under the names the program looks for, their licence beside them."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copyfile(regular, folder / FONT_FILE)
    if bold is not None:
        shutil.copyfile(bold, folder / BOLD_FILE)
    text = licence.read_text(encoding="utf-8", errors="replace")
    header = (
        "NanumGothic (NanumGothic.ttf, NanumGothicBold.ttf), bundled with the Seoul "
        "Friendship Festival organizer.\nLicensed under the SIL Open Font License 1.1; "
        f"the licence text follows (from {licence.name}).\n\n"
    )
    (folder / LICENCE_FILE).write_text(header + text, encoding="utf-8")


def strip_python(internal: Path) -> None:
    """Debug symbols out of the Python runtime's own libraries (Linux).

    A Python built from source carries them (libpython alone 18 MB). Only these files:
    PyInstaller's strip option strips every library, and breaks numpy's OpenBLAS (a
    library rewritten by auditwheel: "ELF load command address/offset not page-aligned").
    """
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return
    files = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    files = [f for f in files if f.is_file() and not f.is_symlink()]
    if files:
        subprocess.run([strip, "--strip-debug", *map(str, files)], check=True)


def executable(dist: Path) -> Path:
    return dist / NAME / (NAME + (".exe" if sys.platform.startswith("win") else ""))


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def qt_library_name(filename: str) -> str | None:
    """'libQt6Widgets.so.6' / 'Qt6Widgets.dll' / 'QtWidgets' (framework) -> 'Widgets'."""
    match = re.match(r"^(?:lib)?Qt6(\w+?)(?:\.so(?:\.\d+)*|\.dll|\.\d+\.dylib|\.dylib)?$", filename)
    return match.group(1) if match else None


def check_folder(folder: Path) -> list[str]:
    """What is wrong with a built folder (empty when all is well)."""
    problems = []
    internal = folder / "_internal"
    resources = internal / "festival_app" / "resources"
    for needed in (
        resources / "sample" / "festival_2018.json",
        resources / "translations" / "festival_ko.qm",
        resources / "fonts" / FONT_FILE,
        resources / "fonts" / LICENCE_FILE,
    ):
        if not needed.is_file():
            problems.append(f"missing {needed.relative_to(folder)}")
    for path in internal.rglob("*"):
        parts = path.relative_to(internal).parts
        if "plugins" in parts and path.is_file():
            index = parts.index("plugins")
            if len(parts) == index + 3 and not plugin_kept(parts[index + 1], parts[-1]):
                problems.append(f"unwanted Qt plugin {path.relative_to(folder)}")
        name = qt_library_name(path.name)
        if name is not None and name not in QT_LIBRARIES and path.is_file():
            problems.append(f"unwanted Qt library {path.relative_to(folder)}")
        if path.suffix in (".pyd", ".so") and path.name.startswith("Qt"):
            module = path.name.split(".")[0]
            if module not in ("QtCore", "QtGui", "QtWidgets"):
                problems.append(f"unwanted Qt module {path.relative_to(folder)}")
    platforms = [p.name for p in internal.rglob("*") if p.parent.name == "platforms"]
    if not any("offscreen" in name for name in platforms):
        problems.append("the offscreen platform plugin is missing")
    return problems


def build(dist: Path, work: Path, font: Path | None = None, licence: Path | None = None) -> Path:
    """Build dist/festival-app; return the executable."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise BuildError('PyInstaller is not installed: pip install -e ".[build]"') from None
    if not (REPO / "resources" / "translations" / "festival_ko.qm").is_file():
        raise BuildError("resources/translations/festival_ko.qm is missing")
    regular, bold, licence = find_fonts(font, licence)
    work.mkdir(parents=True, exist_ok=True)
    fonts = work / "fonts"
    stage_fonts(fonts, regular, bold, licence)
    spec = work / f"{NAME}.spec"
    spec.write_text(
        SPEC.format(
            tool=str(Path(__file__).resolve()),
            script=str(REPO / "main.py"),
            repo=str(REPO),
            resources=str(REPO / "resources"),
            fonts=str(fonts),
            excludes=EXCLUDES,
            name=NAME,
        ),
        encoding="utf-8",
    )
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work / "pyinstaller"),
        str(spec),
    ]
    subprocess.run(command, check=True, cwd=REPO)
    program = executable(dist)
    if not program.is_file():
        raise BuildError(f"PyInstaller made no {program}")
    strip_python(dist / NAME / "_internal")
    problems = check_folder(dist / NAME)
    if problems:
        raise BuildError("the built folder is not as it should be:\n  " + "\n  ".join(problems))
    return program


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=REPO / "build", help="work folder")
    parser.add_argument("--font", type=Path, help=f"NanumGothic .ttf (default {SYSTEM_FONT})")
    parser.add_argument("--font-licence", type=Path, help=f"its licence (default {SYSTEM_LICENCE})")
    args = parser.parse_args(argv)
    begin = time.perf_counter()
    try:
        program = build(args.dist.resolve(), args.work.resolve(), args.font, args.font_licence)
    except BuildError as exc:
        print(f"build: {exc}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        print(f"build: PyInstaller failed with exit code {exc.returncode}", file=sys.stderr)
        return 1
    size = folder_size(program.parent)
    print(f"built {program}")
    print(f"folder {size / 1e6:.1f} MB, built in {time.perf_counter() - begin:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
