from devday_tui.cli import main

raise SystemExit(main())
