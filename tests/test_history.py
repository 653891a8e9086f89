"""`mockloop history`: newest first, filters, JSON shape, and clear errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mockloop import cli
from mockloop.clock import SimulatedClock
from mockloop.events import ScorecardWritten, SessionEnded, SessionStarted
from mockloop.session import Session
from mockloop.store import Store
from mockloop.store import store as store_module


def started(persona: str, level: str, title: str, problem: str) -> SessionStarted:
    """A session setup for one persona and level."""
    return SessionStarted(
        company=persona.title(),
        persona=persona,
        level=level,  # type: ignore[arg-type]
        level_title=title,
        problem=problem,
        rubric="coding",
        minutes=45,
        seed=1,
        starter="",
    )


@pytest.fixture
def sessions(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Three sessions on three different days, the middle one scored."""
    days = iter(f"2025-03-0{day}T10:00:00+00:00" for day in (1, 1, 2, 2, 2, 3))
    monkeypatch.setattr(store_module, "wall_clock", lambda: next(days))
    store = Store.open()
    first = Session.start(started("google", "senior", "L5", "two-sum"), store, SimulatedClock())
    first.append(SessionEnded(reason="time"))
    second = Session.start(started("meta", "mid", "E4", "lru-cache"), store, SimulatedClock())
    second.append(SessionEnded(reason="candidate"))
    second.append(
        ScorecardWritten(path="r.md", verdict="Hire", score=3.25, dimensions={}, judge="offline")
    )
    third = Session.start(started("google", "mid", "L4", "two-sum"), store, SimulatedClock())
    store.close()
    yield [third.id, second.id, first.id]


def history(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *arguments: str
) -> tuple[int, str, str]:
    """Run `mockloop history ...` through the real entry point; (exit code, out, err)."""
    monkeypatch.setattr(sys, "argv", ["mockloop", "history", *arguments])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    captured = capsys.readouterr()
    return int(exited.value.code or 0), captured.out, captured.err


def test_json_lists_sessions_newest_first(
    sessions: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = history(monkeypatch, capsys, "--json")
    rows = json.loads(out)
    assert code == 0
    assert [row["id"] for row in rows] == sessions
    assert rows[1] == {
        "id": sessions[1],
        "date": "2025-03-02T10:00:00+00:00",
        "company": "Meta",
        "level": "mid",
        "level_title": "E4",
        "problem": "lru-cache",
        "minutes": 45,
        "verdict": "Hire",
        "score": 3.25,
        "status": "ended",
        "focus": "coding",
        "simulated": False,
        "incomplete": True,  # ended at 00:00 with no passing run
    }
    assert (rows[0]["status"], rows[0]["verdict"]) == ("active", None)


def test_filters_by_company_and_level(
    sessions: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = history(monkeypatch, capsys, "--json", "--company", "google")
    assert [row["id"] for row in json.loads(out)] == [sessions[0], sessions[2]]
    _, out, _ = history(monkeypatch, capsys, "--json", "--level", "mid")
    assert [row["id"] for row in json.loads(out)] == [sessions[0], sessions[1]]
    _, out, _ = history(monkeypatch, capsys, "--json", "-c", "google", "-l", "senior")
    assert [row["id"] for row in json.loads(out)] == [sessions[2]]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [(("--company", "gogle"), "Did you mean 'google'"), (("--level", "seniour"), "senior")],
)
def test_unknown_filter_is_one_usage_message(
    sessions: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    arguments: tuple[str, str],
    expected: str,
) -> None:
    code, out, err = history(monkeypatch, capsys, *arguments)
    assert code == 2 and out == ""
    assert err.startswith("mockloop: Unknown") and expected in err
    assert "Traceback" not in err


def test_table_shows_every_session(
    sessions: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = history(monkeypatch, capsys)
    assert code == 0
    assert all(session_id[:8] in out for session_id in sessions)
    assert "3.25" in out and "in progress" in out and "L5" in out


def test_at_80_columns_the_id_leads_each_row_and_min_is_the_time_used(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open()
    clock = SimulatedClock()
    session = Session.start(started("google", "senior", "L5", "two-sum"), store, clock)
    clock.advance(20 * 60 + 10)
    session.append(SessionEnded(reason="candidate"))
    store.close()
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = history(monkeypatch, capsys)
    assert code == 0
    [row] = [line for line in out.splitlines() if "two-sum" in line]
    cells = [cell.strip() for cell in row.strip("│┃ ").split("│")]
    assert cells[0] == session.id[:8]
    assert "20" in cells and "45" not in cells
    assert all(len(line) <= 80 for line in out.splitlines())


def test_empty_history_says_how_to_start(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = history(monkeypatch, capsys)
    assert code == 0 and "No sessions yet" in out


def test_corrupt_database_is_one_message_naming_the_file(
    mockloop_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (mockloop_home / "mockloop.db").write_text("not sqlite")
    code, _, err = history(monkeypatch, capsys, "--json")
    assert code == 1 and str(mockloop_home / "mockloop.db") in err
    assert (mockloop_home / "mockloop.db").read_text() == "not sqlite"
