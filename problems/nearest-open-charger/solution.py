from collections import deque


def nearest_charger(grid: list[str], closures: list[list[int]], cars: list[list[int]]) -> list[int]:
    rows, columns = len(grid), len(grid[0])
    closed = {(row, column) for row, column in closures}
    steps = [[-1] * columns for _ in range(rows)]
    frontier: deque[tuple[int, int]] = deque()
    # Search outwards from every working charger at once: the first time a cell is
    # reached, the nearest charger's distance is known (moves are reversible).
    for row in range(rows):
        for column in range(columns):
            if grid[row][column] == "C" and (row, column) not in closed:
                steps[row][column] = 0
                frontier.append((row, column))
    while frontier:
        row, column = frontier.popleft()
        for next_row, next_column in (
            (row + 1, column),
            (row - 1, column),
            (row, column + 1),
            (row, column - 1),
        ):
            if (
                0 <= next_row < rows
                and 0 <= next_column < columns
                and steps[next_row][next_column] == -1
                and grid[next_row][next_column] != "#"
                and (next_row, next_column) not in closed
            ):
                steps[next_row][next_column] = steps[row][column] + 1
                frontier.append((next_row, next_column))
    return [steps[row][column] for row, column in cars]
