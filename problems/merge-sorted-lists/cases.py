"""Deterministic large inputs for merge-sorted-lists' performance cases."""

import random


def _sorted_lists(seed: int, count: int, total: int) -> list[list[int]]:
    rng = random.Random(seed)
    lists: list[list[int]] = [[] for _ in range(count)]
    for _ in range(total):
        lists[rng.randrange(count)].append(rng.randrange(-1_000_000_000, 1_000_000_001))
    return [sorted(values) for values in lists]


def many_lists():
    # 2,000 lists of about twenty-five nodes: scanning every head per step costs 2,000 per node.
    return [_sorted_lists(seed=88, count=2_000, total=50_000)]


def few_long_lists():
    # 50 lists of 1,000 nodes with heavy repeats.
    rng = random.Random(89)
    return [[sorted(rng.randrange(100) for _ in range(1_000)) for _ in range(50)]]


def two_long_lists():
    # Two interleaving lists of 25,000: merging two lists recursively goes 50,000 deep,
    # the deepest input the statement allows.
    return [[list(range(0, 50_000, 2)), list(range(1, 50_000, 2))]]


def mostly_empty():
    # 10,000 lists, all empty except a few.
    lists: list[list[int]] = [[] for _ in range(10_000)]
    lists[0] = list(range(20_000))
    lists[5_000] = list(range(-20_000, 0))
    lists[9_999] = list(range(5_000, 15_000))
    return [lists]
