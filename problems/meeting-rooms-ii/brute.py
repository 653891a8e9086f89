def min_meeting_rooms(intervals: list[list[int]]) -> int:
    busiest = 0
    for moment, _ in intervals:
        running = 0
        for start, end in intervals:
            if start <= moment < end:
                running += 1
        busiest = max(busiest, running)
    return busiest
