"""The sandbox child's CPU time, read by the parent from /proc, where the child cannot patch it.

Time limits are judged on CPU time because wall-clock time depends on how busy the machine
is: a solution that runs out of memory after a fixed amount of work used to be labelled
"memory" on a quiet machine and "timeout" on a loaded one. CPU time makes the first limit
the code really reaches the one that is reported. Where /proc is missing (not Linux), every
reading is None and the parent falls back to wall-clock time.
"""

from __future__ import annotations

import os

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
# Fields of /proc/<pid>/stat after the ")" closing the command name: state is field 3, so
# utime (field 14) and stime (field 15) are at these positions.
USER_FIELD, SYSTEM_FIELD = 11, 12


class CpuClock:
    """Reads the CPU seconds (user + system, every thread) a child process has used so far."""

    def __init__(self, pid: int) -> None:
        self.path = f"/proc/{pid}/stat"

    def seconds(self) -> float | None:
        """CPU seconds used so far, or None when the process or /proc is gone."""
        try:
            with open(self.path, "rb") as stat:
                text = stat.read()
            fields = text[text.rindex(b")") + 2 :].split()
            return (int(fields[USER_FIELD]) + int(fields[SYSTEM_FIELD])) / TICKS_PER_SECOND
        except (OSError, ValueError, IndexError):
            return None

    def since(self, start: float | None) -> float | None:
        """CPU seconds used since an earlier reading (None when either is unknown)."""
        now = self.seconds()
        return None if now is None or start is None else max(now - start, 0.0)


class ThreadsClock:
    """Nanosecond CPU time of every thread of a child, from /proc/<pid>/task/*/schedstat.

    `/proc/<pid>/stat` counts in clock ticks (10 ms here), too coarse to time one small
    input; the scheduler's own counters are exact. Falls back to ticks where they are missing.
    """

    def __init__(self, pid: int) -> None:
        self.tasks = f"/proc/{pid}/task"
        self.ticks = CpuClock(pid)

    def seconds(self) -> float | None:
        """CPU seconds used so far by all the child's threads, or None when unknown."""
        total = 0
        try:
            for task in os.scandir(self.tasks):
                with open(f"{task.path}/schedstat", "rb") as schedstat:
                    total += int(schedstat.read().split()[0])
        except (OSError, ValueError, IndexError):
            return self.ticks.seconds()
        return total / 1e9
