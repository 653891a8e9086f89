"""Runs candidate code in a confined, single-use child interpreter, without blocking the loop.

Each run gets a fresh `python -I -S` child in its own session (process group) with a
minimal environment; it dies with this process and writes only to a private tmpfs that
vanishes with it, so nothing is left on the host. The child confines itself (see
`confinement.py` and `harness.py`); this side sends the job on stdin, reads reports from a
dedicated pipe against wall-clock deadlines, times every case and the load on its own clock,
drains stdout/stderr concurrently with a cap, and kills the whole process group when the run
ends, fails or is cancelled; large reports are decoded and judged in a thread. A `Runner`
can spawn the next child ahead of time so that a run starts warm, and send it the cases of
the problem last run (decoded while the candidate types; the code and the run's secrets
still arrive only at submit).
"""

from __future__ import annotations

import asyncio
import contextlib
import marshal
import math
import secrets
import signal
import time
from typing import Any

from mockloop.models import Problem
from mockloop.results import CaseStatus, RunResult, RunStatus
from mockloop.runner.bounds import clean_text, kept_case
from mockloop.runner.child import (
    INTERPRETER_FLAGS,
    Child,
    ChildDied,
    job_header,
    spawn,
    wait_briefly,
)
from mockloop.runner.cpu import CpuClock
from mockloop.runner.isolation import Limits, describe_limits
from mockloop.runner.verdict import Plan, Tampered, Verdict, cached_plan, frame, plan_for

THREAD_LINE_BYTES = 256 * 1024  # reports larger than this are decoded and judged in a thread
SOURCE_CHARACTERS = 1024 * 1024  # longer code is refused before it reaches a child
PIPE_ALLOWANCE_CAP = 0.02  # seconds: the most a measured pipe round trip may take off a case
STARVED_WAIT = 3  # how many per-case deadlines a case starved of CPU may wait in all
SIGNAL_NAMES = {
    signal.SIGSEGV: "segmentation fault (often recursion too deep for the C stack)",
    signal.SIGABRT: "aborted",
    signal.SIGBUS: "bus error",
    signal.SIGILL: "illegal instruction",
}


def _died(child: Child, returncode: int | None) -> tuple[CaseStatus, str]:
    """Classify how a child that stopped reporting ended (None: it was still running)."""
    if returncode is None:
        return "crashed", "the code closed the result channel and kept running, so it was killed"
    if returncode is not None and returncode < 0:
        number = -returncode
        if number == signal.SIGXCPU:
            return "timeout", "CPU time limit exceeded"
        if number == signal.SIGKILL and not child.killed_by_us:
            # No limit MockLoop sets ends in SIGKILL (memory raises MemoryError, CPU time
            # SIGXCPU), so this is not called "memory": that would be a guess.
            return "crashed", "killed from outside MockLoop (SIGKILL), e.g. by the system"
        name = SIGNAL_NAMES.get(signal.Signals(number), f"signal {number}")
        return "crashed", f"the interpreter crashed: {name}"
    return "crashed", f"the process exited (code {returncode}) before reporting, e.g. os._exit()"


async def execute(
    child: Child, problem: Problem, source: str, include_hidden: bool, limits: Limits
) -> RunResult:
    """Send the job to a spawned child and judge its reports against deadlines.

    Every time that decides a verdict is this process's clock: a case lasts from one report
    to the next, less the pipe's round trip measured before any candidate code existed, and
    loading the code has the same limit as one case.
    """
    started = time.perf_counter()
    # Generating large inputs and their expected values can take a good fraction of a second
    # the first time; a thread keeps the UI's event loop responsive meanwhile.
    plan = cached_plan(problem, include_hidden)
    if plan is None:
        plan = await asyncio.to_thread(plan_for, problem, include_hidden)
    per_case = limits.case_deadline(problem.time_limit_ms)
    budget = (len(plan.cases) + 1) * problem.time_limit_ms / 1000
    cpu_seconds = math.ceil(budget) + 1
    total_deadline = started + min(limits.total_cap_seconds, limits.startup_seconds + budget * 2)
    token = secrets.token_hex(16)
    header = job_header(child, problem, source, token, limits, cpu_seconds)
    verdict = Verdict(plan, token)
    verdict.isolation = [
        f"fresh interpreter: {child.setup.interpreter} {' '.join(INTERPRETER_FLAGS)}, "
        "own process group, killed with MockLoop (parent-death signal, set again after the "
        "user change)",
        *child.setup.notes,
        *child.notes,
        *describe_limits(limits, problem.time_limit_ms, cpu_seconds),
    ]
    if len(source) > SOURCE_CHARACTERS:
        verdict.load_failure = (
            "error",
            f"the code has {len(source)} characters; the limit is {SOURCE_CHARACTERS}",
        )
        verdict.stop("skipped", 0.0, "")
        return verdict.result((time.perf_counter() - started) * 1000)
    stdin = child.process.stdin
    assert stdin is not None
    last = time.perf_counter()
    clock = CpuClock(child.process.pid)
    case_cpu: float | None = None  # the child's CPU seconds when the current case began
    cpu_limit = problem.time_limit_ms / 1000

    async def next_report(seconds: float) -> bytes:
        # A case past its wall deadline that has not used its CPU time was starved by a busy
        # machine, not slow: it gets the CPU time it has left, up to STARVED_WAIT deadlines.
        deadline = time.perf_counter() + seconds
        cap = time.perf_counter() + seconds * STARVED_WAIT
        while True:
            remaining = min(deadline, total_deadline) - time.perf_counter()
            try:
                async with asyncio.timeout(max(remaining, 0.001)):  # never eats a cancel
                    line = await child.reports.readline()
                break
            except TimeoutError:
                used = clock.since(case_cpu) if phase == "case" else None
                now = time.perf_counter()
                if used is None or used >= cpu_limit or now >= min(cap, total_deadline):
                    raise
                deadline = now + cpu_limit - used + 0.1
        if not line.endswith(b"\n"):
            raise ChildDied
        return line

    phase = "ready"
    try:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            child.send_cases(plan)
        await child.await_cases(limits.startup_seconds)
        last = time.perf_counter()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            stdin.write(frame(marshal.dumps(header)))
            await stdin.drain()  # the child is gone if this fails; its reports say how
            stdin.close()
        message = await _decoded(verdict, await next_report(limits.startup_seconds), "ready")
        verdict.isolation += [str(note) for note in message.get("isolation", [])]
        now = time.perf_counter()
        allowance = min(now - last, PIPE_ALLOWANCE_CAP)  # no candidate code has run yet
        last = now
        phase = "loaded"
        message = await _decoded(verdict, await next_report(per_case), "loaded")
        now = time.perf_counter()
        load_ms = max(now - last - allowance, 0.0) * 1000
        last = now
        verdict.output = str(message.get("output", ""))
        if message["event"] == "load_error":
            load_status: RunStatus = "memory" if message.get("status") == "memory" else "error"
            verdict.load_failure = (load_status, str(message.get("error", "")))
            verdict.stop("skipped", 0.0, "")
        elif load_ms > problem.time_limit_ms:
            child.kill()
            limit = problem.time_limit_ms
            reason = f"loading the code took {load_ms:.0f} ms, the limit is {limit} ms"
            verdict.load_failure = ("timeout", reason)
            verdict.stop("skipped", 0.0, "")
        else:
            phase = "case"
            case_cpu = clock.seconds()
            while verdict.next_case is not None:
                line = await next_report(per_case)
                now, cpu_now = time.perf_counter(), clock.seconds()
                case_ms = max(now - last - allowance, 0.0) * 1000
                used = None if cpu_now is None or case_cpu is None else cpu_now - case_cpu
                if len(line) > THREAD_LINE_BYTES:
                    await asyncio.to_thread(_judge, verdict, line, case_ms, used)
                else:
                    _judge(verdict, line, case_ms, used)
                last = time.perf_counter()  # judging a large answer is not the next case's time
                case_cpu = clock.seconds()
            await _decoded(verdict, await next_report(per_case), "done")
    except TimeoutError:
        used = clock.since(case_cpu)
        child.kill()
        reason = "wall-clock limit exceeded"
        if used is not None and phase == "case":
            reason = (
                f"used {used * 1000:.0f} ms of CPU time, the limit is {problem.time_limit_ms} ms"
            )
            if used < cpu_limit:
                reason = (
                    f"wall-clock limit exceeded while waiting (only {used * 1000:.0f} ms of CPU)"
                )
        _stop(verdict, phase, "timeout", time.perf_counter() - last, reason)
    except Tampered as error:
        child.kill()
        reason = f"the result channel was tampered with ({error})"
        _stop(verdict, phase, "crashed", time.perf_counter() - last, reason)
    except ChildDied:
        await wait_briefly(child, 1)
        status, reason = _died(child, child.process.returncode)
        _stop(verdict, phase, status, time.perf_counter() - last, reason)
    except (asyncio.LimitOverrunError, ValueError):
        child.kill()
        _stop(verdict, phase, "crashed", 0.0, "the result channel was flooded")
    finally:
        child.kill()
    # Its output ends when the killed child closes its files, before the kernel tears down its
    # mount namespace (about 10 ms): waiting for that, not for the exit, keeps runs quick.
    if child.drain_task is not None:
        await asyncio.wait({child.drain_task}, timeout=1)
    output = verdict.output + child.output.decode("utf-8", "replace")
    verdict.output = clean_text(output[: limits.output_bytes])
    verdict.results = [kept_case(case) for case in verdict.results]
    return verdict.result((time.perf_counter() - started) * 1000)


async def _decoded(verdict: Verdict, line: bytes, event: str) -> dict[str, Any]:
    """Decode a report; a large one (code may forge any report) is decoded in a thread."""
    if len(line) > THREAD_LINE_BYTES:
        return await asyncio.to_thread(verdict.decode, line, event)
    return verdict.decode(line, event)


def _judge(verdict: Verdict, line: bytes, case_ms: float, cpu_seconds: float | None) -> None:
    """Decode one case report and judge it (in a thread when the report is large)."""
    verdict.record(verdict.decode(line, "case"), case_ms, cpu_seconds)


def _stop(verdict: Verdict, phase: str, status: CaseStatus, seconds: float, reason: str) -> None:
    if phase in ("ready", "loaded") and verdict.load_failure is None:
        load_status: RunStatus = "timeout" if status == "timeout" else "crashed"
        where = "while starting" if phase == "ready" else "while loading the code"
        verdict.load_failure = (load_status, f"{reason} {where}")
        verdict.stop("skipped", 0.0, "")
        return
    verdict.stop(status, seconds * 1000, reason)


class Runner:
    """Runs code in single-use children; `prepare()` spawns the next one ahead of time."""

    def __init__(self, limits: Limits | None = None, *, keep_warm: bool = False) -> None:
        self.limits = limits or Limits()
        self.keep_warm = keep_warm
        self._warm: asyncio.Task[Child] | None = None
        self._last_plan: Plan | None = None
        self.active: Child | None = None
        self._background: set[asyncio.Task[None]] = set()

    def prepare(self, problem: Problem | None = None) -> None:
        """Start spawning a warm child now (call while the candidate types). Idempotent.

        It is also sent the last run's cases to decode (or, before any run, `problem`'s full
        set, built in a thread: large inputs take a good fraction of a second); a run needing
        others sends those. Never blocks the event loop.
        """
        if self._warm is None:
            self._warm = asyncio.get_running_loop().create_task(self._spawn(problem))

    async def _spawn(self, problem: Problem | None) -> Child:
        child = await spawn(self.limits)
        plan = self._last_plan
        if plan is None and problem is not None:
            plan = self._last_plan = await asyncio.to_thread(plan_for, problem, True)
        if plan is not None:
            try:
                child.send_cases(plan)
                await child.await_cases(self.limits.startup_seconds)
            except BaseException:
                await child.dispose()
                raise
        return child

    async def _take(self) -> Child:
        warm, self._warm = self._warm, None
        if warm is not None:
            with contextlib.suppress(Exception):
                child = await warm
                if child.process.returncode is None:
                    return child
                await child.dispose()
        return await spawn(self.limits)

    async def run(self, problem: Problem, source: str, include_hidden: bool = True) -> RunResult:
        """Run `source` against the problem's cases; cancelling kills the child at once."""
        child = self.active = await self._take()
        try:
            result = await execute(child, problem, source, include_hidden, self.limits)
        except BaseException:
            self._dispose_later(child)
            raise
        self._dispose_later(child)  # reaping waits for the kernel; the result need not
        self._last_plan = child.cases
        if self.keep_warm:
            self.prepare()
        return result

    def _dispose_later(self, child: Child) -> None:
        """Kill the child now and reap it in the background."""
        child.kill()
        task = asyncio.get_running_loop().create_task(child.dispose())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def close(self) -> None:
        """Kill a warm child that was never used, and finish reaping used ones."""
        warm, self._warm = self._warm, None
        if warm is not None:
            with contextlib.suppress(BaseException):
                await (await warm).dispose()
        if self._background:
            await asyncio.wait(set(self._background), timeout=10)


async def run_code(problem: Problem, source: str, *, include_hidden: bool = True) -> RunResult:
    """Run candidate code in a fresh confined child; never blocks the event loop."""
    runner = Runner()
    try:
        return await runner.run(problem, source, include_hidden)
    finally:
        await runner.close()


def run_code_sync(problem: Problem, source: str, *, include_hidden: bool = True) -> RunResult:
    """Blocking wrapper of `run_code` for the CLI, simulations and tests."""
    return asyncio.run(run_code(problem, source, include_hidden=include_hidden))
