def occupancy_profile(bookings: list[list[int]]) -> list[list[int]]:
    # Return [time, count] each time the number of active bookings changes.
    pass
