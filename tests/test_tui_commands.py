"""`mockloop start` / `mockloop resume`: argument checks before the UI, the wiring, the handoff."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mockloop import launcher
from mockloop.clock import SimulatedClock
from mockloop.commands import interview as command
from mockloop.cover import HANDOFF_ENV, Cover, handing_off
from mockloop.digests import code_digest
from mockloop.errors import UsageError
from mockloop.events import CodeSnapshot, SessionEnded
from mockloop.interviews import catalog as default_catalog
from mockloop.planning import plan_interview
from mockloop.session import Session
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
    monkeypatch.setattr(command, "run_here", lambda opening: shown.append(opening.open()))
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
    assert services.interviewer is not None and services.run_tests is not None
    assert interview.write_report is not None


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


# --- the launcher: the child prepares and hands over a cover, the parent opens it ----------


def test_handoff_prints_the_cover_and_the_ui_opens_the_same_session(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(command, "keep_loaded_objects", lambda: None)
    monkeypatch.setenv(HANDOFF_ENV, "1")
    command.start("google", "senior", "coding", "two-sum", None, None, 3, 30)
    [line] = capsys.readouterr().out.splitlines()
    cover = Cover.from_json(line)
    assert cover.title == "Two Sum · easy"
    assert cover.who.endswith("· Google") and cover.level.endswith("(senior)")
    assert "`two_sum(" in cover.statement and cover.code.startswith("def two_sum(")
    assert (cover.phase, cover.remaining, cover.resumed) == ("intro", 30 * 60, False)

    interview = command.open_session(cover.session_id, resumed=False)
    try:
        assert interview.session.id == cover.session_id
        assert interview.session.state.code == cover.code
        assert interview.session.elapsed() < 5  # the clock starts in the UI, not at planning
        assert not interview.resumed
        assert [e.kind for e in interview.session.events] == ["session_started"]
    finally:
        interview.release()


def test_opening_an_unknown_session_fails_and_closes_the_store() -> None:
    with pytest.raises(UsageError):
        command.open_session("no-such-session", resumed=False)
    store = Store.open()  # not locked by a store left open
    store.close()


def test_launcher_child_prepares_while_the_parent_waits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[Cover] = []

    def show(cover: Cover, ready: Callable[[], object]) -> int:
        ready()  # what the UI's loader does before it opens the session
        shown.append(cover)
        return 0

    monkeypatch.setattr(launcher, "show", show)
    code = launcher.launch(["start", "--company", "google", "--level", "L5", "--seed", "4"])
    assert code == 0
    [cover] = shown
    store = Store.open()
    assert store.latest_unfinished() == cover.session_id
    store.close()


def test_launcher_passes_on_the_childs_usage_error(
    mockloop_home: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    assert launcher.launch(["start", "--company", "gogle", "--level", "senior"]) == 2
    out, err = capfd.readouterr()
    assert out == ""
    assert err.count("Unknown company 'gogle'. Did you mean 'google'?") == 1
    assert launcher.launch(["resume"]) == 2
    assert "no unfinished session" in capfd.readouterr().err


def test_only_interviews_take_the_two_process_path() -> None:
    assert launcher.opens_interview(["start", "--company", "google", "--level", "senior"])
    assert launcher.opens_interview(["resume", "abc"])
    assert not launcher.opens_interview(["start", "--help"])
    assert not launcher.opens_interview(["history"])
    assert not launcher.opens_interview([])


UI_IMPORTS = """
import sys
import mockloop.launcher, mockloop.tui.app
print(json.dumps(sorted(m for m in ('pydantic', 'yaml', 'typer', 'sqlite3', 'litellm')
                        if m in sys.modules)))
"""


def test_the_ui_draws_without_pydantic_yaml_typer_or_sqlite() -> None:
    """What the launcher imports before the first frame: Textual and our widgets, no more."""
    done = subprocess.run(
        [sys.executable, "-c", "import json" + UI_IMPORTS],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, HANDOFF_ENV: ""},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_a_stray_handoff_variable_in_a_terminal_still_opens_the_ui(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(HANDOFF_ENV, "1")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert not handing_off()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)  # the launcher's pipe
    assert handing_off()


def test_the_launcher_gives_the_garbage_collector_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(launcher, "prepare_and_show", lambda arguments: 0)
    assert gc.isenabled()
    assert launcher.launch(["start"]) == 0
    assert gc.isenabled()
