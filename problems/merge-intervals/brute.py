def merge(intervals: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in intervals:
        current = [start, end]
        kept = []
        for other in merged:
            if other[0] <= current[1] and current[0] <= other[1]:
                current = [min(current[0], other[0]), max(current[1], other[1])]
            else:
                kept.append(other)
        kept.append(current)
        merged = kept
    return sorted(merged)
