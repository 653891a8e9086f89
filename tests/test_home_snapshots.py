"""Screen snapshots of Home and Replay (pytest-textual-snapshot), on fixed data and UTC dates."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from home_support import twenty_sessions
from test_home import settle, sources
from textual.widgets import Input

from mockloop.tui.home.app import HomeApp
from mockloop.tui.replay.app import ReplayApp

SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Show dates in UTC so the table reads the same on every machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


async def ready(pilot: Any) -> None:
    """Wait for the catalog and prep plan, then stop cursors blinking."""
    await settle(pilot)
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_empty_home(snap_compare: SnapCompare) -> None:
    """No sessions: the welcome line on top, the Start tab open with Company (Amazon), Level
    "senior (SDE III)", Round "coding", the problem and minutes fields and the Start button;
    the sidebar's prep plan says a sprint appears after a scored interview; streak 0 days."""
    assert snap_compare(HomeApp(sources()), terminal_size=(120, 36), run_before=ready)


def test_home_with_twenty_sessions(snap_compare: SnapCompare) -> None:
    """20 sessions (Google, Meta, Amazon; coding and behavioral), newest first: dates
    2026-11-11 back to 2026-11-02, one row "Incomplete" with score "-" (05:00 of 45m), one
    marked "simulated" in Note. The sidebar shows a 10-day streak, a next problem and a
    weekend sprint on verification and impact."""
    app = HomeApp(sources(twenty_sessions()))
    assert snap_compare(app, terminal_size=(120, 36), run_before=ready)


async def trends_tab(pilot: Any) -> None:
    await ready(pilot)
    await pilot.press("t")
    await pilot.pause()


def test_trends_at_80x24(snap_compare: SnapCompare) -> None:
    """80x24, Trends tab: "Behavioral (5)" with three sparklines and "Coding (13)" with
    four, each with its latest score and a positive change; the sidebar and footer still
    fit; nothing overlaps."""
    app = HomeApp(sources(twenty_sessions()))
    assert snap_compare(app, terminal_size=(80, 24), run_before=trends_tab)


def test_home_sessions_at_80x24(snap_compare: SnapCompare) -> None:
    """80x24, Sessions tab: the filters on one line, the table (Date, Verdict, Score, Company
    and more, scrolling sideways), the prep plan sidebar on the right with the next problem's
    title and its `--problem` slug, the footer keys."""
    app = HomeApp(sources(twenty_sessions()))
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


async def middle(pilot: Any) -> None:
    await pilot.pause()
    await pilot.press("right", "right", "right", "right", "right")
    await pilot.pause()


def test_replay_at_a_middle_point(snap_compare: SnapCompare) -> None:
    """Replay at event #5, the 6th of 11 (18:00 of 45:00, a code_snapshot, paused 1×): the
    editor shows the hash-map draft, the chat has the greeting, the negative-numbers question
    and its answer (not the later complexity message), "No runs yet.", the two evidence lines
    at the bottom, and the footer lists ← Back, → Forward, space, s Speed, esc Close."""
    events = twenty_sessions()[0][2]
    evidence = [(2, "+ Problem solving: asked about negative numbers"), (8, "- Verification")]
    app = ReplayApp(events, "s00abcdef01", evidence)
    assert snap_compare(app, terminal_size=(120, 36), run_before=middle)
