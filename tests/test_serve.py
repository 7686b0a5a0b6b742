"""`briefing-tui serve` without a browser: the app's command line, addresses, the missing extra, and
the server itself (what it answers, what it refuses, and that Ctrl+C leaves nothing behind)."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from briefing_tui.cli import main
from briefing_tui.paths import sample_path
from briefing_tui.web.command import INSTALL_HINT, app_command
from briefing_tui.web.hosts import is_loopback, page_url
from webserver import HAVE_TEXTUAL_SERVE, IN_CI, Served, serving

needs_server = pytest.mark.skipif(
    not HAVE_TEXTUAL_SERVE and not IN_CI, reason="textual-serve not installed: pip install -e '.[test,web]'"
)

HOSTILE_PATHS = [
    'it\'s a "dir"; touch CANARY/b.yaml',
    "$(touch CANARY).yaml",
    "`touch CANARY`.yaml",
    "a b\tc\nd.yaml",
    "-h",
    "check",
    "*",
]


@pytest.fixture
def argv_printer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Stands in for the interpreter (at a path needing quotes too): prints what it was given and
    whether SIGINT is ignored."""
    folder = tmp_path / "bin dir; 'x'"
    folder.mkdir()
    script = folder / 'py "thon"'
    script.write_text(
        f"#!{sys.executable}\nimport json, signal, sys\n"
        "print(json.dumps([sys.argv[1:], signal.getsignal(signal.SIGINT) == signal.SIG_IGN]))\n"
    )
    script.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(script))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_in_shell(command: str) -> list[object]:
    # As textual-serve runs it: asyncio.create_subprocess_shell, i.e. /bin/sh -c.
    result = subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    loaded: list[object] = json.loads(result.stdout)
    return loaded


@pytest.mark.parametrize("name", HOSTILE_PATHS)
def test_the_app_command_passes_any_path_as_one_argument(argv_printer: Path, name: str) -> None:
    argv, sigint_ignored = run_in_shell(app_command(Path(name)))
    assert argv == ["-m", "briefing_tui", "--", name]
    assert not (argv_printer / "CANARY").exists()
    # The terminal's Ctrl+C reaches the apps too: the server stops them itself.
    assert sigint_ignored is True


def test_without_a_path_the_app_opens_its_default(argv_printer: Path) -> None:
    argv, _ = run_in_shell(app_command(None))
    assert argv == ["-m", "briefing_tui"]


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("localhost", True),
        ("LOCALHOST.", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("::", False),
        ("", False),
        ("192.168.1.5", False),
        ("example.org", False),
        ("localhost.example.org", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("127.0.0.1", "http://127.0.0.1:8000"),
        ("::1", "http://[::1]:8000"),
        ("0.0.0.0", "http://localhost:8000"),
        ("::", "http://localhost:8000"),
        ("192.168.1.5", "http://192.168.1.5:8000"),
    ],
)
def test_where_to_open_the_page(host: str, url: str) -> None:
    assert page_url(host, 8000) == url


def test_without_the_web_extra_serve_says_how_to_install_it() -> None:
    code = (
        "import sys\nsys.modules['textual_serve'] = None  # as if not installed\n"
        "from briefing_tui.cli import main\nsys.exit(main(['serve']))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", INSTALL_HINT + "\n")
    assert "pip install 'briefing-tui[web]'" in INSTALL_HINT


def test_serve_refuses_a_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(tmp_path / "nope.yaml")]) == 1
    assert capsys.readouterr().err == f"{tmp_path / 'nope.yaml'}: file not found\n"


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_serve_refuses_a_port_out_of_range(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--port", port])
    assert exit_.value.code == 2
    assert "--port" in capsys.readouterr().err


def get(url: str, **headers: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def assert_stops_cleanly(served: Served) -> None:
    assert served.interrupt() == 0, served.output()
    assert "Traceback" not in served.output()
    assert "Exception" not in served.output()
    assert served.leftovers() == []


@needs_server
def test_serve_on_loopback_answers_its_own_pages_only(tmp_path: Path) -> None:
    with serving(str(sample_path()), log=tmp_path / "serve.log") as served:
        out = served.output()
        assert f"briefing-tui: open http://127.0.0.1:{served.port} in a web browser" in out
        assert "warning" not in out
        status, page = get(served.url)
        assert status == 200
        # The page connects back to where it came from.
        assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws"' in page
        status, page = get(served.url, Host=f"localhost:{served.port}")
        assert f'"ws://localhost:{served.port}/ws"' in page
        # DNS rebinding: a name that is not loopback, even pointing here, is refused.
        assert get(served.url, Host=f"attacker.example:{served.port}")[0] == 403
        # Another site's page (the browser says so in Origin) is refused.
        assert get(served.url, Origin="http://attacker.example")[0] == 403
        assert get(served.url, Origin=f"http://127.0.0.1:{served.port}")[0] == 200
        assert_stops_cleanly(served)


@needs_server
def test_serve_elsewhere_warns_that_anyone_can_read(tmp_path: Path) -> None:
    with serving("--host", "0.0.0.0", log=tmp_path / "serve.log") as served:
        out = served.output()
        assert re.search(r"warning: .*without authentication: anyone who can reach this port can read", out)
        assert f"open http://localhost:{served.port} in a web browser" in out
        status, page = get(served.url)
        assert status == 200
        assert f'"ws://127.0.0.1:{served.port}/ws"' in page
        assert_stops_cleanly(served)


async def open_page(port: int, origin: str, shown: asyncio.Event | None = None) -> bytes:
    """Connect as a page does and return what the app draws until its participants show; given
    `shown`, set it then and stay until the server closes the page."""
    import aiohttp

    url = f"http://127.0.0.1:{port}/ws?width=100&height=30"
    drawn = b""
    async with aiohttp.ClientSession() as client, client.ws_connect(url, origin=origin) as page:
        while shown is not None or b"Participants" not in drawn:
            message = await asyncio.wait_for(page.receive(), 60)
            if message.type != aiohttp.WSMsgType.BINARY:
                break
            drawn += message.data
            if shown is not None and b"Participants" in drawn:
                shown.set()
    return drawn


@needs_server
def test_a_page_runs_the_app_and_ctrl_c_stops_everything(tmp_path: Path) -> None:
    with serving(log=tmp_path / "serve.log") as served:
        drawn = asyncio.run(open_page(served.port, f"http://127.0.0.1:{served.port}"))
        assert b"Participants" in drawn, served.output()
        assert_stops_cleanly(served)


@needs_server
def test_another_sites_page_cannot_open_the_app(tmp_path: Path) -> None:
    import aiohttp

    with serving(log=tmp_path / "serve.log") as served:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            asyncio.run(open_page(served.port, "http://attacker.example"))
        assert refused.value.status == 403
        assert not [p for p in served.leftovers() if "-m briefing_tui" in p and " serve " not in p]
        assert_stops_cleanly(served)


@needs_server
def test_serve_stops_cleanly_on_sigterm_with_a_page_open(tmp_path: Path) -> None:
    # Only the server is signalled (a service manager's stop): it must stop the apps itself.
    async def page_then_sigterm(served: Served) -> float:
        shown = asyncio.Event()
        page = asyncio.ensure_future(open_page(served.port, f"http://127.0.0.1:{served.port}", shown))
        await asyncio.wait_for(shown.wait(), 60)
        os.kill(served.process.pid, signal.SIGTERM)
        signalled = time.monotonic()
        await asyncio.wait_for(page, 60)
        return signalled

    with serving(log=tmp_path / "serve.log") as served:
        signalled = asyncio.run(page_then_sigterm(served))
        assert served.process.wait(30) == 0, served.output()
        # It closes the page at once (aiohttp alone would wait for the page to go, 20 s or more).
        assert time.monotonic() - signalled < 10
        assert "Traceback" not in served.output()
        assert served.leftovers() == []
