def insert(intervals: list[list[int]], new_interval: list[int]) -> list[list[int]]:
    start, end = new_interval
    result: list[list[int]] = []
    index = 0
    while index < len(intervals) and intervals[index][1] < start:
        result.append(list(intervals[index]))
        index += 1
    while index < len(intervals) and intervals[index][0] <= end:
        start = min(start, intervals[index][0])
        end = max(end, intervals[index][1])
        index += 1
    result.append([start, end])
    result.extend(list(interval) for interval in intervals[index:])
    return result
