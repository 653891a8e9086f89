def min_eating_speed(piles: list[int], h: int) -> int:
    # Return the smallest whole eating speed that finishes every pile within h hours.
    pass
