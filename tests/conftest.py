"""Shared fixtures: every test gets its own MOCKLOOP_HOME so no real user data is touched."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI
from problem_audit import Audit, audit_problems

from mockloop.interviews import catalog as default_catalog


@pytest.fixture(autouse=True)
def mockloop_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point MOCKLOOP_HOME at a fresh temp dir and forget any cached catalog."""
    home = tmp_path / "mockloop-home"
    home.mkdir()
    monkeypatch.setenv("MOCKLOOP_HOME", str(home))
    for name in ("MOCKLOOP_MODEL", "MOCKLOOP_API_BASE", "OPENAI_API_KEY", "ANTHROPIC_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    default_catalog.cache_clear()
    yield home
    default_catalog.cache_clear()


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    """A local OpenAI-compatible server on 127.0.0.1 that follows scripted behaviours."""
    server = FakeOpenAI().start()
    yield server
    server.close()


@pytest.fixture(scope="session")
def problem_audits(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Audit]:
    """Every selected problem test's pack, audited once in parallel (see problem_audit.py).

    The folders are those of the collected tests that take both this fixture and a `folder`
    parameter, so running one problem's test audits that problem only.
    """
    folders = {
        item.callspec.params["folder"]
        for item in request.session.items
        if "problem_audits" in getattr(item, "fixturenames", ())
        and "folder" in getattr(getattr(item, "callspec", None), "params", {})
    }
    return audit_problems(folders, tmp_path_factory.mktemp("audit-home"))
