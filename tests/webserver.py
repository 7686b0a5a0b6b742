"""Running `briefing-tui serve` in tests: on a free port, in a session of its own, stopped as Ctrl+C
stops it, and killed (with everything it started) whatever happens."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

#: Under CI what the web tests need is installed by .ci/run: missing, it is a failure, not a skip.
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")
HAVE_TEXTUAL_SERVE = find_spec("textual_serve") is not None
START_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def processes() -> Iterator[tuple[str, int, str]]:
    """Running processes (zombies left out): pid, session id, command line."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        # The fields after the command name, which is in parentheses and may hold anything.
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z":
            yield entry.name, int(fields[3]), cmdline.strip()


def session_processes(session: int) -> list[str]:
    """The processes still running in `session`: pid and command line."""
    return [f"{pid} {cmdline}" for pid, sid, cmdline in processes() if sid == session]


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def interrupt(self) -> int:
        """Ctrl+C as a terminal sends it (to the whole process group); the exit status."""
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            return self.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            message = f"serve did not stop within {STOP_TIMEOUT}s of Ctrl+C:\n{self.output()}"
            raise AssertionError(message) from None

    def leftovers(self) -> list[str]:
        return session_processes(self.process.pid)


@contextmanager
def serving(*args: str, log: Path, env: dict[str, str] | None = None) -> Iterator[Served]:
    """`briefing-tui serve --port FREE ARGS`, once it says where to open it."""
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "briefing_tui", "serve", "--port", str(port), *args],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env=env,
        )
    served = Served(process, port, log)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while "in a web browser" not in served.output():
            if process.poll() is not None:
                raise AssertionError(f"serve exited with {process.returncode}:\n{served.output()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"serve did not start within {START_TIMEOUT}s:\n{served.output()}")
            time.sleep(0.1)
        yield served
    finally:
        # Whatever the test did: nothing it started outlives it.
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(STOP_TIMEOUT)
