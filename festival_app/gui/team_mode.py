"""The window on a festival on a PostgreSQL server (team mode).

A main-window extension (`install`, handed to `MainWindow`): others' committed changes
refresh every view within a second (store/live.py's feed, in its own thread, handed to
the window's thread by queued signals); the status bar names who else has the festival
open; a lost connection shows a banner at once (edits fail meanwhile and nothing is
queued), and when the server is back the window renews its connection and reads
everything again. A viewer's window opens read-only with a banner of its own.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSizePolicy, QVBoxLayout

from festival_app.services import FestivalService
from festival_app.store.errors import StoreError
from festival_app.store.server_errors import ConnectionLostError
from festival_app.team import TeamLink, remembered_password

if TYPE_CHECKING:
    from festival_app.gui.host import WindowHost

logger = logging.getLogger(__name__)

RECONNECT_AGAIN_MS = 2000  # when the feed is back but the window's connection is not yet


def _tr(text: str) -> str:
    return QCoreApplication.translate("TeamMode", text)


def open_server_festival(url: str, *, smoke_test: bool) -> FestivalService | None:
    """Connect to the festival at `url` for the window (the password from PGPASSWORD, a
    pgpass file or the keyring); None when it cannot be (the user was told)."""
    try:
        return FestivalService.open_server(url, password=remembered_password(url))
    except StoreError as exc:
        if smoke_test:
            raise
        QMessageBox.warning(None, _tr("Cannot connect"), exc.message())
        return None


class ElidedLabel(QLabel):
    """A one-line label that ends in '…' when the status bar leaves it too little room;
    the whole text is in its tooltip."""

    def __init__(self) -> None:
        super().__init__()
        self.full_text = ""
        self.setMinimumWidth(60)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self.full_text, Qt.TextElideMode.ElideRight, self.width()))


class _Bridge(QObject):
    """Carries the feed's calls (its own thread) into the window's thread."""

    changed = Signal(object)
    lost = Signal(str)
    back = Signal()
    others = Signal(object)  # list[str]


class TeamModeView(QObject):
    """What team mode adds to one window (a child of it: `view_of(window)` finds it)."""

    def __init__(self, window: WindowHost) -> None:
        assert isinstance(window, QMainWindow)
        super().__init__(window)
        self.setObjectName("team_mode")
        self.window = window
        self.bridge = _Bridge(window)
        self.link = TeamLink(
            window.service,
            self.bridge.changed.emit,
            on_lost=self.bridge.lost.emit,
            on_back=self.bridge.back.emit,
            on_others=self.bridge.others.emit,
        )
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._back)
        self.bridge.changed.connect(self._changed)
        self.bridge.lost.connect(self._lost)
        self.bridge.back.connect(self._back)
        self.bridge.others.connect(self.show_others)

        self.lost_banner = QLabel()
        self.lost_banner.setObjectName("connection_lost_banner")
        self.lost_banner.setWordWrap(True)
        self.lost_banner.setStyleSheet(
            "background: #f8d7da; color: #58151c; border: 1px solid #f1aeb5; padding: 6px;"
        )
        self.lost_banner.hide()
        central = window.centralWidget()
        layout = central.layout() if central is not None else None
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.lost_banner)  # under the read-only banner
        if window.service.read_only:
            window.read_only_banner.setText(
                _tr(
                    "You are signed in as a viewer: you can look, search and export, but not "
                    "change anything (the server itself refuses a viewer's changes)."
                )
            )
        self.others: list[str] = []  # who else is connected, as last heard
        self.others_label = ElidedLabel()
        self.others_label.setObjectName("others_connected")
        # On the left, where there is room (the counts are on the right); a passing
        # message ("Booth P-75 added") covers it for a few seconds.
        window.statusBar().addWidget(self.others_label, 1)
        self.link.start()  # asks who else is connected, in its own thread
        # A read the window makes while the server is gone (a refresh, the counts) fails
        # with ConnectionLostError: that is the banner's news, not a message per read.
        self.previous_hook = sys.excepthook
        sys.excepthook = self.excepthook
        window.installEventFilter(self)  # stops with the window's close
        window.destroyed.connect(lambda *_: self.stop())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            # The window closes its festival in its own closeEvent, after this filter
            # (and may stay open): look once the event is handled.
            QTimer.singleShot(0, self, self._stop_if_closed)
        return False

    def _stop_if_closed(self) -> None:
        if self.window.closed:
            self.stop()

    def stop(self) -> None:
        """Stop hearing the server and asking who else is connected (the window closed);
        a second call does nothing."""
        self._retry.stop()
        self.link.stop()
        if sys.excepthook == self.excepthook:
            sys.excepthook = self.previous_hook

    def excepthook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if isinstance(value, ConnectionLostError) and not self.window.closed:
            logger.info("a read failed while the connection is lost: %s", value.message())
            self._lost(value.detail_text())
            return
        self.previous_hook(kind, value, tb)

    def _changed(self, topics: frozenset[str]) -> None:
        if topics:
            self.window.service.notify(topics)  # every view reads again, as after an edit

    def _lost(self, reason: str) -> None:
        self.lost_banner.setText(
            _tr(
                "The connection to the server is lost ({0}). Changes cannot be saved until "
                "it is back; the program tries again by itself."
            ).format(reason)
        )
        self.lost_banner.show()
        self.others_label.set_full_text(_tr("Not connected"))

    def _back(self) -> None:
        try:
            self.link.resume()  # a new connection, then every view reads everything
        except StoreError as exc:  # the server answers the feed, not yet this: again soon
            logger.warning("could not reconnect: %s", exc.message())
            if not self._retry.isActive():  # one retry pending at a time, ended with us
                self._retry.start(RECONNECT_AGAIN_MS)
            return
        self.lost_banner.hide()
        self.window.statusBar().showMessage(
            _tr("Connected again; everything was read afresh."), 8000
        )
        self.show_others(self.others)  # as the feed last heard them

    def show_others(self, others: list[str]) -> None:
        """Name who else has the festival open (as the change feed asked the server)."""
        self.others = others
        if not self.lost_banner.isHidden():
            return  # "Not connected" until the window's own connection is back
        if others:
            text = _tr("Also connected: {0}").format(", ".join(others))
        else:
            text = _tr("Nobody else connected")
        self.others_label.set_full_text(text)


def view_of(window: QObject) -> TeamModeView | None:
    """The team mode of a window on a server festival (None on a festival file)."""
    return window.findChild(TeamModeView)
