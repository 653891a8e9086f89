def min_meeting_rooms(intervals: list[list[int]]) -> int:
    # Return the fewest rooms that can host every [start, end) meeting.
    pass
