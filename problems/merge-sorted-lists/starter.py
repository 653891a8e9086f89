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
    # Merge k ascending linked lists into one ascending list.
    # build_list(values) gives you the nodes; list_values(node) turns nodes back into a list.
    pass
