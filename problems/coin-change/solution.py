def coin_change(coins: list[int], amount: int) -> int:
    # fewest[x] = fewest coins that make x; build it up from 0 to amount.
    unreachable = amount + 1
    fewest = [0] + [unreachable] * amount
    for value in range(1, amount + 1):
        best = unreachable
        for coin in coins:
            if coin <= value and fewest[value - coin] + 1 < best:
                best = fewest[value - coin] + 1
        fewest[value] = best
    return fewest[amount] if fewest[amount] <= amount else -1
