from bisect import bisect_left


def length_of_lis(nums: list[int]) -> int:
    # tails[k] = smallest possible last value of an increasing subsequence of length k + 1.
    tails: list[int] = []
    for value in nums:
        position = bisect_left(tails, value)
        if position == len(tails):
            tails.append(value)
        else:
            tails[position] = value
    return len(tails)
