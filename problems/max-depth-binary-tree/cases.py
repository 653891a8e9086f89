"""Deterministic large trees for max-depth-binary-tree's performance case.

Trees are written straight into level-order lists: a perfect tree is its nodes in heap
order, and a path hanging below one leaf adds one [child, None] pair per level.
"""


def perfect_with_tail(height: int, tail: int) -> list[int | None]:
    """A perfect tree of `height` levels, then a zig-zag path of `tail` nodes under one leaf."""
    values: list[int | None] = list(range(1, 2**height))
    leaves = 2 ** (height - 1)
    for step in range(tail):
        pair: list[int | None] = [-step - 1, None] if step % 2 else [None, -step - 1]
        values += pair
        if step == 0:
            values += [None] * (2 * (leaves - 1))
    while values and values[-1] is None:
        values.pop()
    return values


def large_with_tail():
    # 16,383 nodes in a perfect tree plus a 500-node path: depth 514.
    return [perfect_with_tail(height=14, tail=500)]


def long_path():
    # Only right children, 300 deep: a recursive answer must still fit the default limit.
    values: list[int | None] = [0]
    for step in range(1, 300):
        values += [None, step]
    return [values]
