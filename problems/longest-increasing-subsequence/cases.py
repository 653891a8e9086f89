"""Deterministic long inputs for longest-increasing-subsequence's performance cases."""

import random


def large_random():
    rng = random.Random(1009)
    return [[rng.randrange(-1_000_000_000, 1_000_000_000) for _ in range(25_000)]]


def large_sawtooth():
    # Rising runs that each restart a little higher: long answer, many replacements.
    return [[(index % 500) * 1_000 + index // 500 for index in range(25_000)]]


def large_descending_with_noise():
    rng = random.Random(2718)
    return [[100_000 - index + rng.randrange(0, 40) for index in range(25_000)]]
