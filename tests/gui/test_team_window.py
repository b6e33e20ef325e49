"""The window on a server festival (team mode), against the real PostgreSQL server:
another computer's edit (its own process) shows in the window's table within a second
without any action; the status bar names who else is connected; a lost server shows a
banner at once and the window recovers by itself; a viewer's window is read-only with a
banner of its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from festival_app.gui import team_menu, team_mode
from festival_app.gui.main_window import MainWindow
from festival_app.services import FestivalService
from festival_app.store.postgres import role_names
from festival_app.store.server_errors import ConnectionLostError, ServerLoginError
from tests.helpers.computers import Computer
from tests.helpers.engines import push
from tests.helpers.interface_language import tr
from tests.helpers.postgres import ADMIN_PASSWORD, PostgresServer

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("FESTIVAL_SCREENSHOTS")  # a folder: keep screenshots there


@pytest.fixture
def festival(sample_file: Path, server_url: str) -> str:
    push(sample_file, server_url)
    return server_url


@pytest.fixture
def window(qtbot: Any, festival: str, tmp_path: Path) -> Iterator[MainWindow]:
    service = FestivalService.open_server(festival)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(service, settings, (team_menu.install,))
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    yield win
    win.close()
    _view(win).stop()
    service.close()


def _view(window: MainWindow) -> team_mode.TeamModeView:
    view = team_mode.view_of(window)
    assert view is not None
    return view


def _section(window: MainWindow, key: str) -> Any:
    window.show_section(key)
    found = window.record_section(key)
    assert found is not None
    return found


def test_another_computers_edit_shows_within_a_second(
    qtbot: Any, window: MainWindow, festival: str, postgres_server: PostgresServer
) -> None:
    booths = _section(window, "booths")
    database = festival.rsplit("/", 1)[1]
    postgres_server.create_login(f"kim_{database}", "kim-pw", member_of=role_names(database)[0])
    other = Computer(postgres_server.url(database, f"kim_{database}"), "kim-pw")
    try:
        booth_id = booths.model.record(0).id
        assert other.ask(op="read_booth", id=booth_id)["ok"]
        assert other.ask(op="save_booth", changes={"phone": "+82 2 777"})["ok"]

        def shown() -> bool:
            row = booths.model.row_of(booth_id)
            return row is not None and booths.model.record(row).phone == "+82 2 777"

        # Without any action here. How fast (p95 well under 1 s) is bench/team_server.py's
        # to measure: a test on a busy machine only waits.
        qtbot.waitUntil(shown, timeout=10_000)
        # The change feed asks who else is connected right after it hears a change.
        label = _view(window).others_label
        qtbot.waitUntil(lambda: f"(kim_{database})" in label.toolTip(), timeout=10_000)
        if SHOTS:
            window.grab().save(str(Path(SHOTS) / "team_window.png"))
    finally:
        other.close()


def test_a_program_item_moved_on_another_computer_moves_on_this_timetable(
    qtbot: Any, festival: str, postgres_server: PostgresServer, tmp_path: Path
) -> None:
    from festival_app.gui.schedule import extension as timetable
    from festival_app.gui.schedule.widget import TimetableWidget

    service = FestivalService.open_server(festival)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(service, settings, (timetable.install, team_menu.install))
    qtbot.addWidget(win)
    win.show()
    win.show_section(timetable.SECTION)
    grid = win.section(timetable.SECTION)
    assert isinstance(grid, TimetableWidget)
    day = grid.current_day()
    assert day is not None
    item = next(i for i in service.program(day.id) if i.id in grid.scene.blocks)
    database = festival.rsplit("/", 1)[1]
    postgres_server.create_login(f"park_{database}", "park-pw", member_of=role_names(database)[0])
    other = Computer(postgres_server.url(database, f"park_{database}"), "park-pw")
    try:
        assert other.ask(op="move_item", id=item.id, minutes=5)["ok"]

        def moved() -> bool:
            block = grid.scene.blocks.get(item.id or 0)
            return block is not None and block.item.start_min == item.start_min + 5

        qtbot.waitUntil(moved, timeout=10_000)  # no action here: the feed brought it
    finally:
        other.close()
        win.close()
        view = team_mode.view_of(win)
        if view is not None:
            view.stop()
        service.close()


def test_a_viewer_exports_from_a_server_festival(
    qtbot: Any, festival: str, postgres_server: PostgresServer, tmp_path: Path, boxes: Any
) -> None:
    """The export reads through a connection of its own, signed in as the window is
    (a viewer with a typed password: not in the environment, not in a keyring)."""
    import openpyxl

    from festival_app.gui.dialogs.export_dialog import ExportDialog

    database = festival.rsplit("/", 1)[1]
    postgres_server.create_login(f"choi_{database}", "choi-pw", member_of=role_names(database)[1])
    old = os.environ.pop("PGPASSWORD", None)
    try:
        url = postgres_server.url(database, f"choi_{database}")
        service = FestivalService.open_server(url, password="choi-pw")
        assert service.read_only
        dialog = ExportDialog(service)
        qtbot.addWidget(dialog)
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("booths"))
        out = tmp_path / "booths.xlsx"
        dialog.path_edit.setText(str(out))
        dialog.start()
        qtbot.waitUntil(lambda: dialog.worker is None, timeout=30_000)
        assert dialog.result_path == out, boxes.shown
        rows = openpyxl.load_workbook(out)["All booths"].max_row
        assert rows > len(service.booths())  # headings, then every booth
        service.close()
    finally:
        if old is not None:
            os.environ["PGPASSWORD"] = old


def test_a_lost_server_is_shown_and_the_window_recovers(
    qtbot: Any, window: MainWindow, postgres_server: PostgresServer
) -> None:
    view = _view(window)
    view.link.feed.retry_s = 0.2
    # Reads the window makes while the server is gone fail with ConnectionLostError,
    # which the program's excepthook shows as a store failure (not a crash).
    with qtbot.capture_exceptions() as failures:
        postgres_server.stop("immediate")
        try:
            qtbot.waitUntil(lambda: view.lost_banner.isVisible(), timeout=30_000)
            if SHOTS:
                window.grab().save(str(Path(SHOTS) / "team_window_lost.png"))
        finally:
            postgres_server.start()
        assert view.others_label.full_text == tr("TeamMode", "Not connected")
        qtbot.waitUntil(lambda: not view.lost_banner.isVisible(), timeout=10000)
    assert all(isinstance(f[1], ConnectionLostError) for f in failures), failures
    assert len(window.service.troupes()) == 15  # the window's connection works again
    # Who else is connected, as the feed last heard, at once (its next ask is 5 s away).
    assert view.others_label.full_text == tr("TeamMode", "Nobody else connected")


def test_closing_the_window_stops_hearing_the_server(qtbot: Any, window: MainWindow) -> None:
    import sys
    import threading

    view = _view(window)
    assert sys.excepthook == view.excepthook
    window.close()

    def stopped() -> bool:
        feeds = [t for t in threading.enumerate() if t.name == "festival-changes"]
        return not feeds and sys.excepthook != view.excepthook

    qtbot.waitUntil(stopped, timeout=30_000)


def test_a_read_failing_on_a_lost_connection_shows_the_banner_not_a_message(
    window: MainWindow, boxes: Any
) -> None:
    import sys

    view = _view(window)
    assert sys.excepthook == view.excepthook
    lost = ConnectionLostError("postgresql://x@db:5432/festival", "server closed the connection")
    sys.excepthook(ConnectionLostError, lost, None)
    assert view.lost_banner.isVisible() and boxes.shown == []
    assert "server closed the connection" in view.lost_banner.text()
    other = ValueError("a bug")
    seen: list[BaseException] = []
    view.previous_hook = lambda kind, value, tb: seen.append(value)
    sys.excepthook(ValueError, other, None)  # anything else goes on to the program's handler
    assert seen == [other]


def test_a_viewers_window_is_read_only_with_a_banner(
    qtbot: Any, festival: str, postgres_server: PostgresServer, tmp_path: Path
) -> None:
    database = festival.rsplit("/", 1)[1]
    postgres_server.create_login(f"lee_{database}", "lee-pw", member_of=role_names(database)[1])
    os.environ["PGPASSWORD"] = "lee-pw"
    try:
        service = FestivalService.open_server(postgres_server.url(database, f"lee_{database}"))
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        win = MainWindow(service, settings, (team_menu.install,))
        qtbot.addWidget(win)
        win.resize(1200, 800)
        win.show()
        assert service.read_only and win.read_only_banner.isVisible()
        assert win.read_only_banner.text() == tr(
            "TeamMode",
            "You are signed in as a viewer: you can look, search and export, but not change "
            "anything (the server itself refuses a viewer's changes).",
        )
        if SHOTS:
            win.grab().save(str(Path(SHOTS) / "team_window_viewer.png"))
        win.close()
        _view(win).stop()
        service.close()
    finally:
        os.environ["PGPASSWORD"] = ADMIN_PASSWORD


def test_the_program_starts_on_a_server_festival(festival: str) -> None:
    """`festival-app --server URL` as a person runs it (its own process, offscreen)."""
    import subprocess
    import sys

    main = Path(__file__).resolve().parents[2] / "main.py"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = subprocess.run(
        [sys.executable, str(main), "--server", festival, "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert started.returncode == 0, started.stderr
    refused = subprocess.run(
        [sys.executable, str(main), "--server", festival, "--smoke-test"],
        capture_output=True,
        text=True,
        env={**env, "PGPASSWORD": "wrong"},
        timeout=120,
    )
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    # Told in plain words in the interface's language (which names PGPASSWORD either way).
    assert "PGPASSWORD" in refused.stderr and festival.rsplit("/", 1)[1] in refused.stderr


def test_connect_to_server_from_the_file_menu(
    qtbot: Any,
    festival: str,
    tmp_path: Path,
    sample_service: FestivalService,
    boxes: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """File > Connect to server…: a wrong password is said in the dialog, which stays
    open; the right one connects, the window shows the server festival, and the server
    is in Open recent (without any password)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from festival_app.gui.dialogs.connect_dialog import ConnectDialog

    monkeypatch.delenv("PGPASSWORD")  # only what the dialog is given
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(sample_service, settings, (team_menu.install,))  # as app.py does
    qtbot.addWidget(win)
    win.show()
    seen: dict[str, Any] = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConnectDialog):
            QTimer.singleShot(10, fill)
            return
        dialog.fill_from(festival)
        dialog.password.setText("wrong")
        dialog.connect_to_server()
        seen["refused"] = dialog.message.text()
        seen["stayed_open"] = dialog.isVisible()
        if SHOTS:
            dialog.grab().save(str(Path(SHOTS) / "connect_dialog.png"))
        dialog.password.setText(ADMIN_PASSWORD)
        dialog.remember.setChecked(True)  # no keyring here: said, and connected anyway
        dialog.connect_to_server()

    QTimer.singleShot(0, fill)
    connect = win.findChild(QAction, "connect_to_server")
    assert connect is not None
    connect.trigger()
    assert seen["refused"] == ServerLoginError(festival).message() and seen["stayed_open"]
    assert [title for title, _, _ in boxes.shown] == [
        tr("ConnectDialog", "Password not remembered")
    ]
    new = win.replaced_by
    assert new is not None and new.service.on_server
    # The typed password (not remembered: no keyring here) serves the live feed as well:
    # the window hears the others, instead of showing a lost connection.
    qtbot.waitUntil(lambda: _view(new).link.feed.connected, timeout=10_000)
    assert not _view(new).lost_banner.isVisible()
    assert len(new.service.troupes()) == 15
    assert team_menu.RECENT_SERVERS.get(settings) == [festival]
    assert ADMIN_PASSWORD not in Path(settings.fileName()).read_text()
    new.close()
    _view(new).stop()
    new.service.close()


def test_one_troupe_placed_on_two_stages_at_once_shows_in_both_clash_panels(
    qtbot: Any, festival: str, tmp_path: Path
) -> None:
    """Two windows (two computers) place the same new troupe at the same moment on two
    stages; the double booking appears in both clash panels without any action."""
    from datetime import time as clock

    from festival_app.domain.program import ProgramItem
    from festival_app.domain.troupes import Troupe
    from festival_app.domain.venues import VenueKind
    from festival_app.gui.clash_panel import ClashPanel
    from festival_app.gui.schedule import extension as timetable

    windows = []
    for n in range(2):
        service = FestivalService.open_server(festival)
        settings = QSettings(str(tmp_path / f"settings{n}.ini"), QSettings.Format.IniFormat)
        win = MainWindow(service, settings, (timetable.install, team_menu.install))
        qtbot.addWidget(win)
        win.show()
        windows.append(win)
    a, b = (w.service for w in windows)
    panels = [w.findChild(ClashPanel) for w in windows]
    for panel in panels:
        assert isinstance(panel, ClashPanel)
        qtbot.waitUntil(lambda p=panel: not p.is_pending(), timeout=5000)
    troupe, _ = a.save(Troupe("Jeju Drummers", city_en="Jeju"))
    stages = [v for v in a.venues() if v.kind == VenueKind.STAGE][:2]
    day = a.days()[0]
    assert len(stages) == 2 and troupe.id and day.id
    first, _ = a.save(
        ProgramItem(
            day.id, stages[0].id or 0, clock(17, 0), clock(17, 20), "Drums", troupe_id=troupe.id
        )
    )
    second, _ = b.save(
        ProgramItem(
            day.id, stages[1].id or 0, clock(17, 0), clock(17, 20), "Drums", troupe_id=troupe.id
        )
    )

    def double_booking_shown(panel: ClashPanel) -> bool:
        return not panel.is_pending() and any(
            {first.id, second.id} <= set(c.item_ids) for c in panel.clashes
        )

    for panel in panels:
        qtbot.waitUntil(lambda p=panel: double_booking_shown(p), timeout=30_000)
    for win in windows:
        win.close()
        _view(win).stop()
        win.service.close()
