"""Scoring: fold a session log into evidence, score it against a rubric and level, and
render the Markdown report.

The core (`collect` -> `score` -> `render_report`) is pure; `write_scorecard` adds the final
check, ruff, the optional LLM judge and the file.
"""

from mockloop.scoring.evidence import Evidence, collect
from mockloop.scoring.models import DimensionScore, Item, Scorecard, TestSummary
from mockloop.scoring.report import render_report
from mockloop.scoring.rules import score, verdict
from mockloop.scoring.writer import evaluate, write_scorecard

__all__ = [
    "DimensionScore",
    "Evidence",
    "Item",
    "Scorecard",
    "TestSummary",
    "collect",
    "evaluate",
    "render_report",
    "score",
    "verdict",
    "write_scorecard",
]
