class ListNode:
    def __init__(self, val: int = 0) -> None:
        self.val = val
        self.next: ListNode | None = None


def build_list(values: list[int]) -> ListNode | None:
    head: ListNode | None = None
    for value in reversed(values):
        node = ListNode(value)
        node.next = head
        head = node
    return head


def list_values(head: ListNode | None) -> list[int]:
    values = []
    while head is not None:
        values.append(head.val)
        head = head.next
    return values


def node_at(start: ListNode, steps: int) -> ListNode:
    for _ in range(steps):
        start = start.next
    return start


def reverse_in_groups(head: list[int], k: int) -> list[int]:
    # Swap values pairwise inside each run, walking from the run's start to find each
    # node: O(k) per lookup, so O(n * k) overall.
    root = build_list(head)
    length = len(list_values(root))
    start = root
    for _ in range(length // k):
        for offset in range(k // 2):
            left = node_at(start, offset)
            right = node_at(start, k - 1 - offset)
            left.val, right.val = right.val, left.val
        start = node_at(start, k)
    return list_values(root)
