"""tools/screenshots.py takes every picture it promises: a renamed window method or a
dialog that no longer opens breaks it here, not the next time someone needs the pictures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = ("festival", "venues", "troupes", "program", "booths", "timetable", "site_map")
DIALOGS = (
    "day",
    "venue",
    "venue-edit",
    "troupe",
    "troupe-edit",
    "program-item",
    "program-item-edit",
    "booth",
    "booth-edit",
    "venue-columns",
    "export",
    "import",
    "restore",
    "about",
    "crash",
    "acknowledge-clash",
    "delete-booth",
    "changed-elsewhere",
    "file-in-use",
    "not-a-festival-file",
    "language-notice",
)


def test_the_tool_takes_every_section_and_dialog(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "screenshots.py"), "en", "--out", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "nothing was shown" not in done.stderr, done.stderr
    expected = [f"section-{key}-en.png" for key in SECTIONS]
    expected += [f"dialog-{name}-en.png" for name in DIALOGS]
    for name in expected:
        image = QImage(str(tmp_path / name))
        assert not image.isNull() and image.width() > 200 and image.height() > 50, name
    sections = [QImage(str(tmp_path / f"section-{key}-en.png")) for key in SECTIONS]
    assert {(i.width(), i.height()) for i in sections} == {(1280, 800)}
