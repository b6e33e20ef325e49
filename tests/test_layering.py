"""The core works without Qt: domain, store, services, imports and exports never load PySide6."""

from __future__ import annotations

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
