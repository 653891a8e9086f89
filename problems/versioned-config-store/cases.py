"""Deterministic long call sequences for versioned-config-store's performance cases."""

import random


def one_busy_key():
    # One key rewritten 25,000 times, then read 25,000 times at random moments.
    rng = random.Random(4)
    operations = ["VersionedStore"]
    arguments: list[list] = [[]]
    for step in range(25_000):
        operations.append("set")
        arguments.append(["feature.flag", f"v{step}", 10 * step + 5])
    for _ in range(25_000):
        operations.append("get")
        arguments.append(["feature.flag", rng.randrange(0, 260_000)])
    return [operations, arguments]


def mixed_keys():
    # Writes, deletes and reads interleaved over 500 keys.
    rng = random.Random(6)
    operations = ["VersionedStore"]
    arguments: list[list] = [[]]
    clock = 0
    for _ in range(50_000):
        key = f"service{rng.randrange(500)}.timeout"
        roll = rng.random()
        if roll < 0.35:
            clock += rng.randrange(1, 5)
            operations.append("set")
            arguments.append([key, str(rng.randrange(10_000)), clock])
        elif roll < 0.4:
            clock += rng.randrange(1, 5)
            operations.append("delete")
            arguments.append([key, clock])
        else:
            operations.append("get")
            arguments.append([key, rng.randrange(0, clock + 10)])
    return [operations, arguments]
