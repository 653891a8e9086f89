"""Deterministic long operation sequences for min-stack's performance cases."""

import random


def tall_stack_many_minimum_reads():
    rng = random.Random(99)
    operations = ["MinStack"]
    arguments: list[list[int]] = [[]]
    for _ in range(20_000):
        operations.append("push")
        arguments.append([rng.randrange(-1_000_000, 1_000_000)])
    for step in range(20_000):
        if step % 3 == 2:
            operations.append("push")
            arguments.append([rng.randrange(-1_000_000, 1_000_000)])
        else:
            operations.append("get_min")
            arguments.append([])
    return [operations, arguments]


def falling_then_popped():
    # Pushes 15,000 falling values then pops them back, reading the minimum all the way.
    operations = ["MinStack"]
    arguments: list[list[int]] = [[]]
    for value in range(15_000):
        operations += ["push", "get_min"]
        arguments += [[15_000 - value], []]
    for _ in range(14_999):
        operations += ["pop", "get_min"]
        arguments += [[], []]
    return [operations, arguments]
