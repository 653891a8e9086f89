def startup_buffers(delivered: list[int], bitrate: int, sessions: list[list[int]]) -> list[int]:
    # For each [start, end] session, the fewest kilobits to pre-load so playback never stalls.
    pass
