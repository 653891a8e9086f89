"""Deterministic large bags of tiles for tile-combinations' performance cases.

Heavy repetition is what makes them hard: taking or skipping each copy separately
builds the same group in astronomically many ways.
"""

import random


def hundred_ones():
    # One answer, [1] * 30, found thirty levels deep: the deepest search allowed.
    return [[1] * 100, 30]


def ten_values_ten_times():
    rng = random.Random(99)
    tiles = [value for value in range(1, 11) for _ in range(10)]
    rng.shuffle(tiles)
    return [tiles, 30]


def mixed_bag():
    rng = random.Random(100)
    return [[rng.randint(1, 12) for _ in range(100)], 27]
