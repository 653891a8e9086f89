def fewest_departures(orders: list[list[int]], capacity: int) -> int:
    # Each round, find the earliest deadline among all unshipped orders by scanning them,
    # send a van then with the most urgent orders that are ready, and rebuild the list.
    unshipped = [list(order) for order in orders]
    departures = 0
    while unshipped:
        leave = min(due for _, due in unshipped)
        ready = sorted(
            (due, index) for index, (start, due) in enumerate(unshipped) if start <= leave
        )
        taken = {index for _, index in ready[:capacity]}
        unshipped = [order for index, order in enumerate(unshipped) if index not in taken]
        departures += 1
    return departures
