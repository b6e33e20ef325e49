"""Shared fixtures. Qt runs offscreen and every test gets its own user data folder.

Every test that needs Qt is marked `gui` here (see `pytest_collection_modifyitems`).
"""

from __future__ import annotations

import os
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from festival_app.services import FestivalService
from tests.helpers.interface_language import _interface_language as _interface_language
from tests.helpers.postgres import postgres_server, server_url  # noqa: F401  (fixtures)

REPO = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent

# pytest-qt's fixtures that make the QApplication.
QT_FIXTURES = frozenset({"qtbot", "qapp", "qtmodeltester"})


def _imports_qt(module: types.ModuleType | None) -> bool:
    """Whether the test module imports PySide6 at its top (a module, class or function of
    it among its names); imports inside a test, or in a child process's code, do not count."""
    if module is None:
        return False
    for value in vars(module).values():
        name = value.__name__ if isinstance(value, types.ModuleType) else None
        name = name or getattr(value, "__module__", None)
        if isinstance(name, str) and name.split(".")[0] == "PySide6":
            return True
    return False


def is_qt_test(item: pytest.Item) -> bool:
    """A Qt test: it lives in a window-test folder (tests/gui*), uses one of pytest-qt's
    application fixtures (directly or through another fixture), or its module imports
    PySide6."""
    path = Path(item.path).resolve()
    if path.is_relative_to(TESTS) and path.relative_to(TESTS).parts[0].startswith("gui"):
        return True
    if QT_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    return _imports_qt(getattr(item, "module", None))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if is_qt_test(item):
            item.add_marker(pytest.mark.gui)
            # In the interface's language of this run (FESTIVAL_APP_LANG), messages too.
            if isinstance(item, pytest.Function):
                item.fixturenames.append("_interface_language")


@pytest.fixture(autouse=True)
def _user_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    data = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("FESTIVAL_APP_DATA_DIR", str(data))
    return data


@pytest.fixture
def empty_service(tmp_path: Path) -> Iterator[FestivalService]:
    service = FestivalService.create(tmp_path / "festival.sqlite3")
    yield service
    service.close()


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A festival file with the 2018 sample, made once; copy it before writing to it."""
    from festival_app.cli.commands.init import create_festival_file

    path = tmp_path_factory.mktemp("sample") / "sample.sqlite3"
    create_festival_file(path, sample=True)
    return path


@pytest.fixture
def sample_service(sample_file: Path, tmp_path: Path) -> Iterator[FestivalService]:
    """A writable copy of the 2018 sample festival."""
    import shutil

    copy = tmp_path / "festival.sqlite3"
    shutil.copyfile(sample_file, copy)
    service = FestivalService.open(copy)
    yield service
    service.close()
