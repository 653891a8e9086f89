"""Deterministic large orchards for rotting-oranges' performance cases.

A winding single-file path of fresh oranges makes the rot take thousands of minutes,
so rescanning the whole grid every minute is far slower than a breadth-first search.
"""

import random


def _serpentine(size: int) -> list[list[int]]:
    # Full rows of oranges joined alternately at the right and left ends.
    grid = [[0] * size for _ in range(size)]
    for row in range(0, size, 2):
        grid[row] = [1] * size
    for row in range(1, size, 2):
        column = size - 1 if row % 4 == 1 else 0
        grid[row][column] = 1
    return grid


def winding_path():
    grid = _serpentine(120)
    grid[0][0] = 2
    return [grid]


def winding_path_with_unreachable():
    rng = random.Random(5)
    grid = _serpentine(120)
    grid[0][0] = 2
    # One extra empty column on the right holds a lone fresh orange beside a gap row,
    # so nothing can ever reach it and the answer is -1 after the whole path has rotted.
    for row in grid:
        row.append(0)
    gap_row = 4 * rng.randrange(5, 25) + 3
    grid[gap_row][120] = 1
    return [grid]
