"""`python -m festival_app`: the command line (and, without a command, the window)."""

from festival_app.cli import main

raise SystemExit(main())
