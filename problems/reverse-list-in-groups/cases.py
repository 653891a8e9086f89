"""Deterministic long lists for reverse-list-in-groups' performance cases."""

import random


def long_runs():
    # Two runs of 25,000 nodes: finding nodes by walking from the run start is quadratic.
    rng = random.Random(404)
    values = [rng.randrange(-1_000_000_000, 1_000_000_001) for _ in range(50_000)]
    return [values, 25_000]


def many_short_runs():
    # 25,000 runs of two.
    return [list(range(50_000)), 2]


def runs_of_one():
    # k = 1 on the longest list: a solution that recurses once per run goes 50,000 deep.
    return [list(range(50_000, 0, -1)), 1]


def odd_tail():
    # Runs of 499 with a 100-node tail that must stay in order.
    rng = random.Random(405)
    return [[rng.randrange(1_000) for _ in range(49_900 + 100)], 499]
