"""File > Export…: choose what to print or save, for which venues and days, and write it
in a worker thread with a progress bar and Cancel."""

from __future__ import annotations

import logging
import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from festival_app.domain.errors import UserError
from festival_app.exports import KINDS, ExportCancelled, ExportError, export
from festival_app.exports.common import fitting_venues, refuse_protected
from festival_app.exports.registry import check_suffix
from festival_app.gui import settings as app_settings
from festival_app.gui.dates import format_date
from festival_app.gui.dialogs.messages import show_error
from festival_app.i18n import translate
from festival_app.services import FestivalService

logger = logging.getLogger(__name__)

PUBLISH = "publish"  # the web page and the schedule for apps: a folder, not a file

# The kind the dialog starts on in each section of the window (others: the first kind).
KIND_OF_SECTION = {
    "timetable": "timetable",
    "program": "program",
    "troupes": "roster",
    "booths": "booths",
}


class ExportWorker(QThread):
    """Writes one export off the GUI thread, on its own read-only connection."""

    progressed = Signal(int, int)
    succeeded = Signal(str)
    failed = Signal(str, bool)  # message, cancelled

    def __init__(
        self,
        festival: FestivalService,
        kind: str,
        out: Path,
        options: dict[str, object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # The worker reads through a handle of its own, opened in its thread.
        self.festival, self.kind, self.out, self.options = festival, kind, out, options
        self.stop = threading.Event()

    def run(self) -> None:
        service = None
        try:
            service = self.festival.another_reader()
            if self.kind == PUBLISH:
                from festival_app.publishing.publish import publish

                publish(
                    service, self.out, progress=self.progressed.emit, cancelled=self.stop.is_set
                )
            else:
                export(
                    self.kind,
                    service,
                    self.out,
                    progress=self.progressed.emit,
                    cancelled=self.stop.is_set,
                    **self.options,  # type: ignore[arg-type]
                )
        except ExportCancelled:
            self.failed.emit("", True)
        except UserError as exc:  # no font, an unwritable file, a lost server: told
            self.failed.emit(exc.message(), False)
        except Exception as exc:  # the environment or a defect: say so, keep details in the log
            logger.exception("export %s to %s failed", self.kind, self.out)
            self.failed.emit(
                translate("Export", "The export failed: {detail}").format(detail=exc), False
            )
        else:
            self.succeeded.emit(str(self.out))
        finally:
            if service is not None:
                service.close()


class ExportDialog(QDialog):
    """What, which venues and days, language, paper, orientation and where to save."""

    def __init__(
        self, service: FestivalService, parent: QWidget | None = None, kind: str | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.worker: ExportWorker | None = None
        self.result_path: Path | None = None
        self._settings = app_settings.open_settings()
        self.setWindowTitle(self.tr("Export"))
        self.resize(640, 520)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind_combo = QComboBox()
        for name, spec in KINDS.items():
            self.kind_combo.addItem(QCoreApplication.translate("Export", spec.label), name)
        self.kind_combo.addItem(self.tr("Web page and schedule for apps (a folder)"), PUBLISH)
        if kind in KINDS:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        form.addRow(self.tr("&What:"), self.kind_combo)

        # Which venues each kind can be about: only those are offered (see _kind_changed).
        venues, items, booths = service.venues(), service.program(), service.booths()
        self._fitting = {
            name: {v.id for v in fitting_venues(spec.covers, venues, items, booths)}
            for name, spec in KINDS.items()
        }
        self.venue_list = QListWidget()
        for venue in venues:
            item = QListWidgetItem(
                venue.name("ko")
                + (f" / {venue.name_en}" if venue.name_ko and venue.name_en else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, venue.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.venue_list.addItem(item)
        self.venue_list.setMaximumHeight(150)
        venue_box = QVBoxLayout()
        venue_box.addWidget(self.venue_list)
        venue_hint = QLabel(self.tr("None ticked: every venue that fits the export."))
        venue_hint.setEnabled(False)  # shown greyed, as a hint
        venue_box.addWidget(venue_hint)
        venue_label = QLabel(self.tr("&Venues:"))
        venue_label.setBuddy(self.venue_list)
        form.addRow(venue_label, venue_box)

        self.day_list = QListWidget()
        for day in service.days():
            item = QListWidgetItem(format_date(day.date))
            item.setData(Qt.ItemDataRole.UserRole, day.date.isoformat())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.day_list.addItem(item)
        self.day_list.setMaximumHeight(70)
        form.addRow(self.tr("&Days:"), self.day_list)

        self.lang_combo = QComboBox()
        self.lang_combo.addItem(self.tr("Korean and English"), "both")
        self.lang_combo.addItem(self.tr("Korean"), "ko")
        self.lang_combo.addItem(self.tr("English"), "en")
        form.addRow(self.tr("&Language:"), self.lang_combo)

        self.paper_combo = QComboBox()
        self.paper_combo.addItem("A4", "A4")
        self.paper_combo.addItem("A3", "A3")
        self.paper_combo.addItem("A2", "A2")  # site maps for the information desk
        form.addRow(self.tr("&Paper:"), self.paper_combo)
        self.orientation_combo = QComboBox()
        self.orientation_combo.addItem(self.tr("Portrait"), False)
        self.orientation_combo.addItem(self.tr("Landscape"), True)
        form.addRow(self.tr("&Orientation:"), self.orientation_combo)

        path_row = QHBoxLayout()
        self.path_edit = QLineEdit()
        path_row.addWidget(self.path_edit, 1)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self.browse)
        path_row.addWidget(self.browse_button)
        path_label = QLabel(self.tr("&Save as:"))
        path_label.setBuddy(self.path_edit)
        form.addRow(path_label, path_row)

        self.font_edit = QLineEdit(app_settings.EXPORT_PDF_FONT.get(self._settings))
        self.font_edit.setPlaceholderText(
            self.tr("found automatically (NanumGothic, Malgun Gothic, …)")
        )
        form.addRow(self.tr("Korean &font for PDFs:"), self.font_edit)
        layout.addLayout(form)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.buttons)

        self._named_after = ""  # the kind whose name the file name is, if it is one's
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    # -- choices -----------------------------------------------------------------------

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def _kind_changed(self) -> None:
        publishing = self.kind() == PUBLISH
        for widget in (self.venue_list, self.day_list, self.lang_combo):
            widget.setEnabled(not publishing)  # a release is published whole, in both
        if publishing:
            self._publish_chosen()
            return
        spec = KINDS[self.kind()]
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(spec.default_paper))
        self.orientation_combo.setCurrentIndex(1 if spec.landscape else 0)
        for widget in (self.paper_combo, self.orientation_combo):
            widget.setEnabled(spec.has_pages)
        self.font_edit.setEnabled(spec.is_pdf)
        # Only the venues this kind can be about; a tick on a hidden one counts for nothing
        # (and is there again when the user switches back).
        fitting = self._fitting[spec.name]
        for row in range(self.venue_list.count()):
            item = self.venue_list.item(row)
            item.setHidden(item.data(Qt.ItemDataRole.UserRole) not in fitting)
        current = self.path_edit.text().strip()
        if current:
            path = Path(current)
            # The name the dialog gave (the last kind's) follows the kind; the user's stays.
            stem = spec.name if path.stem == self._named_after else path.stem
            self.path_edit.setText(str(path.with_name(stem + spec.suffix)))
        else:
            self.path_edit.setText(str(self.start_folder() / f"{spec.name}{spec.suffix}"))
        self._named_after = spec.name

    def _publish_chosen(self) -> None:
        """Publishing writes a folder: no paper, orientation or font; a folder name."""
        for widget in (self.paper_combo, self.orientation_combo, self.font_edit):
            widget.setEnabled(False)
        current = self.path_edit.text().strip()
        folder = Path(current).parent if current else self.start_folder()
        path = Path(current) if current else folder / "site"
        stem = "site" if path.stem == self._named_after else path.stem
        self.path_edit.setText(str(folder / stem))
        self._named_after = "site"

    def start_folder(self) -> Path:
        """Where a new export goes: the folder of the last export, else the folder last
        used to open or save a festival file, else the home folder."""
        for setting in (app_settings.EXPORT_FOLDER, app_settings.LAST_FOLDER):
            folder = setting.get(self._settings)
            if folder and Path(folder).is_dir():
                return Path(folder)
        return Path.home()

    def browse(self) -> None:
        if self.kind() == PUBLISH:
            name = QFileDialog.getExistingDirectory(
                self, self.tr("Publish into folder"), str(Path(self.path_edit.text()).parent)
            )
            if name:
                self.path_edit.setText(str(Path(name) / "site"))
            return
        spec = KINDS[self.kind()]
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save export as"), self.path_edit.text(), f"*{spec.suffix}"
        )
        if name:
            path = Path(name)
            if path.suffix.lower() != spec.suffix:
                path = path.with_suffix(spec.suffix)
            self.path_edit.setText(str(path))
            app_settings.EXPORT_FOLDER.set(self._settings, str(path.parent))

    def _checked(self, widget: QListWidget) -> list[object]:
        out = []
        for row in range(widget.count()):
            item = widget.item(row)
            if item.checkState() == Qt.CheckState.Checked and not item.isHidden():
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def options(self) -> dict[str, object]:
        venues = [int(v) for v in self._checked(self.venue_list)]  # type: ignore[call-overload]
        days = [date.fromisoformat(str(d)) for d in self._checked(self.day_list)]
        spec = KINDS.get(self.kind())
        pages = spec is not None and spec.has_pages
        return {
            "venues": venues or None,
            "days": days or None,
            "lang": self.lang_combo.currentData(),
            "paper": self.paper_combo.currentData() if pages else None,
            "landscape": bool(self.orientation_combo.currentData()) if pages else None,
            "font": self.font_edit.text().strip() or None,
        }

    # -- running -----------------------------------------------------------------------

    def start(self) -> None:
        if self.worker is not None:
            return
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText(self.tr("Choose where to save the export."))
            return
        publishing = self.kind() == PUBLISH
        if not publishing and not self._checked(self.day_list):
            self.status.setText(self.tr("Tick at least one day."))
            return
        out = Path(text).expanduser()
        if not publishing and not out.suffix:
            out = out.with_name(out.name + KINDS[self.kind()].suffix)
            self.path_edit.setText(str(out))
        try:
            refuse_protected(out, self.service.path)  # the worker checks again
            if publishing:
                from festival_app.publishing.folder import check_target

                check_target(out, self.service.path)
            else:
                check_suffix(self.kind(), out)
        except ExportError as exc:
            self._failed(exc.message(), False)
            return
        app_settings.EXPORT_PDF_FONT.set(self._settings, self.font_edit.text().strip())
        app_settings.EXPORT_FOLDER.set(self._settings, str(out.parent))
        self.worker = ExportWorker(self.service, self.kind(), out, self.options(), self)
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._worker_done)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Writing {0}…").format(out.name))
        self.worker.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _succeeded(self, path: str) -> None:
        self.result_path = Path(path)
        self.progress.setVisible(False)
        self.status.setText(self.tr("Saved {0}.").format(path))
        page = self.result_path / "index.html"
        self.offer_open(page if self.kind() == PUBLISH and page.exists() else self.result_path)

    def _failed(self, message: str, cancelled: bool) -> None:
        self.progress.setVisible(False)
        if cancelled:
            self.status.setText(self.tr("Export cancelled; no file was written."))
        else:
            self.status.setText(message)
            show_error(self, self.tr("Export failed"), message)

    def _worker_done(self) -> None:
        self.worker = None
        self.export_button.setEnabled(True)

    def offer_open(self, path: Path) -> None:
        """Ask whether to open the new file or its folder."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Export saved"),
            self.tr("{0} is ready.").format(path.name),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        open_file = box.addButton(self.tr("Open file"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        clicked = box.clickedButton()
        if clicked is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif clicked is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def cancel(self) -> None:
        """Stop a running export (its file is not written), else close the dialog."""
        if self.worker is not None:
            self.worker.stop.set()
            self.status.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def wait_for_worker(self) -> None:
        if self.worker is not None:
            self.worker.stop.set()
            self.worker.wait()

    def reject(self) -> None:
        self.wait_for_worker()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.wait_for_worker()
        super().closeEvent(event)


def open_export_dialog(parent: QWidget | None, service: FestivalService) -> None:
    """File > Export…: the export dialog, modal, on the kind that fits the window's
    current section (the Booths section: the booth list)."""
    current_key = getattr(parent, "current_key", None)
    section = current_key() if callable(current_key) else ""
    dialog = ExportDialog(service, parent, kind=KIND_OF_SECTION.get(section))
    dialog.exec()
