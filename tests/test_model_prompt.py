"""The decision prompt of a late turn, checked in as a reviewed fixture (issue 14): no hidden
cases, no reference code, no hint rung the candidate has not reached, within the budget."""

from __future__ import annotations

import os
from pathlib import Path

from engine_support import late_session, packs

from mockloop.engine.prompt import PROMPT_BUDGET, prompt_tokens

FIXTURE = Path(__file__).parent / "golden" / "llm-decision-prompt.txt"


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
