"""The Session: clock-driven appends, the state folded from the log, and the snapshot policy."""

from __future__ import annotations

import pytest
from factories import session_started

from mockloop import events
from mockloop.clock import SimulatedClock
from mockloop.digests import code_digest
from mockloop.events import (
    CandidateSaid,
    Event,
    HintGiven,
    InterviewerSaid,
    ScorecardWritten,
    SessionEnded,
)
from mockloop.session import MemorySink, Session, fold
from mockloop.snapshots import SnapshotPolicy

STARTER = "def two_sum(nums, target):\n    pass\n"
STARTED = session_started(seed=1, starter=STARTER)


def run(passed: int, code: str) -> events.TestsRun:
    """A test-run payload with `passed` of 5 cases passing."""
    return events.TestsRun(
        digest=code_digest(code),
        status="passed" if passed == 5 else "failed",
        passed=passed,
        total=5,
        visible_passed=min(passed, 2),
        visible_total=2,
        cases=[],
        message=f"{passed}/5 passed",
        duration_ms=12.0,
    )


class FailingSink:
    """A sink whose disk is gone: every append raises."""

    def append(self, session_id: str, event: Event) -> None:
        raise OSError("disk gone")


def test_state_is_folded_from_the_log_on_the_session_clock() -> None:
    clock = SimulatedClock()
    sink = MemorySink()
    session = Session.start(STARTED, sink, clock, session_id="s1")
    clock.advance_to(30)
    session.append(CandidateSaid(text="Can the list be empty?"))
    session.append(InterviewerSaid(text="Assume not.", intent="clarification", engine="offline"))
    session.change_phase("code", "candidate started coding")
    clock.advance_to(600)
    code = "def two_sum(nums, target):\n    return [0, 1]\n"
    session.snapshot(code, "run")
    session.append(run(3, code))
    session.append(HintGiven(rung=1, text="Think about a dictionary."))
    state = session.state
    assert (state.phase, state.code, state.code_digest) == ("code", code, code_digest(code))
    said = [event for event in session.events if event.kind.endswith("_said")]
    assert [event.kind for event in said] == ["candidate_said", "interviewer_said"]
    assert said[0].t == 30.0
    assert state.last_run is not None and state.last_run.passed == 3
    assert state.last_candidate_t == 600.0
    assert len(state.hints) == 1 and not state.ended
    assert (session.elapsed(), session.remaining()) == (600.0, 45 * 60 - 600.0)
    assert [event.seq for event in sink.events["s1"]] == list(range(7))
    assert fold(sink.events["s1"]) == state


def test_ending_freezes_the_clock_and_refuses_more_conversation() -> None:
    clock = SimulatedClock()
    session = Session.start(STARTED, MemorySink(), clock)
    clock.advance_to(1200)
    session.append(SessionEnded(reason="candidate"))
    clock.advance_to(5000)
    assert session.elapsed() == 1200.0
    assert session.state.ended and session.state.phase == "ended"
    with pytest.raises(ValueError, match="ended"):
        session.append(CandidateSaid(text="one more thing"))
    session.append(
        ScorecardWritten(path="r.md", verdict="Hire", score=3.1, dimensions={}, judge="offline")
    )
    assert session.state.scorecard is not None


def test_identical_code_and_same_phase_append_nothing() -> None:
    session = Session.start(STARTED, MemorySink(), SimulatedClock())
    assert session.snapshot(STARTER, "idle") is None
    assert session.snapshot(STARTER + "# x\n", "idle") is not None
    assert session.snapshot(STARTER + "# x\n", "run") is None
    assert session.change_phase("intro", "already there") is None
    assert len(session.events) == 2


def test_a_failed_persist_leaves_the_state_untouched() -> None:
    sink = MemorySink()
    session = Session.start(STARTED, sink, SimulatedClock())
    session.sink = FailingSink()
    with pytest.raises(OSError):
        session.append(CandidateSaid(text="lost?"))
    assert len(session.events) == 1 and session.state.last_event_t == 0.0


def test_resumed_session_continues_its_sequence_and_clock() -> None:
    sink = MemorySink()
    clock = SimulatedClock()
    first = Session.start(STARTED, sink, clock, session_id="r1")
    clock.advance_to(90)
    first.append(CandidateSaid(text="before the crash"))
    resumed = Session("r1", sink.events["r1"], sink, SimulatedClock(start=90))
    event = resumed.append(CandidateSaid(text="after the resume"))
    assert (event.seq, event.t) == (2, 90.0)
    assert [e.payload.text for e in resumed.events[1:]] == [  # type: ignore[union-attr]
        "before the crash",
        "after the resume",
    ]


def test_a_log_must_start_with_session_started() -> None:
    with pytest.raises(ValueError, match="session_started"):
        fold([Event(seq=0, t=0, payload=CandidateSaid(text="hi"))])


def test_snapshot_policy_is_due_after_an_idle_pause_with_unsaved_edits() -> None:
    policy = SnapshotPolicy(idle_seconds=3.0)
    assert not policy.due(100.0)
    policy.edited(10.0)
    policy.edited(11.5)
    assert not policy.due(14.4)
    assert policy.due(14.5)
    policy.saved()
    assert not policy.due(60.0)


def test_code_with_a_lone_surrogate_has_a_digest_and_is_snapshotted() -> None:
    session = Session.start(STARTED, MemorySink(), SimulatedClock())
    code = "def f():\n    return '\ud800'\n"
    event = session.snapshot(code, "idle")
    assert event is not None and session.state.code == code
    assert code_digest(code) != code_digest(code.replace("\ud800", "?"))
