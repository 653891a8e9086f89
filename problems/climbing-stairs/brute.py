def climb_stairs(n: int) -> int:
    # Try both moves from every position without remembering anything.
    if n <= 1:
        return 1
    return climb_stairs(n - 1) + climb_stairs(n - 2)
