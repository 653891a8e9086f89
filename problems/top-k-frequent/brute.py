def top_k_frequent(nums: list[int], k: int) -> list[int]:
    distinct: list[int] = []
    for value in nums:
        if value not in distinct:
            distinct.append(value)
    ranked = sorted(distinct, key=lambda value: nums.count(value), reverse=True)
    return ranked[:k]
