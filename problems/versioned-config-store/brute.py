class VersionedStore:
    # Every write is kept in one list per key and scanned in full on each read.
    def __init__(self) -> None:
        self.writes: dict[str, list[tuple[int, str]]] = {}

    def set(self, key: str, value: str, timestamp: int) -> None:
        self.writes.setdefault(key, []).append((timestamp, value))

    def delete(self, key: str, timestamp: int) -> None:
        self.writes.setdefault(key, []).append((timestamp, ""))

    def get(self, key: str, timestamp: int) -> str:
        answer = ""
        for time, value in self.writes.get(key, []):
            if time <= timestamp:
                answer = value
        return answer
