"""Deterministic large city grids for nearest-open-charger's performance cases."""

import random


def open_city():
    # A 300 x 300 city with scattered buildings, a few chargers (some closed today)
    # and 3,000 cars.
    rng = random.Random(10)
    size = 300
    cells = [["#" if rng.random() < 0.25 else "." for _ in range(size)] for _ in range(size)]
    chargers = []
    for _ in range(30):
        row, column = rng.randrange(size), rng.randrange(size)
        cells[row][column] = rng.choice("CCx")
        chargers.append([row, column])
    closures = [[rng.randrange(size), rng.randrange(size)] for _ in range(2_000)]
    closures += chargers[:5]
    closed = {tuple(cell) for cell in closures}
    cars = []
    while len(cars) < 3_000:
        row, column = rng.randrange(size), rng.randrange(size)
        if cells[row][column] != "#" and (row, column) not in closed:
            cars.append([row, column])
    return [["".join(line) for line in cells], closures, cars]


def snake_road():
    # One road snaking through a 299 x 300 grid with a single charger at its far end:
    # distances reach about 45,000 moves.
    size = 300
    cells = [["#"] * size for _ in range(size - 1)]
    for row in range(0, size - 1, 2):
        for column in range(size):
            cells[row][column] = "."
        if row + 1 < size - 1:
            link = size - 1 if (row // 2) % 2 == 0 else 0
            cells[row + 1][link] = "."
    cells[size - 2][size - 1 if ((size - 2) // 2) % 2 == 0 else 0] = "C"
    cars = [[row, column] for row in range(0, size - 1, 20) for column in range(0, size, 3)]
    return [["".join(line) for line in cells], [], cars]
