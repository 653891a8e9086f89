"""With a model, the model decides each system design chat turn within the round's rules
(issue 16).

Real litellm against the local OpenAI-protocol server, which scripts the model's decision:
an answer from the pack, a made-up number, an unknown deep dive, a phase jump, a challenge
of an estimate the checker finds right, a recital of the reference design, invalid JSON.
Each asserts what the candidate sees and what the log keeps.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from engine_support import collect, last_said, model_round
from fake_openai import FakeOpenAI, Reply

from mockloop.clock import SimulatedClock
from mockloop.engine.base import Interviewer
from mockloop.engine.design.model import REPLACEMENT
from mockloop.events import CandidateSaid, EngineFallback
from mockloop.session import Session

KEY = "sk-test-DESIGN"
NOTES_OFF = "\n## Estimates\n50M DAU\nwrites: 200 req/s\nreads: 20 req/s\n"
"""Notes whose redirect rate is 1000× too low (the pack's reference is about 20k/s)."""


def decision(reply: str, **fields: Any) -> str:
    """A design decision as a model writes it: the fields, then the reply, last."""
    body: dict[str, Any] = {
        "answers": [],
        "challenge": None,
        "deep_dive": None,
        "ask": None,
        "move_to": None,
        "steer": False,
    }
    body.update(fields)
    body["reply"] = reply
    return json.dumps(body)


Setup = tuple[Interviewer, Session, SimulatedClock]


@pytest.fixture
def setup(fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> Setup:
    """A staff URL-shortener round with a model; the prompt is given offline."""
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    _, interviewer, session, clock = model_round(
        fake_openai.base_url, "google", "staff", "system-design", "url-shortener", seed=3
    )
    return interviewer, session, clock  # type: ignore[return-value]


async def opened(setup: Setup) -> Setup:
    interviewer, session, _clock = setup
    await collect(interviewer, session, session.events[0])
    assert last_said(session).intent == "prompt" and last_said(session).engine == "offline"
    return setup


async def say(interviewer: Interviewer, session: Session, text: str) -> list[str]:
    return await collect(interviewer, session, session.append(CandidateSaid(text=text)))


def fallbacks(session: Session) -> list[EngineFallback]:
    return [e.payload for e in session.events if isinstance(e.payload, EngineFallback)]


async def test_an_answer_from_the_pack_streams_and_is_logged(setup, fake_openai) -> None:
    interviewer, session, _clock = await opened(setup)
    reply = "About 500 million new links a month, and links live for 5 years by default."
    fake_openai.script(Reply(decision(reply, answers=["scale-0", "expiry"]), chunk_delay=0.01))
    chunks = await say(interviewer, session, "How many links do we create, and do they expire?")
    assert "".join(chunks) == reply and len(chunks) >= 2
    said = last_said(session)
    assert said.engine == "llm" and said.intent == "answer:scale-0,expiry" and said.text == reply
    assert fallbacks(session) == []
    request = fake_openai.requests[-1]
    assert request.get("response_format") == {"type": "json_object"}
    prompt = " ".join(message["content"] for message in request["messages"])
    assert "scale-0" in prompt and "How many links" in prompt
    assert "20000" not in prompt and "62^7" not in prompt  # no reference estimates


async def test_a_made_up_number_falls_back_offline(setup, fake_openai) -> None:
    interviewer, session, _clock = await opened(setup)
    fake_openai.script(Reply(decision("20k redirects per second at peak.", answers=["scale-1"])))
    chunks = await say(interviewer, session, "What read traffic should I expect?")
    assert "20k" not in "".join(chunks)
    [fallback] = fallbacks(session)
    assert fallback.failure == "rule:number" and "20k" in fallback.reason
    said = last_said(session)
    assert said.engine == "offline" and said.intent.startswith("answer:")


async def test_a_made_up_number_mid_reply_is_cut_and_replaced(setup, fake_openai) -> None:
    interviewer, session, _clock = await opened(setup)
    reply = "Reads dominate heavily in this system, so plan for 20000 redirects a second."
    fake_openai.script(Reply(decision(reply, answers=["scale-1"])))
    chunks = await say(interviewer, session, "What is the read to write ratio?")
    seen = "".join(chunks)
    assert "20000" not in seen and seen.endswith(REPLACEMENT)
    assert fallbacks(session)[0].failure == "rule:number"
    assert last_said(session).text == seen.strip()


async def test_the_candidates_own_numbers_may_be_repeated(setup, fake_openai) -> None:
    interviewer, session, _clock = await opened(setup)
    reply = "So 50M DAU and 200 writes a second. And what must it do first?"
    fake_openai.script(Reply(decision(reply, ask="requirements")))
    await say(interviewer, session, "I'd assume 50M DAU and about 200 writes a second.")
    said = last_said(session)
    assert said.engine == "llm" and said.intent == "ask:requirements" and fallbacks(session) == []


async def test_an_unknown_deep_dive_falls_back(setup, fake_openai) -> None:
    interviewer, session, clock = await opened(setup)
    clock.advance(25 * 60)  # the deep dive phase by the clock
    fake_openai.script(Reply(decision("Let's go deep on the blockchain layer.", deep_dive=9)))
    await say(interviewer, session, "That's my high-level design.")
    [fallback] = fallbacks(session)
    assert fallback.failure == "rule:deep_dive" and "9" in fallback.reason
    assert last_said(session).engine == "offline"


async def test_a_deep_dive_from_the_pack_is_taken_once(setup, fake_openai) -> None:
    interviewer, session, clock = await opened(setup)
    clock.advance(25 * 60)
    fake_openai.script(Reply(decision("Let's go deeper on how you make the codes.", deep_dive=1)))
    await say(interviewer, session, "That's my high-level design.")
    assert last_said(session).intent == "dive:0" and last_said(session).engine == "llm"
    fake_openai.script(Reply(decision("Back to the codes once more.", deep_dive=1)))
    await say(interviewer, session, "Done with that.")
    assert fallbacks(session)[-1].failure == "rule:deep_dive"


async def test_a_phase_jump_is_overruled(setup, fake_openai) -> None:
    interviewer, session, _clock = await opened(setup)
    fake_openai.script(Reply(decision("Great, let's wrap up.", move_to="wrap_up")))
    await say(interviewer, session, "I think it needs to shorten links.")
    [fallback] = fallbacks(session)
    assert fallback.failure == "rule:phase" and "wrap_up" in fallback.reason
    assert last_said(session).engine == "offline" and last_said(session).intent != "wrap_up"


async def test_asking_for_a_later_checkpoint_is_a_phase_jump(setup, fake_openai) -> None:
    interviewer, session, _clock = await opened(setup)
    fake_openai.script(Reply(decision("What are your trade-offs?", ask="tradeoffs")))
    await say(interviewer, session, "Let me think about the requirements.")
    assert fallbacks(session)[0].failure == "rule:phase"


async def test_only_an_estimate_the_checker_finds_off_is_challenged(setup, fake_openai) -> None:
    interviewer, session, clock = await opened(setup)
    clock.advance(8 * 60)
    session.snapshot(session.started.starter + NOTES_OFF, "idle")
    reply = "You have 20 req/s for redirects; that looks about 1000× too low. Walk me through it."
    fake_openai.script(Reply(decision(reply, challenge="read_qps")))
    await say(interviewer, session, "Those are my numbers.")
    said = last_said(session)
    assert said.engine == "llm" and said.intent == "challenge:read_qps" and said.text == reply
    fake_openai.script(Reply(decision("Are 200 writes a second right?", challenge="write_qps")))
    await say(interviewer, session, "Anything else wrong there?")
    [fallback] = fallbacks(session)
    assert fallback.failure == "rule:challenge" and "write_qps" in fallback.reason
    fake_openai.script(Reply(decision("Redirects again: 20 req/s?", challenge="read_qps")))
    await say(interviewer, session, "And now?")
    assert fallbacks(session)[-1].failure == "rule:challenge"  # challenged once


async def test_the_reference_design_is_never_recited(setup, fake_openai) -> None:
    interviewer, session, _clock = await opened(setup)
    expect = (
        "Separates creating from redirecting, asks about expiry and custom aliases, and names "
        "availability and redirect latency as the priorities."
    )
    fake_openai.script(Reply(decision(expect)))
    chunks = await say(interviewer, session, "What should the requirements be?")
    assert "redirect latency as the priorities" not in "".join(chunks)
    assert fallbacks(session)[0].failure == "rule:design"


async def test_invalid_json_is_repaired_once_then_offline(setup, fake_openai) -> None:
    interviewer, session, _clock = await opened(setup)
    fake_openai.script(Reply("Links expire after five years."), Reply("{still not json"))
    chunks = await say(interviewer, session, "Do links expire?")
    [fallback] = fallbacks(session)
    assert fallback.failure == "invalid" and not fallback.permanent
    said = last_said(session)
    assert said.engine == "offline" and said.intent == "answer:expiry"
    assert "".join(chunks) == said.text
    assert len(fake_openai.requests) == 2  # the answer and one repair


async def test_a_forward_move_once_the_phase_is_covered_is_taken(setup, fake_openai) -> None:
    interviewer, session, _clock = await opened(setup)
    notes = "## Requirements\n- functional: shorten, redirect, expiry\n- availability, latency\n"
    session.snapshot(notes, "idle")
    reply = "Good list. Can you put some rough numbers on it next?"
    fake_openai.script(Reply(decision(reply, move_to="estimates")))
    await say(interviewer, session, "Those are my requirements.")
    said = last_said(session)
    assert said.engine == "llm" and said.intent == "ask:estimates" and fallbacks(session) == []
    fake_openai.script(Reply(decision("Now go deep on the cache.", move_to="deep_dive")))
    await say(interviewer, session, "Sure.")
    [fallback] = fallbacks(session)
    assert fallback.failure == "rule:phase" and "estimates to deep_dive" in fallback.reason
