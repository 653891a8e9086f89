from collections import deque


def find_retry_storms(requests: list[list], window: int, threshold: int) -> list[list]:
    recent: dict[str, deque[int]] = {}
    first_storm: dict[str, int] = {}
    storm_requests: dict[str, int] = {}
    for time, key in requests:
        times = recent.setdefault(key, deque())
        times.append(time)
        while times[0] <= time - window:
            times.popleft()
        if len(times) >= threshold:
            first_storm.setdefault(key, time)
            storm_requests[key] = storm_requests.get(key, 0) + 1
    ordered = sorted(first_storm, key=lambda key: (first_storm[key], key))
    return [[key, first_storm[key], storm_requests[key]] for key in ordered]
