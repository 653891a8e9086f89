"""Deterministic long call sequences for sliding-rate-limiter's performance cases."""

import random


def one_heavy_client():
    # One client with a big allowance and a long window: the allowance fills up,
    # then tens of thousands of rejected calls each look at the full history.
    operations = ["RateLimiter"]
    arguments: list[list] = [[20_000, 1_000_000]]
    for step in range(50_000):
        operations.append("allow" if step % 10 else "remaining")
        arguments.append(["acct_main", step * 3])
    return [operations, arguments]


def many_clients():
    # 1,000 clients with bursts; each client's window keeps sliding forward.
    rng = random.Random(8)
    operations = ["RateLimiter"]
    arguments: list[list] = [[50, 600]]
    timestamp = 0
    for _ in range(50_000):
        timestamp += rng.randrange(0, 3)
        client = f"client-{rng.randrange(1_000)}"
        operations.append("allow" if rng.random() < 0.9 else "remaining")
        arguments.append([client, timestamp])
    return [operations, arguments]
