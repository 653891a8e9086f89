from bisect import bisect_right


class VersionedStore:
    def __init__(self) -> None:
        # Per key, the times of its writes in increasing order and the value each wrote
        # ("" for a delete).
        self.times: dict[str, list[int]] = {}
        self.values: dict[str, list[str]] = {}

    def _write(self, key: str, value: str, timestamp: int) -> None:
        self.times.setdefault(key, []).append(timestamp)
        self.values.setdefault(key, []).append(value)

    def set(self, key: str, value: str, timestamp: int) -> None:
        self._write(key, value, timestamp)

    def delete(self, key: str, timestamp: int) -> None:
        self._write(key, "", timestamp)

    def get(self, key: str, timestamp: int) -> str:
        times = self.times.get(key)
        if not times:
            return ""
        position = bisect_right(times, timestamp)
        return self.values[key][position - 1] if position else ""
