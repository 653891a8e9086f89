def longest_consecutive(nums: list[int]) -> int:
    values = set(nums)
    longest = 0
    for value in nums:
        length = 1
        while value + length in values:
            length += 1
        longest = max(longest, length)
    return longest
