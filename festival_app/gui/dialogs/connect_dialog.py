"""File > Connect to server…: open a festival on a PostgreSQL server (team mode).

Asks host, port, database, user and password. The password goes to the server as a
connection parameter, never into the address, a setting or the log; with "Remember" it
is kept in the system keyring (the `keyring` package), under the account's address. A
refused sign-in or an unreachable server is said in the dialog, which stays open.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from festival_app.gui.dialogs.messages import show_error
from festival_app.services import FestivalService
from festival_app.store.errors import StoreError

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConnectDialog", text)


class ConnectDialog(QDialog):
    """The five fields of a server account and "remember the password"; `service` is
    the festival connected to once OK succeeded."""

    def __init__(self, parent: QWidget | None = None, url: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("connect_dialog")
        self.setWindowTitle(_tr("Connect to server"))
        self.service: FestivalService | None = None
        self.url = ""
        self.host = QLineEdit("localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("festival")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(_tr("Remember the password in the system keyring"))
        for widget, name in (
            (self.host, "host"),
            (self.port, "port"),
            (self.database, "database"),
            (self.user, "user"),
            (self.password, "password"),
            (self.remember, "remember"),
        ):
            widget.setObjectName(name)
        if url:
            self.fill_from(url)
        form = QFormLayout()
        form.addRow(_tr("Server (host)"), self.host)
        form.addRow(_tr("Port"), self.port)
        form.addRow(_tr("Database"), self.database)
        form.addRow(_tr("User"), self.user)
        form.addRow(_tr("Password"), self.password)
        form.addRow("", self.remember)
        self.message = QLabel()
        self.message.setObjectName("connect_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #842029;")
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(_tr("Connect"))
        buttons.accepted.connect(self.connect_to_server)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addWidget(buttons)
        self.setMinimumWidth(460)

    def fill_from(self, url: str) -> None:
        from festival_app.store.postgres import ServerAddress

        try:
            address = ServerAddress.parse(url)
        except StoreError:
            return
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)

    def address_url(self) -> str:
        """The address the fields give, without the password."""
        from festival_app.store.postgres import ServerAddress

        return ServerAddress(
            user=self.user.text().strip(),
            host=self.host.text().strip() or "localhost",
            port=self.port.value(),
            database=self.database.text().strip(),
        ).url

    def connect_to_server(self) -> None:
        from festival_app.team import remember_password, remembered_password

        url = self.address_url()
        password = self.password.text() or remembered_password(url)
        try:
            self.service = FestivalService.open_server(url, password=password)
        except StoreError as exc:
            self.message.setText(exc.message())
            self.message.show()
            return
        self.url = url
        if self.remember.isChecked() and self.password.text():
            problem = remember_password(url, self.password.text())
            if problem:
                show_error(
                    self,
                    _tr("Password not remembered"),
                    _tr(
                        "Connected, but the system keyring did not take the password ({0}): "
                        "it will be asked for again next time."
                    ).format(problem),
                )
        self.accept()


def connect_to_server(parent: QWidget | None, url: str = "") -> tuple[FestivalService, str] | None:
    """Ask for a server account and connect; the festival and its address, or None."""
    dialog = ConnectDialog(parent, url)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.service is None:
        return None
    return dialog.service, dialog.url
