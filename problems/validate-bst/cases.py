"""Deterministic large trees for validate-bst's performance cases.

A 500-node path of left children sits on top of a perfect search tree, so most nodes
are deep: checking each node against its whole subtree costs about 500 times more than
one in-order walk. Trees are written straight into level-order lists.
"""


def _in_order_rank(index: int, height: int) -> int:
    """Value of heap position `index` (1-based) in a perfect search tree holding 0..2**height-2."""
    depth = index.bit_length() - 1
    position = index - (1 << depth)
    return (2 * position + 1) * (1 << (height - 1 - depth)) - 1


def _path_over_perfect(path: int, height: int) -> list[int | None]:
    size = 2**height - 1
    values: list[int | None] = [size + path - 1]
    for step in range(1, path):
        values += [size + path - 1 - step, None]
    values += [_in_order_rank(1, height), None]
    values += [_in_order_rank(index, height) for index in range(2, size + 1)]
    return values


def valid_deep_tree():
    return [_path_over_perfect(path=500, height=15)]


def violation_deep_inside():
    # The largest leaf is raised above a node 300 levels up: it still beats its parent,
    # so only a check against every ancestor's bound catches it.
    values = _path_over_perfect(path=500, height=15)
    size = 2**15 - 1
    values[-1] = size + 300
    return [values]
