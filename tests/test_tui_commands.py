"""`mockloop start` / `mockloop resume`: argument checks before the UI, and the wiring."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from mockloop.catalog import default_catalog
from mockloop.clock import SimulatedClock
from mockloop.commands import interview as command
from mockloop.errors import UsageError
from mockloop.events import CodeSnapshot, SessionEnded
from mockloop.planning import plan_interview
from mockloop.session import Session, code_digest
from mockloop.store import Store
from mockloop.tui.context import Interview

CHECK_BEFORE_UI = """
import sys
from mockloop.commands import interview
from mockloop.errors import UsageError
try:
    interview.start("gogle", "senior", "coding", None, None, None, None, None)
except UsageError as error:
    print(error.exit_code, error.message)
print("textual imported:", "textual" in sys.modules)
"""


def test_unknown_company_fails_before_textual_is_imported(mockloop_home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK_BEFORE_UI], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "2 Unknown company 'gogle'. Did you mean 'google'?" in done.stdout
    assert "textual imported: False" in done.stdout


def test_unknown_problem_is_a_usage_error_and_starts_nothing(mockloop_home: Path) -> None:
    with pytest.raises(UsageError, match="Did you mean 'two-sum'"):
        command.start("google", "senior", "coding", "two-summ", None, None, None, None)
    assert gc.isenabled(), "start-up pauses garbage collection only while it runs"
    store = Store.open()
    assert store.latest_unfinished() is None
    store.close()


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> list[Interview]:
    """Replace the UI with a recorder of the interview it would have shown."""
    shown: list[Interview] = []
    monkeypatch.setattr(command, "run", shown.append)
    monkeypatch.setattr(command, "keep_loaded_objects", lambda: None)  # no gc.freeze in pytest
    return shown


def test_start_logs_a_new_session_and_connects_the_real_services(
    captured: list[Interview],
) -> None:
    command.start("google", "L5", "coding", "two-sum", None, None, 7, 30)
    [interview] = captured
    started = interview.session.started
    assert (started.persona, started.level, started.problem) == ("google", "senior", "two-sum")
    assert (started.seed, started.minutes) == (7, 30)
    assert not interview.resumed
    store = Store.open()
    assert store.latest_unfinished() == interview.session.id
    store.close()
    services = interview.connect()
    assert services.interviewer is not None
    assert services.write_scorecard is not None


def make_session(store: Store, code: str, quit_at: float) -> Session:
    """A started session whose last event is a quit snapshot at `quit_at` seconds."""
    plan = plan_interview(default_catalog(), "google", "senior", problem_slug="two-sum")
    clock = SimulatedClock()
    session = Session.start(plan.started, store, clock)
    clock.advance(quit_at)
    session.append(CodeSnapshot(digest=code_digest(code), code=code, reason="quit"))
    return session


def test_resume_reopens_the_latest_unfinished_session_where_it_stopped(
    captured: list[Interview],
) -> None:
    store = Store.open()
    session = make_session(store, "def two_sum(nums, target):\n    return []\n", 300.0)
    store.close()

    command.resume(session.id[:6])
    [interview] = captured
    assert interview.resumed
    assert interview.session.id == session.id
    assert interview.session.state.code.endswith("return []\n")
    assert 300.0 <= interview.session.elapsed() < 310.0

    command.resume(None)
    assert captured[-1].session.id == session.id


def test_resume_refuses_an_ended_session_and_an_empty_history(
    captured: list[Interview],
) -> None:
    with pytest.raises(UsageError, match="no unfinished session"):
        command.resume(None)
    store = Store.open()
    session = make_session(store, "pass\n", 10.0)
    session.append(SessionEnded(reason="candidate"))
    store.close()
    with pytest.raises(UsageError, match="already ended"):
        command.resume(session.id)
    assert captured == []
