def find_kth_largest(nums: list[int], k: int) -> int:
    # Return the k-th largest value (counting duplicates), without sorting the whole list.
    pass
