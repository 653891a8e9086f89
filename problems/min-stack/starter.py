class MinStack:
    def __init__(self) -> None:
        pass

    def push(self, value: int) -> None:
        pass

    def pop(self) -> None:
        # Remove the top value.
        pass

    def top(self) -> int:
        # The top value, without removing it.
        pass

    def get_min(self) -> int:
        # The smallest value currently on the stack.
        pass
