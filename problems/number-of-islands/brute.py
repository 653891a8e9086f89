def num_islands(grid: list[list[str]]) -> int:
    # For every land cell, explore its whole island from scratch and count the cell only
    # if it is the first cell of that island in reading order.
    rows = len(grid)
    columns = len(grid[0]) if rows else 0
    islands = 0
    for row in range(rows):
        for column in range(columns):
            if grid[row][column] != "1":
                continue
            visited = {(row, column)}
            stack = [(row, column)]
            first = True
            while stack:
                r, c = stack.pop()
                if (r, c) < (row, column):
                    first = False
                for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                    inside = 0 <= nr < rows and 0 <= nc < columns
                    if inside and grid[nr][nc] == "1" and (nr, nc) not in visited:
                        visited.add((nr, nc))
                        stack.append((nr, nc))
            if first:
                islands += 1
    return islands
