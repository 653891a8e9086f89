"""Deterministic large grids for number-of-islands' performance cases.

Islands stay a few hundred cells big so a recursive flood fill fits Python's default
recursion limit; what makes the cases hard is exploring each island more than once.
"""

import random


def square_blocks():
    size, block = 200, 20
    grid = [["0"] * size for _ in range(size)]
    for top in range(0, size - block + 1, block + 1):
        for left in range(0, size - block + 1, block + 1):
            for row in range(top, top + block):
                for column in range(left, left + block):
                    grid[row][column] = "1"
    return [grid]


def ragged_blocks():
    rng = random.Random(77)
    size, block = 200, 22
    grid = [["0"] * size for _ in range(size)]
    for top in range(0, size - block + 1, block + 1):
        for left in range(0, size - block + 1, block + 1):
            for row in range(top, top + block):
                for column in range(left, left + block):
                    # Keep the first row of each block whole so the block stays one island.
                    if row == top or rng.random() < 0.8:
                        grid[row][column] = "1"
    return [grid]
