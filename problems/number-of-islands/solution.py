from collections import deque


def num_islands(grid: list[list[str]]) -> int:
    rows = len(grid)
    columns = len(grid[0]) if rows else 0
    seen = [[False] * columns for _ in range(rows)]
    islands = 0
    for row in range(rows):
        for column in range(columns):
            if grid[row][column] != "1" or seen[row][column]:
                continue
            islands += 1
            seen[row][column] = True
            queue = deque([(row, column)])
            while queue:
                r, c = queue.popleft()
                for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                    inside = 0 <= nr < rows and 0 <= nc < columns
                    if inside and grid[nr][nc] == "1" and not seen[nr][nc]:
                        seen[nr][nc] = True
                        queue.append((nr, nc))
    return islands
