"""Deterministic large inputs for merge-intervals' performance cases."""

import random


def many_disjoint():
    rng = random.Random(11)
    intervals = [[10 * index, 10 * index + rng.randint(0, 8)] for index in range(12_000)]
    rng.shuffle(intervals)
    return [intervals]


def mixed_overlaps():
    rng = random.Random(12)
    intervals = []
    for _ in range(12_000):
        start = rng.randint(-1_000_000_000, 1_000_000_000)
        intervals.append([start, start + rng.randint(0, 20_000)])
    return [intervals]
