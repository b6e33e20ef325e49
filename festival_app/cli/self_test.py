"""`festival-app --self-test`: the installation checked from start to printout."""

from __future__ import annotations

import argparse
import sys

from festival_app.cli.common import EXIT_FAILURE, EXIT_OK, report
from festival_app.i18n import translate


def run_self_test(args: argparse.Namespace) -> int:
    """One line per step on stdout; exit 0, or 1 with the failed step named on stderr."""
    from festival_app import language, selftest

    language.korean_labels()  # the Korean PDF is labelled in Korean; a step checks it

    def out(line: str) -> None:
        print(line, flush=True)

    failed = selftest.run(out)
    if failed is None:
        print(translate("Cli", "Self-test passed."))
        return EXIT_OK
    sys.stdout.flush()
    report(translate("Cli", "The self-test failed at step '{0}'.").format(failed))
    return EXIT_FAILURE
