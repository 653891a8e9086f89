"""The estimate checker: the numbers in design notes, what they imply, and how far off they are.

Reads text such as "100M DAU", "10k QPS", "2 KB per post" or "5 TB/year" into quantities in
base units (people, per second, bytes, bytes per second), derives what they imply (QPS from
DAU, bandwidth and storage per day and year from a rate and a size) and compares written
numbers with a prompt's reference estimates. It sits below the engine and the scoring, so the
interviewer, the scorer and the screen's "back of the envelope" read numbers by one rule. One
pass of a few regular expressions: 300 lines of notes take well under 10 ms (bench/engine.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from mockloop.designs import Estimate

Kind = Literal["users", "rate", "bytes", "bandwidth", "per_user", "count"]
Period = Literal["", "item", "day", "month", "year"]

SECONDS = {"s": 1, "sec": 1, "second": 1, "min": 60, "minute": 60, "hour": 3600, "hr": 3600}
SECONDS |= {"day": 86_400, "month": 30 * 86_400, "year": 365 * 86_400, "yr": 365 * 86_400}
MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9}
MULTIPLIERS |= {"billion": 1e9, "t": 1e12, "trillion": 1e12}
BYTE_PREFIX = {"": 1, "k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12, "p": 1e15}
PEAK_FACTOR = 2
"""What the envelope assumes peak is over average, said on screen where it is used."""

NUMBER = re.compile(
    r"(?<![\w.:/])(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
    r"(?P<multiplier>thousand|million|billion|trillion|bn|[kmbt])?(?![a-z\d])"
    r"(?=(?P<rest>[^\n]{0,48}))",
    re.IGNORECASE,
)
BITS = re.compile(r"\s*(?P<prefix>[kmgt])(?:bps|bit/s|bits/s)\b")
BYTES = re.compile(
    r"\s*(?P<prefix>[kmgtp]?)i?(?:b|bytes?)\b"
    r"(?:\s*(?:/|per|an?|each)\s*(?P<per>[a-z]+))?"
)
USERS = re.compile(
    r"\s*(?P<word>dau|mau|daily active|monthly active|(?:active |concurrent )?"
    r"(?:users|people|viewers|players|drivers|riders|customers|merchants|devices))\b"
)
PER_USER = re.compile(
    r"\s*(?P<noun>[a-z]+)(?: [a-z]+)? (?:per|/|a|each) ?(?:user|person|viewer|player|dau)\b"
)
RATE = re.compile(
    r"\s*(?:(?P<ops>qps|rps|tps)\b|(?P<noun>[a-z]+(?: [a-z]+)?)?(?:\s*/\s*|\s+(?:per|an?)\s+)"
    r"(?P<per>s|sec|second|min|minute|hour|hr|day|month|year|yr)\b)"
)
COUNT = re.compile(r"\s*(?P<first>[a-z]{3,})\b(?: (?P<second>[a-z]{3,})\b)?")
"""A count's noun, or the noun after one describing word ("30M concurrent connections")."""
RATIO_WORDS = ("per", "each")
RATIO = re.compile(r"\s*(?:/\s*[a-z]|per\b|each\b)")
"""After a count's noun: "100k connections per box" is a ratio, not a total."""
WORD = re.compile(r"[a-z]+")
UNIT_END = re.compile(r"[,;()]| - | / |\. |\s*(?:-+>|=>|→|=\s)|\s[x×*]\s")
"""Where the words that belong to a number end, for display."""
STOP = {"per", "the", "and", "for", "with", "all", "one", "each", "second", "day", "year"}


@dataclass(frozen=True)
class Quantity:
    """One number written in the notes or the chat, in base units."""

    value: float
    kind: Kind
    text: str
    line: str
    period: Period = ""
    noun: str = ""


@dataclass(frozen=True)
class Implication:
    """A number that follows from written ones (the envelope shows its arithmetic)."""

    kind: Kind
    value: float
    text: str


@dataclass(frozen=True)
class Check:
    """A reference estimate against the closest written number of the same kind."""

    estimate: Estimate
    written: Quantity | None
    ratio: float
    """written / reference (1.0 when nothing was written)."""

    def within(self, tolerance: float) -> bool:
        """Written, and within `tolerance` times either way."""
        return self.written is not None and 1 / tolerance < self.ratio < tolerance


def read(text: str) -> list[Quantity]:
    """Every quantity the text states, in order.

    Lines are read one at a time and remembered, so re-reading notes after an edit reads
    only the lines that changed.
    """
    return [quantity for line in text.splitlines() for quantity in _read_line(line)]


@lru_cache(maxsize=4096)
def _read_line(text: str) -> tuple[Quantity, ...]:
    """The quantities one line states."""
    found: list[Quantity] = []
    line = text.strip()
    for match in NUMBER.finditer(text):
        value = float(match["number"].replace(",", ""))
        value *= MULTIPLIERS.get((match["multiplier"] or "").lower(), 1)
        shown = (match.group(0) + UNIT_END.split(match["rest"], maxsplit=1)[0]).strip()
        quantity = _classify(value, match["rest"].lower(), line, shown)
        if quantity is not None and quantity.kind == "rate" and found[-1:]:
            quantity = _per_user(quantity, found[-1], value)
        if quantity is not None:
            found.append(quantity)
    return tuple(found)


def _per_user(rate: Quantity, before: Quantity, count: float) -> Quantity:
    """In "500M DAU x 10 feed loads a day", the daily count right after the users is each
    person's, not the whole system's."""
    daily = abs(rate.value * SECONDS["day"] - count) < 1e-6 * max(count, 1)
    if before.kind == "users" and daily:
        return Quantity(count, "per_user", rate.text, rate.line, "day", rate.noun)
    return rate


def _classify(value: float, rest: str, line: str, text: str) -> Quantity | None:
    """What a number followed by `rest` means, or None for a bare or unknown number."""
    if bits := BITS.match(rest):
        return Quantity(value * BYTE_PREFIX[bits["prefix"]] / 8, "bandwidth", text, line)
    if size := BYTES.match(rest):
        amount = value * BYTE_PREFIX[size["prefix"]]
        per = (size["per"] or "").rstrip("s") if size["per"] != "s" else "s"
        if per in ("s", "sec", "second"):
            return Quantity(amount, "bandwidth", text, line)
        if per in ("day", "month", "year", "yr"):
            return Quantity(amount, "bytes", text, line, "year" if per == "yr" else per)  # type: ignore[arg-type]
        return Quantity(amount, "bytes", text, line, "item" if per else "", per)
    if people := USERS.match(rest):
        word = people["word"]
        period: Period = "month" if word in ("mau", "monthly active") else "day"
        return Quantity(value, "users", text, line, period)
    if action := PER_USER.match(rest):
        return Quantity(value, "per_user", text, line, "day", action["noun"].rstrip("s"))
    if rate := RATE.match(rest):
        seconds = SECONDS[rate["per"]] if rate["per"] else 1
        noun = (rate["noun"] or "").split(" ")[0].rstrip("s") or (rate["ops"] or "")
        return Quantity(value / seconds, "rate", text, line, noun=noun)
    if count := COUNT.match(rest):
        for group in ("first", "second") if count["first"] not in RATIO_WORDS else ():
            noun = _counted(count[group] or "")
            if noun:
                ratio = RATIO.match(rest, count.end(group))
                return None if ratio else Quantity(value, "count", text, line, noun=noun)
    return None


def _counted(word: str) -> str:
    """The counted noun a word names, singular ("conns" → "connection"), or ""."""
    singular = word.removesuffix("es") if word.endswith("xes") else word.rstrip("s")
    singular = SYNONYMS.get(singular, singular)
    return singular if singular in COUNTED else ""


COUNTED = {
    *("link", "key", "node", "server", "connection", "serie", "series", "character", "run"),
    *("request", "hour", "dollar", "url", "page", "file", "shard", "machine", "replica"),
    *("message", "post", "record", "row", "entrie", "item", "object", "event", "sample"),
}
SYNONYMS = {"conn": "connection", "box": "server", "host": "server", "instance": "server"}
"""Short or everyday names people write for a counted noun."""


def implications(quantities: Sequence[Quantity]) -> list[Implication]:
    """What the written numbers imply: QPS from DAU, bandwidth and storage from rate × size."""
    implied: list[Implication] = []
    users = [q for q in quantities if q.kind == "users" and q.period == "day"]
    actions = [q for q in quantities if q.kind == "per_user"]
    rates = [q for q in quantities if q.kind == "rate"]
    for people in users[:2]:
        per_person: list[Quantity | None] = [*actions[:3]] or [None]
        for action in per_person:
            count = action.value if action else 1
            qps = people.value * count / SECONDS["day"]
            what = f" × {action.text}" if action else " doing one thing a day each"
            implied.append(
                Implication(
                    "rate",
                    qps,
                    f"{people.text}{what} ≈ {human(qps)}/s on average, "
                    f"~{human(qps * PEAK_FACTOR)}/s at a {PEAK_FACTOR}× peak",
                )
            )
            noun = action.noun if action else ""
            rates = [*rates, Quantity(qps, "rate", f"{human(qps)}/s", "", noun=noun)]
    for size in (q for q in quantities if q.kind == "bytes" and q.period == "item"):
        rate = _rate_for(size, rates)
        if rate is None:
            continue
        per_second = rate.value * size.value
        implied.append(
            Implication(
                "bandwidth",
                per_second,
                f"{rate.text} × {size.text} ≈ {human_bytes(per_second)}/s, "
                f"{human_bytes(per_second * SECONDS['day'])} a day, "
                f"{human_bytes(per_second * SECONDS['year'])} a year",
            )
        )
    for volume in (q for q in quantities if q.kind == "bytes" and q.period in ("day", "month")):
        yearly = volume.value * SECONDS["year"] / SECONDS[volume.period]
        implied.append(
            Implication("bytes", yearly, f"{volume.text} ≈ {human_bytes(yearly)} a year")
        )
    return implied


def _rate_for(size: Quantity, rates: Sequence[Quantity]) -> Quantity | None:
    """The rate a per-item size multiplies: on its line, else naming its item, else the first."""
    for rate in rates:
        if rate.line and rate.line == size.line:
            return rate
    for rate in rates:
        if size.noun and (rate.noun == size.noun or size.noun in rate.line.lower()):
            return rate
    return rates[0] if rates else None


def reference(estimate: Estimate) -> Quantity:
    """A pack's reference estimate as a quantity in base units."""
    unit = estimate.unit
    what = estimate.what.lower()
    if unit.endswith("bit/s"):
        return Quantity(estimate.value * BYTE_PREFIX[unit[0].lower()] / 8, "bandwidth", "", what)
    if unit.endswith("B/s"):
        return Quantity(estimate.value * BYTE_PREFIX[unit[0].lower()], "bandwidth", "", what)
    if unit.endswith("B"):
        per = re.search(r"per (day|month|year)", what)
        period: Period = per[1] if per else ""  # type: ignore[assignment]
        return Quantity(estimate.value * BYTE_PREFIX[unit[0].lower()], "bytes", "", what, period)
    if unit.endswith("/day"):
        return Quantity(estimate.value, "count", "", what, "day", unit.split("/")[0].rstrip("s"))
    if unit.endswith("/s"):
        return Quantity(estimate.value, "rate", "", what, noun=unit.split("/")[0].rstrip("s"))
    return Quantity(estimate.value, "count", "", what, noun=unit.rstrip("s"))


def compare(quantities: Sequence[Quantity], estimates: Sequence[Estimate]) -> list[Check]:
    """Each reference estimate against the written number that best matches it; one written
    number answers one estimate ("600 feed loads/s" is not also the fan-out rate).

    A written number matches when its kind (and, for storage, its period) agrees. Pairs are
    taken best first: the number whose own words ("2.3k posts/s") then whose line shares the
    most words with the estimate's description, then the last on its line (in "200M posts a
    day -> 23 posts/s" the candidate's estimate is what the arrow leads to, not the figure
    they were given), then the closest in order of magnitude.
    """
    targets = [reference(estimate) for estimate in estimates]
    pairs: list[tuple[tuple[int, int, bool, float], int, int]] = []
    for which, (estimate, target) in enumerate(zip(estimates, targets, strict=True)):
        words = _words(f"{estimate.what} {estimate.id.replace('_', ' ')}")
        candidates = [(index, q) for index, q in enumerate(quantities) if _comparable(q, target)]
        last = {q.line: index for index, q in candidates}
        for index, q in candidates:
            closeness = -abs(math.log10(_in_period(q, target) / target.value))
            key = (
                len(words & _words(q.text)),
                len(words & _words(q.line)),
                last[q.line] == index,
                closeness,
            )
            pairs.append((key, which, index))
    chosen: dict[int, int] = {}
    for _, which, index in sorted(pairs, key=lambda pair: pair[0], reverse=True):
        if which not in chosen and index not in chosen.values():
            chosen[which] = index
    checks: list[Check] = []
    for which, (estimate, target) in enumerate(zip(estimates, targets, strict=True)):
        if which not in chosen:
            checks.append(Check(estimate, None, 1.0))
            continue
        best = quantities[chosen[which]]
        checks.append(Check(estimate, best, _in_period(best, target) / target.value))
    return checks


def _comparable(written: Quantity, target: Quantity) -> bool:
    if written.kind != target.kind or written.value <= 0:
        return False
    if target.kind == "bytes":
        periods = {"": {""}, "day": {"day", "month", "year"}, "month": {"day", "month", "year"}}
        return written.period in periods.get(target.period, {"day", "month", "year"})
    if target.kind == "count":
        return written.noun.rstrip("s") == target.noun.rstrip("s")
    return True


def _in_period(written: Quantity, target: Quantity) -> float:
    """A written volume expressed over the reference's period (a day's storage as a year's)."""
    if target.kind == "bytes" and written.period and target.period:
        return written.value * SECONDS[target.period] / SECONDS[written.period]
    return written.value


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    return frozenset(
        {word.rstrip("s") for word in WORD.findall(text.lower()) if len(word) > 2} - STOP
    )


def times(factor: float) -> str:
    """How many times off, to one significant figure as people say it: 1,000×, 300×, 2×."""
    return f"{float(f'{factor:.1g}'):,.0f}×"


def human(value: float) -> str:
    """A count in the short form people write: 950, 11.6k, 23M, 1.2B."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{_short(value / size)}{suffix}"
    return _short(value)


def human_bytes(value: float) -> str:
    """Bytes in decimal units: 500 B, 2 KB, 23 MB, 1.4 PB."""
    for size, suffix in ((1e15, "PB"), (1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB")):
        if value >= size:
            return f"{_short(value / size)} {suffix}"
    return f"{_short(value)} B"


def _short(value: float) -> str:
    return f"{value:.3g}" if value < 1000 else f"{value:,.0f}"


def envelope(text: str) -> str:
    """The "back of the envelope" pane: the numbers written, and what they imply."""
    return envelope_of(read(text))


def envelope_of(quantities: Sequence[Quantity]) -> str:
    """The envelope for quantities already read."""
    if not quantities:
        return (
            "Back of the envelope\n\nNo numbers in your notes yet. Write them as you would "
            "on a whiteboard: 100M DAU, 10k QPS, 2 KB per post, 5 TB/year."
        )
    lines = ["Back of the envelope", "", "You wrote:"]
    lines += [f"  {q.text:<28} {_base(q)}" for q in quantities]
    implied = implications(quantities)
    if implied:
        lines += ["", "That implies:"]
        lines += [f"  {item.text}" for item in implied]
    return "\n".join(lines)


def _base(quantity: Quantity) -> str:
    value = quantity.value
    if quantity.kind == "rate":
        return f"{human(value)} per second"
    if quantity.kind == "bandwidth":
        return f"{human_bytes(value)}/s"
    if quantity.kind == "bytes":
        tail = {"": "in all", "item": f"per {quantity.noun or 'item'}"}
        return f"{human_bytes(value)} {tail.get(quantity.period, 'per ' + quantity.period)}"
    if quantity.kind == "users":
        return f"{human(value)} people a {quantity.period}"
    if quantity.kind == "per_user":
        return f"{human(value)} per person a day"
    return f"{human(value)} {quantity.noun}s"
