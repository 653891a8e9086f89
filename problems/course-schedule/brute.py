def can_finish(num_courses: int, prerequisites: list[list[int]]) -> bool:
    # Repeatedly scan for any course whose requirements are all done and take it.
    done = [False] * num_courses
    for _ in range(num_courses):
        for course in range(num_courses):
            if done[course]:
                continue
            if all(done[required] for taken, required in prerequisites if taken == course):
                done[course] = True
                break
        else:
            return False
    return True
