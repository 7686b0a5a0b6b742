"""`briefing-tui serve` end to end in headless Chromium: the page loads, the app starts, `/` finds
Tokayev as "toqaev", Enter opens his details.

Debian's `chromium` driven by Playwright through `executable_path` (no browser download). The screen
is read as text from xterm.js, which textual-serve renders the app with: the page keeps its Terminal
in a closure, so a script run before the page's own catches it when assigned (`this.terminal = new
Terminal(...)`), and its buffer gives each row as text. Requests to anywhere but the server (the
page asks for a web font) are refused, so the test needs no network.

Skipped without Chromium, Playwright or textual-serve, except under CI (`CI=true`), where that is a
failure. `BRIEFING_TUI_SCREENSHOT=docs/web.png` saves a screenshot of the search (for the README).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest

from briefing_tui.paths import sample_path
from webserver import HAVE_TEXTUAL_SERVE, IN_CI, Served, processes, serving

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
#: Seconds: for the app to start in the page (a cold start on a busy two-core machine), for a step.
START_TIMEOUT = 120.0
STEP_TIMEOUT = 30.0

MISSING = [
    what
    for what, there in [
        (f"Chromium at {CHROMIUM} (apt-get install chromium)", CHROMIUM.exists()),
        ("Playwright (pip install -e '.[test,web]')", find_spec("playwright") is not None),
        ("textual-serve (pip install -e '.[test,web]')", HAVE_TEXTUAL_SERVE),
    ]
    if not there
]
pytestmark = [
    pytest.mark.web,
    pytest.mark.skipif(bool(MISSING) and not IN_CI, reason=f"missing: {', '.join(MISSING)}"),
]

#: Before the page's scripts: keep every object assigned to a `terminal` property.
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
    (window.__terminals = window.__terminals || []).push(value);
  },
});
"""
#: The rows on screen as text, or null before the terminal exists.
READ_SCREEN = """() => {
  const terminal = (window.__terminals || []).find(t => t && t.buffer && t.buffer.active);
  if (!terminal) return null;
  const buffer = terminal.buffer.active, rows = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
}"""


class Screen:
    """The page's terminal, read as text."""

    def __init__(self, page: Any, served: Served) -> None:
        self.page = page
        self.served = served
        self.text = ""

    def read(self) -> str:
        text = self.page.evaluate(READ_SCREEN)
        if text is not None:
            self.text = text
        return self.text

    def wait_for(self, what: str, ready: Callable[[str], bool], timeout: float = STEP_TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while not ready(self.read()):
            if time.monotonic() > deadline:
                found = "the screen:\n" + self.text if self.text else "no xterm.js terminal in the page"
                pytest.fail(
                    f"{what}: not seen within {timeout:.0f}s; {found}\n\nserve said:\n{self.served.output()}"
                )
            time.sleep(0.25)
        return self.text


@contextmanager
def chromium_page(profile: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=VIEWPORT,
            timeout=120_000,
        )
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(STEP_TIMEOUT * 1000)
            yield page
        finally:
            context.close()


def browser_leftovers(profile: Path) -> list[str]:
    """Chromium processes still running with this test's profile."""
    return [f"{pid} {cmdline}" for pid, _, cmdline in processes() if str(profile) in cmdline]


def test_serve_in_chromium_finds_tokayev_and_opens_his_details(tmp_path: Path) -> None:
    assert not MISSING, f"CI must have: {', '.join(MISSING)} (.ci/run installs them)"
    profile = tmp_path / "chromium-profile"
    with serving(str(sample_path()), log=tmp_path / "serve.log") as served:
        with chromium_page(profile) as page:
            page.add_init_script(CATCH_TERMINAL)
            # Only the server: the page's web font (fonts.googleapis.com) would need the network.
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith(served.url) else route.abort()
                ),
            )
            page.goto(served.url, wait_until="load", timeout=START_TIMEOUT * 1000)
            screen = Screen(page, served)
            screen.wait_for("the app's headline", lambda text: "Nishan-e-Pakistan" in text, START_TIMEOUT)

            page.focus(".xterm-helper-textarea")
            page.keyboard.type("/")
            # The footer shows the search box's keys once it has the focus.
            screen.wait_for("the search box, focused", lambda text: "Clear search" in text)
            page.keyboard.type("toqaev", delay=50)
            found = screen.wait_for(
                "Tokayev found as 'toqaev'",
                lambda text: "toqaev" in text and "Participants (1 of " in text,
            )
            assert "Kassym-Jomart Tokayev" in found
            if target := os.environ.get("BRIEFING_TUI_SCREENSHOT"):
                page.wait_for_timeout(500)  # the text is in the buffer; let a frame paint it
                Path(target).parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=target)

            page.keyboard.press("Enter")  # the first hit
            page.keyboard.press("Enter")  # its details
            details = screen.wait_for(
                "Tokayev's details", lambda text: "Organisation" in text and "Present at" in text
            )
            assert "President of Kazakhstan" in details
            assert "Qasym-Jomart Toqaev" in details
        assert browser_leftovers(profile) == []
        assert served.interrupt() == 0, served.output()
        assert "Traceback" not in served.output()
        assert served.leftovers() == []
