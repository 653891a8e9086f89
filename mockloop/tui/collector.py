"""Garbage collection at moments the candidate is not waiting on the screen.

Python's automatic collector runs whenever enough objects have been allocated, and a
Textual screen allocates constantly, so its pauses land mid-stream and mid-run: in
bench/startup.py they were a third of the event-loop lag while a reply streamed and tests
ran (p99 59 and 50 ms with it, 36 and 36 ms without). While an interview is on screen the
automatic collector is off and this one collects instead, once a second: the young
generations (a few milliseconds) when nothing is busy, everything at most every
FULL_EVERY seconds when nothing is busy, and the young generations anyway after
BUSY_LIMIT busy seconds so a long reply cannot grow memory without bound.
"""

from __future__ import annotations

import gc

FULL_EVERY = 30
BUSY_LIMIT = 10


class IdleCollector:
    """Call `start`, then `tick(busy)` once a second, then `stop`."""

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
        """One second passed; collect if this is a good moment (or it has been too long)."""
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
