"""Read the candidate's Python with `ast`: loops over the inputs and how deeply they nest,
recursion and memoisation, the data structures used, sorting and early returns.

The interviewer uses it to talk about the code on screen ("you scan the rest of the list
for each element — what does that cost?"); the scorer uses `written_approach` to check a
claimed approach against the written one.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from mockloop.models import Approach, Problem
from mockloop.reading.complexity import degree, normal_form

SCANS = {"count", "index", "remove", "insert"}
STRUCTURES = {
    "dict": "dict",
    "set": "set",
    "list": "list",
    "deque": "deque",
    "Counter": "Counter",
    "defaultdict": "defaultdict",
    "OrderedDict": "OrderedDict",
    "heappush": "heap",
    "heapify": "heap",
    "heappop": "heap",
}
MEMO_DECORATORS = {"cache", "lru_cache", "functools.cache", "functools.lru_cache"}


@dataclass
class CodeReading:
    """What the code does, structurally."""

    parsed: bool
    loop_depth: int = 0
    scan_in_loop: bool = False
    while_loops: int = 0
    recursive: bool = False
    memoised: bool = False
    structures: set[str] = field(default_factory=set)
    sorts: bool = False
    early_return: bool = False
    slices_in_loop: bool = False
    error: str = ""

    @property
    def quadratic_scan(self) -> bool:
        """Work proportional to the input done once per element: nested loops, or a list
        scan (`in`, `.count`, `.index`, slicing) inside a loop."""
        return self.loop_depth >= 2 or (self.loop_depth == 1 and self.scan_in_loop)

    def time_estimate(self) -> str:
        """A rough bound from the shape of the code, as a normal form (`n`, `n^2`, ...)."""
        if self.recursive and not self.memoised:
            return "2^n"
        depth = self.loop_depth + (1 if self.scan_in_loop else 0)
        if depth == 0:
            return "n*log n" if self.sorts else "n"
        base = "n" if depth == 1 else f"n^{depth}"
        return f"{base}*log n" if self.sorts and depth == 1 else base


class Walker(ast.NodeVisitor):
    """Collects the facts of `CodeReading` in one pass."""

    def __init__(self, reading: CodeReading, functions: set[str]) -> None:
        self.reading = reading
        self.functions = functions
        self.depth = 0
        self.current: list[str] = []
        self.set_names: set[str] = set()

    def loop(self, node: ast.For | ast.While | ast.AsyncFor) -> None:
        self.depth += 1
        self.reading.loop_depth = max(self.reading.loop_depth, self.depth)
        self.generic_visit(node)
        self.depth -= 1

    def visit_For(self, node: ast.For) -> None:
        self.loop(node)

    def visit_AsyncFor(self, node: ast.AsyncFor) -> None:
        self.loop(node)

    def visit_While(self, node: ast.While) -> None:
        self.reading.while_loops += 1
        self.loop(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self.depth += 1
        self.reading.loop_depth = max(self.reading.loop_depth, self.depth)
        self.generic_visit(node)
        self.depth -= 1

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        for decorator in node.decorator_list:
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            if ast.unparse(target) in MEMO_DECORATORS:
                self.reading.memoised = True
        self.current.append(node.name)
        outer, self.depth = self.depth, 0
        self.generic_visit(node)
        self.depth = outer
        self.current.pop()

    def visit_Return(self, node: ast.Return) -> None:
        if self.depth:
            self.reading.early_return = True
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        value = node.value
        kind = structure_of(value)
        if kind:
            self.reading.structures.add(kind)
            if kind in ("set", "dict", "Counter", "defaultdict"):
                self.set_names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        """`seen: dict[int, int] = {}` builds a dict just as `seen = {}` does."""
        annotation = ast.unparse(node.annotation).split("[", 1)[0].rsplit(".", 1)[-1]
        kind = structure_of(node.value) if node.value is not None else ""
        kind = kind or {"dict": "dict", "set": "set"}.get(annotation.lower(), "")
        if kind:
            self.reading.structures.add(kind)
            if kind in ("set", "dict", "Counter", "defaultdict") and isinstance(
                node.target, ast.Name
            ):
                self.set_names.add(node.target.id)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = ast.unparse(node.func)
        short = name.rsplit(".", 1)[-1]
        if short in ("sorted", "sort"):
            self.reading.sorts = True
        if short in STRUCTURES and short not in ("list", "dict", "set"):
            self.reading.structures.add(STRUCTURES[short])
        if self.current and short == self.current[-1]:
            self.reading.recursive = True
        if self.depth and short in SCANS:
            self.reading.scan_in_loop = True
        # `max(best, end)` compares a few values; only `max(items)` walks a collection.
        single = len(node.args) == 1 or short in ("sum", "all", "any")
        if self.depth and short in ("min", "max", "sum", "all", "any") and node.args and single:
            first = node.args[0]
            if not isinstance(first, ast.Name | ast.Constant) or short in ("all", "any"):
                self.reading.scan_in_loop = True
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        if self.depth and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops):
            container = node.comparators[0]
            hashed = isinstance(container, ast.Name) and container.id in self.set_names
            if not hashed and not isinstance(container, ast.Set | ast.Dict):
                self.reading.scan_in_loop = True
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if self.depth and isinstance(node.slice, ast.Slice):
            self.reading.slices_in_loop = True
            self.reading.scan_in_loop = True
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in ("lru_cache", "cache"):
            self.reading.memoised = True


def structure_of(value: ast.expr) -> str:
    """The data structure an assignment builds, or ''."""
    if isinstance(value, ast.Dict | ast.DictComp):
        return "dict"
    if isinstance(value, ast.Set | ast.SetComp):
        return "set"
    if isinstance(value, ast.List | ast.ListComp):
        return "list"
    if isinstance(value, ast.Call):
        name = ast.unparse(value.func).rsplit(".", 1)[-1]
        return STRUCTURES.get(name, "")
    return ""


def read_code(source: str) -> CodeReading:
    """Read the code; unparseable code gives `parsed=False` and the syntax error."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError) as error:
        return CodeReading(parsed=False, error=str(error))
    functions = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    reading = CodeReading(parsed=True)
    Walker(reading, functions).visit(tree)
    if "dict" in reading.structures and any(
        isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load)
        for node in ast.walk(tree)
    ):
        reading.memoised = reading.memoised or reading.recursive
    return reading


def written_approach(
    problem: Problem,
    source: str,
    measured: float | None = None,
    preferred: Approach | None = None,
) -> Approach | None:
    """The pack approach whose time bound matches the shape of the written code, if one
    does (the strongest such approach when several share the bound). A `measured` growth
    exponent overrules a shape that reads slower than the code ran (a bucket walk nests two
    loops yet stays linear); among the bounds that fit the measurement, the `preferred`
    (stated) approach wins, else the strongest."""
    reading = read_code(source)
    if not reading.parsed:
        return None
    estimate = reading.time_estimate()
    fitting = [a for a in problem.approaches if normal_form(a.time) == estimate]
    shaped = max(fitting, key=lambda a: KIND_ORDER[a.kind]) if fitting else None
    shaped_degree = degree(estimate)
    if measured is None or shaped_degree is None or shaped_degree < measured + MARGIN:
        return shaped
    fitting = []
    for approach in problem.approaches:
        power = degree(normal_form(approach.time) or "")
        if power is not None and abs(power - measured) < MARGIN:
            fitting.append(approach)
    if preferred is not None and any(preferred is approach for approach in fitting):
        return preferred
    return max(fitting, key=lambda a: KIND_ORDER[a.kind]) if fitting else None


KIND_ORDER = {"brute_force": 0, "better": 1, "optimal": 2}
MARGIN = 0.75
"""How far a measured growth exponent may sit from a bound's degree and still fit it."""


def cost_remark(reading: CodeReading) -> str:
    """A sentence about the cost of the code on screen, or '' when nothing stands out."""
    if not reading.parsed:
        return ""
    if reading.recursive and not reading.memoised:
        return (
            "Your recursion solves the same subproblems again and again — how many calls is that?"
        )
    if reading.loop_depth >= 2:
        return "You loop over the input again inside a loop over it — what does that cost?"
    if reading.slices_in_loop:
        return "You copy a slice inside the loop, which is itself a loop — what does that cost?"
    if reading.scan_in_loop:
        return "You scan the list again for each element — what does that cost?"
    return ""
