def match_refunds(events: list[list], window: int) -> list[int]:
    # For each refund, scan every earlier event for the oldest matching unsettled charge.
    used = [False] * len(events)
    settled = []
    for index, (time, kind, card, amount) in enumerate(events):
        if kind != "refund":
            continue
        match = -1
        for earlier in range(index):
            charge_time, charge_kind, charge_card, charge_amount = events[earlier]
            if (
                charge_kind == "charge"
                and not used[earlier]
                and charge_card == card
                and charge_amount == amount
                and time - charge_time <= window
            ):
                match = earlier
                break
        if match >= 0:
            used[match] = True
        settled.append(match)
    return settled
