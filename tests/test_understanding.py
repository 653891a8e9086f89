"""The message reader measured against the labelled corpus (`tests/corpus/messages.yaml`).

The issue's target is macro-F1 >= 0.95 over the 14 labels (see docs/benchmarks.md). Must-pass
messages are the ones the interviewer's conduct depends on (every message quoted in issue 12
among them): each is read exactly as labelled.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from understanding import evaluate, load_corpus, packs_for

from mockloop.reading.messages import read_message

MACRO_F1_FLOOR = 0.95
MUST_PASS = [
    "i'm done",
    "ok i think its fine, most tests pass",
    "what's wrong with my code?",
    "is there an off-by-one in my run length?",
    "Are you a real person or a bot?",
    "What's your favourite programming language, by the way?",
    "hmm not sure, maybe sort t first? idk",
    "idk, can I get a hint?",
    "Can either word be empty? And are the words lowercase letters only?",
    "Can I use the same element twice?",
    "Before we start, what is it like to work here?",
    "maybe two pointers?",
    "idk, sort it first?",
    "just show me the answer",
]


@cache
def corpus() -> list[dict[str, Any]]:
    """The corpus, parsed once per test run."""
    return load_corpus()


def test_macro_f1_stays_above_the_floor() -> None:
    result = evaluate(corpus())
    assert result.macro_f1 >= MACRO_F1_FLOOR, f"macro-F1 {result.macro_f1:.3f}"


@pytest.mark.parametrize("text", MUST_PASS)
def test_must_pass_messages_are_read_as_labelled(text: str) -> None:
    entries = [entry for entry in corpus() if entry["text"] == text]
    assert entries, f"{text!r} is not in the corpus"
    problems, persona = packs_for(entries)
    for entry in entries:
        reading = read_message(text, problems[entry["problem"]], persona, entry["context"])
        assert reading.labels == set(entry["labels"])
