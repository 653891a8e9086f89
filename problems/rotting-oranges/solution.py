from collections import deque


def oranges_rotting(grid: list[list[int]]) -> int:
    rows = len(grid)
    columns = len(grid[0]) if rows else 0
    state = [row[:] for row in grid]
    frontier: deque[tuple[int, int]] = deque()
    fresh = 0
    for row in range(rows):
        for column in range(columns):
            if state[row][column] == 2:
                frontier.append((row, column))
            elif state[row][column] == 1:
                fresh += 1
    minutes = 0
    while frontier and fresh:
        minutes += 1
        for _ in range(len(frontier)):
            r, c = frontier.popleft()
            for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if 0 <= nr < rows and 0 <= nc < columns and state[nr][nc] == 1:
                    state[nr][nc] = 2
                    fresh -= 1
                    frontier.append((nr, nc))
    return minutes if fresh == 0 else -1
