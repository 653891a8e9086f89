def match_refunds(events: list[list], window: int) -> list[int]:
    # events[i] is [time, kind, card, amount], kind "charge" or "refund", in time order.
    # For each refund, in order: the index of the charge it settles, or -1.
    pass
