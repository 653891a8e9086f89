"""Startup and responsiveness of the interview UI.

1. Time to first frame, in tmux at a fixed 120x40 window: from launching the command until the
   problem title is on screen (polling `tmux capture-pane`). Compared in the same run with a
   bare Textual app holding the same widgets and with `python -c pass`; medians of 10,
   interleaved, after one warm-up each. Target: mockloop <= 1.15x the bare app.
2. Event-loop lag of the real interview screen (headless, real store, runner and offline
   interviewer) while the candidate types (20 edits/s, idle snapshots saved to SQLite), the
   interviewer streams a reply (50 chunks/s) and the sandbox runs the tests: a probe task
   sleeps 5 ms at a time and records how late it wakes. Target: p99 <= 50 ms.

Every command runs with Python's bytecode cache on (in a temporary PYTHONPYCACHEPREFIX,
filled by the warm-up), as an installed wheel has it; `--no-bytecode` runs them with
PYTHONDONTWRITEBYTECODE=1 instead, so MockLoop's own ~40 modules are compiled on every
launch (the bare app's imports are all precompiled in site-packages either way).

Run: `.venv/bin/python bench/startup.py [--no-bytecode]` (needs tmux). `bench/startup.py
bare` runs the bare app on its own (that is how the benchmark launches it).
"""

from __future__ import annotations

import asyncio
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SESSION = "mockloop-bench"
TITLE = "Two Sum ·"
ROUNDS = 10
STATEMENT = (
    "You are given a list of integers `nums` and an integer `target`. Exactly one pair of "
    "different positions `i < j` holds values that add up to `target`.\n\n"
    "Return that pair of positions as `[i, j]`, smaller index first."
)


def run_bare_app() -> None:
    """A bare Textual app with the interview's widgets: the baseline for startup."""
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.widgets import Collapsible, Footer, Input, Markdown, Static, TextArea

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Interviewer · Company  L5 (senior)  Phase: Introduction  45:00")
            with Horizontal():
                with Vertical():
                    yield Collapsible(VerticalScroll(Markdown(STATEMENT)), title="Two Sum · easy")
                    yield TextArea.code_editor(
                        "def two_sum(nums, target):\n    pass\n", language="python"
                    )
                with Vertical():
                    yield VerticalScroll(Markdown("Hello, let's begin."))
                    yield Input(placeholder="Message — Enter sends")
            yield Footer()

    Bare().run()


def tmux(*arguments: str) -> str:
    """Run a tmux command and return its output."""
    command = ["tmux", "-L", SESSION, *arguments]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return done.stdout


def first_frame(command: str, marker: str) -> float:
    """Seconds from launching `command` in the pane until `marker` is on screen."""
    started = time.perf_counter()
    tmux("respawn-pane", "-k", "-t", SESSION, command)
    while marker not in tmux("capture-pane", "-p", "-t", SESSION):
        if time.perf_counter() - started > 30:
            screen = tmux("capture-pane", "-p", "-t", SESSION)
            raise TimeoutError(f"{marker!r} never appeared for {command}:\n{screen}")
        time.sleep(0.005)
    elapsed = time.perf_counter() - started
    tmux("respawn-pane", "-k", "-t", SESSION, "sleep 1000")
    time.sleep(0.3)  # let the old process finish dying before the next launch
    return elapsed


def startup_table(bytecode: bool = True) -> None:
    """Measure and print time to first frame for the three commands."""
    home = tempfile.mkdtemp(prefix="mockloop-bench-")
    if bytecode:
        cache = tempfile.mkdtemp(prefix="mockloop-bench-pyc-")
        python_env = f"env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX={cache}"
    else:
        python_env = "env PYTHONDONTWRITEBYTECODE=1"
    mockloop = Path(PYTHON).with_name("mockloop")
    start = (
        f"{shlex.quote(str(mockloop))} start --company google --level senior "
        "--problem two-sum --seed 1"
    )
    commands = {
        "mockloop start": (f"{python_env} MOCKLOOP_HOME={home} {start}", TITLE),
        "bare Textual app, same widgets": (
            f"{python_env} {shlex.quote(PYTHON)} {shlex.quote(str(Path(__file__)))} bare",
            TITLE,
        ),
        "python -c pass": (
            f"{python_env} {shlex.quote(PYTHON)} -c pass; echo PYTHON-DONE; sleep 1000",
            "PYTHON-DONE",
        ),
    }
    if session_exists():
        tmux("kill-session", "-t", SESSION)
    tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", "sleep 1000")
    tmux("set-option", "-t", SESSION, "remain-on-exit", "on")
    timings: dict[str, list[float]] = {name: [] for name in commands}
    try:
        for command, marker in commands.values():
            first_frame(command, marker)  # warm-up: bytecode and disk caches
        for _ in range(ROUNDS):
            for name, (command, marker) in commands.items():
                timings[name].append(first_frame(command, marker))
    finally:
        tmux("kill-session", "-t", SESSION)
    bare = statistics.median(timings["bare Textual app, same widgets"])
    mode = "bytecode cached" if bytecode else "no bytecode cache: sources compiled each launch"
    print(f"Time to first frame (tmux 120x40, median of {ROUNDS}, same run, {mode})\n")
    print("| command | median ms | min ms | max ms | vs bare app |")
    print("|---|---:|---:|---:|---:|")
    for name, values in timings.items():
        median = statistics.median(values)
        print(
            f"| {name} | {median * 1000:.0f} | {min(values) * 1000:.0f} | "
            f"{max(values) * 1000:.0f} | {median / bare:.2f}x |"
        )
    print()


def session_exists() -> bool:
    """Whether a stale benchmark tmux session is still around."""
    return (
        subprocess.run(["tmux", "has-session", "-t", SESSION], capture_output=True).returncode == 0
    )


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the sorted samples fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def lag_scenarios() -> list[tuple[str, list[float]]]:
    """Probe the event loop of the real interview screen, idle and under load."""
    os.environ["MOCKLOOP_HOME"] = tempfile.mkdtemp(prefix="mockloop-lag-")
    sys.path.insert(0, str(ROOT))
    from mockloop.catalog import default_catalog
    from mockloop.clock import WallClock
    from mockloop.commands.interview import keep_loaded_objects
    from mockloop.engine.factory import make_interviewer
    from mockloop.planning import plan_interview
    from mockloop.runner.sandbox import run_code, tests_run_payload
    from mockloop.session import Session
    from mockloop.snapshots import SnapshotPolicy
    from mockloop.store import Store
    from mockloop.tui.app import InterviewApp
    from mockloop.tui.context import Interview, Services
    from mockloop.tui.screens.interview import InterviewScreen
    from mockloop.tui.widgets.chat import ChatPanel

    plan = plan_interview(default_catalog(), "google", "senior", problem_slug="two-sum", seed=1)
    store = Store.open()
    session = Session.start(plan.started, store, WallClock())
    interview = Interview(
        session=session,
        persona=plan.persona,
        problem=plan.problem,
        rubric=plan.rubric,
        connect=lambda: Services(
            interviewer=make_interviewer(
                plan.persona, plan.problem, plan.rubric, plan.started, chunk_delay=0.02
            ),
            run_tests=run_code,
            record_run=tests_run_payload,
        ),
        policy=SnapshotPolicy(idle_seconds=0.0),
        durable=store.sync,
    )
    samples: dict[str, list[float]] = {name: [] for name in LAG_PHASES}
    phase = ["idle"]
    stop = asyncio.Event()

    async def probe() -> None:
        loop = asyncio.get_running_loop()
        while not stop.is_set():
            before = loop.time()
            await asyncio.sleep(0.005)
            samples[phase[0]].append((loop.time() - before - 0.005) * 1000)

    app = InterviewApp(interview)
    keep_loaded_objects()  # as `mockloop start` does before running the app
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        keep_loaded_objects()  # as the services loader does once the imports are done
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        task = asyncio.create_task(probe())
        for name in LAG_PHASES:
            phase[0] = name
            for round_number in range(4):
                if name == "idle":
                    await asyncio.sleep(0.5)
                elif name.startswith("typing"):
                    for line in range(20):
                        screen.editor.insert(f"\nx{round_number}_{line} = {line}")
                        await asyncio.sleep(0.05)  # a fast typist: 20 edits a second
                    screen._second()  # the 1 s timer: idle snapshot to SQLite, header
                elif name.startswith("interviewer"):
                    screen.post_message(ChatPanel.MessageSent("Can the numbers be negative?"))
                else:
                    await pilot.press("f5")
                await app.workers.wait_for_complete()
                await pilot.pause()
        stop.set()
        await task
        await pilot.press("ctrl+q")
    store.close()
    return list(samples.items())


LAG_PHASES = (
    "idle",
    "typing + idle snapshots (SQLite)",
    "interviewer reply streaming",
    "sandbox test run (F5)",
)


def lag_table() -> None:
    """Print the event-loop lag percentiles."""
    print("Event-loop lag of the interview screen (headless, 5 ms probe)\n")
    print("| scenario | samples | p50 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    for name, values in asyncio.run(lag_scenarios()):
        print(
            f"| {name} | {len(values)} | {percentile(values, 0.5):.1f} | "
            f"{percentile(values, 0.99):.1f} | {max(values):.1f} |"
        )
    print()


if __name__ == "__main__":
    if sys.argv[1:] == ["bare"]:
        run_bare_app()
    else:
        startup_table(bytecode="--no-bytecode" not in sys.argv[1:])
        lag_table()
