"""`briefing-tui serve`: the browser in a web page, through textual-serve (the optional `web` extra).

`command` builds the app's command line and starts the server, `hosts` tells loopback addresses
from the rest, `server` is textual-serve's server made safe to leave running (only it imports
textual-serve, and only once the extra is known to be installed).

textual-serve starts one app process per open page from a command line it hands to a shell
(`asyncio.create_subprocess_shell`: `/bin/sh -c`), so every word of that line is quoted and a path
stays one argument whatever it holds. The process inherits this one's environment:
`$BRIEFING_TUI_CONFIG` and `$BRIEFING_TUI_CACHE` apply in the page as in a terminal.

Inside the page the app runs under Textual's web driver: `App.is_web` is true there, and
`App.suspend` raises `SuspendNotSupported` (no editor or pager can take over a web page).
"""
