def coin_change(coins: list[int], amount: int) -> int:
    # Fewest coins adding up to amount (unlimited coins of each kind), or -1.
    pass
