from collections import deque


class RateLimiter:
    def __init__(self, limit: int, window: int) -> None:
        self.limit = limit
        self.window = window
        self.allowed: dict[str, deque[int]] = {}

    def _recent(self, client: str, timestamp: int) -> deque[int]:
        # Drop this client's allowed requests that have left the window.
        times = self.allowed.setdefault(client, deque())
        while times and times[0] <= timestamp - self.window:
            times.popleft()
        return times

    def allow(self, client: str, timestamp: int) -> bool:
        times = self._recent(client, timestamp)
        if len(times) >= self.limit:
            return False
        times.append(timestamp)
        return True

    def remaining(self, client: str, timestamp: int) -> int:
        return self.limit - len(self._recent(client, timestamp))
