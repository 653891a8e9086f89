def is_valid(s: str) -> bool:
    # Return True when every bracket in s is closed by the right kind, in the right order.
    pass
