"""Deterministic large road networks for fastest-arrival-times' performance cases."""

import random


def long_road_listed_backwards():
    # One long road through every junction, listed from the far end back to the depot,
    # plus slow shortcuts: a pass over the road list settles only one more junction.
    n = 20_000
    rng = random.Random(5)
    roads = [[index, index + 1, rng.randrange(1, 10)] for index in range(n - 1)]
    roads.reverse()
    for _ in range(10_000):
        first, second = rng.randrange(n), rng.randrange(n)
        roads.append([first, second, 100_000])
    return [n, roads, 0]


def random_city():
    # A sparse random network with varied road times and a few unreachable junctions.
    n = 10_000
    rng = random.Random(17)
    roads = []
    for _ in range(25_000):
        first, second = rng.randrange(n - 20), rng.randrange(n - 20)
        roads.append([first, second, rng.randrange(0, 10_001)])
    return [n, roads, rng.randrange(n - 20)]
