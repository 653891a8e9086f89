from collections import Counter


def top_k_frequent(nums: list[int], k: int) -> list[int]:
    counts = Counter(nums)
    by_count: list[list[int]] = [[] for _ in range(max(counts.values(), default=0) + 1)]
    for value, count in counts.items():
        by_count[count].append(value)
    result: list[int] = []
    for count in range(len(by_count) - 1, 0, -1):
        for value in by_count[count]:
            result.append(value)
            if len(result) == k:
                return result
    return result
