def three_sum(nums: list[int]) -> list[list[int]]:
    found = set()
    count = len(nums)
    for first in range(count):
        for second in range(first + 1, count):
            for third in range(second + 1, count):
                if nums[first] + nums[second] + nums[third] == 0:
                    found.add(tuple(sorted((nums[first], nums[second], nums[third]))))
    return [list(triple) for triple in found]
