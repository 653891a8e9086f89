def assign_jobs(costs: list[int], durations: list[int]) -> list[int]:
    # For each job, scan every machine for the cheapest idle one: O(jobs * machines).
    free_at = [0] * len(costs)
    assigned = []
    now = 0
    for job, duration in enumerate(durations):
        now = max(now, job)
        now = max(now, min(free_at))
        best = -1
        for index, cost in enumerate(costs):
            if free_at[index] <= now and (best < 0 or cost < costs[best]):
                best = index
        free_at[best] = now + duration
        assigned.append(best)
    return assigned
