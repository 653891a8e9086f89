"""Store benchmark: append latency, the size of a 60-minute session, and history over 10,000.

Run: `.venv/bin/python bench/store.py`. Each row has a baseline measured in the same run.
Targets: p99 append <= 1 ms, a 60-minute session <= 1 MB, `history --json` <= 300 ms.
`history --json` over an empty database is the fixed cost every run pays (interpreter,
typer, which imports pydantic to coerce option values, the store), so the difference is
what 10,000 rows cost.
"""

from __future__ import annotations

import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from mockloop.clock import SimulatedClock
from mockloop.events import (
    CandidateSaid,
    Event,
    InterviewerSaid,
    ScorecardWritten,
    SessionEnded,
    SessionStarted,
    TestsRun,
)
from mockloop.results import CaseResult
from mockloop.session import Session
from mockloop.snapshots import SnapshotPolicy
from mockloop.store import Store
from mockloop.store.records import Record

APPENDS = 3000
SESSIONS = 10_000


def started(seed: int = 1) -> SessionStarted:
    """A plausible session setup."""
    return SessionStarted(
        company="Google",
        persona="google",
        level="senior",
        level_title="L5",
        problem="two-sum",
        rubric="coding",
        minutes=60,
        seed=seed,
        model="openai/gpt-4o-mini",
        starter="def two_sum(nums, target):\n    pass\n",
    )


def percentile(samples: list[float], fraction: float) -> float:
    """The sample at `fraction` of the sorted list."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def append_latency(folder: Path) -> tuple[list[float], list[float]]:
    """Milliseconds per Store.append, and per bare sqlite3 insert+commit (baseline)."""
    store = Store.open(folder / "latency.db")
    session = Session.start(started(), store, SimulatedClock())
    ours = []
    for number in range(APPENDS):
        event = Event(
            seq=number + 1, t=float(number), payload=CandidateSaid(text=f"message {number} " * 8)
        )
        begin = time.perf_counter()
        store.append(session.id, event)
        ours.append((time.perf_counter() - begin) * 1000)
    store.close()
    connection = sqlite3.connect(folder / "baseline.db", isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, payload TEXT)")
    baseline = []
    for number in range(APPENDS):
        begin = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO events VALUES (?, ?)", (number, "x" * 120))
        connection.execute("COMMIT")
        baseline.append((time.perf_counter() - begin) * 1000)
    connection.close()
    return ours, baseline


def solution(lines: int, chooser: random.Random) -> list[str]:
    """A 300-line Python file of plausible statements."""
    body = ["def solve(grid, queries):"]
    while len(body) < lines:
        name = chooser.choice(["total", "seen", "left", "right", "best", "window", "count"])
        body.append(f"    {name}_{len(body)} = helper({name}, grid[{len(body) % 17}])  # step")
    return body


def sixty_minutes(folder: Path) -> tuple[int, int, int, int]:
    """Simulate an hour of continuous editing; (db bytes, snapshots, zlib-only, raw bytes)."""
    chooser = random.Random(60)
    store = Store.open(folder / "hour.db")
    clock = SimulatedClock()
    session = Session.start(started(), store, clock)
    lines = solution(300, chooser)
    policy = SnapshotPolicy(idle_seconds=3.0)
    next_message, next_run = 90.0, 180.0
    while clock.now() < 3600:
        burst = chooser.uniform(2, 25)  # seconds of typing, ~4 keys a second
        end = clock.now() + burst
        while clock.now() < end:
            clock.advance(0.25)
            row = chooser.randrange(1, len(lines))
            lines[row] = lines[row][:-1] + chooser.choice("abcxyz()+-1 ")
            policy.edited(clock.now())
        clock.advance(chooser.uniform(0.5, 8))  # a pause to think
        code = "\n".join(lines) + "\n"
        if policy.due(clock.now()):
            session.snapshot(code, "idle")
            policy.saved()
        if clock.now() >= next_message:
            session.snapshot(code, "message")
            session.append(CandidateSaid(text="I think the window can shrink from the left here."))
            session.append(
                InterviewerSaid(text="Why is that safe?", intent="probe", engine="offline")
            )
            next_message += 90
        if clock.now() >= next_run:
            session.snapshot(code, "run")
            cases = [CaseResult(name=f"case {n}", status="passed", ms=0.4) for n in range(25)]
            session.append(
                TestsRun(
                    digest=session.state.code_digest,
                    status="passed",
                    passed=25,
                    total=25,
                    visible_passed=3,
                    visible_total=3,
                    cases=cases,
                    message="25/25 passed",
                    duration_ms=30.0,
                )
            )
            next_run += 180
    session.append(SessionEnded(reason="time"))
    store.close()
    snapshots = [event.payload for event in session.events if event.kind == "code_snapshot"]
    codes = {payload.digest: payload.code for payload in snapshots}  # type: ignore[union-attr]
    zlib_only = sum(len(zlib.compress(code.encode(), 9)) for code in codes.values())
    raw = sum(len(code.encode()) for code in codes.values())
    size = sum(path.stat().st_size for path in folder.glob("hour.db*"))
    return size, len(snapshots), zlib_only, raw


Timing = tuple[float, float]
"""Median (wall, CPU) milliseconds of one command."""


def history_time(folder: Path) -> tuple[Timing, Timing, Timing, float]:
    """`history --json` over 10,000 sessions, over none (same imports and CLI parsing: the
    fixed cost) and `--help`, as median (wall, CPU) ms of 9 interleaved runs; and the
    in-process `Store.history()` time."""
    store = Store.open(folder / "mockloop.db")
    database = store._database
    assert database is not None
    records = []
    for number in range(SESSIONS):
        session_id = f"s{number:06d}"
        day = f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}T10:{number % 60:02d}:00+00:00"
        score = ScorecardWritten(
            path="r.md", verdict="Hire", score=3.0, dimensions={"coding": 3.0}, judge="offline"
        )
        for seq, payload in enumerate([started(number), SessionEnded(reason="time"), score]):
            records.append(Record(session_id, Event(seq=seq, t=seq * 60.0, payload=payload), day))
    database.write(records)
    begin = time.perf_counter()
    store.history()
    in_process = (time.perf_counter() - begin) * 1000
    store.close()
    empty = folder / "empty"
    Store.open(empty / "mockloop.db").close()
    runs = {
        "full": ({**os.environ, "MOCKLOOP_HOME": str(folder)}, ("history", "--json")),
        "empty": ({**os.environ, "MOCKLOOP_HOME": str(empty)}, ("history", "--json")),
        "help": ({**os.environ, "MOCKLOOP_HOME": str(empty)}, ("--help",)),
    }
    wall: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(9):
        for name, (environment, arguments) in runs.items():
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            begin = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "mockloop", *arguments],
                env=environment,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            wall[name].append((time.perf_counter() - begin) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            spent = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime
            cpu[name].append(spent * 1000)
    medians = {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in runs}
    return medians["full"], medians["empty"], medians["help"], in_process


def main() -> None:
    """Run the three measurements and print the table."""
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        ours, baseline = append_latency(folder)
        size, snapshots, zlib_only, raw = sixty_minutes(folder)
        history_ms, empty_ms, help_ms, in_process_ms = history_time(folder)
    rows = [
        ("append p50 (Store.append)", f"{percentile(ours, 0.5):.3f} ms",
         f"{percentile(baseline, 0.5):.3f} ms bare INSERT+COMMIT", "-"),
        ("append p99 (Store.append)", f"{percentile(ours, 0.99):.3f} ms",
         f"{percentile(baseline, 0.99):.3f} ms bare INSERT+COMMIT", "<= 1 ms"),
        (f"60-min session db ({snapshots} snapshots)", f"{size / 1024:.0f} KiB",
         f"code alone: {zlib_only / 1024:.0f} KiB zlib, {raw / 1024:.0f} KiB raw", "<= 1 MB"),
        (f"history --json, {SESSIONS:,} sessions", f"{history_ms[0]:.0f} ms",
         f"{empty_ms[0]:.0f} ms over 0 sessions; {help_ms[0]:.0f} ms --help", "<= 300 ms"),
        ("  same, CPU time (less load-sensitive)", f"{history_ms[1]:.0f} ms",
         f"{empty_ms[1]:.0f} ms over 0 sessions; {help_ms[1]:.0f} ms --help", "-"),
        ("  Store.history() in process (models)", f"{in_process_ms:.0f} ms", "-", "-"),
    ]  # fmt: skip
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    header = ("measure", "MockLoop", "baseline (same run)", "target")
    widths = [max(width, len(title)) for width, title in zip(widths, header, strict=True)]
    for row in (header, tuple("-" * width for width in widths), *rows):
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
