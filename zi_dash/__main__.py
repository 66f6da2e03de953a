"""`python -m zi_dash …`: the command line (zi_dash/cli.py)."""

from zi_dash.cli import main

raise SystemExit(main())
