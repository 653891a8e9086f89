def top_k_frequent(nums: list[int], k: int) -> list[int]:
    # Return the k values that occur most often, in any order.
    pass
