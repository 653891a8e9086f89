class RateLimiter:
    def __init__(self, limit: int, window: int) -> None:
        # At most `limit` allowed requests per client in any `window` seconds.
        pass

    def allow(self, client: str, timestamp: int) -> bool:
        # True (and counted) if the request fits in the client's window, else False.
        pass

    def remaining(self, client: str, timestamp: int) -> int:
        # How many more requests the client could make at this moment.
        pass
