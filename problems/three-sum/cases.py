"""Deterministic large inputs for three-sum's performance cases."""

import random


def wide_range():
    rng = random.Random(61)
    return [rng.sample(range(-100_000, 100_001), 1_000)]


def dense_duplicates():
    rng = random.Random(62)
    return [[rng.randint(-400, 400) for _ in range(1_000)]]
