"""Deterministic large inputs for longest-consecutive-sequence's performance cases."""

import random


def one_long_run():
    rng = random.Random(141)
    nums = list(range(-25_000, 25_000))
    rng.shuffle(nums)
    return [nums]


def runs_and_noise():
    rng = random.Random(142)
    nums = list(range(1_000_000, 1_030_000))
    nums += [-7 * index for index in range(1, 15_000)]
    nums += nums[:2_000]
    rng.shuffle(nums)
    return [nums]
