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


def level_order(root: list[int | None]) -> list[list[int]]:
    tree = build_tree(root)
    levels: list[list[int]] = []
    current = [tree] if tree else []
    while current:
        levels.append([node.val for node in current])
        current = [child for node in current for child in (node.left, node.right) if child]
    return levels
