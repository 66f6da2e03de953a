"""The Streamlit server in this process, as the `streamlit run` script starts it (zi-dash serve).

In this process, not a child: a service manager (systemd, the Windows Task Scheduler) that
stops `zi-dash serve` stops the server itself, and no orphan keeps the port.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.web import cli


def run_server(app: Path, options: list[str]) -> int:
    """`streamlit run app options…` until the server stops; its exit code."""
    try:
        cli.main.main(args=["run", str(app), *options], prog_name="streamlit")
    except SystemExit as stopped:  # click ends every command with sys.exit
        code = stopped.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0
