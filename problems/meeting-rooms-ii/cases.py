"""Deterministic large inputs for meeting-rooms-ii's performance cases."""

import random


def busy_calendar():
    rng = random.Random(111)
    meetings = []
    for _ in range(15_000):
        start = rng.randint(0, 1_000_000)
        meetings.append([start, start + rng.randint(1, 5_000)])
    return [meetings]


def back_to_back_day():
    meetings = [[minute, minute + 30] for minute in range(0, 450_000, 30)]
    meetings.reverse()
    return [meetings]
