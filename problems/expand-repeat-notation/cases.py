"""Deterministic long notations for expand-repeat-notation's deep and performance cases."""

import random


def deepest_nesting():
    # Empty groups nested as deep as the statement allows, between two letters.
    depth = 20_000
    return ["x" + "(" * depth + ")2" * depth + "y"]


def many_small_groups():
    # 100,000 small groups side by side, read from left to right.
    rng = random.Random(3)
    letters = "abcdefghijklmnopqrstuvwxyz"
    parts = []
    for _ in range(100_000):
        word = "".join(rng.choice(letters) for _ in range(rng.randrange(1, 3)))
        parts.append(f"({word}){rng.randrange(2, 4)}")
    text = "".join(parts)
    assert len(text) <= 500_000
    return [text]


def largest_output():
    # Three levels of nesting that expand to just under a million characters.
    return ["start((ab(cde)9(f)10x)999)24end"]
