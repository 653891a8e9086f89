def count_placements(n: int, blocked: list[list[int]]) -> int:
    # One queen per row; bit masks hold the columns and both diagonals already attacked.
    full = (1 << n) - 1
    forbidden = [0] * n
    for row, column in blocked:
        forbidden[row] |= 1 << column

    def place(row: int, columns: int, falling: int, rising: int) -> int:
        if row == n:
            return 1
        total = 0
        free = full & ~(columns | falling | rising | forbidden[row])
        while free:
            bit = free & -free
            free ^= bit
            total += place(
                row + 1,
                columns | bit,
                ((falling | bit) << 1) & full,
                (rising | bit) >> 1,
            )
        return total

    return place(0, 0, 0, 0)
