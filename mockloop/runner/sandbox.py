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
import fcntl
import json
import marshal
import math
import os
import secrets
import signal
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from mockloop.errors import MockloopError
from mockloop.events import TestsRun
from mockloop.models import Problem
from mockloop.runner.bounds import clean_text, kept_case
from mockloop.runner.isolation import ChildSetup, Limits, child_setup, describe_limits
from mockloop.runner.results import CaseStatus, RunResult, RunStatus
from mockloop.runner.verdict import Plan, Tampered, Verdict, cached_plan, frame, plan_for
from mockloop.session import code_digest

RESULT_LINE_LIMIT = 32 * 1024 * 1024
THREAD_LINE_BYTES = 256 * 1024  # reports larger than this are decoded and judged in a thread
SOURCE_CHARACTERS = 1024 * 1024  # longer code is refused before it reaches a child
PIPE_ALLOWANCE_CAP = 0.02  # seconds: the most a measured pipe round trip may take off a case
CASES_LINE = b'{"event": "cases"}\n'
STDIN_PIPE_BYTES = 1024 * 1024
SIGNAL_NAMES = {
    signal.SIGSEGV: "segmentation fault (often recursion too deep for the C stack)",
    signal.SIGABRT: "aborted",
    signal.SIGBUS: "bus error",
    signal.SIGILL: "illegal instruction",
}


# What is particular to Python as the candidate's language (a language spec will own these).
INTERPRETER_FLAGS = ("-I", "-S")  # isolated mode, no site-packages: only the standard library
CHILD_PROGRAM_FILES = ("confinement.py", "harness.py")  # joined, in this order


@cache
def harness_source() -> str:
    """The stdlib-only child program, passed with `-c` so it needs no readable file."""
    folder = Path(__file__).parent
    return "\n".join((folder / name).read_text(encoding="utf-8") for name in CHILD_PROGRAM_FILES)


def candidate_source(source: str) -> str:
    """The code as the child compiles it: a UTF-8 byte-order mark is not part of it."""
    return source.removeprefix("\ufeff")


class ChildDied(Exception):
    """The result channel closed before the run finished: the child exited or was killed."""


@dataclass
class Child:
    """One spawned child, waiting for its job; used once, then killed."""

    process: asyncio.subprocess.Process
    reports: asyncio.StreamReader
    report_transport: asyncio.BaseTransport
    setup: ChildSetup
    notes: list[str] = field(default_factory=list)
    output: bytearray = field(default_factory=bytearray)
    drain_task: asyncio.Task[None] | None = None
    killed_by_us: bool = False
    cases: Plan | None = None
    unacknowledged_cases: int = 0

    def send_cases(self, plan: Plan) -> None:
        """Queue a plan's cases on stdin unless the child has them; the last ones sent count."""
        if self.cases is not plan and self.process.stdin is not None:
            self.process.stdin.write(plan.encoded)
            self.cases = plan
            self.unacknowledged_cases += 1

    async def await_cases(self, seconds: float) -> None:
        """Wait until the child says it decoded the cases (before any candidate code exists)."""
        while self.unacknowledged_cases:
            async with asyncio.timeout(seconds):
                line = await self.reports.readline()
            if line != CASES_LINE:
                raise ChildDied
            self.unacknowledged_cases -= 1

    def kill(self) -> None:
        """Kill the child's whole process group now (synchronous, safe in `finally`)."""
        self.killed_by_us = True
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)

    async def dispose(self) -> None:
        """Kill, reap and close pipes (the child's private tmp vanished with it)."""
        self.kill()
        with contextlib.suppress(Exception):
            async with asyncio.timeout(5):
                await self.process.wait()
        if self.drain_task is not None:
            self.drain_task.cancel()
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await self.drain_task
        self.report_transport.close()


async def _drain(stream: asyncio.StreamReader, sink: bytearray, cap: int) -> None:
    """Read everything the child writes to stdout/stderr, keeping only the first `cap` bytes."""
    while chunk := await stream.read(65536):
        if len(sink) < cap:
            sink.extend(chunk[: cap - len(sink)])


def _widen(stdin: asyncio.StreamWriter | None) -> None:
    """Best effort: a 1 MiB stdin pipe takes a large job in one write instead of sixteen."""
    pipe = stdin.get_extra_info("pipe") if stdin is not None else None
    if pipe is not None:
        with contextlib.suppress(OSError, ValueError):
            fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, STDIN_PIPE_BYTES)


async def spawn(limits: Limits | None = None) -> Child:
    """Start a child that imports its harness and waits for a job (no candidate code yet)."""
    limits = limits or Limits()
    setup = child_setup()
    read_fd, write_fd = os.pipe()
    environment = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "TMPDIR": "/tmp", "LANG": "C.UTF-8"}
    uid, gid = setup.user or (os.geteuid(), os.getegid())
    arguments = (write_fd, os.getpid(), uid, gid, limits.disk_bytes)
    try:
        process = await asyncio.create_subprocess_exec(
            setup.interpreter,
            *INTERPRETER_FLAGS,
            "-c",
            harness_source(),
            *(str(argument) for argument in arguments),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            pass_fds=(write_fd,),
            env=environment,
            cwd="/",
            start_new_session=True,
        )
    except BaseException:
        os.close(read_fd)
        raise
    finally:
        os.close(write_fd)
    _widen(process.stdin)
    loop = asyncio.get_running_loop()
    reports = asyncio.StreamReader(limit=RESULT_LINE_LIMIT)
    transport, _ = await loop.connect_read_pipe(
        lambda: asyncio.StreamReaderProtocol(reports), os.fdopen(read_fd, "rb", buffering=0)
    )
    child = Child(process, reports, transport, setup)
    assert process.stdout is not None
    child.drain_task = asyncio.create_task(
        _drain(process.stdout, child.output, limits.output_bytes)
    )
    try:
        async with asyncio.timeout(limits.startup_seconds):
            waiting = await reports.readline()
    except BaseException:
        await child.dispose()
        raise
    try:
        message = json.loads(waiting)
        if message.get("event") != "waiting":
            raise ValueError(waiting[:80])
    except (ValueError, AttributeError):
        await child.dispose()
        detail = child.output.decode("utf-8", "replace").strip()[-300:]
        raise MockloopError(
            f"The sandbox interpreter {setup.interpreter} did not start. {detail}"
        ) from None
    child.notes = [str(note) for note in message.get("isolation", [])]
    return child


def _died(child: Child, returncode: int | None) -> tuple[CaseStatus, str]:
    """Classify how a child that stopped reporting ended (None: it was still running)."""
    if returncode is None:
        return "crashed", "the code closed the result channel and kept running, so it was killed"
    if returncode is not None and returncode < 0:
        number = -returncode
        if number == signal.SIGXCPU:
            return "timeout", "CPU time limit exceeded"
        if number == signal.SIGKILL and not child.killed_by_us:
            return "memory", "killed by the system (probably out of memory)"
        name = SIGNAL_NAMES.get(signal.Signals(number), f"signal {number}")
        return "crashed", f"the interpreter crashed: {name}"
    return "crashed", f"the process exited (code {returncode}) before reporting, e.g. os._exit()"


async def _wait_briefly(child: Child, seconds: float) -> None:
    """Give a child that stopped reporting a moment to exit, so its exit code can be read."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            await child.process.wait()


def job_header(
    child: Child, problem: Problem, source: str, token: str, limits: Limits, cpu_seconds: int
) -> dict[str, Any]:
    """The job a child runs: who to run as, its limits, the code and its entry point."""
    return {
        "token": token,
        "user": list(child.setup.user) if child.setup.user else None,
        "limits": {
            "cpu_seconds": cpu_seconds,
            "memory_bytes": limits.memory_bytes,
            "file_bytes": limits.file_bytes,
            "open_files": limits.open_files,
        },
        "source": candidate_source(source),
        "entry_point": problem.entry_point,
        "kind": problem.kind,
        "what": "class" if problem.kind == "design" else "function",
    }


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

    async def next_report(seconds: float) -> bytes:
        remaining = min(seconds, total_deadline - time.perf_counter())
        async with asyncio.timeout(max(remaining, 0.001)):  # unlike wait_for, never eats a cancel
            line = await child.reports.readline()
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
            while verdict.next_case is not None:
                line = await next_report(per_case)
                now = time.perf_counter()
                case_ms = max(now - last - allowance, 0.0) * 1000
                if len(line) > THREAD_LINE_BYTES:
                    await asyncio.to_thread(_judge, verdict, line, case_ms)
                else:
                    _judge(verdict, line, case_ms)
                last = time.perf_counter()  # judging a large answer is not the next case's time
            await _decoded(verdict, await next_report(per_case), "done")
    except TimeoutError:
        child.kill()
        _stop(verdict, phase, "timeout", time.perf_counter() - last, "wall-clock limit exceeded")
    except Tampered as error:
        child.kill()
        reason = f"the result channel was tampered with ({error})"
        _stop(verdict, phase, "crashed", time.perf_counter() - last, reason)
    except ChildDied:
        await _wait_briefly(child, 1)
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


def _judge(verdict: Verdict, line: bytes, case_ms: float) -> None:
    """Decode one case report and judge it (in a thread when the report is large)."""
    verdict.record(verdict.decode(line, "case"), case_ms)


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


def tests_run_payload(result: RunResult, source: str) -> TestsRun:
    """The `tests_run` event payload for a run of `source`."""
    visible = [case for case in result.cases if case.visible]
    return TestsRun(
        digest=code_digest(source),
        status=result.status,
        passed=result.passed,
        total=result.total,
        visible_passed=sum(1 for case in visible if case.status == "passed"),
        visible_total=len(visible),
        cases=result.cases,
        message=result.message,
        duration_ms=result.duration_ms,
    )
