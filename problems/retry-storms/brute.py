def find_retry_storms(requests: list[list], window: int, threshold: int) -> list[list]:
    # For every request, count the same key's requests in its window by reading all
    # requests up to it.
    first_storm: dict[str, int] = {}
    storm_requests: dict[str, int] = {}
    for index, (time, key) in enumerate(requests):
        count = sum(
            1
            for earlier_time, earlier_key in requests[: index + 1]
            if earlier_key == key and earlier_time > time - window
        )
        if count >= threshold:
            first_storm.setdefault(key, time)
            storm_requests[key] = storm_requests.get(key, 0) + 1
    ordered = sorted(first_storm, key=lambda key: (first_storm[key], key))
    return [[key, first_storm[key], storm_requests[key]] for key in ordered]
