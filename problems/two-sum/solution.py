def two_sum(nums: list[int], target: int) -> list[int]:
    position: dict[int, int] = {}
    for index, value in enumerate(nums):
        partner = target - value
        if partner in position:
            return [position[partner], index]
        position[value] = index
    return []
