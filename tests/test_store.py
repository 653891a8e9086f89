"""The SQLite store: appends, reload, code deduplication, history rows, two processes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mockloop.clock import SimulatedClock
from mockloop.errors import UsageError
from mockloop.events import (
    CandidateSaid,
    Event,
    ScorecardWritten,
    SessionEnded,
    SessionStarted,
)
from mockloop.session import Session
from mockloop.store import Store

FAKE_KEY = "sk-fake-0123456789abcdefSECRET"


def started(
    problem: str = "two-sum", persona: str = "google", model: str | None = None
) -> SessionStarted:
    """A minimal valid session setup."""
    return SessionStarted(
        company=persona.title(),
        persona=persona,
        level="senior",
        level_title="L5",
        problem=problem,
        rubric="coding",
        minutes=45,
        seed=7,
        model=model,
        starter="def solve():\n    pass\n",
    )


def play(store: Store, session_id: str | None = None, end: bool = True) -> Session:
    """A short interview: messages, code edits (one repeated), an end and a scorecard."""
    clock = SimulatedClock()
    session = Session.start(started(), store, clock, session_id=session_id)
    for step in range(4):
        clock.advance(5)
        session.append(CandidateSaid(text=f"thinking aloud {step}"))
        session.snapshot(f"def solve():\n    return {step % 3}\n", "idle")
    if end:
        session.append(SessionEnded(reason="candidate"))
        session.append(
            ScorecardWritten(
                path="r.md", verdict="Hire", score=3.2, dimensions={"coding": 3.0}, judge="offline"
            )
        )
    return session


def test_load_returns_exactly_the_appended_log(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    session = play(store)
    store.close()
    reopened = Store.open(tmp_path / "m.db")
    assert reopened.load(session.id) == session.events
    assert reopened.load(session.id[:5]) == session.events


def test_identical_code_is_stored_once(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    play(store)
    play(store)
    store.close()
    connection = sqlite3.connect(tmp_path / "m.db")
    codes = connection.execute("SELECT count(*) FROM code").fetchone()[0]
    snapshots = connection.execute(
        "SELECT count(*) FROM events WHERE kind = 'code_snapshot'"
    ).fetchone()[0]
    assert (codes, snapshots) == (3, 8)
    assert connection.execute(
        "SELECT count(*) FROM events WHERE payload LIKE '%return%'"
    ).fetchone() == (0,)


def test_long_delta_chains_reload_exactly(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    clock = SimulatedClock()
    session = Session.start(started(), store, clock)
    lines: list[str] = []
    for step in range(80):
        lines.append(f"    total += {step}  # line {step}")
        session.snapshot("def solve():\n    total = 0\n" + "\n".join(lines) + "\n", "idle")
    store.close()
    reopened = Store.open(tmp_path / "m.db")
    assert reopened.load(session.id) == session.events
    depths = sqlite3.connect(tmp_path / "m.db").execute("SELECT max(depth) FROM code").fetchone()
    assert 0 < depths[0] <= 32


def test_sessions_row_follows_the_events(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    unfinished = play(store, end=False)
    finished = play(store)
    [second, first] = store.history()
    assert (second.id, first.id) == (finished.id, unfinished.id)
    assert (second.status, second.verdict, second.score) == ("ended", "Hire", 3.2)
    assert (first.status, first.verdict, first.score) == ("active", None, None)
    assert store.latest_unfinished() == unfinished.id
    assert store.done_slugs() == {"two-sum"}


def test_gaps_and_duplicates_are_refused(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    session = play(store, end=False)
    last = session.events[-1]
    with pytest.raises(ValueError, match="seq"):
        store.append(session.id, Event(seq=last.seq + 2, t=99, payload=CandidateSaid(text="x")))
    with pytest.raises(ValueError, match="seq"):
        store.append(session.id, Event(seq=last.seq, t=99, payload=CandidateSaid(text="x")))
    assert store.load(session.id) == session.events
    assert store.notices() == []


def test_unknown_session_is_a_usage_error(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    with pytest.raises(UsageError, match="nosuch"):
        store.load("nosuch")


def test_ambiguous_prefix_is_a_usage_error(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    play(store, session_id="abc111")
    play(store, session_id="abc222")
    with pytest.raises(UsageError, match="ambiguous"):
        store.load("abc")
    assert store.load("abc2")[0].seq == 0


def test_model_name_is_stored_but_no_key_ever_reaches_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    store = Store.open(tmp_path / "m.db")
    session = Session.start(started(model="openai/gpt-4o-mini"), store, SimulatedClock())
    session.append(CandidateSaid(text="hello"))
    store.sync()
    store.close()
    contents = b"".join(path.read_bytes() for path in tmp_path.glob("m.db*"))
    assert b"openai/gpt-4o-mini" in contents
    assert FAKE_KEY.encode() not in contents
    assert Store.open(tmp_path / "m.db").history()[0].model == "openai/gpt-4o-mini"


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from mockloop.clock import SimulatedClock
    from mockloop.events import CandidateSaid, SessionStarted
    from mockloop.session import Session
    from mockloop.store import Store

    store = Store.open(Path(sys.argv[1]))
    started = SessionStarted(company="Meta", persona="meta", level="mid", level_title="E4",
        problem="two-sum", rubric="coding", minutes=45, seed=1, starter="")
    session = Session.start(started, store, SimulatedClock(), session_id=sys.argv[2])
    for number in range(int(sys.argv[3])):
        session.append(CandidateSaid(text=f"other {number}"))
    print(len(store.notices()))
    store.close()
    """
)


def test_two_processes_write_the_same_database(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    store = Store.open(path)
    other = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), "other", "300"],
        stdout=subprocess.PIPE,
        text=True,
    )
    session = Session.start(started(), store, SimulatedClock(), session_id="mine")
    for number in range(300):
        session.append(CandidateSaid(text=f"mine {number}"))
    output, _ = other.communicate(timeout=60)
    assert other.returncode == 0
    assert output.strip() == "0"
    assert store.notices() == []
    assert len(store.load("other")) == 301
    assert store.load("mine") == session.events
