from collections import deque


class TreeNode:
    """A binary tree node: a value and optional left and right children."""

    def __init__(self, val: int = 0) -> None:
        self.val = val
        self.left: TreeNode | None = None
        self.right: TreeNode | None = None


def build_tree(values: list[int | None]) -> TreeNode | None:
    """Build a tree from its level-order list, where None marks a missing child."""
    if not values or values[0] is None:
        return None
    root = TreeNode(values[0])
    queue = deque([root])
    index = 1
    while queue and index < len(values):
        node = queue.popleft()
        if index < len(values) and values[index] is not None:
            node.left = TreeNode(values[index])
            queue.append(node.left)
        index += 1
        if index < len(values) and values[index] is not None:
            node.right = TreeNode(values[index])
            queue.append(node.right)
        index += 1
    return root


def _height(node: TreeNode | None) -> int:
    if node is None:
        return 0
    return 1 + max(_height(node.left), _height(node.right))


def _collect(node: TreeNode | None, depth: int, into: list[int]) -> None:
    if node is None:
        return
    if depth == 0:
        into.append(node.val)
        return
    _collect(node.left, depth - 1, into)
    _collect(node.right, depth - 1, into)


def level_order(root: list[int | None]) -> list[list[int]]:
    # For each level number, walk down from the root again to gather that level.
    tree = build_tree(root)
    levels = []
    for depth in range(_height(tree)):
        values: list[int] = []
        _collect(tree, depth, values)
        levels.append(values)
    return levels
