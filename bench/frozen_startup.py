"""Start-up of the frozen build next to the installed program and a bare QMainWindow.

    python tools/build.py                      # makes dist/festival-app
    python bench/frozen_startup.py [--runs 7] [--dist dist/festival-app]

Each start is a fresh process that opens the window offscreen, waits for its first paint
and quits: the installed program (`festival-app --db FILE --smoke-test` from this
virtual environment), the frozen one (`dist/festival-app/festival-app --db FILE
--smoke-test`) on generated festivals of 1x, 10x and 100x, the frozen one at 1x on a
system without a Korean font (FESTIVAL_APP_FONT_DIRS pointed at an empty folder and a
fontconfig set without Hangul, so the bundled NanumGothic is loaded), and the floor, a
tiny script that shows an empty PySide6 QMainWindow. Runs are interleaved so all cases
see the same machine load; medians of wall and CPU time are compared. The folder's size
is printed too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate
from bench.startup import BARE, timed

REPO = Path(__file__).resolve().parent.parent

SCALES = (1, 10, 100)
LATIN_FONTS = Path("/usr/share/fonts/truetype/dejavu")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dist", type=Path, default=REPO / "dist" / "festival-app")
    args = parser.parse_args()
    exe = "festival-app.exe" if sys.platform.startswith("win") else "festival-app"
    frozen = args.dist / exe
    installed = Path(sys.executable).parent / exe
    for program, hint in ((frozen, "python tools/build.py"), (installed, "pip install -e .")):
        if not program.is_file():
            raise SystemExit(f"{program} is missing: {hint}")
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        files = {s: generate(base / f"festival-{s}x.sqlite3", s) for s in SCALES}
        bare = base / "bare.py"
        bare.write_text(BARE, encoding="utf-8")
        # As in startup.py: the installed program runs from .pyc files (the frozen one
        # carries its bytecode), also where PYTHONDONTWRITEBYTECODE is set.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            PYTHONPYCACHEPREFIX=str(base / "pycache"),
            FESTIVAL_APP_DATA_DIR=str(base / "data"),
            FESTIVAL_APP_LANG="en",
        )
        empty = base / "no-fonts"
        empty.mkdir()
        (base / "fonts.conf").write_text(
            f"<?xml version='1.0'?><fontconfig><dir>{LATIN_FONTS}</dir>"
            f"<cachedir>{base / 'fc-cache'}</cachedir></fontconfig>",
            encoding="utf-8",
        )
        no_font = dict(
            env, FESTIVAL_APP_FONT_DIRS=str(empty), FONTCONFIG_FILE=str(base / "fonts.conf")
        )
        cases: dict[str, tuple[list[str], dict[str, str]]] = {
            "bare QMainWindow (venv Python)": ([sys.executable, str(bare)], env)
        }
        for scale in SCALES:
            db = ["--db", str(files[scale]), "--smoke-test"]
            cases[f"installed (venv), {scale}x"] = ([str(installed), *db], env)
            cases[f"frozen, {scale}x"] = ([str(frozen), *db], env)
        cases["frozen, 1x, no Korean system font"] = (
            [str(frozen), "--db", str(files[1]), "--smoke-test"],
            no_font,
        )
        for command, case_env in cases.values():  # warm caches (.pyc, fonts, disk) once
            timed(command, case_env)
        wall: dict[str, list[float]] = {name: [] for name in cases}
        cpu: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, (command, case_env) in cases.items():
                elapsed, used = timed(command, case_env)
                wall[name].append(elapsed)
                cpu[name].append(used)
    size = folder_size(args.dist)
    print(f"frozen folder {args.dist}: {size / 1e6:.1f} MB")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"median of {args.runs} runs each (interleaved), to first paint and exit:")
    floor_wall = statistics.median(wall["bare QMainWindow (venv Python)"])
    floor_cpu = statistics.median(cpu["bare QMainWindow (venv Python)"])
    for name in cases:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        print(
            f"  {name:<36} wall {w:.3f} s ({w / floor_wall:.2f}x bare, min "
            f"{min(wall[name]):.3f})   CPU {c:.3f} s ({c / floor_cpu:.2f}x bare)"
        )
    for scale in SCALES:
        ratio = statistics.median(wall[f"frozen, {scale}x"]) / statistics.median(
            wall[f"installed (venv), {scale}x"]
        )
        print(f"frozen / installed at {scale}x: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
