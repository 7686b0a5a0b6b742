"""Worker processes: fresh interpreters that run a batch function (named "module:function") on
files.

Each worker is `python -c "from briefing_tui.workers import serve; serve()"`, sent batches of
paths and sending back their results, pickled, over its standard input and output. A fresh
interpreter, not a fork: the parent may be running threads (the UI, its workers) that a fork would
copy in whatever state they were. And not `multiprocessing`'s spawn or fork server, which import
the caller's main script again in every worker: a script without `if __name__ == "__main__":`
would then run once more per worker. A worker that cannot start or dies costs only time: its
batch, and any left, are loaded in the calling process.
"""

from __future__ import annotations

import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, TypeVar

T = TypeVar("T")

#: Files per batch: enough that sending them costs little, few enough to report progress often.
CHUNK = 24
_LENGTH = struct.Struct("<Q")
_COMMAND = "from briefing_tui.workers import serve; serve()"


def run(
    paths: Sequence[str],
    work: Callable[[str, int], T],
    batch_work: str,
    *,
    max_bytes: int,
    workers: int,
) -> Iterator[list[T]]:
    """Results for every path, in batches as they are done (not in order): `work` here when
    `workers` is 0, else `batch_work` ("module:function", called with a list of paths and
    `max_bytes`) in that many processes."""
    if workers <= 0 or len(paths) <= 1:
        for path in paths:
            yield [work(path, max_bytes)]
        return
    batches = deque(list(paths[i : i + CHUNK]) for i in range(0, len(paths), CHUNK))
    pool = _Pool(min(workers, len(batches)), batch_work, max_bytes, batches)
    try:
        for kind, value in pool.results():
            if kind == "done":
                yield value
            else:  # a batch a worker could not finish
                yield from ([work(path, max_bytes)] for path in value)
        # Every worker gone before the end: what is left is done here.
        while batches:
            for path in batches.popleft():
                yield [work(path, max_bytes)]
    finally:
        pool.close()


class _Pool:
    def __init__(self, size: int, batch_work: str, max_bytes: int, batches: deque[list[str]]) -> None:
        self._batches = batches
        self._lock = threading.Lock()
        self._results: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._task = (batch_work, max_bytes, os.getcwd())
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        self._processes: list[subprocess.Popen[bytes]] = []
        self._threads: list[threading.Thread] = []
        for _ in range(size):
            try:
                process = subprocess.Popen(
                    [sys.executable, "-c", _COMMAND],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,  # the UI owns the terminal; failures are reloaded here
                    env=env,
                )
            except OSError:
                break
            self._processes.append(process)
            thread = threading.Thread(target=self._feed, args=(process,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _next(self) -> list[str] | None:
        with self._lock:
            return self._batches.popleft() if self._batches else None

    def _feed(self, process: subprocess.Popen[bytes]) -> None:
        """Give one worker batch after batch; hand back each result, or the batch it failed."""
        assert process.stdin is not None and process.stdout is not None
        try:
            while (batch := self._next()) is not None:
                try:
                    _send(process.stdin, (*self._task, batch))
                    result = _receive(process.stdout)
                except (OSError, EOFError, pickle.UnpicklingError, struct.error):
                    result = None
                if result is None:
                    self._results.put(("failed", batch))
                    return
                self._results.put(("done", result))
        finally:
            self._results.put(("exit", None))

    def results(self) -> Iterator[tuple[str, Any]]:
        running = len(self._threads)
        while running:
            kind, value = self._results.get()
            if kind == "exit":
                running -= 1
            else:
                yield kind, value

    def close(self) -> None:
        with self._lock:
            self._batches.clear()
        for process in self._processes:
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    try:
                        stream.close()
                    except OSError:
                        pass
            if process.poll() is None:
                process.kill()
            process.wait()
        for thread in self._threads:
            thread.join(timeout=5)


def _send(stream: IO[bytes], value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (length,) = _LENGTH.unpack(head)
    data = stream.read(length)
    if len(data) < length:
        raise EOFError
    return pickle.loads(data)


def serve() -> None:
    """A worker: run batches from standard input, answer on standard output, until it closes."""
    from importlib import import_module

    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write to the answers
    while True:
        try:
            name, max_bytes, cwd, batch = _receive(requests)
        except EOFError:
            return
        if os.getcwd() != cwd:
            os.chdir(cwd)  # relative paths are relative to the parent's folder
        module, _, function = name.partition(":")
        _send(answers, getattr(import_module(module), function)(batch, max_bytes))
