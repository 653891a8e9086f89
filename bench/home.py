"""Home and Replay benchmark: first frame, the trends query, one replay step.

Run: `.venv/bin/python bench/home.py`. Each row has a baseline measured in the same run:
- Home's first frame over 1,000 sessions against a bare Textual app that draws the same
  stock widgets (same stylesheet, same table rows from a plain `SELECT`, same footer keys,
  same zebra stripes); target <= 1.15x. "First frame" is the first screen update the app
  hands its driver once the sessions table has its rows laid out (headless, so nothing is
  written). A second row times until the app is idle, which for Home includes the catalog
  and prep plan it loads in a worker after that frame.
- The trends query over 10,000 sessions (outcomes with markers and dimension scores, the
  stats and the trends folded from them) against the plain `history` rows and against the
  query it replaced (three seeks into each session's events); target <= 300 ms.
- One replay step on a 60-minute session (fold the log up to the event, update the code,
  chat, runs and position) against a bare app making the updates the replay made before
  (a changed snapshot replaced whole as one TextArea edit, chat and runs redrawn every
  step) with precomputed content; target <= 16 ms. "Until drawn" adds the screen refresh.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    Markdown,
    Select,
    Sparkline,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from mockloop.clock import SimulatedClock
from mockloop.events import (
    CandidateSaid,
    CodeSnapshot,
    Event,
    InterviewerSaid,
    ScorecardWritten,
    SessionEnded,
    SessionStarted,
    TestsRun,
)
from mockloop.results import CaseResult
from mockloop.session import MemorySink, Session, code_digest
from mockloop.store import Store
from mockloop.store.database import EventDatabase
from mockloop.store.records import Record

HOME_SESSIONS = 1_000
TREND_SESSIONS = 10_000
ROUNDS = 5
FRAME_ROUNDS = 11  # a start is noisy (±10% run to run); the median of 11 settles it
STYLESHEET = Path(__file__).parent.parent / "mockloop" / "tui" / "home" / "home.tcss"
DIMENSIONS = ("problem_solving", "coding", "verification", "communication")


def started(number: int) -> SessionStarted:
    """A session_started for one of four companies."""
    company = ("google", "meta", "amazon", "stripe")[number % 4]
    return SessionStarted(
        company=company.capitalize(),
        persona=company,
        level="senior",
        level_title="L5",
        focus="coding" if number % 5 else "behavioral",
        problem=("two-sum", "group-anagrams", "lru-cache")[number % 3],
        rubric="coding",
        minutes=45,
        seed=number,
        starter="def solve():\n    pass\n",
    )


def fill(path: Path, sessions: int) -> None:
    """`sessions` ended, scored sessions of 20 events each (chat, code, runs), one a day-ish."""
    chooser = random.Random(sessions)
    database = EventDatabase.open(path)
    records = []
    for number in range(sessions):
        session_id = f"s{number:06d}"
        day = f"20{20 + number // 3000:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        stamp = f"{day}T{number % 24:02d}:{number % 60:02d}:00+00:00"
        used = 600.0 if number % 50 == 0 else 2400.0
        payloads: list[Any] = [started(number)]
        for turn in range(6):
            payloads.append(CandidateSaid(text=f"Thinking about step {turn}."))
            code = f"def solve():\n    return {number}+{turn}\n"
            payloads.append(CodeSnapshot(digest=code_digest(code), code=code, reason="idle"))
        payloads.append(run_result(passed=number % 50 != 0))
        payloads.append(InterviewerSaid(text="Anything else?", intent="probe", engine="offline"))
        payloads.append(SessionEnded(reason="candidate"))
        scores = {name: round(chooser.uniform(1.0, 4.0), 2) for name in DIMENSIONS}
        payloads.append(
            ScorecardWritten(
                path="r.md", verdict="Hire", score=3.0, dimensions=scores, judge="offline"
            )
        )
        last = len(payloads) - 1
        for seq, payload in enumerate(payloads):
            t = used if seq >= last - 1 else used * seq / last
            records.append(Record(session_id, Event(seq=seq, t=t, payload=payload), stamp))
    database.write(records)
    database.close()


def run_result(passed: bool, cases: int = 3) -> TestsRun:
    """A run payload."""
    return TestsRun(
        digest="d",
        status="passed" if passed else "failed",
        passed=cases if passed else 0,
        total=cases,
        visible_passed=1,
        visible_total=1,
        cases=[CaseResult(name=f"case {n}", status="passed", ms=0.4) for n in range(cases)],
        message="",
        duration_ms=20.0,
    )


class BareHome(App[None]):
    """The baseline: Home's widgets from stock components, filled from a plain query."""

    CSS_PATH = STYLESHEET
    BINDINGS = [  # Home's keys, so the footer draws the same five
        Binding("n", "bell", "New interview"),
        Binding("s", "bell", "Sessions"),
        Binding("t", "bell", "Trends"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        """Header, tabs (table, sparklines, form), sidebar, footer."""
        yield Header()
        with Horizontal(id="home-body"):
            with Vertical(id="home-main"), TabbedContent(initial="sessions"):
                with TabPane("Sessions", id="sessions"):
                    with Horizontal(id="filters"):
                        yield Select[str]([("Google", "Google")], compact=True)
                        yield Select[str]([("coding", "coding")], compact=True)
                    yield DataTable[str](id="sessions-table", cursor_type="row", zebra_stripes=True)
                with TabPane("Trends", id="trends"), VerticalScroll():
                    for focus in ("behavioral", "coding"):
                        yield Label(focus, classes="trend-heading")
                        for name in DIMENSIONS:
                            with Horizontal(classes="trend-row"):
                                yield Label(name, classes="trend-name")
                                yield Sparkline([1.0, 2.0, 3.0], classes="trend-line")
                                yield Label("3.00", classes="trend-latest")
                                yield Label("+0.10", classes="trend-change")
                with TabPane("Start", id="start"), Vertical(id="start-form"):
                    for name in ("Company", "Level", "Round"):
                        yield Label(name)
                        yield Select[str]([], compact=True)
                    yield Input(compact=True)
                    yield Input(compact=True)
                    yield Button("Start interview", compact=True)
                    yield Static("")
            with VerticalScroll(id="prep"):
                yield Static("Prep plan", classes="sidebar-title")
                yield Markdown("Loading your prep plan…")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table with the same number of rows and cells."""
        table = self.query_one(DataTable)
        for name in ("Date", "Verdict", "Score", "Company", "Round", "Level", "Problem"):
            table.add_column(name, key=name)
        table.add_column("Time used", key="time")
        table.add_column("Note", key="note")
        for row in self.rows:
            table.add_row(*(str(cell) for cell in row[:-1]), "", key=str(row[-1]))
        table.sort("Date", reverse=True)


@dataclass(frozen=True)
class Frame:
    """Milliseconds from reading the data to the first frame with the table's rows, and to
    the app being idle (Home's deferred catalog and prep plan loaded)."""

    first: float
    idle: float


async def first_frame(make: Callable[[], App[Any]]) -> Frame:
    """Time one start of an app (headless, 120x36).

    Textual has no public "frame drawn" event; `App._display` is where every screen update
    is handed to the driver (a no-op when headless), so the bench wraps it on both apps alike.
    """
    begin = time.perf_counter()
    app = make()
    drawn: list[float] = []
    display = app._display

    def recording(screen: Screen[Any], renderable: Any) -> None:
        if renderable is not None and not drawn:
            tables = screen.query(DataTable)
            table = tables.first() if tables else None
            if table is not None and table.row_count and table.virtual_size.height > 1:
                drawn.append(time.perf_counter())
        display(screen, renderable)

    app._display = recording  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        idle = time.perf_counter()
        await app.workers.wait_for_complete()
    if not drawn:
        raise RuntimeError(f"{type(app).__name__} never drew its sessions table")
    return Frame((drawn[0] - begin) * 1000, (idle - begin) * 1000)


def home_app() -> App[Any]:
    """Home as `mockloop` opens it (outcomes read from the store)."""
    from mockloop.commands.home import default_sources
    from mockloop.tui.home.app import HomeApp

    return HomeApp(default_sources())


def bare_app(path: Path) -> Callable[[], App[Any]]:
    """The baseline, its rows from a plain query over the same database."""

    def make() -> App[Any]:
        database = EventDatabase.open(path)
        rows = database.connection.execute(
            "SELECT started_at, verdict, score, company, focus, level_title, problem, minutes, id "
            "FROM sessions ORDER BY started_at DESC"
        ).fetchall()
        database.close()
        return BareHome(rows)

    return make


def frames(folder: Path) -> tuple[Frame, Frame]:
    """Median first frame and idle ms of Home and of the baseline, interleaved."""
    os.environ["MOCKLOOP_HOME"] = str(folder)
    database = folder / "mockloop.db"
    fill(database, HOME_SESSIONS)
    home, bare = [], []
    asyncio.run(first_frame(home_app))  # warm both: imports and the catalog's files
    asyncio.run(first_frame(bare_app(database)))
    for _ in range(FRAME_ROUNDS):
        # Each start leaves garbage; without a collection first, the cyclic collector's
        # big passes fall on one app or the other in a pattern that skews a whole run.
        gc.collect()
        home.append(asyncio.run(first_frame(home_app)))
        gc.collect()
        bare.append(asyncio.run(first_frame(bare_app(database))))

    def median(frames: list[Frame]) -> Frame:
        return Frame(
            statistics.median(frame.first for frame in frames),
            statistics.median(frame.idle for frame in frames),
        )

    return median(home), median(bare)


PREVIOUS_OUTCOMES_SQL = """
SELECT s.id, s.started_at, s.company, s.persona, s.level, s.level_title, s.focus, s.problem,
       s.minutes, s.status, s.verdict, s.score,
       instr(opening.payload, '"simulated":true') > 0, last.t,
       CASE WHEN last.kind = 'scorecard_written' THEN last.payload END
FROM sessions s JOIN events opening ON opening.session_id = s.id AND opening.seq = 0
JOIN events last ON last.session_id = s.id
    AND last.seq = (SELECT max(seq) FROM events m WHERE m.session_id = s.id)
ORDER BY s.started_at DESC, s.id DESC
"""
"""The outcomes query before the outcome columns (migration m002): three seeks per session."""


def previous_query(path: Path) -> float:
    """Ms of the query the trends read before and its one parse of every scorecard (its
    other Python work, the passing-run search and building the tuples, is left out)."""
    database = EventDatabase.open(path)
    begin = time.perf_counter()
    rows = database.connection.execute(PREVIOUS_OUTCOMES_SQL).fetchall()
    json.loads("[" + ",".join(row[14] or "{}" for row in rows) + "]")
    spent = (time.perf_counter() - begin) * 1000
    database.close()
    return spent


def trends_query(folder: Path) -> tuple[float, float, float]:
    """Median ms over 10,000 sessions of outcomes + stats + trends, of the plain history
    rows, and of the previous outcomes query alone; interleaved."""
    from mockloop.progress.stats import compute_stats, trends
    from mockloop.store.database import SUMMARY_COLUMNS

    path = folder / "trends.db"
    fill(path, TREND_SESSIONS)
    store = Store.open(path)
    full, plain, previous = [], [], []
    for _ in range(ROUNDS):
        begin = time.perf_counter()
        outcomes = store.outcomes()
        compute_stats(outcomes)
        trends(outcomes)
        full.append((time.perf_counter() - begin) * 1000)
        begin = time.perf_counter()
        store.history_tuples(SUMMARY_COLUMNS.split(", "))
        plain.append((time.perf_counter() - begin) * 1000)
        previous.append(previous_query(path))
    store.close()
    return statistics.median(full), statistics.median(plain), statistics.median(previous)


def hour_log() -> list[Event]:
    """A 60-minute session: a 150-line file snapshotted every ~10 s, chat, runs."""
    chooser = random.Random(60)
    clock = SimulatedClock()
    session = Session.start(started(1), MemorySink(), clock)
    lines = ["def solve(grid, queries):"] + [
        f"    value_{n} = helper(grid[{n % 17}], queries)  # step {n}" for n in range(150)
    ]
    while clock.now() < 3600:
        clock.advance(chooser.uniform(5, 15))
        row = chooser.randrange(1, len(lines))
        lines[row] = lines[row] + chooser.choice("abc")
        session.snapshot("\n".join(lines) + "\n", "idle")
        if chooser.random() < 0.2:
            session.append(CandidateSaid(text="I think the window can shrink from the left."))
            session.append(InterviewerSaid(text="Why is that safe?", intent="probe", engine="x"))
        if chooser.random() < 0.05:
            session.append(run_result(passed=chooser.random() < 0.5, cases=25))
    session.append(SessionEnded(reason="time"))
    return session.events


def replace_all(editor: TextArea, code: str) -> None:
    """How the replay showed a changed snapshot before: the whole text replaced as one edit."""
    editor.replace(code, (0, 0), editor.document.end, maintain_selection_offset=False)
    editor.history.clear()


class BareReplay(App[None]):
    """The baseline: the updates the replay made before, with precomputed content."""

    def __init__(self, codes: list[str], chats: list[Group]) -> None:
        super().__init__()
        self.codes, self.chats = codes, chats

    def compose(self) -> ComposeResult:
        """Code, chat, runs, position."""
        yield Static("", id="position")
        with Horizontal():
            yield TextArea("", language="python", read_only=True)
            with Vertical():
                with VerticalScroll(id="scroll"):
                    yield Static("", id="chat")
                yield Static("", id="runs")

    def show(self, index: int) -> None:
        """A replay step as it was done before, without the fold."""
        editor = self.query_one(TextArea)
        if editor.text != self.codes[index]:
            replace_all(editor, self.codes[index])
        self.query_one("#chat", Static).update(self.chats[index])
        self.query_one("#scroll", VerticalScroll).scroll_end(animate=False)
        self.query_one("#runs", Static).update(Text(f"run {index}"))
        self.query_one("#position", Static).update(Text(f"event {index}"))


async def drawn(app: App[Any], step: Callable[[], object]) -> float:
    """Milliseconds from starting `step` to the end of the screen refresh that draws it."""
    done = asyncio.Event()
    begin = time.perf_counter()
    step()
    app.screen.call_after_refresh(done.set)
    await done.wait()
    return (time.perf_counter() - begin) * 1000


async def replay_steps(
    events: list[Event],
) -> tuple[list[float], list[float], list[float], list[float], list[float]]:
    """ms per step forward over the whole log: the fold alone; the Replay screen's update
    (synchronous work) and until drawn; the baseline's update and until drawn."""
    from mockloop.progress.replay import Timeline
    from mockloop.tui.replay.app import ReplayApp
    from mockloop.tui.replay.screen import ReplayScreen, chat_view

    timeline = Timeline(events)
    fold_ms = []
    for index in range(len(events)):
        begin = time.perf_counter()
        timeline.at(index)
        fold_ms.append((time.perf_counter() - begin) * 1000)
    screen_ms, screen_sync = [], []
    app = ReplayApp(events, "bench")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        for index in range(len(events)):
            begin = time.perf_counter()
            screen.show(index)
            screen_sync.append((time.perf_counter() - begin) * 1000)
            await pilot.pause()
        for index in range(len(events) - 1, -1, -1):
            screen_ms.append(await drawn(app, lambda index=index: screen.show(index)))
    codes = [timeline.at(index).state.code for index in range(len(events))]
    chats = [chat_view(timeline.at(index).log) for index in range(len(events))]
    bare_ms, bare_sync = [], []
    bare = BareReplay(codes, chats)
    async with bare.run_test(size=(120, 36)) as pilot:
        for index in range(len(events)):
            begin = time.perf_counter()
            bare.show(index)
            bare_sync.append((time.perf_counter() - begin) * 1000)
            await pilot.pause()
        for index in range(len(events) - 1, -1, -1):
            bare_ms.append(await drawn(bare, lambda index=index: bare.show(index)))
    return fold_ms, screen_sync, screen_ms, bare_sync, bare_ms


def p95(samples: list[float]) -> float:
    """The 95th percentile."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def main() -> None:
    """Run the three measurements and print the table."""
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        home, bare = frames(folder)
        query_ms, rows_ms, previous_ms = trends_query(folder)
    events = hour_log()
    fold_ms, screen_sync, screen_ms, bare_sync, bare_ms_steps = asyncio.run(replay_steps(events))
    table = [
        ("measurement", "MockLoop", "baseline (same run)", "target"),
        (
            f"Home first frame, {HOME_SESSIONS:,} sessions (120x36)",
            f"{home.first:.0f} ms ({home.first / bare.first:.2f}x)",
            f"{bare.first:.0f} ms bare app, same stock widgets",
            "<= 1.15x",
        ),
        (
            "  until idle (Home: catalog and prep plan loaded behind the frame)",
            f"{home.idle:.0f} ms ({home.idle / bare.idle:.2f}x)",
            f"{bare.idle:.0f} ms",
            "-",
        ),
        (
            f"trends query, {TREND_SESSIONS:,} sessions",
            f"{query_ms:.0f} ms",
            f"{rows_ms:.0f} ms plain history rows",
            "<= 300 ms",
        ),
        (
            "  the query it replaced (seeks into events), alone",
            f"{previous_ms:.0f} ms",
            "-",
            "-",
        ),
        (
            f"replay step, 60-minute session ({len(events)} events): update, median / p95",
            f"{statistics.median(screen_sync):.1f} / {p95(screen_sync):.1f} ms",
            f"{statistics.median(bare_sync):.1f} / {p95(bare_sync):.1f} ms previous updates",
            "<= 16 ms",
        ),
        (
            "  step until drawn (backwards), median / p95",
            f"{statistics.median(screen_ms):.1f} / {p95(screen_ms):.1f} ms",
            f"{statistics.median(bare_ms_steps):.1f} / {p95(bare_ms_steps):.1f} ms",
            "-",
        ),
        (
            "  of which the fold up to the event, median / max",
            f"{statistics.median(fold_ms):.2f} / {max(fold_ms):.2f} ms",
            "-",
            "-",
        ),
    ]
    widths = [max(len(row[column]) for row in table) for column in range(4)]
    for row in table:
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
