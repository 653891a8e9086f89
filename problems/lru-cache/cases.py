"""Deterministic long operation sequences for lru-cache's performance cases."""

import random


def large_mixed():
    # Fill the cache, then mostly reuse recently touched keys, as real caches see:
    # those keys sit at the new end of the recency order, far from where a scan starts.
    rng = random.Random(31337)
    capacity = 40_000
    operations = ["LRUCache"]
    arguments: list[list[int]] = [[capacity]]
    touched: list[int] = []
    for key in range(capacity):
        operations.append("put")
        arguments.append([key, key + 1])
        touched.append(key)
    for step in range(20_000):
        recent = rng.random() < 0.7
        key = touched[-rng.randrange(1, 2_000)] if recent else rng.randrange(55_000)
        touched.append(key)
        if step % 2:
            operations.append("get")
            arguments.append([key])
        else:
            operations.append("put")
            arguments.append([key, step])
    return [operations, arguments]


def touch_recent():
    # Fill the cache, then keep reading the two newest keys: a recency list must be
    # scanned end to end to find them, while a linked order finds them at once.
    capacity = 40_000
    operations = ["LRUCache"]
    arguments: list[list[int]] = [[capacity]]
    for key in range(capacity):
        operations.append("put")
        arguments.append([key, key * 2])
    for step in range(20_000):
        operations.append("get")
        arguments.append([capacity - 1 - step % 2])
    return [operations, arguments]
