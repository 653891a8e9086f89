def merge_feeds(feeds: list[list[list]], per_author: int, limit: int) -> list[int]:
    # Post ids of the merged feed: best first, no repeats, at most per_author per author.
    pass
