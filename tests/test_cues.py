"""Cue patterns are compiled grouped at word starts, and match exactly what was written."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from understanding import load_corpus

from mockloop.reading.claims import CLAIM_MARKS, big_o_spans, worded_spans
from mockloop.reading.cues import alternatives, grouped_at_word_starts
from mockloop.reading.messages import plain, split_sentences

WRITTEN = [
    r"\bhash ?(?:map|table)s?\b|\bset\b|two[- ]pointers?|\?$|^(?:so |and )?should\b",
    r"(?<!type )\bhints?\b|\bstuck\b|[|(]x|\b\w+\[[^\]|]*\]|a\|b|\bnone\b",
    r"\b(?:i'?m|im) (?:done|finished)\b(?! with (?:the|this) loop)|\ball done\b|^done[.!]*$",
]


def test_alternatives_split_only_at_the_top_level() -> None:
    assert alternatives(r"a|(?:b|c)|[|x]|\||[]|]|d") == ["a", "(?:b|c)", "[|x]", r"\|", "[]|]", "d"]


def test_word_start_alternatives_share_one_boundary() -> None:
    grouped = grouped_at_word_starts(r"\bset\b|\bstuck\b|->|\bmap")
    assert grouped == r"\b(?:set\b|stuck\b|map)|->"
    assert grouped_at_word_starts(r"\bonly|->") == r"\bonly|->"


@pytest.mark.parametrize("pattern", WRITTEN)
def test_grouped_patterns_match_the_same_sentences(pattern: str) -> None:
    written, grouped = re.compile(pattern), re.compile(grouped_at_word_starts(pattern))
    sentences = [s for entry in load_corpus() for s in split_sentences(plain(entry["text"]))]
    sentences += ["so should we", "type hints", "hints", "a|b", "x[1]", "i'm done with the loop"]
    for sentence in sentences:
        assert bool(written.search(sentence)) == bool(grouped.search(sentence)), sentence
        assert bool(written.match(sentence)) == bool(grouped.match(sentence)), sentence


CLAIMS = [
    "O(n) time",
    "n log n",
    "linear",
    "linaer time",
    "quadratic",
    "n squared",
    "n^2",
    "n**2",
    "n²",
    "n * n",
    "(m*n)^2",
    "amount times n",
    "constant space",
    "LOG N lookups",
    "Θ(n)",
]


def test_every_claim_carries_a_mark_the_quick_scan_finds() -> None:
    texts = [entry["text"] for entry in load_corpus()] + CLAIMS
    found = 0
    for text in texts:
        big = big_o_spans(text)
        if big or worded_spans(text, big):
            found += 1
            assert CLAIM_MARKS.search(text.lower()), text
    assert found >= len(CLAIMS)
