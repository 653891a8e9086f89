def max_xor_pair(nums: list[int]) -> int:
    # The largest nums[i] ^ nums[j] over two different positions i and j.
    pass
