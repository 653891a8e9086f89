def recalculate(cells: list[list[str]]) -> list[int | str]:
    # Each cell's value, or "#CYCLE" if it is on a reference loop or reads from one.
    pass
