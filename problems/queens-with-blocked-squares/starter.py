def count_placements(n: int, blocked: list[list[int]]) -> int:
    # Ways to put n non-attacking queens on an n x n board, none on a blocked square.
    pass
