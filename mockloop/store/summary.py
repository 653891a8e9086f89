"""`SessionSummary`: one row of `mockloop history`, a session's setup and outcome."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict


class SessionSummary(BaseModel):
    """One row of `mockloop history`: a session's setup and outcome."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    started_at: datetime
    company: str
    persona: str
    level: str
    level_title: str
    problem: str
    minutes: int
    status: Literal["active", "ended"]
    verdict: str | None = None
    score: float | None = None
    model: str | None = None
