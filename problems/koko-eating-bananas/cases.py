"""Deterministic large inputs for koko-eating-bananas' performance cases."""

import random


def huge_piles():
    rng = random.Random(91)
    piles = [rng.randint(1, 1_000_000_000) for _ in range(5_000)]
    return [piles, 12_000]


def tight_deadline():
    rng = random.Random(92)
    piles = [rng.randint(500_000_000, 1_000_000_000) for _ in range(5_000)]
    return [piles, 5_000]
