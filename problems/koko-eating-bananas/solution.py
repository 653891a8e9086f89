def min_eating_speed(piles: list[int], h: int) -> int:
    def hours_at(speed: int) -> int:
        return sum((pile + speed - 1) // speed for pile in piles)

    low, high = 1, max(piles)
    while low < high:
        speed = (low + high) // 2
        if hours_at(speed) <= h:
            high = speed
        else:
            low = speed + 1
    return low
