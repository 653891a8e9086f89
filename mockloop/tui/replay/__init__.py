"""Replay: a past session on its timeline (`mockloop replay ID`, or from Home)."""
