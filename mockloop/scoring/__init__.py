"""Scoring: fold a session log into evidence, score it against a rubric and level, and
render the Markdown report.

The core (`rules.score` -> `report.render`) knows no round: a round brings its evidence,
scorers and report sections (the coding round's are `collect`, `coding_card` and
`coding_report`). `writer` adds the final check, lint, the optional LLM judge and the file.
"""

from mockloop.scoring.coding_card import score
from mockloop.scoring.coding_report import render_report
from mockloop.scoring.evidence import Evidence, collect
from mockloop.scoring.models import DimensionScore, Item, Scorecard, TestSummary
from mockloop.scoring.rules import verdict
from mockloop.scoring.writer import evaluate, save_scorecard

__all__ = [
    "DimensionScore",
    "Evidence",
    "Item",
    "Scorecard",
    "TestSummary",
    "collect",
    "evaluate",
    "render_report",
    "save_scorecard",
    "score",
    "verdict",
]
