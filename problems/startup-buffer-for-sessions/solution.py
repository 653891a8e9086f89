def startup_buffers(delivered: list[int], bitrate: int, sessions: list[list[int]]) -> list[int]:
    # shortfall[i] is how far playback has outrun the network after seconds 0..i-1.
    # A session [start, end] needs the largest shortfall[t + 1] - shortfall[start] over its
    # seconds t, so each session is one range-maximum query on shortfall[start+1..end+1].
    shortfall = [0]
    for amount in delivered:
        shortfall.append(shortfall[-1] + bitrate - amount)
    # Sparse table: levels[k][i] is the maximum of shortfall[i : i + 2**k].
    levels = [shortfall]
    width = 1
    while 2 * width <= len(shortfall):
        previous = levels[-1]
        levels.append(list(map(max, previous[:-width], previous[width:])))
        width *= 2
    needs = []
    for start, end in sessions:
        low, high = start + 1, end + 2  # half-open range of shortfall indices
        level = (high - low).bit_length() - 1
        table = levels[level]
        left, right = table[low], table[high - (1 << level)]
        peak = left if left > right else right
        need = peak - shortfall[start]
        needs.append(need if need > 0 else 0)
    return needs
