"""Measures how the candidate's run time grows with input size, in the sandbox.

A problem's largest performance case is cut down to prefixes of growing length (1/1024 of
it, 1/512, ... all of it; every list and text argument in proportion, so a design problem's
operations keep their arguments), each run `REPEATS` times in one confined child. The parent
reads the child's CPU time between case reports (nanosecond scheduler counters, not the
wall clock: a busy machine must not make code look slower), averages the repeats,
and fits log(time) against log(size). The slope is the measured exponent: about 1 for a
linear pass, 2 for nested loops.

Fair to a correct claim: sizes whose best time is under `FLOOR_MS` are left out (start-up
noise), the fit needs `MIN_POINTS` sizes spanning at least `MIN_SPAN` times and an R² of
`CLEAR_FIT` before it is called clear, and it stops before a size that would not fit in
the budget, so a slow solution is measured on small inputs rather than not at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import marshal
import math
import secrets
import time
from typing import Any

from mockloop.models import Problem
from mockloop.results import Scaling
from mockloop.runner.bounds import clean_text
from mockloop.runner.checking import generated_arguments
from mockloop.runner.child import Child, ChildDied, StrayReport, job_header, next_report, spawn
from mockloop.runner.cpu import ThreadsClock
from mockloop.runner.isolation import Limits
from mockloop.runner.verdict import first_line, frame

BUDGET_SECONDS = 3.0
REPEATS = 3
STEPS = 11  # fractions 1/1024 ... 1/1 of the large input
SMALLEST = 16  # elements: smaller prefixes say nothing about growth
SHORTEST_INPUT = 256  # a large input shorter than this has nothing to shrink
FLOOR_MS = 2.0
MIN_POINTS = 3
MIN_SPAN = 3.5
CLEAR_FIT = 0.8
REPORT_PIPE_BYTES = 4096  # the smallest pipe Linux allows: one page
NAME_CHARACTERS = 2 * REPORT_PIPE_BYTES
GROWTH_ALLOWANCE = 4.5  # how much slower the next size may be (doubling a quadratic: 4x)

Ladder = list[tuple[int, list[Any]]]


class CodeFailed(Exception):
    """The code raised, crashed or did not load on one of the measured inputs."""


def skipped(note: str) -> Scaling:
    """A measurement that did not happen, and why."""
    return Scaling(note=note)


def length(argument: Any) -> int:
    """How many elements a list or text argument has (0 for anything else)."""
    return len(argument) if isinstance(argument, list | str) else 0


def shrunk(arguments: list[Any], fraction: float) -> list[Any]:
    """Every list and text argument cut to the same fraction of its length (a prefix)."""
    return [
        argument[: max(1, round(len(argument) * fraction))] if length(argument) > 1 else argument
        for argument in arguments
    ]


def ladder(problem: Problem) -> Ladder | str:
    """The growing inputs (size, arguments) to time, or the reason there are none; they are
    cut from the problem's first performance case."""
    cases = [c for c in problem.hidden if c.category == "performance" and c.generator]
    if not cases:
        return "the problem has no generator of large inputs"
    try:
        largest = generated_arguments(problem, cases[0])
    except Exception as error:
        return f"the large-input generator failed ({type(error).__name__})"
    full = max(map(length, largest), default=0)
    if full < SHORTEST_INPUT:
        what = f"its longest list or text has {full} elements" if full else "it is numbers only"
        return f"the large input is too small to cut down ({what})"
    steps: Ladder = []
    for step in range(STEPS - 1, -1, -1):
        arguments = shrunk(largest, 1 / 2**step)
        size = max(map(length, arguments))
        if size >= SMALLEST and (not steps or size > steps[-1][0]):
            steps.append((size, arguments))
    return steps


def fit(sizes: list[int], ms: list[float]) -> Scaling:
    """The log-log slope of the usable points, and whether it is clear enough to judge."""
    points = [(math.log(n), math.log(t)) for n, t in zip(sizes, ms, strict=True) if t >= FLOOR_MS]
    rounded = [round(value, 3) for value in ms]
    if len(points) < 2:
        note = f"the code ran under {FLOOR_MS:.0f} ms at every size measured"
        return Scaling(sizes=sizes, ms=rounded, note=note)
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    total = sum((y - mean_y) ** 2 for _, y in points)
    residual = sum((y - mean_y - slope * (x - mean_x)) ** 2 for x, y in points)
    quality = 1 - residual / total if total > 0 else 1.0
    span = math.exp(points[-1][0] - points[0][0])
    note = ""
    if len(points) < MIN_POINTS:
        note = f"only {len(points)} sizes took {FLOOR_MS:.0f} ms or more: too few to judge"
    elif span < MIN_SPAN:
        note = f"the sizes that took {FLOOR_MS:.0f} ms or more span only {span:.1f}x"
    elif quality < CLEAR_FIT:
        note = f"the times do not lie on a clean curve (R² {quality:.2f}): too noisy to judge"
    return Scaling(exponent=round(slope, 3), sizes=sizes, ms=rounded, clear=not note, note=note)


MEASURED_KEPT = 32
_measured: dict[tuple[str, str, float], Scaling] = {}


async def measure_scaling(
    problem: Problem, source: str, *, budget_seconds: float = BUDGET_SECONDS
) -> Scaling:
    """Time `source` on growing inputs within `budget_seconds` (wall), and fit the growth.

    A fit is kept for the process: the same code on the same problem grows the same way,
    and scoring it again (a re-rendered report, a simulation run twice) then says the same.
    """
    key = (problem.slug, source, budget_seconds)
    if key in _measured:
        return _measured[key]
    result = await _measure(problem, source, budget_seconds)
    if result.exponent is not None:
        if len(_measured) >= MEASURED_KEPT:
            _measured.pop(next(iter(_measured)))
        _measured[key] = result
    return result


async def _measure(problem: Problem, source: str, budget_seconds: float) -> Scaling:
    started = time.perf_counter()
    steps = await asyncio.to_thread(ladder, problem)
    if isinstance(steps, str):
        return skipped(steps)
    best: dict[int, float] = {}
    try:
        await _time_steps(problem, source, steps, best, started + budget_seconds)
    except CodeFailed as error:
        return skipped(f"the code fails on a smaller input: {error}")
    except TimeoutError:
        pass  # what was measured before the budget ran out is used
    except (ChildDied, OSError) as error:
        return skipped(f"the sandbox stopped ({type(error).__name__})")
    if not best:
        return skipped(f"no input size finished within the {budget_seconds:.0f} s budget")
    sizes = sorted(best)
    result = fit(sizes, [best[size] * 1000 for size in sizes])
    if len(best) < len(steps) and not result.clear:
        note = f"the {budget_seconds:.0f} s budget ran out after {len(best)} sizes; {result.note}"
        return result.model_copy(update={"note": note})
    return result


def measure_scaling_sync(problem: Problem, source: str) -> Scaling:
    """Blocking wrapper of `measure_scaling` for the CLI."""
    return asyncio.run(measure_scaling(problem, source))


async def _time_steps(
    problem: Problem, source: str, steps: Ladder, best: dict[int, float], deadline: float
) -> None:
    """Run every step's repeats in one child, recording the best CPU seconds per size."""
    limits = Limits()
    encoded = await asyncio.to_thread(_encoded, steps)
    token = secrets.token_hex(16)
    cpu_seconds = math.ceil(deadline - time.perf_counter()) + 1
    child = await spawn(limits)
    pipe = child.report_transport.get_extra_info("pipe")
    with contextlib.suppress(OSError, ValueError, AttributeError):
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, REPORT_PIPE_BYTES)
    try:
        async with asyncio.timeout_at(_loop_time(deadline)):
            stdin = child.process.stdin
            assert stdin is not None
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                stdin.write(encoded)
                child.unacknowledged_cases = 1
            await child.await_cases(limits.startup_seconds)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                header = job_header(child, problem, source, token, limits, cpu_seconds)
                stdin.write(frame(marshal.dumps(header)))
                await stdin.drain()
                stdin.close()
            await _report(child, token, "ready")
            loaded = await _report(child, token, "loaded")
            if loaded["event"] == "load_error":
                raise CodeFailed(clean_text(first_line(str(loaded.get("error", "")))))
            timer = CaseTimer(ThreadsClock(child.process.pid))
            for size, _ in steps:
                times = [await timer.next_case(child, token, size) for _ in range(REPEATS)]
                best[size] = sum(times) / REPEATS
                left = deadline - time.perf_counter()
                if left < best[size] * GROWTH_ALLOWANCE * REPEATS:
                    break  # the next size would not finish in time
    finally:
        await child.dispose()


def copied(arguments: list[Any]) -> list[Any]:
    """A copy that shares nothing mutable (shallow where the lists hold only scalars)."""
    nested = any(
        isinstance(item, list | dict)
        for argument in arguments
        if isinstance(argument, list)
        for item in argument[:64]
    )
    if nested:
        return list(marshal.loads(marshal.dumps(arguments)))
    return [list(argument) if isinstance(argument, list) else argument for argument in arguments]


def _encoded(steps: Ladder) -> bytes:
    """The cases frame: every repeat a separate copy (code that sorts its input in place must
    not hand the next repeat a sorted one), each named long enough that its report fills
    the shrunken report pipe, so the child waits for the parent to read one report before
    it starts the next case and the parent's CPU readings fall between cases."""
    cases = [
        {
            "name": f"size-{size}-{repeat}".ljust(NAME_CHARACTERS, "."),
            "args": copied(arguments),
            "visible": False,
        }
        for size, arguments in steps
        for repeat in range(REPEATS)
    ]
    return frame(marshal.dumps(cases))


def _loop_time(deadline: float) -> float:
    """A `perf_counter` deadline on the event loop's clock."""
    return asyncio.get_running_loop().time() + (deadline - time.perf_counter())


class CaseTimer:
    """Times consecutive cases: the child runs them back to back, so one case's CPU time is
    what the child used between two reports (wall time where /proc is missing)."""

    def __init__(self, clock: ThreadsClock) -> None:
        self.clock = clock
        self.cpu = clock.seconds()
        self.wall = time.perf_counter()

    async def next_case(self, child: Child, token: str, size: int) -> float:
        """Seconds the next case took; CodeFailed when it did not return normally."""
        message = await _report(child, token, "case")
        cpu, wall = self.clock.seconds(), time.perf_counter()
        if message.get("status") != "ok":
            error = str(message.get("error", "")) or str(message.get("status"))
            raise CodeFailed(f"{clean_text(first_line(error))} (size {size})")
        used = wall - self.wall if cpu is None or self.cpu is None else max(cpu - self.cpu, 0.0)
        self.cpu, self.wall = cpu, wall
        return used


async def _report(child: Child, token: str, event: str) -> dict[str, Any]:
    """The child's next report (`next_report`), a stray line being the code's failure."""
    try:
        return await next_report(child, token, event)
    except StrayReport as stray:
        raise CodeFailed(f"it {stray}") from None
