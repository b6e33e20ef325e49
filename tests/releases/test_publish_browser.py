"""The published web page in a real browser: Debian's chromium, headless.

Skipped, saying so, where chromium is not installed (`apt-get install chromium`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from festival_app import language, releasing
from festival_app.publishing.publish import publish
from festival_app.services import FestivalService

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (Debian package: chromium)"
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
]


def run_chromium(
    url: str, profile: Path, *extra: str, timeout: float = 90
) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, url],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def site(changed_path: Path, tmp_path: Path) -> Path:
    language.korean_labels()
    service = FestivalService.open(changed_path)
    try:
        releasing.release(service, "v2", "무대 변경", "Stage changes")
        publish(service, tmp_path / "site")
    finally:
        service.close()
    return tmp_path / "site"


def _console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


def test_the_page_runs_without_console_errors_and_chooses_a_language(
    site: Path, tmp_path: Path
) -> None:
    run = run_chromium(f"{site.as_uri()}/index.html?lang=en", tmp_path / "p1", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    assert _console(run.stderr) == []
    dom = run.stdout
    assert re.search(r'<html[^>]*data-lang="en"', dom)
    assert re.search(r'<nav class="languages"[^>]*aria-label', dom)
    assert 'class="languages" hidden' not in dom  # the script showed the buttons
    assert '<button type="button" data-lang="en" lang="en" aria-pressed="true">' in dom
    assert "서울광장 메인무대" in dom and "Main Stage (Seoul Plaza)" in dom


def test_the_page_is_whole_without_javascript(site: Path, tmp_path: Path) -> None:
    """What a browser with JavaScript off shows: the page without its script (headless
    chromium cannot switch scripts off and still hand back the page)."""
    plain = tmp_path / "plain"
    shutil.copytree(site, plain)
    page = (plain / "index.html").read_text(encoding="utf-8")
    tag = '<script src="script.js" defer></script>'
    assert tag in page
    (plain / "index.html").write_text(page.replace(tag, ""), encoding="utf-8")
    run = run_chromium(f"{plain.as_uri()}/index.html?lang=en", tmp_path / "p2", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    assert re.search(r'<html[^>]*data-lang="both"', dom)  # ?lang needs the script
    assert re.search(r'<nav class="languages" hidden', dom)  # no buttons that do nothing
    assert "개막식" in dom and "Opening ceremony" in dom  # both languages
    assert 'id="booths"' in dom and 'href="#booths"' in dom


def test_nothing_is_fetched_from_elsewhere(site: Path) -> None:
    page = (site / "index.html").read_text(encoding="utf-8")
    css = (site / "style.css").read_text(encoding="utf-8")
    js = (site / "script.js").read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    assert "http" not in js and "fetch(" not in js


@pytest.mark.parametrize(
    ("name", "size", "query"),
    [
        ("phone-ko", "390,844", "?lang=ko"),
        ("phone-en", "390,844", "?lang=en"),
        ("desktop-ko", "1280,900", "?lang=ko"),
        ("desktop-en", "1280,900", "?lang=en"),
    ],
)
def test_screenshots_at_phone_and_desktop_widths(
    site: Path, tmp_path: Path, name: str, size: str, query: str
) -> None:
    shot = tmp_path / f"{name}.png"
    run = run_chromium(
        f"{site.as_uri()}/index.html{query}",
        tmp_path / f"profile-{name}",
        f"--window-size={size}",
        f"--screenshot={shot}",
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert _console(run.stderr) == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    width = int.from_bytes(data[16:20], "big")
    assert width == int(size.split(",")[0])
