"""Deterministic long traces and many sessions for startup-buffer-for-sessions."""

import random


def _trace(rng: random.Random, seconds: int, bitrate: int) -> list[int]:
    # Bandwidth wanders around the bitrate, with occasional dips to nothing.
    trace = []
    for _ in range(seconds):
        if rng.random() < 0.05:
            trace.append(0)
        else:
            trace.append(max(0, int(rng.gauss(bitrate * 1.05, bitrate * 0.4))))
    return trace


def long_sessions():
    # 30,000 sessions that each cover most of a 30,000-second trace.
    rng = random.Random(4242)
    bitrate = 5_000
    trace = _trace(rng, 30_000, bitrate)
    sessions = []
    for _ in range(30_000):
        start = rng.randrange(3_000)
        sessions.append([start, rng.randrange(27_000, 30_000)])
    return [trace, bitrate, sessions]


def random_sessions():
    rng = random.Random(4243)
    bitrate = 3_000
    trace = _trace(rng, 30_000, bitrate)
    sessions = []
    for _ in range(30_000):
        start = rng.randrange(30_000)
        sessions.append([start, rng.randrange(start, 30_000)])
    return [trace, bitrate, sessions]


def fast_network():
    # The network always outpaces playback, so every answer is 0.
    rng = random.Random(4244)
    trace = [rng.randint(8_001, 1_000_000) for _ in range(30_000)]
    sessions = [[rng.randrange(100), rng.randrange(29_000, 30_000)] for _ in range(30_000)]
    return [trace, 8_000, sessions]


def large_totals():
    # 3,000 seconds with no bandwidth at the highest bitrate: answers beyond 32-bit range.
    return [[0] * 3_000, 1_000_000, [[0, 2_999], [1_500, 2_999], [2_999, 2_999]]]
