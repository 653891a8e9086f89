"""Deterministic long lists for reverse-list-in-groups' performance cases."""

import random


def long_runs():
    # Two runs of 50,000 nodes: finding nodes by walking from the run start is quadratic.
    rng = random.Random(404)
    values = [rng.randrange(-1_000_000_000, 1_000_000_001) for _ in range(100_000)]
    return [values, 50_000]


def many_short_runs():
    # 50,000 runs of two: a solution that recurses once per run goes 50,000 calls deep.
    return [list(range(100_000)), 2]


def odd_tail():
    # Runs of 999 with a 100-node tail that must stay in order.
    rng = random.Random(405)
    return [[rng.randrange(1_000) for _ in range(99_900 + 100)], 999]
