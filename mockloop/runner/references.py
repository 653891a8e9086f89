"""Runs a problem's reference solution in the sandbox to get its generated cases' answers.

A pack's `solution.py` is code like a candidate's, and a user pack's may be anyone's: it
runs in a confined child with the candidate's limits (and ten times the case time), so a
reference that loops, exits, reads files or returns a set is one clear error naming the
problem, never a hang, a traceback or a silent exit. The expected values come back as plain
JSON values, exactly as `plan_for` would have stored them.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import marshal
import math
import secrets
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from mockloop.errors import MockloopError
from mockloop.models import Problem
from mockloop.runner.bounds import clean_text
from mockloop.runner.child import Child, ChildDied, StrayReport, job_header, next_report, spawn
from mockloop.runner.isolation import Limits
from mockloop.runner.verdict import first_line, frame

REFERENCE_TIME_FACTOR = 10


class ReferenceFailed(MockloopError):
    """The reference solution of a problem could not produce an expected value."""


def reference_values(problem: Problem, argument_lists: list[list[Any]]) -> list[Any]:
    """The reference's answer for each argument list, run in a sandbox child (blocking)."""
    work = _reference_values(problem, argument_lists)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(work)
    with ThreadPoolExecutor(1) as pool:  # called from a thread whose loop is running
        return pool.submit(asyncio.run, work).result()


async def _reference_values(problem: Problem, argument_lists: list[list[Any]]) -> list[Any]:
    limits = Limits()
    label = f"problem '{problem.slug}': its reference solution"
    time_limit_ms = problem.time_limit_ms * REFERENCE_TIME_FACTOR
    per_case = limits.case_deadline(time_limit_ms)
    cpu_seconds = math.ceil((len(argument_lists) + 1) * per_case) + 1
    token = secrets.token_hex(16)
    cases = [
        {"name": f"generated-{index}", "args": arguments, "visible": False}
        for index, arguments in enumerate(argument_lists)
    ]
    child = await spawn(limits)
    try:
        stdin = child.process.stdin
        assert stdin is not None
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            stdin.write(frame(marshal.dumps(json.loads(json.dumps(cases)))))
            child.unacknowledged_cases = 1
        await child.await_cases(limits.startup_seconds)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            header = job_header(child, problem, problem.solution, token, limits, cpu_seconds)
            stdin.write(frame(marshal.dumps(header)))
            await stdin.drain()
            stdin.close()
        return await _read_values(child, token, len(cases), per_case, label, limits)
    except TimeoutError:
        raise ReferenceFailed(
            f"{label} took longer than {per_case:.1f} s on one generated case."
        ) from None
    except ChildDied:
        raise ReferenceFailed(f"{label} stopped before it reported (e.g. os._exit).") from None
    finally:
        await child.dispose()


async def _read_values(
    child: Child, token: str, count: int, per_case: float, label: str, limits: Limits
) -> list[Any]:
    async def report(event: str, seconds: float) -> dict[str, Any]:
        try:
            async with asyncio.timeout(seconds):
                return await next_report(child, token, event)
        except StrayReport as stray:
            raise ReferenceFailed(f"{label} {stray}.") from None

    await report("ready", limits.startup_seconds)
    loaded = await report("loaded", per_case)
    if loaded["event"] == "load_error":
        error = clean_text(first_line(str(loaded.get("error", ""))))
        raise ReferenceFailed(f"{label} could not be loaded: {error}")
    values = []
    for index in range(count):
        message = await report("case", per_case)
        if message.get("status") != "ok":
            error = clean_text(first_line(str(message.get("error", ""))))
            raise ReferenceFailed(f"{label} failed on generated case {index + 1}: {error}")
        values.append(message.get("value"))
    return values


TRUSTED_FILES = ("cases.py", "checker.py")


def _problem_folders(path: Path) -> list[Path]:
    if path.name == "problem.yaml":
        return [path.parent]
    if (path / "problem.yaml").is_file():
        return [path]
    return sorted(found.parent for found in path.glob("**/problem.yaml"))


def audit_references(path: Path) -> tuple[list[str], list[str]]:
    """Run each problem's reference under `path` in the sandbox against its own cases.

    Returns (errors, warnings): a reference that fails one of its cases is an error; a
    `cases.py` or `checker.py`, which run unsandboxed, is a warning that the pack is code.
    """
    from mockloop.catalog import load_problem
    from mockloop.runner.sandbox import run_code_sync

    errors: list[str] = []
    warnings: list[str] = []
    for folder in _problem_folders(path):
        problem = load_problem(folder)
        trusted = [name for name in TRUSTED_FILES if (folder / name).is_file()]
        if trusted:
            warnings.append(
                f"{folder}: {' and '.join(trusted)} run unsandboxed, as you, whenever MockLoop "
                "builds or checks this problem's cases: use packs only from people you trust."
            )
        try:
            result = run_code_sync(problem, problem.solution)
        except ReferenceFailed as error:
            errors.append(f"{folder}: {error.message}")
            continue
        if result.status != "passed":
            errors.append(
                f"{folder}: the reference solution (solution.py) does not pass its own cases. "
                f"{result.message}"
            )
    return errors, warnings
