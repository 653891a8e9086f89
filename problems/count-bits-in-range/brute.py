def count_bits_in_range(low: int, high: int) -> int:
    # Count the bits of every number in the range.
    return sum(bin(value).count("1") for value in range(low, high + 1))
