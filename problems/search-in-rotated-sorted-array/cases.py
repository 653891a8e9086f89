"""Deterministic large inputs for search-in-rotated-sorted-array's performance cases."""

import random


def _rotated(seed, size):
    rng = random.Random(seed)
    step = rng.randint(2, 9)
    values = list(range(-step * size // 2, step * size // 2, step))[:size]
    pivot = rng.randrange(1, size)
    return values[pivot:] + values[:pivot]


def large_present():
    nums = _rotated(81, 200_000)
    return [nums, nums[123_456]]


def large_absent():
    nums = _rotated(82, 200_000)
    return [nums, nums[77_777] + 1]
