"""Deterministic large inputs for two-sum's performance cases."""

import random


def large_random():
    rng = random.Random(2024)
    nums = rng.sample(range(1, 10_000_000), 100_000)
    nums = [value * 2 for value in nums]  # all even, so an odd target has one pair
    nums[70_001] = 1
    target = nums[99_998] + 1
    return [nums, target]


def large_answer_last():
    nums = list(range(0, 200_000, 2))[:50_000]
    nums += [7, 1_000_001]
    return [nums, 1_000_008]
