def merge_feeds(feeds: list[list[list]], per_author: int, limit: int) -> list[int]:
    # Look at the head of every feed to pick each next post.
    positions = [0] * len(feeds)
    shown: list[int] = []
    seen: set[int] = set()
    by_author: dict[str, int] = {}
    while len(shown) < limit:
        best = -1
        for index, feed in enumerate(feeds):
            if positions[index] < len(feed):
                post = feed[positions[index]]
                if best == -1:
                    best = index
                    continue
                leader = feeds[best][positions[best]]
                if (-post[2], post[0]) < (-leader[2], leader[0]):
                    best = index
        if best == -1:
            break
        post_id, author, _ = feeds[best][positions[best]]
        positions[best] += 1
        if post_id in seen or by_author.get(author, 0) >= per_author:
            continue
        seen.add(post_id)
        by_author[author] = by_author.get(author, 0) + 1
        shown.append(post_id)
    return shown
