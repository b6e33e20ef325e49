"""Starting the window: the application object, logging, the crash dialog, the file.

`run_app` is what `festival-app` (and `--smoke-test`) call once the command line is read.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget

from festival_app import language, paths
from festival_app.domain.errors import UserError

if TYPE_CHECKING:
    from festival_app.gui.host import Extension
    from festival_app.services import FestivalService

logger = logging.getLogger(__name__)

LOG_MAX_BYTES = 1_000_000  # a larger log is moved aside at the next start
LOG_BACKUPS = 3  # festival-app.log.1 (newest) to .3 are kept
SMOKE_TIMEOUT_MS = 60_000  # a window never painted in a minute is a failure, not a wait


def run_app(path: Path | None, *, smoke_test: bool, debug: bool, server: str | None = None) -> int:
    """Open `path` in the main window; return the exit code.

    With `smoke_test`, nothing ever waits for a person: problems go to stderr with a
    non-zero code, and the program quits after the window's first paint.
    """
    if _no_display():
        if not smoke_test:
            print(
                "festival-app: there is no screen to show the window on (DISPLAY is not set).",
                file=sys.stderr,
            )
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a headless check needs no screen
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "festival-app"])
    assert isinstance(app, QApplication)
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_AUTHOR)
    log_file = setup_logging(debug)
    qInstallMessageHandler(_qt_message)
    from festival_app.gui import settings as config

    settings = config.open_settings()
    _install_translators(app, config.LANGUAGE.get(settings))
    from festival_app.gui.fonts import use_bundled_font_if_needed

    use_bundled_font_if_needed()  # before any widget: the bundled font without a Korean one
    app.setApplicationDisplayName(
        QCoreApplication.translate("App", "Seoul Friendship Festival organizer")
    )
    hook = CrashHandler(log_file, smoke_test=smoke_test)
    sys.excepthook = hook

    try:
        if server is not None:
            from festival_app.gui.team_mode import open_server_festival

            service = open_server_festival(server, smoke_test=smoke_test)
        else:
            assert path is not None
            service = _open(path, smoke_test=smoke_test)
    except UserError as exc:  # a smoke test reports on stderr; the window told the user
        logger.warning("cannot open %s: %s", server or path, exc.message())
        print(f"festival-app: {exc.message()}", file=sys.stderr)
        return 2 if exc.bad_input else 1
    if service is None:
        return 1

    from festival_app.gui.main_window import MainWindow

    window = MainWindow(service, settings, window_extensions())
    if smoke_test:
        return _smoke_test(app, window, hook)
    window.show()
    from festival_app.gui.fonts import warn_if_no_korean_font

    warn_if_no_korean_font(window, window.settings)
    code = app.exec()
    return code or hook.exit_code


def window_extensions() -> tuple[Extension, ...]:
    """What every main window gets beside its record sections, in this order."""
    from festival_app.gui import team_menu
    from festival_app.gui.dialogs import restore_dialog
    from festival_app.gui.releases import extension as releases
    from festival_app.gui.schedule import extension as timetable
    from festival_app.gui.site_map import extension as site_map

    return (
        timetable.install,  # the Timetable section and the Clashes dock
        site_map.install,  # the Site map section, after the Clashes dock it answers
        releases.install,  # Release this version…, the Changes section, changed-item marks
        restore_dialog.install,  # Restore from backup…, automatic backups
        team_menu.install,  # Connect to server…; team mode on a server festival
    )


def _open(path: Path, *, smoke_test: bool) -> FestivalService | None:
    """Open the festival file for the window; None when it cannot be (the user was told).

    The window locks the file for editing, asks when someone else has it and offers the
    newest backup when it is damaged. A smoke test opens it plainly (a StoreError raised).
    """
    from festival_app.services import FestivalService

    if not smoke_test:
        from festival_app.gui.dialogs.lock_dialog import open_festival

        return open_festival(None, path)
    return FestivalService.open(path)


def _no_display() -> bool:
    """True on Linux without X11 or Wayland (and no platform chosen), where Qt would abort."""
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def _smoke_test(app: QApplication, window: QWidget, hook: CrashHandler) -> int:
    from festival_app.gui.first_paint import AfterFirstPaint

    watcher = AfterFirstPaint(window)
    watcher.add(app.quit, 0)

    def timeout() -> None:
        print("festival-app: the window was not painted within a minute", file=sys.stderr)
        hook.exit_code = 1
        app.quit()

    QTimer.singleShot(SMOKE_TIMEOUT_MS, timeout)
    window.show()
    app.exec()
    window.close()
    if hook.exit_code:
        return hook.exit_code
    if not watcher.painted:
        return 1
    return 0


class CrashHandler:
    """sys.excepthook: logs the traceback and shows what happened (stderr in smoke tests).

    Only bugs get here: a user error is told where it happens (a failed undo or redo by
    its undo command, see `gui.commands`)."""

    def __init__(self, log_file: Path | None, *, smoke_test: bool) -> None:
        self.log_file = log_file
        self.smoke_test = smoke_test
        self.exit_code = 0
        self._showing = False

    def __call__(
        self,
        kind: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
    ) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        logger.critical("unexpected error\n%s", details)
        if isinstance(value, KeyboardInterrupt):
            QApplication.quit()
            return
        if self.smoke_test:
            print(f"festival-app: unexpected error: {value}\n{details}", file=sys.stderr)
            self.exit_code = 1
            QApplication.exit(1)
            return
        if self._showing:  # an error while the dialog is up: logged only
            return
        self._showing = True
        try:
            from festival_app.gui.dialogs.crash import CrashDialog

            dialog = CrashDialog(f"{kind.__name__}: {value}", details, self.log_file)
            dialog.exec()
        finally:
            self._showing = False


def setup_logging(debug: bool) -> Path | None:
    """One rotating log file in the user data folder; None when it cannot be written."""
    root = logging.getLogger()
    for existing in root.handlers:
        # The console keeps to warnings; the file gets the detail.
        if existing.level == logging.NOTSET:
            existing.setLevel(logging.DEBUG if debug else logging.WARNING)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    try:
        log_file = paths.log_dir() / paths.LOG_NAME
        handler = _log_handler(log_file)
        handler.set_name(paths.LOG_NAME)  # how Help > About finds it
    except OSError as exc:
        print(f"festival-app: cannot write the log file: {exc}", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    logger.info("starting; log level %s", "debug" if debug else "info")
    return log_file


def _log_handler(log_file: Path) -> logging.FileHandler:
    """The log file's handler, the log moved aside first when it has grown past
    LOG_MAX_BYTES (to `.1`, the older ones to `.2` and `.3`).

    The size is checked once per start rather than on every line as logging.handlers'
    RotatingFileHandler does: importing that module brings in socket and pickle, a few
    milliseconds of every start (docs/PERFORMANCE.md), and a session's log is small.
    """
    if log_file.is_file() and log_file.stat().st_size > LOG_MAX_BYTES:
        for number in range(LOG_BACKUPS - 1, 0, -1):
            older = log_file.with_name(f"{log_file.name}.{number}")
            if older.is_file():
                older.replace(log_file.with_name(f"{log_file.name}.{number + 1}"))
        log_file.replace(log_file.with_name(f"{log_file.name}.1"))
    return logging.FileHandler(log_file, encoding="utf-8")


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


# Messages of the offscreen platform that say nothing about the program.
_QT_NOISE = ("propagateSizeHints",)


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if any(noise in message for noise in _QT_NOISE):
        logging.getLogger("qt").debug("%s", message)
        return
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def _install_translators(app: QApplication, setting: str) -> None:
    """Qt's own strings and ours in the chosen language (FESTIVAL_APP_LANG, setting, system)."""
    chosen = language.chosen_language(setting)
    app.setProperty("festival_language", chosen)
    language.install(app, chosen)
