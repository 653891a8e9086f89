def climb_stairs(n: int) -> int:
    # Number of different ways to climb n steps taking 1 or 2 at a time.
    pass
