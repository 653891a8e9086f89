class ListNode:
    """A singly linked list node: a value and the next node (or None)."""

    def __init__(self, val: int = 0) -> None:
        self.val = val
        self.next: ListNode | None = None


def build_list(values: list[int]) -> ListNode | None:
    """Link the values into nodes, first value first; return the head (None when empty)."""
    head: ListNode | None = None
    for value in reversed(values):
        node = ListNode(value)
        node.next = head
        head = node
    return head


def list_values(head: ListNode | None) -> list[int]:
    """The values of a linked list, head first."""
    values = []
    while head is not None:
        values.append(head.val)
        head = head.next
    return values


def merge_sorted_lists(lists: list[list[int]]) -> list[int]:
    # Each step scans every list's current head for the smallest: O(N * k).
    heads = [build_list(values) for values in lists]
    sentinel = ListNode()
    tail = sentinel
    while True:
        smallest = -1
        for position, node in enumerate(heads):
            if node is not None and (smallest < 0 or node.val < heads[smallest].val):
                smallest = position
        if smallest < 0:
            return list_values(sentinel.next)
        tail.next = heads[smallest]
        tail = tail.next
        heads[smallest] = tail.next
