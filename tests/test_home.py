"""Home and Replay driven with Pilot: open Home, start from the form, open a session,
replay forward and back, jump from an evidence line, filter and sort."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime
import io
from pathlib import Path
from typing import Any

import pytest
from home_support import session_events, store_sessions, twenty_sessions
from rich.console import Console
from textual.widgets import DataTable, Input, OptionList, Select, Static, TabbedContent, TextArea

from mockloop import paths
from mockloop.commands import home
from mockloop.progress.prep import prep_plan
from mockloop.tui.home.app import HomeApp
from mockloop.tui.home.screen import HomeScreen
from mockloop.tui.home.session_screen import SessionScreen
from mockloop.tui.home.sources import HomeSources, Scorecard, StartRequest
from mockloop.tui.replay.screen import ReplayScreen

TODAY = datetime.date(2026, 11, 11)
EVIDENCE = [(2, "+ Problem solving: asked about negative numbers"), (7, "- Verification: ran")]


def sources(sessions: Any = ()) -> HomeSources:
    """Real sources over a database holding `sessions`, with a fixed today and evidence."""
    if sessions:
        store_sessions(paths.database_path(), sessions)
    real = home.default_sources()

    def scorecard(session_id: str, events: list[Any]) -> Scorecard:
        return Scorecard("# Two Sum\n\n## Verdict\n\nLean Hire\n\n- asked (event #2)\n", EVIDENCE)

    def prep(outcomes: list[Any]) -> Any:
        from mockloop.interviews import catalog as default_catalog

        return prep_plan(outcomes, default_catalog().problems.values(), TODAY)

    return dataclasses.replace(real, prep=prep, scorecard=scorecard)


def shown(static: Static) -> str:
    """What a Static draws, as plain text."""
    console = Console(width=100, file=io.StringIO(), record=True)
    console.print(static.content)
    return console.export_text()


async def settle(pilot: Any) -> None:
    """Let workers finish and the screen refresh."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def test_home_opens_with_sessions_trends_and_prep_plan():
    app = HomeApp(sources(twenty_sessions()))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#sessions-table", DataTable)
        assert table.row_count == 20
        verdicts = list(table.get_column("verdict"))
        assert "Incomplete" in verdicts
        assert "simulated" in list(table.get_column("note"))
        plan = app.screen.query_one("#prep-plan").source  # type: ignore[attr-defined]
        assert "Weekend sprint" in plan and "Practice streak" in plan


async def test_filters_and_sorting_change_the_rows():
    app = HomeApp(sources(twenty_sessions()))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#sessions-table", DataTable)
        screen.query_one("#company-filter", Select).value = "Meta"
        await pilot.pause()
        assert set(table.get_column("company")) == {"Meta"}
        screen.query_one("#round-filter", Select).value = "behavioral"
        await pilot.pause()
        assert table.row_count == 2
        screen.query_one("#company-filter", Select).clear()
        screen.query_one("#round-filter", Select).clear()
        await pilot.pause()
        table_widget = screen.query_one("#sessions-table")
        table_widget.sort_by("score")  # type: ignore[attr-defined]
        scores = list(table.get_column("score"))
        numbers = [float(score) for score in scores if score != "-"]
        assert numbers == sorted(numbers) and scores[-1] == "-"


async def test_empty_home_opens_on_the_start_form_with_a_welcome():
    app = HomeApp(sources())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "Welcome to MockLoop" in str(app.screen.query_one("#welcome", Static).render())
        assert app.screen.query_one(TabbedContent).active == "start"


async def test_the_start_form_shows_titles_and_exits_with_the_start_request():
    app = HomeApp(sources())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.query_one("#company", Select).value = "meta"
        await pilot.pause()
        level = screen.query_one("#level", Select)
        assert ("senior (E5)", "senior") in [
            (str(prompt), value) for prompt, value in level._options
        ]
        level.value = "mid"
        screen.query_one("#problem", Input).value = "two-sum"
        screen.query_one("#minutes", Input).value = "30"
        await pilot.click("#start-button")
        await settle(pilot)
    request = app.return_value
    assert request == StartRequest("meta", "mid", "coding", "two-sum", 30)
    assert request.arguments() == [
        "start",
        "--company",
        "meta",
        "--level",
        "mid",
        "--focus",
        "coding",
        "--problem",
        "two-sum",
        "--minutes",
        "30",
    ]


async def test_a_bad_choice_stays_on_the_form_with_the_start_message():
    app = HomeApp(sources())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.screen.query_one("#problem", Input).value = "no-such-problem"
        await pilot.click("#start-button")
        await settle(pilot)
        message = str(app.screen.query_one("#start-error", Static).render())
        assert "no-such-problem" in message
        assert app.return_value is None and app.is_running


def test_home_launches_the_request_through_the_start_path(monkeypatch: pytest.MonkeyPatch):
    launched: list[list[str]] = []
    request = StartRequest("google", "senior")
    monkeypatch.setattr(HomeApp, "run", lambda self: request)
    code = home.run(launch=lambda arguments: launched.append(list(arguments)) or 0)
    assert code == 0 and launched == [request.arguments()]


async def test_selecting_a_session_shows_its_scorecard_then_replay_steps_and_jumps():
    app = HomeApp(sources(twenty_sessions()))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the table has the keys from the start
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("r")
        await settle(pilot)
        replay = app.screen
        assert isinstance(replay, ReplayScreen) and replay.index == 0
        await pilot.press("right", "right", "right")
        assert replay.index == 3
        chat = shown(replay.query_one("#replay-chat", Static))
        assert "Can the list contain negative numbers?" in chat and "hash map" not in chat
        await pilot.press("left")
        assert replay.index == 2
        evidence = replay.query_one("#replay-evidence", OptionList)
        evidence.focus()
        evidence.highlighted = 1
        await pilot.press("enter")
        assert replay.timeline.events[replay.index].seq == 7
        code = replay.query_one("#replay-code", TextArea).text
        assert "seen = {}" in code
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen)


async def test_an_unfinished_session_cannot_be_replayed_past_its_end():
    store_sessions(
        paths.database_path(),
        [
            (
                "open1",
                datetime.datetime(2026, 11, 2, tzinfo=datetime.UTC),
                session_events(ended=False),
            )
        ],
    )
    from mockloop.tui.replay.app import ReplayApp

    events = home.events("open1")
    app = ReplayApp(events, "open1")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("end")
        replay = app.screen
        assert isinstance(replay, ReplayScreen)
        last = replay.index
        await pilot.press("right")
        assert replay.index == last
        position = str(replay.query_one("#replay-position", Static).render())
        assert "not finished" in position


async def test_an_evidence_link_in_the_scorecard_opens_the_replay_there():
    app = HomeApp(sources(twenty_sessions()))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.replay_at(2)
        await settle(pilot)
        assert isinstance(app.screen, ReplayScreen)
        assert app.screen.timeline.events[app.screen.index].seq == 2


def test_home_screen_is_the_default_screen():
    assert isinstance(HomeApp(sources()).get_default_screen(), HomeScreen)


def test_bare_mockloop_in_a_terminal_opens_home(monkeypatch: pytest.MonkeyPatch):
    import sys

    from mockloop import launcher

    opened: list[bool] = []
    monkeypatch.setattr(sys, "argv", ["mockloop"])
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(home, "run", lambda launch: opened.append(True) or 0)
    with pytest.raises(SystemExit) as exited:
        launcher.main()
    assert exited.value.code == 0 and opened == [True]


def test_bare_mockloop_not_in_a_terminal_prints_help_without_textual():
    import subprocess
    import sys

    script = (
        "import sys\nsys.argv = ['mockloop']\nfrom mockloop.launcher import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('textual' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert "Usage" in done.stdout + done.stderr and "stats" in done.stdout + done.stderr
    assert done.stderr.strip().splitlines()[-1] == "False"


async def test_a_prep_plan_that_fails_to_load_says_so_instead_of_loading_forever():
    def broken(outcomes: list[Any]) -> Any:
        raise RuntimeError("the problem bank is unreadable")

    app = HomeApp(dataclasses.replace(sources(twenty_sessions()), prep=broken))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        plan = app.screen.query_one("#prep-plan").source  # type: ignore[attr-defined]
        assert "Could not load the prep plan" in plan and "unreadable" in plan


async def test_verdict_and_score_show_without_scrolling_at_80_columns():
    """At 80x24 the table's first screen shows how each session went, not only where."""
    app = HomeApp(sources(twenty_sessions()))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#sessions-table", DataTable)
        shown = table.scrollable_content_region.width
        offset = 0
        visible = []
        for column in table.ordered_columns:
            offset += column.get_render_width(table)
            if offset <= shown:
                visible.append(str(column.key.value))
        assert visible[:3] == ["date", "verdict", "score"]


async def test_the_keys_go_to_the_sessions_table():
    app = HomeApp(sources(twenty_sessions()))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.focused is app.screen.query_one("#sessions-table")
        await pilot.press("t", "s")
        assert app.focused is app.screen.query_one("#sessions-table")


async def test_with_no_sessions_the_keys_go_to_the_form():
    empty = HomeApp(sources())
    async with empty.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert empty.focused is empty.screen.query_one("#company")


def test_a_real_scorecard_replays_and_its_evidence_lines_jump():
    """A simulated interview's own scorecard (not a fixture): several evidence lines cite the
    same event, which once crashed the replay (option ids must be unique)."""
    from typer.testing import CliRunner

    from mockloop.cli import app as cli

    script = str(Path(__file__).parent / "scripts" / "wrong_solution.yaml")
    outcome = CliRunner().invoke(cli, ["simulate", script, "--json"])
    assert outcome.exit_code == 0, outcome.output
    asyncio.run(replay_from_home_and_jump())  # simulate runs its own event loop first


async def replay_from_home_and_jump() -> None:
    app = HomeApp(home.default_sources())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        session = app.screen
        assert isinstance(session, SessionScreen)
        assert session.scorecard is not None
        seqs = [seq for seq, _ in session.scorecard.evidence]
        assert len(seqs) > len(set(seqs))  # the case that crashed
        await pilot.press("r")
        await settle(pilot)
        replay = app.screen
        assert isinstance(replay, ReplayScreen)
        evidence = replay.query_one("#replay-evidence", OptionList)
        last = len(seqs) - 1
        evidence.highlighted = last
        evidence.action_select()
        await settle(pilot)
        assert replay.timeline.events[replay.index].seq == seqs[last]
        chat = shown(replay.query_one("#replay-chat", Static))
        assert "Two Sum" in chat and "**" not in chat  # the greeting's bold, drawn as bold


async def test_the_start_form_starts_from_the_last_sessions_company_level_and_round():
    app = HomeApp(sources(twenty_sessions()))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        last = app.sources.outcomes[0]
        assert (last.persona, last.focus) != ("amazon", "coding")  # not the old defaults
        await pilot.press("n")
        await settle(pilot)
        values = [
            app.screen.query_one(f"#{name}", Select).value for name in ("company", "level", "round")
        ]
        assert values == [last.persona, last.level, last.focus]


async def test_export_writes_the_scorecard_into_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = HomeApp(sources(twenty_sessions()))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("e")
        await settle(pilot)
        [written] = list(tmp_path.glob("mockloop-*.md"))
        assert written.read_text(encoding="utf-8").startswith("# Two Sum")
        assert screen.session_id in written.name
