class MinStack:
    # A plain list; the minimum is found by scanning it on every request.
    def __init__(self) -> None:
        self.values: list[int] = []

    def push(self, value: int) -> None:
        self.values.append(value)

    def pop(self) -> None:
        self.values.pop()

    def top(self) -> int:
        return self.values[-1]

    def get_min(self) -> int:
        return min(self.values)
