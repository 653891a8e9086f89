def oranges_rotting(grid: list[list[int]]) -> int:
    # Simulate minute by minute, rescanning the whole grid each minute.
    rows = len(grid)
    columns = len(grid[0]) if rows else 0
    state = [row[:] for row in grid]
    minutes = 0
    while True:
        to_rot = []
        for r in range(rows):
            for c in range(columns):
                if state[r][c] != 1:
                    continue
                for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                    if 0 <= nr < rows and 0 <= nc < columns and state[nr][nc] == 2:
                        to_rot.append((r, c))
                        break
        if not to_rot:
            break
        for r, c in to_rot:
            state[r][c] = 2
        minutes += 1
    if any(cell == 1 for row in state for cell in row):
        return -1
    return minutes
