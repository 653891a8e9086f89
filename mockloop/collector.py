"""When the garbage collector runs: never while starting, at idle moments in the interview.

Start-up (`collector_paused`, `keep_loaded_objects`): importing Textual and the packs and
drawing the first frame allocate hundreds of thousands of long-lived objects; repeated full
collections over them cost about as much as the drawing itself, and every later full
collection would re-scan them, so they are frozen out of its view once loaded.

During the interview (`IdleCollector`): Python's automatic collector runs whenever
enough objects have been allocated, and a Textual screen allocates constantly, so its
pauses land mid-stream and mid-run: in bench/startup.py they were a third of the event-loop
lag while a reply streamed and tests ran (p99 59 and 50 ms with it, 36 and 36 ms without).
While an interview is on screen the automatic collector is off and this one collects
instead, every TICK_SECONDS: the young generations when nothing is busy, everything every
30 seconds when nothing is busy, and the young generations anyway after 10 busy seconds so
a long reply cannot grow memory without bound. A young collection costs in proportion to
what survived since the last one; typing notes at speed, once a second made pauses of
30-90 ms (bench/startup.py, design notes), four times a second makes them a few ms.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

TICK_SECONDS = 0.25
FULL_EVERY = 120
"""Ticks between full collections (30 seconds)."""
BUSY_LIMIT = 40
"""Busy ticks after which the young generations are collected anyway (10 seconds)."""


class IdleCollector:
    """Call `start`, then `tick(busy)` every TICK_SECONDS, then `stop`."""

    def __init__(self) -> None:
        self._was_enabled = True
        self._since_young = 0
        self._since_full = 0
        self.collections: list[int] = []  # generations collected, for tests

    def start(self) -> None:
        """Take over from the automatic collector."""
        self._was_enabled = gc.isenabled()
        gc.disable()

    def tick(self, busy: bool) -> None:
        """A tick passed; collect if this is a good moment (or it has been too long)."""
        self._since_young += 1
        self._since_full += 1
        if not busy and self._since_full >= FULL_EVERY:
            self._collect(2)
        elif not busy or self._since_young >= BUSY_LIMIT:
            self._collect(1)

    def stop(self) -> None:
        """Hand back to the automatic collector (if it was on before `start`)."""
        if self._was_enabled:
            gc.enable()

    def _collect(self, generation: int) -> None:
        gc.collect(generation)
        self.collections.append(generation)
        self._since_young = 0
        if generation == 2:
            self._since_full = 0


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collection inside the block (start-up); it is turned back on after."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def keep_loaded_objects() -> None:
    """Hide everything loaded so far (modules, the packs, Textual's tables) from the GC.

    They live as long as the process; left in view, every full collection re-scans them,
    which paused the event loop for 80-110 ms at a time (see bench/startup.py).
    """
    gc.freeze()
