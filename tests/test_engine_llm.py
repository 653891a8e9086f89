"""The LLM interviewer through real litellm against the local fake OpenAI server."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from engine_support import collect, last_said, new_session, packs, started_event
from fake_openai import Drop, FakeOpenAI, Malformed, Reply, Stall, Status

from mockloop import llm
from mockloop.engine.base import Tick
from mockloop.engine.factory import make_interviewer
from mockloop.engine.fallback import GOING_OFFLINE
from mockloop.engine.llm_interviewer import CUT_NOTE
from mockloop.events import CandidateSaid, EngineFallback, HintRequested
from mockloop.session import Session

KEY = "sk-test-SECRET123"


@pytest.fixture(scope="session", autouse=True)
def litellm_loaded() -> None:
    """Import litellm once for the whole run (it takes seconds), then make one call.

    litellm imports more on its first request; under load that took longer than the 1 s
    per-attempt timeout the tests use, so the first test's scripted reply was spent on an
    attempt that timed out and the retry got the server's default reply.
    """
    llm.load_litellm()
    server = FakeOpenAI().start()
    saved = os.environ.get("OPENAI_API_KEY")
    os.environ["OPENAI_API_KEY"] = KEY
    try:
        config = llm.ModelConfig("openai/warm-up", server.base_url, timeout=30.0)
        asyncio.run(llm.chat(config, [{"role": "user", "content": "Hello"}]))
    finally:
        if saved is None:
            os.environ.pop("OPENAI_API_KEY", None)
        else:
            os.environ["OPENAI_API_KEY"] = saved
        server.close()


@pytest.fixture
def setup(fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> tuple[object, Session]:
    """An LLM interviewer (fast retries, short timeouts) and a fresh session."""
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    persona, problem, rubric = packs("google", "two-sum")
    started = started_event(
        persona, problem, model="openai/fake-model", api_base=fake_openai.base_url
    )
    config = llm.ModelConfig(
        "openai/fake-model", fake_openai.base_url, timeout=1.0, retry_base=0.01, max_attempts=3
    )
    interviewer = make_interviewer(persona, problem, rubric, started, config=config, deadline=10)
    session, _clock = new_session(started)
    return interviewer, session


def worded(session: Session) -> object:
    """A moment the offline policy decides and the model words: a hint asked for from the
    palette (the greeting and the clock's check-ins are offline words, with or without a
    model)."""
    return session.append(HintRequested(source="palette"))


def fallbacks(session: Session) -> list[EngineFallback]:
    return [e.payload for e in session.events if isinstance(e.payload, EngineFallback)]


def assert_no_key(session: Session) -> None:
    for event in session.events:
        assert KEY not in event.model_dump_json()


async def test_the_greeting_is_offline_and_the_model_words_other_moments(
    setup, fake_openai: FakeOpenAI
) -> None:
    interviewer, session = setup
    greeting = await collect(interviewer, session, session.events[0])
    assert greeting and last_said(session).engine == "offline"
    assert last_said(session).intent == "greeting" and fake_openai.requests == []
    assert session.state.phase == "clarify"
    fake_openai.script(Reply("Hello, I'm Maya. Let's look at Two Sum together."))
    chunks = await collect(interviewer, session, worded(session))
    assert len(chunks) >= 2 and chunks[0] == "Hello, "  # the first word at once, then batches
    said = last_said(session)
    assert said.engine == "llm" and said.intent == "hint" and not said.cut
    assert said.text == "Hello, I'm Maya. Let's look at Two Sum together."
    body = fake_openai.requests[0]
    assert body["stream"] is True
    prompt = " ".join(message["content"] for message in body["messages"])
    _, problem, _ = packs("google", "two-sum")
    assert problem.hints[0] in prompt and "Maya" in prompt
    assert problem.solution.strip().splitlines()[-1].strip() not in prompt
    assert not any(str(case.args) in prompt for case in problem.hidden if case.args)
    assert fake_openai.requests[0].headers["authorization"].endswith(KEY)
    assert_no_key(session)


async def test_retries_rate_limits_and_server_errors_before_the_first_token(
    setup, fake_openai: FakeOpenAI
) -> None:
    interviewer, session = setup
    fake_openai.script(Status(429), Status(503), Reply("Second time lucky."))
    text = "".join(await collect(interviewer, session, worded(session)))
    assert text == "Second time lucky."
    assert len(fake_openai.requests) == 3
    assert fallbacks(session) == []


async def test_unauthorized_is_not_retried_and_goes_offline_for_good(
    setup, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    interviewer, session = setup
    fake_openai.script(Status(401, message=f"Incorrect API key provided: {KEY}"))
    text = "".join(await collect(interviewer, session, worded(session)))
    assert len(fake_openai.requests) == 1
    [fallback] = fallbacks(session)
    assert fallback.permanent and "OPENAI_API_KEY" in fallback.reason
    said = last_said(session)
    assert said.engine == "offline" and said.intent == "hint"
    assert text.startswith(GOING_OFFLINE)
    await collect(interviewer, session, session.append(CandidateSaid(text="Can it be negative?")))
    assert len(fake_openai.requests) == 1  # stays offline, no more calls
    assert last_said(session).intent == "clarification"
    assert_no_key(session)


async def test_repeated_server_failures_fall_back_then_stay_offline(
    setup, fake_openai: FakeOpenAI
) -> None:
    interviewer, session = setup
    fake_openai.script(*[Status(500)] * 9)
    await collect(interviewer, session, worded(session))
    assert len(fake_openai.requests) == 3  # max_attempts
    assert [f.permanent for f in fallbacks(session)] == [False]
    assert last_said(session).engine == "offline"
    for text in ("Can values repeat?", "Is it sorted?"):
        await collect(interviewer, session, session.append(CandidateSaid(text=text)))
    assert [f.permanent for f in fallbacks(session)] == [False, False, True]
    assert session.state.offline_for_good
    assert len(fake_openai.requests) == 9


@pytest.mark.parametrize("behaviour", [Drop(after_chunks=2), Malformed(after_chunks=2), Stall(2)])
async def test_a_stream_broken_mid_reply_keeps_what_arrived(
    setup, fake_openai: FakeOpenAI, behaviour: object
) -> None:
    interviewer, session = setup
    fake_openai.script(behaviour)  # type: ignore[arg-type]
    chunks = await collect(interviewer, session, worded(session))
    said = last_said(session)
    assert said.cut and said.engine == "llm"
    assert said.text == "Sounds good."  # the two chunks that arrived
    assert chunks[-1] == CUT_NOTE
    assert fallbacks(session) == [] and len(fake_openai.requests) == 1


async def test_slow_stream_arrives_whole(setup, fake_openai: FakeOpenAI) -> None:
    """The first word is shown as it arrives; the rest in checked batches of a few words."""
    interviewer, session = setup
    text = "one two three four five six seven eight nine ten eleven twelve"
    fake_openai.script(Reply(text, chunk_delay=0.02))
    chunks = await collect(interviewer, session, worded(session))
    assert chunks[0] == "one " and len(chunks) >= 3
    assert "".join(chunks) == text


async def test_a_failed_hint_turn_gives_the_same_rung_offline(
    setup, fake_openai: FakeOpenAI
) -> None:
    interviewer, session = setup
    await collect(interviewer, session, session.events[0])
    fake_openai.script(Status(503), Status(503), Status(503))
    await collect(interviewer, session, session.append(HintRequested(source="palette")))
    assert [hint.rung for hint in session.state.hints] == [1]
    assert last_said(session).engine == "offline"
    fake_openai.script(Reply("Think about what you have already seen."))
    await collect(interviewer, session, session.append(HintRequested(source="palette")))
    assert [hint.rung for hint in session.state.hints] == [1, 2]
    assert last_said(session).engine == "llm"
    assert await collect(interviewer, session, Tick(5)) == []  # nothing due: no model call


async def test_no_key_reaches_the_database(
    fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, mockloop_home: Path
) -> None:
    from mockloop.store import Store

    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    persona, problem, rubric = packs("google", "two-sum")
    started = started_event(
        persona, problem, model="openai/fake-model", api_base=fake_openai.base_url
    )
    config = llm.ModelConfig(
        "openai/fake-model", fake_openai.base_url, timeout=1.0, retry_base=0.01
    )
    interviewer = make_interviewer(persona, problem, rubric, started, config=config)
    store = Store.open()
    session, _clock = new_session(started, store)
    fake_openai.script(Status(401, message=f"bad key {KEY}"))
    await collect(interviewer, session, worded(session))
    await collect(interviewer, session, session.append(CandidateSaid(text=f"my key is {KEY[:5]}")))
    store.sync()
    store.close()
    files = [path for path in mockloop_home.rglob("*") if path.is_file()]
    assert files
    for path in files:
        assert KEY.encode() not in path.read_bytes()
    assert llm.redact(f"Bearer {KEY} and {KEY}") == "Bearer [redacted] and [redacted]"


async def test_an_unreachable_server_is_reported_as_unreachable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Nothing listens on the port: the message says the model could not be reached (and
    where), not a bare 'server failed (500)'."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again when the block ends
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-unreachable")
    config = llm.ModelConfig("openai/fake", f"http://127.0.0.1:{port}/v1", retry_base=0.01)
    with pytest.raises(llm.LLMError) as raised:
        await llm.chat(config, [{"role": "user", "content": "hi"}], deadline=5.0)
    assert "Could not reach the model openai/fake" in raised.value.message
    assert f"127.0.0.1:{port}" in raised.value.message
    assert "sk-test-unreachable" not in raised.value.message
