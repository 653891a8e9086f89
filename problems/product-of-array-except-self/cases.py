"""Deterministic large inputs for product-of-array-except-self's performance cases.

Mostly 1 and -1 with a few 2s and 3s, so every product stays a small integer.
"""

import random


def long_signs():
    rng = random.Random(51)
    nums = [rng.choice((1, -1)) for _ in range(20_000)]
    for position in rng.sample(range(20_000), 30):
        nums[position] = rng.choice((2, -2, 3))
    return [nums]


def long_with_zero():
    rng = random.Random(52)
    nums = [rng.choice((1, -1, 2)) if rng.random() < 0.002 else 1 for _ in range(20_000)]
    nums[13_579] = 0
    return [nums]
