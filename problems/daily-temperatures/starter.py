def daily_temperatures(temperatures: list[int]) -> list[int]:
    # For each day, return how many days until a warmer one (0 if none comes).
    pass
