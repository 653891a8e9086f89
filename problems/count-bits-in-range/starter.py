def count_bits_in_range(low: int, high: int) -> int:
    # Total number of 1 bits in the binary forms of low, low + 1, ..., high.
    pass
