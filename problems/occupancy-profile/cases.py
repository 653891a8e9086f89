"""Deterministic large booking lists for occupancy-profile's performance cases."""

import random


def random_bookings():
    # 30,000 bookings of mixed lengths over a wide range of times.
    rng = random.Random(2024)
    bookings = []
    for _ in range(30_000):
        start = rng.randrange(0, 999_000_000)
        bookings.append([start, start + rng.randrange(1, 1_000_000)])
    return [bookings]


def back_to_back():
    # 30,000 bookings, each starting exactly when the previous one ends, in shuffled
    # order: the count stays at 1 the whole time, so the profile has only two points.
    rng = random.Random(7)
    bookings = [[10 * index, 10 * index + 10] for index in range(30_000)]
    rng.shuffle(bookings)
    return [bookings]


def stacked_starts():
    # Half the bookings share one start time and the rest end at distinct times.
    bookings = [[0, 1_000_000_000 - index] for index in range(15_000)]
    bookings += [[index * 3 + 1, index * 3 + 2] for index in range(15_000)]
    return [bookings]
