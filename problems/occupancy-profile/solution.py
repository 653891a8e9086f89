def occupancy_profile(bookings: list[list[int]]) -> list[list[int]]:
    change: dict[int, int] = {}
    for start, end in bookings:
        change[start] = change.get(start, 0) + 1
        change[end] = change.get(end, 0) - 1
    profile = []
    active = 0
    for time in sorted(change):
        if change[time]:
            active += change[time]
            profile.append([time, active])
    return profile
