"""Deterministic large inputs for container-with-most-water's performance cases."""

import random


def random_walls():
    rng = random.Random(71)
    return [[rng.randint(0, 10_000) for _ in range(50_000)]]


def tall_in_middle():
    heights = [1] * 50_000
    heights[20_000] = 9_000
    heights[20_003] = 9_500
    return [heights]
