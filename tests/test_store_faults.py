"""Faults: SIGKILL mid-write, a lock held past the timeout, a full or read-only disk,
an unwritable data folder, and a file that is not a database."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
from pathlib import Path

import pytest
from factories import session_started

from mockloop.clock import SimulatedClock
from mockloop.errors import MockloopError
from mockloop.events import CandidateSaid, SessionEnded
from mockloop.session import Session
from mockloop.store import Store

STARTED = session_started(seed=3, starter="")


def write_until_killed(path: Path, acknowledgements: int) -> None:
    """Child process body: append forever, acknowledging each stored event on a pipe."""
    store = Store.open(path)
    number = 0
    while True:
        session = Session.start(STARTED, store, SimulatedClock())
        for step in range(12):
            session.snapshot("def solve():\n" + "    x = 1\n" * (number % 40) + str(step), "idle")
            session.append(CandidateSaid(text="typing " * 20))
            number += 1
            os.write(acknowledgements, f"{session.id} {session.events[-1].seq}\n".encode())
        session.append(SessionEnded(reason="script"))


def check_log(path: Path, acknowledged: dict[str, int]) -> None:
    """The database is intact, every log is gapless, and no acknowledged event is missing."""
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()
    store = Store.open(path)
    for summary in store.history():
        seqs = [event.seq for event in store.load(summary.id)]
        assert seqs == list(range(len(seqs)))
    for session_id, seq in acknowledged.items():
        assert store.load(session_id)[-1].seq >= seq
    store.close()


def test_sigkill_at_random_moments_leaves_a_gapless_intact_log(tmp_path: Path) -> None:
    path = tmp_path / "killed.db"
    Store.open(path).close()
    chooser = random.Random(20240611)
    acknowledged: dict[str, int] = {}
    for _ in range(24):
        reader, writer = os.pipe()
        child = os.fork()
        if child == 0:  # the writer process
            try:
                os.close(reader)
                write_until_killed(path, writer)
            finally:
                os._exit(1)
        os.close(writer)
        with os.fdopen(reader) as acknowledgements:
            for _ in range(chooser.randrange(1, 80)):
                session_id, seq = acknowledgements.readline().split()
                acknowledged[session_id] = int(seq)
            os.kill(child, signal.SIGKILL)
            _, status = os.waitpid(child, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        check_log(path, acknowledged)


def test_lock_held_past_the_timeout_gives_one_notice_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    store = Store.open(path, timeout=0.05)
    clock = SimulatedClock()
    session = Session.start(STARTED, store, clock)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    for number in range(3):
        clock.advance(1)
        session.append(CandidateSaid(text=f"while locked {number}"))
    [notice] = store.notices()
    assert "locked by another MockLoop process" in notice
    assert str(path) in notice
    assert store.load(session.id) == session.events
    blocker.execute("ROLLBACK")
    blocker.close()
    session.append(CandidateSaid(text="after the lock"))
    assert not store.in_memory
    store.close()
    assert Store.open(path).load(session.id) == session.events


def test_locked_at_close_goes_to_a_recovery_file_imported_on_next_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.db"
    store = Store.open(path, timeout=0.05)
    session = Session.start(STARTED, store, SimulatedClock())
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    session.snapshot("def solve():\n    return 42\n", "quit")
    session.append(CandidateSaid(text="saved in memory"))
    [recovery] = store.close()
    assert recovery == tmp_path / "recovery" / f"{session.id}.jsonl"
    assert str(recovery) in capsys.readouterr().err
    blocker.execute("ROLLBACK")
    blocker.close()
    reopened = Store.open(path)
    assert reopened.load(session.id) == session.events
    assert not recovery.exists()
    assert recovery.with_name(recovery.name + ".imported").exists()
    assert reopened.latest_unfinished() == session.id


def test_disk_full_keeps_events_in_memory_and_flushes_later(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    store = Store.open(path)
    session = Session.start(STARTED, store, SimulatedClock())
    database = store._database
    assert database is not None
    pages = database.connection.execute("PRAGMA page_count").fetchone()[0]
    database.connection.execute(f"PRAGMA max_page_count = {pages}")
    big = "".join(f"# {random.Random(n).random()}\n" for n in range(3000))
    session.snapshot(big, "idle")
    session.append(CandidateSaid(text="still going"))
    [notice] = store.notices()
    assert "disk is full" in notice
    assert store.in_memory
    database.connection.execute("PRAGMA max_page_count = 1073741823")
    session.append(SessionEnded(reason="candidate"))
    assert not store.in_memory
    store.close()
    assert Store.open(path).load(session.id) == session.events


def test_read_only_database_keeps_events_in_memory(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    session = Session.start(STARTED, store, SimulatedClock())
    assert store._database is not None
    store._database.connection.execute("PRAGMA query_only = ON")
    session.append(CandidateSaid(text="cannot be written yet"))
    assert "read-only" in store.notices()[0]
    store._database.connection.execute("PRAGMA query_only = OFF")
    session.append(CandidateSaid(text="written again"))
    assert len(store.notices()) == 1
    assert Store.open(tmp_path / "m.db").load(session.id) == session.events


def test_unwritable_data_folder_runs_in_memory_and_writes_recovery_at_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")
    store = Store.open(blocked / "m.db")
    session = Session.start(STARTED, store, SimulatedClock())
    session.append(CandidateSaid(text="only in memory"))
    assert len(store.notices()) == 1
    assert store.load(session.id) == session.events
    [recovery] = store.close()
    assert recovery.parent.parent == tmp_path / "tmp" / f"mockloop-recovery-{os.getuid()}"
    blocked.unlink()
    writable = Store.open(blocked / "m.db")  # imports the temp-dir recovery file by itself
    assert writable.load(session.id) == session.events
    assert not recovery.exists() and recovery.with_name(recovery.name + ".imported").exists()


def test_folder_that_becomes_writable_is_flushed_on_the_next_append(tmp_path: Path) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("not a folder")
    store = Store.open(blocked / "m.db")
    session = Session.start(STARTED, store, SimulatedClock())
    blocked.unlink()
    session.append(CandidateSaid(text="now it works"))
    assert not store.in_memory
    assert Store.open(blocked / "m.db").load(session.id) == session.events


@pytest.mark.parametrize(
    "content",
    [b"these are my notes, not a database\n" * 50, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["text", "garbage-after-header"],
)
def test_a_file_that_is_not_a_database_is_named_and_never_overwritten(
    tmp_path: Path, content: bytes
) -> None:
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "mockloop.db"
    path.write_bytes(content)
    with pytest.raises(MockloopError, match="mockloop.db") as raised:
        Store.open(path)
    assert "untouched" in raised.value.message
    assert path.read_bytes() == content
    assert [p.name for p in path.parent.iterdir()] == ["mockloop.db"]


def test_broken_recovery_line_at_the_end_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    source = Store.open(path, timeout=0.05)
    session = Session.start(STARTED, source, SimulatedClock())
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    session.append(CandidateSaid(text="kept"))
    [recovery] = source.close()
    blocker.execute("ROLLBACK")
    blocker.close()
    with recovery.open("a") as handle:
        handle.write('{"session_id": "cut sho')
    assert len(Store.open(path).load(session.id)) == 2
