"""The model decides each chat turn, and the rules hold whatever it returns (issue 14).

Every test runs real litellm against the local OpenAI-protocol server, which scripts the
model's answer: a valid decision, invalid JSON, a forbidden phase jump, a reply that hands
over the reference code, a hint two rungs ahead, a wrong time remark, a refused JSON mode.
Each asserts what the candidate sees (the streamed chunks) and what the log keeps.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from engine_support import collect, last_said, new_session, packs, started_event
from fake_openai import FakeOpenAI, Reply, Status

from mockloop import events, llm
from mockloop.engine.factory import make_interviewer
from mockloop.engine.llm_interviewer import REPLACEMENT
from mockloop.events import CandidateSaid, EngineFallback, HintGiven
from mockloop.session import Session

KEY = "sk-test-DECISIONS"


def decision(reply: str, **fields: Any) -> str:
    """A decision as the model would write it: the fields, then the reply, last."""
    body: dict[str, Any] = {
        "questions": [],
        "approach": "none",
        "complexity": [],
        "hint_requested": False,
        "give_hint": False,
        "move_to": None,
        "follow_up": None,
    }
    body.update(fields)
    body["reply"] = reply
    return json.dumps(body)


@pytest.fixture
def setup(fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch):
    """A model interviewer on two-sum, greeted offline-free (the greeting is scripted)."""
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    persona, problem, rubric = packs("google", "two-sum")
    started = started_event(
        persona, problem, model="openai/fake-model", api_base=fake_openai.base_url
    )
    config = llm.ModelConfig(
        "openai/fake-model", fake_openai.base_url, timeout=5.0, retry_base=0.01, max_attempts=2
    )
    interviewer = make_interviewer(persona, problem, rubric, started, config=config, deadline=10)
    session, clock = new_session(started)
    return interviewer, session, clock, problem


async def greet(interviewer: Any, session: Session, fake: FakeOpenAI) -> None:
    """The greeting is the offline policy's: no model call."""
    await collect(interviewer, session, session.events[0])
    assert fake.requests == []


async def say(interviewer: Any, session: Session, text: str) -> list[str]:
    return await collect(interviewer, session, session.append(CandidateSaid(text=text)))


def fallbacks(session: Session) -> list[EngineFallback]:
    return [e.payload for e in session.events if isinstance(e.payload, EngineFallback)]


async def test_a_valid_decision_answers_every_question_and_streams(setup, fake_openai) -> None:
    interviewer, session, _clock, _problem = setup
    await greet(interviewer, session, fake_openai)
    reply = (
        "Yes, values can be negative, and there is always exactly one answer. "
        "What would you try first?"
    )
    fake_openai.script(
        Reply(
            decision(
                reply,
                questions=[
                    {"question": "negatives?", "answer": "yes"},
                    {"question": "one answer?", "answer": "exactly one"},
                ],
            ),
            chunk_delay=0.01,
        )
    )
    chunks = await say(interviewer, session, "Can values be negative? Is there always one answer?")
    assert "".join(chunks) == reply
    assert len(chunks) >= 2  # streamed, not handed over whole
    said = last_said(session)
    assert said.engine == "llm" and said.intent == "answer_question" and said.text == reply
    assert fallbacks(session) == []
    request = fake_openai.requests[-1]
    assert request.get("response_format") == {"type": "json_object"}
    prompt = " ".join(message["content"] for message in request["messages"])
    assert "Can values be negative?" in prompt and '"reply"' in prompt


async def test_invalid_json_is_repaired_once_then_falls_back_offline(setup, fake_openai) -> None:
    interviewer, session, _clock, _problem = setup
    await greet(interviewer, session, fake_openai)
    fake_openai.script(Reply("Sure! Negative numbers are fine."), Reply("{still not json"))
    chunks = await say(interviewer, session, "Can values be negative?")
    [fallback] = fallbacks(session)
    assert fallback.failure == "invalid" and not fallback.permanent
    assert "still not json" not in fallback.reason
    said = last_said(session)
    assert said.engine == "offline" and said.intent == "clarification"
    assert "".join(chunks) == said.text  # the candidate saw only the offline answer
    assert len(fake_openai.requests) == 2  # the answer, one repair


async def test_a_repaired_decision_is_used(setup, fake_openai) -> None:
    interviewer, session, _clock, _problem = setup
    await greet(interviewer, session, fake_openai)
    fake_openai.script(Reply("Yes they can."), Reply(decision("Yes, negatives are allowed.")))
    chunks = await say(interviewer, session, "Can values be negative?")
    assert "".join(chunks) == "Yes, negatives are allowed."
    assert last_said(session).engine == "llm" and fallbacks(session) == []


async def test_a_forbidden_phase_jump_is_overruled(setup, fake_openai) -> None:
    interviewer, session, _clock, _problem = setup
    await greet(interviewer, session, fake_openai)
    fake_openai.script(Reply(decision("Great, let's wrap up here.", move_to="wrap_up")))
    chunks = await say(interviewer, session, "I think I'd use a hash map.")
    assert session.state.phase != "wrap_up"
    [fallback] = fallbacks(session)
    assert fallback.failure == "rule:phase" and "wrap_up" in fallback.reason
    assert "wrap up" not in "".join(chunks)
    assert last_said(session).engine == "offline"


async def test_a_forward_move_the_rules_allow_is_taken(setup, fake_openai) -> None:
    interviewer, session, _clock, _problem = setup
    await greet(interviewer, session, fake_openai)
    fake_openai.script(
        Reply(decision("Sounds good, go ahead.", approach="committed", move_to="code"))
    )
    await say(interviewer, session, "One pass with a hash map from value to index. O(n).")
    assert session.state.phase == "code"
    assert last_said(session).intent == "approve_approach"


SOLUTION_REPLY = (
    "Sure, here it is:\n```python\ndef two_sum(nums, target):\n    position = {}\n"
    "    for index, value in enumerate(nums):\n        partner = target - value\n"
    "        if partner in position:\n            return [position[partner], index]\n"
    "        position[value] = index\n```"
)


async def test_a_reply_that_hands_over_the_solution_is_cut_and_replaced(setup, fake_openai) -> None:
    interviewer, session, _clock, problem = setup
    await greet(interviewer, session, fake_openai)
    fake_openai.script(Reply(decision(SOLUTION_REPLY)))
    chunks = await say(interviewer, session, "Can you just show me the code?")
    seen = "".join(chunks)
    assert "```" not in seen and "position[partner]" not in seen and "def " not in seen
    # only "Sure," of the model's words was shown, then our sentence
    assert (
        seen == "Sure, … no, wait. I'll leave the writing to you. Walk me through your next step."
    )
    assert REPLACEMENT.endswith("Walk me through your next step.")
    said = last_said(session)
    assert said.text == seen.strip() and "position" not in said.text
    [fallback] = fallbacks(session)
    assert fallback.failure == "rule:code"


async def test_code_from_the_first_word_falls_back_offline(setup, fake_openai) -> None:
    interviewer, session, _clock, problem = setup
    await greet(interviewer, session, fake_openai)
    code = problem.solution.strip()
    fake_openai.script(Reply(decision(code)))
    chunks = await say(interviewer, session, "What's the answer?")
    seen = "".join(chunks)
    assert not any(line.strip() and line.strip() in seen for line in code.splitlines()[1:])
    assert last_said(session).engine == "offline"
    assert fallbacks(session)[0].failure.startswith("rule:")


async def test_a_hint_two_rungs_ahead_is_never_shown(setup, fake_openai) -> None:
    interviewer, session, _clock, problem = setup
    await greet(interviewer, session, fake_openai)
    fake_openai.script(
        Reply(
            decision(f"Here's a thought. {problem.hints[2]}", give_hint=True, hint_requested=True)
        )
    )
    chunks = await say(interviewer, session, "I'm stuck, can I get a hint?")
    seen = "".join(chunks)
    assert problem.hints[2] not in seen and "dictionary from value to index" not in seen
    assert [hint.rung for hint in session.state.hints] == [1]  # the offline rung 1, once
    assert fallbacks(session)[0].failure == "rule:hint"


async def test_the_next_rung_is_given_and_logged(setup, fake_openai) -> None:
    interviewer, session, _clock, problem = setup
    await greet(interviewer, session, fake_openai)
    fake_openai.script(
        Reply(
            decision(
                "Try this: for each number, what value would complete the pair?",
                give_hint=True,
                hint_requested=True,
            )
        )
    )
    await say(interviewer, session, "Could I get a small hint?")
    hints = [e.payload for e in session.events if isinstance(e.payload, HintGiven)]
    assert [(h.rung, h.text) for h in hints] == [(1, problem.hints[0])]
    assert last_said(session).intent == "hint" and last_said(session).engine == "llm"


async def test_a_time_remark_the_clock_contradicts_is_overruled(setup, fake_openai) -> None:
    interviewer, session, clock, _problem = setup
    await greet(interviewer, session, fake_openai)
    clock.advance(600)  # 35 of 45 minutes left
    fake_openai.script(Reply(decision("No rush, we still have 40 minutes left.")))
    chunks = await say(interviewer, session, "Should I hurry?")
    assert "40 minutes" not in "".join(chunks)
    assert fallbacks(session)[0].failure == "rule:time"


async def test_a_follow_up_is_recorded_and_not_asked_twice(setup, fake_openai) -> None:
    interviewer, session, clock, problem = setup
    await greet(interviewer, session, fake_openai)
    session.append(
        events.TestsRun(
            status="passed",
            passed=20,
            total=20,
            visible_passed=2,
            visible_total=2,
            cases=[],
            message="",
            duration_ms=5.0,
            digest=session.state.code_digest,
        )
    )
    session.change_phase("follow_up", "test")
    question = problem.follow_ups[1].question
    fake_openai.script(Reply(decision(f"Nice. {question}", follow_up=2)))
    await say(interviewer, session, "All tests pass now.")
    assert last_said(session).follow_up == question
    fake_openai.script(Reply(decision(f"Again: {question}", follow_up=2)))
    await say(interviewer, session, "I'd count pairs with a set.")
    assert fallbacks(session)[-1].failure == "rule:follow_up"


async def test_a_server_that_refuses_json_mode_is_asked_without_it(setup, fake_openai) -> None:
    interviewer, session, _clock, _problem = setup
    await greet(interviewer, session, fake_openai)
    fake_openai.script(Status(400, "response_format is not supported"), Reply(decision("Yes.")))
    chunks = await say(interviewer, session, "Can values repeat?")
    assert "".join(chunks) == "Yes."
    assert "response_format" in fake_openai.requests[-2]
    assert "response_format" not in fake_openai.requests[-1]
    assert fallbacks(session) == []


def test_the_candidate_is_told_once_per_kind_of_failure_and_never_about_overruled_turns() -> None:
    from mockloop.tui.wording import fallback_notice

    down = EngineFallback(reason="Could not reach the model.", failure="unreachable")
    slow = EngineFallback(reason="The model timed out.", failure="timeout")
    overruled = EngineFallback(reason="the model moved the phase", failure="rule:phase")
    gone = EngineFallback(
        reason="Could not reach the model.", failure="unreachable", permanent=True
    )
    log = [down, down, slow, overruled, down, gone, gone]
    shown = [fallback_notice(item, log[:at]) for at, item in enumerate(log)]
    assert [notice is not None for notice in shown] == [
        True,
        False,
        True,
        False,
        False,
        True,
        False,
    ]
    assert "rest of the interview" in (shown[5] or "")
