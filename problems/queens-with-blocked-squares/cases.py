"""Deterministic largest boards for queens-with-blocked-squares' performance cases."""

import random


def open_ten():
    # The largest board with nothing blocked: 724 placements among 3,628,800 permutations.
    return [10, []]


def ten_with_scattered_blocks():
    rng = random.Random(808)
    squares = [[row, column] for row in range(10) for column in range(10)]
    return [10, rng.sample(squares, 12)]


def ten_with_blocked_diagonal():
    return [10, [[index, index] for index in range(10)]]
