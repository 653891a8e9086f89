def ones_up_to(limit: int) -> int:
    """Total 1 bits over 0..limit: bit k is set in 2**k of every 2**(k + 1) numbers in a row."""
    total = 0
    count = limit + 1  # how many numbers 0..limit there are
    bit = 0
    while (1 << bit) <= limit:
        cycle = 1 << (bit + 1)
        half = 1 << bit
        total += count // cycle * half + max(0, count % cycle - half)
        bit += 1
    return total


def count_bits_in_range(low: int, high: int) -> int:
    return ones_up_to(high) - (ones_up_to(low - 1) if low > 0 else 0)
