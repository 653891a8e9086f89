def longest_consecutive(nums: list[int]) -> int:
    values = set(nums)
    longest = 0
    for value in values:
        if value - 1 in values:
            continue
        end = value
        while end + 1 in values:
            end += 1
        longest = max(longest, end - value + 1)
    return longest
