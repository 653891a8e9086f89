"""Model replies are bounded: one deadline over the whole stream, and a length cap.

A server that streams a token every 50 ms forever must not keep `simulate` (or the
interview) waiting: the reply is cut off and what arrived stands.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from engine_support import collect, last_said, new_session, packs, started_event
from fake_openai import Endless, FakeOpenAI

from mockloop import llm
from mockloop.config import load_settings
from mockloop.engine.factory import make_interviewer
from mockloop.engine.llm_interviewer import CUT_NOTE
from mockloop.errors import UsageError
from mockloop.events import HintRequested

MESSAGES = [{"role": "user", "content": "Hello"}]


@pytest.fixture(scope="module", autouse=True)
def litellm_loaded() -> Iterator[None]:
    """Import litellm once (it takes seconds) and make one call so later ones are quick."""
    llm.load_litellm()
    server = FakeOpenAI().start()
    try:
        config = llm.ModelConfig("openai/warm-up", server.base_url, timeout=30.0)
        asyncio.run(llm.chat(config, MESSAGES))
    finally:
        server.close()
    yield


async def collect_stream(config: llm.ModelConfig, deadline: float) -> tuple[str, Exception | None]:
    """The text a stream yielded and the error that ended it (None when it finished)."""
    parts: list[str] = []
    try:
        async with asyncio.timeout(deadline + 20):  # the old code streamed forever
            async for text in llm.stream_chat(config, MESSAGES, deadline=deadline):
                parts.append(text)
    except llm.LLMError as error:
        return "".join(parts), error
    return "".join(parts), None


async def test_an_endless_stream_is_cut_off_at_the_deadline(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Endless(chunk_delay=0.05))
    config = llm.ModelConfig("openai/fake-model", fake_openai.base_url, timeout=5.0)
    text, error = await collect_stream(config, deadline=1.5)
    assert isinstance(error, llm.StreamCut)
    assert "longer than 2 s" in error.message
    assert text.startswith("more more ")
    assert fake_openai.requests[0]["max_tokens"] == config.max_tokens


async def test_a_reply_longer_than_max_tokens_allows_is_cut_to_the_cap(
    fake_openai: FakeOpenAI,
) -> None:
    fake_openai.script(Endless(word="word ", chunk_delay=0.0))
    config = llm.ModelConfig("openai/fake-model", fake_openai.base_url, max_tokens=20)
    text, error = await collect_stream(config, deadline=30)
    assert isinstance(error, llm.StreamCut)
    assert len(text) == config.max_characters == 20 * llm.CHARACTERS_PER_TOKEN
    assert fake_openai.requests[0]["max_tokens"] == 20


async def test_the_interviewer_keeps_what_arrived_from_an_endless_reply(
    fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-SECRET123")
    persona, problem, rubric = packs("google", "two-sum")
    started = started_event(
        persona, problem, model="openai/fake-model", api_base=fake_openai.base_url
    )
    config = llm.ModelConfig("openai/fake-model", fake_openai.base_url, timeout=5.0)
    interviewer = make_interviewer(persona, problem, rubric, started, config=config, deadline=1)
    session, _clock = new_session(started)
    fake_openai.script(Endless(chunk_delay=0.05))
    hint = session.append(HintRequested(source="palette"))  # the model words this moment
    chunks = await collect(interviewer, session, hint)
    said = last_said(session)
    assert said.cut and said.text.startswith("more")
    assert chunks[-1] == CUT_NOTE


@pytest.mark.parametrize("value", [".inf", ".nan", "-1", "0", "100000", "soon"])
def test_a_nonsense_request_timeout_is_refused(mockloop_home: Path, value: str) -> None:
    (mockloop_home / "config.yaml").write_text(f"request_timeout: {value}\n", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        load_settings()
    assert "request_timeout" in raised.value.message


def test_a_sensible_request_timeout_is_kept(mockloop_home: Path) -> None:
    (mockloop_home / "config.yaml").write_text("request_timeout: 12.5\n", encoding="utf-8")
    assert load_settings().request_timeout == 12.5
