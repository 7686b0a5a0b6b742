"""`briefing-tui serve`: the command line that runs the app for each page, and starting the server."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from briefing_tui.web.hosts import is_loopback, url_host

INSTALL_HINT = "briefing-tui serve needs the web extra: pip install 'briefing-tui[web]'"
#: What the web extra brings: missing, `serve` says how to install it.
WEB_PACKAGES = ("textual_serve", "aiohttp", "aiohttp_jinja2", "jinja2")


def app_command(path: Path | None) -> str:
    """The shell command line that runs the app for one page.

    `exec`: the app replaces the shell, so stopping the page stops the app. `trap '' INT`: Ctrl+C in
    the terminal reaches the whole process group; the server stops its apps itself, and an app still
    starting would print a traceback for it (Textual's web driver handles the signal once running).
    `--`: a path starting with `-` or named like a subcommand is still the path.
    """
    argv = [sys.executable, "-m", "briefing_tui"]
    if path is not None:
        argv += ["--", os.fspath(path)]
    return f"trap '' INT; exec {shlex.join(argv)}"


def run(path: Path | None, host: str, port: int) -> int:
    """`briefing-tui serve`: 0 once stopped with Ctrl+C; 1 if it cannot start."""
    if path is not None and not path.exists():
        from briefing_tui.format.problems import printable

        print(f"{printable(str(path))}: file not found", file=sys.stderr)
        return 1
    if os.name == "nt":
        # textual-serve runs the command through the shell; cmd.exe quoting is not done here.
        print("briefing-tui serve: not supported on Windows", file=sys.stderr)
        return 1
    try:
        from briefing_tui.web.server import BriefingServer
    except ImportError as exc:
        if (exc.name or "").partition(".")[0] not in WEB_PACKAGES:
            raise
        print(INSTALL_HINT, file=sys.stderr)
        return 1

    loopback = is_loopback(host)
    if not loopback:
        print(
            f"warning: serving on {url_host(host or '*')}:{port} without authentication: anyone who "
            "can reach this port can read the briefings (--host 127.0.0.1 keeps it to this machine)",
            file=sys.stderr,
        )
    server = BriefingServer(app_command(path), host, port, only_loopback=loopback)
    try:
        server.serve()
    except OSError as exc:
        # aiohttp's message repeats the address; the system's words for the errno say it all.
        why = os.strerror(exc.errno) if exc.errno and exc.errno > 0 else exc.strerror or str(exc)
        print(f"briefing-tui serve: cannot listen on {url_host(host)}:{port}: {why}", file=sys.stderr)
        return 1
    return 0
