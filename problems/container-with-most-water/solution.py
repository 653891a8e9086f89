def max_area(heights: list[int]) -> int:
    left, right = 0, len(heights) - 1
    best = 0
    while left < right:
        width = right - left
        if heights[left] < heights[right]:
            best = max(best, heights[left] * width)
            left += 1
        else:
            best = max(best, heights[right] * width)
            right -= 1
    return best
