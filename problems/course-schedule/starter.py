def can_finish(num_courses: int, prerequisites: list[list[int]]) -> bool:
    # Each pair [course, required] means `required` must be finished before `course`.
    pass
