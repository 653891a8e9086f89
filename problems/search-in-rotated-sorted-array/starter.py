def search(nums: list[int], target: int) -> int:
    # Return the index of target in the rotated sorted list, or -1 if it is absent.
    pass
