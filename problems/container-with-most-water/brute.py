def max_area(heights: list[int]) -> int:
    best = 0
    for left in range(len(heights)):
        for right in range(left + 1, len(heights)):
            best = max(best, min(heights[left], heights[right]) * (right - left))
    return best
