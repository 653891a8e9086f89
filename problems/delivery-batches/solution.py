import heapq


def fewest_departures(orders: list[list[int]], capacity: int) -> int:
    # Sorted by ready time; `waiting` holds the deadlines of ready, unshipped orders.
    # Each van leaves at the earliest such deadline (waiting any longer would miss it,
    # leaving earlier only shrinks the choice) and takes the most urgent orders.
    pending = sorted(orders)
    waiting: list[int] = []
    next_order = 0
    departures = 0
    while next_order < len(pending) or waiting:
        if not waiting:
            heapq.heappush(waiting, pending[next_order][1])
            next_order += 1
        while next_order < len(pending) and pending[next_order][0] <= waiting[0]:
            heapq.heappush(waiting, pending[next_order][1])
            next_order += 1
        departures += 1
        for _ in range(min(capacity, len(waiting))):
            heapq.heappop(waiting)
    return departures
