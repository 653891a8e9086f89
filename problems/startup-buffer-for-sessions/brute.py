def startup_buffers(delivered: list[int], bitrate: int, sessions: list[list[int]]) -> list[int]:
    # Play each session second by second and remember the deepest the buffer goes.
    needs = []
    for start, end in sessions:
        balance = 0
        lowest = 0
        for second in range(start, end + 1):
            balance += delivered[second] - bitrate
            lowest = min(lowest, balance)
        needs.append(-lowest)
    return needs
