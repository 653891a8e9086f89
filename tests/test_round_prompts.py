"""The behavioral and design decision prompts late in a round: within the prompt budget, and
the design prompt carries none of the pack's reference answers (issues 15 and 16)."""

from __future__ import annotations

from round_support import late_behavioral, late_design

from mockloop.engine.prompt import PROMPT_BUDGET, prompt_tokens


def text_of(messages: list[dict[str, str]]) -> str:
    return "\n".join(message["content"] for message in messages)


def test_a_late_behavioral_prompt_fits_and_names_the_question_and_its_probes() -> None:
    model, session = late_behavioral()
    context = model.context(session)
    messages = model.decision_prompt(session, context)
    assert prompt_tokens(messages) <= PROMPT_BUDGET
    text = text_of(messages)
    assert context.current.question.text in text
    assert context.current.question.probes.result in text
    assert "(already asked)" in text  # the probes asked on this story are marked
    assert context.upcoming is not None and context.upcoming.question.text not in text
    assert context.state.asked[0] != context.current.slug  # late: on the second question


def test_a_late_design_prompt_fits_and_holds_back_the_reference() -> None:
    model, session = late_design()
    context = model.context(session)
    messages = model.decision_prompt(session, context)
    assert prompt_tokens(messages) <= PROMPT_BUDGET
    text = text_of(messages)
    prompt = model.planner.prompt
    for checkpoint in prompt.checkpoints:
        assert checkpoint.expect not in text
    for estimate in prompt.estimates:
        assert estimate.derive not in text
    for pitfall in prompt.pitfalls:
        assert pitfall not in text
    assert "20000" not in text and "30000000000" not in text  # reference values
    assert prompt.requirements.functional[0].answer in text  # the answers it may give
    assert "changed their notes" in text  # the notes as a diff since the last look
