"""Before the screen opens, a configured model is checked (issue 14): a missing key is one
line naming its variable (exit 2); a server that does not answer is said within 3 s, and in a
terminal the user can go on offline or stop. No raw provider text reaches the user."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI

from mockloop import launcher, llm
from mockloop.cover import Cover
from mockloop.store import Store


def closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def record_shows(monkeypatch: pytest.MonkeyPatch) -> list[Cover]:
    shown: list[Cover] = []

    def show(cover: Cover, ready: Callable[[], object]) -> int:
        ready()
        shown.append(cover)
        return 0

    monkeypatch.setattr(launcher, "show", show)
    return shown


def test_a_missing_key_is_one_line_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], mockloop_home: Path
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    shown = record_shows(monkeypatch)
    began = time.perf_counter()
    code = launcher.launch(
        ["start", "--company", "google", "--level", "senior", "--model", "openai/gpt-4o-mini"]
    )
    took = time.perf_counter() - began
    err = capfd.readouterr().err
    assert code == 2 and shown == []
    assert err.count("\n") == 1 and "OPENAI_API_KEY" in err and "Traceback" not in err
    assert took < 10  # no model call, no 15 s of "typing…"
    store = Store.open()
    assert store.latest_unfinished() is None  # no session was created
    store.close()


def test_an_unreachable_api_base_is_said_within_3_seconds(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], mockloop_home: Path
) -> None:
    shown = record_shows(monkeypatch)
    base = closed_port()
    began = time.perf_counter()
    code = launcher.launch(
        ["start", "--company", "google", "--level", "senior", "--model", "openai/local",
         "--api-base", base]
    )  # fmt: skip
    took = time.perf_counter() - began
    err = capfd.readouterr().err
    assert code == 1 and shown == []  # not a terminal: it stops, saying how to go on
    assert base in err and "--offline" in err and "Traceback" not in err
    assert took < 3.0 + 6.0  # the 3 s wait plus the child's start under load


def test_in_a_terminal_the_user_can_go_on_offline(
    monkeypatch: pytest.MonkeyPatch, mockloop_home: Path
) -> None:
    shown = record_shows(monkeypatch)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "")
    code = launcher.launch(
        ["start", "--company", "google", "--level", "senior", "--model", "openai/local",
         "--api-base", closed_port()]
    )  # fmt: skip
    assert code == 0
    [cover] = shown
    store = Store.open()
    first = store.load(cover.session_id)[0].payload
    store.close()
    assert first.model is None  # type: ignore[union-attr]


def test_in_a_terminal_the_user_can_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = record_shows(monkeypatch)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    code = launcher.launch(
        ["start", "--company", "google", "--level", "senior", "--model", "openai/local",
         "--api-base", closed_port()]
    )  # fmt: skip
    assert code == 1 and shown == []


def test_a_server_that_answers_passes_the_preflight(
    monkeypatch: pytest.MonkeyPatch, fake_openai: FakeOpenAI, mockloop_home: Path
) -> None:
    shown = record_shows(monkeypatch)
    code = launcher.launch(
        ["start", "--company", "google", "--level", "senior", "--model", "openai/local",
         "--api-base", fake_openai.base_url]
    )  # fmt: skip
    assert code == 0 and len(shown) == 1


def test_provider_errors_are_said_in_our_words() -> None:
    config = llm.ModelConfig("openai/gpt-4o-mini")

    class Raw(Exception):
        status_code = 500

    raw = Raw("litellm.InternalServerError: OpenAIException - Missing OPENAI_ADMIN_KE);")
    message = llm.classify(raw, config).message
    assert "OPENAI_ADMIN" not in message and "litellm" not in message
    assert message == "The model server failed (500)."
    assert llm.missing_key("ollama/llama3", None) is None
    assert llm.missing_key("openai/gpt-4o-mini", "http://127.0.0.1:1/v1") is None


def test_simulate_checks_the_model_first_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mockloop_home: Path
) -> None:
    import subprocess
    import sys

    script = tmp_path / "s.yaml"
    script.write_text(
        "company: google\nlevel: senior\nproblem: two-sum\nactions:\n  - {at: 10, end: true}\n"
    )
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    done = subprocess.run(
        [sys.executable, "-m", "mockloop", "simulate", str(script), "--model", "openai/gpt-4o"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "OPENAI_API_KEY" in done.stderr and "Traceback" not in done.stderr
