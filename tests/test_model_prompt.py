"""The decision prompt of a late turn, checked in as a reviewed fixture (issue 14): no hidden
cases, no reference code, no hint rung the candidate has not reached, within the budget."""

from __future__ import annotations

import os
from pathlib import Path

from engine_support import new_session, packs, started_event

from mockloop import events, llm
from mockloop.engine.llm_interviewer import LLMInterviewer
from mockloop.engine.offline import OfflineInterviewer
from mockloop.engine.prompt import PROMPT_BUDGET, prompt_tokens
from mockloop.events import CandidateSaid, HintGiven, InterviewerSaid
from mockloop.session import Session

FIXTURE = Path(__file__).parent / "golden" / "llm-decision-prompt.txt"
CODE = """def two_sum(nums: list[int], target: int) -> list[int]:
    # brute force first, then I'll improve it
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
    return []
"""
BETTER = CODE.replace("    # brute force first, then I'll improve it\n", "    # nested loops\n")


def late_session() -> tuple[LLMInterviewer, Session]:
    """40 minutes into a 45-minute senior interview: 60 exchanges, edits, runs, a hint."""
    persona, problem, rubric = packs("google", "two-sum")
    started = started_event(persona, problem, model="openai/fixture", api_base="http://x/v1")
    session, clock = new_session(started)
    offline = OfflineInterviewer(persona, problem, rubric)
    interviewer = LLMInterviewer(offline, llm.ModelConfig("openai/fixture", "http://x/v1"))
    session.change_phase("clarify", "greeting")
    for turn in range(60):
        clock.advance(38)
        session.append(CandidateSaid(text=f"Thinking aloud, step {turn}: I check each pair."))
        text = f"Okay, go on (turn {turn}). What would you check next?"
        session.append(InterviewerSaid(text=text, intent="probe", engine="llm"))
        if turn == 20:
            session.snapshot(CODE, "idle")
        if turn == 30:
            session.append(HintGiven(rung=1, text=problem.hints[0]))
    session.change_phase("code", "model")
    session.snapshot(BETTER, "message")
    session.append(
        events.TestsRun(
            status="failed",
            passed=14,
            total=20,
            visible_passed=2,
            visible_total=2,
            cases=[],
            message="",
            duration_ms=12.0,
            digest=session.state.code_digest,
        )
    )
    session.append(CandidateSaid(text="Six fail on time. Could a dictionary help?"))
    return interviewer, session


def rendered(messages: list[dict[str, str]]) -> str:
    return "\n\n".join(f"=== {m['role']} ===\n{m['content']}" for m in messages) + "\n"


def test_the_late_turn_prompt_is_the_reviewed_fixture() -> None:
    interviewer, session = late_session()
    messages = interviewer.decision_prompt(session, interviewer.planner.context(session))
    text = rendered(messages)
    if os.environ.get("MOCKLOOP_UPDATE_GOLDEN"):
        FIXTURE.write_text(text)
    assert text == FIXTURE.read_text(), "review the new prompt, then MOCKLOOP_UPDATE_GOLDEN=1"
    _, problem, _ = packs("google", "two-sum")
    assert prompt_tokens(messages) <= PROMPT_BUDGET
    for line in problem.solution.splitlines():
        if len(line.strip()) > 12 and line.strip() not in problem.starter:
            assert line.strip() not in text
    for case in problem.hidden:
        if case.args and len(str(case.args)) > 10:
            assert str(case.args) not in text
    assert problem.hints[0] in text and problem.hints[1] in text  # given, and the next rung
    assert problem.hints[2] not in text  # not reached: not the model's to give
    assert "- for j in range" not in text and "+    # nested loops" in text  # a diff, not all
