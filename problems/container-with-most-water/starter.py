def max_area(heights: list[int]) -> int:
    # Return the most water two of the walls can hold between them.
    pass
