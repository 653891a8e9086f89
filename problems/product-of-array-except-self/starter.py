def product_except_self(nums: list[int]) -> list[int]:
    # Return a list whose i-th value is the product of every number except nums[i].
    pass
