def find_retry_storms(requests: list[list], window: int, threshold: int) -> list[list]:
    # [key, first storm second, requests in a storm] for every key that storms.
    pass
