def max_xor_pair(nums: list[int]) -> int:
    # Try every pair of positions.
    best = 0
    for first in range(len(nums)):
        for second in range(first + 1, len(nums)):
            best = max(best, nums[first] ^ nums[second])
    return best
