"""Startup and responsiveness of the interview UI.

1. Time to first frame in a pseudo-terminal (120x40): from launching the command until the
   problem title is in what it has written (escape sequences stripped), read as the bytes
   arrive, so no polling process competes for the CPU. Compared in the same run with a bare
   Textual app drawing the same widget tree from stock widgets (same texts, same layout,
   same footer keys, none of MockLoop's code) and with `python -c pass`; medians of 10,
   interleaved, after one warm-up each. Target: mockloop <= 1.15x the bare app. A second
   mockloop row waits for the interviewer's greeting (target <= 1.5x the bare app's first
   frame): the launcher's child puts it on the cover, so the first frame shows it, while the
   session and the interviewer load behind it.
2. Event-loop lag of the real interview screen (headless, real store, runner and offline
   interviewer) while the candidate types (20 edits/s, idle snapshots saved to SQLite), the
   interviewer streams a reply (50 chunks/s) and the sandbox runs the tests: a probe task
   sleeps 5 ms at a time and records how late it wakes; three runs pooled. Target: p99 <=
   50 ms.

Every command runs with Python's bytecode cache on (in a temporary PYTHONPYCACHEPREFIX,
filled by the warm-up), as an installed wheel has it; `--no-bytecode` runs them with
PYTHONDONTWRITEBYTECODE=1 instead, so MockLoop's own modules are compiled on every launch
(the bare app's imports are all precompiled in site-packages either way).

Run: `.venv/bin/python bench/startup.py [--no-bytecode]`, or `--lag` for the lag table alone.
`bench/startup.py bare` runs the bare app on its own (that is how the benchmark launches it).
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TITLE = "Two Sum ·"
ROUNDS = 10
COLUMNS, LINES = 120, 40
# What `mockloop start --company google --level senior --problem two-sum` shows first,
# copied here so that the baseline imports nothing of MockLoop.
STATEMENT = """\
You are given a list of integers `nums` and an integer `target`. Exactly one pair of
different positions `i < j` holds values that add up to `target`.

Return that pair of positions as `[i, j]`, smaller index first.

- `2 <= len(nums) <= 100_000`
- values and `target` fit in a 64-bit signed integer
- the same position may not be used twice

`def two_sum(nums: list[int], target: int) -> list[int]`

- `two_sum([3, 8, 11, 4], 12)` → `[1, 3]`
- `two_sum([5, 5], 10)` → `[0, 1]`"""
STARTER = """\
def two_sum(nums: list[int], target: int) -> list[int]:
    # Return [i, j] with i < j and nums[i] + nums[j] == target.
    pass
"""
BARE_CSS = """
#header { height: 1; dock: top; background: $panel; }
#header > Static { width: auto; padding: 0 1; }
#header #activity { width: 1fr; }
#left { width: 3fr; min-width: 40; }
#problem { height: auto; padding: 0; margin: 0; border: none; }
#problem VerticalScroll { height: auto; max-height: 12; }
#editor { height: 1fr; min-height: 5; border: round $primary; }
#results { display: none; height: 12; }
#chat { width: 2fr; min-width: 30; border-left: vkey $panel-lighten-2; }
#transcript { height: 1fr; padding: 0 1; }
#message { dock: bottom; }
"""


def run_bare_app() -> None:
    """The baseline for startup: the interview's first frame from stock Textual widgets."""
    bare_app().run()


def bare_app() -> App[None]:
    """A Textual app with the interview screen's widgets, texts and layout, and no MockLoop."""
    from rich.markdown import Markdown as RichMarkdown
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.widgets import Collapsible, Footer, Input, Static, TextArea

    class Bare(App[None]):
        CSS = BARE_CSS
        BINDINGS = [
            Binding("f5", "bell", "Run tests"),
            Binding("f6", "bell", "Editor/Chat"),
            Binding("f10", "bell", "End"),
            Binding("ctrl+q", "quit", "Quit (resume later)"),
        ]

        def compose(self) -> ComposeResult:
            with Horizontal(id="header"):
                yield Static("Maya Lindqvist · Google", id="who")
                yield Static("L5 (senior)", id="level")
                yield Static("Phase: Introduction", id="phase")
                yield Static("", id="activity")
                yield Static("⏱ 45:00", id="timer")
            with Horizontal():
                with Vertical(id="left"):
                    yield Collapsible(
                        VerticalScroll(Static(RichMarkdown(STATEMENT))),
                        title="Two Sum · easy",
                        collapsed=False,
                        id="problem",
                    )
                    yield TextArea.code_editor(STARTER, language="python", id="editor")
                    with Vertical(id="results"), VerticalScroll():
                        yield Static("")
                with Vertical(id="chat"):
                    yield VerticalScroll(id="transcript")
                    yield Input(placeholder="Message — Enter sends", id="message")
            yield Footer()

    return Bare()


# Control sequences in what a Textual app writes: CSI, OSC, DCS, charset and keypad modes.
ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1bP[^\x1b]*\x1b\\"
    rb"|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)


def first_frame(argv: list[str], env: dict[str, str], marker: str) -> float:
    """Seconds from launching `argv` on a fresh pseudo-terminal until it has written `marker`."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    written = b""
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 30)
            chunk = os.read(master, 1 << 16) if ready else b""
            if not chunk:
                tail = ESCAPES.sub(b"", written)[-800:].decode("utf-8", "replace")
                raise TimeoutError(f"{marker!r} never appeared for {argv}:\n{tail}")
            written += chunk
            if marker in ESCAPES.sub(b"", written).decode("utf-8", "replace"):
                return time.perf_counter() - started
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)
        time.sleep(0.3)  # let the old processes finish dying before the next launch


def greeting_marker() -> str:
    """The first words of the greeting `mockloop start` shows (the offline interviewer, seed 1)."""
    sys.path.insert(0, str(ROOT))
    from mockloop.clock import SimulatedClock
    from mockloop.engine.factory import make_interviewer
    from mockloop.interviews import catalog as default_catalog
    from mockloop.planning import plan_interview
    from mockloop.session import MemorySink, Session

    plan = plan_interview(default_catalog(), "google", "senior", problem_slug="two-sum", seed=1)
    session = Session.start(plan.started, MemorySink(), SimulatedClock())
    interviewer = make_interviewer(plan.persona, plan.pack, plan.rubric, plan.started)

    async def greeting() -> str:
        return "".join([chunk async for chunk in interviewer.respond(session, session.events[0])])

    words = asyncio.run(greeting()).replace("*", "").replace("`", "").split()
    return " ".join(words[:3])


def startup_table(bytecode: bool = True) -> None:
    """Measure and print time to first frame for the commands."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(MOCKLOOP_HOME=tempfile.mkdtemp(prefix="mockloop-bench-"), TERM="xterm-256color")
    if bytecode:
        env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="mockloop-bench-pyc-")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    start = [
        str(Path(PYTHON).with_name("mockloop")),
        *("start", "--company", "google", "--level", "senior", "--problem", "two-sum"),
        *("--seed", "1"),
    ]
    behavioral = [
        str(Path(PYTHON).with_name("mockloop")),
        *("start", "--company", "amazon", "--level", "senior", "--focus", "behavioral"),
        *("--seed", "1"),
    ]
    commands = {
        "mockloop start: first frame": (start, TITLE),
        "mockloop start --focus behavioral: first frame": (behavioral, "Competency:"),
        "mockloop start: greeting shown": (start, greeting_marker()),
        "bare Textual app, same widgets": ([PYTHON, str(Path(__file__)), "bare"], TITLE),
        "python -c pass": ([PYTHON, "-c", "print('PYTHON-DONE')"], "PYTHON-DONE"),
    }
    timings: dict[str, list[float]] = {name: [] for name in commands}
    for argv, marker in commands.values():
        first_frame(argv, env, marker)  # warm-up: bytecode and disk caches
    for _ in range(ROUNDS):
        for name, (argv, marker) in commands.items():
            timings[name].append(first_frame(argv, env, marker))
    bare = statistics.median(timings["bare Textual app, same widgets"])
    mode = "bytecode cached" if bytecode else "no bytecode cache: sources compiled each launch"
    print(f"Time to first frame (pty {COLUMNS}x{LINES}, median of {ROUNDS}, same run, {mode})\n")
    print("| command | median ms | min ms | max ms | vs bare app |")
    print("|---|---:|---:|---:|---:|")
    for name, values in timings.items():
        median = statistics.median(values)
        print(
            f"| {name} | {median * 1000:.0f} | {min(values) * 1000:.0f} | "
            f"{max(values) * 1000:.0f} | {median / bare:.2f}x |"
        )
    print()


STEPS: dict[str, list[float]] = {}
"""CPU milliseconds of each event-loop step (one callback) while a probe runs, by phase: the
work on the loop itself, which other processes on a loaded machine inflate far less than
they inflate the lag."""


class Probe:
    """Sleeps 5 ms at a time on the event loop and records how late it wakes, per phase; and
    the CPU time of every step the loop runs meanwhile (in STEPS)."""

    def __init__(self, phase: str) -> None:
        self.phase = phase
        self.samples: dict[str, list[float]] = {}
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._run_step = asyncio.events.Handle._run

    def start(self) -> None:
        """Begin probing (call inside the running loop)."""
        self._task = asyncio.create_task(self._run())
        run_step, probe = self._run_step, self

        def timed(handle: asyncio.events.Handle) -> None:
            began = time.thread_time()
            run_step(handle)
            STEPS.setdefault(probe.phase, []).append((time.thread_time() - began) * 1000)

        asyncio.events.Handle._run = timed  # type: ignore[method-assign]

    async def stop(self) -> None:
        """Stop probing and wait for the last sample."""
        self._stop.set()
        if self._task is not None:
            await self._task
        asyncio.events.Handle._run = self._run_step  # type: ignore[method-assign]

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while not self._stop.is_set():
            before = loop.time()
            await asyncio.sleep(0.005)
            late = (loop.time() - before - 0.005) * 1000
            self.samples.setdefault(self.phase, []).append(late)


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the sorted samples fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def lag_scenarios() -> list[tuple[str, list[float]]]:
    """Probe the event loop of the real interview screen, idle and under load."""
    os.environ["MOCKLOOP_HOME"] = tempfile.mkdtemp(prefix="mockloop-lag-")
    sys.path.insert(0, str(ROOT))
    from mockloop.clock import WallClock
    from mockloop.collector import keep_loaded_objects
    from mockloop.conductor import Conductor, Round, Services
    from mockloop.engine.factory import make_interviewer
    from mockloop.interviews import catalog as default_catalog
    from mockloop.planning import plan_interview
    from mockloop.runner.sandbox import run_code
    from mockloop.session import Session
    from mockloop.snapshots import SnapshotPolicy
    from mockloop.store import Store
    from mockloop.tui.app import InterviewApp
    from mockloop.tui.context import Interview
    from mockloop.tui.screens.interview import InterviewScreen
    from mockloop.tui.widgets.chat import ChatPanel

    plan = plan_interview(default_catalog(), "google", "senior", problem_slug="two-sum", seed=1)
    store = Store.open()
    session = Session.start(plan.started, store, WallClock())
    round_ = Round(plan.kind, plan.persona, plan.pack, plan.rubric)
    interview = Interview(
        conductor=Conductor(session, round_, policy=SnapshotPolicy(idle_seconds=0.0)),
        connect=lambda: Services(
            interviewer=make_interviewer(
                plan.persona, plan.pack, plan.rubric, plan.started, chunk_delay=0.02
            ),
            run_tests=run_code,
        ),
        durable=store.sync,
    )
    probe = Probe(LAG_PHASES[0])
    app = InterviewApp(interview)
    keep_loaded_objects()  # as `mockloop start` does before running the app
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        keep_loaded_objects()  # as the services loader does once the imports are done
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        await asyncio.sleep(1.0)  # the runner's warm-up builds the cases in a thread meanwhile
        probe.start()
        for name in LAG_PHASES:
            probe.phase = name
            for round_number in range(4):
                if name == "idle":
                    await asyncio.sleep(0.5)
                elif name.startswith("typing"):
                    for line in range(20):
                        assert screen.editor is not None
                        screen.editor.insert(f"\nx{round_number}_{line} = {line}")
                        await asyncio.sleep(0.05)  # a fast typist: 20 edits a second
                    screen._second()  # the 1 s timer: idle snapshot to SQLite, header
                elif name.startswith("interviewer"):
                    screen.post_message(ChatPanel.MessageSent("Can the numbers be negative?"))
                else:
                    await pilot.press("f5")
                await app.workers.wait_for_complete()
                await pilot.pause()
        await probe.stop()
        await pilot.press("ctrl+q")
    store.close()
    return [(name, probe.samples.get(name, [])) for name in LAG_PHASES]


LAG_PHASES = (
    "idle",
    "typing + idle snapshots (SQLite)",
    "interviewer reply streaming",
    "sandbox test run (F5)",
)


async def bare_lag() -> list[float]:
    """The same probe in the bare app, while a message is added and a reply streams in.

    Stock Textual usage: the transcript starts with the greeting (which presents the
    statement, as the offline interviewer's does), then each round adds a Static for the
    candidate's question and a Markdown written chunk by chunk through `Markdown.get_stream`
    at 50 chunks a second with the offline interviewer's answer (four chunks); four rounds,
    as in the interview's "interviewer reply streaming" scenario. This is what Textual
    itself costs for it on this machine.
    """
    from textual.containers import VerticalScroll
    from textual.widgets import Markdown, Static

    reply = ["Fair question. ", "Yes, values can be negative, ", "and so can ", "the target."]
    probe = Probe("bare")
    app = bare_app()
    async with app.run_test(size=(COLUMNS, LINES)) as pilot:
        await pilot.pause()
        transcript = app.query_one("#transcript", VerticalScroll)
        transcript.anchor()
        await transcript.mount(Markdown(f"Hi, I'm Maya. Here's the problem.\n\n{STATEMENT}"))
        await pilot.pause()
        probe.start()
        for _ in range(4):
            await transcript.mount(Static("You\nCan the numbers be negative?"))
            body = Markdown()
            await transcript.mount(body)
            stream = Markdown.get_stream(body)
            for chunk in reply:
                await stream.write(chunk)
                await asyncio.sleep(0.02)
            await stream.stop()
            await pilot.pause()
        await probe.stop()
    return probe.samples.get("bare", [])


async def design_lag(highlight: bool = True) -> list[float]:
    """Typing in the system design round's notes pane: 300 lines of Markdown notes typed in
    at 20 edits a second, with idle snapshots to SQLite and the interviewer reading the
    notes (coverage and estimates) on each message (target p99 <= 50 ms). Without
    `highlight` the notes are plain text, to show what Markdown highlighting costs."""
    sys.path.insert(0, str(ROOT / "bench"))
    from engine import design_notes

    from mockloop.clock import WallClock
    from mockloop.collector import keep_loaded_objects
    from mockloop.conductor import Conductor, Round, Services
    from mockloop.interviews import catalog as default_catalog
    from mockloop.planning import plan_interview
    from mockloop.session import Session
    from mockloop.snapshots import SnapshotPolicy
    from mockloop.store import Store
    from mockloop.tui.app import InterviewApp
    from mockloop.tui.context import Interview
    from mockloop.tui.screens.interview import InterviewScreen
    from mockloop.tui.widgets.chat import ChatPanel

    os.environ.setdefault("MOCKLOOP_HOME", tempfile.mkdtemp(prefix="mockloop-lag-"))
    plan = plan_interview(
        default_catalog(), "google", "staff", focus="system-design", problem_slug="url-shortener"
    )
    store = Store.open()
    session = Session.start(plan.started, store, WallClock())
    kind = plan.kind
    interview = Interview(
        conductor=Conductor(
            session,
            Round(kind, plan.persona, plan.pack, plan.rubric),
            policy=SnapshotPolicy(idle_seconds=0.0),
        ),
        connect=lambda: Services(
            interviewer=kind.interviewer(plan.persona, plan.pack, plan.rubric)
        ),
        durable=store.sync,
    )
    lines = design_notes(300).splitlines()
    probe = Probe("design" if highlight else "plain")
    app = InterviewApp(interview)
    keep_loaded_objects()  # as `mockloop start` does, and as lag_scenarios does
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        keep_loaded_objects()
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.editor is not None
        if not highlight:
            screen.editor.language = None
        screen.editor.text = "\n".join(lines[:240])
        probe.start()
        for round_number in range(3):
            for line in lines[240 + 20 * round_number : 260 + 20 * round_number]:
                screen.editor.insert("\n" + line)
                await asyncio.sleep(0.05)
            screen._second()
            screen.post_message(ChatPanel.MessageSent("That's the design so far."))
            await app.workers.wait_for_complete()
            await pilot.pause()
        await probe.stop()
        await pilot.press("ctrl+q")
    store.close()
    return probe.samples.get(probe.phase, [])


LAG_RUNS = 3


def lag_table() -> None:
    """Print the event-loop lag percentiles, pooled over LAG_RUNS runs of every scenario.

    One run has only ~100-400 samples per loaded scenario, so its p99 is one or two slow
    frames; pooling makes it a percentile. The worst single run's p99 is shown beside it.
    """
    pooled: dict[str, list[float]] = {}
    worst: dict[str, float] = {}
    steps: dict[str, list[float]] = {}
    baseline = "baseline: bare Textual app, a message and a streamed reply"
    design = "design notes: typing, snapshots, replies"
    plain = "design notes as plain text (no Markdown highlighting)"
    for _ in range(LAG_RUNS):
        STEPS.clear()
        runs = [*asyncio.run(lag_scenarios()), (baseline, asyncio.run(bare_lag()))]
        runs.append((design, asyncio.run(design_lag())))
        runs.append((plain, asyncio.run(design_lag(highlight=False))))
        phases = {baseline: "bare", design: "design", plain: "plain"}
        for name, values in runs:
            pooled.setdefault(name, []).extend(values)
            worst[name] = max(worst.get(name, 0.0), percentile(values, 0.99))
            steps.setdefault(name, []).extend(STEPS.get(phases.get(name, name), [0.0]))
    print(
        f"Event-loop lag of the interview screen (headless, 5 ms probe, {LAG_RUNS} runs pooled;\n"
        "step CPU: thread CPU time of each event-loop callback, which load inflates far less)\n"
    )
    print(
        "| scenario | samples | p50 ms | p99 ms | worst run's p99 ms | max ms "
        "| step CPU p99 ms | step CPU max ms |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, values in pooled.items():
        print(
            f"| {name} | {len(values)} | {percentile(values, 0.5):.1f} | "
            f"{percentile(values, 0.99):.1f} | {worst[name]:.1f} | {max(values):.1f} | "
            f"{percentile(steps[name], 0.99):.1f} | {max(steps[name]):.1f} |"
        )
    print()


if __name__ == "__main__":
    if sys.argv[1:] == ["bare"]:
        run_bare_app()
    elif sys.argv[1:] == ["--lag"]:
        lag_table()  # the event-loop lag table alone (with its bare-app baseline)
    else:
        startup_table(bytecode="--no-bytecode" not in sys.argv[1:])
        lag_table()
