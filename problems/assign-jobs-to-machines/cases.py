"""Deterministic large fleets and job lists for assign-jobs-to-machines' performance cases."""

import random


def big_fleet():
    # 40,000 machines and 40,000 short jobs: most machines sit idle, so scanning the whole
    # fleet for every job is quadratic.
    rng = random.Random(2718)
    costs = [rng.randrange(1_000_000) for _ in range(40_000)]
    durations = [rng.randint(1, 50) for _ in range(40_000)]
    return [costs, durations]


def equal_costs():
    # Every machine costs the same, so only the index breaks ties.
    rng = random.Random(2719)
    return [[7] * 20_000, [rng.randint(1, 20_000) for _ in range(30_000)]]


def long_queue():
    # 20 machines and 40,000 long jobs: the queue grows and time jumps far ahead.
    rng = random.Random(2720)
    costs = [rng.randrange(5) for _ in range(20)]
    durations = [rng.randint(1, 1_000_000) for _ in range(40_000)]
    return [costs, durations]
