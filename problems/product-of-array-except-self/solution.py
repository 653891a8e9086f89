def product_except_self(nums: list[int]) -> list[int]:
    result = [1] * len(nums)
    running = 1
    for index in range(len(nums)):
        result[index] = running
        running *= nums[index]
    running = 1
    for index in range(len(nums) - 1, -1, -1):
        result[index] *= running
        running *= nums[index]
    return result
