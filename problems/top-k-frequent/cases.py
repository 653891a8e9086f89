"""Deterministic large inputs for top-k-frequent; every answer is unique by construction.

Background values occur 1-15 times each and the k top values 16 or more times, so the
k-th highest count is strictly above the next one.
"""

import random


def _build(seed, background, top):
    rng = random.Random(seed)
    values = rng.sample(range(-1_000_000_000, 1_000_000_000), background + top)
    nums = []
    for value in values[:background]:
        nums.extend([value] * rng.randint(1, 15))
    for rank, value in enumerate(values[background:]):
        nums.extend([value] * (16 + rank % 5))
    rng.shuffle(nums)
    return nums


def many_distinct():
    top = 25
    return [_build(31, 8_000, top), top]


def large_k():
    top = 2_000
    return [_build(32, 5_000, top), top]
