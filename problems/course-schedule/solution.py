from collections import deque


def can_finish(num_courses: int, prerequisites: list[list[int]]) -> bool:
    unlocks: list[list[int]] = [[] for _ in range(num_courses)]
    waiting_on = [0] * num_courses
    for course, required in prerequisites:
        unlocks[required].append(course)
        waiting_on[course] += 1
    ready = deque(course for course in range(num_courses) if waiting_on[course] == 0)
    finished = 0
    while ready:
        course = ready.popleft()
        finished += 1
        for follower in unlocks[course]:
            waiting_on[follower] -= 1
            if waiting_on[follower] == 0:
                ready.append(follower)
    return finished == num_courses
