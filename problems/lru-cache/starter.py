class LRUCache:
    def __init__(self, capacity: int) -> None:
        # Holds at most `capacity` keys; evicts the least recently used one.
        pass

    def get(self, key: int) -> int:
        # Value stored for key, or -1 when absent; counts as a use.
        pass

    def put(self, key: int, value: int) -> None:
        # Insert or overwrite key; counts as a use.
        pass
