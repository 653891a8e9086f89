"""Deterministic request logs for retry-storms' performance cases."""

import random


def _key(rng: random.Random, keys: int) -> str:
    return f"idem_{rng.randrange(keys):06x}"


def busy_day():
    # 40,000 requests over 4,000 keys; a few keys are hammered in bursts.
    rng = random.Random(42)
    requests = []
    time = 0
    hot = [_key(rng, 4_000) for _ in range(20)]
    for _ in range(40_000):
        time += rng.randrange(0, 3)
        key = rng.choice(hot) if rng.random() < 0.3 else _key(rng, 4_000)
        requests.append([time, key])
    return [requests, 60, 8]


def one_key_flood():
    # 50,000 retries of one key within a long window.
    return [[[second // 5, "idem_flood"] for second in range(50_000)], 1_000_000, 1_000]
