"""Deterministic large inputs for kth-largest-element's performance cases."""

import random


def top_fifth_of_many():
    rng = random.Random(121)
    return [[rng.randint(-1_000_000_000, 1_000_000_000) for _ in range(50_000)], 10_000]


def many_duplicates_deep():
    rng = random.Random(122)
    return [[rng.randint(0, 50) for _ in range(80_000)], 60_000]
