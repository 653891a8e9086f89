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
