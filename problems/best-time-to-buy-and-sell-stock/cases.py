"""Deterministic large inputs for best-time-to-buy-and-sell-stock's performance cases."""

import itertools
import random


def random_walk():
    rng = random.Random(41)
    steps = rng.choices(range(-300, 301), k=100_000)
    return [list(itertools.accumulate(steps, initial=500_000_000))[1:]]


def falling_market():
    prices = list(range(100_000, 0, -1))
    prices[60_000] = 100_001
    return [prices]
