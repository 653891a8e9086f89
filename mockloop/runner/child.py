"""Starts and disposes of one sandbox child: the process, its pipes and its job header.

The child is the interpreter with its spec's flags (`-I -S`) running `-c <confinement.py +
harness.py>` in its own session with a
minimal environment; it reports on a dedicated pipe whose other end this process reads, and
its stdout/stderr are drained concurrently with a cap. It writes only to its own private
tmpfs, so disposing of it leaves nothing on the host.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import os
import signal
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from mockloop.errors import MockloopError
from mockloop.languages import default_language
from mockloop.models import Problem
from mockloop.runner.isolation import ChildSetup, Limits, child_setup
from mockloop.runner.verdict import Plan

RESULT_LINE_LIMIT = 32 * 1024 * 1024
CASES_LINE = b'{"event": "cases"}\n'
STDIN_PIPE_BYTES = 1024 * 1024
# What is particular to the candidate's language comes from its spec (mockloop/languages/).
INTERPRETER_FLAGS = default_language().child_flags
CHILD_PROGRAM_FILES = default_language().child_program


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


class StrayReport(Exception):
    """A line on the result channel that is not the report expected next; the message says
    what was wrong ("wrote an unreadable report", ...), for the caller to word."""


async def next_report(child: Child, token: str, event: str) -> dict[str, Any]:
    """The child's next report, which must be `event` (or a load error) carrying `token`.

    Raises ChildDied when the channel closed, StrayReport when the line is not ours."""
    line = await child.reports.readline()
    if not line.endswith(b"\n"):
        raise ChildDied
    try:
        message = json.loads(line)
    except ValueError:
        raise StrayReport("wrote an unreadable report") from None
    if not isinstance(message, dict) or message.get("token") != token:
        raise StrayReport("wrote on the result channel")
    if message.get("event") not in (event, "load_error"):
        raise StrayReport(f"sent '{str(message.get('event'))[:40]}' out of turn")
    return message


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


async def wait_briefly(child: Child, seconds: float) -> None:
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
