"""Starting the window from the command line."""

from __future__ import annotations

import argparse
import logging

from festival_app import paths
from festival_app.cli.commands.init import create_festival_file
from festival_app.cli.common import CliError
from festival_app.i18n import translate

logger = logging.getLogger(__name__)


def run_gui(args: argparse.Namespace) -> int:
    """Open the window on --db, or on the default file (created with the sample first)."""
    if args.db is not None:
        path = args.db
        if not path.exists():
            raise CliError(
                translate(
                    "Cli",
                    "There is no festival file at {0}. Create one with 'festival-app init {0}'.",
                ).format(path)
            )
    else:
        path = paths.default_db_path()
        if not path.exists():
            logger.info("creating the default festival file %s with the sample", path)
            create_festival_file(path, sample=True)
    from festival_app.app import run_app

    return run_app(path, smoke_test=args.smoke_test, debug=args.debug)
