"""The layers hold: the core works without Qt (domain, store, services, imports, exports and
the clash checks never load PySide6), and the import contracts in pyproject.toml (layers, no
circles) are kept."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "module",
    [
        "festival_app.domain",
        "festival_app.store",
        "festival_app.services",
        "festival_app.imports",
        "festival_app.exports",
        "festival_app.clash_checks",
        "festival_app.timetable",
        "festival_app.publishing",
        "festival_app.site_plan",
        "festival_app.releasing",
        "festival_app.team",
        "festival_app.cli.commands.init",
    ],
)
def test_core_imports_without_pyside6(module: str) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module({module!r})\n"
        "for info in pkgutil.walk_packages(getattr(pkg, '__path__', []), pkg.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "assert 'PySide6' not in sys.modules, [m for m in sys.modules if 'PySide6' in m]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def _uses_of_the_database(*places: Path) -> list[str]:
    """Lines that use an open service's database or repositories directly."""
    pattern = re.compile(r"\bservice\.(db|repos)\b")
    files = [
        path
        for place in places
        for path in (sorted(place.rglob("*.py")) if place.is_dir() else [place])
        if path.suffix == ".py"
    ]
    return [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_everything_but_the_services_reaches_the_file_through_them() -> None:
    app = REPO / "festival_app"
    outside = [p for p in app.iterdir() if p.name not in {"services", "store"}]
    assert _uses_of_the_database(*outside) == []
    # The pattern does find such a line.
    assert re.search(r"\bservice\.(db|repos)\b", "backups.restore(self.service.db, path)")


def test_the_import_contracts_are_kept() -> None:
    """pyproject.toml's contracts: the layers of README and no import circles, lazy and
    TYPE_CHECKING imports counted (import-linter, as `lint-imports` runs it in CI)."""
    linter = Path(sys.executable).with_name("lint-imports")
    if not linter.exists():
        pytest.skip("import-linter is not installed (the dev extra)")
    run = subprocess.run(
        [str(linter), "--no-cache"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
