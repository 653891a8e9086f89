def fastest_arrival_times(n: int, roads: list[list[int]], depot: int) -> list[int]:
    # Earliest arrival minutes at each junction from the depot, -1 when unreachable.
    pass
