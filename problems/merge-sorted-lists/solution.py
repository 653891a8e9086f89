import heapq


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
    heads = [build_list(values) for values in lists]
    # The list's position breaks ties, so nodes themselves are never compared.
    frontier = [(node.val, position, node) for position, node in enumerate(heads) if node]
    heapq.heapify(frontier)
    sentinel = ListNode()
    tail = sentinel
    while frontier:
        _, position, node = heapq.heappop(frontier)
        tail.next = node
        tail = node
        if node.next is not None:
            heapq.heappush(frontier, (node.next.val, position, node.next))
    return list_values(sentinel.next)
