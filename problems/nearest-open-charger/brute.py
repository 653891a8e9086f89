from collections import deque


def nearest_charger(grid: list[str], closures: list[list[int]], cars: list[list[int]]) -> list[int]:
    # A fresh breadth-first search from every car until it meets a working charger.
    rows, columns = len(grid), len(grid[0])
    closed = {(row, column) for row, column in closures}
    answers = []
    for start in cars:
        seen = {tuple(start)}
        frontier = deque([(start[0], start[1], 0)])
        answer = -1
        while frontier:
            row, column, distance = frontier.popleft()
            if grid[row][column] == "C" and (row, column) not in closed:
                answer = distance
                break
            for next_row, next_column in (
                (row + 1, column),
                (row - 1, column),
                (row, column + 1),
                (row, column - 1),
            ):
                if (
                    0 <= next_row < rows
                    and 0 <= next_column < columns
                    and (next_row, next_column) not in seen
                    and grid[next_row][next_column] != "#"
                    and (next_row, next_column) not in closed
                ):
                    seen.add((next_row, next_column))
                    frontier.append((next_row, next_column, distance + 1))
        answers.append(answer)
    return answers
