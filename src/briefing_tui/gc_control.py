"""The garbage collector, kept out of the way of the UI.

A briefing of 100,000 people is millions of objects that live as long as it is open. The collector
does not know that: while they are made it runs pass after pass over them (each longer than the
last), and a full pass later, set off by some small allocation on the UI thread, scans them all
again (0.5–0.8 s at 100,000 people, with the UI frozen). So what is built in bulk is built with the
collector paused (`paused`), and once a load is done what it made is moved out of the collector's
sight for good (`freeze`): later passes look only at what is new. Data layer: no Textual here.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collector passes inside (and the collector as it was after, even on an error)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def freeze() -> None:
    """Everything alive now is never scanned by the collector again (`gc.freeze`): call it once a
    load (and what is built from it) is done. Objects freed later are still freed when their
    count drops to zero; only cycles among them stay (a few, for a briefing replaced)."""
    gc.freeze()
