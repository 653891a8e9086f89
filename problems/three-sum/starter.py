def three_sum(nums: list[int]) -> list[list[int]]:
    # Return every distinct triple of values (from different positions) that sums to zero.
    pass
