"""With a model, the model decides each behavioral chat turn within the round's rules (issue 15).

Real litellm against the local OpenAI-protocol server, which scripts the model's decision:
a probe, a move to the next question, an invented question, a move before the story was
probed, a probe after the question's time, coaching about STAR, invalid JSON. Each asserts
what the candidate sees and what the log keeps.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from engine_support import collect, last_said, model_round
from fake_openai import FakeOpenAI, Reply, Status

from mockloop.clock import SimulatedClock
from mockloop.engine.base import Interviewer
from mockloop.engine.behavioral.model import REPLACEMENT
from mockloop.engine.behavioral.plan import MAX_PROBES
from mockloop.engine.fallback import GOING_OFFLINE
from mockloop.events import CandidateSaid, EngineFallback, InterviewerSaid
from mockloop.interviews import catalog, interview_type
from mockloop.session import Session

KEY = "sk-test-BEHAVIORAL"
OPENING = "ownership-unowned-problem"
THIN = "We had a flaky deploy pipeline and we fixed it together."
"""An answer in 'we' with no result: the reading finds it lacking."""


def decision(reply: str, **fields: Any) -> str:
    """A behavioral decision as a model writes it: the fields, then the reply, last."""
    body: dict[str, Any] = {"missing": [], "move": "probe", "probe": None, "next_question": None}
    body.update(fields)
    body["reply"] = reply
    return json.dumps(body)


Setup = tuple[Interviewer, Session, SimulatedClock, list[str]]


@pytest.fixture
def setup(fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> Setup:
    """A senior Amazon behavioral round with a model; the opening is said offline."""
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    offline, interviewer, session, clock = model_round(
        fake_openai.base_url, "amazon", "senior", "behavioral", OPENING, seed=7
    )
    questions = [q.slug for q in offline.questions(session)]  # type: ignore[attr-defined]
    return interviewer, session, clock, questions  # type: ignore[return-value]


async def opened(setup: Setup) -> Setup:
    interviewer, session, _clock, _questions = setup
    await collect(interviewer, session, session.events[0])
    assert last_said(session).intent == f"question:{OPENING}"
    assert last_said(session).engine == "offline"  # the opening stays offline: no model call
    return setup


async def say(interviewer: Interviewer, session: Session, text: str) -> list[str]:
    return await collect(interviewer, session, session.append(CandidateSaid(text=text)))


async def probe_twice(interviewer: Interviewer, session: Session, fake: FakeOpenAI) -> None:
    fake.script(Reply(decision("What was the outcome?", probe="result")))
    await say(interviewer, session, THIN)
    fake.script(Reply(decision("How did you measure it?", probe="metric")))
    await say(interviewer, session, THIN)
    assert [last_said(session).engine, len(fallbacks(session))] == ["llm", 0]


def fallbacks(session: Session) -> list[EngineFallback]:
    return [e.payload for e in session.events if isinstance(e.payload, EngineFallback)]


async def test_a_probe_the_model_chooses_streams_and_is_logged(setup, fake_openai) -> None:
    interviewer, session, _clock, _questions = await opened(setup)
    reply = "Thanks. When you say you fixed it together, what was your own part in it?"
    fake_openai.script(
        Reply(
            decision(reply, missing=["you_not_we", "result"], probe="you_not_we"),
            chunk_delay=0.01,
        )
    )
    chunks = await say(interviewer, session, THIN)
    assert "".join(chunks) == reply and len(chunks) >= 2
    said = last_said(session)
    assert said.engine == "llm" and said.intent == "probe:you_not_we" and said.text == reply
    assert fallbacks(session) == []
    request = fake_openai.requests[-1]
    assert request.get("response_format") == {"type": "json_object"}
    prompt = " ".join(message["content"] for message in request["messages"])
    assert THIN in prompt and '"reply"' in prompt and "you_not_we" in prompt
    assert len(fake_openai.requests) == 1  # the opening cost no model call


async def test_moving_on_asks_the_plans_next_question_word_for_word(setup, fake_openai) -> None:
    interviewer, session, _clock, questions = await opened(setup)
    upcoming = interview_type("behavioral").bank(catalog())[questions[1]].question.text
    fake_openai.script(
        Reply(decision("Thanks, that's a clear picture.", move="next", next_question=questions[1]))
    )
    story = (
        "At my last job our deploys failed twice a week. I was the owner of the pipeline, so I "
        "traced the failures to a shared cache, wrote a fix and added a canary stage. As a "
        "result failed deploys dropped from 8 a month to 1, and I learned to measure first."
    )
    chunks = await say(interviewer, session, story)
    seen = "".join(chunks)
    assert seen == f"Thanks, that's a clear picture. {upcoming}"
    said = last_said(session)
    assert said.engine == "llm" and said.intent == f"question:{questions[1]}"


async def test_an_invented_question_falls_back_offline(setup, fake_openai) -> None:
    interviewer, session, _clock, _questions = await opened(setup)
    await probe_twice(interviewer, session, fake_openai)  # so moving on is allowed
    fake_openai.script(
        Reply(
            decision("Great. Tell me about your favourite film.", move="next", next_question="film")
        )
    )
    chunks = await say(interviewer, session, THIN)
    [fallback] = fallbacks(session)
    assert fallback.failure == "rule:question" and "film" in fallback.reason
    assert "film" not in "".join(chunks)
    said = last_said(session)
    assert said.engine == "offline"


async def test_a_question_of_its_own_when_moving_on_falls_back(setup, fake_openai) -> None:
    interviewer, session, _clock, _questions = await opened(setup)
    await probe_twice(interviewer, session, fake_openai)
    fake_openai.script(Reply(decision("Okay. What is your biggest weakness?", move="next")))
    chunks = await say(interviewer, session, THIN)
    assert fallbacks(session)[-1].failure == "rule:question"
    assert "weakness" not in "".join(chunks) and last_said(session).engine == "offline"


async def test_moving_on_before_the_story_was_probed_is_overruled(setup, fake_openai) -> None:
    interviewer, session, _clock, questions = await opened(setup)
    fake_openai.script(Reply(decision("Thanks.", move="next", next_question=questions[1])))
    await say(interviewer, session, THIN)
    [fallback] = fallbacks(session)
    assert fallback.failure == "rule:move_on"
    said = last_said(session)
    assert said.engine == "offline" and said.intent.startswith("probe:")  # the offline probes


async def test_no_probe_after_the_questions_time_nor_past_the_limit(setup, fake_openai) -> None:
    interviewer, session, clock, _questions = await opened(setup)
    clock.advance(20 * 60)
    fake_openai.script(Reply(decision("What was the result?", probe="result")))
    await say(interviewer, session, THIN)
    [fallback] = fallbacks(session)
    assert fallback.failure == "rule:time"
    assert last_said(session).intent.startswith("question:")  # the offline moves on instead
    assert MAX_PROBES == 4


async def test_coaching_about_star_is_never_shown(setup, fake_openai) -> None:
    interviewer, session, _clock, _questions = await opened(setup)
    fake_openai.script(
        Reply(decision("STAR would help here: situation, task, action, result.", probe="result"))
    )
    chunks = await say(interviewer, session, THIN)
    assert "STAR" not in "".join(chunks)
    assert fallbacks(session)[0].failure == "rule:coaching"
    assert last_said(session).engine == "offline"


async def test_coaching_that_starts_mid_reply_is_cut_and_replaced(setup, fake_openai) -> None:
    interviewer, session, _clock, _questions = await opened(setup)
    reply = "Thanks for that overview of the pipeline work. Use the STAR format for the rest."
    fake_openai.script(Reply(decision(reply, probe="result")))
    chunks = await say(interviewer, session, THIN)
    seen = "".join(chunks)
    assert "STAR" not in seen and seen.endswith(REPLACEMENT)
    [fallback] = fallbacks(session)
    assert fallback.failure == "rule:coaching" and "replaced" in fallback.reason
    said = last_said(session)
    assert said.engine == "llm" and said.text == seen.strip() and said.intent == "probe:result"


async def test_invalid_json_is_repaired_once_then_offline(setup, fake_openai) -> None:
    interviewer, session, _clock, _questions = await opened(setup)
    fake_openai.script(Reply("Good story! Tell me more."), Reply("{still not json"))
    chunks = await say(interviewer, session, THIN)
    [fallback] = fallbacks(session)
    assert fallback.failure == "invalid" and not fallback.permanent
    said = last_said(session)
    assert said.engine == "offline" and "".join(chunks) == said.text
    assert len(fake_openai.requests) == 2  # the answer and one repair


async def test_a_repaired_decision_is_used(setup, fake_openai) -> None:
    interviewer, session, _clock, _questions = await opened(setup)
    fake_openai.script(
        Reply("Sure."), Reply(decision("And what came of it in the end?", probe="result"))
    )
    await say(interviewer, session, THIN)
    said = last_said(session)
    assert said.engine == "llm" and said.intent == "probe:result" and fallbacks(session) == []
    replies = [e.payload for e in session.events if isinstance(e.payload, InterviewerSaid)]
    assert len(replies) == 2


async def test_a_rejected_key_goes_offline_for_good_and_says_so(setup, fake_openai) -> None:
    interviewer, session, _clock, _questions = await opened(setup)
    fake_openai.script(Status(401, "Incorrect API key provided: sk-test-BEHAVIORAL"))
    chunks = await say(interviewer, session, THIN)
    seen = "".join(chunks)
    assert seen.startswith(GOING_OFFLINE) and KEY not in seen
    [fallback] = fallbacks(session)
    assert fallback.permanent and KEY not in fallback.reason
    said = last_said(session)
    assert said.engine == "offline" and said.text == seen and said.intent.startswith("probe:")
    await say(interviewer, session, THIN)
    assert len(fake_openai.requests) == 1  # offline for good: the model is not asked again


async def test_a_time_remark_the_clock_contradicts_is_never_shown(setup, fake_openai) -> None:
    interviewer, session, _clock, _questions = await opened(setup)
    reply = "We have 5 minutes left, so quickly: what was the result?"
    fake_openai.script(Reply(decision(reply, probe="result")))
    chunks = await say(interviewer, session, THIN)
    assert "5 minutes" not in "".join(chunks)
    assert fallbacks(session)[0].failure == "rule:time"


async def test_after_the_last_question_it_invites_questions_and_stops_probing(
    setup, fake_openai
) -> None:
    interviewer, session, _clock, questions = await opened(setup)
    for slug in questions[1:]:
        session.append(InterviewerSaid(text="Next one.", intent=f"question:{slug}", engine="llm"))
    await probe_twice(interviewer, session, fake_openai)
    fake_openai.script(Reply(decision("Thanks, that covers it.", move="next")))
    chunks = await say(interviewer, session, THIN)
    said = last_said(session)
    assert said.engine == "llm" and said.intent == "wrap_up"
    assert "".join(chunks).startswith("Thanks, that covers it. ") and said.text.endswith("?")
    fake_openai.script(Reply(decision("What was the result?", probe="result")))
    await say(interviewer, session, "No questions from me.")
    assert fallbacks(session)[-1].failure == "rule:move"
