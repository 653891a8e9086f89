"""The idle garbage collector: no automatic pauses while an interview is on screen."""

from __future__ import annotations

import gc

import pytest

from mockloop import collector
from mockloop.collector import IdleCollector


@pytest.fixture
def automatic_collection() -> object:
    """Leave the process's collector as the test found it."""
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()


def test_it_replaces_the_automatic_collector_and_gives_it_back(
    automatic_collection: object,
) -> None:
    gc.enable()
    idle = IdleCollector()
    idle.start()
    assert not gc.isenabled()
    idle.stop()
    assert gc.isenabled()

    gc.disable()  # e.g. still starting up: stays off
    idle.start()
    idle.stop()
    assert not gc.isenabled()


def test_young_when_idle_full_rarely_and_never_long_without(
    automatic_collection: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gc, "collect", lambda generation=2: 0)  # only count them here
    idle = IdleCollector()
    idle.start()
    for _ in range(collector.FULL_EVERY - 1):
        idle.tick(busy=False)
    assert idle.collections == [1] * (collector.FULL_EVERY - 1)
    idle.tick(busy=False)
    assert idle.collections[-1] == 2

    idle.collections.clear()
    for _ in range(collector.BUSY_LIMIT - 1):
        idle.tick(busy=True)
    assert idle.collections == []  # nothing while a reply streams or tests run
    idle.tick(busy=True)
    assert idle.collections == [1]  # but not for ever
    idle.stop()


def test_cyclic_garbage_is_still_freed(automatic_collection: object) -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self

    idle = IdleCollector()
    idle.start()
    before = len(gc.get_objects(generation=0)) + len(gc.get_objects(generation=1))
    for _ in range(5000):
        Node()  # each one is unreachable but keeps itself alive through the cycle
    assert len(gc.get_objects(generation=0)) + len(gc.get_objects(generation=1)) >= before + 5000
    idle.tick(busy=False)
    assert len(gc.get_objects(generation=0)) + len(gc.get_objects(generation=1)) < before + 100
    idle.stop()


def test_young_collections_are_frequent_so_each_is_short() -> None:
    """Typing notes at speed, one young collection a second paused the screen 30-90 ms."""
    assert collector.TICK_SECONDS <= 0.25
    assert collector.FULL_EVERY * collector.TICK_SECONDS == 30
    assert collector.BUSY_LIMIT * collector.TICK_SECONDS == 10
