from festival_app.cli import main

raise SystemExit(main())
