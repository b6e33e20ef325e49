"""The `gui` marker goes on every test that needs Qt, found by tests/conftest.py."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

CONFTEST = Path(__file__).resolve().parent / "conftest.py"


def test_qt_tests_are_marked_gui_and_no_others(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.mkdir("gui_things")
    (pytester.path / "gui_things" / "test_in_a_window_folder.py").write_text(
        "def test_window_folder() -> None:\n    pass\n", encoding="utf-8"
    )
    pytester.makepyfile(
        test_fixtures=(
            "import pytest\n"
            "def test_qtbot(qtbot) -> None:\n    pass\n"
            "def test_qapp(qapp) -> None:\n    pass\n"
            "@pytest.fixture\n"
            "def window(qtbot):\n    return None\n"
            "def test_through_a_fixture(window) -> None:\n    pass\n"
            "def test_plain(tmp_path) -> None:\n    pass\n"
        ),
        test_module_imports_qt=(
            "from PySide6.QtCore import QSettings\ndef test_settings() -> None:\n    pass\n"
        ),
        test_qt_only_inside=(
            "CODE = 'from PySide6.QtWidgets import QApplication'\n"
            "def test_child_process() -> None:\n"
            "    from PySide6.QtCore import QSettings  # noqa: F401\n"
        ),
    )
    result = pytester.runpytest("--collect-only", "-q", "-m", "gui", "-p", "no:cacheprovider")
    marked = sorted(line for line in result.outlines if "::" in line)
    assert marked == [
        "gui_things/test_in_a_window_folder.py::test_window_folder",
        "test_fixtures.py::test_qapp",
        "test_fixtures.py::test_qtbot",
        "test_fixtures.py::test_through_a_fixture",
        "test_module_imports_qt.py::test_settings",
    ]
