"""Progress across sessions: incomplete/simulated markers, stats, trends, the prep plan, replay.

Plain Python over the store's session outcomes and event logs; no Textual here, so the CLI
(`mockloop stats`) and the Home and Replay screens share one reading of the history.
"""
