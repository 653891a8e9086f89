"""Session clocks: seconds since the interview started, real or simulated, and how they read."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Anything that says how many session seconds have passed."""

    def now(self) -> float:
        """Seconds since the session started."""
        ...


class WallClock:
    """Real time, starting at `offset` seconds (a resumed session continues its clock)."""

    def __init__(self, offset: float = 0.0) -> None:
        self._origin = time.monotonic() - offset

    def now(self) -> float:
        """Seconds since the session started, including time before a resume."""
        return time.monotonic() - self._origin


class SimulatedClock:
    """A clock that only moves when told, for `mockloop simulate` and tests."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = start

    def now(self) -> float:
        """The simulated time."""
        return self._now

    def advance_to(self, seconds: float) -> None:
        """Move forward to `seconds`; the clock never goes back."""
        self._now = max(self._now, seconds)

    def advance(self, seconds: float) -> None:
        """Move forward by `seconds`."""
        self._now += max(0.0, seconds)


def mmss(seconds: float) -> str:
    """Session time as mm:ss, e.g. 07:05."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"
