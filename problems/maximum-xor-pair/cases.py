"""Deterministic large inputs for maximum-xor-pair's performance cases."""

import random


def random_full_range():
    rng = random.Random(31)
    return [[rng.randrange(2**31) for _ in range(10_000)]]


def hidden_best_pair():
    # Every number has the top bit set except one, so the best pair must include it.
    rng = random.Random(32)
    nums = [2**30 | rng.randrange(2**30) for _ in range(9_999)]
    nums.insert(rng.randrange(10_000), rng.randrange(2**20))
    return [nums]


def small_values_many_repeats():
    rng = random.Random(33)
    return [[rng.randrange(64) for _ in range(10_000)]]
