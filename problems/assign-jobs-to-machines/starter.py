def assign_jobs(costs: list[int], durations: list[int]) -> list[int]:
    # For each job, in order, the index of the machine it runs on.
    pass
