"""Starting the window from the command line."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from festival_app import paths
from festival_app.cli.commands.init import create_festival_file
from festival_app.cli.common import EXIT_USAGE, CliError
from festival_app.i18n import translate
from festival_app.services import FestivalService

logger = logging.getLogger(__name__)


def run_gui(args: argparse.Namespace) -> int:
    """Open the window on --db, --server, or on the default file (created with the sample
    first)."""
    if getattr(args, "server", None) is not None:
        if args.db is not None:
            raise CliError(translate("Cli", "Give --db or --server, not both."), EXIT_USAGE)
        from festival_app.app import run_app

        return run_app(None, smoke_test=args.smoke_test, debug=args.debug, server=args.server)
    if args.db is not None:
        path = args.db
        if not path.exists():
            message = translate(
                "Cli",
                "There is no festival file at {0}. Create one with 'festival-app init {0}'.",
            ).format(path)
            if not args.smoke_test:
                # Started from a desktop icon or a file manager nobody reads stderr: say it
                # on the screen too, as the window says that a file cannot be opened.
                tell_on_screen(path)
            raise CliError(message, EXIT_USAGE)
    else:
        path = paths.default_db_path()
        if not path.exists():
            logger.info("creating the default festival file %s with the sample", path)
            create_festival_file(path, sample=True)
    # The file's check reads it on another core while Qt and the window load.
    FestivalService.check_ahead(path)
    from festival_app.app import run_app

    return run_app(path, smoke_test=args.smoke_test, debug=args.debug)


def tell_on_screen(path: Path) -> None:
    """A message box saying there is no festival file at `path`, when there is a screen
    to show it on (the message also goes to stderr, by the caller)."""
    from festival_app.app import _no_display

    if _no_display():
        return
    from PySide6.QtWidgets import QApplication, QMessageBox

    from festival_app import language

    app = QApplication.instance() or QApplication(["festival-app"])
    # The texts are translated already (see cli.main); Qt's own cover the OK button.
    qt_texts = language.load_qt(language.chosen_language(language.stored_setting()))
    if qt_texts is not None:
        app.installTranslator(qt_texts)
    try:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("LockDialog", "Cannot open"),
            translate("Cli", "There is no festival file at {0}.").format(path),
            QMessageBox.StandardButton.Ok,
        )
        box.setObjectName("missing_file_dialog")
        box.setInformativeText(
            translate(
                "Cli",
                "It may have been moved, renamed or deleted. Check the shortcut or command "
                "that started the program, or start it without --db to open the default "
                "festival file.",
            )
        )
        box.exec()
    finally:
        if qt_texts is not None:
            app.removeTranslator(qt_texts)
