"""The store under attack and faults: one writer per session, hostile recovery files, a full
disk while saving recovery, corrupt pages, a read-only disk, a held lock, odd text.

Tests that need a real second process or a real small or read-only filesystem run the CLI
or a script in a child (the filesystem ones in a private mount namespace, skipped where
`unshare` is not allowed).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from factories import session_started

from mockloop.clock import SimulatedClock
from mockloop.errors import MockloopError, UsageError
from mockloop.events import CandidateSaid
from mockloop.session import Session
from mockloop.store import Store

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
STARTED = session_started(seed=3, starter="")


def cli(home: Path, *arguments: str, handoff: bool = False) -> subprocess.CompletedProcess[str]:
    """`mockloop ARGUMENTS` in a child; `handoff` stops start/resume before the UI."""
    env = {**os.environ, "MOCKLOOP_HOME": str(home)}
    if handoff:
        env["MOCKLOOP_HANDOFF"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "mockloop", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )


def new_session(home: Path, messages: int = 3) -> tuple[Path, Session]:
    database = home / "mockloop.db"
    store = Store.open(database)
    session = Session.start(STARTED, store, SimulatedClock())
    for number in range(messages):
        session.append(CandidateSaid(text=f"message {number} " * 20))
    store.close()
    return database, session


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("mockloop: "), result.stderr


# One writer per session ------------------------------------------------------------------


HOLDER = """
import sys
from mockloop.store import Store
store = Store.open()
store.claim(sys.argv[1])
print("claimed", flush=True)
sys.stdin.readline()
"""


def test_a_second_resume_of_an_open_session_is_refused_and_loses_nothing(
    mockloop_home: Path,
) -> None:
    database, session = new_session(mockloop_home)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, session.id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "MOCKLOOP_HOME": str(mockloop_home)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "claimed"
        second = cli(mockloop_home, "resume", session.id, handoff=True)
        assert second.returncode == 2
        no_traceback(second)
        assert f"Session {session.id} is open in another MockLoop window" in second.stderr
        assert f"process {holder.pid}" in second.stderr
        assert Store.open(database).load(session.id) == session.events
    finally:
        holder.kill()  # SIGKILL: the lock must die with its process
        holder.wait()
    store = Store.open(database)
    store.claim(session.id)  # free again
    store.close()


def test_two_claims_in_one_process_also_exclude_each_other(tmp_path: Path) -> None:
    first = Store.open(tmp_path / "m.db")
    first.claim("abc123")
    second = Store.open(tmp_path / "m.db")
    with pytest.raises(UsageError, match="open in another MockLoop window"):
        second.claim("abc123")
    first.close()
    second.claim("abc123")
    second.close()


# Hostile recovery files --------------------------------------------------------------------


@pytest.mark.parametrize("line", ["[1,2]", "null", '{"session_id":"x"}', '"text"', "[" * 5000])
def test_a_malformed_recovery_line_is_reported_and_breaks_nothing(
    mockloop_home: Path, line: str
) -> None:
    database, session = new_session(mockloop_home)
    folder = mockloop_home / "recovery"
    folder.mkdir()
    bad = folder / "bad.jsonl"
    bad.write_text(line + "\n" + line + "\n", encoding="utf-8")
    store = Store.open(database)
    assert [summary.id for summary in store.history()] == [session.id]
    assert store.latest_unfinished() == session.id
    assert store.load(session.id) == session.events
    [notice] = store.notices()
    assert "Could not import the recovery file" in notice and "line 1" in notice
    assert bad.exists()  # never deleted or renamed when not imported
    for command in (["history"], ["history", "--json"], ["resume", session.id]):
        result = cli(mockloop_home, *command, handoff=True)
        assert result.returncode == 0, result.stderr


def test_a_recovery_file_with_a_gap_is_left_in_place(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    store = Store.open(path, timeout=0.05)
    session = Session.start(STARTED, store, SimulatedClock())
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    session.append(CandidateSaid(text="one"))
    session.append(CandidateSaid(text="two"))
    [saved] = store.close()
    blocker.execute("ROLLBACK")
    blocker.close()
    lines = saved.read_text(encoding="utf-8").splitlines()
    saved.write_text(lines[1] + "\n", encoding="utf-8")  # event 2 without event 1
    reopened = Store.open(path)
    assert "continues at event 2" in reopened.notices()[0]
    assert saved.exists()


# A full disk while saving recovery -------------------------------------------------------

FULL_DISK = """
import json, os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from factories import session_started
from mockloop.clock import SimulatedClock
from mockloop.events import CandidateSaid
from mockloop.session import Session
from mockloop.store import Store

home = Path(sys.argv[1])
store = Store.open(home / "m.db")
session = Session.start(session_started(seed=3, starter=""), store, SimulatedClock())
with open(home / "filler", "wb", buffering=0) as handle:
    try:
        while True:
            handle.write(b"x" * 512)
    except OSError:
        pass
for number in range(5):
    session.append(CandidateSaid(text=f"work that must survive {number} " * 40))
written = store.close()
os.remove(home / "filler")
reopened = Store.open(home / "m.db")
print(json.dumps({
    "kept": reopened.load(session.id) == session.events,
    "written": [str(path) for path in written],
    "primary": sorted(os.listdir(home / "recovery")) if (home / "recovery").exists() else [],
}))
"""


def in_private_mount(script: str, mount: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run a shell script in a private mount namespace (skip the test when not allowed)."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    probe = subprocess.run(
        ["unshare", "-m", "true"], capture_output=True, text=True, timeout=30, check=False
    )
    if probe.returncode != 0:
        pytest.skip("private mount namespaces are not allowed here")
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", f"{mount} && {script}", "sh", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_full_disk_at_quit_saves_recovery_whole_elsewhere_and_imports_it(
    tmp_path: Path,
) -> None:
    small = tmp_path / "small"
    small.mkdir()
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    script = tmp_path / "full_disk.py"
    script.write_text(FULL_DISK, encoding="utf-8")
    result = in_private_mount(
        f'TMPDIR="{temporary}" "{sys.executable}" "{script}" "$1" "{TESTS}"',
        f'mount -t tmpfs -o size=512k tmpfs "{small}"',
        str(small),
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["kept"], result.stderr
    [written] = outcome["written"]
    assert written.startswith(str(temporary))
    assert not [name for name in outcome["primary"] if name.endswith(".jsonl")]


# Corrupt pages and a read-only disk --------------------------------------------------------


@pytest.mark.parametrize("page", [2, 3, 5])
def test_corrupt_pages_are_one_clear_message(mockloop_home: Path, page: int) -> None:
    database, session = new_session(mockloop_home, messages=200)
    with database.open("r+b") as handle:
        size = 4096
        handle.seek(page * size)
        handle.write(b"\xa5" * size)
    for command in (["report", session.id], ["resume", session.id], ["history"]):
        result = cli(mockloop_home, *command, handoff=True)
        if result.returncode != 0:
            assert result.returncode in (1, 2)
            no_traceback(result)


def test_corrupt_event_rows_are_named_not_raised(mockloop_home: Path) -> None:
    database, session = new_session(mockloop_home)
    connection = sqlite3.connect(database)
    connection.execute("UPDATE events SET payload = '{not json' WHERE seq = 1")
    connection.commit()
    connection.close()
    with pytest.raises(MockloopError, match="damaged") as raised:
        Store.open(database).load(session.id)
    assert "event 1" in raised.value.message
    result = cli(mockloop_home, "report", session.id)
    assert result.returncode == 1
    no_traceback(result)


def test_report_on_a_read_only_disk_finds_the_session(mockloop_home: Path) -> None:
    result = cli(mockloop_home, "simulate", str(TESTS / "scripts" / "strong.yaml"), "--json")
    assert result.returncode == 0, result.stderr
    session_id = json.loads(result.stdout)["session_id"]
    report = in_private_mount(
        f'MOCKLOOP_HOME="$1" "{sys.executable}" -m mockloop report "{session_id}"',
        f'mount --bind "{mockloop_home}" "{mockloop_home}" && '
        f'mount -o remount,ro,bind "{mockloop_home}"',
        str(mockloop_home),
    )
    assert report.returncode == 0, report.stderr
    assert "## Verdict" in report.stdout
    assert "No session" not in report.stderr


# A held lock and odd text ------------------------------------------------------------------


def test_a_held_lock_costs_the_interview_well_under_a_second_once(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    store = Store.open(path)  # the interview's defaults
    clock = SimulatedClock()
    session = Session.start(STARTED, store, clock)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    waits = []
    for number in range(3):
        clock.advance(1)
        began = time.monotonic()
        session.append(CandidateSaid(text=f"while locked {number}"))
        waits.append(time.monotonic() - began)
    assert max(waits) < 3.0  # the old 5 s busy timeout froze every send (twice per message)
    assert len(store.notices()) == 1 and "locked" in store.notices()[0]
    blocker.execute("ROLLBACK")
    blocker.close()
    store.close()
    assert Store.open(path).load(session.id) == session.events


def test_a_lone_surrogate_is_stored_and_read_back_exactly(
    mockloop_home: Path, tmp_path: Path
) -> None:
    store = Store.open(mockloop_home / "mockloop.db")
    session = Session.start(STARTED, store, SimulatedClock())
    session.append(CandidateSaid(text="broken \ud800 text"))
    store.close()
    assert Store.open(mockloop_home / "mockloop.db").load(session.id) == session.events
    result = cli(mockloop_home, "report", session.id, "-o", str(tmp_path / "r.md"))
    assert result.returncode == 0, result.stderr
    assert "broken ? text" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_a_session_id_that_is_not_text_is_no_such_session(mockloop_home: Path) -> None:
    new_session(mockloop_home)
    with pytest.raises(UsageError, match="No session"):
        Store.open(mockloop_home / "mockloop.db").load("ab\udcffcd")


SURROGATE_SCRIPT = r"""company: google
level: senior
problem: two-sum
actions:
  - {at: 10, say: "hi"}
  - at: 20
    code: "def two_sum(nums, target):\n    print(chr(0xd800))\n    raise ValueError(chr(0xd800))\n"
  - {at: 30, run: true}
"""


def test_a_lone_surrogate_in_candidate_output_survives_simulate_and_report(
    mockloop_home: Path, tmp_path: Path
) -> None:
    script = tmp_path / "surrogate.yaml"
    script.write_text(SURROGATE_SCRIPT, encoding="utf-8")
    result = cli(mockloop_home, "simulate", str(script), "--json")
    assert result.returncode == 0, result.stderr
    session_id = json.loads(result.stdout)["session_id"]
    report = cli(mockloop_home, "report", session_id)
    assert report.returncode == 0, report.stderr
    assert "ValueError" in report.stdout


def test_a_pipe_among_the_recovery_files_is_reported_not_waited_on(mockloop_home: Path) -> None:
    database, session = new_session(mockloop_home)
    (mockloop_home / "recovery").mkdir()
    os.mkfifo(mockloop_home / "recovery" / "pipe.jsonl")
    result = cli(mockloop_home, "history", "--json")
    assert result.returncode == 0, result.stderr
    assert session.id in result.stdout
    store = Store.open(database)
    assert any("is a named pipe" in notice for notice in store.notices())
