class RateLimiter:
    # Every allowed request is kept forever and recounted on each call.
    def __init__(self, limit: int, window: int) -> None:
        self.limit = limit
        self.window = window
        self.history: dict[str, list[int]] = {}

    def _in_window(self, client: str, timestamp: int) -> int:
        times = self.history.get(client, [])
        return sum(1 for time in times if time > timestamp - self.window)

    def allow(self, client: str, timestamp: int) -> bool:
        if self._in_window(client, timestamp) >= self.limit:
            return False
        self.history.setdefault(client, []).append(timestamp)
        return True

    def remaining(self, client: str, timestamp: int) -> int:
        return self.limit - self._in_window(client, timestamp)
