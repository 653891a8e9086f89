"""Deterministic large trees for binary-tree-level-order's performance case.

A perfect tree with a 600-node path hanging below one leaf: the tree is shallow where
it is wide and deep where it is thin, so walking down from the root once per level
revisits the wide part hundreds of times. Trees are written straight into level-order
lists (a perfect tree is its nodes in heap order).
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


def wide_top_long_tail():
    return [perfect_with_tail(height=16, tail=600)]


def long_path():
    # 400 levels of one node each, alternating left and right children.
    values: list[int | None] = [0]
    for step in range(1, 400):
        values += [step, None] if step % 2 else [None, step]
    return [values]
