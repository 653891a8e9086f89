def max_profit(prices: list[int]) -> int:
    # Return the best profit from one buy followed by one later sell (0 if none).
    pass
