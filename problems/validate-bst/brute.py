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


def _subtree_values(node: TreeNode | None) -> list[int]:
    values = []
    stack = [node] if node else []
    while stack:
        current = stack.pop()
        values.append(current.val)
        stack.extend(child for child in (current.left, current.right) if child)
    return values


def is_valid_bst(root: list[int | None]) -> bool:
    # For every node, compare it with every value in its left and right subtrees.
    tree = build_tree(root)
    stack = [tree] if tree else []
    while stack:
        node = stack.pop()
        if any(value >= node.val for value in _subtree_values(node.left)):
            return False
        if any(value <= node.val for value in _subtree_values(node.right)):
            return False
        stack.extend(child for child in (node.left, node.right) if child)
    return True
