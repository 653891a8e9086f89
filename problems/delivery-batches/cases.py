"""Deterministic large order books for delivery-batches' performance cases."""

import random


def one_per_van():
    # 20,000 orders and vans that carry one order each.
    rng = random.Random(1)
    orders = []
    for _ in range(20_000):
        ready = rng.randrange(0, 1_000_000)
        orders.append([ready, ready + rng.randrange(0, 50_000)])
    return [orders, 1]


def rush_hour():
    # 40,000 orders with overlapping windows through one busy day, vans of 40.
    rng = random.Random(2)
    orders = []
    for _ in range(40_000):
        ready = rng.randrange(0, 86_400)
        orders.append([ready, ready + rng.randrange(0, 7_200)])
    return [orders, 40]


def all_at_once():
    # 20,000 orders that are all ready at time 0 with distinct deadlines, vans of 7.
    rng = random.Random(3)
    dues = rng.sample(range(1_000_000), 20_000)
    return [[[0, due] for due in dues], 7]
