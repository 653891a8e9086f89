import heapq


def find_kth_largest(nums: list[int], k: int) -> int:
    smallest_of_top = nums[:k]
    heapq.heapify(smallest_of_top)
    for value in nums[k:]:
        if value > smallest_of_top[0]:
            heapq.heapreplace(smallest_of_top, value)
    return smallest_of_top[0]
