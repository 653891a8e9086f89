class MinStack:
    def __init__(self) -> None:
        # Each entry keeps its value and the minimum of everything at or below it.
        self.entries: list[tuple[int, int]] = []

    def push(self, value: int) -> None:
        smallest = min(value, self.entries[-1][1]) if self.entries else value
        self.entries.append((value, smallest))

    def pop(self) -> None:
        self.entries.pop()

    def top(self) -> int:
        return self.entries[-1][0]

    def get_min(self) -> int:
        return self.entries[-1][1]
