from itertools import permutations


def count_placements(n: int, blocked: list[list[int]]) -> int:
    # Try every arrangement of one queen per row and column, then check the diagonals.
    blocked_squares = {(row, column) for row, column in blocked}
    total = 0
    for columns in permutations(range(n)):
        if any((row, column) in blocked_squares for row, column in enumerate(columns)):
            continue
        if len({row + column for row, column in enumerate(columns)}) < n:
            continue
        if len({row - column for row, column in enumerate(columns)}) < n:
            continue
        total += 1
    return total
