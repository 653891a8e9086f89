"""Deterministic large inputs for daily-temperatures' performance cases."""

import random


def long_plateau():
    temperatures = [55] * 100_000
    temperatures[-1] = 56
    return [temperatures]


def cooling_season():
    size = 100_000
    temperatures = [100 - (70 * day) // size for day in range(size)]
    rng = random.Random(101)
    for day in rng.sample(range(size), 20):
        temperatures[day] = 30
    return [temperatures]
