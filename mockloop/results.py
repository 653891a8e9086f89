"""Results of running candidate code against a problem's cases (the `check --json` shape)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

CaseStatus = Literal["passed", "failed", "error", "timeout", "memory", "crashed", "skipped"]
RunStatus = Literal["passed", "failed", "error", "timeout", "memory", "crashed"]


class CaseResult(BaseModel):
    """One case's outcome. Hidden cases never carry their inputs or expected values."""

    model_config = ConfigDict(extra="forbid")

    name: str
    status: CaseStatus
    ms: float = 0.0
    category: Literal["example", "basic", "edge", "performance"] = "basic"
    visible: bool = Field(default=False, description="An example the candidate can see")
    args: list[Any] | None = Field(default=None, description="Only for visible examples")
    expected: Any = Field(default=None, description="Only for visible examples")
    actual: Any = Field(default=None, description="Only for visible examples")
    output: str = Field(default="", description="Captured stdout/stderr, capped")
    error: str = Field(default="", description="Exception trimmed to the candidate's frames")


class RunResult(BaseModel):
    """A whole run: overall status, counts, per-case results and a one-line message."""

    model_config = ConfigDict(extra="forbid")

    problem: str
    status: RunStatus
    passed: int
    total: int
    cases: list[CaseResult]
    message: str
    isolation: list[str] = Field(default_factory=list, description="What confinement applied")
    duration_ms: float = 0.0
    output: str = Field(default="", description="Output while loading, and raw fd output, capped")

    def check_json(self) -> dict[str, Any]:
        """The exact `mockloop check --json` object from DESIGN.md."""
        return {
            "problem": self.problem,
            "status": self.status,
            "passed": self.passed,
            "total": self.total,
            "cases": [
                {"name": case.name, "status": case.status, "ms": round(case.ms, 3)}
                for case in self.cases
            ],
            "message": self.message,
        }


class Scaling(BaseModel):
    """How the code's CPU time grew with the input size (`check --json`'s `scaling`).

    `exponent` is the slope of log(time) against log(size); None when the measurement was
    skipped, and `note` says why. `clear` is whether the fit is clean enough to hold a
    complexity claim against.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    exponent: float | None = None
    sizes: list[int] = Field(default_factory=list, description="Input sizes measured")
    ms: list[float] = Field(default_factory=list, description="Best CPU ms at each size")
    clear: bool = Field(default=False, description="Enough sizes and a clean straight fit")
    note: str = Field(default="", description="Why it was skipped or is not clear")

    @property
    def shown(self) -> str:
        """The growth as a reader says it, e.g. `O(n^1.0)`: to the nearest whole power, so
        the noise between two runs of the same code does not change the words."""
        if self.exponent is None:
            return "not measured"
        return f"O(n^{max(round(self.exponent), 0):.1f})"

    def check_json(self) -> dict[str, Any] | None:
        """`{"exponent", "sizes", "ms"}` as DESIGN.md has it, or None when skipped."""
        if self.exponent is None:
            return None
        return {
            "exponent": round(self.exponent, 2),
            "sizes": self.sizes,
            "ms": [round(value, 3) for value in self.ms],
        }
