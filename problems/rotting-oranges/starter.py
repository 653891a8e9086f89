def oranges_rotting(grid: list[list[int]]) -> int:
    # 0 empty, 1 fresh, 2 rotten. Minutes until no fresh orange is left, or -1.
    pass
