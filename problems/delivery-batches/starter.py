def fewest_departures(orders: list[list[int]], capacity: int) -> int:
    # Fewest van departures that ship every order inside its [ready, due] window.
    pass
