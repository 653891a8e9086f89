def num_islands(grid: list[list[str]]) -> int:
    # Count groups of "1" cells joined up, down, left or right.
    pass
