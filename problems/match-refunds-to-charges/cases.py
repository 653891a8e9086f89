"""Deterministic large ledgers for match-refunds-to-charges' performance cases."""

import random


def _ledger(seed: int, size: int, cards: int, amounts: list[int], refund_share: float):
    rng = random.Random(seed)
    events = []
    time = 0
    for _ in range(size):
        time += rng.randint(0, 3)
        kind = "refund" if rng.random() < refund_share else "charge"
        card = f"card_{rng.randrange(cards):05d}"
        events.append([time, kind, card, rng.choice(amounts)])
    return events


def busy_day():
    # 50,000 events over 5,000 cards: each refund's scan of the past is long.
    return [_ledger(71, 50_000, 5_000, [500, 1_000, 1_999, 2_500, 10_000], 0.3), 3_600]


def one_busy_card():
    # Every event on one card and one amount, with a short window: most charges expire,
    # and a refund must skip past many stale ones.
    return [_ledger(72, 50_000, 1, [1_500], 0.5), 40]


def refunds_at_the_end():
    # 30,000 charges, then 20,000 refunds long after: only the newest charges qualify.
    rng = random.Random(73)
    events = [[second, "charge", f"card_{rng.randrange(50):05d}", 700] for second in range(30_000)]
    for offset in range(20_000):
        events.append([40_000 + offset, "refund", f"card_{rng.randrange(50):05d}", 700])
    return [events, 30_000]
