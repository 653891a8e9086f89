def max_xor_pair(nums: list[int]) -> int:
    # Decide the answer one bit at a time, from the highest: keep a bit if some two
    # numbers' prefixes (the bits decided so far) XOR to the answer with that bit set.
    best = 0
    prefix_mask = 0
    for bit in range(30, -1, -1):
        prefix_mask |= 1 << bit
        prefixes = {value & prefix_mask for value in nums}
        wanted = best | (1 << bit)
        # a ^ b == wanted exactly when a ^ wanted == b.
        if not prefixes.isdisjoint({prefix ^ wanted for prefix in prefixes}):
            best = wanted
    return best
