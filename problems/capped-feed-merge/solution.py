import heapq


def merge_feeds(feeds: list[list[list]], per_author: int, limit: int) -> list[int]:
    # A heap holds the next post of every feed, ranked by (-score, post id); each pop
    # advances only the feed it came from.
    heads = [(-feed[0][2], feed[0][0], index, 0) for index, feed in enumerate(feeds) if feed]
    heapq.heapify(heads)
    shown: list[int] = []
    seen: set[int] = set()
    by_author: dict[str, int] = {}
    while heads and len(shown) < limit:
        _, post_id, feed_index, position = heapq.heappop(heads)
        feed = feeds[feed_index]
        if position + 1 < len(feed):
            upcoming = feed[position + 1]
            heapq.heappush(heads, (-upcoming[2], upcoming[0], feed_index, position + 1))
        author = feed[position][1]
        if post_id in seen or by_author.get(author, 0) >= per_author:
            continue
        seen.add(post_id)
        by_author[author] = by_author.get(author, 0) + 1
        shown.append(post_id)
    return shown
