"""Shared fixtures: every test gets its own MOCKLOOP_HOME so no real user data is touched."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI
from problem_audit import AuditPool

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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests that read problem audits last: the audits run in the background
    (problem_audit.py) while every other test runs."""
    items.sort(key=reads_audits)  # stable: each group keeps its order


def reads_audits(item: pytest.Item) -> bool:
    return "problem_audits" in getattr(item, "fixturenames", ())


@pytest.fixture(scope="session", autouse=True)
def audit_pool(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AuditPool]:
    """Start auditing the problems of the selected tests that read audits (their `folder`
    parameters) when the first test starts. With other tests to run, one core is left to
    the pytest process; with only audit readers, every core audits."""
    readers = [item for item in request.session.items if reads_audits(item)]
    folders = [
        item.callspec.params["folder"] for item in readers if isinstance(item, pytest.Function)
    ]
    cores = len(os.sched_getaffinity(0))
    others = len(readers) < len(request.session.items)
    workers = max(1, cores - 1) if others else cores
    pool = AuditPool(folders, tmp_path_factory.mktemp("audit-home"), workers)
    yield pool
    pool.close()


@pytest.fixture
def problem_audits(audit_pool: AuditPool) -> AuditPool:
    """The problem audits, for the tests that assert on them (they run last)."""
    return audit_pool
