"""Deterministic long expressions for bracket-arithmetic's deep and performance cases."""

import random


def deepest_brackets():
    # The deepest nesting the statement allows, with a negation at every level.
    depth = 20_000
    return ["-(" * depth + "7" + ")" * depth]


def many_groups():
    # 120,000 one-digit bracketed groups joined by '+' and '-'.
    rng = random.Random(99)
    parts = []
    for index in range(120_000):
        sign = rng.choice("+-") if index else ""
        parts.append(sign + f"({rng.randrange(10)})")
    text = "".join(parts)
    assert len(text) <= 500_000
    return [text]


def nested_blocks():
    # 300 blocks, each 200 brackets deep, joined by '-': shallow enough for recursion,
    # but a string rebuilt once per bracket pair is copied 60,000 times.
    block = "(" * 200 + "3" + ")" * 200
    text = " - ".join([block] * 300)
    assert len(text) <= 200_000
    return [text]


def long_flat_sum():
    # 14,000 numbers, spaces around operators, and brackets wrapping runs of 100 terms.
    rng = random.Random(5)
    pieces = []
    for index in range(14_000):
        term = str(rng.randrange(2**31))
        if index % 100 == 0:
            term = "(" + term
        if index % 100 == 99:
            term = term + ")"
        pieces.append(term)
    text = " - ".join(pieces[:7_000]) + " + " + " + ".join(pieces[7_000:])
    assert len(text) <= 200_000
    return [text]
