"""Inputs for coin-change's performance cases.

Amounts stay under 200 times the smallest coin so even a memoised recursion that
spends several frames per level fits Python's default recursion limit; trying every
coin sequence is still hopeless.
"""


def awkward_coins():
    return [[29, 41, 53, 97], 5_000]


def unreachable_even_coins():
    # Only even coins and an odd amount: nothing works, but every path must be ruled out.
    return [[26, 38, 54, 70], 5_001]


def many_coins():
    return [[186, 419, 83, 408, 37, 59, 61, 131, 250, 333, 43, 500], 6_249]
