def insert(intervals: list[list[int]], new_interval: list[int]) -> list[list[int]]:
    # Return the sorted, non-overlapping intervals after adding new_interval.
    pass
