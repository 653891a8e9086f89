def product_except_self(nums: list[int]) -> list[int]:
    result = []
    for skipped in range(len(nums)):
        product = 1
        for index, value in enumerate(nums):
            if index != skipped:
                product *= value
        result.append(product)
    return result
