"""Running problem code in-process for the pack tests, with budgets in wall or CPU time."""

from __future__ import annotations

import math
import signal
import time
from typing import Any

from mockloop.models import Case, Problem
from mockloop.runner.checking import call, canonical, matches, materialize


class TooSlow(Exception):
    """Raised by the interval timer when a slow (brute-force or starter) call runs too long."""


def outcome(
    problem: Problem,
    namespace: dict[str, Any],
    args: list[Any],
    expected: Any,
    budget: float = 0.0,
    *,
    cpu: bool = False,
) -> bool | None:
    """Whether the code in `namespace` answers one case correctly (exceptions count as wrong).

    With a `budget` in seconds, a call that runs longer is interrupted and gives None, so an
    exponential brute force on a big "edge" input costs a fraction of a second, not minutes.
    With `cpu`, the budget is CPU time, so a busy machine cannot make slow code look slower.
    """

    def interrupt(signum: int, frame: object) -> None:
        raise TooSlow

    timer, alarm = (
        (signal.ITIMER_PROF, signal.SIGPROF) if cpu else (signal.ITIMER_REAL, signal.SIGALRM)
    )
    previous = signal.signal(alarm, interrupt)
    signal.setitimer(timer, budget)
    try:
        actual = canonical(call(problem, namespace, args))
    except TooSlow:
        return None
    except Exception:
        return False
    finally:
        signal.setitimer(timer, 0)
        signal.signal(alarm, previous)
    return matches(problem, args, expected, actual)


def cpu_seconds(problem: Problem, namespace: dict[str, Any], case: Case) -> float:
    """CPU seconds one call takes on fresh arguments (best of three if over the limit)."""
    best = math.inf
    for _ in range(3):
        args = materialize(problem, case)[0]
        started = time.process_time()
        call(problem, namespace, args)
        best = min(best, time.process_time() - started)
        if best <= problem.time_limit_ms / 1000:
            break
    return best
