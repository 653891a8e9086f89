"""Deterministic large inputs for insert-interval's performance cases."""


def long_schedule_swallow_middle():
    intervals = [[10 * index, 10 * index + 5] for index in range(20_000)]
    return [intervals, [50_003, 150_001]]


def long_schedule_append_end():
    intervals = [[10 * index, 10 * index + 5] for index in range(20_000)]
    return [intervals, [400_000, 400_010]]
