def min_meeting_rooms(intervals: list[list[int]]) -> int:
    starts = sorted(start for start, _ in intervals)
    ends = sorted(end for _, end in intervals)
    rooms = busiest = 0
    ended = 0
    for start in starts:
        while ends[ended] <= start:
            ended += 1
            rooms -= 1
        rooms += 1
        busiest = max(busiest, rooms)
    return busiest
