"""Start the festival organizer: `python main.py --help`."""

from festival_app.cli import main

raise SystemExit(main())
