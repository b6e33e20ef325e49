"""File > Connect to server… and the recent servers in Open recent (team mode).

A main-window extension (`install`, handed to `MainWindow`) that every window has. The
window's team mode itself (the live feed, who else is connected, the banners; see
gui/team_mode.py) is loaded only for a festival on a server: a festival file starts
without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from festival_app.gui.settings import Setting

if TYPE_CHECKING:
    from festival_app.gui.host import WindowHost


def _tr(text: str) -> str:
    return QCoreApplication.translate("TeamMode", text)


# The servers connected to lately, as addresses without passwords (newest first).
RECENT_SERVERS: Setting[list[str]] = Setting("servers/recent", list, [])
MAX_RECENT_SERVERS = 8


def remember_server(settings: QSettings, url: str) -> None:
    recent = [u for u in RECENT_SERVERS.get(settings) if u != url]
    RECENT_SERVERS.set(settings, [url, *recent][:MAX_RECENT_SERVERS])


def connect(window: WindowHost, url: str = "") -> bool:
    """File > Connect to server… (or a recent server): the festival there in this
    window's place."""
    from festival_app.gui.dialogs.connect_dialog import connect_to_server

    assert isinstance(window, QMainWindow)
    connected = connect_to_server(window, url)
    if connected is None:
        return False
    service, address = connected
    remember_server(window.settings, address)
    window.show_festival(service)
    return True


def _add_recent_servers(window: WindowHost) -> None:
    """After the recent files in File > Open recent: the recent servers."""
    servers = RECENT_SERVERS.get(window.settings)
    if not servers:
        return
    window.recent_menu.addSeparator()
    for url in servers:
        action = window.recent_menu.addAction(url)
        action.triggered.connect(lambda *_, u=url: connect(window, u))


def install(window: WindowHost) -> None:
    """Main-window extension: File > Connect to server…, recent servers in Open recent,
    and team mode for a window on a server festival."""
    assert isinstance(window, QMainWindow)
    action = QAction(_tr("Connect to &server…"), window)
    action.setObjectName("connect_to_server")
    action.triggered.connect(lambda *_: connect(window))
    actions = window.file_menu.actions()
    anchor = window.recent_menu.menuAction()
    after = actions.index(anchor) + 1 if anchor in actions else len(actions)
    if after < len(actions):
        window.file_menu.insertAction(actions[after], action)
    else:
        window.file_menu.addAction(action)
    window.recent_menu.aboutToShow.connect(lambda: _add_recent_servers(window))
    if window.service.on_server:
        from festival_app.gui.team_mode import TeamModeView

        remember_server(window.settings, window.service.server().address.url)
        TeamModeView(window)
