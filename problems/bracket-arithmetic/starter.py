def evaluate(expression: str) -> int:
    # Value of an expression of integers, '+', '-', brackets and spaces.
    pass
