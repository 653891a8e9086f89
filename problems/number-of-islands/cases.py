"""Deterministic large grids for number-of-islands' performance cases.

Most islands stay a few hundred cells big; what makes those cases hard is exploring each
island more than once. The all-land grids are the deepest inputs the statement allows: a
recursive flood fill goes about 90,000 calls deep there, which the sandbox's recursion
policy supports (README, "Recursion").
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


def all_land():
    # One 300 x 300 island: a depth-first flood fill snakes through every cell.
    return [[["1"] * 300 for _ in range(300)]]


def all_land_but_corner():
    # Same, with one water cell in a corner and a lone land cell beyond a water moat.
    grid = [["1"] * 300 for _ in range(300)]
    for column in range(300):
        grid[297][column] = "0"
    grid[298] = ["0"] * 300
    grid[299] = ["0"] * 299 + ["1"]
    grid[0][0] = "0"
    return [grid]
