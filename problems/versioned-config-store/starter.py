class VersionedStore:
    def __init__(self) -> None:
        # An empty store that remembers every version of every key.
        pass

    def set(self, key: str, value: str, timestamp: int) -> None:
        # From `timestamp` on, `key` holds `value`.
        pass

    def delete(self, key: str, timestamp: int) -> None:
        # From `timestamp` on, `key` holds nothing.
        pass

    def get(self, key: str, timestamp: int) -> str:
        # The value `key` held at `timestamp`, or "" if it held none.
        pass
