"""The words of a design conversation, one vocabulary for the reader and the interviewer:
the building blocks a design names, what makes a sentence a reason, an alternative, a
failure or growth, and the shorthand people write ("chat svc", "ws", "b/c") read as the words
it stands for. Matching is by whole word in any common form (plural, -ed, -ing).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

COMPONENTS = (
    "load balancer", "api gateway", "gateway", "cache", "redis", "memcached", "cdn", "queue",
    "kafka", "pub/sub", "stream", "database", "postgres", "mysql", "cassandra", "dynamodb",
    "key-value",
    "blob store", "object store", "s3", "search index", "elasticsearch", "websocket",
    "zookeeper", "etcd", "bloom filter", "consistent hashing", "shard", "replica", "worker",
    "scheduler", "coordinator", "microservice", "service mesh", "graphql", "lambda",
)  # fmt: skip
"""Building blocks a design names; named without a reason, they are buzzwords."""
REASON = re.compile(
    r"\b(because|so that|so we|so it|since|to avoid|to keep|to reduce|to handle|to absorb|"
    r"to serve|to spread|to survive|in order to|given|otherwise|which means|for the)\b|"
    r", so\b|\bwhich (keeps|lets|errs|avoids|gives|saves)\b"
)
HOLLOW = re.compile(
    r"\b(since|because|as|so) (it|they|that|this) ('s |is |are )?(scales?|fast|standard|"
    r"modern|popular|industry standard|web scale|battle.tested)\b|\bfor (speed|scale)\b"
)
"""A reason that says nothing about this system ("since it scales", "for speed")."""
ALTERNATIVE = re.compile(
    r"\b(instead of|rather than|versus|vs\.?|trade-?offs?|alternative|the downside|"
    r"at the cost of|gives? up|we lose|cheaper than|compared to)\b"
)
FAILURE = re.compile(
    r"\b(dies|die|fails?|failure|failover|goes down|is down|crash\w*|outage|"
    r"(network|netsplit) partition\w*|split.brain|lost|retr(y|ies)|timeout|degrade\w*|"
    r"fallback|circuit breaker|hot key|thundering)\b"
)
EVOLUTION = re.compile(
    r"\b((at|grows?|growth of|to) \d+ ?x\b|\d+ ?x:|\d+ ?x (more|growth|traffic|load|users|scale)\b|"
    r"evolve|later on|v2|phase 2|next year|migrat\w*|when we outgrow|as traffic grows)"
)
SHORTHAND = {
    "svc": "service", "svcs": "services", "seq": "sequence", "seqs": "sequences",
    "msg": "message", "msgs": "messages", "conn": "connection", "conns": "connections",
    "ws": "websocket", "gw": "gateway", "gws": "gateways", "db": "database", "dbs": "databases",
    "lb": "load balancer", "hld": "high level design", "pk": "partition key",
    "ck": "clustering key", "ts": "timestamp", "convo": "conversation", "notif": "notification",
    "reqs": "requirements", "est": "estimates", "nfr": "non-functional requirement",
    "nfrs": "non-functional requirements",
    "b/c": "because", "bc": "because", "w/": "with", "=>": "so", "k/v": "key-value",
}  # fmt: skip
"""Shorthand people write in notes and quick messages, read as the words it stands for."""
SHORT = re.compile(
    r"(?<![\w/])("
    + "|".join(re.escape(word) for word in sorted(SHORTHAND, key=len, reverse=True))
    + r")(?!\w)"
)
MEASURE = re.compile(r"\d+(\.\d+)?\s*(%|x\b|ms\b|percent|times\b|\$)|\$\s*\d")
"""A number that quantifies a trade-off: a percentage, a factor, a latency, a cost."""


def expand(text: str) -> str:
    """Lowercase text with its shorthand spelled out ("chat svc" → "chat service"), for
    matching words only: quotes keep what the candidate wrote."""
    return SHORT.sub(lambda match: SHORTHAND[match[1]], text.lower())


def words_in(keywords: Sequence[str], text: str) -> tuple[str, ...]:
    """The keywords that occur in `text` as whole words, in any form (plural, -ed, -ing) or
    shorthand."""
    return matching(tuple(keywords), expand(text))


def matching(keywords: tuple[str, ...], text: str) -> tuple[str, ...]:
    """The keywords that occur in `text` as whole words (a keyword may be a phrase)."""
    return tuple(word for word in keywords if _pattern(word).search(text))


@lru_cache(maxsize=8192)
def _pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w/]){re.escape(word.lower())}(?:e?s|e?d|ing)?(?!\w)")
