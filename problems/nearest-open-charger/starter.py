def nearest_charger(grid: list[str], closures: list[list[int]], cars: list[list[int]]) -> list[int]:
    # For each car, the fewest moves to a working, open charger (-1 if none is reachable).
    pass
