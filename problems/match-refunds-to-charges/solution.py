from collections import deque


def match_refunds(events: list[list], window: int) -> list[int]:
    # Unsettled charges per (card, amount), oldest first. Times never decrease, so a
    # charge too old for one refund is too old for every later refund: drop it for good.
    waiting: dict[tuple[str, int], deque[tuple[int, int]]] = {}
    settled = []
    for index, (time, kind, card, amount) in enumerate(events):
        if kind == "charge":
            waiting.setdefault((card, amount), deque()).append((time, index))
            continue
        queue = waiting.get((card, amount))
        while queue and time - queue[0][0] > window:
            queue.popleft()
        settled.append(queue.popleft()[1] if queue else -1)
    return settled
