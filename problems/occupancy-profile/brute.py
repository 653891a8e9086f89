def occupancy_profile(bookings: list[list[int]]) -> list[list[int]]:
    # At every endpoint, count the bookings that cover it by looking at all of them.
    times = sorted({time for booking in bookings for time in booking})
    profile = []
    previous = 0
    for time in times:
        active = sum(1 for start, end in bookings if start <= time < end)
        if active != previous:
            profile.append([time, active])
            previous = active
    return profile
