def merge_records(records: list[list[str]]) -> list[list[str]]:
    # Each record is [name, email, ...]. Merge records that share an email, directly or
    # through a chain; return each person as [name, *sorted distinct emails], any order.
    pass
