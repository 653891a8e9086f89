"""Read complexity the way people write it, and reduce it to one normal form.

`O(min(m,n))`, `O(k·min(m, n))`, `O(mn)`, `O(n*m)`, `n^2`, `n**2`, `n²`, `log n`, `lg(n)`,
`n log n`, sums, constant factors and the words "linear", "quadratic", "log-linear" and
"constant" all parse to a polynomial of factors, printed in one canonical way
(`m*n`, `n^2`, `n*log n`, `E + V`, `min(m,n)`), so two claims compare by string equality.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

# A monomial maps a factor ("n", "log n", "min(m,n)", "2^n") to its exponent; a polynomial
# is a set of monomials (frozen so it can be hashed and compared).
Monomial = frozenset[tuple[str, int]]
Polynomial = frozenset[Monomial]

TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_]+)|(?P<power>\*\*|\^)"
    r"|(?P<super>[²³])|(?P<symbol>[-+*/·×(),!]))"
)
FUNCTIONS = {"min", "max", "sqrt", "len"}
LOGS = {"log", "lg", "ln", "log2", "log10"}
WORD_POWERS = {"squared": 2, "cubed": 3}
KEEP_UPPER = {"V", "E", "L"}


class ParseError(ValueError):
    """The text inside `O(...)` is not an expression we can read."""


@dataclass(frozen=True)
class Token:
    """One lexical token: its kind and text."""

    kind: str
    text: str


def tokenize(text: str) -> list[Token]:
    """Split an expression into tokens; identifiers like `nlogn` or `mn` are taken apart."""
    tokens: list[Token] = []
    position = 0
    text = text.strip()
    while position < len(text):
        match = TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise ParseError(text)
        position = match.end()
        kind = match.lastgroup or ""
        value = match.group(kind)
        if kind == "name":
            tokens.extend(split_name(value))
        elif kind == "super":
            tokens.extend([Token("power", "^"), Token("number", "2" if value == "²" else "3")])
        else:
            tokens.append(Token(kind, value))
    return tokens


def split_name(name: str) -> list[Token]:
    """`nlogn` -> n log n; `mn` -> m n; `N` -> n; `log2` stays a log; `squared` -> ^2."""
    lowered = name.lower()
    if not lowered:
        return []
    if lowered in WORD_POWERS:
        return [Token("power", "^"), Token("number", str(WORD_POWERS[lowered]))]
    if lowered in LOGS or lowered in FUNCTIONS:
        return [Token("name", lowered)]
    if "log" in lowered:
        before, _, after = lowered.partition("log")
        return [*split_name(before), Token("name", "log"), *split_name(after)]
    if len(name) == 1:
        return [Token("name", name if name in KEEP_UPPER else name.lower())]
    if len(name) <= 3 and name.isalpha():
        return [Token("name", c if c in KEEP_UPPER else c.lower()) for c in name]
    return [Token("name", lowered)]


class Parser:
    """Recursive descent over sums of products of powers of factors."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0

    def peek(self) -> Token | None:
        """The next token, or None at the end."""
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> Token:
        """Consume and return the next token."""
        token = self.peek()
        if token is None:
            raise ParseError("unexpected end")
        self.index += 1
        return token

    def expect(self, text: str) -> None:
        """Consume a symbol that must be there."""
        token = self.take()
        if token.text != text:
            raise ParseError(f"expected {text}")

    def expression(self) -> Polynomial:
        """term (('+' | '-') term)*; subtraction reads as a sum (bounds, not values)."""
        result = self.term()
        while (token := self.peek()) is not None and token.text in ("+", "-"):
            self.take()
            result = add(result, self.term())
        return result

    def starts_factor(self, token: Token | None) -> bool:
        """Whether a token can begin a factor (for implicit products such as `n log n`)."""
        return token is not None and (token.kind in ("number", "name") or token.text == "(")

    def term(self) -> Polynomial:
        """factor (('*' | '·' | '/' | juxtaposition) factor)*."""
        result = self.power()
        while True:
            token = self.peek()
            if token is not None and token.text in ("*", "·", "×"):
                self.take()
                result = multiply(result, self.power())
            elif token is not None and token.text == "/":
                self.take()
                divisor = self.power()
                if divisor != CONSTANT:
                    result = multiply(result, raise_to(divisor, -1))
            elif self.starts_factor(token):
                result = multiply(result, self.power())
            else:
                return result

    def power(self) -> Polynomial:
        """A factor, optionally raised to a power (`n^2`, `n**2`, `2^n`, `3^(m+n)`)."""
        base_start = self.index
        base = self.factor()
        token = self.peek()
        if token is not None and token.text == "!":
            self.take()
            return single(f"{wrap(render(base))}!")
        if token is None or token.kind != "power":
            return base
        self.take()
        exponent_token = self.peek()
        exponent = self.factor()
        if exponent == CONSTANT:
            whole = exponent_token is not None and exponent_token.text.isdigit()
            return raise_to(base, int(exponent_token.text)) if whole and exponent_token else base
        if base == CONSTANT:
            base_text = self.tokens[base_start].text
            if base_text in ("0", "1"):
                return CONSTANT
            return single(f"{base_text}^{wrap(render(exponent))}")
        return single(f"{wrap(render(base))}^{wrap(render(exponent))}")

    def factor(self) -> Polynomial:
        """A number, a variable, a log, a function call or a parenthesised expression."""
        token = self.take()
        if token.kind == "number":
            return CONSTANT
        if token.text == "(":
            inner = self.expression()
            self.expect(")")
            return inner
        if token.kind != "name":
            raise ParseError(token.text)
        if token.text in LOGS:
            return self.logarithm()
        if token.text in FUNCTIONS and (after := self.peek()) is not None and after.text == "(":
            return self.function(token.text)
        return single(token.text)

    def logarithm(self) -> Polynomial:
        """`log n`, `log(n)`, `lg n`, `log_2 n`; the base is a constant and is dropped."""
        token = self.peek()
        if token is not None and token.text == "_":
            self.take()
            token = self.peek()
        if token is not None and token.kind == "number":
            self.take()
        token = self.peek()
        if token is not None and token.text == "(":
            self.take()
            argument = self.expression()
            self.expect(")")
        else:
            argument = self.power()
        if argument == CONSTANT:
            return CONSTANT
        text = render(argument)
        return single(f"log {text}" if is_atom(text) else f"log({text})")

    def function(self, name: str) -> Polynomial:
        """`min(m,n)`, `max(a, b)`, `sqrt(n)`; `len(s)` reads as the variable `s`."""
        self.expect("(")
        arguments = [render(self.expression())]
        while (token := self.peek()) is not None and token.text == ",":
            self.take()
            arguments.append(render(self.expression()))
        self.expect(")")
        if name == "len" and len(arguments) == 1:
            return single(arguments[0])
        ordered = sorted(arguments) if name in ("min", "max") else arguments
        return single(f"{name}({','.join(ordered)})")


CONSTANT: Polynomial = frozenset({frozenset()})


def single(factor: str) -> Polynomial:
    """A polynomial of one factor to the first power."""
    return frozenset({frozenset({(factor, 1)})})


def add(left: Polynomial, right: Polynomial) -> Polynomial:
    """The sum of two polynomials (as sets of terms, so `n + n` is `n`)."""
    return left | right


def multiply(left: Polynomial, right: Polynomial) -> Polynomial:
    """The product, distributing over sums and adding exponents of equal factors."""
    terms: set[Monomial] = set()
    for first in left:
        for second in right:
            powers: dict[str, int] = dict(first)
            for factor, exponent in second:
                powers[factor] = powers.get(factor, 0) + exponent
            terms.add(frozenset((f, e) for f, e in powers.items() if e != 0))
    return frozenset(terms)


def raise_to(base: Polynomial, exponent: int) -> Polynomial:
    """A polynomial to a whole power (a sum to a power keeps only its terms' powers)."""
    if exponent == 0:
        return CONSTANT
    return frozenset(frozenset((f, e * exponent) for f, e in term) for term in base)


def dominated(term: Monomial, other: Monomial) -> bool:
    """`other` grows at least as fast: every factor of `term` is in it with no smaller power."""
    powers = dict(other)
    return term != other and all(powers.get(f, 0) >= e > 0 for f, e in term)


def simplify(polynomial: Polynomial) -> Polynomial:
    """Drop constants and terms another term dominates (`n^2 + n` -> `n^2`)."""
    kept = [t for t in polynomial if not any(dominated(t, other) for other in polynomial)]
    return frozenset(kept) or CONSTANT


def factor_order(factor: str) -> tuple[int, str]:
    """Variables, then functions, then logs, then exponentials; alphabetical within."""
    if factor.startswith("log"):
        return 2, factor
    if "^" in factor:
        return 3, factor
    if "(" in factor:
        return 1, factor
    return 0, factor.lower()


def render_term(term: Monomial) -> str:
    """`n^2`, `m*n`, `n*log n`, `1`; negative powers read as division."""
    ordered = sorted(term, key=lambda item: factor_order(item[0]))
    above = [f if e == 1 else f"{wrap(f)}^{e}" for f, e in ordered if e > 0]
    below = [f if e == -1 else f"{wrap(f)}^{-e}" for f, e in ordered if e < 0]
    text = "*".join(above) or "1"
    return f"{text}/{'*'.join(below)}" if below else text


def render(polynomial: Polynomial) -> str:
    """The canonical text of a polynomial (terms sorted, joined by ` + `)."""
    return " + ".join(sorted(render_term(term) for term in simplify(polynomial)))


def is_atom(text: str) -> bool:
    """A lone name or number that needs no parentheses."""
    return re.fullmatch(r"[A-Za-z0-9]+", text) is not None


def wrap(text: str) -> str:
    """Parenthesise a compound expression used as a base or an exponent."""
    return text if is_atom(text) or re.fullmatch(r"\w+\([^()]*\)", text) else f"({text})"


def normal_form(expression: str) -> str | None:
    """The canonical form of one complexity (`O(...)` optional), or None if unreadable."""
    text = expression.strip()
    inner = re.fullmatch(r"[OoΘθΩ]\s*\((.*)\)", text, flags=re.DOTALL)
    if inner:
        text = inner.group(1)
    worded = WORDS.get(text.lower().replace("-", " ").strip())
    if worded is not None:
        return worded
    try:
        parser = Parser(tokenize(text))
        polynomial = parser.expression()
    except (ParseError, IndexError, ValueError):
        return None
    if parser.peek() is not None:
        return None
    return render(polynomial)


def same(first: str, second: str) -> bool:
    """Two complexities are equal in normal form (unreadable ones are never equal)."""
    left, right = normal_form(first), normal_form(second)
    return left is not None and left == right


WORDS = {
    "constant": "1",
    "linear": "n",
    "quadratic": "n^2",
    "cubic": "n^3",
    "logarithmic": "log n",
    "log linear": "n*log n",
    "loglinear": "n*log n",
    "linearithmic": "n*log n",
    "n log n": "n*log n",
    "exponential": "2^n",
}

Dimension = Literal["time", "space", "either"]


def degree(form: str) -> float | None:
    """The power of the input size in a normal form (`n*log n` → 1, `m*n` → 2, `2^n` → inf),
    every variable counted as the size since the measurement grows every list at once; None
    when the form is not one we can read that way."""
    terms = [term.strip() for term in form.split(" + ")]
    powers: list[float] = []
    for term in terms:
        total = 0.0
        for factor in term.split("*"):
            power = _factor_power(factor.strip())
            if power is None:
                return None
            total += power
        powers.append(total)
    return max(powers, default=None)


def _factor_power(factor: str) -> float | None:
    if not factor or factor.isdigit() or factor.startswith(("log", "lg", "ln")):
        return 0.0
    if factor.endswith("!") or re.fullmatch(r"\d+\^.+", factor):
        return math.inf
    if factor.startswith("sqrt("):
        return 0.5
    if re.fullmatch(r"(?:min|max)\([^()]*\)", factor):
        return 1.0
    base, _, exponent = factor.partition("^")
    if re.fullmatch(r"[A-Za-z]\w*", base):
        return float(exponent) if exponent.isdigit() else (1.0 if not exponent else None)
    return None
