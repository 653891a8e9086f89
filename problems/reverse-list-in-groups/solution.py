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


def reverse_in_groups(head: list[int], k: int) -> list[int]:
    sentinel = ListNode()
    sentinel.next = build_list(head)
    before = sentinel  # the node just ahead of the run being reversed
    while True:
        # Make sure a full run of k nodes follows `before`.
        probe = before
        for _ in range(k):
            probe = probe.next
            if probe is None:
                return list_values(sentinel.next)
        first = before.next
        after = probe.next
        # Reverse the run first..probe in place, pointing its old first node at `after`.
        previous, current = after, first
        while current is not after:
            following = current.next
            current.next = previous
            previous, current = current, following
        before.next = probe
        before = first
